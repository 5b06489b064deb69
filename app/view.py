"""The view every page draws: the corpus, the filtered articles and the filters, with loaders for analyses."""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd
import streamlit as st

from app.loaders import (AnalysisFailed, ArticleIds, load_article_labels, load_copied, load_export, load_figure,
                         load_framing, load_meta, load_overlap, load_quote_keys, load_report, load_reuse,
                         load_reuse_groups, load_story_rows, load_view_colours, store_uploads)
from app.markup import plain_markdown
from app.urlstate import missing_from_link
from app.source import CorpusSource
from lib.analyse.groups import group_labels
from lib.analyse.reuse import MIN_CHARS
from lib.domain.outlets import outlet_labels

LOG = logging.getLogger(__name__)
# What each URL parameter names, for the message a link to something missing gets.
LINKED_THINGS = {"outlet": "outlet", "story": "story", "speaker": "speaker", "article": "article",
                 "quote": "shared quote", "pair": "article pair", "by": "outlet attribute",
                 "by_value": "outlet group"}
SIDEBAR_LINKED = ("outlet", "story", "speaker", "by", "by_value")  # the sidebar filters' URL parameters
SECTION = "section"  # URL parameter naming a page's open section (its tab's label)


@dataclass
class View:
    """What the pages draw: the corpus, the filtered articles and the filters, with loaders for analyses."""

    source: CorpusSource
    version: str
    colours: dict
    all_articles: pd.DataFrame
    articles: pd.DataFrame  # after every sidebar filter
    all_quotes: pd.DataFrame
    all_mentions: pd.DataFrame
    stories: pd.DataFrame  # every story of the corpus
    assignment: pd.DataFrame
    coverage: pd.DataFrame
    story_names: dict
    story_id: str | None  # the story chosen in the sidebar
    speaker: str | None
    outlets: list
    share: dict = field(default_factory=dict)  # page widgets' URL parameters (key -> list of values)
    stories_failure: AnalysisFailed | None = None  # why there are no stories, when grouping them failed
    downloads: dict = field(default_factory=dict)  # table name -> () -> DataFrame: what this page shows, to download
    by: str | None = None  # the outlet attribute the views compare groups of outlets by (None: outlet by outlet)
    sides: dict | None = None  # outlet -> its group by ``by``

    @property
    def side(self) -> str:
        """What the comparisons compare, in words: "outlet", or the attribute's groups ("type")."""
        return "outlet" if self.by is None else self.by

    @property
    def side_noun(self) -> str:
        """A compared side as a plain noun that takes an "s": "outlet", or "group" when grouped."""
        return "outlet" if self.by is None else "group"

    def side_labels(self, outlets: pd.Series) -> pd.Series:
        """The compared side of each outlet: its label, or its group when grouped."""
        if self.sides is None:
            return outlet_labels(outlets)
        return group_labels(outlets, self.sides)

    def side_colours(self, ids=None, grouped: bool = True) -> dict:
        """Compared side (an outlet, or a group when ``grouped`` and the view groups outlets) -> colour on a page over
        the articles ``ids`` (the filtered ones by default), as its charts give them (load_view_colours)."""
        return load_view_colours(self.source, self.version, self.ids if ids is None else ArticleIds(ids),
                                 self.by if grouped else None)

    @property
    def unfiltered(self) -> bool:
        """True while every article passes the filters (the corpus-wide frames serve as they are)."""
        return len(self.articles) == len(self.all_articles)

    @functools.cached_property
    def ids(self) -> ArticleIds:
        """Ids of the filtered articles (a hashable cache key)."""
        return ArticleIds(self.articles["id"].tolist())  # tolist: 10x faster than iterating Arrow strings

    # Filtered on first use, not in build_view: the Story and Data pages read neither, the Overview only counts the
    # quotes (6-7 ms each per filtered rerun on 5,000 articles).
    @functools.cached_property
    def quotes(self) -> pd.DataFrame:
        """Quotes of the filtered articles (all their quotes: the speaker filter picks articles, not quotes)."""
        return self._of_articles(self.all_quotes)

    @functools.cached_property
    def mentions(self) -> pd.DataFrame:
        """Dated references of the filtered articles."""
        return self._of_articles(self.all_mentions)

    def _of_articles(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``frame`` about the filtered articles (``frame`` itself while nothing is filtered)."""
        if self.unfiltered:
            return frame
        return frame[frame["article_id"].isin(set(self.ids))]

    def explain_if_empty(self) -> bool:
        """True, after saying why and how to widen it, when no article passes the filters."""
        if self.articles.empty:
            st.info("No article matches the filters: widen the date range or clear the outlet, story or speaker "
                    "filter.")
        return self.articles.empty

    def caption_if_capped(self, shown: int, total: int, what: str, how: str) -> None:
        """Say under a chart or table that it shows only ``shown`` of ``total`` items, and how to see the others."""
        if total > shown:
            st.caption(f"Showing {shown:,} of {total:,} {what}; {how}")

    def figure(self, name: str, option=None, ids=None):
        """A cached figure over the given (default: the filtered) articles (see load_figure), by group when grouped."""
        return load_figure(self.source, self.version, name, self.ids if ids is None else ArticleIds(ids), option,
                           self.by)

    def chart(self, name: str, option=None, ids=None) -> bool:
        """Draw a figure; a figure that cannot be built is a plain warning in its place, not a dead page."""
        try:
            figure = self.figure(name, option, ids)
        except AnalysisFailed as failed:
            st.warning(str(failed))
            return False
        except Exception as error:  # noqa: BLE001 - a figure builder's bug must not take the page down
            LOG.exception("figure %s failed", name)
            st.warning(f"This chart could not be drawn ({type(error).__name__}); the rest of the page is complete.")
            return False
        st.plotly_chart(figure, key=name)
        return True

    def draw_section(self, sections: dict[str, Callable[[], None]], linked: dict[str, str] | None = None,
                     former: dict[str, str] | None = None) -> None:
        """Draw the page's open section: ``sections`` (label -> drawer) are tabs of which only the open one is drawn,
        since a brand-new browser drew every chart of a long page before showing any (issue 15). The open section is in
        the URL (``section=``, its label); a link naming something a section shows (``linked``: URL parameter ->
        section label, e.g. ``pair`` -> the reuse section) opens that section, and so does a link naming a section by
        a label it had before (``former``: old label -> label)."""
        labels = list(sections)
        default = (former or {}).get(st.query_params.get(SECTION)) or next(
            (label for key, label in (linked or {}).items() if key in st.query_params), labels[0])
        tabs = st.tabs(labels, key=SECTION, default=default, bind="query-params")
        label, tab = next(((label, tab) for label, tab in zip(labels, tabs) if tab.open), (default, tabs[0]))
        if label != labels[0]:
            self.share[SECTION] = [label]
        with tab:
            sections[label]()

    def offer(self, table: str, frame: Callable[[], pd.DataFrame]) -> None:
        """Offer a table of what this page shows for download (built only when someone downloads it)."""
        self.downloads[table] = frame

    def story_rows(self) -> pd.DataFrame:
        """The stories holding at least one filtered article (all of them while nothing is filtered)."""
        if self.unfiltered:
            return self.stories
        return load_story_rows(self.source, self.version, self.ids)

    def story_of(self) -> dict:
        """Article id -> story id."""
        return load_meta(self.source, self.version)["story_of"]

    def article_labels(self) -> dict:
        """id -> display label of the filtered articles, in corpus order."""
        labels = load_article_labels(self.source, self.version)
        return labels if self.unfiltered else {i: labels[i] for i in self.ids}

    def framing(self, ids):
        """Framing of one story's articles (by group when grouped)."""
        return load_framing(self.source, self.version, ArticleIds(ids), self.by)

    def overlap(self, ids):
        """Shared quotes among the given articles."""
        return load_overlap(self.source, self.version, ArticleIds(ids))

    def quote_keys(self) -> dict:
        """Shared-quote group -> its stable link id."""
        return load_quote_keys(self.source, self.version)

    @property
    def copied(self) -> pd.DataFrame:
        """The corpus's articles that copy another (reuse.copied_pairs), by which independent reports are counted."""
        return load_copied(self.source, self.version)

    def reuse(self, ids, min_chars: int = MIN_CHARS):
        """Reused passages among the given articles."""
        return load_reuse(self.source, self.version, ArticleIds(ids), int(min_chars))

    def reuse_groups(self, ids, min_chars: int = MIN_CHARS) -> pd.DataFrame:
        """Reused passages among the given articles, one row per passage with all its carriers."""
        return load_reuse_groups(self.source, self.version, ArticleIds(ids), int(min_chars))

    def export(self, table: str, fmt: str) -> bytes:
        """A corpus table as download bytes."""
        return load_export(self.source, self.version, table, fmt)

    def report(self) -> pd.DataFrame:
        """The ingest report."""
        return load_report(self.source, self.version)

    def ingest(self, files) -> pd.DataFrame:
        """Store uploads into the corpus."""
        return store_uploads(self.source, files)


def report_missing(keys=None, filtered_out=frozenset()) -> bool:
    """True, after saying what was asked for and not found, when the page's link names something this corpus lacks
    (an outlet, story, speaker, article ...), or that the filters leave out (``filtered_out``: values the corpus
    has): nothing is shown in its place."""
    missing = {k: v for k, v in missing_from_link().items() if keys is None or k in keys}
    for key, values in missing.items():
        what = LINKED_THINGS.get(key, key)
        named = ", ".join(f"“{plain_markdown(v)}”" for v in values)
        why = ("which the filters leave out" if set(values) <= set(filtered_out)
               else f"which {'is' if len(values) == 1 else 'are'} not in this corpus")
        st.error(f"This link asks for the {what} {named}, {why}. Nothing is shown in its place: choose another "
                 f"{what}, or clear the filters (the Filters button in the sidebar).", icon=":material/search_off:")
    return bool(missing)


def open_page(title: str) -> View | None:
    """The view a page draws, under the page's title; None, after saying why, when the link names something missing or
    no article passes the filters."""
    view = st.session_state["view"]
    st.title(title)
    if report_missing(SIDEBAR_LINKED):
        return None
    return None if view.explain_if_empty() else view

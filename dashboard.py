"""The coverage-comparison dashboard: page config, corpus, shared filters kept in the URL, cached loaders, pages.

Run: `streamlit run dashboard.py` (the seeds), `streamlit run dashboard.py -- --db FILE` or `-- FOLDER`.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib import corpus, store
from lib.analyse import stored
from lib.analyse.framing import frame_story
from lib.analyse.overlap import outlet_quote_matrix, overlap_summary, quote_groups
from lib.analyse.reuse import MIN_CHARS, lineage
from lib.analyse.timeline import coverage_timeline, daily_counts, history_timeline
from app.markup import highlight_css, plain_markdown
from lib.figures.framing import terms_figure, voices_figure
from lib.figures.quotes import lineage_figure, reuse_flows_figure, shared_quotes_figure, speaker_outlet_figure
from lib.figures.style import outlet_colours, outlet_labels
from lib.figures.time import (coverage_timeline_figure, daily_counts_figure, history_timeline_figure, joined_titles,
                              stories_figure)

st.set_page_config(page_title="Coverage compare", page_icon=":material/compare_arrows:", layout="wide")

SOURCE = corpus.parse_source(sys.argv[1:])
MAX_STORIES = 200  # stories offered in the sidebar picker (see sidebar_filters)


# ---------------------------------------------------------------- loaders (cached; keyed by source + version)
class ArticleIds(tuple):
    """Article ids as a cache key hashed by one digest: Streamlit would hash all 5,000 strings on every call."""

    @functools.cached_property
    def digest(self) -> str:
        """SHA-1 of the ids in order (computed once per tuple)."""
        return hashlib.sha1("\x1f".join(self).encode("utf-8")).hexdigest()


BY_DIGEST = {ArticleIds: lambda ids: ids.digest}


class SharedFigure(go.Figure):
    """A cached figure whose dict is built once: st.plotly_chart calls to_dict() (a deep copy of every trace)
    on every rerun and only reads the result (serialises it to JSON)."""

    @classmethod
    def of(cls, figure: go.Figure) -> SharedFigure:
        """The built figure itself, re-classed: SharedFigure(figure) copied and re-validated every trace (40 ms of a
        Quotes filter change)."""
        figure.__class__ = cls
        return figure

    def to_dict(self) -> dict:
        """The figure as a dict, built on first use; callers must not mutate it."""
        if "_shared_dict" not in self.__dict__:
            self.__dict__["_shared_dict"] = super().to_dict()
        return self.__dict__["_shared_dict"]


@dataclass
class Store:
    """The open corpus and the lock that serialises writes (uploads) across sessions."""

    con: object
    lock: threading.Lock = field(default_factory=threading.Lock)


@st.cache_resource(show_spinner="Opening the corpus…")
def open_store(source: corpus.CorpusSource) -> Store:
    """One DuckDB connection per corpus for the whole server; each reader takes its own cursor."""
    return Store(corpus.open_corpus(source))


def current_version(source: corpus.CorpusSource) -> str:
    """The corpus version now (changes after an upload), the second key of every cached frame."""
    with open_store(source).con.cursor() as cur:
        return corpus.corpus_version(cur)


# The corpus-wide frames are cache_resource: one shared, read-only object per corpus version. cache_data would
# unpickle a fresh copy of each on every rerun (0.3 s per filter change on 5,000 articles, measured); no page
# mutates them (pages filter, .assign or .copy before changing anything).
@st.cache_resource(show_spinner="Loading articles…", max_entries=4)
def load_articles(source: corpus.CorpusSource, version: str) -> pd.DataFrame:
    """Every stored article, without the list columns no page or analysis reads (the Data page exports them)."""
    with open_store(source).con.cursor() as cur:
        return store.load_articles(cur).drop(columns=list(corpus.LIST_COLUMNS))


@st.cache_resource(show_spinner=False, max_entries=4)
def load_article_labels(source: corpus.CorpusSource, version: str) -> dict:
    """id -> "Outlet · day · title" of every article, in corpus order, unique in the corpus: an article's label (its
    URL parameter) is the same under any filter, and a filter change does not relabel the corpus (30 ms)."""
    return corpus.article_labels(load_articles(source, version))


@st.cache_resource(show_spinner="Loading quotes…", max_entries=4)
def load_quotes(source: corpus.CorpusSource, version: str) -> pd.DataFrame:
    """Every stored quote, speakers canonicalised across the corpus, plus a `who` column (id, else as written)."""
    with open_store(source).con.cursor() as cur:
        return stored.corpus_quotes(cur)


@st.cache_resource(show_spinner=False, max_entries=4)
def load_mentions(source: corpus.CorpusSource, version: str) -> pd.DataFrame:
    """Every stored dated reference."""
    with open_store(source).con.cursor() as cur:
        return store.load_date_mentions(cur)


@st.cache_data(show_spinner=False, max_entries=4)
def load_report(source: corpus.CorpusSource, version: str) -> pd.DataFrame:
    """The ingest report, newest first."""
    with open_store(source).con.cursor() as cur:
        return store.load_report(cur)


@st.cache_resource(show_spinner=False, max_entries=4)
def load_corpus_key(source: corpus.CorpusSource, version: str) -> str:
    """The key stored corpus analyses are kept under (hash of articles, quotes and analysis code)."""
    with open_store(source).con.cursor() as cur:
        return stored.corpus_key(cur)


def load_analysis(source: corpus.CorpusSource, version: str, name: str) -> pd.DataFrame:
    """A corpus-wide analysis: read from the corpus when stored for this version, else computed and stored.

    A read-only corpus that lacks it gets it computed in memory (the callers cache it per server).
    """
    key = load_corpus_key(source, version)
    handle = open_store(source)
    with handle.con.cursor() as cur:
        frame = stored.read_analysis(cur, name, key)
    if frame is not None:
        return frame
    started = time.perf_counter()
    frame = stored.compute_analysis(name, lambda: load_articles(source, version),
                                      lambda: load_quotes(source, version),
                                      lambda: load_analysis(source, version, "assignment"))
    if not source.read_only:
        with handle.lock, handle.con.cursor() as cur:
            stored.write_analysis(cur, name, key, frame, time.perf_counter() - started)
    return frame


@st.cache_resource(show_spinner="Grouping articles into stories…", max_entries=4)
def load_stories(source: corpus.CorpusSource, version: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(assignment, story summary, coverage timeline) over the whole corpus."""
    assignment = load_analysis(source, version, "assignment")
    return (assignment, load_analysis(source, version, "stories"),
            coverage_timeline(load_articles(source, version), assignment))


@st.cache_resource(show_spinner=False, max_entries=4)
def load_meta(source: corpus.CorpusSource, version: str) -> dict:
    """What the sidebar offers (outlets, date bounds, stories by size, speakers by quotes) and the outlet colours."""
    articles = load_articles(source, version)
    quotes = load_quotes(source, version)
    assignment, stories, _ = load_stories(source, version)
    names = corpus.unique_labels(list(stories["story_id"]), list(stories["label"]), width=80)
    return {"story_of": dict(zip(assignment["article_id"], assignment["story_id"])),
            "outlets": sorted(set(outlet_labels(articles["outlet"])), key=str.casefold),
            "colours": outlet_colours(articles["outlet"]), "bounds": corpus.date_bounds(articles),
            "stories": stories.sort_values(["n_articles", "first"], ascending=[False, True])["story_id"].tolist(),
            "story_names": names, "story_by_name": {label: story for story, label in names.items()},
            # what "Find a story" searches: the whole label (the name in the picker is cut at 80 characters)
            "story_text": dict(zip(stories["story_id"], stories["label"].fillna("").astype(str).str.casefold())),
            "speakers": quotes["who"].dropna().value_counts().index.tolist()}


# Cached (shared, read-only): every filtered rerun of the overview and story pages asked again (~15 ms), and a
# filter change twice (the overview's stories chart and its table).
@st.cache_resource(show_spinner=False, max_entries=32, hash_funcs=BY_DIGEST)
def load_story_rows(source: corpus.CorpusSource, version: str, ids: ArticleIds) -> pd.DataFrame:
    """The stories (summary rows) holding at least one of the given articles."""
    assignment, stories, _ = load_stories(source, version)
    chosen = set(ids)
    return stories[stories["story_id"].isin(set(assignment.loc[assignment["article_id"].isin(chosen), "story_id"]))]


@st.cache_resource(show_spinner="Drawing…", max_entries=64, hash_funcs=BY_DIGEST)
def load_figure(source: corpus.CorpusSource, version: str, name: str, ids: ArticleIds, option=None):
    """The figures, built once per set of articles: daily, stories, speakers, shared, reuse, lineage over the filtered
    articles; coverage, history, voices, terms over one story's.

    Why cached: with 60 outlets and 5,000 articles these builders take seconds. Why cache_resource: a pickled
    plotly Figure re-validates every trace when cache_data unpickles it (10 s per rerun for the 60-outlet daily
    chart, measured); st.plotly_chart only reads the shared figure, and no page mutates it. SharedFigure keeps its
    dict, so a rerun does not deep-copy every trace again.
    """
    return SharedFigure.of(build_figure(source, version, name, ids, option))


def build_figure(source: corpus.CorpusSource, version: str, name: str, ids: ArticleIds, option=None) -> go.Figure:
    """One of the figures over the given articles (see load_figure)."""
    colours = load_meta(source, version)["colours"]
    chosen = set(ids)
    if name == "daily":
        return daily_counts_figure(load_daily(source, version, ids), colours)
    if name == "stories":
        _, _, coverage = load_stories(source, version)
        return stories_figure(load_story_rows(source, version, ids), coverage[coverage["article_id"].isin(chosen)],
                              colours)
    if name == "speakers":
        quotes = load_quotes(source, version)
        return speaker_outlet_figure(corpus.search_quotes(quotes[quotes["article_id"].isin(chosen)], option))
    if name == "shared":
        return shared_quotes_figure(load_overlap(source, version, ids)[2])
    if name == "reuse":
        return reuse_flows_figure(load_reuse(source, version, ids, option)[0], colours)
    if name == "coverage":
        _, _, coverage = load_stories(source, version)
        return coverage_timeline_figure(coverage[coverage["article_id"].isin(chosen)], colours)
    if name == "history":
        return history_timeline_figure(load_history(source, version, ids), colours)
    if name == "voices":  # with one quote of each speaker in each outlet for the hover
        quotes = load_quotes(source, version)
        quotes = quotes[quotes["article_id"].isin(chosen)]
        examples = (quotes.assign(outlet=outlet_labels(quotes["outlet"])).sort_values("end")
                    .groupby(["outlet", "who"])["text"].first().rename("example").reset_index())
        voices = load_framing(source, version, ids).voices
        return voices_figure(voices.assign(outlet=outlet_labels(voices["outlet"])).merge(
            examples, left_on=["outlet", "speaker"], right_on=["outlet", "who"], how="left"), colours)
    if name == "terms":
        return terms_figure(load_framing(source, version, ids).terms, colours)
    if name == "lineage":  # option: (shared-quote group id, its name)
        renderings = load_overlap(source, version, ids)[0]
        return lineage_figure(renderings[renderings["group_id"] == option[0]], colours, quote=option[1])
    raise ValueError(f"no figure named {name!r}")


@st.cache_data(show_spinner=False, max_entries=32, hash_funcs=BY_DIGEST)
def load_daily(source: corpus.CorpusSource, version: str, ids: ArticleIds) -> pd.DataFrame:
    """Articles per day per outlet over the chosen articles, with their titles for the hover."""
    articles = load_articles(source, version)
    chosen = articles[articles["id"].isin(set(ids))]
    daily = daily_counts(chosen)
    cells = chosen.assign(day=pd.to_datetime(chosen["published"]).dt.normalize(),
                          outlet=outlet_labels(chosen["outlet"]),
                          title=chosen["title"].fillna(chosen["text"].str.slice(0, 80)).str.slice(0, 70))
    return daily.assign(outlet=outlet_labels(daily["outlet"])).merge(
        joined_titles(cells, ["day", "outlet"], "title", more=" …"), on=["day", "outlet"], how="left")


@st.cache_data(show_spinner="Aligning how each outlet framed the story…", max_entries=32, hash_funcs=BY_DIGEST)
def load_framing(source: corpus.CorpusSource, version: str, ids: ArticleIds):
    """Side-by-side framing of the given articles (one story)."""
    articles = load_articles(source, version)
    quotes = load_quotes(source, version)
    chosen = set(ids)
    return frame_story(articles[articles["id"].isin(chosen)], quotes[quotes["article_id"].isin(chosen)])


@st.cache_data(show_spinner=False, max_entries=32, hash_funcs=BY_DIGEST)
def load_history(source: corpus.CorpusSource, version: str, ids: ArticleIds) -> pd.DataFrame:
    """Dated references of the given articles, placed in time."""
    mentions = load_mentions(source, version)
    return history_timeline(mentions[mentions["article_id"].isin(set(ids))])


@st.cache_resource(show_spinner="Finding shared quotes across the corpus…", max_entries=4)
def load_renderings(source: corpus.CorpusSource, version: str) -> pd.DataFrame:
    """Every rendering of every quote two or more articles of the corpus share (computed once per version)."""
    return load_analysis(source, version, "renderings")


# cache_resource, as the corpus-wide frames: unpickling these from cache_data took 0.1 s of every Quotes rerun.
@st.cache_resource(show_spinner="Comparing shared quotes…", max_entries=32, hash_funcs=BY_DIGEST)
def load_overlap(source: corpus.CorpusSource, version: str, ids: ArticleIds):
    """(renderings, groups, outlet matrix, one-line summary) of the quotes the given articles share."""
    chosen = set(ids)
    quotes = load_quotes(source, version)
    quotes = quotes[quotes["article_id"].isin(chosen)]
    renderings = corpus.keep_shared(load_renderings(source, version), chosen)
    groups = quote_groups(renderings)
    return (renderings, groups, outlet_quote_matrix(renderings, quotes),
            overlap_summary(groups, renderings, quotes, n_articles=len(ids)))


@st.cache_resource(show_spinner="Finding reused passages across the corpus…", max_entries=4)
def load_passages(source: corpus.CorpusSource, version: str) -> pd.DataFrame:
    """Every passage reused between two articles of the corpus (computed once per version)."""
    return load_analysis(source, version, "passages")


@st.cache_resource(show_spinner=False, max_entries=32, hash_funcs=BY_DIGEST)
def load_reuse(source: corpus.CorpusSource, version: str, ids: ArticleIds, min_chars: int):
    """(passages, lineage edges) among the given articles, passages of at least ``min_chars`` characters."""
    chosen = set(ids)
    pairs = load_passages(source, version)
    pairs = pairs[pairs["source_id"].isin(chosen) & pairs["target_id"].isin(chosen) & (pairs["chars"] >= min_chars)]
    articles = load_articles(source, version)
    return pairs, lineage(pairs, articles[articles["id"].isin(chosen)])


@st.cache_data(show_spinner="Preparing the download…", max_entries=16)
def load_export(source: corpus.CorpusSource, version: str, table: str, fmt: str) -> bytes:
    """One corpus table as CSV or Parquet bytes."""
    def full_articles() -> pd.DataFrame:
        with open_store(source).con.cursor() as cur:
            return store.load_articles(cur)

    frames = {"articles": full_articles, "quotes": lambda: load_quotes(source, version),
              "date_mentions": lambda: load_mentions(source, version),
              "stories": lambda: load_stories(source, version)[1],
              "ingest_report": lambda: load_report(source, version)}
    return corpus.table_bytes(frames[table](), fmt)


def ingest_uploads(source: corpus.CorpusSource, files: list[tuple[str, bytes]]) -> pd.DataFrame:
    """Store uploaded files (one writer at a time); cached frames follow through the new corpus version."""
    handle = open_store(source)
    with handle.lock, handle.con.cursor() as cur:
        return corpus.ingest_uploads(cur, files, corpus.upload_folder(source))


# ---------------------------------------------------------------- the view every page draws
@dataclass
class View:
    """What the pages draw: the corpus, the filtered articles and the filters, with loaders for stored."""

    source: corpus.CorpusSource
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
        """A cached figure over the given (default: the filtered) articles (see load_figure)."""
        return load_figure(self.source, self.version, name, self.ids if ids is None else ArticleIds(ids), option)

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
        """Framing of one story's articles."""
        return load_framing(self.source, self.version, ArticleIds(ids))

    def overlap(self, ids):
        """Shared quotes among the given articles."""
        return load_overlap(self.source, self.version, ArticleIds(ids))

    def reuse(self, ids, min_chars: int = MIN_CHARS):
        """Reused passages among the given articles."""
        return load_reuse(self.source, self.version, ArticleIds(ids), int(min_chars))

    def export(self, table: str, fmt: str) -> bytes:
        """A corpus table as download bytes."""
        return load_export(self.source, self.version, table, fmt)

    def report(self) -> pd.DataFrame:
        """The ingest report."""
        return load_report(self.source, self.version)

    def ingest(self, files) -> pd.DataFrame:
        """Store uploads into the corpus."""
        return ingest_uploads(self.source, files)


# ---------------------------------------------------------------- frame
def password_ok() -> bool:
    """Optional gate for a hosted deployment: `password` in Streamlit secrets; off when there is none."""
    try:
        expected = st.secrets.get("password")
    except Exception:  # no secrets file at all: the gate is off (Streamlit raises its own not-found error)
        expected = None
    if not expected or st.session_state.get("_password_ok"):
        return True
    typed = st.text_input("Password", type="password", help="This dashboard is protected by its host.")
    if typed and hmac.compare_digest(typed, str(expected)):
        st.session_state["_password_ok"] = True
        st.rerun()
    if typed:
        st.error("Wrong password.")
    return False


def sidebar_filters(meta: dict) -> dict:
    """The shared filters; each widget is bound to its URL query parameter, so the URL reproduces the view."""
    side = st.sidebar
    side.header("Filters")
    chosen = side.multiselect("Outlets", meta["outlets"], key="outlet", bind="query-params",
                              placeholder="All outlets", help="Show only these outlets (empty: all).")
    bounds = meta["bounds"]
    start = end = None
    if bounds:
        # No min/max: a shared address keeps its dates even when they reach past this corpus's first/last day.
        picked = side.date_input("Published between", value=bounds, key="dates", bind="query-params",
                                 format="YYYY-MM-DD", min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))
        picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
        if picked and tuple(picked) != tuple(bounds):
            start, end = picked[0], picked[-1] if len(picked) > 1 else bounds[1]
    names = meta["story_names"]
    # The picker offers at most MAX_STORIES stories (all 4,735 of a 5,000-article corpus were 416 kB of options sent
    # with every page): the largest, or those whose name has every word typed in "Find a story", plus the one the
    # address names (a shared link, an article's "Open its story").
    offered = meta["stories"]
    if len(offered) > MAX_STORIES:
        words = side.text_input("Find a story", key="story_find", placeholder="words in its title",
                                help=f"The list below offers {MAX_STORIES} stories: the largest, or those whose "
                                     "title has all of these words.").casefold().split()
        if words:
            offered = [s for s in offered if all(w in meta["story_text"][s] for w in words)]
            side.caption(f"{len(offered):,} of {len(meta['stories']):,} stories match" +
                         (f"; the {MAX_STORIES} largest are listed." if len(offered) > MAX_STORIES else "."))
        offered = offered[:MAX_STORIES]
    named = meta["story_by_name"].get(st.query_params.get("story"))
    if named is not None and named not in offered:
        offered = [*offered, named]
    story = side.selectbox("Story", offered, index=None, key="story", bind="query-params",
                           format_func=lambda s: names.get(s, s), placeholder="All stories",
                           help="Stories are groups of articles on the same event.")
    speaker = side.selectbox("Speaker", meta["speakers"], index=None, key="speaker", bind="query-params",
                             placeholder="Anyone", help="Only articles that quote this speaker.")
    side.caption("Every filter narrows the articles on every page, and is kept in the page address.")
    return {"outlets": chosen, "start": start, "end": end, "story": story, "speaker": speaker, "bounds": bounds}


def share_url(view: View, filters: dict) -> str:
    """The address of this exact view: the page URL plus the filters and the page's own choices."""
    params: list[tuple[str, str]] = [("outlet", o) for o in filters["outlets"]]
    if filters["start"] is not None:
        params += [("dates", filters["start"].isoformat()), ("dates", filters["end"].isoformat())]
    if filters["story"]:
        params.append(("story", view.story_names.get(filters["story"], filters["story"])))
    if filters["speaker"]:
        params.append(("speaker", filters["speaker"]))
    for key, values in view.share.items():
        params += [(key, v) for v in values]
    base = st.context.url or "http://localhost:8501/"
    return base + ("?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote) if params else "")


def build_view() -> tuple[View, dict]:
    """Load the corpus, draw the sidebar and apply its filters (nothing is copied while no filter is set)."""
    version = current_version(SOURCE)
    all_articles = load_articles(SOURCE, version)
    quotes = load_quotes(SOURCE, version)
    mentions = load_mentions(SOURCE, version)
    assignment, stories, coverage = load_stories(SOURCE, version)
    meta = load_meta(SOURCE, version)
    filters = sidebar_filters(meta)
    articles = corpus.filter_articles(all_articles, filters["outlets"], filters["start"], filters["end"])
    if filters["story"]:
        members = assignment.loc[assignment["story_id"] == filters["story"], "article_id"]
        articles = articles[articles["id"].isin(set(members))]
    if filters["speaker"]:
        quoting = quotes.loc[quotes["who"] == filters["speaker"], "article_id"]
        articles = articles[articles["id"].isin(set(quoting))]
    view = View(source=SOURCE, version=version, colours=meta["colours"], all_articles=all_articles,
                articles=articles, all_quotes=quotes, all_mentions=mentions, stories=stories, assignment=assignment,
                coverage=coverage, story_names=meta["story_names"], story_id=filters["story"],
                speaker=filters["speaker"], outlets=filters["outlets"])
    return view, filters


def main() -> None:
    """Gate, view, navigation, then the share control once the page has said what it shows."""
    if not password_ok():
        st.stop()
    st.html(highlight_css())
    pages = [
        st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("app_pages/story.py", title="Story", icon=":material/view_column:", url_path="story"),
        st.Page("app_pages/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
        st.Page("app_pages/articles.py", title="Articles", icon=":material/article:", url_path="articles"),
        st.Page("app_pages/data.py", title="Data", icon=":material/database:", url_path="data"),
    ]
    page = st.navigation(pages)
    view, filters = build_view()
    st.session_state["view"] = view
    share_slot = st.sidebar.empty()
    try:
        page.run()
    finally:  # also after a page's st.stop() (an empty state): the share control and corpus line still show
        with share_slot.container():
            with st.popover("Share this view", icon=":material/link:", width="stretch"):
                st.caption("Anyone who opens this address sees this page with these filters.")
                st.code(share_url(view, filters), language=None, wrap_lines=True)
        st.sidebar.caption(f"Corpus: {plain_markdown(SOURCE.describe())} · {len(view.all_articles):,} articles")


main()

"""Cached loaders: every frame, analysis and figure the pages draw, keyed by corpus source + version."""
from __future__ import annotations

import functools
import hashlib
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app.exports import table_bytes
from app.source import (CorpusSource, corpus_version, describe_outlets, fetch_links, ingest_uploads, open_corpus,
                        upload_folder)
from app.tables import (STORY_LABEL_CHARS, article_labels, date_bounds, display_titles, keep_shared, search_quotes,
                        stories_under_filter, unique_labels)
from lib import store
from lib.analyse import stored
from lib.analyse.stories.clustering import ASSIGNMENT_COLUMNS
from lib.analyse.stories.summaries import STORY_COLUMNS
from lib.analyse.framing import frame_story
from lib.analyse.groups import group_attributes, group_labels, outlet_groups, regroup
from lib.analyse.overlap import outlet_quote_matrix, overlap_summary, quote_groups
from lib.analyse.reuse import copied_pairs, lineage, reuse_groups
from lib.analyse.timeline import coverage_timeline, daily_counts, history_timeline
from lib.domain.outlets import outlet_labels
from lib.figures.framing import terms_figure, voices_figure
from lib.figures.quotes import lineage_figure, reuse_flows_figure, shared_quotes_figure, speaker_outlet_figure
from lib.figures.style import name_sides, outlet_colours, page_colours
from lib.figures.time import (coverage_timeline_figure, daily_counts_figure, history_timeline_figure, joined_titles,
                              stories_figure)

# How many entries each cache keeps (Streamlit drops the least recently used past them).
VERSIONS_KEPT = 4  # corpus-wide frames: the current corpus version and the few before uploads sessions may still read
SELECTIONS_KEPT = 32  # frames per set of articles: the recent filter states of the sessions on this server
FIGURES_KEPT = 64  # figures: a page draws up to four per filter state, so more than the frames per selection
EXPORTS_KEPT = 16  # download bytes: every table in both formats (10), with room for a newer corpus version
HOVER_TITLE_CHARS = 70  # a daily bar's hover lists titles cut to this (three per bar: joined_titles)
# What each corpus-wide analysis does, in the words a failure message on the page uses.
ANALYSIS_WORDS = {"assignment": "Grouping the articles into stories", "stories": "Summarising the stories",
                  "renderings": "Finding the quotes that articles share",
                  "passages": "Finding passages reused between articles"}
LOG = logging.getLogger(__name__)


class AnalysisFailed(Exception):
    """A corpus-wide analysis raised: the page that needs it says so in words; the others draw as usual."""

    def __init__(self, name: str, error: BaseException):
        first_line = (str(error).strip().splitlines() or [""])[0][:200]
        super().__init__(f"{ANALYSIS_WORDS.get(name, name)} failed on this corpus ({type(error).__name__}"
                         + (f": {first_line}" if first_line else "") + "), so this part cannot be shown. "
                         "The rest of the dashboard still works; the server log has the details.")
        self.name = name


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
def open_store(source: CorpusSource) -> Store:
    """One DuckDB connection per corpus for the whole server; each reader takes its own cursor."""
    return Store(open_corpus(source))


def current_version(source: CorpusSource) -> str:
    """The corpus version now (changes after an upload), the second key of every cached frame."""
    with open_store(source).con.cursor() as cur:
        return corpus_version(cur)


# The corpus-wide frames are cache_resource: one shared, read-only object per corpus version. cache_data would
# unpickle a fresh copy of each on every rerun (0.3 s per filter change on 5,000 articles, measured); no page
# mutates them (pages filter, .assign or .copy before changing anything).
@st.cache_resource(show_spinner="Loading articles…", max_entries=VERSIONS_KEPT)
def load_articles(source: CorpusSource, version: str) -> pd.DataFrame:
    """Every stored article, without the list columns no page or analysis reads (the Data page exports them)."""
    with open_store(source).con.cursor() as cur:
        return store.load_articles(cur, lists=False)


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT)
def load_article_labels(source: CorpusSource, version: str) -> dict:
    """id -> "Outlet · day · title" of every article, in corpus order, unique in the corpus: an article's label (its
    URL parameter) is the same under any filter, and a filter change does not relabel the corpus (30 ms)."""
    return article_labels(load_articles(source, version))


@st.cache_resource(show_spinner="Loading quotes…", max_entries=VERSIONS_KEPT)
def load_quotes(source: CorpusSource, version: str) -> pd.DataFrame:
    """Every stored quote, speakers canonicalised across the corpus, plus a `who` column (id, else as written)."""
    with open_store(source).con.cursor() as cur:
        return stored.corpus_quotes(cur)


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT)
def load_mentions(source: CorpusSource, version: str) -> pd.DataFrame:
    """Every stored dated reference."""
    with open_store(source).con.cursor() as cur:
        return store.load_date_mentions(cur)


@st.cache_data(show_spinner=False, max_entries=VERSIONS_KEPT)
def load_report(source: CorpusSource, version: str) -> pd.DataFrame:
    """The ingest report, newest first."""
    with open_store(source).con.cursor() as cur:
        return store.load_report(cur)


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT)
def load_corpus_key(source: CorpusSource, version: str) -> str:
    """The key stored corpus analyses are kept under (see lib.analyse.stored.corpus_key)."""
    with open_store(source).con.cursor() as cur:
        return stored.corpus_key(cur)


def load_analysis(source: CorpusSource, version: str, name: str) -> pd.DataFrame:
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
    frame = stored.compute_analysis(name, {"articles": lambda: load_articles(source, version),
                                           "quotes": lambda: load_quotes(source, version),
                                           "mentions": lambda: load_mentions(source, version),
                                           "assignment": lambda: analysis(source, version, "assignment"),
                                           "copied": lambda: load_copied(source, version)})
    if not source.read_only:
        with handle.lock, handle.con.cursor() as cur:
            stored.write_analysis(cur, name, key, frame, started)
    return frame


# A failure is cached too: without it, every rerun of every page would run the failing analysis again.
@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT * len(ANALYSIS_WORDS))
def analysis_outcome(source: CorpusSource, version: str, name: str) -> pd.DataFrame | AnalysisFailed:
    """A corpus-wide analysis (load_analysis), or the failure that stopped it (logged with its traceback)."""
    try:
        return load_analysis(source, version, name)
    except AnalysisFailed as failed:  # an input analysis failed first
        return failed
    except Exception as error:  # noqa: BLE001 - any bug in an analysis must stay on the page that needs it
        LOG.exception("corpus analysis %s failed", name)
        return AnalysisFailed(name, error)


def analysis(source: CorpusSource, version: str, name: str) -> pd.DataFrame:
    """A corpus-wide analysis, or AnalysisFailed raised (cached either way)."""
    outcome = analysis_outcome(source, version, name)
    if isinstance(outcome, AnalysisFailed):
        raise outcome
    return outcome


def stories_failure(source: CorpusSource, version: str) -> AnalysisFailed | None:
    """Why there are no stories, when story grouping or its summary failed."""
    for name in ("assignment", "stories"):
        outcome = analysis_outcome(source, version, name)
        if isinstance(outcome, AnalysisFailed):
            return outcome
    return None


@st.cache_resource(show_spinner="Grouping articles into stories…", max_entries=VERSIONS_KEPT)
def load_stories(source: CorpusSource, version: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(assignment, story summary, coverage timeline) over the whole corpus; no stories when grouping failed (the
    pages that need them say why: stories_failure)."""
    try:
        assignment = analysis(source, version, "assignment")
        stories = analysis(source, version, "stories")
    except AnalysisFailed:
        assignment = pd.DataFrame(columns=list(ASSIGNMENT_COLUMNS), dtype=object)
        stories = pd.DataFrame(columns=list(STORY_COLUMNS), dtype=object).astype(
            {"first": "datetime64[us]", "last": "datetime64[us]", "n_articles": int, "n_outlets": int,
             "independent_sources": int})
    return assignment, stories, coverage_timeline(load_articles(source, version), assignment)


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT)
def load_outlet_info(source: CorpusSource, version: str) -> pd.DataFrame:
    """The user's outlet descriptions (outlets file), one column per attribute."""
    with open_store(source).con.cursor() as cur:
        return store.load_outlets(cur)


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT * 4)
def load_sides(source: CorpusSource, version: str, by: str | None) -> dict | None:
    """Stored outlet -> its value of the outlet attribute ``by`` (the group the views compare it as); None when the
    views compare outlet by outlet."""
    if by is None:
        return None
    outlets = load_articles(source, version)["outlet"].dropna().unique().tolist()
    return dict(zip(outlets, outlet_groups(outlets, load_outlet_info(source, version), by)))


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT * 4)
def load_group_colours(source: CorpusSource, version: str, by: str) -> dict:
    """Group -> colour, as outlet_colours gives outlets theirs."""
    return outlet_colours(load_sides(source, version, by).values())


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT)
def load_meta(source: CorpusSource, version: str) -> dict:
    """What the sidebar offers (outlets, date bounds, stories by size, speakers by quotes, outlet attributes and their
    values among the stored outlets) and the outlet colours."""
    articles = load_articles(source, version)
    quotes = load_quotes(source, version)
    assignment, stories, _ = load_stories(source, version)
    names = unique_labels(list(stories["story_id"]), list(stories["label"]), width=STORY_LABEL_CHARS)
    return {"story_of": dict(zip(assignment["article_id"], assignment["story_id"])),
            "outlets": sorted(set(outlet_labels(articles["outlet"])), key=str.casefold),
            "colours": outlet_colours(articles["outlet"]), "bounds": date_bounds(articles),
            "undated": bool(articles["published"].isna().any()),
            "stories": stories.sort_values(["n_articles", "first"], ascending=[False, True])["story_id"].tolist(),
            "story_names": names,
            # what "Find a story" searches: the whole label (the name in the picker is cut at 80 characters)
            "story_text": dict(zip(stories["story_id"], stories["label"].fillna("").astype(str).str.casefold())),
            "speakers": quotes["who"].dropna().value_counts().index.tolist(),
            "attributes": {a: sorted(set(load_sides(source, version, a).values()), key=str.casefold)
                           for a in group_attributes(load_outlet_info(source, version))}}


# Cached (shared, read-only): every filtered rerun of the overview and story pages asked again (~15 ms), and a
# filter change twice (the overview's stories chart and its table).
@st.cache_resource(show_spinner=False, max_entries=SELECTIONS_KEPT, hash_funcs=BY_DIGEST)
def load_story_rows(source: CorpusSource, version: str, ids: ArticleIds) -> pd.DataFrame:
    """The stories holding at least one of the given articles, counted over those articles only."""
    assignment, stories, _ = load_stories(source, version)
    articles = load_articles(source, version)
    return stories_under_filter(stories, assignment, articles[articles["id"].isin(set(ids))],
                                load_copied(source, version))


@st.cache_resource(show_spinner="Drawing…", max_entries=FIGURES_KEPT, hash_funcs=BY_DIGEST)
def load_figure(source: CorpusSource, version: str, name: str, ids: ArticleIds, option=None, by: str | None = None):
    """The figures, built once per set of articles: daily, stories, speakers, shared, reuse, lineage over the filtered
    articles; coverage, history, voices, terms over one story's.

    Why cached: with 60 outlets and 5,000 articles these builders take seconds. Why cache_resource: a pickled
    plotly Figure re-validates every trace when cache_data unpickles it (10 s per rerun for the 60-outlet daily
    chart, measured); st.plotly_chart only reads the shared figure, and no page mutates it. SharedFigure keeps its
    dict, so a rerun does not deep-copy every trace again.
    """
    return SharedFigure.of(build_figure(source, version, name, ids, option, by))


@st.cache_data(show_spinner=False, max_entries=SELECTIONS_KEPT, hash_funcs=BY_DIGEST)
def load_daily(source: CorpusSource, version: str, ids: ArticleIds, by: str | None = None) -> pd.DataFrame:
    """Articles per day per outlet (or outlet group) over the chosen articles, with their titles for the hover."""
    articles = load_articles(source, version)
    chosen = articles[articles["id"].isin(set(ids))]
    sides = load_sides(source, version, by)
    cells = regroup(chosen.assign(title=display_titles(chosen, HOVER_TITLE_CHARS)), sides, named_in="title")
    daily = daily_counts(regroup(chosen, sides))
    cells = cells.assign(day=pd.to_datetime(cells["published"]).dt.normalize(), outlet=outlet_labels(cells["outlet"]))
    return daily.assign(outlet=outlet_labels(daily["outlet"])).merge(
        joined_titles(cells, ["day", "outlet"], "title", more=" …"), on=["day", "outlet"], how="left")


@st.cache_data(show_spinner="Aligning how each outlet framed the story…", max_entries=SELECTIONS_KEPT,
               hash_funcs=BY_DIGEST)
def load_framing(source: CorpusSource, version: str, ids: ArticleIds, by: str | None = None):
    """Side-by-side framing of the given articles (one story), outlet by outlet or by outlet group."""
    articles = load_articles(source, version)
    quotes = load_quotes(source, version)
    chosen = set(ids)
    return frame_story(articles[articles["id"].isin(chosen)], quotes[quotes["article_id"].isin(chosen)],
                       sides=load_sides(source, version, by))


@st.cache_data(show_spinner=False, max_entries=SELECTIONS_KEPT, hash_funcs=BY_DIGEST)
def load_history(source: CorpusSource, version: str, ids: ArticleIds) -> pd.DataFrame:
    """Dated references of the given articles, placed in time."""
    mentions = load_mentions(source, version)
    return history_timeline(mentions[mentions["article_id"].isin(set(ids))])


@st.cache_resource(show_spinner="Finding shared quotes across the corpus…", max_entries=VERSIONS_KEPT)
def load_renderings(source: CorpusSource, version: str) -> pd.DataFrame:
    """Every rendering of every quote two or more articles of the corpus share (computed once per version)."""
    return analysis(source, version, "renderings")


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT)
def load_quote_keys(source: CorpusSource, version: str) -> dict:
    """Shared-quote group -> its link id: the corpus-wide earliest rendering's article id and offset ("1a2b…-812"),
    which stays the same under any filter and while that rendering stays the earliest."""
    renderings = load_renderings(source, version)
    first = renderings.sort_values(["group_id", "role"], key=lambda c: c if c.name == "group_id" else c != "earliest")
    first = first.drop_duplicates("group_id")
    return {g: f"{a}-{s}" for g, a, s in zip(first["group_id"], first["article_id"], first["start"])}


# cache_resource, as the corpus-wide frames: unpickling these from cache_data took 0.1 s of every Quotes rerun.
@st.cache_resource(show_spinner="Comparing shared quotes…", max_entries=SELECTIONS_KEPT, hash_funcs=BY_DIGEST)
def load_overlap(source: CorpusSource, version: str, ids: ArticleIds):
    """(renderings, groups, outlet matrix, one-line summary) of the quotes the given articles share."""
    chosen = set(ids)
    quotes = load_quotes(source, version)
    quotes = quotes[quotes["article_id"].isin(chosen)]
    renderings = keep_shared(load_renderings(source, version), chosen)
    groups = quote_groups(renderings)
    return (renderings, groups, outlet_quote_matrix(renderings, quotes),
            overlap_summary(groups, renderings, quotes, n_articles=len(ids)))


@st.cache_resource(show_spinner="Finding reused passages across the corpus…", max_entries=VERSIONS_KEPT)
def load_passages(source: CorpusSource, version: str) -> pd.DataFrame:
    """Every passage reused between two articles of the corpus (computed once per version)."""
    return analysis(source, version, "passages")


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT)
def load_copied(source: CorpusSource, version: str) -> pd.DataFrame:
    """The articles that copy another (reuse.copied_pairs), by which independent reports are counted; none when
    passage reuse failed (the page that shows reuse says why; the stories still stand)."""
    try:
        return copied_pairs(load_passages(source, version))
    except AnalysisFailed:
        return copied_pairs(None)


@st.cache_resource(show_spinner=False, max_entries=SELECTIONS_KEPT, hash_funcs=BY_DIGEST)
def load_reuse(source: CorpusSource, version: str, ids: ArticleIds, min_chars: int):
    """(passages, lineage edges) among the given articles, passages of at least ``min_chars`` characters."""
    chosen = set(ids)
    pairs = load_passages(source, version)
    pairs = pairs[pairs["source_id"].isin(chosen) & pairs["target_id"].isin(chosen) & (pairs["chars"] >= min_chars)]
    articles = load_articles(source, version)
    return pairs, lineage(pairs, articles[articles["id"].isin(chosen)])


@st.cache_resource(show_spinner=False, max_entries=SELECTIONS_KEPT, hash_funcs=BY_DIGEST)
def load_reuse_groups(source: CorpusSource, version: str, ids: ArticleIds, min_chars: int) -> pd.DataFrame:
    """The reused passages among the given articles as groups, each with every carrier among them (reuse_groups):
    linked through every article of the corpus, so two of them that ran one source the filters leave out share it."""
    pairs = load_passages(source, version)
    return reuse_groups(pairs[pairs["chars"] >= min_chars], load_articles(source, version), shown=ids)


@st.cache_data(show_spinner="Preparing the download…", max_entries=EXPORTS_KEPT)
def load_export(source: CorpusSource, version: str, table: str, fmt: str) -> bytes:
    """One corpus table as CSV or Parquet bytes."""
    def full_articles() -> pd.DataFrame:
        with open_store(source).con.cursor() as cur:
            return store.load_articles(cur)

    frames = {"articles": full_articles, "quotes": lambda: load_quotes(source, version),
              "date_mentions": lambda: load_mentions(source, version),
              "stories": lambda: load_stories(source, version)[1],
              "ingest_report": lambda: load_report(source, version)}
    return table_bytes(frames[table](), fmt)


def store_uploads(source: CorpusSource, files: list[tuple[str, bytes]]) -> pd.DataFrame:
    """Store uploaded files (one writer at a time); cached frames follow through the new corpus version."""
    handle = open_store(source)
    with handle.lock, handle.con.cursor() as cur:
        return ingest_uploads(cur, files, upload_folder(source))


def store_links(source: CorpusSource, urls: list[str], progress=None) -> pd.DataFrame:
    """Fetch pasted URLs into the corpus (one writer at a time); one row per URL."""
    handle = open_store(source)
    with handle.lock, handle.con.cursor() as cur:
        return fetch_links(cur, urls, progress)


def store_outlet_descriptions(source: CorpusSource, name: str, data: bytes) -> tuple[int, list[str]]:
    """Store an uploaded outlets file (one writer at a time)."""
    handle = open_store(source)
    with handle.lock, handle.con.cursor() as cur:
        return describe_outlets(cur, name, data)


# ---------------------------------------------------------------- figures by name
def _about(frame: pd.DataFrame, ids: ArticleIds) -> pd.DataFrame:
    """The rows of ``frame`` about the given articles."""
    return frame[frame["article_id"].isin(set(ids))]


def _story_coverage(source: CorpusSource, version: str, ids: ArticleIds, by: str | None = None) -> pd.DataFrame:
    """The coverage timeline rows of the given articles (outlets as their groups, each title naming its outlet)."""
    return regroup(_about(load_stories(source, version)[2], ids), load_sides(source, version, by), named_in="title")


def _voices_input(source: CorpusSource, version: str, ids: ArticleIds, option, by: str | None) -> dict:
    """Voices of one story's outlets (or groups), with one quote of each speaker in each for the hover."""
    quotes = regroup(_about(load_quotes(source, version), ids), load_sides(source, version, by))
    examples = (quotes.assign(outlet=outlet_labels(quotes["outlet"])).sort_values("end")
                .groupby(["outlet", "who"])["text"].first().rename("example").reset_index())
    voices = load_framing(source, version, ids, by).voices
    return {"voices": voices.assign(outlet=outlet_labels(voices["outlet"])).merge(
        examples, left_on=["outlet", "speaker"], right_on=["outlet", "who"], how="left")}


def _shared_input(source: CorpusSource, version: str, ids: ArticleIds, option, by: str | None) -> dict:
    """The outlet (or group) pairs sharing quotes among the given articles."""
    if by is None:
        return {"matrix": load_overlap(source, version, ids)[2]}
    renderings, sides = load_overlap(source, version, ids)[0], load_sides(source, version, by)
    return {"matrix": outlet_quote_matrix(regroup(renderings.assign(member=renderings["outlet"]), sides),
                                          regroup(_about(load_quotes(source, version), ids), sides))}


def _terms_input(source: CorpusSource, version: str, ids: ArticleIds, option, by: str | None) -> dict:
    """Each side's distinctive terms, and how many sides there are (one has nothing to be distinct from)."""
    articles = load_articles(source, version)
    chosen = regroup(articles[articles["id"].isin(set(ids))], load_sides(source, version, by))
    # articles naming no outlet are one side, as framing compares them
    return {"terms": load_framing(source, version, ids, by).terms, "sides": outlet_labels(chosen["outlet"]).nunique()}


def _lineage_input(source: CorpusSource, version: str, ids: ArticleIds, option, by: str | None) -> dict:
    """The carriers of one shared quote; ``option`` is (shared-quote group id, its name)."""
    renderings = load_overlap(source, version, ids)[0]
    return {"carriers": renderings[renderings["group_id"] == option[0]], "quote": option[1]}


@dataclass(frozen=True)
class FigureRecipe:
    """How one named figure is drawn: its lib.figures builder and the data arguments it takes."""

    build: Callable[..., go.Figure]
    # (source, version, ids, option, by) -> kwargs; ``by``: the outlet attribute the view groups outlets by, or None
    inputs: Callable[[CorpusSource, str, ArticleIds, object, str | None], dict]
    coloured: bool = True  # whether the builder takes the corpus's outlet colours
    grouped: bool = False  # whether it compares outlet groups when the view groups outlets (else outlets, always)


# name -> recipe. Over the filtered articles: daily, stories, speakers, shared, reuse, lineage; over one story's:
# coverage, history, voices, terms. The option: the quote search (speakers), min_chars (reuse), (group id, name)
# (lineage).
FIGURES = {
    "daily": FigureRecipe(daily_counts_figure, lambda s, v, ids, _, by: {"daily": load_daily(s, v, ids, by)},
                          grouped=True),
    "stories": FigureRecipe(stories_figure, lambda s, v, ids, _, by: {"stories": load_story_rows(s, v, ids),
                                                                      "coverage": _story_coverage(s, v, ids)}),
    "speakers": FigureRecipe(speaker_outlet_figure, lambda s, v, ids, search, by: {
        "quotes": regroup(search_quotes(_about(load_quotes(s, v), ids), search), load_sides(s, v, by))},
        coloured=False, grouped=True),
    "shared": FigureRecipe(shared_quotes_figure, _shared_input, coloured=False, grouped=True),
    "reuse": FigureRecipe(reuse_flows_figure,
                          lambda s, v, ids, min_chars, by: {"pairs": load_reuse(s, v, ids, min_chars)[0]}),
    "coverage": FigureRecipe(coverage_timeline_figure,
                             lambda s, v, ids, _, by: {"coverage": _story_coverage(s, v, ids, by)}, grouped=True),
    "history": FigureRecipe(history_timeline_figure, lambda s, v, ids, _, by: {"history": load_history(s, v, ids)}),
    "voices": FigureRecipe(voices_figure, _voices_input, grouped=True),
    "terms": FigureRecipe(terms_figure, _terms_input, grouped=True),
    "lineage": FigureRecipe(lineage_figure, _lineage_input),
}


@st.cache_resource(show_spinner=False, max_entries=SELECTIONS_KEPT, hash_funcs=BY_DIGEST)
def load_view_colours(source: CorpusSource, version: str, ids: ArticleIds, by: str | None = None) -> dict:
    """The colours of the outlets (or groups, by the outlet attribute ``by``) of the given articles (page_colours):
    every chart and table over the same articles takes this map, so an outlet has one colour on a page."""
    chosen = load_articles(source, version).set_index("id")[["outlet", "published"]].reindex(list(ids))
    chosen = chosen[chosen["outlet"].notna()]
    outlets = chosen["outlet"]
    sides = outlet_labels(outlets) if by is None else group_labels(outlets, load_sides(source, version, by))
    return page_colours(load_meta(source, version)["colours"] if by is None else load_group_colours(source, version, by),
                        sides, chosen["published"].notna())


def build_figure(source: CorpusSource, version: str, name: str, ids: ArticleIds, option=None,
                 by: str | None = None) -> go.Figure:
    """One of the FIGURES over the given articles (see load_figure), its outlets as their groups by the outlet
    attribute ``by`` where the figure compares groups."""
    if name not in FIGURES:
        raise ValueError(f"no figure named {name!r}")
    recipe = FIGURES[name]
    by = by if recipe.grouped else None
    inputs = recipe.inputs(source, version, ids, option, by)
    if recipe.coloured:
        inputs["colours"] = load_view_colours(source, version, ids, by)
    figure = recipe.build(**inputs)
    return figure if by is None else name_sides(figure, by)

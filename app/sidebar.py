"""The dashboard's frame around every page: the shared sidebar filters (each kept in its URL query parameter), the
address that reproduces a view, and the view the filters select."""
from __future__ import annotations

import datetime as dt
import urllib.parse

import streamlit as st

from app.loaders import (current_version, load_articles, load_mentions, load_meta, load_quotes,
                         load_sides, load_stories, stories_failure)
from app.markup import plain_markdown
from app.source import CorpusSource
from app.tables import filter_articles
from app.urlstate import forget_missing, keep_in_url, note_missing, url_choice, with_linked
from app.view import View
from lib.analyse.groups import group_labels

MAX_STORIES = 200  # stories offered in the sidebar picker (see sidebar_filters)
SUMMARY_OUTLETS = 3  # outlets named in the line that says which filters are set; the others are counted
DEFAULT_URL = "http://localhost:8501/"  # Streamlit's own default address: the base URL where no browser gave one
# The date picker's outer limits: never narrower than these, and always a margin beyond the corpus's first and last
# year, so a shared address keeps its dates even when they reach past this corpus's first/last day.
EARLIEST_DAY, LATEST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
MARGIN_YEARS = 100
SHOWN_BOUNDS = "_date_bounds"  # session state: the corpus's first and last day when the date filter was last drawn


def sidebar_filters(meta: dict) -> dict:
    """The shared filters, in the sidebar's "Filters" popover, with a line under it saying which are set; each widget
    keeps its URL query parameter, so the URL reproduces the view.

    A popover and not the open sidebar (issue 15): a text, date or select field mounted on the first render made a
    brand-new browser load Streamlit's input widgets beside the plotly bundle, 1.3x the one-chart app's time by
    themselves (a one-chart app with these four fields); a closed popover mounts its fields only when opened. Pages
    with a chart came down from 1.41-1.52x to 1.19-1.31x of that app (A/B, median of 5)."""
    side = st.sidebar.popover("Filters", icon=":material/filter_list:", width="stretch")
    note_missing("outlet", st.query_params.get_all("outlet"), meta["outlets"])
    keep_in_url("outlet")
    chosen = side.multiselect("Outlets", meta["outlets"], key="outlet", bind="query-params",
                              placeholder="All outlets", help="Show only these outlets (empty: all).",
                              on_change=forget_missing, args=("outlet",))
    by, groups = outlet_grouping(side, meta["attributes"])
    bounds = meta["bounds"]
    start = end = None
    if bounds:
        # Any stored date is a day like any other (an article dated 1865 or 9999): the limits follow the corpus.
        earliest = min(EARLIEST_DAY, dt.date(max(dt.MINYEAR, bounds[0].year - MARGIN_YEARS), 1, 1))
        latest = max(LATEST_DAY, dt.date(min(dt.MAXYEAR, bounds[1].year + MARGIN_YEARS), 12, 31))
        # The corpus grew (a fetch, an upload, an ingest while the page is open): a range still at the old bounds was
        # nobody's choice, so it follows the corpus instead of hiding the new articles.
        shown = st.session_state.get(SHOWN_BOUNDS)
        if shown is not None and tuple(shown) != tuple(bounds) and "dates" in st.session_state \
                and tuple(st.session_state["dates"]) == tuple(shown):
            st.session_state["dates"] = tuple(bounds)  # assigned, not deleted: the browser would send the old range
            st.query_params.pop("dates", None)
        st.session_state[SHOWN_BOUNDS] = tuple(bounds)
        keep_in_url("dates", tuple(bounds))
        picked = side.date_input("Published between", value=bounds, key="dates", bind="query-params",
                                 format="YYYY-MM-DD", min_value=earliest, max_value=latest)
        picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
        if picked and tuple(picked) != tuple(bounds):
            # one day: a link's range of one day (its two equal dates reach the widget as one), or a range whose end
            # is still being picked
            start, end = picked[0], picked[-1]
    names = meta["story_names"]
    # The picker offers at most MAX_STORIES stories (all 4,735 of a 5,000-article corpus were 416 kB of options sent
    # with every page): the largest, or those whose name has every word typed in "Find a story", plus the one the
    # address names (a shared link, an article's "Open its story").
    offered = meta["stories"]
    if len(offered) > MAX_STORIES:
        keep_in_url("story_find")
        words = side.text_input("Find a story", key="story_find", placeholder="words in its title", bind="query-params",
                                help=f"The list below offers {MAX_STORIES} stories: the largest, or those whose "
                                     "title has all of these words.").casefold().split()
        if words:
            offered = [s for s in offered if all(w in meta["story_text"][s] for w in words)]
            side.caption(f"{len(offered):,} of {len(meta['stories']):,} stories match" +
                         (f"; the {MAX_STORIES} largest are listed." if len(offered) > MAX_STORIES else "."))
        offered = offered[:MAX_STORIES]
    offered = with_linked(offered, names, "story")  # a link's story (any story of the corpus) is always offered
    story = url_choice(side, "Story", offered, "story", format_func=lambda s: names.get(s, s),
                       placeholder="All stories", help="Stories are groups of articles on the same event.")
    note_missing("speaker", st.query_params.get_all("speaker"), meta["speakers"])
    keep_in_url("speaker")
    speaker = side.selectbox("Speaker", meta["speakers"], index=None, key="speaker", bind="query-params",
                             placeholder="Anyone", help="Only articles that quote this speaker.",
                             on_change=forget_missing, args=("speaker",))
    side.caption("Every filter narrows the articles on every page but Data (which holds the whole corpus), and is kept "
                 "in the page address.")
    filters = {"outlets": chosen, "start": start, "end": end, "story": story, "speaker": speaker, "bounds": bounds,
               "undated": meta["undated"],
               "story_find": st.session_state.get("story_find") or "", "by": by, "by_value": groups}
    st.sidebar.caption(filters_summary(filters, names))
    return filters


def filters_summary(filters: dict, story_names: dict) -> str:
    """The filters set, in one line under the closed popover: what a reader of the page must know it leaves out."""
    parts = []
    if filters["outlets"]:
        shown = ", ".join(filters["outlets"][:SUMMARY_OUTLETS])
        more = len(filters["outlets"]) - SUMMARY_OUTLETS
        parts.append(f"outlets {shown}" + (f" and {more} more" if more > 0 else ""))
    if filters["by_value"]:
        parts.append(f"{filters['by']} {', '.join(map(str, filters['by_value']))}")
    if filters["start"] is not None:
        parts.append(f"published {filters['start'].isoformat()} to {filters['end'].isoformat()}"
                     # a date range holds no undated article: say so, or they vanish from every count unsaid
                     + (" (undated articles left out)" if filters["undated"] else ""))
    if filters["story"]:
        parts.append(f"story “{story_names.get(filters['story'], filters['story'])}”")
    if filters["speaker"]:
        parts.append(f"quoting {filters['speaker']}")
    return plain_markdown("Only " + "; ".join(parts) + "." if parts else "No filter: every article of the corpus.")


def outlet_grouping(side, attributes: dict) -> tuple[str | None, list]:
    """"Compare outlets by" an attribute of the user's outlets file (type, country, a lean rating ...) and "Only these"
    of its values: (attribute or None, chosen values); nothing is drawn while no outlets file is stored."""
    if not attributes:
        return None, []
    by = url_choice(side, "Compare outlets by", list(attributes), "by", format_func=str, placeholder="each outlet",
                    help="Group the outlets by what your outlets file says they are: timelines, the framing columns, "
                         "the shared-quote heatmap, voices and distinctive terms then compare the groups.")
    if by is None:
        return None, []
    values = attributes[by]
    note_missing("by_value", st.query_params.get_all("by_value"), values)
    if any(v not in values for v in st.session_state.get("by_value") or []):  # values of the attribute chosen before
        st.session_state["by_value"] = [v for v in st.session_state["by_value"] if v in values]
    keep_in_url("by_value")
    groups = side.multiselect(f"Only these ({by})", values, key="by_value", bind="query-params",
                              placeholder=f"Every {by}", help=f"Show only the outlets of these {by} groups.",
                              on_change=forget_missing, args=("by_value",))
    return by, groups


def share_url(view: View, filters: dict) -> str:
    """The address of this exact view: the page URL plus the filters and the page's own choices."""
    params: list[tuple[str, str]] = [("outlet", o) for o in filters["outlets"]]
    if filters["start"] is not None:
        params += [("dates", filters["start"].isoformat()), ("dates", filters["end"].isoformat())]
    if filters["story"]:
        params.append(("story", filters["story"]))
    if filters["speaker"]:
        params.append(("speaker", filters["speaker"]))
    if filters.get("story_find"):
        params.append(("story_find", filters["story_find"]))
    if filters.get("by"):
        params += [("by", filters["by"])] + [("by_value", v) for v in filters["by_value"]]
    for key, values in view.share.items():
        params += [(key, v) for v in values]
    base = st.context.url or DEFAULT_URL
    return base + ("?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote) if params else "")


def build_view(source: CorpusSource) -> tuple[View, dict]:
    """Load the corpus, draw the sidebar and apply its filters (nothing is copied while no filter is set)."""
    version = current_version(source)
    all_articles = load_articles(source, version)
    quotes = load_quotes(source, version)
    mentions = load_mentions(source, version)
    assignment, stories, coverage = load_stories(source, version)
    failure = stories_failure(source, version)
    meta = load_meta(source, version)
    filters = sidebar_filters(meta)
    articles = filter_articles(all_articles, filters["outlets"], filters["start"], filters["end"])
    sides = load_sides(source, version, filters["by"])
    if filters["by_value"]:
        articles = articles[group_labels(articles["outlet"], sides).isin(set(filters["by_value"]))]
    if filters["story"]:
        members = assignment.loc[assignment["story_id"] == filters["story"], "article_id"]
        articles = articles[articles["id"].isin(set(members))]
    if filters["speaker"]:
        quoting = quotes.loc[quotes["who"] == filters["speaker"], "article_id"]
        articles = articles[articles["id"].isin(set(quoting))]
    view = View(source=source, version=version, colours=meta["colours"], all_articles=all_articles,
                articles=articles, all_quotes=quotes, all_mentions=mentions, stories=stories, assignment=assignment,
                coverage=coverage, story_names=meta["story_names"], story_id=filters["story"],
                speaker=filters["speaker"], outlets=filters["outlets"],
                stories_failure=failure, by=filters["by"], sides=sides)
    return view, filters

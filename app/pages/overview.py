"""Overview: corpus size, articles over time per outlet, stories in time with their outlet and source counts."""
import pandas as pd
import streamlit as st

from app.markup import joined_names, plain_markdown
from app.tables import INDEPENDENT_HELP, INDEPENDENT_LABEL, OUTLETS_COUNT_HELP, days_text, named_outlets, unnamed_note
from app.view import open_page
from lib.domain.outlets import UNKNOWN_OUTLET
from lib.figures.style import outlets_in_order
from lib.figures.time import STORY_BARS, daily_coloured

MAX_TABLE_STORIES = 500  # story rows sent to the browser: all 4,735 of a 5,000-article corpus were 1 MB per render
STORY_TABLE_COLUMNS = {"label": "Story", "first": "First report", "last": "Last report", "n_articles": "Articles",
                       "n_outlets": "Outlets", "independent_sources": INDEPENDENT_LABEL, "outlets": "Which outlets",
                       "story_id": "Story id"}  # the id (its link's `story=`) last: the reader looks for the title
# The section of dated articles counts them per day or, over a long span, per week (its chart's title says which), so
# its name names no bin; links from before it was renamed still open it.
DAILY_SECTION = "Articles over time"
FORMER_SECTIONS = {"Articles per day": DAILY_SECTION}


def story_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Story rows as the page and its download show them: days as text ("undated" where none), outlets joined."""
    return rows.assign(outlets=rows["outlets"].map(lambda o: ", ".join(map(str, o)) or "none named"),
                       first=days_text(rows["first"]), last=days_text(rows["last"]))[list(STORY_TABLE_COLUMNS)]


def draw() -> None:
    """Draw the overview of the filtered corpus."""
    view = open_page("Overview")
    if view is None:
        return
    articles = view.articles
    filtered = not view.unfiltered

    story_rows = view.story_rows()
    view.offer("articles", lambda: articles.drop(columns=["text"], errors="ignore"))
    view.offer("stories", lambda: story_table(story_rows))
    cols = st.columns(5)
    cols[0].metric("Articles", f"{len(articles):,}", help=f"{len(view.all_articles):,} in the corpus")
    all_outlets = named_outlets(articles["outlet"])
    dated = pd.to_datetime(articles["published"]).dropna()
    charted = all_outlets[all_outlets.index.intersection(dated.index)].nunique()  # the daily chart counts dated ones
    notes = [f"{charted:,} of them with a dated article (the {DAILY_SECTION} chart shows those)."
             if charted < all_outlets.nunique() else None, unnamed_note(articles["outlet"], all_outlets)]
    cols[1].metric("Outlets", f"{all_outlets.nunique():,}", help=" ".join(n for n in notes if n) or None)
    # most stories of a mixed corpus are one article: the help says how many several outlets carried (pass 37 read
    # "Stories 747" for 1,046 articles)
    shared = int((story_rows["n_outlets"] >= 2).sum()) if len(story_rows) else 0
    alone = int((story_rows["n_articles"] == 1).sum()) if len(story_rows) else 0
    cols[2].metric("Stories", f"{len(story_rows):,}",
                   help=f"Stories with at least one article under the filters: {shared:,} carried by two or more "
                        f"outlets, {alone:,} a single article")
    quotes = view.quotes
    # The speaker filter picks the articles that quote the speaker: the count is all their quotes, and says so.
    theirs = int((quotes["who"] == view.speaker).sum()) if view.speaker else 0
    cols[3].metric(f"Quotes ({theirs:,} theirs)" if view.speaker else "Quotes", f"{len(quotes):,}",
                   help=f"All quotes of the {quotes['article_id'].nunique():,} article(s) quoting {view.speaker}; "
                        f"{theirs:,} of them are theirs" if view.speaker else None)
    # calendar days, inclusive (08-15 09:15 to 08-16 07:30 is two days, as the help says), not whole 24-hour spans
    span = (dated.max().normalize() - dated.min().normalize()).days + 1 if len(dated) else 0
    cols[4].metric("Span", f"{span:,} day{'s' if span != 1 else ''}" if len(dated) else "undated",
                   help=f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}" if len(dated) else None)

    # The table is a section of its own, not below the chart: a brand-new browser loading the table's code beside
    # Plotly's drew the Stories chart about 0.3x of the one-chart floor later (issue 15, measured A/B in
    # bench/dashboard.py's way); below a 990-px chart it was under the fold anyway.
    view.draw_section({"Stories": lambda: draw_stories(view, story_rows),
                       "Story table": lambda: draw_story_table(view, story_rows, filtered),
                       DAILY_SECTION: lambda: draw_daily(view, articles, dated)}, former=FORMER_SECTIONS)


def story_hint(view) -> str:
    """Where a story's coverage is compared: pick one under Filters, or, once one is picked, the Story page."""
    if view.story_id is None:
        return "Pick a story under Filters to compare its coverage on the Story page."
    return "The Story page compares the outlets' coverage of the picked story."


def draw_daily(view, articles: pd.DataFrame, dated: pd.Series) -> None:
    """Articles per day (or week) by outlet, with what the chart leaves out."""
    view.chart("daily")
    sides = view.side_labels(articles["outlet"])  # what the chart's bars stand for: outlets, or their groups
    named = sides[sides != UNKNOWN_OUTLET]  # counted as the Outlets metric counts (articles naming none apart)
    charted = set(named[named.index.isin(dated.index)])
    order = outlets_in_order(sides[sides.index.isin(dated.index)].to_frame("outlet"))  # the chart's order
    # the page colours the sides with most dated articles (page_colours); a colour taken by articles naming no outlet
    # is no outlet's
    coloured = sum(side != UNKNOWN_OUTLET for side in daily_coloured(order, view.side_colours()))
    if coloured < len(charted):
        why = (f" ({named.nunique() - len(charted):,} more {view.side}s have only undated articles)"
               if len(charted) < named.nunique() else "")
        st.caption(f"{coloured} of the {len(charted):,} {view.side}s with dated articles{why} have a colour, the "
                   f"busiest; the others share one grey band. Pick {view.side}s under Filters to tell them apart.")
    else:
        if view.by is not None:
            st.caption(f"Bars stand for the outlets' {plain_markdown(view.by)} (from the outlets file); the hover "
                       "names each article's outlet.")
        off_axis = sorted(set(named) - charted, key=str.casefold)  # every one charted has a colour: name the rest
        if off_axis:
            st.caption(f"Not on the time axis, their articles all undated: {joined_names(off_axis, most=8)}.")
    if len(dated) < len(articles):
        st.caption(f"{len(articles) - len(dated):,} undated article(s) are not on the time axis.")


def draw_stories(view, story_rows: pd.DataFrame) -> None:
    """Stories in time, with what the chart leaves out."""
    if view.stories_failure is not None:
        st.warning(str(view.stories_failure))
        return
    view.chart("stories")
    dated_stories = int(story_rows["first"].notna().sum())  # the chart places stories in time: dated ones only
    view.caption_if_capped(STORY_BARS, dated_stories, "stories in the chart (those covered by the most outlets, "
                           "then with the most articles; ties taken evenly over the dates)",
                           "the Story table lists more. Narrow the dates or outlets under Filters to chart others.")
    if dated_stories < len(story_rows):
        st.caption(f"{len(story_rows) - dated_stories} story(ies) without a dated article are not in the chart; the "
                   "Story table lists them.")
    st.caption(story_hint(view) + ("" if view.story_id else " The Story table lists every story with its counts."))


def draw_story_table(view, story_rows: pd.DataFrame, filtered: bool) -> None:
    """The table of stories to pick from, largest first."""
    if view.stories_failure is not None:
        st.warning(str(view.stories_failure))
        return
    top = story_rows.sort_values(["n_articles", "first"], ascending=[False, True]).head(MAX_TABLE_STORIES)
    st.dataframe(story_table(top).rename(columns=STORY_TABLE_COLUMNS), hide_index=True,
                 column_config={"Story": st.column_config.TextColumn(width="large"),
                                "Outlets": st.column_config.NumberColumn("Outlets", help=OUTLETS_COUNT_HELP),
                                INDEPENDENT_LABEL: st.column_config.NumberColumn(INDEPENDENT_LABEL,
                                                                                 help=INDEPENDENT_HELP)})
    if filtered:
        st.caption("Every count in this table covers only the articles the filters let through.")
    view.caption_if_capped(MAX_TABLE_STORIES, len(story_rows), "stories in the table (those with the most articles)",
                           "narrow the filters to list others, or download the stories from “Download this view”.")
    st.caption(story_hint(view))


draw()

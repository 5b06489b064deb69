"""Overview: corpus size, articles per day per outlet, stories in time with their outlet and source counts."""
import pandas as pd
import streamlit as st

from app.view import open_page
from lib.domain.outlets import outlet_labels
from lib.figures.time import DAILY_OUTLETS, STORY_BARS

MAX_TABLE_STORIES = 500  # story rows sent to the browser: all 4,735 of a 5,000-article corpus were 1 MB per render

def draw() -> None:
    """Draw the overview of the filtered corpus."""
    view = open_page("Overview")
    if view is None:
        return
    articles = view.articles

    story_rows = view.story_rows()
    cols = st.columns(5)
    cols[0].metric("Articles", f"{len(articles):,}", help=f"{len(view.all_articles):,} in the corpus")
    n_outlets = outlet_labels(articles["outlet"]).nunique()
    cols[1].metric("Outlets", f"{n_outlets:,}")
    cols[2].metric("Stories", f"{len(story_rows):,}")
    cols[3].metric("Quotes", f"{len(view.quotes):,}")
    dated = pd.to_datetime(articles["published"]).dropna()
    span = (dated.max() - dated.min()).days + 1 if len(dated) else 0
    cols[4].metric("Span", f"{span} day{'s' if span != 1 else ''}" if len(dated) else "undated",
                   help=f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}" if len(dated) else None)

    st.plotly_chart(view.figure("daily"), key="daily")
    charted = outlet_labels(articles.loc[dated.index, "outlet"]).nunique()  # the chart counts dated articles
    if charted > DAILY_OUTLETS:
        st.caption(f"The {DAILY_OUTLETS - 1} busiest of {charted} outlets have a colour; the others share one grey "
                   "band. Pick outlets in the sidebar to tell them apart.")
    if len(dated) < len(articles):
        st.caption(f"{len(articles) - len(dated)} undated article(s) are not on the time axis.")

    st.subheader("Stories")
    st.plotly_chart(view.figure("stories"), key="stories")
    dated_stories = int(story_rows["first"].notna().sum())  # the chart places stories in time: dated ones only
    view.caption_if_capped(STORY_BARS, dated_stories, "stories in the chart (those with the most articles)",
                           "the table below lists more. Narrow the dates or outlets in the sidebar to chart others.")
    if dated_stories < len(story_rows):
        st.caption(f"{len(story_rows) - dated_stories} story(ies) without a dated article are not in the chart.")
    top = story_rows.sort_values(["n_articles", "first"], ascending=[False, True]).head(MAX_TABLE_STORIES)
    table = top.assign(
        outlets=top["outlets"].map(lambda o: ", ".join(map(str, o))),
        first=pd.to_datetime(top["first"]).dt.strftime("%Y-%m-%d"),
        last=pd.to_datetime(top["last"]).dt.strftime("%Y-%m-%d"),
    )[["label", "first", "last", "n_articles", "n_outlets", "independent_sources", "outlets"]]
    st.dataframe(table, hide_index=True,
                 column_config={"label": "Story", "first": "First report", "last": "Last report",
                                "n_articles": "Articles", "n_outlets": "Outlets",
                                "independent_sources": st.column_config.NumberColumn(
                                    "Independent sources", help="Syndicated copies and near-duplicates count once"),
                                "outlets": "Which outlets"})
    view.caption_if_capped(MAX_TABLE_STORIES, len(story_rows), "stories in the table (those with the most articles)",
                           "narrow the filters to list others, or download every story on the Data page.")
    st.caption("Pick a story in the sidebar to compare its coverage on the Story page.")


draw()

"""Articles: read one article with its quotes, speakers and dated references highlighted, and open its story."""
import html

import pandas as pd
import streamlit as st

from app.markup import highlight_html, legend_html
from app.tables import article_spans
from app.view import open_page
from lib.domain.outlets import outlet_label
from lib.figures.style import colour_of

def draw() -> None:
    """Draw the reader for one article."""
    view = open_page("Articles")
    if view is None:
        return
    articles = view.articles

    labels = view.article_labels()
    chosen = st.selectbox(f"Article ({len(labels):,} match the filters)", list(labels), format_func=labels.get,
                          key="article", bind="query-params")
    if chosen != next(iter(labels)):
        view.share["article"] = [labels[chosen]]
    row = articles[articles["id"] == chosen].iloc[0]

    dot = f"<span class='cc-outlet' style='background:{colour_of(view.colours, row['outlet'])}'></span>"
    via = f" via {html.escape(str(row['via']))}" if isinstance(row["via"], str) and row["via"] else ""
    st.html(f"<h3 style='margin-bottom:0'>{html.escape(str(row['title'] or '(untitled)'))}</h3>"
            f"<div>{dot}<b>{html.escape(outlet_label(row['outlet']))}</b>{via}</div>")
    published = pd.to_datetime(row["published"])
    meta = {
        "Published": (f"{published:%Y-%m-%d}" if pd.notna(published) else "unknown")
        + f" (from {row['date_source']}" + (f": {row['date_note']}" if row["date_note"] else "") + ")",
        "Place": row["dateline_place"], "Author": row["author"], "Language": row["language"], "URL": row["url"],
        "File": row["origin"], "Id": row["id"],
    }
    # A static table: the date note is a sentence, which a grid cell would cut off.
    st.table(pd.DataFrame({"Value": [None if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)
                                     for v in meta.values()]}, index=list(meta)).dropna())

    story_id = view.story_of().get(chosen)
    if story_id is not None:
        name = view.story_names.get(story_id, story_id)
        n = int(view.stories.loc[view.stories["story_id"] == story_id, "n_articles"].iloc[0])
        st.page_link("app/pages/story.py", label=f"Open its story: {name} ({n} article(s))", icon=":material/view_column:",
                     query_params={"story": name})

    quotes = view.quotes[view.quotes["article_id"] == chosen]
    mentions = view.mentions[view.mentions["article_id"] == chosen]
    st.html(f"<div style='margin:6px 0'>{legend_html()}</div>")
    st.html(f"<div class='cc-text' style='font-size:1.02em'>{highlight_html(row['text'], article_spans(row, quotes, mentions))}</div>")

    left, right = st.columns(2)
    with left:
        st.subheader(f"Quotes ({len(quotes)})")
        if quotes.empty:
            st.caption("No quote found in this article.")
        else:
            st.dataframe(pd.DataFrame({"Speaker": quotes["who"], "Verb": quotes["cue"], "Kind": quotes["kind"],
                                       "Quote": quotes["text"]}), hide_index=True)
    with right:
        st.subheader(f"Dated references ({len(mentions)})")
        if mentions.empty:
            st.caption("This article mentions no date.")
        else:
            st.dataframe(pd.DataFrame({"As written": mentions["text"],
                                       "Date": pd.to_datetime(mentions["value"]).dt.strftime("%Y-%m-%d"),
                                       "Granularity": mentions["granularity"]}), hide_index=True)


draw()

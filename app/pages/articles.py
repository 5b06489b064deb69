"""Articles: read one article with its quotes, speakers and dated references highlighted, and open its story."""
import html

import pandas as pd
import streamlit as st

from app.markup import highlight_html, legend_html, plain_markdown
from app.tables import article_spans, day_text, days_text, display_title, text_or_blank
from app.urlstate import url_choice
from app.view import open_page, report_missing
from lib.domain.outlets import outlet_label
from lib.figures.style import UNATTRIBUTED, colour_of
from lib.models import shown_path

def draw() -> None:
    """Draw the reader for one article."""
    view = open_page("Articles")
    if view is None:
        return
    articles = view.articles

    labels = view.article_labels()
    view.offer("articles", lambda: articles.drop(columns=["text"], errors="ignore"))
    chosen = url_choice(st, f"Article ({len(labels):,} match the filters)", list(labels), "article",
                        format_func=labels.get, default=next(iter(labels)))
    if report_missing(("article",), filtered_out=set(view.all_articles["id"])):
        return
    if chosen != next(iter(labels)):
        view.share["article"] = [chosen]
    row = articles[articles["id"] == chosen].iloc[0]

    dot = f"<span class='cc-outlet' style='background:{colour_of(view.colours, row['outlet'])}'></span>"
    via = f" via {html.escape(text_or_blank(row['via']))}" if text_or_blank(row["via"]) else ""
    st.html(f"<h3 style='margin-bottom:0'>{html.escape(display_title(row['title'], row['text']))}</h3>"
            f"<div>{dot}<b>{html.escape(outlet_label(row['outlet']))}</b>{via}</div>")
    day, note = day_text(row["published"], "unknown"), text_or_blank(row["date_note"])
    note = note[len(day):].lstrip() if note.startswith(day) else note  # an HTML page's note opens with its day
    meta = {
        "Published": f"{day} ({note or 'from ' + (text_or_blank(row['date_source']) or 'nowhere')})",
        "Place": row["dateline_place"], "Author": row["author"], "Language": row["language"], "URL": row["url"],
        "File": shown_path(text_or_blank(row["origin"])), "Id": row["id"],
    }
    # Plain text in a static HTML table (every value escaped: metadata is never markup); the date note is a sentence,
    # which a grid cell would cut off.
    st.html("<table class='cc-matrix'><tbody>" + "".join(
        f"<tr><th style='width:9em'>{html.escape(k)}</th><td>{html.escape(text_or_blank(v))}</td></tr>"
        for k, v in meta.items() if text_or_blank(v)) + "</tbody></table>")

    story_id = view.story_of().get(chosen)
    if story_id is not None:
        name = view.story_names.get(story_id, story_id)
        n = int(view.stories.loc[view.stories["story_id"] == story_id, "n_articles"].iloc[0])
        st.page_link("app/pages/story.py", label=f"Open its story: {plain_markdown(name)} ({n} article(s))",
                     icon=":material/view_column:", query_params={"story": story_id})

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
            st.dataframe(pd.DataFrame({"Speaker": quotes["who"].fillna(UNATTRIBUTED), "Verb": quotes["cue"].fillna(""),
                                       "Kind": quotes["kind"], "Quote": quotes["text"]}), hide_index=True)
    with right:
        st.subheader(f"Dated references ({len(mentions)})")
        language = text_or_blank(row["language"]).strip()
        if mentions.empty and language.lower()[:2] not in ("", "en"):
            # the date reader knows English words only ("on Friday", "May 25"): silence is no finding here
            st.caption(f"No date read: dated references are read in English text only, and this article's "
                       f"language is “{language}”.")
        elif mentions.empty:
            st.caption("This article mentions no date.")
        else:
            st.dataframe(pd.DataFrame({"As written": mentions["text"],
                                       "Date": days_text(mentions["value"], "unresolved"),
                                       "Granularity": mentions["granularity"]}), hide_index=True)


draw()

"""The coverage-comparison dashboard: page config, password gate, the view the sidebar selects, navigation, share.

Run: `streamlit run dashboard.py` (the seeds), `streamlit run dashboard.py -- --db FILE` or `-- FOLDER`.
The app's support lives in app/ (source, loaders, view, sidebar, markup) and its pages in app/pages/.
"""
from __future__ import annotations

import sys

import streamlit as st

from app.exports import download_menu
from app.gate import password_ok
from app.markup import ENTER_APPLIES_DATES_JS, highlight_css, plain_markdown
from app.sidebar import build_view, share_url
from app.source import CorpusUnavailable, parse_source


def main() -> None:
    """Gate, view, navigation, then the share and download controls once the page has said what it shows."""
    st.set_page_config(page_title="Coverage compare", page_icon=":material/compare_arrows:", layout="wide")
    source = parse_source(sys.argv[1:])
    if not password_ok():
        st.stop()
    st.html(highlight_css())
    st.html(ENTER_APPLIES_DATES_JS, unsafe_allow_javascript=True)
    pages = [
        st.Page("app/pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("app/pages/story.py", title="Story", icon=":material/view_column:", url_path="story"),
        st.Page("app/pages/quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
        st.Page("app/pages/articles.py", title="Articles", icon=":material/article:", url_path="articles"),
        st.Page("app/pages/data.py", title="Data", icon=":material/database:", url_path="data"),
    ]
    page = st.navigation(pages)
    try:
        view, filters = build_view(source)
    except CorpusUnavailable as exc:  # missing, damaged or being written: one plain line and a retry, no traceback
        st.error(str(exc))
        st.button("Retry", icon=":material/refresh:")
        st.stop()
    st.session_state["view"] = view
    share_slot = st.sidebar.empty()
    try:
        page.run()
    finally:  # also after a page's st.stop() (an empty state): the share control and corpus line still show
        with share_slot.container():
            with st.popover("Share this view", icon=":material/link:", width="stretch"):
                st.caption("Anyone who opens this address sees this page with these filters.")
                st.code(share_url(view, filters), language=None, wrap_lines=True)
            download_menu(page.title, view.downloads, filters)
        st.sidebar.caption(f"Corpus: {plain_markdown(source.describe())} · {len(view.all_articles):,} articles")


# Streamlit runs this file as __main__. A process spawned from the app's process (multiprocessing's spawn, e.g. the
# ingest's extraction workers) imports it as __mp_main__: it must not run the app, nor open the corpus its
# arguments name.
if __name__ == "__main__":
    main()

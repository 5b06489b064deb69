"""The Streamlit app: which corpus, cached loaders, the view the pages draw, the sidebar, markup, and the pages.

lib/ never imports it: everything here only reads, filters and draws what lib/ computes."""

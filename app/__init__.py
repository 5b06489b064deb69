"""The Streamlit app: corpus source, cached loaders, the view the pages draw, sidebar and pages (lib/ never imports it)."""

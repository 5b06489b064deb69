"""Data: upload files into the corpus, read the ingest report, download every table as CSV or Parquet."""

import streamlit as st

from app.exports import EXPORT_TABLES
from app.loaders import store_links, store_outlet_descriptions
from app.markup import plain_markdown
from app.tables import named_outlets
from app.source import MAX_LINKS_PER_REQUEST, UPLOAD_TYPES, links_in
from lib.ingest import DEFAULT_MAX_BYTES
from lib.models import shown_path


view = st.session_state["view"]
st.title("Data")
corpus = view.all_articles
undated = int(corpus["published"].isna().sum())
unnamed = len(corpus) - len(named_outlets(corpus["outlet"]))
# what the ingest report's files do not say: articles every time axis, or every outlet's count, leaves out
missing = [f"{n:,} {what}" for n, what in ((undated, "with no date found (off the time axes)"),
                                           (unnamed, "naming no outlet (in no outlet's count)")) if n]
st.markdown(f"Corpus: {plain_markdown(view.source.describe())} · {len(corpus):,} articles"
            + (f", of which {' and '.join(missing)}" if missing else ""))

st.header("Add articles")
limit_mb = DEFAULT_MAX_BYTES // 1_000_000
if view.source.read_only:
    st.info("This corpus is served read-only: uploads are off. Run your own copy to add articles.")
else:
    st.caption(f"Plain-text wire copy, HTML pages, JSONL or CSV exports (fields outlet, published, title, url, "
               f"text). Up to {limit_mb} MB per file. A file uploaded again replaces its earlier version.")
    with st.form("upload", clear_on_submit=True):
        files = st.file_uploader("Files", type=list(UPLOAD_TYPES), accept_multiple_files=True,
                                 max_upload_size=limit_mb)
        submitted = st.form_submit_button("Add to the corpus", icon=":material/upload:")
    if submitted and files:
        report = view.ingest([(f.name, f.getvalue()) for f in files])
        ok = report[report["status"] != "rejected"]
        st.session_state["last_upload"] = report
        if len(ok):  # each file keeps its own name and identity, so these counts are per uploaded file
            added, unchanged = int(ok["added"].sum()), int((ok["articles"] - ok["added"]).clip(lower=0).sum())
            st.success(f"Stored {added} new article(s) from {len(ok)} file(s)"
                       + (f"; {unchanged} article(s) were already stored." if unchanged else "."))
        for r in report[report["status"] == "rejected"].itertuples():
            st.error(f"{plain_markdown(r.file)}: {plain_markdown(r.reason)}")
    elif submitted:
        st.warning("Choose one or more files first.")
    if "last_upload" in st.session_state:
        st.dataframe(st.session_state["last_upload"], hide_index=True)

    st.subheader("From links")
    st.caption(f"Paste up to {MAX_LINKS_PER_REQUEST} article URLs, one per line. Pages are fetched politely (robots.txt "
               "obeyed, one request per site per second) and read like uploaded HTML; each URL that gives no article "
               "says why.")
    with st.form("links", clear_on_submit=False):
        pasted = st.text_area("URLs", height=120, placeholder="https://example.org/news/2024/05/01/story.html")
        fetch = st.form_submit_button("Fetch and add", icon=":material/link:")
    if fetch:
        urls = links_in(pasted)
        if not urls:
            st.warning("No http(s) URL found in the text.")
        else:
            bar = st.progress(0.0, text="Fetching…")

            def show(done: int, total: int, url: str) -> None:
                bar.progress(done / total, text=f"Fetched {done} of {total}: {url}")

            st.session_state["last_links"] = (len(urls), store_links(view.source, urls, progress=show))
            st.rerun()  # every count on the page and in the sidebar (dates, outlets) is read again from the corpus
    if "last_links" in st.session_state:
        pasted_count, fetched = st.session_state["last_links"]
        if pasted_count > len(fetched):
            st.warning(f"{pasted_count} URLs pasted: the first {len(fetched)} were fetched.")
        ok = int((fetched["status"] == "ok").sum())
        if ok:
            st.success(f"Stored {ok} article(s) from {len(fetched)} URL(s).")
        else:
            st.error(f"No article from {len(fetched)} URL(s): see the reasons below.")
        st.dataframe(fetched, hide_index=True,
                     column_config={"url": st.column_config.TextColumn("URL", width="medium"), "status": "Status",
                                    "reason": st.column_config.TextColumn("Reason", width="large")})

    st.subheader("Describe the outlets")
    st.caption("An outlets file (CSV or JSON): `outlet`, `aliases`, and any attribute columns such as `type` "
               "(state-affiliated, public broadcaster, wire service, private), `country`, `language` or a lean rating.")
    described = st.file_uploader("Outlets file", type=["csv", "json", "jsonl"], key="outlets_file")
    if described is not None and st.button("Store the outlet descriptions", icon=":material/badge:"):
        count, problems = store_outlet_descriptions(view.source, described.name, described.getvalue())
        if count:
            st.success(f"{count} outlet(s) described.")
        for problem in problems:
            st.error(plain_markdown(problem))

st.header("Ingest report")
report = view.report()
if report.empty:
    st.caption("Nothing has been ingested into this corpus yet.")
else:
    rejected = report[report["status"] == "rejected"]
    partial = int((report["status"] == "partial").sum())
    # "0 rejected, each with its reason" promised reasons for nothing
    problems = len(rejected) + partial
    st.caption(f"{len(report)} file(s) read; {len(rejected)} rejected"
               + (f", {partial} read in part (some rows rejected)" if partial else "")
               + (", each with its reason below." if problems else "."))
    table = report.assign(articles=report["article_ids"].map(lambda a: 0 if a is None else len(a)),
                          path=report["path"].map(shown_path))
    # The rejected files first, then those read in part: they are what a reader of this table looks for.
    table = table.sort_values("status", key=lambda s: s.map({"rejected": 0, "partial": 1}).fillna(2), kind="stable")
    st.dataframe(table[["path", "status", "reason", "articles", "ingested_at"]], hide_index=True,
                 column_config={"path": st.column_config.TextColumn("File", width="medium"), "status": "Status",
                                "reason": st.column_config.TextColumn("Reason", width="large"), "articles": "Articles",
                                "ingested_at": st.column_config.DatetimeColumn("Ingested", format="YYYY-MM-DD HH:mm")})

st.header("Download")
st.caption("Every table of the corpus; lists are JSON text in CSV.")
for table in EXPORT_TABLES:
    cols = st.columns([2, 1, 1])
    cols[0].markdown(f"**{table}**")
    for col, fmt, mime in ((cols[1], "csv", "text/csv"), (cols[2], "parquet", "application/octet-stream")):
        col.download_button(fmt.upper(), data=lambda t=table, f=fmt: view.export(t, f),
                            file_name=f"{table}.{fmt}", mime=mime, key=f"dl-{table}-{fmt}",
                            on_click="ignore", icon=":material/download:")

"""Data: upload files into the corpus, read the ingest report, download every table as CSV or Parquet."""
import streamlit as st

from app.exports import EXPORT_TABLES
from app.markup import plain_markdown
from app.source import UPLOAD_TYPES
from lib.ingest import DEFAULT_MAX_BYTES

view = st.session_state["view"]
st.title("Data")
st.markdown(f"Corpus: {plain_markdown(view.source.describe())} · {len(view.all_articles):,} articles")

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

st.header("Ingest report")
report = view.report()
if report.empty:
    st.caption("Nothing has been ingested into this corpus yet.")
else:
    rejected = report[report["status"] == "rejected"]
    st.caption(f"{len(report)} file(s) read; {len(rejected)} rejected, each with its reason.")
    table = report.assign(articles=report["article_ids"].map(lambda a: 0 if a is None else len(a)))
    st.dataframe(table[["path", "status", "reason", "articles", "ingested_at"]], hide_index=True,
                 column_config={"path": "File", "status": "Status", "reason": "Reason", "articles": "Articles",
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

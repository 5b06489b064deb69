"""Quotes: searchable table, speakers × outlets (each a section), shared quotes between outlets, lineage and fidelity, reuse."""
import html

import pandas as pd
import streamlit as st

from app.loaders import AnalysisFailed
from app.markup import highlight_html, plain_markdown
from app.tables import OUTLETS_COUNT_HELP, day_text, days_text, display_title, display_titles, search_quotes
from app.urlstate import url_choice, with_linked
from app.view import open_page, report_missing
from lib.analyse.reuse import MIN_CHARS
from lib.domain.calendar import UNORDERED, UNORDERED_WHY
from lib.domain.outlets import outlet_label, outlet_labels
from lib.figures.quotes import FLOW_PAIRS, HEATMAP_ROWS, flow_keys, lineage_colours, unnamed_pairs
from lib.domain.sentences import excerpt, shorten
from lib.figures.style import UNATTRIBUTED

MAX_PAIRS = 300  # pairs offered for reading: all 20,831 of a 5,000-article corpus were 2.6 MB of labels per render
MAX_QUOTES = 300  # shared quotes offered in the lineage picker: all 584 of a 5,000-article corpus went with every render
PASSAGE_CHARS = 160  # a reused passage on one table line
# How an ordered pair of articles sharing passages reads (lib.analyse.reuse.orient_pair's directions): the headings
# of its two sides and the end of the caption's sentence.
ORDERED_SIDES = {"earlier": {"source": "Earlier (source)", "target": "Later (target)"},
                 "syndication": {"source": "Wire copy (source)", "target": "Carrier (target)"}}
ORDERED_LABEL = {"earlier": "published first", "syndication": "wire copy"}
ORDERED_WHY = {"earlier": "later article, published after the other.",
               "syndication": "carrier's article, which runs the other outlet's wire copy (syndication)."}
MAX_ROWS = 1000  # quote rows sent to the browser: all 10,120 of a 5,000-article corpus were 2 MB per render

# How a word diff is written: (dropped, added, escape) per format; the page shows HTML, downloads carry wdiff's text.
DIFF_MARKS = {"html": ("<del style='background:#fdd'>{}</del>", "<ins style='background:#dfd'>{}</ins>", html.escape),
              "text": ("[-{}-]", "{{+{}+}}", str)}


def diff_words(ops, fmt: str) -> str:
    """A rendering's word diff against another: dropped words marked, added words marked (DIFF_MARKS[fmt])."""
    dropped, added, escape = DIFF_MARKS[fmt]
    out = []
    for op in ops if ops is not None else []:
        old, new = escape(op.get("old") or ""), escape(op.get("new") or "")
        if op.get("op") == "equal":
            out.append(new)
        if op.get("op") in ("delete", "replace") and old:
            out.append(dropped.format(old))
        if op.get("op") in ("insert", "replace") and new:
            out.append(added.format(new))
    return " ".join(out)


def diff_html(ops) -> str:
    """A word diff for the page: dropped words struck through, added words underlined."""
    return diff_words(ops, "html")


def variants_html(variants, shown: set) -> str:
    """The other renderings this one differs from where they overlap (a word changed between two carriers, not only
    against the earliest), each with its word diff; those in ``shown`` (the earliest, diffed already) left out."""
    items = [] if variants is None or not hasattr(variants, "__len__") else list(variants)
    items = [v for v in items if isinstance(v, dict) and v.get("article_id") not in shown]
    if not items:
        return ""
    lines = "".join(f"<li>{html.escape(outlet_label(v.get('outlet')))}: {diff_html(v.get('diff'))}</li>" for v in items)
    return f"<br><small>Differs where they overlap from:</small><ul style='margin:0'>{lines}</ul>" if lines else ""


def quote_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes as the page and its download show them: no "None" (unattributed, undated, no verb)."""
    return pd.DataFrame({"Speaker": quotes["who"].fillna(UNATTRIBUTED), "Outlet": outlet_labels(quotes["outlet"]),
                         "Date": days_text(quotes["published"]), "Kind": quotes["kind"],
                         "Verb": quotes["cue"].fillna(""), "Quote": quotes["text"], "Article id": quotes["article_id"],
                         "Start": quotes["start"], "End": quotes["end"]})


def shared_quote_table(renderings: pd.DataFrame, keys: dict) -> pd.DataFrame:
    """Shared-quote groups for download: each rendering with its group's link id, role, fidelity and word diff."""
    out = renderings.assign(quote=renderings["group_id"].map(keys), outlet=outlet_labels(renderings["outlet"]),
                            day=days_text(renderings["published"]),
                            diff_text=renderings["diff"].map(diff_text))
    return out[["quote", "group_id", "article_id", "outlet", "day", "speaker_id", "role", "relation", "similarity",
                "truncated", "text", "diff_text", "added", "dropped", "replaced", "start", "end"]]


def diff_text(ops) -> str:
    """A word diff as plain text: [-dropped-] {+added+} (wdiff's notation)."""
    return diff_words(ops, "text")


def draw() -> None:
    """Draw the open section: quotes, speakers by outlet, shared quotes, one quote's lineage, passage flows, one
    article pair, or the reused passages of the filtered articles."""
    view = open_page("Quotes")
    if view is None:
        return
    # A table and a chart are two sections (quotes and speakers by outlet; passage flows and reused passages): a
    # brand-new browser loading the table's code beside Plotly's drew the chart about 0.3x of the one-chart floor later
    # (issue 15), and one of the two stood below the fold anyway. So are a chart and what stood below it (the
    # shared-quote heatmap and one quote's lineage; the passage flows and one article pair): those lines came in at
    # 1.56-1.58x the floor. Sections of one analysis follow the same search or shortest passage.
    view.draw_section({"Quotes": lambda: draw_quotes(view), "Speakers by outlet": lambda: draw_speakers(view),
                       "Shared quotes": lambda: draw_shared(view), "Quote lineage": lambda: draw_lineage(view),
                       "Passage reuse": lambda: draw_reuse(view), "Article pair": lambda: draw_pair(view),
                       "Reused passages": lambda: draw_reused_passages(view)},
                      linked={"quote": "Quote lineage", "pair": "Article pair", "min_chars": "Passage reuse"})


def searched_quotes(view) -> tuple[str, pd.DataFrame | None]:
    """The search box and the filtered quotes it finds, offered for download: (search, found), found None after
    saying why there is nothing to show."""
    quotes = view.quotes
    search = st.text_input("Search quotes", key="q", bind="query-params", placeholder="words in the quote or speaker")
    if search:
        view.share["q"] = [search]
    shown = search_quotes(quotes, search)
    if quotes.empty:
        st.info("The filtered articles contain no quote, direct, partial or reported.")
        return search, None
    if shown.empty:
        st.info(f"No quote contains “{plain_markdown(search)}”.")
        return search, None
    view.offer("quotes", lambda: quote_table(shown))
    return search, shown


def draw_quotes(view) -> None:
    """The searchable quote table."""
    _, shown = searched_quotes(view)
    if shown is None:
        return
    rows = shown.head(MAX_ROWS)
    table = quote_table(rows).drop(columns=["Article id", "Start", "End"])  # the download keeps them
    # The speaker filter picks the articles that quote the speaker, and these are all their quotes: say so.
    picked = "" if not view.speaker else (
        f" in the {shown['article_id'].nunique():,} article(s) quoting {plain_markdown(view.speaker)}, "
        f"{int((shown['who'] == view.speaker).sum()):,} of them theirs")
    st.caption(f"{len(shown):,} quote(s){picked}; the Speakers by outlet section charts who is quoted where.")
    st.dataframe(table, hide_index=True, height=min(420, 38 + 35 * len(table)),
                 # a speaker's full name ("Dominique Strauss-Kahn", "Craig Zadan and Neil Meron") is read whole
                 column_config={"Speaker": st.column_config.TextColumn(width="medium"),
                                # an outlet's name and a verb read whole ("insidehook.com", "told reporters")
                                "Outlet": st.column_config.TextColumn(width="medium"),
                                "Verb": st.column_config.TextColumn(width="small"),
                                "Quote": st.column_config.TextColumn(width="large")})
    view.caption_if_capped(MAX_ROWS, len(shown), "quotes (the first in corpus order)",
                           "search, or narrow the filters, to find the others, or download them all from "
                           "“Download this view”.")


def draw_speakers(view) -> None:
    """The speakers x outlets chart of the searched quotes."""
    search, shown = searched_quotes(view)
    if shown is None:
        return
    st.caption(f"{len(shown):,} quote(s)")
    view.chart("speakers", search or None)
    # Counted as the chart selects: unattributed quotes are a row of their own; outlets quoting the charted speakers.
    who = shown["who"].fillna(UNATTRIBUTED)
    rows = who.value_counts().head(HEATMAP_ROWS).index
    charted = who.isin(rows)
    named = shown["who"].dropna()  # the unattributed row is no speaker: neither counted nor shown as one
    view.caption_if_capped(len(rows) - (UNATTRIBUTED in rows), named.nunique(), "speakers in the chart (the most "
                           "quoted)", "search, or pick a speaker under Filters, to see others.")
    sides = view.side_labels(shown["outlet"])  # the chart's columns: outlets, or their groups
    view.caption_if_capped(HEATMAP_ROWS, sides[charted].nunique(), f"{view.side}s in the chart (those quoting "
                           "them most)", "pick outlets under Filters to see others.")


def one_outlet(view) -> bool:
    """True, after saying so in one line, when the filtered articles come from fewer than two outlets: quotes and
    passages are compared between outlets, so one outlet shares none by construction, and "these articles share no
    quote" would read as a finding."""
    outlets = outlet_labels(view.articles["outlet"]).unique()
    if len(outlets) > 1:
        return False
    st.info(f"This comparison needs at least two outlets in the filter: the {len(view.articles):,} article(s) shown "
            f"are all from {plain_markdown(outlets[0])}. Pick more outlets under Filters.")
    return True


def shared_found(view) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict] | None:
    """The quotes the filtered articles share, said in one line and offered for download: (renderings, groups, outlet
    matrix, link ids), or None after saying why there is nothing to show."""
    if one_outlet(view):
        return None
    try:
        renderings, groups, matrix, summary = view.overlap(view.ids)
        keys = view.quote_keys()
    except AnalysisFailed as failed:
        st.warning(str(failed))
        return None
    st.markdown(f"**{plain_markdown(summary)}**")
    view.offer("shared quotes", lambda: shared_quote_table(renderings, keys))
    return (renderings, groups, matrix, keys) if not groups.empty else None


def draw_shared(view) -> None:
    """Quotes several outlets carried: the outlets x outlets chart."""
    found = shared_found(view)
    if found is None:
        return
    matrix = found[2]
    view.chart("shared")
    sharing = view.side_labels(pd.concat([matrix["outlet_a"], matrix["outlet_b"]])).nunique()
    view.caption_if_capped(HEATMAP_ROWS, sharing, f"{view.side}s in the chart (those sharing the most quotes)",
                           "pick outlets under Filters to compare others.")
    st.caption("The Quote lineage section follows one quote from outlet to outlet, with each carrier's wording.")


def draw_lineage(view) -> None:
    """One shared quote: who carried it when (its lineage) and how faithfully (each carrier's word diff)."""
    found = shared_found(view)
    if found is None:
        return
    renderings, groups, _, keys = found
    # Quotes with a dated carrier first (the default one draws a lineage), then the most widely carried.
    dated = set(renderings.loc[renderings["published"].notna(), "group_id"])
    order = groups.assign(dated=groups["group_id"].isin(dated)).sort_values(
        ["dated", "n_outlets", "n_carriers"], ascending=False)
    names = {keys[g.group_id]: f"{shorten(' '.join(str(g.earliest_text).split()), 90).rstrip(' ,;:')} "
                               f"({g.n_outlets} outlets"
                               f"{', altered' if g.altered else ''})" for g in order.itertuples()}
    group_of = {keys[g]: g for g in order["group_id"]}
    offered = with_linked(list(names)[:MAX_QUOTES], names, "quote")  # any shared quote of the view a link names
    # The picker sits in a closed popover, as the Filters do: an open select field made a brand-new browser load
    # Streamlit's input widgets beside the plotly bundle (issue 15; see sidebar_filters).
    with st.popover("Choose the quote", icon=":material/format_quote:"):
        view.caption_if_capped(MAX_QUOTES, len(names), "shared quotes in the picker (dated ones first, then the most "
                               "widely carried)", "narrow the filters (outlets, dates, story, speaker) to pick the "
                               "others.")
        key = url_choice(st, "Quote", offered, "quote", format_func=names.get, default=offered[0])
    if report_missing(("quote",)):
        key = None
    else:
        st.markdown(f"**Quote:** {plain_markdown(names.get(key, key))}")
        if key != next(iter(names)):
            view.share["quote"] = [key]
    gid = group_of.get(key)
    carriers = renderings[renderings["group_id"] == gid]
    if gid is not None:
        view.chart("lineage", (gid, names.get(key, "")))

    rows = []
    tied = gid is not None and bool(groups.loc[groups["group_id"] == gid, "earliest_tie"].any())
    earliest_ids = set(carriers.loc[carriers["role"] == "earliest", "article_id"])
    shown = lineage_colours(carriers, view.side_colours(grouped=False))  # as the chart above marks each outlet
    for r in carriers.sort_values("published").itertuples() if gid is not None else ():
        dot = f"<span class='cc-outlet' style='background:{shown[outlet_label(r.outlet)]}'></span>"
        when = day_text(r.published)
        # An undated carrier has no place in time: neither earliest nor later (its wording is still diffed against
        # the reference the groups read from: the earliest carrier's, the fullest of a same-day tie).
        role = "undated (order unknown)" if pd.isna(r.published) else \
            "earliest (same day: order unknown)" if r.role == "earliest" and tied else str(r.role)
        rows.append(f"<tr><td>{dot}{html.escape(outlet_label(r.outlet))}<br><small>{when}</small></td>"
                    f"<td>{html.escape(role)}</td><td>{html.escape(str(r.relation))}"
                    f"{' (cut short)' if r.truncated else ''}<br><small>{r.similarity:.0f}% similar</small></td>"
                    f"<td class='cc-text'>{diff_html(r.diff)}{variants_html(r.variants, earliest_ids)}</td></tr>")
    if rows:
        against = "the fullest of the earliest, tied on their day" if tied else "the earliest"
        st.html("<table class='cc-matrix'><thead><tr><th>Carrier</th><th>Role</th><th>Fidelity</th>"
                f"<th>Wording against {against} (<del style='background:#fdd'>dropped</del> "
                "<ins style='background:#dfd'>added</ins>)</th></tr></thead><tbody>" + "".join(rows) +
                "</tbody></table>")


def reuse_group_table(groups: pd.DataFrame) -> pd.DataFrame:
    """Reused passages as the page and its download show them: the earliest carrier first, then every carrier."""
    return pd.DataFrame({
        # the counts before the long lists of names, so they stay in view in a narrow table
        "Passage": groups["text"].map(excerpt), "Carriers": groups["n_carriers"],
        "Outside the filters": groups["outside"], "Outlets": groups["n_outlets"], "Earliest": [
            earliest_text(outlet, tied) for outlet, tied in zip(outlet_labels(groups["source_outlet"]),
                                                                groups["tied_outlets"])],
        "Day": days_text(groups["source_published"]),
        "Which outlets": groups["carrier_outlets"].map(lambda o: ", ".join(dict.fromkeys(outlet_label(x) for x in o))),
        "Characters": groups["chars"], "Earliest article id": groups["source_id"],
        "Carrier article ids": groups["carrier_ids"].map(lambda ids: ", ".join(map(str, ids)))})


def earliest_text(outlet: str, tied) -> str:
    """Who carried a passage earliest: the outlet, or it and the outlets it ties with on the day ("A, B (same day)"):
    a day without a time of day cannot be ordered against that day's others."""
    tied = [outlet_label(o) for o in tied] if isinstance(tied, (list, tuple)) else []
    return f"{', '.join([outlet, *tied])} (same day)" if tied else outlet


def draw_reused_passages(view) -> None:
    """Each reused passage once, with its earliest carrier and all its carriers: a passage sixty outlets ran is one
    row with sixty carriers, not 1,770 pairs (issue 18)."""
    found = reuse_found(view, groups_only=True)
    if found is None:
        return
    groups = view.reuse_groups(view.ids, found[0])
    table = reuse_group_table(groups.head(MAX_PAIRS)).drop(columns=["Earliest article id", "Carrier article ids"])
    table["Passage"] = table["Passage"].map(lambda t: shorten(t, PASSAGE_CHARS))
    outside = int((groups["outside"] > 0).sum())
    if not outside:
        table = table.drop(columns=["Outside the filters"])
    which = "It is" if len(groups) == 1 else "One of them is" if outside == 1 else f"{outside:,} of them are"
    st.caption(("One passage, carried" if len(groups) == 1 else f"{len(groups):,} passages, each carried")
               + " by two or more of the filtered articles; the earliest of them (undated ones last) names the passage, "
               "with the outlets it ties with on the day (same day, no time of day to order them). Each carrier holds "
               "the passage, word for word or with a few words changed (passages are aligned allowing small edits); a "
               "paragraph reused alone is a passage of its own, carried also by the full copies of its article."
               + (f" {which} also carried by articles the filters leave out (counted under Outside), which can be "
                  "their source." if outside else ""))
    st.dataframe(table, hide_index=True, height=min(420, 38 + 35 * len(table)),
                 column_config={"Passage": st.column_config.TextColumn(width="large"),
                                "Outlets": st.column_config.NumberColumn("Outlets", help=OUTLETS_COUNT_HELP),
                                "Outside the filters": st.column_config.NumberColumn(
                                    "Outside", help="Carriers among the articles the filters leave out")})
    view.caption_if_capped(MAX_PAIRS, len(groups), "passages (those with the most carriers)",
                           "narrow the filters, or download them all from “Download this view”.")


def reuse_found(view, groups_only: bool = False) -> tuple[int, pd.DataFrame, pd.DataFrame] | None:
    """The shortest-passage slider and the reuse among the filtered articles at that length, offered for download:
    (shortest length, passage pairs, article pairs), or None after saying why there is nothing to show.
    ``groups_only``: the caller shows reused passages, which two filtered articles can share with no pair between
    them (both reused them from an article the filters leave out)."""
    if one_outlet(view):
        return None
    ids = view.ids
    # In a closed popover, as the Filters are: an open slider made a brand-new browser load Streamlit's input widgets
    # beside the plotly bundle (a one-chart app with a slider 1.22x the app without, 1.05x with it in a popover).
    with st.popover("Shortest passage", icon=":material/straighten:"):
        min_chars = st.slider("Shortest passage (characters)", MIN_CHARS, 1000, MIN_CHARS, step=20, key="min_chars",
                              bind="query-params")
    st.caption(f"Passages of {min_chars:,} characters or more.")
    if min_chars != MIN_CHARS:
        view.share["min_chars"] = [str(min_chars)]
    try:
        pairs, edges = view.reuse(ids, min_chars)
    except AnalysisFailed as failed:
        st.warning(str(failed))
        return None
    view.offer("reuse pairs", lambda: pairs.assign(source_outlet=outlet_labels(pairs["source_outlet"]),
                                                   target_outlet=outlet_labels(pairs["target_outlet"])))
    view.offer("reused passages", lambda: reuse_group_table(view.reuse_groups(ids, min_chars)))
    if pairs.empty:
        n = len(ids)
        linked = len(view.reuse_groups(ids, min_chars)) if n > 1 else 0
        if linked:
            st.info(f"No article of these {n} reuses another's passage of {min_chars} characters or more, but "
                    + ("one such passage is" if linked == 1 else f"{linked:,} such passages are")
                    + " carried by two or more of them, reused from articles the filters leave out: "
                    + ("they are listed below." if groups_only else "see Reused passages."))
            return (min_chars, pairs, edges) if groups_only else None
        st.info(f"These two articles share no verbatim passage of {min_chars} characters or more." if n == 2 else
                f"These {n} articles share no verbatim passage of {min_chars} characters or more." if n > 2 else
                "One article alone cannot reuse another.")
        return None
    return min_chars, pairs, edges


def draw_reuse(view) -> None:
    """Passages articles share verbatim: the outlet-to-outlet flows."""
    found = reuse_found(view)
    if found is None:
        return
    min_chars, pairs, _ = found
    view.chart("reuse", min_chars)
    unnamed = unnamed_pairs(pairs)
    if unnamed.any():
        both = pairs.loc[unnamed, ["source_id", "target_id"]].drop_duplicates()
        st.caption(f"{len(both):,} article pair(s) that both name no outlet are not in the chart: no outlet to draw "
                   "them between. The Article pair and Reused passages sections show them.")
    pairs = pairs[~unnamed]
    view.caption_if_capped(FLOW_PAIRS, len(flow_keys(pairs)[["source_outlet", "target_outlet", "unordered"]]
                                           .drop_duplicates()),
                           "outlet pairs in the chart (those reusing the most text)",
                           "pick outlets under Filters to see others.")
    st.caption("The Article pair section shows two articles side by side with the text they share; the Reused "
               "passages section lists each passage once, with all the articles that carry it.")


def draw_pair(view) -> None:
    """One article pair side by side, the passages they share highlighted."""
    found = reuse_found(view)
    if found is None:
        return
    _, pairs, edges = found
    top = edges.sort_values(["chars", "passages"], ascending=False, kind="stable").head(MAX_PAIRS)
    # Titles of the offered pairs only: a dict over every article walked 5,000 Arrow strings twice per rerun.
    targets = view.articles[view.articles["id"].isin(set(top["target_id"]))]
    title_of = dict(zip(targets["id"], display_titles(targets, 70)))
    edge_names = {f"{s}>{t}": f"{outlet_label(so)} {'↔' if d in UNORDERED else '→'} {outlet_label(to)}: "
                              f"{shorten(str(title_of.get(t, t)), 70)} ({p} passage(s), {c:,} chars, "
                              f"{UNORDERED_WHY.get(d) or ORDERED_LABEL.get(d, d)})"
                  for s, t, so, to, p, c, d in top[["source_id", "target_id", "source_outlet", "target_outlet",
                                                      "passages", "chars", "direction"]].itertuples(index=False)}
    if len(edges) > MAX_PAIRS:
        st.caption(f"The {MAX_PAIRS} of {len(edges):,} article pairs that share the most text; narrow the filters "
                   "(outlets, dates, story) to read the others.")
    key = url_choice(st, "Article pair", list(edge_names), "pair", format_func=edge_names.get,
                     default=next(iter(edge_names)))
    if report_missing(("pair",)):
        return
    if key != next(iter(edge_names)):
        view.share["pair"] = [key]
    src, tgt = key.split(">")
    pair = pairs[(pairs["source_id"] == src) & (pairs["target_id"] == tgt)]
    left, right = st.columns(2)
    direction = pair["direction"].iloc[0]
    unordered = direction in UNORDERED
    for col, art, side in ((left, src, "source"), (right, tgt, "target")):
        row = view.articles[view.articles["id"] == art].iloc[0]
        spans = [(s, e, "reuse") for s, e in zip(pair[f"{side}_start"], pair[f"{side}_end"])]
        # each side says its own date when the order is unknown: one of the two may well be dated
        day = "Undated" if pd.isna(row["published"]) else pd.Timestamp(row["published"]).strftime("%Y-%m-%d")
        heading = (f"Same day, {day}" if direction == "tie" else day) + " (order unknown)" if unordered \
            else f"{ORDERED_SIDES[direction][side]}, {day}"
        with col:
            st.markdown(f"**{heading}: "
                        f"{plain_markdown(outlet_label(row['outlet']))}** · "
                        f"{plain_markdown(display_title(row['title'], row['text']))}")
            st.html(f"<div class='cc-text' style='max-height:480px;overflow:auto;border:1px solid #eee;"
                    f"padding:8px'>{highlight_html(row['text'], spans)}</div>")
    st.caption(f"{pair['chars'].sum():,} characters reused in {len(pair)} passage(s); "
               f"{pair['share_of_target'].iloc[0]:.0%} of the " + (f"second article; {UNORDERED_WHY[direction]}, so "
               "which came first is unknown." if unordered else ORDERED_WHY[direction]))


draw()

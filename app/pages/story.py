"""Story: who covered it when, which history each outlet invoked, and the side-by-side framing matrix."""
import html

import pandas as pd
import streamlit as st

from app.markup import highlight_html, joined_names, plain_markdown
from app.tables import INDEPENDENT_HELP, INDEPENDENT_LABEL, day_text, named_outlets, unnamed_note
from app.view import SIDEBAR_LINKED, report_missing
from lib.analyse.stories import shared_sources
from lib.domain.outlets import UNKNOWN_OUTLET, outlet_label, outlet_labels
from lib.figures.framing import TERM_OUTLETS, VOICE_SPEAKERS, repeated_terms
from lib.figures.style import colour_of

MAX_COLUMNS = 6  # outlets side by side before the matrix stops being readable
MAX_POINTS = 40


def cell_html(rows: list, named: bool = False) -> str:
    """One outlet's (or, ``named``, one group's) renderings of one point (framing cell rows): badges, then the wording
    with the quoted part marked; ``named`` puts each rendering's outlet first."""
    parts = []
    for r in rows:
        text = str(r.unit_text)
        spans = []
        quoted = r.quoted_text if isinstance(r.quoted_text, str) and r.quoted_text else None
        if quoted and quoted in text:
            at = text.index(quoted)
            spans.append((at, at + len(quoted), "quoted"))
        mode = str(r.mode)
        badges = f'<span class="cc-badge {html.escape(mode.split()[0])}">{html.escape(mode)}</span>'
        if isinstance(r.cue, str) and r.cue:
            badges += f'<span class="cc-badge">{html.escape(r.cue)}</span>'
        if isinstance(r.speaker, str) and r.speaker:
            badges += f'<span class="cc-badge">{html.escape(r.speaker)}</span>'
        who = f"<b>{html.escape(outlet_label(r.member))}</b> " if named else ""
        parts.append(f"<div>{who}{badges}<div class='cc-text'>{highlight_html(text, spans)}</div></div>")
    return "<hr style='margin:4px 0'>".join(parts)


def framing_points(framing, points) -> pd.DataFrame:
    """The framing points as the download gives them: one row per point and outlet rendering (its wording, mode,
    verb, speaker and quoted words), then one row per omission."""
    cells = framing.cells.merge(points[["point_id", "label", "is_proposal"]], on="point_id", how="left")
    cells = cells.assign(outlet=outlet_labels(cells["outlet"]), member=outlet_labels(cells["member"]), carried=True)
    omitted = framing.omissions.merge(points[["point_id", "label", "is_proposal"]], on="point_id", how="left")
    omitted = omitted.assign(outlet=outlet_labels(omitted["outlet"]), carried=False, mode="omitted")
    return pd.concat([cells, omitted], ignore_index=True)[
        ["point_id", "label", "is_proposal", "outlet", "member", "carried", "mode", "cue", "speaker", "unit_text",
         "quoted_text", "article_id", "start", "end"]]


def choose_story(view):
    """The story row to draw (counted over the filtered articles), or None after saying why there is none."""
    if report_missing(SIDEBAR_LINKED):
        return None
    if view.stories_failure is not None:
        st.warning(str(view.stories_failure))
        return None
    in_view = view.story_rows()
    if in_view.empty and not view.story_id:
        st.info("No article matches the filters, so there is no story to show.")
        return None
    if view.story_id:
        chosen = in_view[in_view["story_id"] == view.story_id]
        if chosen.empty:
            st.info(f"The story “{plain_markdown(view.story_names.get(view.story_id, view.story_id))}” has no "
                    "article under these filters: widen the dates or outlets, or clear the speaker filter.")
            return None
        return chosen.iloc[0]
    story = in_view.sort_values(["n_outlets", "n_articles", "first"], ascending=[False, False, True]).iloc[0]
    st.caption("No story chosen under Filters: showing the story " +
               ("the filtered outlets cover most." if view.outlets else "covered by the most outlets."))
    return story


def draw() -> None:
    """Draw one story: timelines, framing matrix, per-outlet charts."""
    view = st.session_state["view"]
    title = st.empty()
    title.title("Story")
    story = choose_story(view)
    if story is None:
        return
    ids = set(view.ids)  # the cached tuple: iterating the Arrow id column again cost 20-30 ms per rerun
    members = [a for a in story["article_ids"] if a in ids]
    articles = view.articles[view.articles["id"].isin(set(members))]

    title.title(plain_markdown(view.story_names.get(story["story_id"], story["label"])))
    named_by = articles.loc[articles["title"].fillna("").map(lambda t: " ".join(t.split())) == story["label"], "outlet"]
    if len(named_by) and articles["outlet"].nunique() > 1:
        st.caption(f"Headline of {joined_names(sorted(set(outlet_labels(named_by))))}: of the story's headlines, the "
                   "one whose words the others share most.")
    first, last = pd.to_datetime(story["first"]), pd.to_datetime(story["last"])
    cols = st.columns(4)
    cols[0].metric("Articles", f"{int(story['n_articles']):,}")
    named = named_outlets(articles["outlet"])
    # a story whose every article names no outlet has outlets all the same, unnamed: "none named", not "0" beside
    # sections that show its "(unknown outlet)" side
    cols[1].metric("Outlets", f"{named.nunique():,}" if len(named) else "none named",
                   help=unnamed_note(articles["outlet"], named))
    cols[2].metric(INDEPENDENT_LABEL, f"{int(story['independent_sources']):,}", help=INDEPENDENT_HELP)
    cols[3].metric("First report", day_text(first),
                   help=f"Last report {day_text(last)}" if pd.notna(last) else None)
    whole = view.stories[view.stories["story_id"] == story["story_id"]]
    if not whole.empty and int(whole["n_articles"].iloc[0]) != len(members):
        st.caption(f"These counts cover the {len(members):,} article(s) the filters let through; the whole story has "
                   f"{int(whole['n_articles'].iloc[0]):,} article(s) from {int(whole['n_outlets'].iloc[0]):,} "
                   "outlet(s).")
    merged = shared_sources(articles, view.copied)
    if merged:
        st.caption("Counted as one report (the same wire, or one copying another's text), carried by: "
                   + "; ".join(joined_names(group) for group in merged) + ".")
    view.offer("articles", lambda: articles.drop(columns=["text"], errors="ignore"))
    view.draw_section({"Timeline": lambda: draw_timeline(view, members, articles),
                       "Side-by-side framing": lambda: draw_framing(view, members, articles),
                       "Voices": lambda: draw_voices(view, members),
                       "Distinctive terms": lambda: draw_terms(view, members)},
                      linked={"cols": "Side-by-side framing", "all_points": "Side-by-side framing"})


def draw_timeline(view, members: list, articles: pd.DataFrame) -> None:
    """Who covered the story when, which dated history each outlet invoked, and the story's articles."""
    coverage = view.coverage[view.coverage["article_id"].isin(set(members))]
    view.chart("coverage", ids=members)
    undated = coverage[coverage["published"].isna()]
    if len(undated):
        labels = view.side_labels(undated["outlet"])
        sides = sorted(map(str, labels[labels != UNKNOWN_OUTLET].unique()))  # counted as the Outlets metric counts
        unnamed = int((labels == UNKNOWN_OUTLET).sum())
        whose = ([f"from {len(sides):,} {view.side_noun}(s) ({plain_markdown(', '.join(sides[:5]))}"
                  + (", …" if len(sides) > 5 else "") + ")"] if sides else []) \
            + ([f"{unnamed:,} naming no outlet"] if unnamed else [])
        first = "who reported first is told among the dated ones" if len(undated) < len(coverage) \
            else "none of the story's articles shown here is dated, so no one can be told to have reported first"
        st.caption(f"{len(undated):,} undated article(s) of this story, {' and '.join(whose)}, are not on the time "
                   f"axis: {first}.")
    view.chart("history", ids=members)

    with st.expander(f"The {len(articles)} article(s) of this story"):
        labels = view.article_labels()
        for article_id in coverage.sort_values("published")["article_id"].head(30):
            st.page_link("app/pages/articles.py", label=plain_markdown(labels[article_id]), icon=":material/article:",
                         query_params={"article": article_id})
        if len(articles) > 30:
            st.caption(f"and {len(articles) - 30} more: see the Articles page with this story chosen.")



def sides_by_time(view, members: list, articles: pd.DataFrame) -> list:
    """The story's compared sides (outlets, or groups) in order of their first report, undated ones last."""
    coverage = view.coverage[view.coverage["article_id"].isin(set(members))]
    ordered = list(dict.fromkeys(view.side_labels(coverage.sort_values("published")["outlet"])))
    return ordered + [o for o in dict.fromkeys(view.side_labels(articles["outlet"])) if o not in ordered]


def draw_framing(view, members: list, articles: pd.DataFrame) -> None:
    """The side-by-side framing matrix, the omissions, and what each side put first and added."""
    framing = view.framing(members)
    colours = view.side_colours(members)  # as the story's charts colour each outlet or group
    grouped = view.by is not None
    side = view.side_noun
    outlets_by_time = sides_by_time(view, members, articles)
    if len(outlets_by_time) < 2:
        st.info(f"Only {plain_markdown(outlets_by_time[0] if outlets_by_time else 'one ' + side)} covers this story "
                f"under the filters: its points are listed below; framing compares two or more {side}s.")
    elif grouped:
        st.caption(f"One column per {plain_markdown(view.by)} (from the outlets file); each rendering names its "
                   "outlet.")
    if len(outlets_by_time) > MAX_COLUMNS:
        columns = st.multiselect(f"{side.capitalize()}s side by side", outlets_by_time,
                                 default=outlets_by_time[:MAX_COLUMNS - 2],
                                 max_selections=MAX_COLUMNS, key="cols", bind="query-params")
        view.share["cols"] = columns
        # a point's count of sides counts the hidden columns too: the reader must know there are some
        st.caption(f"{len(columns)} of the {len(outlets_by_time)} {side}s side by side (choose others above); a "
                   f"point's count of {side}s counts them all.")
    else:
        columns = outlets_by_time

    points = framing.points
    view.offer("framing points", lambda: framing_points(framing, points))
    cells = framing.cells.assign(outlet=outlet_labels(framing.cells["outlet"]))
    omitted = set(zip(framing.omissions["point_id"], outlet_labels(framing.omissions["outlet"])))
    excerpts = set(outlet_labels(pd.Series(framing.excerpts, dtype=object)))
    shown = points[points["outlets"].map(lambda o: bool({outlet_label(x) for x in o} & set(columns)))]
    if shown.empty:
        st.info("No claim or proposal was found in these articles: their bodies are too short to align.")
    else:
        n_prop = int(shown["is_proposal"].sum())
        st.caption(f"{len(shown)} point(s)" + (f", {n_prop} of them proposals, listed first" if n_prop else "")
                   + ". Each cell is the outlet's own "
                   "wording; highlighted words are what it quoted, or reported the speaker saying. Badges: how it was "
                   "rendered (direct quote, partial quote, reported speech or the outlet's own voice), the reporting "
                   "verb and the speaker. Grey cells are omissions"
                   + (", or what an excerpt cut short lacks." if excerpts & set(columns) else "."))
        show_all = len(shown) > MAX_POINTS and st.toggle(f"Show all {len(shown)} points", key="all_points",
                                                         bind="query-params")
        if show_all:
            view.share["all_points"] = ["true"]
        if not show_all:
            shown = shown.head(MAX_POINTS)

        # One pass over the cells (a groupby of sub-frames, each walked again, cost ~0.1 s per rerun).
        by_cell = {}
        for r in cells.itertuples():
            by_cell.setdefault((r.point_id, r.outlet), []).append(r)
        head = "".join(f"<th><span class='cc-outlet' style='background:{colour_of(colours, o)}'></span>"
                       f"{html.escape(o)}</th>" for o in columns)
        body = []
        for p in shown.itertuples():
            badge = "<span class='cc-badge proposal'>proposal</span>" if p.is_proposal else ""
            row = [f"<td style='width:18%'>{badge}<b>{html.escape(str(p.label))}</b><br>"
                   f"<small>{int(p.n_outlets)} {side}(s)</small></td>"]
            for o in columns:
                mine = by_cell.get((p.point_id, o))
                if mine is not None:
                    row.append(f"<td>{cell_html(mine, named=grouped)}</td>")
                elif (p.point_id, o) in omitted:
                    by_whom = "any outlet of this group" if grouped else "this outlet"
                    row.append(f"<td class='cc-omit'>omitted: not reported by {by_whom}</td>")
                elif o in excerpts:
                    row.append("<td class='cc-omit'>not in this excerpt: the text is cut short</td>")
                else:
                    row.append("<td class='cc-omit'>not in the shown articles</td>")
            body.append("<tr>" + "".join(row) + "</tr>")
        st.html(f"<table class='cc-matrix cc-even'><thead><tr><th style='width:18%'>Point</th>{head}</tr></thead>"
                f"<tbody>{''.join(body)}</tbody></table>")
        cut = [o for o in columns if o in excerpts]
        if cut:
            st.caption(f"{len(cut)} of these {side}s gave only an excerpt cut short (its text ends in “…”): what "
                       "an excerpt lacks is not counted as omitted, here or under Omissions.")

        omissions = framing.omissions.assign(outlet=outlet_labels(framing.omissions["outlet"]))
        if not omissions.empty:
            labels = dict(zip(points["point_id"], points["label"]))
            props = dict(zip(points["point_id"], points["is_proposal"]))
            st.subheader("Omissions")
            st.dataframe(pd.DataFrame({
                side.capitalize(): omissions["outlet"], "Left out": omissions["point_id"].map(labels),
                # words, not a column of checkboxes a reader takes for something to tick
                "Kind": omissions["point_id"].map(props).fillna(False).map({True: "proposal",
                                                                            False: "claim or fact"})}),
                hide_index=True)
            st.caption("Kind: a proposal puts forward or calls for an action (proposes, urges, should); the rest are "
                       "claims and facts. A point is left out by an outlet whose shown articles carry no sentence of "
                       "it.")

    # ------------------------------------------------------------------ per outlet
    st.header(f"Per {side}")
    if not framing.leads.empty:
        st.subheader("What each outlet put first")
        for r in framing.leads.itertuples():
            who = (f"{outlet_label(r.member)} ({outlet_label(r.outlet)})" if grouped else outlet_label(r.outlet))
            # its lines as written: a headline at the top of a text does not run into the sentence after it
            lead = "\n".join(line.strip() for line in str(r.lead_text).splitlines() if line.strip())
            st.html(f"<div style='white-space:pre-line'><span class='cc-outlet' "
                    f"style='background:{colour_of(colours, outlet_label(r.outlet))}'></span><b>{html.escape(who)}</b>: "
                    f"{html.escape(lead)}</div>")
    st.subheader(f"What each {side} added")
    if framing.additions.empty:
        st.caption(f"No {side} carries a point the others lack" + (f" (only one {side})." if len(outlets_by_time) < 2
                                                                   else "."))
    else:
        for outlet, rows in framing.additions.groupby(outlet_labels(framing.additions["outlet"]), sort=False):
            with st.expander(f"{plain_markdown(outlet)}: {len(rows)} point(s) no other {side} carries"):
                for r in rows.itertuples():
                    who = f"<b>{html.escape(outlet_label(r.member))}</b> " if grouped else ""
                    st.html(f"<div class='cc-text'>{who}<span class='cc-badge {html.escape(str(r.mode).split()[0])}'>"
                            f"{html.escape(str(r.mode))}</span>{html.escape(str(r.unit_text))}</div>")


def draw_voices(view, members: list) -> None:
    """Whose voices each side carried. The distinctive terms are a section of their own: a brand-new browser drawing
    both charts side by side came in at 1.54x the one-chart floor (issue 15)."""
    view.chart("voices", ids=members)
    voices = view.framing(members).voices
    shown = set(outlet_labels(voices["outlet"]))
    story = view.coverage[view.coverage["article_id"].isin(set(members))]
    silent = sorted(set(view.side_labels(story["outlet"])) - shown, key=str.casefold)
    if silent:
        # the chart has a bar group for sides that quote or report someone: the others would vanish unsaid
        st.caption(f"Quoting or reporting nobody in this story, so not in the chart: {joined_names(silent)}.")
    # The chart draws speakers with quoted words only (reported speech alone quotes no words): count those.
    view.caption_if_capped(VOICE_SPEAKERS, voices.loc[voices["quoted_words"] > 0, "speaker"].nunique(dropna=False),
                           "quoted speakers (the most quoted)",
                           "the Quotes page lists every quote of the story chosen under Filters.")


def draw_terms(view, members: list) -> None:
    """The words each side used far more often than the others did."""
    side = view.side_noun
    view.chart("terms", ids=members)
    drawn = set(outlet_labels(repeated_terms(view.framing(members).terms)["outlet"]))
    story = view.coverage[view.coverage["article_id"].isin(set(members))]
    silent = sorted(set(view.side_labels(story["outlet"])) - drawn, key=str.casefold)
    if silent and drawn:
        # the chart has a panel for sides with a word used twice or more that the others used less
        st.caption(f"No word used twice that the others used less, so not in the chart: {joined_names(silent)}.")
    view.caption_if_capped(TERM_OUTLETS, len(drawn), f"{side}s (those with the most terms)",
                           f"pick {side}s under Filters to see the others' terms.")


draw()

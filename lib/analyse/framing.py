"""Side-by-side framing of one story: align the units (quotes, reported statements, sentences) that carry the
same claim or proposal across outlets, then describe how each outlet rendered, added or left out each point.

Method: each article's body (after the dateline) is cut into sentence units; a unit that contains a quote
carries that quote's kind, speaker and cue. Units are encoded (``lib.analyse.similarity.encode_units``) and
linked across outlets by mutual best match above the encoder's threshold (the "competitive linking" of
Melamed 2000, used for sentence alignment of comparable corpora); links are then merged greedily, strongest
first, into points, never putting two units of one article into a point (constrained single linkage).
Every unit ends in one point, so a point one outlet alone carries is that outlet's addition and the others'
omission; a unit that holds another point's quoted words whole, or its fact's wording or counts, renders that point
too (_also_carried), so an outlet whose one sentence carries two quotes or two facts is not shown omitting either.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from lib.analyse.groups import group_labels
from lib.analyse.overlap import MIN_WORDS as MIN_QUOTE_WORDS, carries_run, quote_keys
from lib.analyse.similarity import UnitSimilarity, encode_units, resolve_encoder
from lib.analyse.terms import TERM_COLUMNS, find_markers, outlet_terms
from lib.domain.calendar import NUMBER_WORDS
from lib.domain.datelines import body_start, is_date_line
from lib.domain.outlets import outlet_labels
from lib.domain.sentences import is_heading_line, past_address, split_sentences
from lib.domain.verbs import PROPOSING_TEXT
from lib.models import is_missing, speaker_of

POINT_COLUMNS = ("point_id", "label", "is_proposal", "n_outlets", "outlets")
CELL_COLUMNS = ("point_id", "outlet", "member", "article_id", "unit_text", "start", "end", "mode", "quoted_text",
                "speaker", "cue", "cue_class", "hedges", "intensifiers", "similarity")
OMISSION_COLUMNS = ("point_id", "outlet")
ADDITION_COLUMNS = ("outlet", "member", "article_id", "unit_text", "start", "end", "mode", "speaker")
VOICE_COLUMNS = ("outlet", "speaker", "quoted_words", "share", "reported_words")
LEAD_COLUMNS = ("outlet", "member", "article_id", "lead_text", "start", "end")
UNIT_COLUMNS = ("unit", "article_id", "outlet", "position", "start", "end", "unit_text", "mode", "quoted_text",
                "speaker", "cue", "cue_class", "is_proposing")

OWN_VOICE = "own voice"
MODES = ("direct", "partial", "reported", OWN_VOICE)
MIN_UNIT_WORDS = 3  # fewer words of 2+ letters: datelines, timestamps and wire tags (/TASS/.), not claims
LEAD_MIN_WORDS = 12  # a lead shorter than this takes the next unit too
NEAR_IDENTICAL = 0.9  # two units of one article may share a point only when they repeat each other
# Words in a row two sentences share that make one a rendering of the other's point (_also_carried): a fact copied
# from the wire or the same source ("with six AK 47 rifles, 12 magazines and about 300 rounds"), beyond stock phrases.
FACT_RUN = 8
# Counts two sentences both give of the same things ("three boats ... 26 Somali crew", "the remaining three boats ...
# nabbed 26 Somali pirates"): this many, each a number and the word after it, make one a rendering of the other's fact
# whatever the rest of their wording.
FACT_FIGURES = 2
_FIGURE_WORDS = {w: str(n) for w, n in NUMBER_WORDS.items() if w not in ("a", "an", "one")}
_NOT_COUNTED = frozenset("the a an and or of in on at to for with by from as is was were are per than".split())
LABEL_CHARS = 110
LABEL_MIN_CUT = 40  # a label is cut at a space only when one falls past this many characters (else mid-word)
QUOTED_LABEL_SHARE = 0.4  # a unit whose quoted words are this share of it is labelled "Speaker cue: quote"

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A page's time stamp opening its text (spaced as detokenised text spaces it): "UPDATED 05 / 03 / 2013 at 11: 00 AM
# EDT", "MAY 3, 2013 AT 1: 10PM", "Posted on Thu Jun 13, 2013".
_CLOCK = r"\d{1,2}[^\S\n]*:[^\S\n]*\d{2}[^\S\n]*(?:[ap]\.?[^\S\n]*m\.?)?"  # "11: 00 AM", "4: 08 p. m."
_TIMESTAMP = re.compile(
    r"\s*(?P<prefix>(?i:(?:last[^\S\n]+|originally[^\S\n]+)?(?:updated|posted|published|modified)(?:[^\S\n]+on)?"
    r"[^\S\n]*:?[^\S\n]*))?"
    r"(?:(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[^\S\n]+)?"
    r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[^\S\n]+\d{1,2}(?:,?[^\S\n]+\d{4})?"
    r"|\d{1,2}[^\S\n]*[/.\-][^\S\n]*\d{1,2}[^\S\n]*[/.\-][^\S\n]*\d{2,4})"
    rf"(?P<time>(?i:(?:[^\S\n]*[|·•–—][^\S\n]*|,?[^\S\n]*(?:at[^\S\n]+)?){_CLOCK})"
    r"(?:[^\S\n]+[A-Z]{2,4}\b)?)?"
    # or a time alone after its prefix word ("Updated 4: 08 p. m. ET")
    rf"|(?<=[a-z:][^\S\n])(?i:{_CLOCK})(?:[^\S\n]+[A-Z]{{2,4}}\b)?)"
    r"[^\S\n]*[|·•\-–—:]?\s*")  # a stamp has its prefix word or its time (not "May 3 was")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Framing:
    """How the outlets of one story framed it; every frame has the column constants of this module."""

    points: pd.DataFrame  # POINT_COLUMNS, proposals first, then by number of outlets, then story order
    cells: pd.DataFrame  # CELL_COLUMNS: one row per point and article unit
    omissions: pd.DataFrame  # OMISSION_COLUMNS: outlets of the story that do not carry the point
    additions: pd.DataFrame  # ADDITION_COLUMNS: units no other outlet carries
    voices: pd.DataFrame  # VOICE_COLUMNS: quoted words per speaker and outlet
    leads: pd.DataFrame  # LEAD_COLUMNS: what each article put first after its dateline
    terms: pd.DataFrame  # TERM_COLUMNS: distinctive vocabulary of each outlet against the others
    encoder: str = "tfidf"  # the encoder that aligned the units
    # outlets (or groups) whose every article is an excerpt cut short ("... the senator said …"): what their texts
    # lack is no omission (see is_cut)
    excerpts: tuple[str, ...] = ()


def frame_story(articles: pd.DataFrame, quotes: pd.DataFrame, encoder: str = "auto",
                threshold: float | None = None, background: Mapping[str, float] | None = None,
                sides: Mapping[str, str] | None = None) -> Framing:
    """Align one story's units across outlets into points and describe each outlet's framing.

    ``threshold`` overrides the encoder's calibrated cosine cut-off (lower links more loosely worded claims);
    ``background``: term counts of a wider corpus (``terms.count_terms``) as the prior of the distinctive
    vocabulary (Monroe et al. 2008), instead of the story's own pooled counts. ``sides``: outlet -> the group it is
    compared as (lib.analyse.groups); units are still aligned outlet by outlet, then every frame is given per group
    (its ``outlet`` column), and cells, additions and leads name their own outlet in ``member``.
    """
    enc = resolve_encoder(encoder)
    articles = _ordered_articles(articles)
    units = build_units(articles, quotes)  # articles already ordered: _ordered_articles is idempotent
    groups, sims = align_units(units, enc.name, enc.threshold if threshold is None else threshold)
    units = units.assign(point=groups, member=units["outlet"])
    if sides is not None:
        units["outlet"] = group_labels(units["member"], sides)
        articles = articles.assign(outlet=group_labels(articles["outlet"], sides))
    story_outlets = list(dict.fromkeys(articles["outlet"]))
    points, cells = _points_and_cells(_also_carried(units), sims, story_outlets)
    cut = articles["text"].map(is_cut).groupby(articles["outlet"].to_numpy(), sort=False).all()
    excerpts = tuple(o for o in story_outlets if cut.get(o, False))
    omissions = _omissions(points, [o for o in story_outlets if o not in excerpts], len(story_outlets))
    multi = len(story_outlets) > 1
    single = points.loc[points["n_outlets"] == 1, "point_id"] if multi else pd.Series([], dtype=int)
    added = cells[cells["point_id"].isin(set(single))]
    additions = added[list(ADDITION_COLUMNS)].reset_index(drop=True)
    bodies = [(row.outlet, row.text[body_start(row.text, row.dateline):]) for row in articles.itertuples()]
    terms = outlet_terms(bodies, prior=background) if multi else pd.DataFrame(columns=list(TERM_COLUMNS))
    return Framing(points=points, cells=cells, omissions=omissions, additions=additions,
                   voices=quote_voices(articles, quotes), leads=article_leads(units), terms=terms,
                   encoder=enc.name, excerpts=excerpts)


def _ordered_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The story's articles, earliest first, with an outlet name and a text (maybe empty) on every row."""
    if "_published" in articles.columns:  # ordered here already (frame_story passes its ordered frame on): 4 ms
        return articles
    frame = articles.copy()
    for col in ("dateline", "published", "outlet"):
        if col not in frame.columns:
            frame[col] = None
    # one side for every article that names no outlet, as every page and chart of the story labels it (outlet_labels)
    frame["outlet"] = outlet_labels(frame["outlet"])
    frame["text"] = [t if isinstance(t, str) else "" for t in frame["text"]]
    frame["_published"] = pd.to_datetime(frame["published"], errors="coerce", utc=True)
    return frame.sort_values(["_published", "id"], na_position="last", kind="stable").reset_index(drop=True)


def build_units(articles: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Sentence units of each article body with offsets, each carrying the quote it mostly contains (UNIT_COLUMNS)."""
    articles = _ordered_articles(articles)
    by_article = _quotes_by_article(quotes)
    rows = []
    for art in articles.itertuples():
        text = art.text
        qs = by_article.get(art.id, [])
        position = 0
        for s, e in split_sentences(text, body_start(text, art.dateline)):
            stamp = _TIMESTAMP.match(text, s, e) if position == 0 else None
            if stamp and (stamp.group("prefix") or stamp.group("time")) and text[stamp.end():stamp.end() + 1] != ",":
                # "UPDATED 05/03/2013 at 11:00 AM EDT", "AUGUST 2, 2013 | 08:06AM PT" opening the text: when the page
                # was put up, no claim and no lead (not "Published on March 3, the report found")
                s = stamp.end()
            s = past_address(text, s, e)  # a page's address opening it: no claim
            if len(_LETTER_WORD.findall(text[s:e])) < MIN_UNIT_WORDS or _whole_line(text, s, e) \
                    and (is_heading_line(text[s:e]) or is_date_line(text[s:e])):
                # a dateline or wire tag; a heading the body repeats ("Anti Piracy Ops by INS Sukanya"); a line of
                # its own that only dates the page ("PUBLISHED : 22 : 07 GMT , 7 July 2012")
                continue
            quote = _carried_quote(qs, s, e)
            mode, quoted, speaker, cue, cue_class = OWN_VOICE, None, None, None, None
            if quote is not None:
                mode = quote["kind"] if quote["kind"] in MODES else "reported"
                quoted = text[max(s, quote["start"]):min(e, quote["end"])]
                speaker, cue, cue_class = quote["speaker_name"], quote["cue"], quote["cue_class"]
            proposing = bool(PROPOSING_TEXT.search(text[s:e])) or cue_class == "proposing"
            rows.append((len(rows), art.id, art.outlet, position, s, e, text[s:e], mode, quoted, speaker, cue,
                         cue_class, proposing))
            position += 1
    return pd.DataFrame.from_records(rows, columns=list(UNIT_COLUMNS))


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a line of its own (blanks around it aside)."""
    before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def _quotes_by_article(quotes: pd.DataFrame | None) -> dict[str, list[dict]]:
    """Quote records grouped by article, each with a display speaker (canonical id, else as written)."""
    out: dict[str, list[dict]] = {}
    if quotes is None or len(quotes) == 0:
        return out
    for q in quotes.assign(speaker_name=speaker_of(quotes)).to_dict(orient="records"):
        q = {k: (None if is_missing(v) else v) for k, v in q.items()}
        if q.get("start") is None or q.get("end") is None or q.get("article_id") is None:
            continue  # a quote without evidence offsets cannot be placed in a sentence
        q.setdefault("cue", None)
        q.setdefault("cue_class", None)
        out.setdefault(q["article_id"], []).append(q)
    return out


def _carried_quote(quotes: list[dict], start: int, end: int) -> dict | None:
    """The quote overlapping a sentence most (direct before partial before reported on ties), or None."""
    best, best_key = None, None
    rank = {"direct": 0, "partial": 1, "reported": 2}
    for q in quotes:
        overlap = min(end, int(q["end"])) - max(start, int(q["start"]))
        if overlap <= 0:
            continue
        key = (-overlap, rank.get(q["kind"], 3))
        if best_key is None or key < best_key:
            best, best_key = q, key
    return best


def align_units(units: pd.DataFrame, encoder: str, threshold: float) -> tuple[np.ndarray, UnitSimilarity]:
    """A point number per unit, and the units' cosine similarities.

    Links: for every pair of articles from different outlets, unit pairs that are each other's best match
    above ``threshold``; plus near-identical repeats inside one article. Links are merged strongest first
    while no point would hold two units of one article.
    """
    n = len(units)
    if n == 0:
        return np.zeros(0, dtype=int), UnitSimilarity(encode_units([], encoder))
    sims = UnitSimilarity(encode_units(units["unit_text"].tolist(), encoder))
    articles = units["article_id"].to_numpy()
    outlets = units["outlet"].to_numpy()
    members = {a: np.asarray(rows) for a, rows in units.groupby("article_id", sort=False).indices.items()}
    rank = {a: i for i, a in enumerate(members)}
    links = []
    for a, ra in members.items():
        # One article's rows against every unit at a time: memory grows with units, not units squared.
        sims_a = sims.rows(ra)
        block = sims_a[:, ra]
        for x, y in zip(*np.nonzero(np.triu(block >= NEAR_IDENTICAL, k=1))):
            links.append((block[x, y], ra[x], ra[y]))
        # Only later articles of other outlets with at least one unit above the threshold can link.
        reachable = np.flatnonzero(sims_a.max(axis=0) >= threshold)
        candidates = {b for b in dict.fromkeys(articles[reachable]) if rank[b] > rank[a]}
        for b in sorted(candidates, key=rank.get):
            rb = members[b]
            if outlets[ra[0]] == outlets[rb[0]]:
                continue
            block = sims_a[:, rb]
            best_b, best_a = block.argmax(axis=1), block.argmax(axis=0)
            for x, y in enumerate(best_b):
                if best_a[y] == x and block[x, y] >= threshold:
                    links.append((block[x, y], ra[x], rb[y]))
    parent = list(range(n))
    arts = [{articles[k]} for k in range(n)]
    units_of = [[k] for k in range(n)]

    def find(k: int) -> int:
        """Union-find root with path halving."""
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for sim, x, y in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        rx, ry = find(x), find(y)
        if rx == ry:
            continue
        if articles[x] != articles[y] and arts[rx] & arts[ry]:
            continue  # would put two units of one article in one point
        if len(units_of[rx]) + len(units_of[ry]) > 2 and not _close_on_average(sims, outlets, units_of[rx],
                                                                               units_of[ry], threshold):
            continue  # a chain (A~B, B~C with A far from C) is not one claim: average linkage, as in UPGMA
        parent[ry] = rx
        arts[rx] |= arts[ry]
        units_of[rx] += units_of[ry]
    roots = [find(k) for k in range(n)]
    numbering = {r: i for i, r in enumerate(dict.fromkeys(roots))}
    return np.array([numbering[r] for r in roots]), sims


def _also_carried(units: pd.DataFrame) -> pd.DataFrame:
    """The units with a second row for each unit that carries another point besides its own: a sentence of an outlet
    the point lacks that holds the point's quoted words whole ("“We will rebuild the bridge,” she said, adding that
    “no family will pay for it”" carries both quotes), or, for a point in the story's own voice, FACT_RUN words in a
    row of one of its sentences ("with six AK 47 rifles, 12 magazines and about 300 rounds") or all of its counts, at
    least FACT_FIGURES ("three boats", "26 Somali"), while alignment puts each unit in one point. Without it the outlet
    would be shown omitting what its text says. Similar wording alone is not enough ("Tax rises" is no rendering of
    "Tax and trade rise"): that is what alignment decides."""
    text_keys = [quote_keys(t) if isinstance(t, str) else [] for t in units["unit_text"]]
    by_run: dict[tuple[str, ...], list[int]] = {}  # FACT_RUN words in a row -> the units holding them, in order
    by_figure: dict[tuple[str, str], set[int]] = {}  # a count of something -> the units giving it
    for row, keys in enumerate(text_keys):
        for run in _runs(keys):
            by_run.setdefault(run, []).append(row)
        for figure in _figures(keys):
            by_figure.setdefault(figure, set()).add(row)
    evidence = []  # (unit, its quoted words, or the units carrying a FACT_RUN of its words or all its counts)
    for k, (text, quoted, mode) in enumerate(zip(units["unit_text"], units["quoted_text"], units["mode"])):
        if mode in ("direct", "partial") and isinstance(quoted, str):
            keys = quote_keys(quoted)
            if len(keys) >= MIN_QUOTE_WORDS:
                evidence.append((k, keys, None))
        elif isinstance(text, str):
            rows = {row for run in _runs(text_keys[k]) for row in by_run[run]}
            figures = _figures(text_keys[k])
            if len(figures) >= FACT_FIGURES:
                rows |= set.intersection(*(by_figure[figure] for figure in figures))
            if rows:
                evidence.append((k, None, rows))
    if not evidence:
        return units
    outlets, points = units["outlet"].to_numpy(), units["point"].to_numpy()
    present_in: dict = {}  # point -> the outlets it has
    for point, outlet in zip(points, outlets):
        present_in.setdefault(point, set()).add(outlet)
    extra, seen = [], set()
    for k, keys, carriers in evidence:
        point, present = points[k], present_in[points[k]]
        # a fact: only the units that hold one of its runs or all its counts (looked up, not every sentence compared)
        rows = np.flatnonzero(~np.isin(outlets, list(present))) if carriers is None else \
            [row for row in sorted(carriers) if outlets[row] not in present]
        for row in rows:
            if (point, outlets[row]) in seen:
                continue  # one rendering a point and outlet: its first sentence carrying the words
            if carriers is not None or carries_run(text_keys[row], keys):
                seen.add((point, outlets[row]))
                extra.append((row, point))
    if not extra:
        return units
    rows, extra_points = zip(*extra)
    return pd.concat([units, units.iloc[list(rows)].assign(point=list(extra_points))], ignore_index=True)


def _figures(keys: list[str]) -> set[tuple[str, str]]:
    """The counts a sentence gives (quote_keys): each number, in digits, with the word after it ("three boats" and "3
    boats" alike), not a year or a clock time alone, nor a number before a function word ("26 of the")."""
    out = set()
    for word, after in zip(keys, keys[1:]):
        number = _FIGURE_WORDS.get(word, word)
        if number.isdigit() and not after.isdigit() and after not in _FIGURE_WORDS and after not in _NOT_COUNTED:
            out.add((number, after))
    return out


def _runs(keys: list[str]) -> set[tuple[str, ...]]:
    """Every FACT_RUN words in a row of a sentence's words (quote_keys)."""
    return {tuple(keys[i:i + FACT_RUN]) for i in range(len(keys) - FACT_RUN + 1)}


def _close_on_average(sims: UnitSimilarity, outlets: np.ndarray, a: list[int], b: list[int],
                      threshold: float) -> bool:
    """True when the mean cosine between the two groups' units from different outlets reaches ``threshold``."""
    block = sims.block(a, b)
    other = outlets[a][:, None] != outlets[b][None, :]
    return not other.any() or float(block[other].mean()) >= threshold


def _points_and_cells(units: pd.DataFrame, sims: UnitSimilarity,
                      outlets: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Point rows (proposals first) and their cells, with readable labels and per-cell similarity."""
    records = units.to_dict(orient="records")
    unit_outlets, unit_rows = units["outlet"].to_numpy(), units["unit"].to_numpy()  # unit: its row in ``sims``
    members: dict[int, list[int]] = {}
    for k, point in enumerate(units["point"]):
        members.setdefault(int(point), []).append(k)
    order_key, point_rows, cell_rows = [], {}, []
    for point, idx in members.items():
        idx = np.array(idx)
        present = set(unit_outlets[idx])
        carried = [o for o in outlets if o in present]
        proposal = any(records[k]["is_proposing"] for k in idx)
        cell_sim = np.full(len(idx), np.nan)
        if len(idx) > 1:
            # A cell's similarity: its mean cosine to the point's units from other outlets.
            other = unit_outlets[idx][:, None] != unit_outlets[idx][None, :]
            has_other = other.any(axis=1)
            block = sims.block(unit_rows[idx], unit_rows[idx])
            cell_sim[has_other] = ((block * other).sum(axis=1) / np.maximum(other.sum(axis=1), 1))[has_other]
        centre = idx[int(np.argmax(np.nan_to_num(cell_sim, nan=-1.0)))]
        point_rows[point] = (make_label(records[centre]), proposal, len(carried), carried)
        # Story order: the earliest position any outlet gave the point, earliest outlet breaking ties.
        order_key.append((not proposal, -len(carried), min(records[k]["position"] for k in idx), int(idx.min()),
                          point))
        for k, sim in zip(idx, cell_sim):
            u = records[k]
            cell_rows.append((point, u["outlet"], u["member"], u["article_id"], u["unit_text"], int(u["start"]),
                              int(u["end"]), u["mode"], u["quoted_text"], u["speaker"], u["cue"], u["cue_class"],
                              find_markers(u["unit_text"], "hedge"), find_markers(u["unit_text"], "intensifier"),
                              float(sim)))
    renumber = {key[-1]: i for i, key in enumerate(sorted(order_key))}
    points = pd.DataFrame.from_records(
        [(renumber[p],) + point_rows[p] for p in point_rows], columns=list(POINT_COLUMNS)
    ).sort_values("point_id", kind="stable").reset_index(drop=True)
    cells = pd.DataFrame.from_records(cell_rows, columns=list(CELL_COLUMNS))
    cells["point_id"] = cells["point_id"].map(renumber)
    rank = {o: i for i, o in enumerate(outlets)}
    cells = cells.assign(_o=cells["outlet"].map(rank)).sort_values(["point_id", "_o", "start"], kind="stable")
    return points, cells.drop(columns="_o").reset_index(drop=True)


def make_label(unit: dict) -> str:
    """A short summary of a unit: "Speaker cue: content" for attributed speech, else the sentence; cut short."""
    text = " ".join(unit["unit_text"].split())
    quoted = unit.get("quoted_text")
    if unit["mode"] != OWN_VOICE and isinstance(quoted, str) and len(quoted) >= QUOTED_LABEL_SHARE * len(text):
        content = " ".join(quoted.split()).strip(" \"'“”‘’,")
        speaker, cue = unit.get("speaker"), unit.get("cue")
        if not isinstance(speaker, str) or not speaker.strip():
            text = content  # "told us: ...": a cue with no one to say it labels nothing
        elif isinstance(cue, str) and cue.lower() == "according to":
            text = f"According to {speaker}: {content}"  # not "NYDN According to: ..."
        else:
            text = f"{' '.join(x for x in (speaker, cue) if isinstance(x, str))}: {content}"
    text = text.strip(" \"'“”‘’,")
    if len(text) <= LABEL_CHARS:
        return text
    cut = text.rfind(" ", 0, LABEL_CHARS)
    return text[: cut if cut > LABEL_MIN_CUT else LABEL_CHARS].rstrip(" ,;:") + " …"


# An ellipsis at a text's end, or a news API's count of the characters left out ("… [+2345 chars]").
_CUT_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\[\+\d+ chars\])\s*$")


def is_cut(text) -> bool:
    """Whether a text is an excerpt cut short: it ends with an ellipsis ("... the senator said …"), as feeds, news
    APIs and aggregators cut the articles they carry."""
    return isinstance(text, str) and _CUT_END.search(text) is not None


def _omissions(points: pd.DataFrame, outlets: list[str], n_outlets: int) -> pd.DataFrame:
    """(point, outlet) for every one of ``outlets`` that does not carry the point, in a story of ``n_outlets``."""
    if n_outlets < 2:
        return pd.DataFrame(columns=list(OMISSION_COLUMNS))
    rows = [(p, o) for p, carried in zip(points["point_id"], points["outlets"]) for o in outlets if o not in carried]
    return pd.DataFrame.from_records(rows, columns=list(OMISSION_COLUMNS))


def quote_voices(articles: pd.DataFrame, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """Words each outlet quotes (direct and partial) and reports per speaker, with the speaker's share."""
    if quotes is None or len(quotes) == 0:
        return pd.DataFrame(columns=list(VOICE_COLUMNS))
    ordered = _ordered_articles(articles)
    outlet_of = dict(zip(ordered["id"], ordered["outlet"]))
    # Summed in dicts, not by groupby/transform/sort: a story has a few dozen quotes, and pandas' fixed costs were
    # 15 ms of every story framed.
    words_of: dict[tuple[str, str], list[int]] = {}  # (outlet, speaker) -> [quoted, reported], first seen first
    for art_id, qs in _quotes_by_article(quotes).items():
        if art_id not in outlet_of:
            continue
        for q in qs:
            words = len(_WORD.findall(q.get("text") or ""))
            counts = words_of.setdefault((outlet_of[art_id], q["speaker_name"] or "(unattributed)"), [0, 0])
            counts[0 if q.get("kind") in ("direct", "partial") else 1] += words
    if not words_of:
        return pd.DataFrame(columns=list(VOICE_COLUMNS))
    quoted_by_outlet: dict[str, int] = {}
    for (outlet, _), (quoted, _) in words_of.items():
        quoted_by_outlet[outlet] = quoted_by_outlet.get(outlet, 0) + quoted
    rows = [(outlet, speaker, quoted, quoted / quoted_by_outlet[outlet] if quoted_by_outlet[outlet] > 0 else 0.0,
             reported) for (outlet, speaker), (quoted, reported) in words_of.items()]
    rows.sort(key=lambda r: (r[0], -r[2], -r[4]))  # by outlet, most quoted words first; stable on ties
    return pd.DataFrame.from_records(rows, columns=list(VOICE_COLUMNS))


def article_leads(units: pd.DataFrame) -> pd.DataFrame:
    """Each article's first unit after the dateline (and the next one when the first is very short); ``units`` as
    frame_story gives them (with ``member``)."""
    # Grouped in a dict, not by a pandas groupby with a sort per article (9 ms of every story framed).
    by_article: dict[tuple, list[tuple]] = {}
    for art_id, outlet, own, position, start, end, text in zip(*(units[c].tolist() for c in (
            "article_id", "outlet", "member", "position", "start", "end", "unit_text"))):
        by_article.setdefault((art_id, outlet, own), []).append((position, start, end, text))
    rows = []
    for (art_id, outlet, own), group in by_article.items():
        group.sort(key=lambda u: u[0])
        (_, start, end, lead), rest = group[0], group[1:]
        if len(_WORD.findall(lead)) < LEAD_MIN_WORDS and rest:
            # the two units, not the text between their offsets: the date lines build_units left out stay out
            end, lead = rest[0][2], f"{lead}\n{rest[0][3]}"
        rows.append((outlet, own, art_id, lead, int(start), int(end)))
    return pd.DataFrame.from_records(rows, columns=list(LEAD_COLUMNS))

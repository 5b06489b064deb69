"""Shared quotes across articles: verbatim, cut short or altered renderings, grouped, with a diff against the earliest.

Quotebank-style merging (Vaucher et al. 2021) on one machine: quotes are normalised (case, punctuation, quote
marks), blocked by hashed word 3-grams in DuckDB (shingles in too many quotes are dropped, as passim drops
boilerplate n-grams), and only candidate pairs are compared with rapidfuzz. Groups are built around earliest
renderings (complete linkage to the earliest, not union-find): every rendering in a group is verbatim, contained
in / containing, or near (character ratio >= NEAR_RATIO, or one word edited, or a clause dropped) the group's
earliest rendering, so a long quote containing two different quotes never glues them into one. Each rendering is
diffed word by word against the earliest; split parts of one utterance are judged joined. Every two renderings of a
group that overlap each other are compared too (``variants``): two long renderings that each contain a short
earliest fragment can still differ from each other by a word, and that is an alteration. Carriers dated the same
day as the earliest (dates without a clock time) are earliest too: with day precision a tie is a tie, and the others
are diffed against the fullest of the tied renderings (a shorter one of that day cut nothing that came before it).
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata

import duckdb
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from lib.domain.calendar import ENGLISH_MONTH_FORMS, MONTH_NAMES, month_number, month_pattern, same_day_tie
from lib.domain.outlets import UNKNOWN_OUTLET, outlet_labels
from lib.domain.sentences import find_run
from lib.models import is_missing

# Columns of the frames this module returns (the dashboard codes against them).
RENDERING_COLUMNS = ("group_id", "article_id", "outlet", "published", "speaker_id", "text", "start", "end", "role",
                     "relation", "similarity", "added", "dropped", "replaced", "truncated", "diff", "variants")
GROUP_COLUMNS = ("group_id", "speaker_id", "earliest_outlet", "earliest_published", "earliest_text", "n_carriers",
                 "n_outlets", "altered", "earliest_tie")
MATRIX_COLUMNS = ("outlet_a", "outlet_b", "shared_quotes", "share_of_a_words_in_b")

QUOTE_KINDS = ("direct", "partial")  # reported speech is paraphrase: it is aligned by the framing analysis
MIN_WORDS = 4  # a shared 3-word phrase ("a historic day") is not evidence of a shared quote
SHINGLE = 3  # words per blocking shingle: a near match keeps at least one 3-gram unless every 3rd word changed
MAX_QUOTES_PER_SHINGLE = 500  # a 3-gram in more distinct quote texts than this is a stock phrase
JOIN_GAP = 120  # characters between two quotes of one article that may be one quote continued ("," she said. ")
NEAR_RATIO = 85.0  # rapidfuzz character ratio (0..100) above which two renderings are one quote, a word changed
NEAR_COVERAGE = 0.85  # share of the shorter rendering's words found in order in the longer one (a clause dropped)
NEAR_COVERAGE_MIN_WORDS = 6
EDGE_REPLACE_WORDS = 3  # words replaced at the end of an overlap up to this many a side: a changed word, not a cut

# Typographic quote marks and apostrophes folded to ASCII before tokenising (Quotebank normalisation).
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
# A word: letters and digits with inner apostrophes ("don't"); a number keeps its separators ("6:41pm", "1,000").
_WORD = re.compile(r"\d+(?:[.,:]\d+)*[^\W_]*|[^\W_]+(?:'[^\W_]+)*")
# "She ' s", "don ' t": clitics split off by tokenised sources (PTB, ECB+) are glued back before comparing.
_SPACED_CLITIC = re.compile(r"([^\W_])\s*'\s*(s|t|re|ve|ll|d|m)\b", re.IGNORECASE)
# House styles write one date or one share differently ("Aug. 31", "August the 31st", "31 August"; "10%", "10 percent",
# "10 per cent"): each such phrase is one word, shown as written, whose comparison key is the one form ("August 31",
# "10 percent"), so a quote carried in another outlet's style is the same quote, not an altered one. Month names only
# as capitalised (a lowercase "may" is a verb).
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?\b"
_MONTH = rf"({month_pattern(ENGLISH_MONTH_FORMS)})\b\.?"
_STYLED = re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}|\b{_MONTH}\s+(?:the\s+)?{_DAY}|"
                     r"\b(\d+(?:[.,]\d+)?)\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)


def _one_style(phrase: re.Match) -> str | None:
    """The one form of a date or share _STYLED matched ("August 31", "10 percent"); None where its month word is in
    lower case, another word ("may")."""
    if phrase.group(5):
        return f"{phrase.group(5)} percent"
    day, month = (phrase.group(1), phrase.group(2)) if phrase.group(1) else (phrase.group(4), phrase.group(3))
    return f"{MONTH_NAMES[month_number(month)]} {int(day)}" if month[:1].isupper() else None


def tokenise_quote(text: str) -> list[str]:
    """Word tokens of a quote as written (punctuation and quote marks removed, inner apostrophes kept); a date or a
    share is one token (_STYLED)."""
    return [word for word, _ in _token_ends(_fold(text))]


def display_tokens(text: str) -> list[str]:
    """tokenise_quote's tokens, each with the punctuation written right after it ("time.", "say,"): what a word diff
    shows, so two sentences of a quote do not read as one ("second time You know"). Their keys (_key) are the
    tokens'."""
    folded = _fold(text)
    tokens = [word + _TAIL.match(folded, end).group(0).translate(_CLOSING) for word, end in _token_ends(folded)]
    if tokens and tokens[-1][-1] in ",;:":
        tokens[-1] = tokens[-1][:-1]  # "the charm," she said: the comma is the attribution's, not the speaker's
    return tokens


_TRAILING = ".,;:!?…"  # punctuation a diff shows after its word
_TAIL = re.compile(r"[.,;:!?…\"'”’»)\]]*")  # what follows a word up to the next space: its punctuation, closing marks
_CLOSING = str.maketrans("", "", "\"'”’»)]")  # the closing marks, passed over ("charm,”")


def _fold(text: str) -> str:
    """A quote's text as tokenise_quote reads it: NFKC, marks and dashes folded, spaced clitics joined."""
    return _SPACED_CLITIC.sub(r"\1'\2", unicodedata.normalize("NFKC", text or "").translate(_FOLD))


def _token_ends(folded: str) -> list[tuple[str, int]]:
    """(token, its end offset) of tokenise_quote's tokens of a folded text."""
    found, at = [], 0
    for m in _STYLED.finditer(folded):
        if _one_style(m) is None:
            continue
        found += [(w.group(0), w.end()) for w in _WORD.finditer(folded, at, m.start())]
        found.append((" ".join(m.group(0).split()), m.end()))
        at = m.end()
    return found + [(w.group(0), w.end()) for w in _WORD.finditer(folded, at)]


@functools.lru_cache(maxsize=1 << 18)
def _key(word: str) -> str:
    """Comparison key of one word (a display token's punctuation left out): case-folded, accents stripped; a date or a
    share in its one form (_STYLED)."""
    word = word.rstrip(_TRAILING) or word
    # A date or a share holds a space or opens with a digit ("Aug. 31", "10%"): no other word is matched.
    styled = _STYLED.fullmatch(word) if word[:1].isdigit() or " " in word else None
    word = (_one_style(styled) if styled else None) or word
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def speakers_compatible(a, b) -> bool:
    """Same speaker, one unknown, or names that agree on the surname ("Putin" ~ "Vladimir Putin")."""
    if _missing(a) or _missing(b):
        return True
    ta, tb = [_key(w) for w in tokenise_quote(str(a))], [_key(w) for w in tokenise_quote(str(b))]
    if not ta or not tb:
        return True
    return ta == tb or ta[-1] == tb[-1] or set(ta) <= set(tb) or set(tb) <= set(ta)


def _missing(v) -> bool:
    """True for a missing cell or a blank string (no speaker written)."""
    return is_missing(v) or (isinstance(v, str) and not v.strip())


def classify_pair(keys_a: list[str], keys_b: list[str], joined_a: str | None = None,
                  joined_b: str | None = None) -> tuple[str | None, float]:
    """(relation, similarity) of two normalised renderings: verbatim | contained | near | None (no match).

    ``joined_*`` are the keys joined by spaces, when the caller already has them.
    """
    sim = float(fuzz.ratio(joined_a if joined_a is not None else " ".join(keys_a),
                           joined_b if joined_b is not None else " ".join(keys_b)))
    if keys_a == keys_b:
        return "verbatim", 100.0
    short, long_ = (keys_a, keys_b) if len(keys_a) <= len(keys_b) else (keys_b, keys_a)
    if len(short) >= MIN_WORDS and find_run(long_, short) >= 0:
        return "contained", sim
    if sim >= NEAR_RATIO:
        return "near", sim
    # One word replaced, added or dropped ("It was a mess" -> "It was a disaster"): an altered quote even when
    # the quote is too short for the character ratio to see it (word-level edit distance 1, Levenshtein 1966).
    if len(short) >= MIN_WORDS and len(long_) - len(short) <= 1 and LCSseq.similarity(short, long_) >= len(long_) - 1:
        return "near", sim
    # A clause dropped: the shorter's words in order in the longer, which is not much longer (else the shorter's
    # words could be scattered through a different, longer quote).
    if (len(short) >= NEAR_COVERAGE_MIN_WORDS and len(short) >= NEAR_COVERAGE * len(long_)
            and LCSseq.similarity(short, long_) >= NEAR_COVERAGE * len(short)):
        return "near", sim
    return None, sim


def diff_words(earliest: list[str], rendering: list[str]) -> dict:
    """Word-level diff of a rendering against the earliest one (difflib on case-folded words).

    Returns added, dropped, replaced ([old, new] phrases), truncated (words of the earliest missing at either
    edge) and the op list [{op, old, new}] for display.
    """
    ka, kb = [_key(w) for w in earliest], [_key(w) for w in rendering]
    ops, added, dropped, replaced = [], [], [], []
    opcodes = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        old, new = " ".join(earliest[i1:i2]), " ".join(rendering[j1:j2])
        ops.append({"op": tag, "old": old, "new": new})
        if tag == "insert":
            added.append(new)
        elif tag == "delete":
            dropped.append(old)
        elif tag == "replace":
            replaced.append([old, new])
    truncated = bool(opcodes) and bool(ka) and (opcodes[0][0] == "delete" or opcodes[-1][0] == "delete")
    return {"added": added, "dropped": dropped, "replaced": replaced, "truncated": truncated, "diff": ops}


def _candidate_pairs(keys: list[list[str]], con=None) -> list[tuple[int, int]]:
    """Quote index pairs sharing at least one word 3-gram, by a DuckDB self-join over hashed shingles."""
    rows_q, rows_h = [], []
    for i, k in enumerate(keys):
        for h in {hash(tuple(k[j:j + SHINGLE])) for j in range(len(k) - SHINGLE + 1)}:
            rows_q.append(i)
            rows_h.append(h)
    if not rows_q:
        return []
    con = con or duckdb.connect(":memory:")
    con.register("_quote_shingles", pd.DataFrame({"q": rows_q, "h": rows_h}))
    pairs = con.execute(f"""
        WITH kept AS (
            SELECT s.q, s.h FROM _quote_shingles s
            JOIN (SELECT h FROM _quote_shingles GROUP BY h
                  HAVING count(*) BETWEEN 2 AND {MAX_QUOTES_PER_SHINGLE}) f USING (h))
        SELECT DISTINCT a.q, b.q FROM kept a JOIN kept b ON a.h = b.h AND a.q < b.q""").fetchall()
    con.unregister("_quote_shingles")
    return pairs


def shared_quotes(quotes: pd.DataFrame, kinds=QUOTE_KINDS, con=None) -> pd.DataFrame:
    """One row per rendering of every quote carried by two or more articles (columns RENDERING_COLUMNS)."""
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=list(RENDERING_COLUMNS))
    q = quotes[quotes["kind"].isin(kinds)] if "kind" in quotes.columns and kinds else quotes
    q = q.reset_index(drop=True)
    words = [display_tokens(t) for t in q["text"]]  # as a diff shows them; compared by their keys
    keys = [[_key(w) for w in ws] for ws in words]
    joined = [" ".join(k) for k in keys]
    speakers = [_speaker_of(sid, sp) for sid, sp in zip(
        q["speaker_id"].tolist() if "speaker_id" in q.columns else [None] * len(q),
        q["speaker"].tolist() if "speaker" in q.columns else [None] * len(q))]
    article = q["article_id"].tolist()
    # Plain lists, not per-row pandas access: groups are built in Python and pandas row access is slow.
    published = (pd.to_datetime(q["published"]) if "published" in q.columns
                 else pd.Series([pd.NaT] * len(q))).tolist()
    # Earliest appearance: earliest published, undated last, ties broken by article id then offset.
    when = [(True, 0) if pd.isna(p) else (False, p.to_pydatetime()) for p in published]  # any year: no ns
    starts, ends, texts = q["start"].astype(int).tolist(), q["end"].astype(int).tolist(), q["text"].tolist()
    outlets = q["outlet"].tolist() if "outlet" in q.columns else [None] * len(q)
    utterance = list(zip(article, q["utterance"].tolist() if "utterance" in q.columns else range(len(q))))
    # Identical renderings first: a hot quote carried by 500 articles is one distinct text, so blocking, the
    # shingle frequency limit and fuzzy comparison run over distinct texts, never over every carrier.
    distinct: dict[str, int] = {}
    text_of = [distinct.setdefault(j, len(distinct)) for j in joined]
    rep = [0] * len(distinct)
    for i in reversed(range(len(q))):
        rep[text_of[i]] = i
    # Carriers of one text are bucketed by speaker surname; unknown speakers join the largest named bucket.
    # A bucket is a unit: verbatim renderings of one quote by one speaker.
    buckets: list[dict] = [{} for _ in distinct]
    for i, t in enumerate(text_of):
        buckets[t].setdefault(_surname(speakers[i]), []).append(i)
    units: list[list[int]] = []
    unit_of: list[dict] = [{} for _ in distinct]
    for t, b in enumerate(buckets):
        if len(keys[rep[t]]) < MIN_WORDS:  # "no comment" in two articles is not a shared quote
            continue
        named = [k for k in b if k is not None]
        if None in b and named:
            b[max(named, key=lambda k: len(b[k]))].extend(b.pop(None))
        for k, members in b.items():
            unit_of[t][k] = len(units)
            units.append(members)
    order = [(when[i], article[i], starts[i]) for i in range(len(q))]
    # each quote's run of quotes continued in its article (continued_runs); a frame split into blocks brings its own
    runs = (q["run"] if "run" in q.columns else continued_runs(q, joined)).tolist()
    for members in units:
        members.sort(key=order.__getitem__)
    links: dict[int, dict[int, tuple[str, float]]] = {}
    for u, v in _candidate_pairs([keys[i] for i in rep], con):
        i, j = rep[u], rep[v]
        if min(len(keys[i]), len(keys[j])) < MIN_WORDS:
            continue
        relation, sim = classify_pair(keys[i], keys[j], joined[i], joined[j])
        if relation is None:
            continue
        # A word changed in a short quote is only the same quote when both speakers are named and agree.
        weak = relation == "near" and sim < NEAR_RATIO and min(len(keys[i]), len(keys[j])) < NEAR_COVERAGE_MIN_WORDS
        for ku, a in unit_of[u].items():
            for kv, b in unit_of[v].items():
                if (ku is None or kv is None) and weak:
                    continue
                if ku is None or kv is None or speakers_compatible(speakers[units[a][0]], speakers[units[b][0]]):
                    links.setdefault(a, {})[b] = links.setdefault(b, {})[a] = (relation, sim)
    groups = [[m for u in g for m in units[u]] for g in _anchor_groups(units, links, keys, utterance, order)]
    groups = [sorted(set(idx), key=order.__getitem__) for idx in groups]
    groups = [idx for idx in groups if len({article[i] for i in idx}) >= 2]
    groups.sort(key=lambda idx: order[idx[0]])
    rows = []
    for gid, idx in enumerate(groups, start=1):
        tied = {i for i in idx if article[i] != article[idx[0]] and same_day_tie(published[idx[0]], published[i])}
        # The rendering the others are diffed against: the earliest, or of carriers tied on its day (none known to be
        # first) the fullest, so the others read as cut from it rather than it as added to an arbitrary pick.
        first = max([idx[0], *sorted(tied, key=order.__getitem__)], key=lambda i: len(keys[i]))
        if first != idx[0] and any(classify_pair(keys[first], keys[i])[0] is None for i in idx if i != first):
            first = idx[0]  # the group holds renderings only the earliest relates to (it is grouped around it)
        tied = (tied | {idx[0]}) - {first}
        variants = _variants(idx, words, keys, joined, article, outlets)
        speaker_id = next((speakers[i] for i in idx if not _missing(speakers[i])), None)
        # Parts of one split utterance ("A," he said, "B.") are judged together: joined they may be the quote.
        parts: dict = {}
        for i in idx:
            if utterance[i] != utterance[first]:
                parts.setdefault(utterance[i], []).append(i)
        as_whole = {}
        for members in parts.values():
            if len(members) > 1:
                whole = [k for i in sorted(members, key=starts.__getitem__) for k in keys[i]]
                as_whole.update(dict.fromkeys(members, classify_pair(keys[first], whole)))
        for i in idx:
            # A quote continued in the article's next quote (`"A," she said. "B."`, two utterances) is the earliest's
            # quote as a whole, not a cut-short copy of it, when the run of them holds it verbatim with this quote
            # inside it (the run may go on to the article's next quotes: "C" after "B").
            if i == first or as_whole.get(i, (None,))[0] is not None or not runs[i]:
                continue
            run = runs[i].split()
            at = find_run(run, keys[first])
            if at >= 0 and find_run(run[at:at + len(keys[first])], keys[i]) >= 0:
                as_whole[i] = ("verbatim", 100.0)
        for i in idx:
            window = words[first]
            if i == first:
                relation, sim = "verbatim", 100.0
            elif i in as_whole and as_whole[i][0] is not None:
                relation, sim = as_whole[i]
                at = find_run(keys[first], keys[i]) if relation == "verbatim" else -1
                window = words[first][at:at + len(keys[i])] if at >= 0 else window
            else:
                relation, sim = classify_pair(keys[first], keys[i], joined[first], joined[i])
            d = diff_words(window, words[i])
            rows.append((gid, article[i], outlets[i], published[i], speaker_id, texts[i], starts[i], ends[i],
                         "earliest" if i == first or i in tied else "later", relation, round(sim, 1),
                         d["added"], d["dropped"], d["replaced"], d["truncated"], d["diff"],
                         variants.get(joined[i], [])))
    return pd.DataFrame.from_records(rows, columns=list(RENDERING_COLUMNS))


def overlap_changes(a: list[str], b: list[str]) -> list[dict] | None:
    """The word diff of two renderings where they overlap, when a word changed there; None when they do not
    overlap (no common run of SHINGLE words) or agree wherever they overlap.

    Words one rendering quotes beyond the other's ends are not changes (one quoted more of the utterance), except a
    short replacement at an end ("a mess" vs "a disaster"). Returns the op list [{op, old, new}] over the overlap.
    """
    ka, kb = [_key(w) for w in a], [_key(w) for w in b]
    opcodes = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes()
    equal = [n for n, op in enumerate(opcodes) if op[0] == "equal"]
    if not any(opcodes[n][2] - opcodes[n][1] >= SHINGLE for n in equal):
        return None
    lo, hi = equal[0], equal[-1]

    def edge_change(op) -> bool:
        """A replacement of a few words at an end of the overlap."""
        tag, i1, i2, j1, j2 = op
        return tag == "replace" and i2 - i1 <= EDGE_REPLACE_WORDS and j2 - j1 <= EDGE_REPLACE_WORDS

    lo -= lo > 0 and edge_change(opcodes[lo - 1])
    hi += hi < len(opcodes) - 1 and edge_change(opcodes[hi + 1])
    span = opcodes[lo:hi + 1]
    if all(op[0] == "equal" for op in span):
        return None
    return [{"op": tag, "old": " ".join(a[i1:i2]), "new": " ".join(b[j1:j2])} for tag, i1, i2, j1, j2 in span]


def continued_runs(quotes: pd.DataFrame, joined: list[str] | None = None) -> pd.Series:
    """Per quote (``quotes``: article_id, start, end, text), the comparison keys, joined by spaces, of the run of its
    article's quotes chained to it by gaps of at most JOIN_GAP characters, in text order; "" for a quote alone. Read
    over all of an article's quotes, so a corpus split into blocks (the Spark path) judges each quote as one machine
    does. ``joined``: each quote's keys joined by spaces, when the caller has them."""
    article, texts = quotes["article_id"].astype(str).tolist(), quotes["text"].tolist()
    starts, ends = quotes["start"].astype(int).tolist(), quotes["end"].astype(int).tolist()
    order = sorted(range(len(texts)), key=lambda i: (article[i], starts[i]))
    out = [""] * len(texts)
    begin = 0
    for k in range(1, len(order) + 1):
        if k == len(order) or article[order[k]] != article[order[k - 1]] \
                or starts[order[k]] - ends[order[k - 1]] > JOIN_GAP:
            if k - begin > 1:  # only runs are tokenised: most quotes stand alone
                run = " ".join(joined[i] if joined is not None else " ".join(quote_keys(texts[i]))
                               for i in order[begin:k])
                for i in order[begin:k]:
                    out[i] = run
            begin = k
    return pd.Series(out, index=quotes.index, dtype=object)


def _variants(idx: list[int], words: list[list[str]], keys: list[list[str]], joined: list[str], article: list,
              outlets: list) -> dict[str, list[dict]]:
    """Per distinct text of a group: the other renderings it overlaps and differs from, each with the word diff
    (this text -> the other) over their overlap, as {article_id, outlet, text, diff}."""
    first_of: dict[str, int] = {}
    for i in idx:
        first_of.setdefault(joined[i], i)
    texts = list(first_of.values())
    out: dict[str, list[dict]] = {}
    for n, i in enumerate(texts):
        for j in texts[n + 1:]:
            if min(len(keys[i]), len(keys[j])) < MIN_WORDS:
                continue
            ops = overlap_changes(words[i], words[j])
            if ops is None:
                continue
            back = [{"op": {"insert": "delete", "delete": "insert"}.get(o["op"], o["op"]), "old": o["new"],
                     "new": o["old"]} for o in ops]
            out.setdefault(joined[i], []).append({"article_id": article[j], "outlet": outlets[j],
                                                  "text": " ".join(words[j]), "diff": ops})
            out.setdefault(joined[j], []).append({"article_id": article[i], "outlet": outlets[i],
                                                  "text": " ".join(words[i]), "diff": back})
    return out


def _anchor_groups(units: list[list[int]], links: dict, keys: list[list[str]], utterance: list,
                   order: list) -> list[list[int]]:
    """Groups of units (verbatim renderings) built around earliest renderings, never by transitive chaining.

    Units are taken in order of first appearance; a unit linked to no earlier anchor becomes an anchor, otherwise
    it joins its most similar anchor, so every member is a rendering of the anchor itself (complete linkage to
    the earliest, not single linkage: "A" in "A B" and "B" in "A B" never makes "A" a rendering of "B"). A later
    quote containing several earlier ones carries each of them, and an earlier quote containing a later one that
    no anchor explains anchors it too. An anchor containing several shorter quotes at disjoint places is split
    into one group per place; parts of one split utterance stay in one group.
    """
    rank = sorted(range(len(units)), key=lambda u: order[units[u][0]])
    position = {u: n for n, u in enumerate(rank)}
    members: dict[int, list[int]] = {}
    for u in rank:
        earlier = {a: link for a, link in links.get(u, {}).items() if a in members}
        if not earlier:
            # An earlier quote that contains this one (and joined another anchor) also carries it: it becomes
            # the anchor of this quote's group, so "B" after "A" and "A B" is grouped with "A B", not alone.
            holders = [w for w, (relation, _) in links.get(u, {}).items() if relation == "contained"
                       and position[w] < position[u] and len(keys[units[w][0]]) > len(keys[units[u][0]])]
            anchor = min(holders, key=position.__getitem__) if holders else u
            members.setdefault(anchor, [])
            if anchor != u:
                members[anchor].append(u)
            continue
        covered = [a for a, (relation, _) in earlier.items()
                   if relation == "contained" and len(keys[units[a][0]]) < len(keys[units[u][0]])]
        best = max(earlier, key=lambda a: (earlier[a][1], -position[a]))
        for a in covered if len(covered) > 1 else [best]:
            members[a].append(u)
    groups = []
    for a, carried in members.items():
        whole, places = [a], []
        anchor_keys = keys[units[a][0]]
        for u in carried:
            inner = keys[units[u][0]]
            at = find_run(anchor_keys, inner) if len(inner) < len(anchor_keys) else -1
            if at < 0:
                whole.append(u)
            else:
                places.append((at, at + len(inner), u))
        parts = _places_to_parts(places, units, utterance)
        groups.extend([whole + part for part in parts] if len(parts) > 1 else [whole + [u for *_, u in places]])
    return groups


def quote_keys(text: str) -> list[str]:
    """The comparison keys of a text's words (tokenise_quote, then _key): what quote matching compares."""
    return [_key(w) for w in tokenise_quote(text)]


def carries_run(keys: list[str], quoted: list[str]) -> bool:
    """Whether the words ``keys`` hold the quote ``quoted`` (both quote_keys) whole, as one run of at least MIN_WORDS:
    the same evidence that makes two renderings one quote ("contained")."""
    return len(quoted) >= MIN_WORDS and find_run(keys, quoted) >= 0


def _places_to_parts(places: list[tuple[int, int, int]], units: list[list[int]], utterance: list) -> list[list[int]]:
    """Units contained in one anchor, clustered: overlapping word spans, or carriers of one split utterance."""
    parts: list[list[int]] = []
    reach = -1
    for start, end, u in sorted(places):
        if start >= reach:
            parts.append([])
        parts[-1].append(u)
        reach = max(reach, end)
    # Union parts that share an utterance: "A," he said, "B." is one quote even when the anchor spells it "A B".
    owner: dict = {}
    merged = list(range(len(parts)))

    def root(x: int) -> int:
        """Union-find root of part x."""
        while merged[x] != x:
            x = merged[x]
        return x

    for n, part in enumerate(parts):
        for u in part:
            for i in units[u]:
                merged[root(n)] = root(owner.setdefault(utterance[i], n))
    out: dict[int, list[int]] = {}
    for n, part in enumerate(parts):
        out.setdefault(root(n), []).extend(part)
    return list(out.values())


def _surname(speaker) -> str | None:
    """Comparison key of a speaker's last name; None when the speaker is unknown."""
    words = tokenise_quote(str(speaker)) if not _missing(speaker) else []
    return _key(words[-1]) if words else None


def _speaker_of(sid, written):
    """The canonical speaker of a quote row, else the speaker as written when it looks like a name."""
    if not _missing(sid):
        return sid
    # "he", "the president" say nothing about identity: only capitalised names take part in the check.
    if not _missing(written) and str(written)[:1].isupper() and str(written).split()[0].lower() not in _NOT_NAMES:
        return written
    return None


# Words that open an attribution without naming anyone (pronouns, determiners).
_NOT_NAMES = frozenset({"he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "his", "her", "their",
                        "this", "that", "one", "officials", "sources"})


def quote_groups(renderings: pd.DataFrame) -> pd.DataFrame:
    """One row per shared-quote group: earliest outlet/date/text, carriers, outlets, altered (GROUP_COLUMNS)."""
    if renderings is None or renderings.empty:
        return pd.DataFrame(columns=list(GROUP_COLUMNS))
    r = renderings.assign(outlet_key=renderings["outlet"].fillna("(unknown)"),
                          # Altered: a word changed, or words of the earliest dropped (cut short). A rendering
                          # that quotes more of the utterance around the earliest's words altered nothing.
                          # Tied earliest renderings are one generation: a shorter one quotes less, cutting nothing
                          # that came before it.
                          changed=(renderings["relation"] == "near") | ((renderings["relation"] == "contained")
                                                                       & (renderings["dropped"].map(len) > 0)
                                                                       & (renderings["role"] != "earliest"))
                          # two renderings that differ by a word where they overlap (whichever is earliest)
                          | (renderings["variants"].map(len) > 0 if "variants" in renderings else False),
                          earliest=renderings["role"] == "earliest")
    first = r[r["role"] == "earliest"].drop_duplicates("group_id").set_index("group_id")
    # One groupby call per column: the named agg(name=(column, how), ...) form took ~12 ms on ninety renderings,
    # these ~2 ms.
    by_group = r.groupby("group_id")
    per = pd.DataFrame({"n_carriers": by_group["article_id"].nunique(), "n_outlets": by_group["outlet_key"].nunique(),
                        "altered": by_group["changed"].any(),
                        "earliest_tie": r[r["earliest"]].groupby("group_id")["outlet_key"].nunique() > 1})
    out = per.join(first[["speaker_id", "outlet", "published", "text"]]).reset_index().rename(
        columns={"outlet": "earliest_outlet", "published": "earliest_published", "text": "earliest_text"})
    out["altered"] = out["altered"].astype(bool)
    out["earliest_tie"] = out["earliest_tie"].fillna(False).astype(bool)
    return out[list(GROUP_COLUMNS)]


def outlet_quote_matrix(renderings: pd.DataFrame, quotes: pd.DataFrame, kinds=QUOTE_KINDS) -> pd.DataFrame:
    """Ordered outlet pairs sharing quotes: count of shared groups and share of a's quoted words found in b's.

    With outlets grouped (``outlet`` a group, a ``member`` column the outlet itself), a group shares a quote with
    itself when two of its outlets carry it: the diagonal of a grouped view."""
    if renderings is None or renderings.empty:
        return pd.DataFrame(columns=list(MATRIX_COLUMNS))
    q = quotes[quotes["kind"].isin(kinds)] if "kind" in quotes.columns and kinds else quotes
    total_words: dict[str, int] = {}
    for o, t in zip(q["outlet"].fillna("(unknown)").tolist(), q["text"].tolist()):
        total_words[o] = total_words.get(o, 0) + len(tokenise_quote(t))
    outlets = renderings["outlet"].fillna("(unknown)").tolist()
    members = renderings["member"].fillna("(unknown)").tolist() if "member" in renderings.columns else outlets
    by_group: dict = {}
    for g, o, m, t in zip(renderings["group_id"].tolist(), outlets, members, renderings["text"].tolist()):
        by_group.setdefault(g, {}).setdefault(o, []).append((m, [_key(w) for w in tokenise_quote(t)]))
    shared: dict[tuple[str, str], int] = {}
    words: dict[tuple[str, str], int] = {}
    for by_outlet in by_group.values():
        for a, ra in by_outlet.items():
            for b, rb in by_outlet.items():
                if a == b and len({m for m, _ in ra}) < 2:
                    continue  # one outlet carrying a quote twice shares it with no one
                shared[(a, b)] = shared.get((a, b), 0) + 1
                # Words of a's renderings found, in order, in b's closest rendering of the same quote (another
                # outlet's, within a group).
                words[(a, b)] = words.get((a, b), 0) + sum(
                    max((LCSseq.similarity(x, y) for my, y in rb if my != mx), default=0) for mx, x in ra)
    rows = [(a, b, n, round(words[(a, b)] / total_words[a], 4) if total_words.get(a) else 0.0)
            for (a, b), n in sorted(shared.items())]
    return pd.DataFrame.from_records(rows, columns=list(MATRIX_COLUMNS))


def overlap_summary(groups: pd.DataFrame, renderings: pd.DataFrame, quotes: pd.DataFrame,
                    n_articles: int | None = None) -> str:
    """One plain sentence on what the articles share, e.g. "3 quotes are shared by 4 outlets; 1 was altered.", which
    counts named outlets and says how many quotes only one outlet's articles share (``groups``:
    quote_groups(renderings), which callers have already)."""
    n = n_articles if n_articles is not None else (0 if quotes is None else int(quotes["article_id"].nunique()))
    things = _plural(n, "article")
    if renderings is None or renderings.empty:
        if quotes is None or quotes.empty:
            return f"No quotes were found in {'this' if n == 1 else 'these'} {things}, so none can be shared."
        if n < 2:
            return "Only one article has quotes, so no quote can be shared."
        return f"These {n} articles share no quote, word for word or altered."
    n_groups, n_altered = len(groups), int(groups["altered"].sum())
    labels = outlet_labels(renderings["outlet"])
    named = labels != UNKNOWN_OUTLET
    n_outlets = int(labels[named].nunique())  # named outlets, as every count of outlets counts them
    unnamed = int(renderings.loc[~named, "article_id"].nunique())
    # a quote carried by articles of one outlet only (or only by articles naming none) is no sharing between outlets
    across = int((labels.groupby(renderings["group_id"].to_numpy()).nunique() >= 2).sum())
    verb = "is" if n_groups == 1 else "are"
    head = f"{_plural(n_groups, 'quote')} {verb} shared by {_plural(n_outlets, 'outlet')}" \
        + (f" and {_plural(unnamed, 'article')} naming no outlet" if unnamed else "")
    if across < n_groups:
        head += (f" ({across} of these quotes by two or more outlets, the others only within one outlet"
                 + (" or among articles naming none)" if unnamed else ")"))
    if n_altered == 0:
        return f"{head}; none was altered."
    return f"{head}; {n_altered} {'was' if n_altered == 1 else 'were'} altered."


def _plural(n: int, noun: str) -> str:
    """'1 quote', '3 quotes'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"

"""Vocabulary: distinctive terms per outlet (log-odds, informative Dirichlet prior) and hedge/intensifier tables."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from lib.analyse.similarity import STOP_WORDS
from lib.domain.datelines import body_start, is_date_line
from lib.domain.dates import find_dates
from lib.domain.sentences import WEB_ADDRESS, past_address, shorten, split_sentences

# count: uses in the outlet; others: uses in all the other outlets together; expected: the uses the outlet would
# have made at the other outlets' rate, for its own length (others * its words / their words).
TERM_COLUMNS = ("outlet", "term", "log_odds", "z", "count", "others", "expected")
HEADLINE_CHARS = 110  # a story without a headline is labelled by its first sentence, cut to this
PRIOR_FLOOR = 0.01  # pseudo-count of a word the background prior never saw, so its log-odds stay finite

# Hedges and boosters after Hyland (2005, "Metadiscourse") as data rows: (phrase, kind). Phrases are matched
# as whole words, case-insensitively; multi-word rows win over their parts.
STANCE_MARKERS = tuple((p, "hedge") for p in (
    "may", "might", "could", "would", "possibly", "possible", "perhaps", "probably", "likely", "unlikely",
    "apparently", "reportedly", "allegedly", "seemingly", "seems", "seem", "seemed", "appears", "appear",
    "appeared", "suggest", "suggests", "suggested", "suggesting", "presumably", "arguably", "roughly",
    "approximately", "almost", "nearly", "somewhat", "largely", "mostly",
    "potentially", "tend to", "tends to", "in part", "to some extent", "it is possible", "it might be possible",
    "not necessarily", "unclear", "uncertain", "estimated", "believed to", "thought to", "according to",
)) + tuple((p, "intensifier") for p in (
    "very", "extremely", "highly", "greatly", "deeply", "strongly", "fully", "totally", "completely",
    "absolutely", "entirely", "utterly", "truly", "really", "certainly", "clearly", "obviously", "undoubtedly",
    "definitely", "indeed", "in fact", "of course", "always", "never", "must", "major", "massive", "huge",
    "enormous", "tremendous", "critical", "crucial", "vital", "greatest", "biggest", "serious", "seriously",
    "significant", "significantly", "tangible", "full-scale", "unprecedented", "increasingly", "especially",
    "particularly", "firmly",
))

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_MARKER_RE = {
    kind: re.compile(r"(?<![\w-])(" + "|".join(
        re.escape(p) for p, _ in sorted((r for r in STANCE_MARKERS if r[1] == kind), key=lambda r: -len(r[0]))
    ) + r")(?![\w-])", re.IGNORECASE)
    for kind in ("hedge", "intensifier")
}


def find_markers(text: str, kind: str) -> list[str]:
    """The hedges (kind="hedge") or intensifiers (kind="intensifier") of a text, lower-cased, in order."""
    return [m.group(1).casefold() for m in _MARKER_RE[kind].finditer(text)]


_TOP_LINES = 6  # the first lines of a text, where a page prints its date lines (around its address and headline)


def count_terms(text: str) -> Counter:
    """Counts of a text's content words (lower-cased, stop words, one-letter tokens, web addresses and the date lines
    among a page's first lines, "Last updated at 11:11 GMT", dropped)."""
    *top, rest = WEB_ADDRESS.sub(" ", text).split("\n", _TOP_LINES)
    text = "\n".join([line for line in top if not is_date_line(line)] + [rest])
    toks = (t.casefold().replace("’", "'") for t in _TOKEN.findall(text))
    # Numbers count only as four-digit years (1972, 1998): other figures are rarely vocabulary.
    return Counter(t for t in toks
                   if t not in STOP_WORDS and len(t) > 1 and (not t.isdigit() or len(t) == 4))


def distinctive_terms(counts: Mapping[str, Counter], prior: Mapping[str, float] | None = None,
                      prior_size: float | None = None, top: int = 15, min_z: float = 0.0) -> pd.DataFrame:
    """Each group's over-used terms against all other groups: log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi and Quinn (2008), "Fightin' Words", eq. 16-22: delta_w = log((y_iw + a_w) /
    (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w)), var ~ 1/(y_iw + a_w) +
    1/(y_jw + a_w), z = delta / sqrt(var). The prior a_w is proportional to ``prior`` (background counts)
    or, by default, to the pooled counts of all groups; ``prior_size`` (a_0) defaults to the pooled size.
    Returns up to ``top`` rows per group with z > ``min_z``, most distinctive first (TERM_COLUMNS), with the
    counts a reader compares: the group's uses, the other groups' uses, and the uses expected at their rate.
    """
    groups = [g for g in counts if sum(counts[g].values()) > 0]
    if len(groups) < 2:
        return pd.DataFrame(columns=list(TERM_COLUMNS))
    vocab = sorted(set().union(*(counts[g].keys() for g in groups)))
    index = {w: i for i, w in enumerate(vocab)}
    y = np.zeros((len(groups), len(vocab)))
    for gi, g in enumerate(groups):
        for w, c in counts[g].items():
            y[gi, index[w]] = c
    pooled = y.sum(axis=0)
    base = pooled if prior is None else np.array([float(prior.get(w, 0.0)) for w in vocab]) + PRIOR_FLOOR
    a0 = float(pooled.sum()) if prior_size is None else float(prior_size)
    alpha = a0 * base / base.sum()
    rows = []
    for gi, g in enumerate(groups):
        yi, yj = y[gi], pooled - y[gi]
        ni, nj = yi.sum(), yj.sum()
        with np.errstate(divide="ignore", invalid="ignore"):
            delta = np.log((yi + alpha) / (ni + a0 - yi - alpha)) - np.log((yj + alpha) / (nj + a0 - yj - alpha))
            z = delta / np.sqrt(1.0 / (yi + alpha) + 1.0 / (yj + alpha))
        z = np.where(np.isfinite(z), z, 0.0)  # a one-word vocabulary leaves no odds to compare
        order = np.argsort(-z, kind="stable")
        for k in order[:top]:
            if z[k] <= min_z or yi[k] == 0:
                break
            rows.append((g, vocab[k], float(delta[k]), float(z[k]), int(yi[k]), int(yj[k]),
                         float(yj[k] * ni / nj) if nj else 0.0))
    return pd.DataFrame.from_records(rows, columns=list(TERM_COLUMNS))


def outlet_terms(texts: Iterable[tuple[str, str]], top: int = 15,
                 prior: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Distinctive terms of each outlet from (outlet, text) pairs, against the other outlets of the same set.

    ``prior``: background term counts (e.g. ``count_terms`` over the whole corpus) for the informative
    Dirichlet prior; by default the pooled counts of the set itself.
    """
    counts: dict[str, Counter] = {}
    for outlet, text in texts:
        counts.setdefault(outlet, Counter()).update(count_terms(text))
    return distinctive_terms(counts, prior=prior, top=top)


_LETTERS = re.compile(r"[^\W\d_]{2,}")
HEADLINE_MIN_WORDS = 4  # words a first sentence needs, besides any date it names, to stand for its story


def _says_something(sentence: str) -> bool:
    """True when a sentence has HEADLINE_MIN_WORDS words outside the dates and web addresses it names."""
    sentence = WEB_ADDRESS.sub(" ", sentence)
    kept, at = [], 0
    for start, end, _, _ in find_dates(sentence, None):
        kept.append(sentence[at:start])
        at = end
    kept.append(sentence[at:])
    return len(_LETTERS.findall(" ".join(kept))) >= HEADLINE_MIN_WORDS


def first_sentence(text: str, width: int, scan: int | None = None) -> str | None:
    """The first sentence of ``text`` (its first ``scan`` characters) that says something (past a wire dateline, not
    a bare date line, a byline or a web address), cut to ``width`` characters with "…"; None when none does: what
    stands for a missing headline."""
    text = text[:scan] if scan else text
    body = text[body_start(text):]  # a wire dateline ("MOSCOW, May 3. /TASS/.") is not the headline
    for start, end in split_sentences(body) or [(0, len(body))]:
        sentence = " ".join(body[past_address(body, start, end):end].split())  # no web address opening it
        if _says_something(sentence) and not is_date_line(sentence):  # "21 July 2013 Last updated at 11:11 GMT"
            return shorten(sentence, width)
    return None


def story_headline(titles: Iterable, texts: Iterable = ()) -> str | None:
    """A story's label: its most representative headline (the one sharing the most content words with the others,
    the centroid of the titles; ties go to the earlier title), else the first sentence of its first text that says
    something (first_sentence), cut to HEADLINE_CHARS; None when there is neither. ``titles`` and ``texts`` in the story's order (earliest first)."""
    heads = [" ".join(t.split()) for t in titles if isinstance(t, str) and t.strip()]
    if heads:
        bags = [set(count_terms(h)) for h in heads]
        share = Counter(w for bag in bags for w in bag)
        # score: the mean number of other headlines each content word appears in (a headline of shared words)
        scores = [sum(share[w] - 1 for w in bag) / max(1, len(bag)) for bag in bags]
        return heads[max(range(len(heads)), key=lambda i: (scores[i], -i))]
    for text in texts:
        if isinstance(text, str) and text.strip() and (sentence := first_sentence(text, HEADLINE_CHARS)):
            return sentence
    return None

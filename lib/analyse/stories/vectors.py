"""Article vectors: distinctive words and event anchors of the whole text and of its lead, one sparse row each.

Each article is one sparse row of four L2-normalised blocks: distinctive words (TF-IDF,
sublinear tf, the stop words of the article's stated language out, English's by default) and "anchors" of the
whole text, then the same two for its lead
(first LEAD_WORDS words, weight ``lead_weight``): in news the lead states who, what, where and when,
while background paragraphs are what similar events share. Anchors are what tell two similar events
apart: capitalised names, places (the dateline place too), numbers with their unit word, years and
explicit dates, found by the rule-based ``extract_anchors`` (no trained NER is available). The IDF
counts BACKGROUND_DOCS unseen documents so that a small corpus does not penalise shared words.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable, Iterator

import justext

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from lib.analyse.stories.texts import _article_text, _lead
from lib.domain.calendar import ENGLISH_MONTH_FORMS, ENGLISH_MONTHS, WEEKDAYS, YEAR_WORD, month_number, month_pattern
from lib.domain.languages import language_code

# Defaults of build_vectors, and of DEFAULT_CONFIG (lib.analyse.stories.clustering), which cannot be imported here.
ANCHOR_WEIGHT = 1.0  # weight of the anchor blocks against the word blocks (1.0 = equal)
LEAD_WEIGHT = 0.5  # weight of the lead (first LEAD_WORDS words) blocks against the whole text's
BACKGROUND_DOCS = 1000  # unseen documents assumed in every IDF (see _tfidf_block)
# Stop words of a text's stated language: English's as scikit-learn lists them, another's from jusText's stoplists
# (trafilatura's own dependency), by ISO 639-1 code. Without them four German articles of one day shared a story on
# "der", "die" and "und" alone. A language not listed here, or none stated, reads as English.
_STOPLIST_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "lt": "Lithuanian", "lv": "Latvian",
    "nb": "Norwegian_Bokmal", "nl": "Dutch", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish",
    "tr": "Turkish", "uk": "Ukrainian",
}
_LETTER_WORDS = re.compile(r"(?u)\b[^\W\d_]{2,}\b")  # words of 2+ letters
_WORDS = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default tokens: numbers kept


@lru_cache(maxsize=None)
def stop_words(language: str | None) -> frozenset[str]:
    """The stop words of a stated language ("de", "pt-BR"), English's when it is none or unlisted."""
    name = _STOPLIST_NAMES.get(language_code(language))
    return frozenset(w.casefold() for w in justext.get_stoplist(name)) if name else ENGLISH_STOP_WORDS


def letter_words(doc: tuple[str, str | None]) -> list[str]:
    """Analyzer of a (text, language) pair: its lower-cased words of 2+ letters, its language's stop words out."""
    text, language = doc
    stops = stop_words(language)
    return [w for w in _LETTER_WORDS.findall(text.lower()) if w not in stops]


def plain_words(doc: tuple[str, str | None]) -> list[str]:
    """letter_words with numbers kept (scikit-learn's default tokens)."""
    text, language = doc
    stops = stop_words(language)
    return [w for w in _WORDS.findall(text.lower()) if w not in stops]


WORD_OPTIONS = {"analyzer": letter_words}  # documents are (text, language) pairs
# A number and, when there is one, the word after it ("6.1 magnitude", "150 billion", "33 people").
_NUMBER_RE = re.compile(r"(?=[\d$£€])(?<![\w.,])(\$|£|€)?(\d+(?:[.,]\d+)*)(?:\s*(%|percent|per cent)|\s*-?\s*([A-Za-z]+))?")
_CONNECTOR_RE = r"(?:of(?:[ \t\xa0]+the)?|de|del|della|la|le|van|von|der|al|bin|da|du|dos)"
_WORD_RE = r"(?:[A-Z][\w'’.-]*\w|[A-Z])"
_NAME_RE = re.compile(rf"{_WORD_RE}(?:[ \t\xa0]+(?:{_CONNECTOR_RE}[ \t\xa0]+)?{_WORD_RE})*")  # "Bank of England", "Tara Reid"
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…]['\"”’)]?\s+|\n)\s*['\"“‘(]?")  # ends where a sentence starts
_LOWER_WORD_RE = re.compile(r"[a-z]+")  # lower-case words (and tails of others: harmless for the lookup)
# Capitalised words that are not names even mid-sentence (titles, pronouns, calendar words).
_NOT_NAMES = frozenset("""
i a an the this that these those he she it we they you his her its our their my your mr mrs ms dr
today yesterday tomorrow but and or so if when while after before as at by in on of for to from with
""".split()) | {w.casefold() for w in WEEKDAYS} | set(ENGLISH_MONTHS)
_MONTH_RE = rf"(?:{month_pattern(ENGLISH_MONTH_FORMS)})\.?"  # as written: "may" is a verb, "May" a month
# Explicit dates, "September 25[, 2020]" or "25[th] [of] September[ 2020]"; the lookahead skips most positions fast.
_DATE_RE = re.compile(
    rf"\b(?=[JFMASOND0-9])(?:(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_RE})(?:,?\s+(?P<year2>(?:19|20)\d\d))?)\b")


def _date_parts(m: re.Match) -> tuple[int, int, int | None]:
    """(day, month, year or None) of a _DATE_RE match, whichever order it was written in."""
    day, month, year = (m.group("day"), m.group("month"), m.group("year")) if m.group("month") else \
        (m.group("day2"), m.group("month2"), m.group("year2"))
    return int(day), month_number(month), int(year) if year else None
_SMALL_NUMBERS = 10  # bare numbers up to this are too common to tell events apart


def extract_anchors(text: str, place: str | None = None) -> list[str]:
    """Event anchors of a text: names, places, numbers with units, years and dates, as normalised tokens."""
    return [token for _, token in anchor_spans(text, place)]


def anchor_spans(text: str, place: str | None = None) -> list[tuple[int, str]]:
    """(offset, anchor) pairs of a text, in no particular order; a dateline place counts at offset 0."""
    text = text or ""
    out: list[tuple[int, str]] = []
    lower_words = set(_LOWER_WORD_RE.findall(text))
    sentence_starts = {m.end() for m in _SENTENCE_START_RE.finditer(text)}
    names: list[tuple[int, str]] = []  # names found mid-sentence (or multi-word)
    openers: list[tuple[int, str]] = []  # lone capitalised words opening a sentence: names only if seen mid-sentence
    for m in _NAME_RE.finditer(text):
        found, at = m.group(0), m.start()
        if " " not in found:  # one word: the common case, kept cheap
            name = found.strip(".'’").casefold()
            if name.endswith(("'s", "’s")):
                name = name[:-2]
            if len(name) < 2 or name in _NOT_NAMES:
                continue
            if at not in sentence_starts:
                names.append((at, name))
            elif name not in lower_words:  # "Police said" opens a sentence; "police" elsewhere: not a name
                openers.append((at, name))
            continue
        words = found.split()
        first = words[0].casefold()
        if first in _NOT_NAMES or (at in sentence_starts and first in lower_words):
            words = words[1:]  # "The", "Police" opening a sentence are not part of the name
            while words and words[0].casefold() in _NOT_NAMES:
                words = words[1:]
        if not words:
            continue
        name = " ".join(words).strip(".'’").casefold()
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if len(words) == 1 and (name in _NOT_NAMES or len(name) < 2):
            continue
        names.append((at, name))
    mid_sentence = {name for _, name in names}
    out.extend((at, "n:" + name) for at, name in names)
    out.extend((at, "n:" + name) for at, name in openers if name in mid_sentence)
    date_starts = set()
    for m in _DATE_RE.finditer(text):
        date_starts.update(range(*m.span()))
        day, month, year = _date_parts(m)
        if not 1 <= day <= 31:
            continue
        out.append((m.start(), f"d:{month:02d}-{day:02d}"))
        if year:
            out.append((m.start(), f"d:{year}-{month:02d}-{day:02d}"))
    out.extend((m.start(), "y:" + m.group(0)) for m in YEAR_WORD.finditer(text))
    for m in _NUMBER_RE.finditer(text):
        if m.start() in date_starts:
            continue  # the day of a date already counted
        currency, number, percent, unit = m.groups()
        value = number.replace(",", "")
        if YEAR_WORD.fullmatch(value):
            continue
        try:
            magnitude = float(value)
        except ValueError:
            continue
        if magnitude <= _SMALL_NUMBERS and "." not in value and not (currency or percent):
            continue
        out.append((m.start(), "#:" + (currency or "") + value + ("%" if percent else "")))
        if unit and not percent and unit.casefold() not in _NOT_NAMES:
            out.append((m.start(), "#:" + (currency or "") + value + " " + unit.casefold()))
    if place and isinstance(place, str) and place.strip():
        out.append((0, "n:" + place.strip().casefold()))
    return out


def _as_tokens(tokens: list[str]) -> list[str]:
    """TF-IDF analyzer for anchors: they are tokens already."""
    return tokens


def _tfidf_block(docs: Iterable, rows: int, weight: float = 1.0, **options) -> sp.csr_matrix:
    """Sublinear TF-IDF rows (L2-normalised, then times ``weight``) with BACKGROUND_DOCS unseen documents in the IDF;
    ``docs`` may be a generator of ``rows`` documents."""
    block, _ = _tfidf_vocabulary(docs, rows, **options)
    block.data *= np.float32(weight)
    return block


def _tfidf_vocabulary(docs: Iterable, rows: int, **options) -> tuple[sp.csr_matrix, np.ndarray]:
    """(TF-IDF rows, vocabulary) of ``rows`` documents: sublinear tf, L2 rows, BACKGROUND_DOCS unseen documents in
    the IDF. Computed in place: at a million articles each copy of a block is a gigabyte.

    The pseudo-documents (which contain none of the terms) keep a small corpus from penalising exactly
    the words its articles share: with two articles, plain IDF ranks every shared word below every
    unshared one. On large corpora they make no difference.
    """
    vectoriser = CountVectorizer(dtype=np.float32, **options)
    try:
        counts = vectoriser.fit_transform(docs).tocsr()
    except ValueError:  # empty vocabulary: only stop words, numbers or nothing at all
        return sp.csr_matrix((rows, 0), dtype=np.float32), np.array([], dtype=object)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((counts.shape[0] + BACKGROUND_DOCS + 1) / (df + 1)).astype(np.float32)
    counts.data = 1.0 + np.log(counts.data)  # sublinear tf
    counts.data *= idf[counts.indices]
    return normalize(counts, copy=False), vectoriser.get_feature_names_out()


def _column(articles: pd.DataFrame, name: str) -> list:
    """A column of the articles as a list, all None when the frame has none (callers other than cluster_stories)."""
    return articles[name].tolist() if name in articles.columns else [None] * len(articles)


def build_vectors(articles: pd.DataFrame, anchor_weight: float = ANCHOR_WEIGHT,
                  lead_weight: float = LEAD_WEIGHT) -> sp.csr_matrix:
    """One L2-normalised row per article: words and anchors of the whole text, and again of its lead."""
    def texts() -> Iterator[str]:
        """The articles' texts, made again for each pass (a list of them held 1.4 GB at a million articles)."""
        return (_article_text(r) for r in articles.itertuples(index=False))

    places, languages = _column(articles, "dateline_place"), _column(articles, "language")
    # Anchors once per text, in text order, each distinct anchor one shared string (a wire corpus repeats its names
    # in thousands of articles: a string per occurrence and the (offset, anchor) pairs held 650 MB at 100,000
    # articles); the lead's anchors are the first of them, those that start inside it (names judged on the whole text).
    shared: dict[str, str] = {}
    anchors, lead_anchors, lead_ends = [], [], []  # a lead is its text's first lead_end characters
    for text, place in zip(texts(), places):
        found = sorted(anchor_spans(text, place))
        lead_ends.append(len(_lead(text)))
        anchors.append([shared.setdefault(a, a) for _, a in found])
        lead_anchors.append(anchors[-1][:bisect.bisect_left(found, (lead_ends[-1],))])
    del shared
    rows = len(articles)
    leads = ((text[:end], language) for text, end, language in zip(texts(), lead_ends, languages))
    blocks = []
    for docs, doc_anchors, weight in ((zip(texts(), languages), anchors, 1.0), (leads, lead_anchors, lead_weight)):
        blocks.append(_tfidf_block(docs, rows, weight, **WORD_OPTIONS))
        blocks.append(_tfidf_block(doc_anchors, rows, weight * anchor_weight, analyzer=_as_tokens))
    del anchors, lead_anchors, doc_anchors
    vectors = sp.hstack(blocks, format="csr")
    del blocks
    return normalize(vectors, copy=False)


def word_vectors(articles: pd.DataFrame) -> sp.csr_matrix:
    """One L2-normalised row per article: plain TF-IDF of its words (sublinear tf, its language's stop words out,
    numbers kept, the IDF of these articles alone), its title counted twice: the measure clustering's
    ``unplaced_floor`` reads.

    On short texts plain TF-IDF tells two stories apart better than build_vectors' rows, whose anchor block weighs as
    much as the words however few anchors a text holds, while sibling stories share their names (AllSides' ~100-word
    excerpts, development slice: the nearest article reports the same story for 0.877 of articles against 0.815).
    The title states the event, as a lead does (build_vectors weighs the lead again for the same reason); with it
    once, ECB+'s development slice fell from 0.983 to 0.980 at unplaced_floor 0.1 and AllSides' from 0.892 to 0.889.
    """
    languages = _column(articles, "language")
    texts = [((row.title + "\n\n" if isinstance(row.title, str) else "") + _article_text(row), language)
             for row, language in zip(articles.itertuples(index=False), languages)]
    try:
        return TfidfVectorizer(sublinear_tf=True, analyzer=plain_words, dtype=np.float32).fit_transform(texts).tocsr()
    except ValueError:  # empty vocabulary: only stop words or nothing at all
        return sp.csr_matrix((len(texts), 0), dtype=np.float32)

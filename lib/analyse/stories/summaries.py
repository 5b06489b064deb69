"""Story summaries: one row per story with its label, distinctive terms, dates, outlets and independent sources.

Independent sources count syndicated copies once: articles with the same `via`, or near-duplicate bodies by
word 3-gram shingle containment (Broder 1997) >= NEAR_DUPLICATE, so that a wire story trimmed or retitled by
the outlet that carries it still counts as a copy.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from lib.analyse.stories.texts import ARTICLE_INPUT_COLUMNS, _article_text
from lib.analyse.terms import story_headline
from lib.analyse.stories.vectors import WORD_OPTIONS, _tfidf_vocabulary

# Columns of the frame summarise_stories returns.
STORY_COLUMNS = ("story_id", "label", "terms", "first", "last", "n_articles", "outlets", "n_outlets",
                 "independent_sources", "article_ids")
NEAR_DUPLICATE = 0.8  # share of the shorter text's word 3-grams found in the other: a syndicated copy
SHINGLE_WORDS = 3  # words of a shingle: long enough that shared ones are copied text, not common phrases
LABEL_TERMS = 5  # top terms of a story: its label when no article has a title or text
TEXT_BATCH = 10_000  # texts made at a time for the story vocabulary


_SHINGLE_TOKEN = re.compile(r"(?u)\b\w+\b")  # words of any length, digits too: copied text, not topic words


def _shingles(text: str) -> set[str]:
    """The text's word 3-grams (lower case), as one string each."""
    words = _SHINGLE_TOKEN.findall(text.lower())
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _count_sources(vias: list, texts: list[str]) -> int:
    """Connected groups of articles linked by the same `via` or by near-duplicate shingle sets.

    The shingles are counted over the story's own texts (a vocabulary per story), so a story costs what its
    articles hold, whatever the size of the corpus.
    """
    n = len(vias)
    rows, cols = [], []
    first_by_via: dict[str, int] = {}
    for i, v in enumerate(vias):
        if isinstance(v, str) and v.strip():
            rows.append(i)
            cols.append(first_by_via.setdefault(v.strip().casefold(), i))
    if n > 1:
        vocabulary: dict[str, int] = {}
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            indices.extend(vocabulary.setdefault(g, len(vocabulary)) for g in _shingles(text))
            indptr.append(len(indices))
        shingles = sp.csr_matrix((np.ones(len(indices), dtype=np.int32), indices, indptr), shape=(n, len(vocabulary)))
        sizes = np.maximum(np.diff(indptr), 1)
        shared = (shingles @ shingles.T).toarray()
        close = shared / np.minimum(sizes[:, None], sizes[None, :]) >= NEAR_DUPLICATE
        i, j = np.nonzero(np.triu(close, 1))
        rows.extend(i)
        cols.extend(j)
    links = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    return int(connected_components(links, directed=False)[0])


def _top_terms(row_data: np.ndarray, row_indices: np.ndarray, vocabulary: np.ndarray, k: int = LABEL_TERMS) -> list[str]:
    """The story's most distinctive words: highest summed TF-IDF weight over its members."""
    best = np.lexsort((row_indices, -row_data))[:k]
    return [str(vocabulary[row_indices[i]]) for i in best if row_data[i] > 0]


def summarise_stories(articles: pd.DataFrame, assignment: pd.DataFrame) -> pd.DataFrame:
    """One row per story (STORY_COLUMNS), earliest first; label = its most representative headline (or its first
    sentence), else top terms."""
    frame = articles.reset_index(drop=True).copy()
    for col in ARTICLE_INPUT_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    frame["id"] = frame["id"].astype(str)
    # The story order as row positions, and the titles and texts taken into it once, not a merged and then sorted
    # copy of the whole frame plus two lists holding every text again as Python strings; each story reads its slice
    # of them (a row selection per story would copy the whole column each time: Arrow joins a column's chunks first).
    keys = pd.DataFrame({"row": np.arange(len(frame)), "id": frame["id"],
                         "published": pd.to_datetime(frame["published"], errors="coerce")})
    keys = keys.merge(assignment[["article_id", "story_id"]].astype(str), left_on="id", right_on="article_id",
                      how="inner")
    if keys.empty:
        return pd.DataFrame(columns=list(STORY_COLUMNS))
    keys = keys.sort_values(["story_id", "published", "id"], na_position="last", kind="stable")
    order = keys["row"].to_numpy()
    story_frame = frame[["title", "text"]].take(order).reset_index(drop=True)

    def texts_of(lo: int, hi: int) -> list[str]:
        """Title and body of the articles lo..hi in story order, as stories read them."""
        return [_article_text(r) for r in story_frame.iloc[lo:hi].itertuples(index=False)]

    def all_texts():
        """Every text in story order, a batch at a time."""
        for lo in range(0, len(order), TEXT_BATCH):
            yield from texts_of(lo, lo + TEXT_BATCH)

    word_vectors, vocabulary = _tfidf_vocabulary(all_texts(), len(order), **WORD_OPTIONS)
    codes, story_ids = pd.factorize(keys["story_id"])  # rows are sorted by story: codes ascend
    sizes = np.bincount(codes)
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    indicator = sp.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(sizes), len(codes)))
    term_sums = (indicator @ word_vectors).tocsr()
    del word_vectors
    published, ids = keys["published"].to_numpy(), keys["id"].to_numpy()
    outlets_col, vias = frame["outlet"].to_numpy()[order], frame["via"].to_numpy()[order]
    rows = []
    for s, sid in enumerate(story_ids):
        lo, hi = bounds[s], bounds[s + 1]
        terms = _top_terms(term_sums.data[term_sums.indptr[s]:term_sums.indptr[s + 1]],
                           term_sums.indices[term_sums.indptr[s]:term_sums.indptr[s + 1]], vocabulary)
        outlets = sorted({o for o in outlets_col[lo:hi] if isinstance(o, str) and o})
        dates = published[lo:hi][~pd.isna(published[lo:hi])]
        members = story_frame.iloc[lo:hi]
        sources = 1 if hi - lo == 1 else _count_sources(list(vias[lo:hi]), texts_of(lo, hi))
        rows.append({
            "story_id": sid, "label": story_headline(members["title"].to_numpy(), members["text"].to_numpy())
            or " ".join(terms), "terms": terms,
            "first": dates.min() if len(dates) else pd.NaT, "last": dates.max() if len(dates) else pd.NaT,
            "n_articles": int(hi - lo), "outlets": outlets, "n_outlets": len(outlets),
            "independent_sources": sources, "article_ids": list(ids[lo:hi]),
        })
    out = pd.DataFrame(rows, columns=list(STORY_COLUMNS))
    out["first"] = pd.to_datetime(out["first"])
    out["last"] = pd.to_datetime(out["last"])
    return out.sort_values(["first", "n_articles", "story_id"], ascending=[True, False, True],
                           na_position="last").reset_index(drop=True)

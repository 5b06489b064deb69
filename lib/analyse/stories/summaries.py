"""Story summaries: one row per story with its label, distinctive terms, dates, outlets and independent reports.

Independent reports (the `independent_sources` column) are the story's articles grouped by what they rest on:
articles that name the same `via` or that copy from each other (reuse.copied_pairs: passages that make up a good
part of an article, a syndicated copy or wire text run with additions) are one report, so that a wire story trimmed,
retitled or added to by the outlets that carry it counts once. An outlet's articles are not merged as such: an
aggregator that carries one AP and one Reuters text carries two reports.
"""
from __future__ import annotations

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
LABEL_TERMS = 5  # top terms of a story: its label when no article has a title or text
TEXT_BATCH = 10_000  # texts made at a time for the story vocabulary


def _source_labels(codes: np.ndarray, ids: np.ndarray, vias: np.ndarray, copied: pd.DataFrame | None) -> np.ndarray:
    """The independent report of each article (rows in story order, ``codes`` their story numbers, ascending), as a
    number: connected groups of a story's articles linked by one `via` or a copy (``copied``: source_id, target_id
    pairs)."""
    n = len(ids)
    rows, cols = [], []
    first: dict[tuple, int] = {}
    for i, (code, via) in enumerate(zip(codes.tolist(), vias.tolist())):
        if isinstance(via, str) and via.strip():
            rows.append(i)
            cols.append(first.setdefault((code, via.strip().casefold()), i))
    if copied is not None and len(copied):
        at = pd.Series(np.arange(n), index=ids)
        src = at.reindex(copied["source_id"].astype(str)).to_numpy()
        tgt = at.reindex(copied["target_id"].astype(str)).to_numpy()
        both = ~(np.isnan(src) | np.isnan(tgt))
        src, tgt = src[both].astype(np.int64), tgt[both].astype(np.int64)
        same = codes[src] == codes[tgt]  # a copy across two stories links neither's sources
        rows.extend(src[same].tolist())
        cols.extend(tgt[same].tolist())
    links = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    return connected_components(links, directed=False)[1]


def shared_sources(articles: pd.DataFrame, copied: pd.DataFrame | None) -> list[list[str]]:
    """The outlets of one story's ``articles`` whose articles count as one report (they name the same wire or copy
    one another), one sorted list per such report carried by two or more outlets, largest first: what the count of
    independent reports merged."""
    frame = articles.reset_index(drop=True)
    vias = frame["via"].to_numpy() if "via" in frame.columns else np.full(len(frame), None)
    labels = _source_labels(np.zeros(len(frame), dtype=np.int64), frame["id"].astype(str).to_numpy(), vias, copied)
    groups = pd.Series(frame["outlet"].to_numpy()).groupby(labels).agg(
        lambda o: sorted({x for x in o if isinstance(x, str) and x.strip()}))
    return sorted((g for g in groups if len(g) > 1), key=lambda g: (-len(g), g))


def _top_terms(row_data: np.ndarray, row_indices: np.ndarray, vocabulary: np.ndarray, k: int = LABEL_TERMS) -> list[str]:
    """The story's most distinctive words: highest summed TF-IDF weight over its members."""
    best = np.lexsort((row_indices, -row_data))[:k]
    return [str(vocabulary[row_indices[i]]) for i in best if row_data[i] > 0]


def summarise_stories(articles: pd.DataFrame, assignment: pd.DataFrame, copied: pd.DataFrame | None = None
                      ) -> pd.DataFrame:
    """One row per story (STORY_COLUMNS), earliest first; label = its most representative headline (or its first
    sentence), else top terms; ``copied``: the articles' copies (reuse.copied_pairs), none when not given."""
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
    story_frame = frame[["title", "text", "language"]].take(order).reset_index(drop=True)

    def texts_of(lo: int, hi: int) -> list[tuple[str, str | None]]:
        """(title and body, language) of the articles lo..hi in story order, as stories read them."""
        return [(_article_text(r), r.language) for r in story_frame.iloc[lo:hi].itertuples(index=False)]

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
    sources = pd.Series(_source_labels(codes, ids.astype(str), vias, copied)).groupby(codes).nunique().to_numpy()
    rows = []
    for s, sid in enumerate(story_ids):
        lo, hi = bounds[s], bounds[s + 1]
        terms = _top_terms(term_sums.data[term_sums.indptr[s]:term_sums.indptr[s + 1]],
                           term_sums.indices[term_sums.indptr[s]:term_sums.indptr[s + 1]], vocabulary)
        outlets = sorted({o for o in outlets_col[lo:hi] if isinstance(o, str) and o})
        dates = published[lo:hi][~pd.isna(published[lo:hi])]
        members = story_frame.iloc[lo:hi]
        rows.append({
            "story_id": sid, "label": story_headline(members["title"].to_numpy(), members["text"].to_numpy())
            or " ".join(terms), "terms": terms,
            "first": dates.min() if len(dates) else pd.NaT, "last": dates.max() if len(dates) else pd.NaT,
            "n_articles": int(hi - lo), "outlets": outlets, "n_outlets": len(outlets),
            "independent_sources": int(sources[s]), "article_ids": list(ids[lo:hi]),
        })
    out = pd.DataFrame(rows, columns=list(STORY_COLUMNS))
    out["first"] = pd.to_datetime(out["first"])
    out["last"] = pd.to_datetime(out["last"])
    return out.sort_values(["first", "n_articles", "story_id"], ascending=[True, False, True],
                           na_position="last").reset_index(drop=True)

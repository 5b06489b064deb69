"""Text encoders for aligning units across outlets: TF-IDF over word and character n-grams, or sentence embeddings
mixed with that TF-IDF.

One interface, ``encode_units(texts, encoder)``, returns L2-normalised sparse row vectors, so the dot product of
two rows is their cosine similarity whichever encoder made them. TF-IDF needs nothing beyond scikit-learn; the
embedding encoder needs the optional ``sentence-transformers`` extra (and torch), and ``auto`` picks it only when
its model loads.
"""
from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
EMBEDDING_SHARE = 0.5  # weight of the embedding cosine against the TF-IDF cosine (see encode_units)
# TF-IDF blocks (word unigrams, stem bigrams, char 3-5-grams) and their weights: unigrams carry the claim, bigrams
# its phrasing, char n-grams meet inflections and compounds ("no-first-strike" / "no first use") halfway.
BLOCK_WEIGHTS = (0.45, 0.2, 0.35)
# Where to load it from instead (a folder with the same weights, for machines without the model hub).
EMBEDDING_MODEL_ENV = "COVERAGE_EMBEDDING_MODEL"


@dataclass(frozen=True)
class Encoder:
    """One row of the encoder table: its name and the cosine above which two units may carry the same claim."""

    name: str
    threshold: float  # cosine at or above which two units may carry the same claim (see the table's comment)
    description: str


# Thresholds, measured by bench/framing_eval.py --pairs 12 (--encoder embedding). TF-IDF: on ECB+ gold sentence
# links the mutual-best links keep a precision of 0.97-0.98 from 0.12 to 0.26 while sentence recall falls from 0.53
# to 0.41 and links between two *different* but similar events fall from 45 to 13 (129 document pairs); 0.18
# keeps recall (0.52) and cuts those to 30. On AllSides, outlets' leads share a point in 97/153 stories at 0.18
# and a paragraph slipped in from another story never aligns. On the seeds the true links score 0.25-0.52 and
# the best false candidate 0.14. Embeddings (all-MiniLM-L6-v2 mixed half and half with TF-IDF, see encode_units):
# from 0.25 to 0.50 precision stays 0.97-0.98 while recall falls from 0.64 to 0.36 and different-event links from
# 49 to 4; 0.40 beats TF-IDF at 0.18 on every figure (precision 0.981, recall 0.590, 27 different-event links;
# AllSides leads 101/153, no foreign paragraph). MiniLM alone was worse: at its best threshold (0.60) recall
# 0.543 with 28 different-event links, a foreign paragraph aligned, and a seed pair reworded in other words missed.
ENCODERS = (
    Encoder("tfidf", 0.18, "TF-IDF over lightly stemmed word 1-2 grams and character 3-5 grams, fit on the story"),
    Encoder("embedding", 0.40, f"sentence embeddings ({EMBEDDING_MODEL}) mixed with TF-IDF; needs the "
                               "sentence-transformers extra"),
)
ENCODER_NAMES = ("auto",) + tuple(e.name for e in ENCODERS)

# sklearn's stop list drops words that carry claims ("no first use", "voted against", "two processes",
# "the bill"); these stay as content words.
KEPT_WORDS = frozenset("""
against amount back bill bottom call cry describe detail empty fill find fire first found front full give interest
keep last made move name never no nobody none not nothing part put serious show side system take third whole
one two three four five six eight nine ten eleven twelve fifteen twenty forty fifty sixty hundred
""".split())
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS - KEPT_WORDS)

# Light suffix stripping in two passes, inflection then derivation (a cut-down Porter 1980, longest suffix
# first): enough to meet "proposals"/"proposed"/"proposing" and "resetting"/"reset" halfway without a stemmer
# dependency. Each row: (suffix, minimum stem length left).
INFLECTIONS = (("ings", 3), ("ing", 3), ("ies", 3), ("ied", 3), ("ed", 3), ("es", 4), ("s", 3))
DERIVATIONS = (("ations", 4), ("ation", 4), ("ments", 4), ("ment", 4), ("ness", 4), ("ities", 3), ("ity", 3),
               ("ion", 3), ("ers", 3), ("er", 4), ("al", 4), ("ly", 4))
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@lru_cache(maxsize=1 << 16)
def stem_word(word: str) -> str:
    """A word lower-cased with an inflection and then a derivational suffix stripped (doubled consonant undone)."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for table in (INFLECTIONS, DERIVATIONS):
        for suffix, min_stem in table:
            if w.endswith(suffix) and len(w) - len(suffix) >= min_stem:
                w = w[: -len(suffix)]
                if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # resett -> reset, plann -> plan
                    w = w[:-1]
                break
    return w


def stem_tokens(text: str) -> list[str]:
    """Content-word stems of a text (stop words dropped, hyphenated words split into parts too)."""
    out = []
    for tok in _WORD.findall(text):
        low = tok.casefold()
        parts = [low] + (low.split("-") if "-" in low else [])
        for part in parts:
            if part not in STOP_WORDS and len(part) > 1:
                out.append(stem_word(part))
    return out


def available_encoders() -> tuple[str, ...]:
    """Encoder names usable here: tfidf always, embedding when sentence-transformers is importable."""
    names = ["tfidf"]
    if importlib.util.find_spec("sentence_transformers") is not None:
        names.append("embedding")
    return tuple(names)


@lru_cache(maxsize=1)
def embedding_ready() -> bool:
    """True when the sentence-transformers extra is installed and its model loads (it may need a download)."""
    if "embedding" not in available_encoders():
        return False
    try:
        _embedding_model(_model_name())
    except Exception:  # noqa: BLE001 - any failure to load the optional model means: use TF-IDF
        return False
    return True


def resolve_encoder(encoder: str = "auto") -> Encoder:
    """The encoder row for a name; ``auto`` picks embeddings when installed and loadable, else TF-IDF."""
    if encoder == "auto":
        encoder = "embedding" if embedding_ready() else "tfidf"
    for row in ENCODERS:
        if row.name == encoder:
            if encoder not in available_encoders():
                raise ValueError(f"encoder {encoder!r} needs the optional sentence-transformers extra")
            return row
    raise ValueError(f"unknown encoder {encoder!r}; choose one of {', '.join(ENCODER_NAMES)}")


def encode_units(texts: Sequence[str], encoder: str = "auto") -> sparse.csr_matrix:
    """L2-normalised sparse vectors of ``texts`` (rows); the dot product of two rows is their cosine.

    ``embedding`` rows join the TF-IDF row and the sentence embedding, weighted so that their cosine is
    (1 - EMBEDDING_SHARE) x TF-IDF cosine + EMBEDDING_SHARE x embedding cosine: alone, the embedding ranks
    sentences on one topic alike whatever they claim (it paired an official's welcome of talks with a quote of the
    other side's proposal, and missed a paraphrased programme whose key noun changed); the wording keeps the
    claim, the embedding meets paraphrase.
    """
    name = resolve_encoder(encoder).name
    if not texts:
        return sparse.csr_matrix((0, 0))
    tfidf = _tfidf_vectors(list(texts))
    if name == "embedding":
        embedded = sparse.csr_matrix(_embedding_vectors(_model_name(), tuple(texts)))
        mixed = sparse.hstack([tfidf * np.sqrt(1 - EMBEDDING_SHARE), embedded * np.sqrt(EMBEDDING_SHARE)])
        return normalize(mixed.tocsr())  # a row without content words is its embedding alone
    return tfidf


def sentence_embeddings(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence embeddings of ``texts`` (rows; read-only), from the model and cache encode_units uses."""
    return _embedding_vectors(_model_name(), tuple(texts))


@lru_cache(maxsize=32)
def _embedding_vectors(model: str, texts: tuple[str, ...]) -> np.ndarray:
    """Unit-length sentence embeddings (read-only; cached: a story is often framed again at another threshold)."""
    vectors = np.asarray(_embedding_model(model).encode(list(texts), normalize_embeddings=True,
                                                        show_progress_bar=False), dtype=np.float32)
    vectors.flags.writeable = False
    return vectors


def _tfidf_vectors(texts: list[str]) -> sparse.csr_matrix:
    """TF-IDF fit on these texts: stemmed word 1-2 grams and char 3-5 grams, equal weight, unit length."""
    words = TfidfVectorizer(analyzer=stem_tokens, sublinear_tf=True)
    word_bigrams = TfidfVectorizer(analyzer=_stem_bigrams, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True,
                            preprocessor=_strip_stop_words)
    blocks = []
    for vectoriser in (words, word_bigrams, chars):
        try:
            blocks.append(vectoriser.fit_transform(texts))
        except ValueError:  # empty vocabulary (e.g. only stop words or punctuation)
            blocks.append(sparse.csr_matrix((len(texts), 0)))
    # Word unigrams carry the claim, bigrams its phrasing, char n-grams meet inflections and compounds
    # ("no-first-strike" / "no first use") halfway.
    stacked = sparse.hstack([b * w for b, w in zip(blocks, BLOCK_WEIGHTS)]).tocsr()
    return normalize(stacked)


def _stem_bigrams(text: str) -> list[str]:
    """Adjacent content-stem pairs."""
    stems = stem_tokens(text)
    return [f"{a} {b}" for a, b in zip(stems, stems[1:])]


def _strip_stop_words(text: str) -> str:
    """Lower-cased text with stop words removed, for the character n-grams."""
    return " ".join(t for t in _WORD.findall(text.casefold()) if t not in STOP_WORDS)


def _model_name() -> str:
    """The model to load: $COVERAGE_EMBEDDING_MODEL when set, else EMBEDDING_MODEL."""
    return os.environ.get(EMBEDDING_MODEL_ENV) or EMBEDDING_MODEL


@lru_cache(maxsize=2)
def _embedding_model(model: str):
    """A sentence-transformers model, loaded once per process and name."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model)


def cosine_matrix(vectors: sparse.csr_matrix, rows=None, cols=None, transposed=None) -> np.ndarray:
    """Dense cosine similarities between the selected rows and columns of unit-length vectors (encode_units').

    ``transposed``: ``transpose_vectors(vectors)`` computed once by a caller that asks for many row blocks
    against all columns (it saves a sparse format conversion per call).
    """
    a = vectors if rows is None else vectors[rows]
    if cols is None and transposed is not None:
        sims = a @ transposed
    else:
        b = vectors if cols is None else vectors[cols]
        sims = a @ b.T
    return np.asarray(sims.toarray(), dtype=float)


def transpose_vectors(vectors: sparse.csr_matrix) -> sparse.csr_matrix:
    """The transpose of unit vectors in the layout a row-block product wants (CSR)."""
    return vectors.T.tocsr()


DENSE_LIMIT = 3000  # up to this many units one dense float32 matrix (36 MB) beats many block products


class UnitSimilarity:
    """Cosines between encoded units: one dense matrix for a story-sized set, row blocks on demand beyond."""

    def __init__(self, vectors, dense_limit: int = DENSE_LIMIT):
        """Keep the vectors (and, when small enough, every pairwise cosine)."""
        self.vectors = vectors
        self._transposed = transpose_vectors(vectors)
        n = vectors.shape[0]
        self._full = (cosine_matrix(vectors, transposed=self._transposed).astype(np.float32)
                      if n <= dense_limit else None)

    def rows(self, rows) -> np.ndarray:
        """Cosines of the given units against every unit."""
        if self._full is not None:
            return self._full[rows]
        return cosine_matrix(self.vectors, rows=rows, transposed=self._transposed)

    def block(self, rows, cols) -> np.ndarray:
        """Cosines of the given units against the given units."""
        if self._full is not None:
            return self._full[np.ix_(rows, cols)]
        return cosine_matrix(self.vectors, rows=rows, cols=cols)

"""Public sample data from ../shared/data as articles, and synthetic corpora recombined from its real paragraphs."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(os.environ.get("SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
GOLD = Path(__file__).resolve().parents[1] / "tests" / "data"  # the project's own hand-annotated gold sets

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d",
                    "'m", "''", "…"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def detokenise(tokens: list[str]) -> str:
    """Undo ECB+/PTB tokenisation: glue punctuation, turn `` and '' into straight double quotes."""
    out: list[str] = []
    open_quote = False
    glue_next = False
    for tok in tokens:
        if tok in ("``", "''", '"'):
            is_open = tok == "``" or (tok == '"' and not open_quote)
            open_quote = is_open
            if is_open:
                out.append(" " if out else "")
                out.append('"')
                glue_next = True
            else:
                out.append('"')
            continue
        if out and not glue_next and tok not in _NO_SPACE_BEFORE and not re.fullmatch(r"[.,;:!?]+", tok):
            out.append(" ")
        out.append(tok)
        glue_next = tok in _NO_SPACE_AFTER
    return "".join(out).strip()


def require(path: Path) -> Path:
    """The path, or a FileNotFoundError naming what is missing (tests turn it into a skip)."""
    if not path.exists():
        raise FileNotFoundError(f"shared data not found: {path}")
    return path


@lru_cache(maxsize=1)
def ecbplus_articles() -> tuple[dict, ...]:
    """ECB+ documents as articles: id, event_cluster, topic, outlet, url, title, text (one paragraph a sentence)."""
    docs = []
    for line in require(DATA / "ecbplus" / "ecbplus_dev.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        sents = [detokenise(s) for s in d["sentences"]]
        if d.get("url") and sents and sents[0].replace(" ", "").startswith(("http", "www")):
            sents = sents[1:]
        docs.append({"id": d["doc_id"], "event_cluster": d["event_cluster"], "topic": d["topic"],
                     "outlet": d.get("source_domain") or f"ecb-{d['doc_id']}", "url": d.get("url"),
                     "title": sents[0] if sents else "", "text": "\n\n".join(sents)})
    return tuple(docs)


@lru_cache(maxsize=1)
def allsides_articles() -> tuple[dict, ...]:
    """AllSides story excerpts as articles: id, story, outlet, title, url, date (story date), text."""
    docs = []
    for line in require(DATA / "neus_allsides" / "allsides_stories_dev.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        for side, n in (d.get("news") or {}).items():
            body = [p.strip() for p in (n.get("newBody") or []) if p and p.strip()]
            if not body:
                continue
            docs.append({"id": f"{d['id']}-{side}", "story": str(d["id"]), "outlet": n.get("newsSource"),
                         "title": n.get("newsTitle"), "url": n.get("newsLink"), "date": d.get("date", "")[:10],
                         "text": "\n\n".join(body)})
    return tuple(docs)


@lru_cache(maxsize=1)
def real_paragraphs(min_words: int = 15) -> tuple[str, ...]:
    """Every distinct real paragraph of at least ``min_words`` words from ECB+ and AllSides."""
    seen, out = set(), []
    for doc in ecbplus_articles() + allsides_articles():
        for para in doc["text"].split("\n\n"):
            if len(para.split()) >= min_words and para not in seen:
                seen.add(para)
                out.append(para)
    return tuple(out)


def synthetic_articles(n: int, seed: int = 0, n_outlets: int = 60, paragraphs: tuple[int, int] = (4, 9),
                       start: dt.date = dt.date(2020, 1, 1), days: int = 730) -> list[dict]:
    """``n`` articles recombined from real paragraphs: id, outlet, published (ISO), title, text."""
    rng = random.Random(seed)
    pool = real_paragraphs()
    outlets = [f"Outlet {i:03d}" for i in range(n_outlets)]
    out = []
    for i in range(n):
        paras = rng.sample(pool, rng.randint(*paragraphs))
        title = re.split(r"(?<=[.!?])\s", paras[0], maxsplit=1)[0][:120]
        out.append({"id": f"syn{seed}-{i:06d}", "outlet": rng.choice(outlets),
                    "published": (start + dt.timedelta(days=rng.randrange(days))).isoformat(),
                    "title": title, "text": "\n\n".join(paras)})
    return out

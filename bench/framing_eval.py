"""Claim alignment against ECB+ gold: sentences of two outlets that mention the same cross-document event.

ECB+ (Cybulska & Vossen 2014) links event mentions across documents; two sentences from different documents
of one event cluster that contain a mention of the same ``ACT``/``NEG`` chain describe the same action: a gold
alignment link. Sentences of the other sub-topic of the same topic (a similar but different event) make hard
negatives. For each threshold, prints the precision of the links ``lib.analyse.framing.align_units`` makes
between annotated sentences, and the recall of annotated sentences that have a gold partner.

    python bench/framing_eval.py [--thresholds 0.12 0.18 0.26] [--pairs 12] [--encoder tfidf|embedding]
"""
from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import DATA, detokenise, require  # noqa: E402
from lib.analyse.framing import align_units, build_units  # noqa: E402


def load_documents() -> list[dict]:
    """ECB+ documents: id, topic, cluster, text (one detokenised sentence a paragraph), sentence offsets, chains."""
    docs = []
    for line in require(DATA / "ecbplus" / "ecbplus_dev.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        chains: dict[int, set] = {}
        annotated: set[int] = set()
        for m in d["mentions"]:
            annotated.add(m["sent"])
            if m["kind"] == "cross_doc" and m["chain"].startswith(("ACT", "NEG")):
                chains.setdefault(m["sent"], set()).add(m["chain"])
        text, spans = "", []
        for i, tokens in enumerate(d["sentences"]):
            sent = detokenise(tokens)
            if i == 0 and d.get("url") and sent.replace(" ", "").startswith(("http", "www")):
                continue
            if text:
                text += "\n\n"
            spans.append((i, len(text), len(text) + len(sent)))
            text += sent
        docs.append({"id": d["doc_id"], "topic": d["topic"], "cluster": d["event_cluster"], "text": text,
                     "spans": spans, "chains": chains, "annotated": annotated})
    return docs


def gold_sentence(doc: dict, start: int) -> int | None:
    """The ECB+ sentence index of a unit starting at ``start``."""
    for i, s, e in doc["spans"]:
        if s <= start < e:
            return i
    return None


def evaluate(docs: list[dict], thresholds: list[float], pairs_per_topic: int, encoder: str = "tfidf") -> pd.DataFrame:
    """Precision/recall of alignment links per threshold, on same-event and different-event document pairs."""
    by_topic: dict[int, list[dict]] = {}
    for d in docs:
        by_topic.setdefault(d["topic"], []).append(d)
    rows = []
    for topic, group in sorted(by_topic.items()):
        clusters = sorted({d["cluster"] for d in group})
        same = [p for c in clusters for p in combinations([d for d in group if d["cluster"] == c], 2)][:pairs_per_topic]
        cross = []
        if len(clusters) == 2:
            a = [d for d in group if d["cluster"] == clusters[0]]
            b = [d for d in group if d["cluster"] == clusters[1]]
            cross = list(zip(a, b))[:pairs_per_topic]
        for kind, pairs in (("same event", same), ("different event", cross)):
            for da, db in pairs:
                articles = pd.DataFrame([{"id": d["id"], "text": d["text"], "outlet": d["id"]} for d in (da, db)])
                units = build_units(articles, pd.DataFrame())
                doc_of = {da["id"]: da, db["id"]: db}
                sent = [gold_sentence(doc_of[a], s) for a, s in zip(units["article_id"], units["start"])]
                for t in thresholds:
                    groups, _ = align_units(units, encoder, t)
                    rows.extend(_score(units, sent, groups, doc_of, kind, topic, t))
    return pd.DataFrame(rows)


def _score(units, sent, groups, doc_of, kind, topic, threshold) -> list[dict]:
    """Per annotated unit pair across the two documents: predicted link or not, gold link or not."""
    out = []
    arts = units["article_id"].tolist()
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            if arts[i] == arts[j]:
                continue
            di, dj = doc_of[arts[i]], doc_of[arts[j]]
            si, sj = sent[i], sent[j]
            if si not in di["annotated"] or sj not in dj["annotated"]:
                continue
            gold = kind == "same event" and bool(di["chains"].get(si, set()) & dj["chains"].get(sj, set()))
            out.append({"kind": kind, "topic": topic, "threshold": threshold, "unit_a": i, "unit_b": j,
                        "pair": (di["id"], dj["id"]), "gold": gold, "linked": bool(groups[i] == groups[j])})
    return out


def allsides_figures(threshold: float, encoder: str = "tfidf") -> str:
    """On every AllSides story: share of stories whose outlets' leads share a point, and share where a paragraph
    from another story, added to one outlet's article, aligns with anything (it should not)."""
    import random

    from bench.corpus import allsides_articles
    from lib.analyse.framing import frame_story

    stories: dict[str, list[dict]] = {}
    for doc in allsides_articles():
        stories.setdefault(doc["story"], []).append(doc)
    keys = sorted(stories)
    rng = random.Random(7)
    leads = foreign = 0
    for key in keys:
        text = stories[rng.choice([k for k in keys if k != key])][0]["text"].split("\n\n")[0]
        articles = pd.DataFrame([{"id": d["id"], "outlet": d["outlet"], "published": d["date"],
                                  "text": d["text"] + ("\n\n" + text if i == 0 else "")}
                                 for i, d in enumerate(stories[key])])
        f = frame_story(articles, pd.DataFrame(), encoder=encoder, threshold=threshold)
        shared = set(f.points.loc[f.points["n_outlets"] > 1, "point_id"])
        lead_cells = f.cells.merge(f.leads[["article_id", "start"]], on=["article_id", "start"])
        leads += lead_cells["point_id"].duplicated().any()
        foreign += f.cells[f.cells["unit_text"].str.contains(text[:40], regex=False)]["point_id"].isin(shared).any()
    return (f"AllSides at {threshold:.2f}: leads aligned in {leads}/{len(keys)} stories, foreign paragraph "
            f"aligned in {foreign}/{len(keys)}")


def main() -> None:
    """Print precision and recall per threshold."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.1, 0.14, 0.18, 0.22, 0.26, 0.3])
    parser.add_argument("--pairs", type=int, default=6, help="document pairs per topic and kind")
    parser.add_argument("--encoder", default="tfidf", help="tfidf or embedding (needs sentence-transformers)")
    args = parser.parse_args()
    scores = evaluate(load_documents(), args.thresholds, args.pairs, args.encoder)
    for t, g in scores.groupby("threshold"):
        same, diff = g[g["kind"] == "same event"], g[g["kind"] == "different event"]
        links = same[same["linked"]]
        precision = links["gold"].mean() if len(links) else float("nan")
        # Recall over sentences: a unit with a gold partner in the other document is found when it is linked
        # to one of its gold partners.
        has_gold = same[same["gold"]]
        found = has_gold.groupby(["pair", "unit_a"])["linked"].any()
        false_cross = diff["linked"].sum()
        print(f"threshold {t:.2f}: same-event links {len(links):4d} precision {precision:.3f} "
              f"sentence recall {found.mean():.3f} (of {len(found)}) | different-event pairs: "
              f"{false_cross} links over {diff['pair'].nunique()} document pairs")
    for t in args.thresholds:
        print(allsides_figures(t, args.encoder))


if __name__ == "__main__":
    main()

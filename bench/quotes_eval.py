"""Quote extraction against the hand-annotated gold sets: precision, recall, F1, speaker accuracy, attributed recall.

Every ``tests/data/quotes_*.jsonl`` present is scored on its own (``--gold FILE`` for one). A predicted quote
matches a gold quote when they share at least half of the shorter one's words (issue 3); matching is one-to-one
per article, best overlap first. Speakers match when they name the same person: normalised names equal, or the
same surname when the gold gives a full name, or an organisation as an acronym and in full ("the UAW" ~ "United
Auto Workers"). A quote the extractor credits through a pronoun ("he said") is
scored like any other, on the person the pronoun was resolved to (the gold gives the antecedent); the ``pron``
column is the speaker accuracy on quotes whose gold context has a pronoun cue next to the quote.

Where the gold gives a ``speaker_type`` (person / role / organisation / document / none), speaker accuracy is also
printed per type. Speaker errors are counted by the error categories of issue 14, told by simple heuristics on the
gold text around the quote (an error counts in its first matching category). The default output holds figures
only, so a blind set can be scored without reading its errors; ``--errors`` lists each error (never for the
slice of each tuning set that is set aside: every ``--aside``-th article of quotes_gold.jsonl, quotes_dev_web.jsonl,
quotes_dev_roles.jsonl, quotes_dev_mix.jsonl, quotes_dev_gum.jsonl and the retired blind sets quotes_blind.jsonl,
quotes_blind2.jsonl, quotes_blind4.jsonl and quotes_blind6.jsonl, nor for the blind sets tests/data/quotes_blind3.jsonl
and quotes_blind5.jsonl). The blind sets
are also scored as one set ("blind, all"): issue 14's fresh blind set of at least 120 articles.

    python -m bench.quotes_eval [--gold FILE] [--errors] [--aside 4]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from bench.corpus import GOLD
from lib.domain.names import normalise_name
from lib.domain.verbs import CUE_PATTERN
from lib.extract.quotes import extract_quotes
from lib.extract.speakers import DETERMINERS, ROLE_WORDS
from lib.models import Article

DATA = GOLD
GOLD = DATA / "quotes_gold.jsonl"
# The sets rules are tuned on: each one's every ASIDE-th article is held back from error listing.
# quotes_blind, quotes_blind2, quotes_blind4 and quotes_blind6 were blind sets, retired after their end-of-issue
# scoring: they tune like the others.
TUNING = ("quotes_gold.jsonl", "quotes_dev_web.jsonl", "quotes_dev_roles.jsonl", "quotes_dev_mix.jsonl",
          "quotes_blind.jsonl", "quotes_blind2.jsonl", "quotes_blind4.jsonl", "quotes_blind6.jsonl",
          "quotes_dev_gum.jsonl")
# The project's blind checks (QUOTES_BLIND3.md, QUOTES_BLIND5.md): their errors are never listed.
BLIND = ("quotes_blind3.jsonl", "quotes_blind5.jsonl")
ASIDE = 4
# A second annotation, made blind to the gold, of articles of the tuning sets (SECOND_ANNOTATION.md): how far two
# annotators agree bounds what speaker accuracy can mean.
SECOND = "second_annotation.jsonl"
SPEAKER_TYPES = ("person", "role", "organisation", "document", "none")
_WORD = re.compile(r"\w+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_PRONOUNS = {"he", "she", "him", "her", "they", "it", "i", "we"}

# Heuristics on the gold text around a quote, one per error category of issue 14 (first match wins).
_CUE = CUE_PATTERN  # the reporting verbs of lib.domain.verbs: one table for the extractor and the scorer
_PRONOUN_CUE_AFTER = re.compile(rf"^[\s,.!?\"”’]*(?:[Hh]e|[Ss]he)\s+(?:\w+ly\s+)?{_CUE}\b")
_PRONOUN_CUE_BEFORE = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:\w+ly\s+)?{_CUE}\b[^.!?\"“”]{{0,60}}[,:]?\s*$")
_REPORTED_CLAUSE = re.compile(r"\b(?:that|saying|says|said)\s+(?:[^.!?\"“”]{0,80}\s)?(?:he|she)\b[^.!?]*$")
_FRONTED = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|On|At|During|After|Before|While|When|Already|Although|As|Since|"
                      r"Speaking|Asked|Calling|Earlier|Later|Still|Meanwhile|Instead)\b[^.!?\"“”]{0,120},\s*[^.!?\"“”]*$")
_ROUNDUP = re.compile(r"(?:^|\n)[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3},\s+[^:\n\"“”]{1,80}:\s*$")
_HEAD_APPENDED = re.compile(rf"^[\s,.!?\"”’]*(?:{_CUE}\s+(?:an?|the|another|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*['’]s)\s+"
                            rf"[^.!?\"“”]{{0,80}},\s+[A-Z]|[^\"“”\n]{{0,40}}\b(?:says|said)\s+[a-z]+\s+[A-Z])")
_BETWEEN = re.compile(rf"[A-Z][\w'’\-]+,\s+(?:who\s|\d+,|the\s|an?\s)[^\"“”]{{1,120}}?,?\s+(?:\w+ly\s+)?{_CUE}\b")
_LESS_COMMON = re.compile(r"\b(?:[Cc]alling|described|by saying|[Tt]hat was how|[Tt]hat's how)\b")
# A verb or preposition that makes the name after it an object ("referred to", "swiped at", "with").
_OBJECT_LEAD = (r"\b(?:referred to|called|calling|swiped at|attacked|accused|praised|criticized|criticised|"
                r"mocked|quoted|cited|at|to|with|against)\s+(?:\w+\s+){0,2}")
_HEADLINE = re.compile(r"\b[A-Z][a-z]+\s+(?:Said|Says|Tells|Warns|Slams)\b")
_ORG_OR_ROLE = re.compile(r"^(?:the|a|an|another|one)\b|\b(?:[Ss]tatement|[Cc]ommittee|[Dd]epartment|[Oo]ffice|"
                          r"[Pp]olice|[Mm]inistry|[Cc]ampaign|[Hh]ouse|[Nn]ews|[Tt]imes|[Pp]ost)\b")
CATEGORIES = ("place-as-person pronoun", "pronoun in reported clause", "descriptive antecedent lost",
              "fronted phrase as subject", "round-up line", "descriptive head + appended name",
              "material between name and verb", "less common construction", "role/org/document speaker",
              "object taken as speaker", "speaker carried across subhead", "headline case",
              "speaker missing", "speaker where gold has none", "other")


def word_set(text: str) -> set[str]:
    """Case-folded words of a quote."""
    return set(_WORD.findall(text.casefold()))


def quotes_match(a: str, b: str) -> bool:
    """True when two quote texts share at least half of the shorter one's words."""
    wa, wb = word_set(a), word_set(b)
    shorter = min(len(wa), len(wb))
    return shorter > 0 and len(wa & wb) * 2 >= shorter


def speaker_key(name: str | None) -> str:
    """Normalised speaker name without a leading article ("the Capitol Police" -> "capitol police")."""
    return _LEADING_ARTICLE.sub("", normalise_name(name)) if name else ""


_PARTICLES = {"of", "for", "and", "the", "on", "de", "du"}
_NOT_GIVEN = _PARTICLES | set(DETERMINERS)  # words before a surname that name no one
_MIN_ACRONYM = 3  # two capitals are as often a person's initials ("AL") as a body ("UN")


def _is_acronym_of(short: str, full: str) -> bool:
    """True when ``short`` as written is an acronym ("the UAW", "DOJ") spelt by the initials of ``full``'s words
    ("United Auto Workers", "Department of Justice"), particles skipped or not."""
    word = _LEADING_ARTICLE.sub("", short.strip(), count=1).strip(" .")
    words = _WORD.findall(full.casefold())
    spellings = {"".join(w[0] for w in words if w not in _PARTICLES), "".join(w[0] for w in words if w != "the")}
    return word.isupper() and " " not in word and len(word) >= _MIN_ACRONYM and len(words) >= 2 \
        and word.casefold() in spellings


_RELATIVE = re.compile(r"\s+(?:who|whom|whose|that|which|speaking|talking)\s")  # reduced relatives too
_DETERMINER = re.compile(r"^(?:the|a|an|one|another|some)\s", re.IGNORECASE)


def _description(name: str | None) -> bool:
    """True for an unnamed source written as a description ("a veteran strategist", "one of the keepers")."""
    return bool(name) and bool(_DETERMINER.match(name.strip()))


def speakers_match(gold: str | None, predicted: str | None) -> bool:
    """Same speaker: equal normalised names, the same surname when the gold gives a full name ("Vladimir Putin" ~
    "Putin", as issue 3 defines it) or only a surname (a gold "Obama" ~ "Barack Obama"), or an organisation as an
    acronym and in full ("the UAW" ~ "United Auto Workers"), or one unnamed source described with or without its
    relative clause ("a veteran strategist" ~ "a veteran strategist who is with no campaign"). Two names whose first
    words and words before the surname both differ (none a title or a determiner) are two persons."""
    g, p = speaker_key(gold), speaker_key(predicted)
    if not g or not p:
        return g == p
    if g == p or _is_acronym_of(gold, predicted) or _is_acronym_of(predicted, gold):
        return True
    if _description(gold) and _RELATIVE.split(g)[0] == _RELATIVE.split(p)[0]:
        return True  # one unnamed source with or without its relative clause or article (the gold sets write both)
    gw, pw = g.split(), p.split()
    if len(gw) >= 2 and len(pw) >= 2 and gw[0] != pw[0] and gw[-2] != pw[-2] and all(
            w.isalpha() and w not in ROLE_WORDS and w not in _NOT_GIVEN for w in (gw[0], pw[0], gw[-2], pw[-2])):
        return False  # two persons of one family ("Thandeka Zungu", "Lindiwe Zungu"), not one named twice
    return pw[-1] == gw[-1] and (len(gw) >= 2 or len(pw) >= 2)


def match_article(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, highest word overlap first."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if quotes_match(g["text"], p["text"]):
                overlap = len(word_set(g["text"]) & word_set(p["text"]))
                scored.append((-overlap, abs(gi - pi), gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in sorted(scored):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def predict(record: dict) -> list[dict]:
    """Direct and partial quotes the extractor finds in a gold record's text: the speaker id (a pronoun resolved to
    its person), else the speaker as written unless it is a bare pronoun; the speaker as written; its type."""
    article = Article(id=record["id"], text=record["text"], outlet=record.get("outlet"))
    out = []
    for q in extract_quotes(article):
        if q.kind not in ("direct", "partial"):
            continue
        speaker = q.speaker_id or (q.speaker if q.speaker and q.speaker.lower() not in _PRONOUNS else None)
        out.append({"text": q.text, "speaker": speaker, "written": q.speaker, "kind": q.kind,
                    "speaker_type": getattr(q, "speaker_type", None)})
    return out


def gold_offsets(text: str, quotes: list[dict]) -> list[int]:
    """Offset of each gold quote in the text (quotes are in text order), -1 where not found."""
    out, cursor = [], 0
    for q in quotes:
        pos = text.find(q["text"], cursor)
        if pos < 0:
            pos = text.find(q["text"])
        out.append(pos)
        if pos >= 0:
            cursor = pos + 1
    return out


def _context(text: str, pos: int, length: int) -> tuple[str, str, str]:
    """(paragraph text before the quote, its text after the quote, the text before the quote's paragraph)."""
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos + length)
    para_end = len(text) if para_end < 0 else para_end
    before = text[para_start:max(para_start, pos - 1)]
    after = text[min(pos + length + 1, para_end):para_end]
    return before, after, text[:para_start]


def is_pronoun_sourced(text: str, pos: int, length: int) -> bool:
    """True when the gold text credits the quote through a pronoun cue right next to it (`," she said`, `He said: "`)."""
    if pos < 0:
        return False
    before, after, _ = _context(text, pos, length)
    return bool(_PRONOUN_CUE_AFTER.match(after) or _PRONOUN_CUE_BEFORE.search(before))


def _subhead_between(previous: str, name: str | None) -> bool:
    """True when a short line with no end punctuation (a subhead) stands after the last mention of ``name``."""
    if not name:
        return False
    last = previous.rfind(name.split()[-1])
    if last < 0:
        return False
    for line in previous[last:].split("\n")[1:]:
        line = line.strip()
        if line and len(line.split()) <= 10 and line[-1:] not in ".!?:\"”’," and line[:1] not in "\"“":
            return True
    return False


def error_category(rec: dict, gold: dict, pos: int, pred: dict | None) -> str:
    """The issue-14 category of a speaker error, told from the gold text around the quote and the prediction."""
    text, gold_speaker = rec["text"], gold.get("speaker")
    predicted = pred["speaker"] if pred else None
    written = (pred or {}).get("written") or ""
    if gold_speaker is None:
        return "speaker where gold has none"
    if pos < 0:
        return "other"
    before, after, previous = _context(text, pos, len(gold["text"]))
    sentence = re.split(r"(?<=[.!?])\s+", before)[-1] if before else ""
    pronoun = written.lower() in ("he", "she")
    if pronoun and predicted and re.search(rf"\b(?:in|at|from|near|of|to)\s+(?:the\s+)?{re.escape(predicted)}\b",
                                           text):
        return "place-as-person pronoun"
    if pronoun and _REPORTED_CLAUSE.search(before):
        return "pronoun in reported clause"
    if pronoun and _LEADING_ARTICLE.match(gold_speaker):
        return "descriptive antecedent lost"
    if _FRONTED.search(before) and (predicted is None or not speakers_match(gold_speaker, predicted)) and \
            not sentence.lower().startswith(gold_speaker.lower()):
        return "fronted phrase as subject"
    if _ROUNDUP.search(previous.rstrip(" ")) or _ROUNDUP.search(before):
        return "round-up line"
    if _HEAD_APPENDED.match(after):
        return "descriptive head + appended name"
    if _BETWEEN.search(sentence) or _BETWEEN.match(after.lstrip(" ,.\"”")):
        return "material between name and verb"
    if _LESS_COMMON.search(sentence) or _LESS_COMMON.search(after[:80]):
        return "less common construction"
    gold_type = gold.get("speaker_type")
    if gold_type in ("role", "organisation", "document") or (gold_type is None and _ORG_OR_ROLE.search(gold_speaker)):
        return "role/org/document speaker"
    if predicted and re.search(rf"{_OBJECT_LEAD}{re.escape(predicted.split()[-1])}\b", text[:pos]):
        return "object taken as speaker"
    if _subhead_between(previous, predicted):
        return "speaker carried across subhead"
    if _HEADLINE.search(before) or _HEADLINE.search(previous[-200:]):
        return "headline case"
    if predicted is None:
        return "speaker missing"
    return "other"


def evaluate(records: list[dict], show_errors: bool = False, out=None, label: str = "") -> dict:
    """Scores over the records, per source and per gold speaker type, and the speaker errors counted by category;
    with ``show_errors`` prints each miss, false alarm and wrong speaker."""
    out = out or sys.stdout
    counts = Counter()
    by_source: dict[str, Counter] = {}
    by_type: dict[str, Counter] = {}
    categories = Counter()
    for rec in records:
        gold, pred = rec["quotes"], predict(rec)
        pairs = match_article(gold, pred)
        offsets = gold_offsets(rec["text"], gold)
        c = Counter(gold=len(gold), predicted=len(pred), matched=len(pairs),
                    named=sum(1 for g in gold if g.get("speaker")))
        matched_gold = {gi: pi for gi, pi in pairs}
        for gi, g in enumerate(gold):
            pi = matched_gold.get(gi)
            if pi is None:
                if g.get("speaker"):
                    c["unfound"] += 1
                continue
            ok = speakers_match(g.get("speaker"), pred[pi]["speaker"])
            c["speaker_ok"] += ok
            c["attributed"] += ok and bool(g.get("speaker"))
            if is_pronoun_sourced(rec["text"], offsets[gi], len(g["text"])):
                c["pronoun"] += 1
                c["pronoun_ok"] += ok
            if g.get("speaker_type") in SPEAKER_TYPES:
                t = by_type.setdefault(g["speaker_type"], Counter())
                t["matched"] += 1
                t["speaker_ok"] += ok
                t["typed_ok"] += pred[pi]["speaker_type"] == g["speaker_type"] or (
                    g["speaker_type"] == "none" and pred[pi]["speaker"] is None)
            if not ok:
                category = error_category(rec, g, offsets[gi], pred[pi])
                categories[category] += 1
                if show_errors:
                    out.write(f"SPEAKER {label}{rec['id']} [{category}]: gold={g.get('speaker')!r} "
                              f"got={pred[pi]['speaker']!r} (as written {pred[pi]['written']!r}) "
                              f"| {g['text'][:70]!r}\n")
        if show_errors:
            for gi in sorted(set(range(len(gold))) - set(matched_gold)):
                out.write(f"MISSED  {label}{rec['id']}: {gold[gi].get('speaker')!r} | {gold[gi]['text'][:90]!r}\n")
            for pi in sorted(set(range(len(pred))) - {p for _, p in pairs}):
                out.write(f"EXTRA   {label}{rec['id']}: {pred[pi]['speaker']!r} | {pred[pi]['text'][:90]!r}\n")
        counts.update(c)
        by_source.setdefault(rec.get("source", "?").split(":")[0], Counter()).update(c)
    return {"all": scores(counts), "sources": {k: scores(v) for k, v in sorted(by_source.items())},
            "types": {k: by_type[k] for k in SPEAKER_TYPES if k in by_type}, "categories": categories}


def scores(c: Counter) -> dict:
    """Precision, recall, F1, speaker accuracy, attributed recall and pronoun-cue accuracy from match counts."""
    p = c["matched"] / c["predicted"] if c["predicted"] else 0.0
    r = c["matched"] / c["gold"] if c["gold"] else 0.0
    return {"gold": c["gold"], "predicted": c["predicted"], "matched": c["matched"], "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "speaker_accuracy": c["speaker_ok"] / c["matched"] if c["matched"] else 0.0,
            "attributed_recall": c["attributed"] / c["named"] if c["named"] else 0.0,
            "pronoun": c["pronoun"], "pronoun_accuracy": c["pronoun_ok"] / c["pronoun"] if c["pronoun"] else 0.0}


def load_gold(path: Path, with_text: bool = True) -> list[dict]:
    """Gold records, one JSON object a line (a second annotation's without the text); a bad line is reported and
    skipped."""
    records = []
    for n, line in enumerate(path.open(encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict) or with_text and not isinstance(rec.get("text"), str) \
                    or not isinstance(rec.get("quotes"), list):
                raise ValueError("needs a text string and a quotes list" if with_text else "needs a quotes list")
            records.append(rec)
        except ValueError as exc:
            print(f"{path}:{n}: skipped: {exc}", file=sys.stderr)
    return records


def gold_sets(path: Path | None, aside: int) -> list[tuple[str, list[dict], bool]]:
    """(label, records, errors may be listed) per gold set: the one file asked for, or every quotes_*.jsonl; the
    tuning sets split into their dev part and the every-``aside``-th article held back from error reading; the
    blind set is never listable."""
    paths = [path] if path else sorted(DATA.glob("quotes_*.jsonl"))
    out, blind_records, blind_sets = [], [], 0
    for p in paths:
        records = load_gold(p)
        blind = p.resolve() in {(DATA / name).resolve() for name in BLIND}
        if p.name in TUNING and aside > 1:
            out.append((f"{p.stem}:dev", [r for i, r in enumerate(records) if i % aside != aside - 1], True))
            out.append((f"{p.stem}:aside", [r for i, r in enumerate(records) if i % aside == aside - 1], False))
        out.append((p.stem, records, not blind and (p.name not in TUNING or aside <= 1)))
        if blind:
            blind_records += records
            blind_sets += 1
    if path is None and blind_sets > 1:
        out.append(("blind, all", blind_records, False))
    return out


_HEADER = (f"{'subset':22} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk_acc':>8} "
           f"{'attr_R':>7} {'pron':>10}")


def _row(name: str, s: dict) -> str:
    """One printed line of scores."""
    return (f"{name:22} {s['gold']:5d} {s['predicted']:5d} {s['matched']:5d} {s['precision']:6.3f} "
            f"{s['recall']:6.3f} {s['f1']:6.3f} {s['speaker_accuracy']:8.3f} {s['attributed_recall']:7.3f} "
            f"{s['pronoun_accuracy']:5.3f}/{s['pronoun']:<4d}")


def agreement(records: list[dict], second: list[dict]) -> dict:
    """The second annotation against the gold of the same articles (quote precision and recall, speaker agreement
    on the quotes both give), and the extractor's speaker accuracy on the quotes where the two annotations agree."""
    by_id = {r["id"]: r for r in records}
    c = Counter()
    for other in second:
        rec = by_id[other["id"]]
        gold, pred = rec["quotes"], predict(rec)
        pairs = match_article(gold, other["quotes"])
        found = dict(match_article(gold, pred))
        c["gold"] += len(gold)
        c["second"] += len(other["quotes"])
        c["both"] += len(pairs)
        for gi, si in pairs:
            a, b = gold[gi].get("speaker"), other["quotes"][si].get("speaker")
            if speakers_match(a, b) or speakers_match(b, a):
                c["agree"] += 1
                if gi in found:
                    c["extracted"] += 1
                    c["extractor_ok"] += speakers_match(a, pred[found[gi]]["speaker"])
    return {"articles": len(second), "precision": c["both"] / c["second"] if c["second"] else 0.0,
            "recall": c["both"] / c["gold"] if c["gold"] else 0.0, "quotes": c["both"],
            "speaker_agreement": c["agree"] / c["both"] if c["both"] else 0.0, "extracted": c["extracted"],
            "extractor_accuracy": c["extractor_ok"] / c["extracted"] if c["extracted"] else 0.0}


def main(argv: list[str] | None = None) -> int:
    """Print the scores per gold set (and, with --errors, every disagreement outside the set-aside slice)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=None, help="one gold JSONL (default: every quotes_*.jsonl)")
    parser.add_argument("--errors", action="store_true", help="list misses, false alarms and wrong speakers")
    parser.add_argument("--aside", type=int, default=ASIDE,
                        help=f"hold back every N-th article of {', '.join(TUNING)} from --errors (default {ASIDE}; 0: none)")
    args = parser.parse_args(argv)
    if args.gold is not None and not args.gold.exists():
        print(f"{args.gold}: gold file not found", file=sys.stderr)
        return 1
    print("targets: F1 >= 0.96, speaker accuracy >= 0.93; pron = speaker accuracy / count of quotes with a "
          "pronoun cue")
    for label, records, listable in gold_sets(args.gold, args.aside):
        t0 = time.perf_counter()
        result = evaluate(records, args.errors and listable, label=f"{label}/")
        elapsed = time.perf_counter() - t0
        print(f"\n== {label}: {len(records)} articles, evaluated in {elapsed:.2f}s")
        print(_HEADER)
        print(_row("all", result["all"]))
        for name, s in result["sources"].items():
            if s["gold"] or s["predicted"]:
                print(_row(f"  {name}", s))
        for name, t in result["types"].items():
            acc = t["speaker_ok"] / t["matched"] if t["matched"] else 0.0
            typed = t["typed_ok"] / t["matched"] if t["matched"] else 0.0
            print(f"  type {name:13} matched {t['matched']:4d}  speaker accuracy {acc:.3f}  type given {typed:.3f}")
        if result["categories"]:
            print("  speaker errors by category: " + ", ".join(
                f"{k} {result['categories'][k]}" for k in CATEGORIES if result["categories"][k]))
    if args.gold is None and (DATA / SECOND).exists():
        records = [r for p in sorted(DATA.glob("quotes_*.jsonl")) for r in load_gold(p)]
        a = agreement(records, load_gold(DATA / SECOND, with_text=False))
        print(f"\n== annotator agreement ({SECOND}, {a['articles']} articles): the second annotation against the gold "
              f"P {a['precision']:.3f} R {a['recall']:.3f}, speakers agree on {a['speaker_agreement']:.3f} of "
              f"{a['quotes']} quotes; the extractor's speaker accuracy on the {a['extracted']} of them it finds "
              f"{a['extractor_accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

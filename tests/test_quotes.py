"""Quote extraction: seeds golden file, textacy cases, and one parametrized table per construction."""
from __future__ import annotations

import json

import pytest

from lib.extract.quotes import extract_quotes
from lib.models import Article


def _quotes(text: str, kinds=("direct", "partial")):
    """(kind, speaker_id, cue, text) of the quotes of one text, reported speech left out unless asked."""
    return [(q.kind, q.speaker_id, q.cue, q.text) for q in extract_quotes(Article("t", text)) if q.kind in kinds]


def test_textacy_cases(shared_data):
    """The textacy direct-quotation cases: speaker, cue and content (marks stripped); negatives give none."""
    for line in (shared_data / "textacy_quote_cases" / "cases_dev.jsonl").open(encoding="utf-8"):
        case = json.loads(line)
        got = [(q[1], q[2], q[3]) for q in _quotes(case["text"])]
        want = [(" ".join(e["speaker"]), " ".join(e["cue"]), e["content"].strip('"“”')) for e in case["expected"]]
        assert got == want, case["case_id"]

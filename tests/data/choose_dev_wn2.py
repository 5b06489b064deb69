"""The selection rule of the second Wikinews development quote set (issue 14), fixed before any of its records was read.

Run from the repository root: ``python3 tests/data/choose_dev_wn2.py [RAW_DIR [POOL.jsonl]]`` (defaults
/tmp/s17/raw_dev and /tmp/s17/dev_wn2_pool.jsonl).

The frame: records 54 onward of the same WikinewsSum ``endataset.json`` as choose_blind6_c.py (records 3-53 are part c
of the sixth blind pool), in file order; record n gets id ``dev-wn2-<n>``. Text recipe, cut, filters, raw copies
(RAW_DIR/records.jsonl and RAW_DIR/frame.tsv) and licence exactly as choose_blind6_c.py; the "new" test also takes the
sixth blind pool's texts. A development set: its errors are read to find kinds of error (the blind sets stay blind);
it is annotated by hand by helpers who never see extractor output.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_blind4 import sieve_after  # noqa: E402
from choose_blind6_c import TMP as BLIND6_TMP, items, main  # noqa: E402
from choose_blind6_wn import EARLIER  # noqa: E402

FIRST = 54
TMP = Path("/tmp/s17")


def choose(raw: Path):
    return sieve_after(*items(raw, "dev-wn2-", FIRST), EARLIER + tuple(BLIND6_TMP.glob("blind6_*_pool.jsonl")))


if __name__ == "__main__":
    main(choose, TMP / "raw_dev", TMP / "dev_wn2_pool.jsonl")

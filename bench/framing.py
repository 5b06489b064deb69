"""Speed and memory of ``frame_story`` as a "story" grows (``--story all`` on a corpus), on real paragraphs.

Articles are recombined from real ECB+/AllSides paragraphs (bench.corpus.synthetic_articles), so many units
share vocabulary without carrying the same claim: the hard case for the alignment loop. Prints, per size,
units, seconds, peak memory of the process, and time per unit relative to the smallest size (a growth close
to 1.0 means linear in units). Baseline in the same run: the full unit-by-unit cosine matrix a naive
implementation would hold, in bytes.

    python bench/framing.py [--sizes 50 100 200 400]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import synthetic_articles  # noqa: E402
from lib.analyse.framing import frame_story  # noqa: E402


def main() -> None:
    """Time frame_story at each size and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200, 400])
    args = parser.parse_args()
    base = None
    for n in args.sizes:
        articles = pd.DataFrame(synthetic_articles(n, seed=1, n_outlets=20))
        t0 = time.perf_counter()
        framing = frame_story(articles, pd.DataFrame(), encoder="tfidf")
        seconds = time.perf_counter() - t0
        units = len(framing.cells)
        per_unit = seconds / max(units, 1)
        base = base or per_unit
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n:5d} articles {units:6d} units: {seconds:7.2f} s, peak RSS {peak_mb:7.0f} MB, "
              f"time/unit x{per_unit / base:4.2f} of the smallest; naive dense matrix would be "
              f"{units * units * 8 / 2**20:8.0f} MB; points {len(framing.points)}, "
              f"shared {int((framing.points['n_outlets'] > 1).sum())}")


if __name__ == "__main__":
    main()

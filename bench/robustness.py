"""Cost growth on the article shapes that used to grow faster than the text: each shape is extracted at a base size
and at 4x that size, and the time ratio is printed (linear work gives ~4x; the target is under 5x).

Shapes: many dates in one paragraph (the dates recogniser's overlap check), a long single article of real news
paragraphs (0.2 MB and 0.8 MB), many distinct speakers (the speaker full-name lookup), and one paragraph of
unmatched straight quotes or of right-to-left text with quotes (the sentence-tail search), and one paragraph with no
sentence end of quotes in single marks (the text read after each quote).

    python -m bench.robustness            # base sizes as in the issue
    python -m bench.robustness --scale 0.25  # quicker

Each size runs in this process and is timed in CPU seconds (time.process_time: on a shared machine wall time
measures the neighbours), best of --repeat runs; an exception on a shape is printed, not raised, so every shape is
reported.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GROWTH = 4
TARGET_RATIO = 5.0
FIRST = ("Anna", "Boris", "Chen", "Dara", "Emil", "Fatima", "Goran", "Hana", "Ivan", "Jana", "Kofi", "Lena", "Marek",
         "Nadia", "Omar", "Petra", "Quentin", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei", "Xenia", "Yusuf", "Zofia")
LAST = ("Abara", "Bianchi", "Castell", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Urbina",
        "Vasquez", "Weber", "Xu", "Yilmaz", "Zeller")
ROLES = ("the minister", "a spokesman", "the senator", "an analyst", "the governor")
DATES = ("May 3, 2019", "12 June 2018", "last Friday", "in 1998", "since March", "two years ago", "2020-01-02",
         "May 3 to June 5, 2019", "next spring", "the 1990s")


def many_dates(chars: int) -> str:
    """One paragraph that is mostly dates of every form."""
    unit = " and ".join(DATES) + ", officials said; "
    return "WASHINGTON (Reuters) - " + unit * (chars // len(unit) + 1)


def long_article(chars: int) -> str:
    """Real news paragraphs (ECB+/AllSides via bench.corpus) up to ``chars``, else a generated stand-in."""
    try:
        from bench.corpus import real_paragraphs

        paragraphs = real_paragraphs()
    except Exception:  # the public samples are absent: generated sentences with quotes, names and dates
        paragraphs = tuple(f'"We will meet again {d}," {f} {l} said on {d}, adding that talks would resume.'
                           for d, f, l in zip(itertools.cycle(DATES), itertools.cycle(FIRST), LAST * 40))
    out, size = [], 0
    for p in itertools.cycle(paragraphs):
        out.append(p)
        size += len(p) + 2
        if size >= chars:
            break
    return "WASHINGTON (Reuters) - " + "\n\n".join(out)


def many_speakers(chars: int) -> str:
    """One quote per paragraph, each by a different named person, later referred to by surname."""
    out, size = [], 0
    for i, (first, last) in enumerate(itertools.product(FIRST, LAST)):
        suffix = "" if i < len(FIRST) * len(LAST) else str(i)
        p = (f'"The plan number {i} will work," said {first} {last}{suffix}, {ROLES[i % len(ROLES)]}. '
             f'{last}{suffix} added that "it is only a start."')
        out.append(p)
        size += len(p) + 2
        if size >= chars:
            break
    while size < chars:  # beyond 676 name pairs: numbered surnames keep every speaker distinct
        i = len(out)
        p = f'"The plan number {i} will work," said Anna Name{i}, the minister. Name{i} added that "it is a start."'
        out.append(p)
        size += len(p) + 2
    return "WASHINGTON (Reuters) - " + "\n\n".join(out)


def unmatched_quotes(chars: int) -> str:
    """One paragraph of sentences that open a straight quote and never close it."""
    unit = 'The minister said "the talks will resume soon and the plan is fine. '
    return "WASHINGTON (Reuters) - " + unit * (chars // len(unit) + 1)


def single_marks(chars: int) -> str:
    """One paragraph with no sentence end of quotes in single marks among apostrophes (the British convention)."""
    unit = "the union’s ‘talks will resume soon and the players’ money is safe’ said the chair "
    return "LONDON (PA) - " + unit * (chars // len(unit) + 1)


def rtl_quotes(chars: int) -> str:
    """One paragraph of right-to-left text (Hebrew, Arabic) with quotes of several marks."""
    unit = 'אמר השר "השיחות יתחדשו בקרוב" ואמר «הכל בסדר». قال الوزير "ستستأنف المحادثات قريبا" وأضاف '
    return "JERUSALEM (Reuters) - " + unit * (chars // len(unit) + 1)


# (shape, text builder, base size in characters)
SHAPES = (
    ("many dates in one paragraph", many_dates, 50_000),
    ("long single article", long_article, 200_000),
    ("many distinct speakers", many_speakers, 50_000),
    ("unmatched straight quotes", unmatched_quotes, 50_000),
    ("RTL text with quotes", rtl_quotes, 50_000),
    ("single marks, no sentence end", single_marks, 50_000),
)


def extract_seconds(text: str, repeat: int) -> tuple[float, str]:
    """Best CPU time of extracting one article with this text (quotes and dated references), and any error."""
    from lib.extract import extract_article
    from lib.ingest.text import parse_text

    article, _ = parse_text(text, "bench.txt")
    article = article.__class__(**{**article.__dict__, "published": dt.date(2020, 9, 30)})
    best, error = float("inf"), ""
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        try:
            extract_article(article)
        except Exception as exc:  # reported: the other shapes still run
            error = f"{type(exc).__name__}: {exc}"
        best = min(best, time.process_time() - start)
    return best, error


def main() -> None:
    """Time each shape at its base size and at GROWTH times it; print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size (default 1)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per size, best kept (default 2)")
    args = parser.parse_args()
    print(f"each shape at its base size and at {GROWTH}x; linear work gives ~{GROWTH}x, target < {TARGET_RATIO}x")
    print(f"{'shape':30} {'base chars':>10} {'base CPU s':>10} {'4x CPU s':>9} {'ratio':>6}  verdict")
    for name, build, base in SHAPES:
        size = int(base * args.scale)
        small, err_small = extract_seconds(build(size), args.repeat)
        large, err_large = extract_seconds(build(size * GROWTH), args.repeat)
        ratio = large / max(small, 1e-9)
        verdict = "met" if ratio < TARGET_RATIO else "NOT met"
        errors = "; ".join(e for e in (err_small, err_large) if e)
        print(f"{name:30} {size:10,} {small:10.2f} {large:9.2f} {ratio:5.1f}x  {verdict}"
              + (f"  (raised {errors[:120]})" if errors else ""))


if __name__ == "__main__":
    main()

"""`python -m lib framing`: how each outlet of one story framed it: points, wording, additions, omissions, terms."""
from __future__ import annotations

import sys
from collections import Counter
from typing import TYPE_CHECKING, Callable

from lib.cli import add_db_argument, add_format_argument, open_stored_corpus, print_frame, write_jsonl

if TYPE_CHECKING:
    import pandas as pd

EXAMPLES = """  python -m lib framing --db corpus.duckdb --story all
  python -m lib framing --db corpus.duckdb --story ARTICLE_ID          # the story this article belongs to
  python -m lib framing --db corpus.duckdb --story STORY_ID --format jsonl > framing.jsonl
"""


def configure(parser) -> None:
    """Options: corpus, story (story id, article id or "all"), output format and encoder."""
    from lib.analyse.similarity import ENCODER_NAMES

    add_db_argument(parser)
    parser.add_argument("--story", required=True,
                        help='a story id (see `python -m lib stories`), an article id (its story), or "all"')
    parser.add_argument("--encoder", choices=ENCODER_NAMES, default="auto",
                        help="unit encoder (auto: sentence embeddings when installed, else TF-IDF)")
    add_format_argument(parser)


def select_story(articles: pd.DataFrame, story: str, assignment: Callable[[], pd.DataFrame]) -> tuple[pd.DataFrame, str]:
    """The articles of a story given by story id, article id or "all"; and a one-line description. ``assignment``
    loads the corpus's story assignment (asked only for a story that is not assigned by hand)."""
    if story == "all":
        return articles, f"all {len(articles)} stored articles"
    hand = articles["story"].astype("string") if "story" in articles.columns else None
    if hand is not None and (hand == story).any():
        return articles[hand == story], f"story {story} (assigned by hand)"
    groups = assignment()
    story_of = dict(zip(groups["article_id"], groups["story_id"]))
    if story in story_of:
        sid = story_of[story]
        how = f"story {sid} (of article {story})"
    else:
        sid, how = story, f"story {story}"
    ids = {a for a, s in story_of.items() if s == sid}
    return articles[articles["id"].isin(ids)], how


def run(args) -> int:
    """Load the story's articles and quotes, frame it, and print the result."""
    from lib.analyse.framing import frame_story
    from lib.analyse.stored import corpus_quotes, stored_analysis
    from lib.analyse.terms import count_terms
    from lib.store import load_articles

    con = open_stored_corpus(args.db)
    if con is None:
        return 2
    try:  # the quotes and stories the dashboard shows: speakers canonicalised, stories as stored by `ingest`
        articles, quotes = load_articles(con), corpus_quotes(con)
        chosen, how = select_story(articles, args.story, lambda: stored_analysis(con, "assignment"))
    finally:
        con.close()
    if chosen.empty:
        print(f"no story or article {args.story!r} in the corpus (list them with `python -m lib stories`)",
              file=sys.stderr)
        return 2
    background = None
    if len(chosen) < len(articles):  # the rest of the corpus is the prior of the distinctive vocabulary
        background = Counter()
        for text in articles["text"]:
            background.update(count_terms(text))
    try:
        framing = frame_story(chosen, quotes[quotes["article_id"].isin(set(chosen["id"]))], encoder=args.encoder,
                              background=background)
    except ValueError as err:  # an encoder that is not installed
        print(f"framing: {err}", file=sys.stderr)
        return 2
    if args.format == "jsonl":
        write_framing_jsonl(framing, sys.stdout)
    else:
        write_tables(framing, how, sys.stdout)
    return 0


def write_framing_jsonl(framing, out) -> None:
    """JSON lines: each point with its cells and omitting outlets, then additions, voices, leads and terms."""
    import pandas as pd

    omitted = framing.omissions.groupby("point_id")["outlet"].apply(list).to_dict()
    cells = {p: g.drop(columns="point_id") for p, g in framing.cells.groupby("point_id")}
    records = [{"type": "point", **point, "omitted_by": omitted.get(point["point_id"], []),
                "cells": cells.get(point["point_id"], pd.DataFrame()).to_dict(orient="records")}
               for point in framing.points.to_dict(orient="records")]
    for kind, frame in (("addition", framing.additions), ("voice", framing.voices), ("lead", framing.leads),
                        ("term", framing.terms)):
        records.extend({"type": kind, **rec} for rec in frame.to_dict(orient="records"))
    write_jsonl(records, out)


def write_tables(framing, how: str, out) -> None:
    """Readable text tables: points with each outlet's wording, then additions, omissions, voices, leads, terms."""
    import pandas as pd

    out.write(f"# Framing of {how} (encoder: {framing.encoder})\n\n## Points (proposals first)\n")
    omitted = framing.omissions.groupby("point_id")["outlet"].apply(", ".join).to_dict()
    for point in framing.points.itertuples():
        flag = "PROPOSAL " if point.is_proposal else ""
        out.write(f"\n[{point.point_id}] {flag}{point.label}\n")
        if point.point_id in omitted:
            out.write(f"    omitted by: {omitted[point.point_id]}\n")
        for cell in framing.cells[framing.cells["point_id"] == point.point_id].itertuples():
            who = f", {cell.speaker}" if isinstance(cell.speaker, str) else ""
            cue = f" ({cell.cue})" if isinstance(cell.cue, str) else ""
            sim = "" if pd.isna(cell.similarity) else f" sim {cell.similarity:.2f}"
            out.write(f"    {cell.outlet} [{cell.mode}{who}{cue}{sim}] {cell.start}-{cell.end}: "
                      f"{' '.join(cell.unit_text.split())}\n")
    for title, frame in (("Additions (units no other outlet carries)", framing.additions),
                         ("Voices (quoted words per speaker)", framing.voices),
                         ("Leads", framing.leads), ("Distinctive terms (log-odds, Monroe et al. 2008)", framing.terms)):
        out.write(f"\n## {title}\n")
        print_frame(frame, "table", out)

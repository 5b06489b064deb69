"""Shared quotes: verbatim, cut short and altered renderings of real quotes, grouped and diffed; seeds share none."""
from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import LCSseq

from lib.analyse.overlap import (GROUP_COLUMNS, MATRIX_COLUMNS, NEAR_RATIO, RENDERING_COLUMNS, classify_pair,
                                 diff_words, display_tokens,
                                 outlet_quote_matrix, overlap_summary, quote_groups, shared_quotes,
                                 speakers_compatible, tokenise_quote)
from lib.models import QUOTE_COLUMNS, Quote
from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "overlap_seeds_summary.txt"


def quotes_frame(*rows: tuple[Quote, str, str]) -> pd.DataFrame:
    """A frame as lib.store.load_quotes returns it: Quote columns plus outlet and published."""
    out = pd.DataFrame([{**dataclasses.asdict(q), "outlet": o, "published": p} for q, o, p in rows])
    out["published"] = pd.to_datetime(out["published"], format="mixed")
    return out[list(QUOTE_COLUMNS) + ["outlet", "published"]]


def quote_in(article_id: str, text: str, quote: str, speaker: str | None = "Reid") -> Quote:
    """A direct Quote whose offsets point at ``quote`` inside ``text``."""
    start = text.index(quote)
    return Quote(article_id, quote, start, start + len(quote), "direct", speaker=speaker, speaker_id=speaker)


@pytest.fixture
def real_quote(shared_data):
    """(article text, quote) from ECB+: a quote of 12+ words inside one paragraph."""
    from bench.corpus import ecbplus_articles

    for doc in ecbplus_articles():
        for m in re.finditer(r'"([^"\n]{40,400})"', doc["text"]):
            if len(m.group(1).split()) >= 12:
                return doc["text"], m.group(1).strip(" ,.")
    pytest.skip("no long quote in ECB+")


def test_verbatim_copy_grouped_with_earliest(real_quote):
    """The same quote in two outlets (case and marks differ): one group, the earlier outlet is the earliest."""
    text, q = real_quote
    later = text.replace(q, q.upper())
    rows = quotes_frame((quote_in("b", later, q.upper()), "Daily Paper", "2009-01-11"),
                        (quote_in("a", text, q), "Wire", "2009-01-10"))
    r = shared_quotes(rows)
    assert list(r.columns) == list(RENDERING_COLUMNS)
    earliest = r[r["role"] == "earliest"].iloc[0]
    assert (earliest["article_id"], earliest["outlet"]) == ("a", "Wire")
    later_row = r[r["role"] == "later"].iloc[0]
    assert later_row["relation"] == "verbatim" and later_row["similarity"] == 100.0
    assert later_row["added"] == [] and later_row["dropped"] == [] and not later_row["truncated"]
    assert later[later_row["start"]:later_row["end"]] == later_row["text"]
    assert overlap_summary(quote_groups(r), r, rows) == "1 quote is shared by 2 outlets; none was altered."


def test_quote_altered_by_one_word(real_quote):
    """One word changed: a near match, with exactly that replacement in the diff."""
    text, q = real_quote
    words = q.split(" ")
    i = max(range(len(words)), key=lambda k: len(words[k].strip(",.;")))  # the longest word
    old = words[i].strip(",.;")
    altered_q = " ".join(words[:i] + [words[i].replace(old, "extraordinary")] + words[i + 1:])
    later = text.replace(q, altered_q)
    rows = quotes_frame((quote_in("a", text, q), "Wire", "2009-01-10"),
                        (quote_in("b", later, altered_q), "Daily Paper", "2009-01-11"))
    r = shared_quotes(rows).set_index("role")
    assert r.at["later", "relation"] == "near"
    assert r.at["later", "replaced"] == [[old, "extraordinary"]]
    assert r.at["later", "added"] == [] and r.at["later", "dropped"] == [] and not r.at["later", "truncated"]
    assert 85 <= r.at["later", "similarity"] < 100
    groups = quote_groups(shared_quotes(rows))
    assert list(groups.columns) == list(GROUP_COLUMNS) and groups["altered"].tolist() == [True]
    assert overlap_summary(groups, shared_quotes(rows), rows) == "1 quote is shared by 2 outlets; 1 was altered."


@pytest.mark.parametrize("earliest, later", [
    ("Leaving Aug. 31 is not due to an arbitrary deadline, and prices rose 10% this year",
     "Leaving August the 31st is not due to an arbitrary deadline, and prices rose 10 per cent this year"),
    ("We will hold the vote on the 3rd of March and not a day later",
     "We will hold the vote on March 3 and not a day later"),
])
def test_house_style_is_no_alteration(earliest, later):
    """A quote carried in another outlet's style for dates and shares is the same quote, not an altered one."""
    rows = quotes_frame((quote_in("a", earliest, earliest), "Wire", "2021-08-31"),
                        (quote_in("b", later, later), "Daily Paper", "2021-09-01"))
    r = shared_quotes(rows).set_index("role")
    assert r.at["later", "relation"] == "verbatim" and r.at["later", "replaced"] == []
    assert quote_groups(shared_quotes(rows))["altered"].tolist() == [False]
    shown = " ".join(op["new"] for op in r.at["later", "diff"] if op["new"])
    assert shown == " ".join(display_tokens(later))  # the page shows each outlet's own wording, not the one form


def cut_short(text: str, q: str) -> tuple[str, str]:
    """(the quote's first two thirds, the text carrying it instead of the whole quote)."""
    words = q.split(" ")
    cut = " ".join(words[: len(words) * 2 // 3]).rstrip(",;")
    return cut, text.replace(q, cut)


def test_quote_cut_short(real_quote):
    """A later outlet stops mid-quote: contained, truncated, with the dropped words."""
    text, q = real_quote
    cut, later = cut_short(text, q)
    rows = quotes_frame((quote_in("a", text, q), "Wire", "2009-01-10"),
                        (quote_in("b", later, cut), "Daily Paper", "2009-01-11"))
    r = shared_quotes(rows).set_index("role")
    assert r.at["later", "relation"] == "contained" and r.at["later", "truncated"]
    assert r.at["later", "dropped"] == [" ".join(tokenise_quote(q)[len(tokenise_quote(cut)):])]
    assert r.at["earliest", "text"] == q


def test_tied_carriers_read_against_the_fullest_rendering(real_quote):
    """Two outlets carry a quote on one day (no time of day), one cut short: neither is known to be first, so the
    cut one reads against the full one (words dropped), not the full one as adding to whichever id sorts first; and
    a same-day cut alters nothing, while a later outlet's cut does."""
    text, q = real_quote
    cut, short = cut_short(text, q)
    rows = quotes_frame((quote_in("a", short, cut), "Short Daily", "2009-01-10"),
                        (quote_in("b", text, q), "Full Wire", "2009-01-10"))
    r = shared_quotes(rows).set_index("article_id")
    assert r.at["b", "relation"] == "verbatim" and r.at["b", "added"] == []
    assert r.at["a", "relation"] == "contained" and r.at["a", "dropped"]
    assert set(r["role"]) == {"earliest"} and quote_groups(shared_quotes(rows))["altered"].tolist() == [False]
    later = quotes_frame((quote_in("b", text, q), "Full Wire", "2009-01-10"),
                         (quote_in("a", short, cut), "Short Daily", "2009-01-11"))
    assert quote_groups(shared_quotes(later))["altered"].tolist() == [True]


def test_earliest_is_earliest_published_then_id(real_quote):
    """Same-day carriers (day precision) are all earliest, a tie, named by the smaller article id; an undated
    rendering is never the earliest."""
    text, q = real_quote
    rows = quotes_frame((quote_in("z", text, q), "Z", "2009-01-10"), (quote_in("m", text, q), "M", "2009-01-10"),
                        (quote_in("a", text, q), "A", None))
    r = shared_quotes(rows)
    assert r.loc[r["role"] == "earliest", "article_id"].tolist() == ["m", "z"]
    groups = quote_groups(r)
    assert groups["n_carriers"].tolist() == [3]
    assert groups["earliest_outlet"].tolist() == ["M"] and groups["earliest_tie"].tolist() == [True]


@pytest.mark.parametrize("a_time, b_time, tie", [
    ("2009-01-10", "2009-01-10 15:00", True),  # a day without a clock time cannot be ordered within the day
    ("2009-01-10 09:00", "2009-01-10 15:00", False),  # both clock times: 09:00 is earlier
    ("2009-01-10", "2009-01-11", False),
])
def test_same_day_tie_in_quote_groups(real_quote, a_time, b_time, tie):
    text, q = real_quote
    r = shared_quotes(quotes_frame((quote_in("a", text, q), "A", a_time), (quote_in("b", text, q), "B", b_time)))
    assert (r.loc[r["role"] == "earliest", "article_id"].tolist() == ["a", "b"]) is tie
    assert quote_groups(r)["earliest_tie"].tolist() == [tie]


# Issue 15: two outlets' long renderings differed by a word ("to try to keep" vs "to try and keep") while each
# contained a third outlet's earlier short fragment, and the group said "none was altered".
FRAGMENT = "keep the economy moving"
LONG_A = "We have got to try to keep the economy moving through the winter"
LONG_B = "We have got to try and keep the economy moving through the winter"


def test_renderings_that_differ_from_each_other_are_altered():
    text = f'The minister said: "{FRAGMENT}." Later: "{LONG_A}." Elsewhere: "{LONG_B}."'
    rows = quotes_frame((quote_in("f", text, FRAGMENT, "Jones"), "Fragment Daily", "2020-03-01"),
                        (quote_in("a", text, LONG_A, "Jones"), "Outlet A", "2020-03-02"),
                        (quote_in("b", text, LONG_B, "Jones"), "Outlet B", "2020-03-03"))
    r = shared_quotes(rows)
    assert r["group_id"].nunique() == 1 and len(r) == 3
    groups = quote_groups(r)
    assert groups["altered"].tolist() == [True]
    assert overlap_summary(groups, r, rows).endswith("1 was altered.")
    by_id = r.set_index("article_id")
    # each long rendering names the other and the word that changed between them
    (va,), (vb,) = by_id.at["a", "variants"], by_id.at["b", "variants"]
    assert va["article_id"] == "b" and vb["article_id"] == "a"
    assert [(o["old"], o["new"]) for o in va["diff"] if o["op"] != "equal"] == [("to", "and")]
    assert [(o["old"], o["new"]) for o in vb["diff"] if o["op"] != "equal"] == [("and", "to")]
    assert by_id.at["f", "variants"] == []  # the fragment agrees with both where it overlaps them


@pytest.mark.parametrize("a, b, changed", [
    ("to try to keep the economy moving", "to try and keep the economy moving", [("to", "and")]),
    ("it was a mess for everyone in the room", "it was a disaster for everyone in the room", [("mess", "disaster")]),
    ("the talks were a mess", "the talks were a disaster", [("mess", "disaster")]),  # a changed last word
    ("we will keep the economy moving", "keep the economy moving through the winter", None),  # quoted more, not less
    ("keep the economy moving", "keep the economy moving", None),
    ("completely different words here", "nothing in common at all", None),  # no overlap
])
def test_overlap_changes(a, b, changed):
    from lib.analyse.overlap import overlap_changes

    ops = overlap_changes(a.split(), b.split())
    assert (None if ops is None else [(o["old"], o["new"]) for o in ops if o["op"] != "equal"]) == changed


@pytest.mark.parametrize("a, b, expected", [
    ("We will never surrender to terrorists", "we will never surrender to terrorists", "verbatim"),
    ("We will never surrender to terrorists, and we will win", "We will never surrender to terrorists", "contained"),
    ("We will never surrender to terrorists, and we will win", "We will never give in to terrorists, and we will win",
     "near"),
    ("The agreement must be signed by all parties before the end of the year, and then ratified",
     "The agreement must be signed by all parties before the end of the year and ratified", "near"),
    ("We will never surrender to terrorists", "The economy grew by three percent last year", None),
    ("It is a very good day", "It is a very bad day for all of us here in the city", None),
])
def test_classify_pair(a, b, expected):
    """Verbatim after normalisation, containment, near matches (word changed, clause dropped), negatives."""
    ka = [w.casefold() for w in tokenise_quote(a)]
    kb = [w.casefold() for w in tokenise_quote(b)]
    assert classify_pair(ka, kb)[0] == expected


@pytest.mark.parametrize("a, b, expected", [
    ("Vladimir Putin", "Vladimir Putin", True),
    ("Putin", "Vladimir Putin", True),
    (None, "Izumi Nakamitsu", True),
    ("Vladimir Putin", "Izumi Nakamitsu", False),
    ("Joe Biden", "Hunter Biden", True),  # surname-compatible: the diff, not the match, must tell them apart
    ("Angela Merkel", "Emmanuel Macron", False),
])
def test_speakers_compatible(a, b, expected):
    """Same, unknown, or surname-compatible speakers may share a quote; different people may not."""
    assert speakers_compatible(a, b) is expected


def test_incompatible_speakers_are_not_grouped(real_quote):
    """The same words attributed to two different people are two quotes, not one shared quote."""
    text, q = real_quote
    rows = quotes_frame((quote_in("a", text, q, "Angela Merkel"), "A", "2009-01-10"),
                        (quote_in("b", text, q, "Emmanuel Macron"), "B", "2009-01-11"))
    assert shared_quotes(rows).empty


def test_one_article_repeating_itself_is_not_shared(real_quote):
    """A quote repeated inside one article is not shared across articles."""
    text, q = real_quote
    doubled = text + "\n\n" + q
    first = quote_in("a", doubled, q)
    second = Quote("a", q, doubled.rindex(q), doubled.rindex(q) + len(q), "direct", speaker_id="Reid")
    assert shared_quotes(quotes_frame((first, "A", "2009-01-10"), (second, "A", "2009-01-10"))).empty


def test_reported_speech_is_not_a_quote(real_quote):
    """Paraphrase (kind=reported) does not take part in quote matching."""
    text, q = real_quote
    a, b = quote_in("a", text, q), quote_in("b", text, q)
    rows = quotes_frame((dataclasses.replace(a, kind="reported"), "A", "2009-01-10"),
                        (dataclasses.replace(b, kind="reported"), "B", "2009-01-11"))
    assert shared_quotes(rows).empty


def test_outlet_matrix(real_quote):
    """Shared counts per ordered outlet pair and the share of each outlet's quoted words found in the other."""
    text, q = real_quote
    words = q.split(" ")
    cut = " ".join(words[: len(words) // 2])
    extra = "This is a different statement that nobody else carried at all"
    rows = quotes_frame((quote_in("a", text, q), "Wire", "2009-01-10"),
                        (quote_in("b", text.replace(q, cut), cut), "Paper", "2009-01-11"),
                        (quote_in("c", extra, extra), "Paper", "2009-01-11"))
    m = outlet_quote_matrix(shared_quotes(rows), rows).set_index(["outlet_a", "outlet_b"])
    assert list(m.reset_index().columns) == list(MATRIX_COLUMNS)
    n_q, n_cut, n_extra = (len(tokenise_quote(x)) for x in (q, cut, extra))
    assert m.at[("Wire", "Paper"), "shared_quotes"] == 1
    assert m.at[("Wire", "Paper"), "share_of_a_words_in_b"] == pytest.approx(n_cut / n_q, abs=1e-3)
    assert m.at[("Paper", "Wire"), "share_of_a_words_in_b"] == pytest.approx(n_cut / (n_cut + n_extra), abs=1e-3)


def test_grouped_outlet_matrix_has_its_diagonal(real_quote):
    """Grouped by type, two outlets of one group sharing a quote are the group's diagonal; a third group shares it with
    both directions of the group; one outlet repeating a quote in two articles shares nothing with itself."""
    from lib.analyse.groups import regroup

    text, q = real_quote
    rows = quotes_frame((quote_in("a", text, q), "Wire", "2009-01-10"), (quote_in("b", text, q), "Paper", "2009-01-11"),
                        (quote_in("c", text, q), "Blog", "2009-01-12"), (quote_in("d", text, q), "Blog", "2009-01-13"))
    sides = {"Wire": "private", "Paper": "private", "Blog": "independent"}
    r = shared_quotes(rows)
    m = outlet_quote_matrix(regroup(r.assign(member=r["outlet"]), sides), regroup(rows, sides))
    m = m.set_index(["outlet_a", "outlet_b"])["shared_quotes"]
    assert m[("private", "private")] == 1 and m[("private", "independent")] == 1
    assert ("independent", "independent") not in m.index  # one outlet (Blog) twice: no sharing within the group
    assert outlet_quote_matrix(r, rows).set_index(["outlet_a", "outlet_b"]).index.isin([("Blog", "Blog")]).sum() == 0


@pytest.mark.parametrize("n_articles, has_quotes, expected", [
    (2, True, "These 2 articles share no quote, word for word or altered."),
    (5, True, "These 5 articles share no quote, word for word or altered."),
    (3, False, "No quotes were found in these 3 articles, so none can be shared."),
])
def test_summary_when_nothing_is_shared(real_quote, n_articles, has_quotes, expected):
    """Nothing shared is said in one plain sentence, not an empty chart."""
    text, q = real_quote
    rows = quotes_frame((quote_in("a", text, q), "A", "2009-01-10")) if has_quotes else \
        quotes_frame((quote_in("a", text, q), "A", "2009-01-10")).iloc[:0]
    renderings = shared_quotes(rows)
    assert overlap_summary(quote_groups(renderings), renderings, rows, n_articles=n_articles) == expected


def test_summary_counts_named_outlets_and_the_quotes_no_two_outlets_share():
    """Named outlets are counted as everywhere; a quote only one outlet's articles carry, or only articles naming no
    outlet, is no sharing between outlets, and the sentence says how many are (the screenshot pass: "61 quotes are
    shared by 20 outlets" where 46 were carried only by articles naming no outlet)."""
    quotes = ["We will not reopen the plant until every safety check has been done twice by outside engineers",
              "The harbour must stay open to every ship that pays its fees, whatever flag it flies",
              "Nobody in this town voted for a bridge that costs three times what the school needs"]
    rows = []
    for n, (quote, carriers) in enumerate(zip(quotes, (("Wire", "Daily"), ("Wire", "Wire"), (None, None)))):
        for k, outlet in enumerate(carriers):
            text = f'Officials met on Monday. "{quote}," the mayor said.'
            rows.append((quote_in(f"a{n}{k}", text, quote), outlet, f"2009-01-1{k}"))
    r = shared_quotes(quotes_frame(*rows))
    assert overlap_summary(quote_groups(r), r, quotes_frame(*rows)) == (
        "3 quotes are shared by 2 outlets and 2 articles naming no outlet (1 of these quotes by two or more outlets, "
        "the others only within one outlet or among articles naming none); none was altered.")


def test_seeds_share_no_quote_golden():
    """Seeds (TASS quoting Putin, UrduPoint quoting Nakamitsu): no shared quote, said plainly (golden file)."""
    from lib.pipeline import ingest_paths
    from lib.store import connect, load_quotes

    con = connect(":memory:")
    ingest_paths(con, [str(SEEDS)])
    quotes = load_quotes(con)
    assert quotes["outlet"].nunique() == 2 and (quotes["kind"] == "direct").any()
    renderings = shared_quotes(quotes)
    assert renderings.empty and quote_groups(renderings).empty
    assert outlet_quote_matrix(renderings, quotes).empty
    summary = overlap_summary(quote_groups(renderings), renderings, quotes,
                              n_articles=con.execute("SELECT count(*) FROM articles").fetchone()[0])
    assert summary + "\n" == GOLDEN.read_text(encoding="utf-8")


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=6), min_size=1, max_size=15),
       st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=6), min_size=0, max_size=15))
def test_diff_rebuilds_the_rendering(earliest, rendering):
    """Invariant: the diff's ops replay the earliest into the rendering, word for word."""
    d = diff_words(earliest, rendering)
    rebuilt = " ".join(op["new"] for op in d["diff"] if op["new"])
    assert rebuilt.split() == [w for w in rendering]
    assert " ".join(op["old"] for op in d["diff"] if op["old"]).split() == earliest


def run_cli(*args: str):
    """`python -m lib ARGS` as a user runs it; returns the completed process."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "lib", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_cli_overlap_on_seeds_says_so_plainly(tmp_path):
    """`python -m lib overlap` on the seeds prints the plain sentence, not an empty table."""
    from lib.pipeline import ingest_paths
    from lib.store import connect

    db = tmp_path / "seeds.duckdb"
    con = connect(db)
    ingest_paths(con, [str(SEEDS)])
    con.close()
    done = run_cli("overlap", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert done.stdout == GOLDEN.read_text(encoding="utf-8")
    jsonl = run_cli("overlap", "--db", str(db), "--format", "jsonl")
    assert jsonl.stdout == "" and jsonl.stderr.strip() == GOLDEN.read_text(encoding="utf-8").strip()


def test_cli_overlap_groups_as_jsonl(tmp_path, real_quote):
    """JSONL output: one group per line with its renderings and their diffs."""
    import datetime as dt
    import json

    from lib.models import Article
    from lib.store import connect, store_file

    text, q = real_quote
    cut = " ".join(q.split(" ")[: len(q.split(" ")) * 2 // 3]).rstrip(",;")
    later = text.replace(q, cut)
    con = connect(tmp_path / "c.duckdb")
    a = Article(id="a", text=text, outlet="Wire", published=dt.date(2009, 1, 10))
    b = Article(id="b", text=later, outlet="Paper", published=dt.date(2009, 1, 11))
    store_file(con, "a.txt", [a], [quote_in("a", text, q)])
    store_file(con, "b.txt", [b], [quote_in("b", later, cut)])
    con.close()
    done = run_cli("overlap", "--db", str(tmp_path / "c.duckdb"), "--format", "jsonl")
    groups = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(groups) == 1 and groups[0]["earliest_outlet"] == "Wire" and groups[0]["altered"] is True
    later_row = next(r for r in groups[0]["renderings"] if r["role"] == "later")
    assert later_row["relation"] == "contained" and later_row["truncated"] is True
    table = run_cli("overlap", "--db", str(tmp_path / "c.duckdb"))
    assert table.stdout.splitlines()[0] == "1 quote is shared by 2 outlets; 1 was altered."
    assert "cut short" in table.stdout


def test_cli_missing_corpus_is_one_line(tmp_path):
    """A corpus file that does not exist: exit code 2 and one line naming it."""
    done = run_cli("overlap", "--db", str(tmp_path / "nope.duckdb"))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "nope.duckdb" in done.stderr


@pytest.mark.parametrize("text", ["No comment", "Yes.", "—", "We will see"])
def test_short_identical_quotes_are_not_shared(text):
    """Fewer than four words in common is no evidence of a shared quote, even verbatim."""
    rows = quotes_frame((Quote("a", text, 0, len(text), "direct"), "A", "2020-01-01"),
                        (Quote("b", text, 0, len(text), "direct"), "B", "2020-01-02"))
    assert shared_quotes(rows).empty


@pytest.mark.parametrize("text, expected", [
    ("She ’ s in rehab right now.", ["She's", "in", "rehab", "right", "now"]),
    ("“We don 't know,” he said", ["We", "don't", "know", "he", "said"]),
    ("It's the students' day — “ours”", ["It's", "the", "students", "day", "ours"]),
    ("", []),
    # A date or a share is one word as written (its key is one form, see test_house_style_keys); a lowercase "may"
    # and a year stay words of their own; a number keeps its separators.
    ("leaving August the 31st, is", ["leaving", "August the 31st", "is"]),
    ("on the 5th of May we", ["on", "the 5th of May", "we"]),
    ("it may 5 times in March 2021", ["it", "may", "5", "times", "in", "March", "2021"]),
    ("up 10% or 10 per cent", ["up", "10%", "or", "10 per cent"]),
    ("at 6:41pm, 1,000 people", ["at", "6:41pm", "1,000", "people"]),
])
def test_tokenise_quote(text, expected):
    """Quote marks, dashes and punctuation go; apostrophes split off by tokenised sources are glued back."""
    assert tokenise_quote(text) == expected


@pytest.mark.parametrize("a, b", [("Aug. 31", "August the 31st"), ("31 August", "the 31st of August"),
                                  ("Sept. 3", "September 3rd"), ("10%", "10 per cent"), ("2.5 percent", "2.5%")])
def test_house_style_keys(a, b):
    """Two house styles of one date or share compare as one word."""
    from lib.analyse.overlap import _key

    (wa,), (wb,) = tokenise_quote(a), tokenise_quote(b)
    assert _key(wa) == _key(wb)


# ---------------------------------------------------------------- groups are renderings of one utterance

FIRST = "We will rebuild every school that the storm destroyed before the winter comes"
SECOND = "Nobody in this city will be left without a roof over their head tonight"
LONG = f"{FIRST}. {SECOND}"


def grouped(*rows: tuple[str, str, str, str | None]) -> pd.DataFrame:
    """shared_quotes over (article id, date, quote text, speaker) rows, one article per row."""
    return shared_quotes(quotes_frame(*((quote_in(a, t, t, sp), f"Outlet {a}", d) for a, d, t, sp in rows)))


def assert_each_rendering_of_the_earliest(r: pd.DataFrame) -> None:
    """Invariant: every rendering relates directly to its group's earliest (verbatim, contained, near)."""
    for _, g in r.groupby("group_id"):
        first = g[g["role"] == "earliest"].iloc[0]
        ke = [w.casefold() for w in tokenise_quote(first["text"])]
        for _, row in g[g["role"] == "later"].iterrows():
            kr = [w.casefold() for w in tokenise_quote(row["text"])]
            relation, sim = classify_pair(ke, kr)
            assert relation == row["relation"] and relation is not None, (first["text"], row["text"])
            if relation == "contained":
                short, long_ = sorted((ke, kr), key=len)
                assert " ".join(short) in " ".join(long_)
            if relation == "near":
                assert sim >= NEAR_RATIO or near_by_words(ke, kr), (sim, first["text"], row["text"])


def near_by_words(a: list[str], b: list[str]) -> bool:
    """The word-level near rules: one word edited (4+ words) or a clause dropped (6+ words, 85% both ways)."""
    short, long_ = sorted((a, b), key=len)
    common = LCSseq.similarity(short, long_)
    return (len(long_) - len(short) <= 1 and common >= len(long_) - 1) or (
        len(short) >= 6 and len(short) >= 0.85 * len(long_) and common >= 0.85 * len(short))


@pytest.mark.parametrize("rows, expected_groups", [
    # a long (multi-sentence) quote first, then each half carried by another outlet: two quotes, not one
    ([("a", "2020-01-01", LONG, "Mayor Lee"), ("b", "2020-01-02", FIRST, "Lee"), ("c", "2020-01-03", SECOND, "Lee")],
     [{"a", "b"}, {"a", "c"}]),
    # the halves first, the long one later: it carries each of them
    ([("b", "2020-01-01", FIRST, "Lee"), ("c", "2020-01-02", SECOND, "Lee"), ("a", "2020-01-03", LONG, "Lee")],
     [{"a", "b"}, {"a", "c"}]),
    # one half first, the long one, then the other half: the other half is never a "near" rendering of the first
    ([("b", "2020-01-01", FIRST, "Lee"), ("a", "2020-01-02", LONG, "Lee"), ("c", "2020-01-03", SECOND, "Lee")],
     [{"a", "b"}, {"a", "c"}]),
    # different speakers with the same words: nothing shared
    ([("a", "2020-01-01", FIRST, "Angela Merkel"), ("b", "2020-01-02", FIRST, "Emmanuel Macron")], []),
])
def test_long_quote_never_glues_two_quotes(rows, expected_groups):
    """A quote containing two different quotes makes two groups; no rendering is 'near' a different quote."""
    r = grouped(*rows)
    got = sorted((set(g["article_id"]) for _, g in r.groupby("group_id")), key=sorted) if not r.empty else []
    assert got == sorted(expected_groups, key=sorted)
    assert not ((r["relation"] == "near") & (r["similarity"] < NEAR_RATIO)).any() if not r.empty else True
    if not r.empty:
        assert_each_rendering_of_the_earliest(r)


def test_split_parts_of_one_utterance_stay_one_group():
    """'A,' he said, 'B.' in one article and 'A B' in an earlier one: one group, the parts cut from the whole."""
    later = f'"{FIRST}," the mayor said. "{SECOND}."'
    parts = [dataclasses.replace(quote_in("b", later, t, "Lee"), utterance=7) for t in (FIRST, SECOND)]
    rows = quotes_frame((quote_in("a", LONG, LONG, "Lee"), "Wire", "2020-01-01"),
                        (parts[0], "Paper", "2020-01-02"), (parts[1], "Paper", "2020-01-02"))
    r = shared_quotes(rows)
    assert r["group_id"].nunique() == 1 and len(r) == 3
    later_rows = r[r["role"] == "later"]
    assert later_rows["relation"].tolist() == ["verbatim", "verbatim"]  # joined, the parts are the quote
    assert later_rows["dropped"].tolist() == [[], []] and not later_rows["truncated"].any()
    assert quote_groups(r)["altered"].tolist() == [False]


@pytest.mark.parametrize("later, relation, altered", [
    (LONG, "contained", False),  # the later outlet quotes more of the utterance: nothing of the earliest altered
    (" ".join(FIRST.split()[:8]), "contained", True),  # cut short
    (FIRST.replace("every", "each"), "near", True),  # a word changed
    (FIRST, "verbatim", False),
])
def test_altered_means_words_of_the_earliest_changed_or_dropped(later, relation, altered):
    """A group is altered when a rendering changes or drops words of the earliest, not when it quotes more."""
    r = grouped(("a", "2020-01-01", FIRST, "Lee"), ("b", "2020-01-02", later, "Lee"))
    assert r.loc[r["role"] == "later", "relation"].tolist() == [relation]
    assert quote_groups(r)["altered"].tolist() == [altered]


@pytest.mark.parametrize("a, b, speakers, shared", [
    ("It was a mess", "It was a disaster", ("Lee", "Lee"), True),  # 3 of 4 words in order, same speaker
    ("It was a mess", "It was a disaster", ("Lee", None), False),  # unknown speaker: too short to tell
    ("It was a mess", "It was a disaster", ("Lee", "Kim"), False),  # different speakers
    ("It was a real mess", "It was not a real mess", ("Lee", "Lee"), True),  # one word added: reported
    ("It was a mess", "It was a total and complete disaster", ("Lee", "Lee"), False),  # more than one word
    ("We need more time now", "We need more money now", ("Lee", "Lee"), True),
])
def test_one_word_changed_in_a_short_quote(a, b, speakers, shared):
    """A one-word edit of a 4+ word quote is an altered rendering when both speakers are named and agree."""
    r = grouped(("a", "2020-01-01", a, speakers[0]), ("b", "2020-01-02", b, speakers[1]))
    assert (not r.empty) is shared
    if shared:
        assert r.loc[r["role"] == "later", "relation"].tolist() == ["near"]
        assert quote_groups(r)["altered"].tolist() == [True]


_WORDS = st.sampled_from("we will rebuild the school before winter nobody is left without roof tonight city".split())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=4, max_size=14), min_size=2, max_size=8), st.randoms(use_true_random=False))
def test_every_rendering_relates_to_its_earliest(texts, rnd):
    """Invariant: each group's renderings are verbatim, contained or near (>= NEAR_RATIO or the word rules)
    against the group's earliest rendering, whatever chains of containment the corpus holds."""
    pieces = [" ".join(t) for t in texts]
    # derived renderings: cut, joined and one-word edits of the drawn quotes, so groups are likely
    pieces += [" ".join(t[rnd.randrange(2):]) for t in texts] + [pieces[0] + " " + pieces[-1]]
    rows = [(f"a{n}", f"2020-01-{n % 28 + 1:02d}", p, "Lee") for n, p in enumerate(pieces)]
    r = grouped(*rows)
    if not r.empty:
        assert_each_rendering_of_the_earliest(r)
        assert (r.groupby("group_id")["article_id"].nunique() >= 2).all()


# ECB+ 4_4ecb and 4_2ecb (Bettie Page): one outlet quotes two sentences as one quote, the other as two quotes.
GOD = "God approves of nudity,"
EDEN = "Adam and Eve in the Garden of Eden, they were naked as jaybirds."


@pytest.mark.parametrize("long_date, parts_date, same_utterance", [
    ("2008-12-11", "2008-12-12", False),
    ("2008-12-12", "2008-12-11", False),
    ("2008-12-11", "2008-12-12", True),
])
def test_real_two_paragraph_quote_and_its_two_sentences(long_date, parts_date, same_utterance):
    """The QA case: 'God approves of nudity' is never an altered rendering of 'Adam and Eve in the Garden…'."""
    whole = f"{GOD[:-1]}.\n\n{EDEN}"
    text = f'"{GOD}" she said. "{EDEN}"'
    god, eden = (dataclasses.replace(quote_in("b", text, t, "Page"), utterance=0 if same_utterance else n)
                 for n, t in enumerate((GOD, EDEN)))
    r = shared_quotes(quotes_frame((quote_in("a", whole, whole, "Page"), "A", long_date), (god, "B", parts_date),
                                   (eden, "B", parts_date)))
    assert not r.empty and not (r["relation"] == "near").any()
    for _, g in r.groupby("group_id"):  # no group holds both sentences unless they are parts of one utterance
        texts = set(g["text"])
        assert not {GOD, EDEN} <= texts or same_utterance
    # the two sentences, one utterance or two quotes in a row, are judged together: later, the long quote as a whole
    parts = r["text"].isin([GOD, EDEN]) & (r["role"] == "later")
    assert_each_rendering_of_the_earliest(r[~parts])
    assert set(r.loc[parts, "relation"]) <= {"verbatim"}


def test_a_diff_shows_the_punctuation_after_each_word():
    """The wording column reads as written: two sentences of a quote stay two ("second time. You know"), while
    renderings that differ only in punctuation are the same quote with no change shown."""
    earliest = "I am so excited to host the show for the second time. You know what they say, third time lucky."
    later = "I am so excited to host the show for the second time, you know what they say: third time lucky"
    rows = quotes_frame((quote_in("a", earliest, earliest), "Wire", "2021-08-31"),
                        (quote_in("b", later, later), "Daily Paper", "2021-09-01"))
    r = shared_quotes(rows).set_index("role")
    assert r.at["later", "relation"] == "verbatim" and r.at["later", "replaced"] == []
    assert {op["op"] for op in r.at["later", "diff"]} == {"equal"}
    assert " ".join(op["new"] for op in r.at["earliest", "diff"]).startswith("I am so excited") \
        and "second time. You know what they say, third" in " ".join(op["new"] for op in r.at["earliest", "diff"])
    assert display_tokens('the charm,” she said on Aug. 31, up 10%.') == ["the", "charm,", "she", "said", "on",
                                                                          "Aug. 31,", "up", "10%."]


def test_a_quote_continued_in_the_next_quote_is_not_cut_short():
    """`"A," she said. "B."` (two quotes in a row) carries the earliest's "A. B." whole, whatever quote follows them;
    the same sentences far apart in an article are two quotes, each a part of it."""
    first, second = "I am so excited to be hosting the awards again,", "You know what they say, third time lucky."
    whole = f"{first[:-1]}. {second}"
    third = "We start rehearsals next week at the theatre,"
    near = f'"{first}" she said. "{second}" "{third}" she added.'
    far = f'"{first}" she said. ' + "The ceremony will be held in March at the theatre downtown. " * 4 + f'"{second}"'
    rows = [(quote_in("a", whole, whole, "Lind"), "Wire", "2021-08-01")]
    for article, text, parts in (("b", near, (first, second, third)), ("c", far, (first, second))):
        rows += [(dataclasses.replace(quote_in(article, text, t, "Lind"), utterance=n), f"Paper {article}",
                  "2021-08-02") for n, t in enumerate(parts)]
    r = shared_quotes(quotes_frame(*rows))
    later = r[r["role"] == "later"]
    assert set(later.loc[later["article_id"] == "b", "relation"]) == {"verbatim"}
    assert set(later.loc[later["article_id"] == "c", "relation"]) == {"contained"}

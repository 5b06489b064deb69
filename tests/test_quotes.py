"""Quote extraction: the seeds (golden file), textacy's cases, one parametrized table per construction, invariants."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.extract.quotes import extract_quotes
from lib.models import Article, to_dict
from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "seed_quotes.json"


def _quotes(text: str, kinds=("direct", "partial")):
    """(kind, speaker_id, cue, text) of the quotes of one text; reported speech left out unless asked."""
    return [(q.kind, q.speaker_id, q.cue, q.text) for q in extract_quotes(Article("t", text)) if q.kind in kinds]


def _seed_quotes() -> dict[str, list]:
    """Seed file name -> its quotes, parsed the way the pipeline parses them."""
    from lib.ingest import parse_paths

    return {r.path.split("/")[-1]: extract_quotes(r.articles[0]) for r in parse_paths([str(SEEDS)])}


@pytest.fixture(scope="module")
def seed_quotes():
    """Quotes of both seed articles."""
    return _seed_quotes()


def _golden_rows(quotes) -> list[dict]:
    """The fields the golden file pins down."""
    keep = ("kind", "text", "start", "end", "speaker", "speaker_id", "speaker_role", "cue", "cue_class", "utterance")
    return [{k: to_dict(q)[k] for k in keep} for q in quotes]


def test_seed_golden(seed_quotes):
    """Both seeds give exactly the reviewed quotes of tests/golden/seed_quotes.json."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert {name: _golden_rows(qs) for name, qs in seed_quotes.items()} == golden


def test_tass_every_direct_quote_is_putin(seed_quotes):
    """TASS: every direct or partial quote is Vladimir Putin's, one of them the partial introduced by "He urged"."""
    quotes = next(qs for name, qs in seed_quotes.items() if name.startswith("000_"))
    quoted = [q for q in quotes if q.kind in ("direct", "partial")]
    assert len(quoted) == 6
    assert {q.speaker_id for q in quoted} == {"Vladimir Putin"}
    urged = [q for q in quoted if q.cue == "urged"]
    assert len(urged) == 1 and urged[0].kind == "partial" and urged[0].speaker == "He"
    assert urged[0].text.startswith("continued and effective work via communication channels")
    assert {q.speaker_role for q in quoted} == {"Russian President"}


def test_urdupoint_nakamitsu_quotes_and_no_dash_quote(seed_quotes):
    """UrduPoint: three direct quotes, all Izumi Nakamitsu's; the `”` used as dashes make no quote."""
    name, quotes = next((n, qs) for n, qs in seed_quotes.items() if n.startswith("004_"))
    text = (SEEDS / name).read_text(encoding="utf-8")
    direct = [q for q in quotes if q.kind in ("direct", "partial")]
    assert [q.speaker_id for q in direct] == ["Izumi Nakamitsu"] * 3
    assert all(q.kind == "direct" and q.cue == "said" for q in direct)
    assert not any("Open-ended Working Group" in q.text for q in direct)
    assert all(text.count("Open-ended") == 1 for _ in [0])


@pytest.mark.parametrize("seed, speaker_id, cue, content_start", [
    ("004_", "Vladimir Putin", "called on", "all countries to reach a global agreement"),
    ("004_", "Vladimir Putin", "proposed", "to the United States joint efforts in developing"),
    ("004_", "Vladimir Putin", "invited", "the United States to agree on a comprehensive program"),
    ("004_", "Izumi Nakamitsu", "noted", "the United Nations provided a platform"),
    ("000_", "Vladimir Putin", "called for", "restoring a full-scale bilateral regular inter-departmental dialogue"),
    ("000_", "Vladimir Putin", "called on", "the United States to exchange, in an acceptable form, guarantees"),
    ("000_", "Vladimir Putin", "stressed", "he would like to address the United States"),
])
def test_seed_reported_proposals(seed_quotes, seed, speaker_id, cue, content_start):
    """The reported-speech proposals of the seeds, with speaker, cue and content span."""
    quotes = next(qs for name, qs in seed_quotes.items() if name.startswith(seed))
    hits = [q for q in quotes if q.kind == "reported" and q.text.startswith(content_start)]
    assert len(hits) == 1
    assert (hits[0].speaker_id, hits[0].cue, hits[0].cue_class) == (speaker_id, cue,
                                                                    "neutral" if cue == "noted" else
                                                                    "assertive" if cue == "stressed" else "proposing")


def test_textacy_cases(shared_data):
    """The textacy direct-quotation cases: speaker, cue and content (marks stripped); negatives give none."""
    for line in (shared_data / "textacy_quote_cases" / "cases_dev.jsonl").open(encoding="utf-8"):
        case = json.loads(line)
        got = [(q[1], q[2], q[3]) for q in _quotes(case["text"])]
        want = [(" ".join(e["speaker"]), " ".join(e["cue"]), e["content"].strip('"“”')) for e in case["expected"]]
        assert got == want, case["case_id"]


# (text, expected [(kind, speaker_id, cue, content)]) — one row per construction.
DIRECT_CASES = [
    # attribution after the quote, subject-verb and verb-subject
    ('"We have to do it," he said of the plan, after John Smith spoke.', [("direct", None, "said", "We have to do it,")]),
    ('Mayor Jane Doe visited.\n\n"We have to do it," she said.', [("direct", "Jane Doe", "said", "We have to do it,")]),
    ('"The city will recover," said Mayor Jane Doe.', [("direct", "Jane Doe", "said", "The city will recover,")]),
    ('"It is over," insists Burton.', [("direct", "Burton", "insists", "It is over,")]),
    # attribution before: comma and colon introductions, "according to", "told X"
    ('Burton said, "I love cats!"', [("direct", "Burton", "said", "I love cats!")]),
    ('Putin said: "We are ready to talk."', [("direct", "Putin", "said", "We are ready to talk.")]),
    ('According to Jane Doe, "the bridge will open in May."',
     [("partial", "Jane Doe", "According to", "the bridge will open in May.")]),
    ('"We welcome the initiative," Izumi Nakamitsu told Sputnik.',
     [("direct", "Izumi Nakamitsu", "told Sputnik", "We welcome the initiative,")]),
    # titles and roles stripped into the speaker id
    ('"Talks will resume," Russian President Vladimir Putin said.',
     [("direct", "Vladimir Putin", "said", "Talks will resume,")]),
    # split quote: two spans, one speaker
    ('"We will win," she said, "and we will win soon." Mayor Jane Doe spoke on Monday.',
     [("direct", None, "said", "We will win,"), ("direct", None, "said", "and we will win soon.")]),
    # guillemets, „…“, curly marks, nested single quotes
    ('Le ministre Jean Dupont a dit. «Nous allons gagner cette bataille», said Dupont.',
     [("direct", "Jean Dupont", "said", "Nous allons gagner cette bataille")]),
    ('„Wir schaffen das jetzt“, said Angela Merkel.', [("direct", "Angela Merkel", "said", "Wir schaffen das jetzt")]),
    ('“He told me ‘never again’ and left,” said Jane Doe.',
     [("direct", "Jane Doe", "said", "He told me ‘never again’ and left,")]),
    # an opening mark that ends its line closes the quote; a quote within it ends the sentence: the colon's speaker
    # speaks, not the next paragraph's subject
    ('Her brother Tom Hale was angry.\n\nHe added: “People were defending them. You are like, ‘Hang on!’ “\n\n'
     'Their mother Ann admitted she likes the couple.',
     [("direct", "Tom Hale", "added", "People were defending them. You are like, ‘Hang on!’")]),
    # ... and so does one a comma follows (as tokenised text spaces it), across the paragraph the quote runs on in;
    # the comedian is the one person named, who spoke just before
    ('Ann Lee just tweeted she will host the show.\n\n“ It is official !\n\nI thank my wife Jo “ , the comedian '
     'and talk show host said .',
     [("direct", "Ann Lee", "said", "It is official !\n\nI thank my wife Jo")]),
    ('“...Please, leave me alone.” she said.', [("direct", None, "said", "...Please, leave me alone.")]),
    # a subject with an apposition as tokenised text spaces its commas is the clause's subject: "he" is that person
    ('" The fire spread fast , \'\' fire chief Jon Owen said .\n\nLawyer Will Ingle , the owner , was there to see '
     'it .\n\n" None of it was insured , \'\' he said .',
     [("direct", "Jon Owen", "said", "The fire spread fast ,"), ("direct", "Will Ingle", "said", "None of it was insured ,")]),
    # a writer's question about the person just named, then the quote: that person's words
    ('Kia Perkins, an art major, skipped class to see it. Why did she so badly want to go? "It is Warhol. He is a legend."',
     [("direct", "Kia Perkins", None, "It is Warhol. He is a legend.")]),
    # a body's clause that puts out a text, then a colon: the body's words (not the person quoted before)
    ('Sen. Tom Hale called it "unthinkable and unacceptable." The Lee campaign recycled a statement it first put out in July: "The '
     'people will decide this election."',
     [("partial", "Tom Hale", "called", "unthinkable and unacceptable."),
      ("direct", "Lee campaign", "recycled", "The people will decide this election.")]),
    # negative: a body's act that puts out no text introduces no words of its
    ('The ministry closed the border on Monday: "Nobody may cross."', [("direct", None, None, "Nobody may cross.")]),
    # "his words", "her reply" before a colon: the one the pronoun stands for
    ('Red Sox owner Tom Hale said his team would not sign the pitcher.\n\nHis exact words:\n\n"We met with him."',
     [("direct", "Tom Hale", "words", "We met with him.")]),
    ('The mayor, Ann Lee, was asked about the plan. Her reply was short: "We will see."',
     [("direct", "Ann Lee", "reply", "We will see.")]),
    # negative: a possessive before a thing that is no words ("His car: ...") introduces nothing
    ('Tom Hale bought a car. His car: "A red one."', [("direct", None, None, "A red one.")]),
    # terms quoted in a list before a colon are part of the introduction: its subject speaks
    ('Nunzio Galantino called the ruling "deeply dangerous" and "purely ideological": "We face a dangerous ruling."',
     [("direct", "Nunzio Galantino", "called", "We face a dangerous ruling.")]),
    # negative: a term in an earlier sentence is no part of it (`„Wir“, so sagen sie, „...“`)
    ('They refuse to be called "street kids." "We," they say proudly, "are working children."',
     [("direct", None, "say", "We,"), ("direct", None, "say", "are working children.")]),
    # negative: the one person named has not spoken; what someone does may describe another ("the shopkeeper")
    ('Police arrested Tom Hale on Monday.\n\nThe shop was damaged.\n\n"It was a mess," the shopkeeper said.',
     [("direct", None, "said", "It was a mess,")]),
    # short quotes of common words are still quotes
    ('"No, thanks," he said.', [("direct", None, "said", "No, thanks,")]),
    # partial quotes embedded in paraphrase
    ('Clinton called it "horrific and unacceptable" on Monday.',
     [("partial", "Clinton", "called", "horrific and unacceptable")]),
    ('He urged "continued and effective work," such as talks.',
     [("partial", None, "urged", "continued and effective work,")]),
    # a short fragment that is a clause stays a quote even with no speech verb nearby
    ('The bill faces a vote, but "it is unlikely" to pass the Senate.',
     [("partial", None, None, "it is unlikely")]),
    # an unattributed quote keeps no speaker
    ('The shop stayed shut all week.\n\n"Closed until further notice for repairs."',
     [("direct", None, None, "Closed until further notice for repairs.")]),
]


@pytest.mark.parametrize("text, expected", DIRECT_CASES)
def test_direct_and_partial_constructions(text, expected):
    """Each construction gives the expected quotes (kind, speaker id, cue, content)."""
    assert _quotes(text) == expected


# Negative cases: quote marks that are not quotes.
NEGATIVE_CASES = [
    'The so-called "experts" disagreed with the "reform" plan.',  # scare quotes of one or two words
    'Burton claims that his favorite book is "One Hundred Years of Solitude".',  # title of a work
    'She starred in the film "The Big Lebowski" last year.',
    'Two UN processes ” an Open-ended Working Group and a Group of Experts ” were set up in 2018.',  # dashes
    'Analysts expect a buyers’ strike as the dealers’ stocks grow.',  # curly apostrophes
    'He wrote ”notes on the back of envelopes and kept them.',  # a stray closing mark
    'The report said 5" of rain fell.',  # inch mark
    'Her photos showed the "girl next door" look that magazines loved in the 1950s.',  # a label, no speech verb
    # the title of a blog, a session, a debate, a domain; a so-called term of three words or more
    'The festival was covered live on its official blog "Voices from the Valley Floor" all week.',
    'Her talk at the farming conference, "How small farms are feeding the cities of tomorrow", drew a full room.',
    'The university hosted a debate "Media and the dictatorship: who paid for silence" on Friday.',
    'The satirists moved to the alternative domain "Sorry for our mistake" after the ruling.',
    'Campaigners condemned the so-called "foreign agents law" passed in March.',
    # a name's gloss or short form in brackets
    'The mayor belongs to Movimiento Sin Miedo ("Movement without Fear" in Spanish), a left-wing party.',
    'These Terms of Service ("Terms") apply to every user of the site.',
    # words imagined, not said
    'The two women look at each other as if to say, "We will get through this together."',
    'Here is where you may be thinking, "Surely the cheaper cream does the same job?"',
    'We would also ask the minister, "Who signed the order, and when?"',
    # a passive naming: a term, not anyone's words
    'Millions live in rural counties that are commonly called "maternity care deserts" in the report.',
    'The city is buying what is called the old "Harbour Mill block" from its owners.',
    # the work someone made, even with the maker's cue after it; a term the next words define
    'The producer of "Night Shift on the Ward" said a second series would be filmed next spring.',
    'She is the creator of "how to fix a bike in ten minutes", a video seen by millions.',
    'In these terms, "a work based on the program as a whole" means any program released under this licence.',
    # a name given ("named her "...", "was named 2019's "..."")
    'The magazine named her "the face of the whole decade" in its June issue.',
    'Last month he was named 2019\'s "most improved player in the league" by the fans.',
    # strings of code or data
    'Set the header first.\nUSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"\nThen send the request.',
    'The record reads:\n"Comment": "afternoon snack on the way home from work",\n"Confidence": "91%"',
]

# The near misses of the negative cases: words someone said or wrote, whatever comes before the marks.
STILL_QUOTES = [
    # a person's habit, a question put, a judgement quoted with its agent or after a colon
    'As my father liked to say, "If you think you have arrived, you are ready to be shown the door."',
    'Reporters asked the minister, "Who signed the order?" He did not answer.',
    'The charity called the plan "not thought out": "It will leave thousands without a roof this winter."',
    'The mayor was called "liar and coward" by her rival at Tuesday\'s debate.',
    # a bracket after a quote (its translation), an aside that ends a sentence
    'The clip went viral: "Yo sí me iría demasiado" ("I would so go, I really would") became a slogan of the week.',
    'She laughed about the scene ("Can that be the title of the piece?") and moved on.',
    # a maker's own words; a quote that speaks of meaning
    'Ana Ruiz, author of the report, said: "Nobody on the ward was warned before the cuts."',
    '"It means everything to the village," the mayor said of the new bridge.',
    # words quoted from inside a text, whatever noun names the text before them
    'One member admitted to joining the effort, writing in a blog post "I have loaded the tool and pointed it at the '
    'site."',
    'Marta Lind said in a long post: "We will not be silenced by a court in another country."',
]


@pytest.mark.parametrize("text", STILL_QUOTES)
def test_still_quotes(text):
    assert _quotes(text)


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_not_quotes(text):
    """Scare quotes, titles, dashes, apostrophes and stray marks produce no direct or partial quote."""
    assert _quotes(text) == []


# Attribution across paragraphs: (text, expected speaker ids in quote order).
PARAGRAPH_CASES = [
    # a quote paragraph whose speaker is named in the next paragraph
    ('"We will rebuild the school before winter comes."\n\nSchool board chairman Tom Reyes said the work starts '
     'in May.', ["Tom Reyes"]),
    # a second quote in a paragraph is the first speaker's, not the next paragraph's speaker
    ('"We lost everything," said Maria Lopez. "The water came in at night."\n\nJohn Park said the levee failed.',
     ["Maria Lopez", "Maria Lopez"]),
    # the news convention: each paragraph re-opens the quote, the last one is attributed
    ('"We lost the house and the car.\n\n"But we are alive," said Maria Lopez.', ["Maria Lopez", "Maria Lopez"]),
    # one sentence a paragraph: the quote runs over the break until its closing mark
    ('"We lost the house.\n\nBut we are alive," said Maria Lopez.', ["Maria Lopez"]),
    # an unattributed continuation paragraph right after an attributed quote
    ('"We lost the house," said Maria Lopez.\n\n"The insurance will not pay for any of it."', ["Maria Lopez"] * 2),
    # pronouns and role nouns resolve to the most recent compatible named person
    ('Interior Minister Anna Berg visited on Friday. Bob Stone, a farmer, met him.\n\n'
     '"We need help now," the minister said.', ["Anna Berg"]),
    ('Russian President Vladimir Putin spoke on Friday.\n\n"Cooperation is possible," he said.\n\n'
     '"Talks will follow," Putin added.', ["Vladimir Putin", "Vladimir Putin"]),
]


# Speakers that are no named person, or that only context gives: (text, expected (speaker, speaker_id) per quote).
CONTEXT_CASES = [
    # someone speaking for a named person
    ('"She is resting now," Reid\'s rep told reporters.', [("Reid's rep", None)]),
    # a signature line after the quote
    ('"The care of human life is the object of good government." --Thomas Jefferson',
     [("Thomas Jefferson", "Thomas Jefferson")]),
    # "it" and "the company" take the organisation that spoke before
    ('"We will expand the ban," YouTube said on Wednesday.\n\n"We looked to balance our work," the company said.',
     [("YouTube", "YouTube"), ("the company", "YouTube")]),
    # an anonymous source, then "he" with no named person to refer to
    ('"The pirates surrendered," said a senior officer.\n\n"The arms were thrown overboard," he added.',
     [("a senior officer", None), ("a senior officer", None)]),
    # a relative clause introduces the reply
    ('Johnson looked over to Biden, who replied, "Good luck."', [("Biden", "Biden")]),
    # an unnamed source's condition of anonymity is no attribution: the continuation stays the source's ("the
    # official" is the senior police official described before, never the mayor)
    ('Mayor Jane Doe spoke in the morning.\n\nA senior police official said the roads were blocked.\n\n'
     '"Minutes were lost," the official said.\n\n"We could have saved them."\n\nHe asked not to be identified.',
     [("A senior police official", None), ("A senior police official", None)]),
    # an acronym takes the name it abbreviates; a description the organisation named so before
    ('The Office of Budget Review (OBR) published figures on Monday.\n\n"Spending will fall sharply next year," OBR '
     'said.', [("OBR", "Office of Budget Review")]),
    # bodies speaking together by their acronyms: each by the name it abbreviates, when the text names both
    ('The Office of Budget Review and the National Audit Board met. "Spending will fall," the OBR and NAB said.',
     [("the OBR and NAB", "Office of Budget Review and National Audit Board")]),
    ('The Office of Budget Review met. "Spending will fall," the OBR and NAB said.',
     [("the OBR and NAB", "OBR and NAB")]),
    ('Leftist daily Kathimerini warned of unrest.\n\n"The anger will sweep everything away," the paper said.',
     [("the paper", "Kathimerini")]),
    ('The Transport Department recalled staff in May.\n\nOnly a fifth of workers are "authorized to come back to '
     'their desks," the department said.', [("the department", "Transport Department")]),
    # a fragment whose attribution comes later in the same sentence beats the sentence's subject
    ('Mayor Lena Ortiz "will stay in the capital to finish the budget" on Friday, a city hall official told '
     'reporters.', [("a city hall official", None)]),
    # a fragment in a sentence whose verb is no cue: the person the sentence is about
    ('Secretary of State Condoleezza Rice will ask the UN to authorize "all necessary measures" against pirates.',
     [("Condoleezza Rice", "Condoleezza Rice")]),
]


@pytest.mark.parametrize("text, expected", CONTEXT_CASES)
def test_context_speakers(text, expected):
    """Possessive roles, signatures, organisations, anonymous sources, relative clauses, sentence subjects."""
    quotes = [q for q in extract_quotes(Article("t", text)) if q.kind != "reported"]
    assert [(q.speaker, q.speaker_id) for q in quotes] == expected


@pytest.mark.parametrize("text, expected", PARAGRAPH_CASES)
def test_paragraph_attribution(text, expected):
    """Speakers of quotes that depend on neighbouring paragraphs."""
    assert [q[1] for q in _quotes(text)] == expected


def test_split_quote_shares_utterance():
    """The two spans of a split quote share one utterance id; a new quote gets another."""
    text = '"We will win," Jane Doe said, "and soon."\n\n"Another matter," said John Roe.'
    quotes = extract_quotes(Article("t", text))
    assert [q.utterance for q in quotes][0] == quotes[1].utterance != quotes[2].utterance


def test_offsets_and_sorting(seed_quotes):
    """Every quote's text is the article text at its offsets (marks excluded), sorted by start."""
    from lib.ingest import parse_paths

    for result in parse_paths([str(SEEDS)]):
        article = result.articles[0]
        quotes = extract_quotes(article)
        assert [q.start for q in quotes] == sorted(q.start for q in quotes)
        for q in quotes:
            assert article.text[q.start:q.end] == q.text
            if q.kind != "reported":
                assert article.text[:q.start].rstrip()[-1] in "\"“”„«»"
            if q.speaker_start is not None:
                assert article.text[q.speaker_start:q.speaker_end].split() == q.speaker.split()


_ALPHABET = st.sampled_from(list("abc XYZ.,:;!?\n\"“”„«»‘’'—-") + ["said", " he ", "Putin", "\n\n", "John Smith"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_never_crashes_and_offsets_hold(text):
    """Any text: no exception, offsets inside the text, quote text equal to the text at its offsets."""
    for q in extract_quotes(Article("h", text)):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.kind in ("direct", "partial", "reported")


@pytest.mark.parametrize("a, b, match", [
    ("We have to do it", "we have to do it now, he said", True),  # half of the shorter one's words
    ("continued and effective work", "effective work via channels between the agencies concerned", True),
    ("We have to do it", "The weather is fine today", False),
    ("", "anything", False),
])
def test_eval_quote_matching(a, b, match):
    """bench.quotes_eval: quotes match when they share at least half of the shorter one's words."""
    from bench.quotes_eval import quotes_match

    assert quotes_match(a, b) is match


@pytest.mark.parametrize("gold, predicted, match", [
    ("Vladimir Putin", "Putin", True),  # surname allowed when the gold is a full name
    ("Vladimir Putin", "vladimir putin", True),
    ("Putin", "Vladimir Putin", True),
    ("the Capitol Police", "Capitol Police", True),
    ("Vladimir Putin", "Izumi Nakamitsu", False),
    (None, None, True),  # unattributed in both
    (None, "Vladimir Putin", False),
    # an unnamed source with or without its relative clause (the gold sets' annotators write both)
    ("a senior party strategist", "a senior party strategist who backs no candidate", True),
    ("one of the rangers who fed the bears", "one of the rangers", True),
    ("a senior party strategist", "a junior party strategist who backs no candidate", False),
])
def test_eval_speaker_matching(gold, predicted, match):
    """bench.quotes_eval: speakers match when they name the same person."""
    from bench.quotes_eval import speakers_match

    assert speakers_match(gold, predicted) is match


def test_quotes_cli_lists_canonical_speakers(tmp_path, capsys):
    """`python -m lib quotes` on a real DuckDB corpus of the seeds: rows per quote, filters, one id per person."""
    from lib.cli import main
    from lib.pipeline import ingest_paths
    from lib.store import connect

    db = tmp_path / "corpus.duckdb"
    con = connect(db)
    ingest_paths(con, [str(SEEDS)])
    con.close()
    assert main(["quotes", "--db", str(db), "--format", "jsonl", "--speaker", "nakamitsu"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["speaker_id"] for r in rows} == {"Izumi Nakamitsu"} and len(rows) == 5
    assert {r["outlet"] for r in rows} == {"UrduPoint News"} and all(r["date"] == "2020-09-30" for r in rows)
    assert main(["quotes", "--db", str(db), "--outlet", "TASS"]) == 0
    table = capsys.readouterr().out
    assert "Vladimir Putin" in table and "Nakamitsu" not in table
    assert main(["quotes", "--db", str(tmp_path / "missing.duckdb")]) == 2


# General attribution patterns met on unseen news (invented sentences): (text, expected speaker ids in order).
GENERAL_CASES = [
    # speech verbs beyond "said": emotive, echoing, posting
    ('"Enough is enough," thundered Mayor Jane Doe.', ["Jane Doe"]),
    ('"Nobody saw the water rise so fast," wept Anna Kowalski.', ["Anna Kowalski"]),
    ('"The vote is rigged," Paul Stone echoed.', ["Paul Stone"]),
    # a party/state bracket between the name and the cue
    ('"We will not give up," Senator Maria Lopez (D-Ore.) said.', ["Maria Lopez"]),
    ('"The storm is coming," Governor Tom Reyes (R) tweeted on Monday.', ["Tom Reyes"]),
    # a misspelt surname links to the person named in full
    ('Mayor Daniel Hartley opened the bakery.\n\n"We bake at dawn every single day," Hartly said.', ["Daniel Hartley"]),
    # family name first: "Mr Ng" is "Ng Wei Ming"
    ('Chief executive Ng Wei Ming spoke on Monday.\n\n"Sales rose in every market," said Mr Ng.', ["Ng Wei Ming"]),
    # a name after a verb is an object, not the subject "he" refers to; nor is a name in a relative clause
    ('Team owner Frank Miller, who attended coach Sam Porter\'s news conference, said he backed Porter.\n\n'
     '"I trust Sam completely," he said.', ["Frank Miller"]),
    # an attribution that closes the quote's sentence a few words later
    ('"Everyone must stay alert" to the danger, Mayor Lena Ortiz said in an interview on Monday.', ["Lena Ortiz"]),
    # ... but a speaker and cue before a fragment outrank the outlet that reports the sentence
    ('Fire chief Tom Hale said the blaze was "suspicious and possibly arson" but gave no details, the local paper '
     'reported.', ["Tom Hale"]),
    # a subject far from its cue: a long clause before "but added", a phrase between subject and cue
    ('Judge Amy Cole said at a hearing on Tuesday that the trial would resume in May after the court had heard '
     'every witness but added, "We cannot wait forever."', ["Amy Cole"]),
    ('The Peruvian government through its London embassy on May 3 said, "The minister has full immunity."',
     ["Peruvian government"]),
    # a quote-only paragraph continues the previous speaker; a next paragraph with new content is another turn
    ('"We lost the house," said Maria Lopez, a farmer.\n\n"The insurance will not pay."\n\n'
     'Governor Tom Reyes warned that the relief fund could run dry by the end of the year.',
     ["Maria Lopez", "Maria Lopez"]),
    # an attribution after an exclamation, followed by place and time phrases
    ('"Violence is never the answer!" Prime Minister Eva Lind thundered in parliament during a debate on the '
     'budget cuts she announced on Sunday.', ["Eva Lind"]),
    # a possessive in the lead phrase is no subject; the bracketed name is
    ('At a May 3 hearing in Brown\'s committee, Rep. Ann Cole (R-Ga.) pushed for a faster pace. "We must reopen '
     'every office now," she said.', ["Ann Cole"]),
    # an adverb set off by commas between the apposition and the cue
    ('Rita Gomez, policy director of the Teachers Union, though, testified that "no school should reopen before '
     'the tests arrive."', ["Rita Gomez"]),
    # a name after a preposition is no antecedent for "she"
    ('Actress Mia Ford retired in 1990, though she was photographed with publisher Tom Hart at a gala in 2003.\n\n'
     '"I want to be remembered as I was," she said.', ["Mia Ford"]),
    # a paraphrase closed by its attribution: the quote paragraph after it is that speaker's
    ('Ford was hardly shy, though, photographer Ann Bell said.\n\n"She was so relaxed, so natural."', ["Ann Bell"]),
    # a document's author speaks
    ('"The draft misses the mark," reads a joint statement from Sen. Paul Grant (D-Ore.) and two colleagues.',
     ["Paul Grant"]),
    # a fragment in a sentence that follows another sentence of the same paragraph
    ('Chief executive Ng Wei Ming spoke.\nThe firm shed about 140 jobs. Mr Ng said that the move had put the group in a '
     '"good position to deal with the decline in advertising".', ["Ng Wei Ming"]),
    # a first-name gender prior when the text says nothing: "she" is not Tom Hart
    ('Director Karen Wills met producer Tom Hart at the festival.\n\n"The film is finished," she said.',
     ["Karen Wills"]),
    # a quote paragraph with a short cue-less tail continues the previous speaker
    ('Actor Sam Reid spoke on Monday.\n\n"We need a deal soon," he said.\n\n"Nobody can predict what is going to '
     'happen" with the economy.', ["Sam Reid", "Sam Reid"]),
    # a spaced hyphen inside a detokenised surname
    ('"We will fight this tax in every court," Carla Dubois - Martin said.', ["Carla Dubois - Martin"]),
]


@pytest.mark.parametrize("text, expected", GENERAL_CASES)
def test_general_attribution_patterns(text, expected):
    """Speech verbs, party brackets, name variants: the speaker id each quote gets."""
    assert [q[1] for q in _quotes(text)] == expected


# Curly marks tell their direction: spaced on both sides (detokenised text) they still open and close a quote;
# a straight mark spaced on both sides is still a dash.
@pytest.mark.parametrize("text, expected", [
    ("The show is back.\n\n“ It is an honour to welcome back the host, ” said Paul Lee, president, ABC Group.",
     [("direct", "Paul Lee", "It is an honour to welcome back the host,")]),
    ("Jon Owen spoke on Tuesday.\n\n“ The building was uninsured, ” Owen said.",
     [("direct", "Jon Owen", "The building was uninsured,")]),
    # negative: straight marks used as a dash between words open no quote
    ('The vote was close " very close " and nobody said so.', []),
    # tokenised text spaces a closing straight mark after its punctuation: it closes the quote opened a line above
    ('"I am so excited to be hosting the show for the second time .\nYou know what they say - the third time\'s the '
     'charm , " Ann Cole said in a statement .\nShe is a safe choice for the network .',
     [("direct", "Ann Cole", "I am so excited to be hosting the show for the second time .\nYou know what they say - "
                             "the third time's the charm ,")]),
    # Penn Treebank tokenised text: a spaced straight mark opening a line opens, two apostrophes close
    ("Paul Howard spoke after the verdict .\n\" The community has spoken , '' District Attorney Paul Howard said .",
     [("direct", "Paul Howard", "The community has spoken ,")]),
    ("The captain spoke on Friday .\n\" The boarding - and - search action went on for hours , \" said Captain "
     "Ravi Nair , chief spokesman ( Navy ) .", [("direct", "Ravi Nair", "The boarding - and - search action went on for "
                                                                       "hours ,")]),
    # negative: a mark attached to a comma closes (`Live," the impact`), it opens nothing
    ('The strike stopped late-night shows and " Saturday Night Live," the impact of which was plain. Films were late.',
     []),
    # a closing curly mark before a word inside a curly quote opens a quote within it: the outer one runs on
    ("Mayor Ann Cole wrote the following:\n“The time for ”small steps” is long gone. We need a new bridge.”",
     [("direct", "Ann Cole", "The time for ”small steps” is long gone. We need a new bridge.")]),
    # ... and its own closing mark still ends it: the words after it are no quote
    ("“The time for ”small steps” is gone,” said Mayor Ann Cole. The council met. “We need a bridge,” she said.",
     [("direct", "Ann Cole", "The time for ”small steps” is gone,"), ("direct", "Ann Cole", "We need a bridge,")]),
    # French spaces its guillemets: they are quote marks, never dashes
    ("Le maire, Jean Fabre, a dénoncé une décision. « Cinquante-cinq minutes, c'est par beau temps », a-t-il lancé.",
     [("partial", None, "Cinquante-cinq minutes, c'est par beau temps")]),
])
def test_spaced_curly_marks_still_pair(text, expected):
    assert [(k, s, t) for k, s, _, t in _quotes(text)] == expected


# A text cut inside a quote (an excerpt, a page cut mid-quote): the quote runs to the cut, its ellipsis left out, and
# goes on the speaker's words; a stray mark, an inch mark or a quote left open before the last paragraph stays none.
@pytest.mark.parametrize("text, expected", [
    ('"We lost the vote," said Mayor Ann Cole. "They will not get away with this, and in the end we will win. Our '
     'town...', [("direct", "Ann Cole", "We lost the vote,"),
                 ("direct", "Ann Cole", "They will not get away with this, and in the end we will win. Our town")]),
    ('Ann Cole, the mayor, spoke on Friday.\n\nShe said: "The plant will reopen next spring and every worker',
     [("direct", "Ann Cole", "The plant will reopen next spring and every worker")]),
    # negatives: too few words, an inch mark, an open mark before the last paragraph
    ('Ann Cole said no. "Never again', []),
    ('The new centre is 7\'2" and plays on Friday for the first time this season', []),
    ('Ann Cole said "the plant will reopen next spring.\n\nThe vote is on Friday.', []),
])
def test_quote_cut_with_the_text_runs_to_the_cut(text, expected):
    assert [(k, s, t) for k, s, _, t in _quotes(text)] == expected


def test_an_article_in_another_language_keeps_only_speakers_named_in_full():
    """The attribution rules read English: in German they took capitalised nouns ("Geld") and pronouns ("Sie") for
    speakers. The quotes stay; a speaker stays only where it is a person named in full."""
    text = ('Finanzminister Christian Lindner: „Wir halten an der Schuldenbremse fest.“\n\n'
            'Die Lagerverwaltung bietet ihnen dann Geld als Entschädigung an: „Das ist besser, als wenn die Leute '
            'sich verprügeln“, meint der 28-jährige Sudanese.')
    english = {q.text: q.speaker_id for q in extract_quotes(Article("en1", text, language="en"))}
    german = {q.text: q.speaker_id for q in extract_quotes(Article("de1", text, language="de"))}
    assert english.keys() == german.keys()  # the same quotes found, whatever the language
    assert german["Wir halten an der Schuldenbremse fest."] == english["Wir halten an der Schuldenbremse fest."]
    assert "Christian Lindner" in german["Wir halten an der Schuldenbremse fest."]
    assert english["Das ist besser, als wenn die Leute sich verprügeln"] == "Geld"  # the English reading of German
    assert german["Das ist besser, als wenn die Leute sich verprügeln"] is None


@pytest.mark.parametrize("text, language, speaker", [
    # two capitalised words are no full name without a given name first: an article, a pronoun, two nouns
    ('Il Bahrain ha detto: "Non accetteremo nuove sanzioni contro il nostro paese."', "it", None),
    ('Beachten Sie die Hinweise: "Die Einreise ist nur mit gültigem Visum möglich."', "de", None),
    ('Thema Migration sagte: "Die Gemeinden brauchen mehr Geld für die Unterbringung."', "de", None),
    # a person named in full keeps the quote
    ('Premier Giorgia Meloni: "Non accetteremo nuove sanzioni contro il nostro paese."', "it", "Giorgia Meloni"),
    # ... and one described by what they do, whatever the article before it ("ein Anlageberater")
    ('„Das hat mich schockiert“, sagt Thierry Gallet, ein Luxemburger, der lange bei der EU gearbeitet hat. „Das ist '
     'schlimmer als der Brexit.“', "de", "Thierry Gallet"),
])
def test_another_language_keeps_a_speaker_with_a_given_name_first(text, language, speaker):
    assert [q.speaker_id for q in extract_quotes(Article("x", text, language=language))
            if q.kind != "reported"][-1:] == [speaker]  # the last quote's


# A sentence about a slogan, chant, motto, proverb or saying: the quote is that saying, no one's words, wherever the
# noun stands; "saying" the verb ("a statement saying") and a person's own words after a cue stay quotes.
SAYINGS = [
    ('The marchers repeated their slogan of many months, "Bread, work and dignity for all", until dark.', False),
    ('An old Andalusian saying sums it up: "The one who waits for rain goes hungry."', False),
    ('The movement, whose motto might well have been, "We promise everything and deliver nothing," is finished.',
     False),
    ('The ministry issued a statement saying the plan "will go ahead as planned next spring".', True),
    ('"We will not stop until the law changes," said Ines Duarte, who led the march.', True),
]


@pytest.mark.parametrize("text, is_quote", SAYINGS)
def test_slogans_and_sayings_are_no_quotes(text, is_quote):
    assert bool(_quotes(text)) == is_quote


@pytest.mark.parametrize("text,speaker,written", [
    ('Hollywood workers walked out. "It is a conversation about the culture of big business," SAG-AFTRA President and '
     '"The Nanny" star Fran Drescher told reporters.', "SAG-AFTRA President and The Nanny star Fran Drescher",
     'SAG-AFTRA President and "The Nanny" star Fran Drescher'),
    ('Sources involved with the franchise are betting that Ross will return.\n\n"Ultimately, everybody will do the '
     'sane thing," says one.\n\n"Everybody will end up unhappy in their own way."',
     "one of the sources involved with the franchise", "one"),
])
def test_a_speaker_s_offsets_cover_the_mention_as_written(text, speaker, written):
    """The Articles page highlights text[speaker_start:speaker_end]: a mention with a title's marks inside was cut
    short ("Fran Dresch"), and "one" read as one of the group named before ran into the next paragraph."""
    quotes = extract_quotes(Article("w", text))
    assert quotes and all(q.speaker == speaker and text[q.speaker_start:q.speaker_end] == written for q in quotes)


@pytest.mark.parametrize("text, fragment, speaker", [
    # a pull quote between paragraphs takes the speaker of the longer quote holding its words, not the paragraph's
    ('The court ruled against the firm, citing the act, noting that "It does not apply here because the claims '
     'depend on its own activities."\n\n‘It is impossible to overstate the magnitude of this ruling.’\n\nThe lawyer '
     'for the family, Jeremy Ross, spoke after the ruling. "It is impossible to overstate the magnitude of this '
     'ruling. Consumers across the nation will feel it," Ross said.', "impossible to overstate", "Jeremy Ross"),
    # ... and a headline line too, whatever the byline under it
    ('‘We are not leaving this valley’\n\nBy Lena Park, May 2\n\nResidents refused to go. "We are not leaving this '
     'valley, whatever the council says," said farmer Ana Ruiz.', "not leaving", "Ana Ruiz"),
])
def test_a_pull_quote_takes_the_speaker_of_the_longer_quote_it_repeats(text, fragment, speaker):
    quotes = [q for q in extract_quotes(Article("p", text)) if fragment in q.text]
    assert len(quotes) == 2 and all(q.speaker_id == speaker for q in quotes)

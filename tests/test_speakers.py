"""Speakers: names split from titles, pronoun and role-noun resolution, one id per person across a corpus."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from lib.analyse.speakers import canonicalise_speakers, speaker_names
from lib.domain.names import normalise_name
from lib.domain.verbs import classify_cue
from lib.extract.quotes import extract_quotes, find_persons
from lib.extract.speakers import (NAME_PATTERN, expand_acronym, fuller_body_name, org_antecedent, parse_mention,
                                  resolve_mention)
from lib.models import QUOTE_COLUMNS, Article, Quote, to_frame


@pytest.mark.parametrize("mention, name, role, kind", [
    ("Russian President Vladimir Putin", "Vladimir Putin", "Russian President", "person"),
    ("UN Under-Secretary-General and High Representative for Disarmament Affairs Izumi Nakamitsu",
     "Izumi Nakamitsu", "UN Under-Secretary-General and High Representative for Disarmament Affairs", "person"),
    ("Judge Roger T. Benitez", "Roger T. Benitez", "Judge", "person"),
    ("Secretary of State Condoleezza Rice", "Condoleezza Rice", "Secretary of State", "person"),
    ("team president Billy King", "Billy King", "team president", "person"),  # a role word as a surname
    ("her agent Mark Roesler", "Mark Roesler", "her agent", "person"),
    ("Putin", "Putin", None, "person"),
    ("he", None, None, "pronoun"),
    ("the president", None, None, "role"),
    ("The White House", "White House", None, "org"),
    ("CEO of Valley Dairy", "CEO of Valley Dairy", None, "org"),  # a name after "of" is an organisation
    ("But", None, None, "unknown"),
    ("Rep. Michael McCaul of Texas", "Michael McCaul", "Rep.", "person"),  # a person from a place
    ("the Centers for Disease Control and Prevention", "Centers for Disease Control and Prevention", None, "org"),
    # a title in lower case between a body's name and a person's makes the whole a titled person; without one, the
    # body's name stays one organisation
    ("Department of Justice spokesman Paul Ames", "Paul Ames", "Department of Justice spokesman", "person"),
    ("Bank of Ruritania governor Mark Carne", "Mark Carne", "Bank of Ruritania governor", "person"),
    ("Department of Health and Human Services", "Department of Health and Human Services", None, "org"),
    # ... and so does a capitalised title ("Director", "Secretary") before a two-word name, in a title of capitalised
    # words; a body's own last words ("Family Welfare") or an acronym ("Castle PBSA") stay the body's
    ("Office of Fiscal Planning and Budget Director Ana Reyes", "Ana Reyes",
     "Office of Fiscal Planning and Budget Director", "person"),
    ("Ministry of Health and Family Welfare", "Ministry of Health and Family Welfare", None, "org"),
    ("the Riverside mall and the Student Castle PBSA", "Riverside mall and Student Castle PBSA", None, "org"),
    # a title "of" a place or body, then a name whatever its given name
    ("First Minister of Scotland Morag Dunleavy", "Morag Dunleavy", "First Minister of Scotland", "person"),
    ("Hong Kong director of Amnesty International Man-kei Tam", "Man-kei Tam",
     "Hong Kong director of Amnesty International", "person"),
    ("Chairman of Goldman Sachs Group", "Chairman of Goldman Sachs Group", None, "org"),
    ("Governor of West Virginia Jim Justice", "Jim Justice", "Governor of West Virginia", "person"),
    ("the Mayor of Rio de Janeiro", None, None, "role"),  # a title of a place, not a person "de Janeiro" nor a body
    # title and place abbreviations stay inside names (a short surname ends one: test_short_surname_ends_its_name)
    ("Gen. Mark Ode", "Mark Ode", "Gen.", "person"),
    ("Maria Sta. Ana-Lagman", "Maria Sta. Ana-Lagman", None, "person"),
    # a capitalised name after an ordinal is an event or a unit, never a person
    ("the 86th Oscars", "Oscars", None, "org"),
    # a body named after a lower-case description of it ("trade magazine The X") is that body
    ("trade magazine The Harlan Reporter", "Harlan Reporter", None, "org"),
    # a body introduced by its trade: the trade is no part of its name, whatever the name's form
    ("state broadcaster KVTV", "KVTV", None, "org"),
    ("Russian news agency Vostok", "Vostok", None, "org"),
    ("German magazine Der Rundblick", "Der Rundblick", None, "org"),
    ("agency spokesman Tom Hale", "Tom Hale", "agency spokesman", "person"),  # a person of the trade
    ("the space agency Administrator Bill Nelson", "Bill Nelson", "space agency Administrator", "person"),
    ("the TV network ABC's Jon Karl", "Jon Karl", "TV network ABC", "person"),
    ("The Hague Tribunal", "Hague Tribunal", None, "org"),
    # a sentence-opening adverb is no part of the name after it
    ("Ironically Brian Nol", "Brian Nol", None, "person"),
    ("Kelly Marsh", "Kelly Marsh", None, "person"),  # a given name in -ly stays
    # a story's first word in capitals is a given name as the name writes it
    ("KELLY Osbourne", "Kelly Osbourne", None, "person"),
    # a month's name in a person's name is a given name or surname; alone, or after a preposition, a month
    ("Prime Minister Theresa May", "Theresa May", "Prime Minister", "person"),
    ("Envoy Jan Ode", "Jan Ode", "Envoy", "person"),
    ("April Ryan", "April Ryan", None, "person"),
    ("On May", None, None, "unknown"),
    ("March Madness", "March Madness", None, "org"),  # a month that is no person's name
    ("May", None, None, "unknown"),
    ("Office of the Director of National Intelligence", "Office of the Director of National Intelligence", None,
     "org"),
    ("The Indian warship", None, None, "unknown"),  # a common noun speaks for no one
    ("Reid's rep", None, None, "role"),  # someone speaking for a named person
    ("a bad kebab", None, None, "unknown"),
    ("a friend of the actress", None, None, "role"),
    ("Psychologist Mara Quinn", "Mara Quinn", "Psychologist", "person"),  # an occupation by its ending
    ("Jean Baptist", "Jean Baptist", None, "person"),  # ... but a surname keeps it
    ("Senator Lia Park", "Lia Park", "Senator", "person"),  # a titled person's surname that is a place word
    ("Hyde Park", "Hyde Park", None, "org"),
    ("Unfortunately", None, None, "unknown"),  # an adverb names no one
    ("Reports", None, None, "unknown"),  # nor does a bare plural document noun
    ("Officials", None, None, "role"),
    ("a statement from Waitrose", "Waitrose", None, "person"),  # a document speaks for its author (a one-word name)
    # a text put out speaks for its author after "from" or "by", never after "of"
    ("a press release from the Oregon Zoo", "Oregon Zoo", None, "org"),
    ("an announcement of the results", None, None, "role"),
    # an unnamed person described before a body's or person's name the description holds
    ("An unnamed Harlan campaign staffer", None, None, "role"),
    # a role with a rank before it is a role ("vice-chancellor", "co-host"); a rank alone is none
    ("A second vice-chancellor", None, None, "role"),
    ("CBS co-host Gayle King", "Gayle King", "CBS co-host", "person"),
    # a pronoun with a contraction is that pronoun, never a name ("He'd said", "You've accused me")
    ("He'd", None, None, "pronoun"),  # read as "He", so it resolves as "He" does
    ("You’ve", None, None, "unknown"),
    ("She's", None, None, "unknown"),  # "She's expected to": "is", no subject of a cue
    ("O'Brien", "O'Brien", None, "person"),
    # a body whose name ends in a text's word is that body; a text after a body's name or a person's is theirs
    ("The United States Geological Survey", "United States Geological Survey", None, "org"),
    ("The Warren Commission Report", "Warren Commission", None, "org"),
    ("Writer Hana Poll", "Hana Poll", "Writer", "person"),
    ("the Robert Mueller Report", "Robert Mueller", None, "person"),
    # an office named with "of" and "and" ends before the person's name
    ("Secretary of Health and Human Services Tommy Thompson", "Tommy Thompson",
     "Secretary of Health and Human Services", "person"),
    ("Minister of Trade and Industry Ada Quist", "Ada Quist", "Minister of Trade and Industry", "person"),
    ("the Centers for Disease Control and Prevention", "Centers for Disease Control and Prevention", None, "org"),
    # a body with its possessor: the body, whose it is its role (so one body with or without it); a possessor that
    # is a description names no one
    ("Italy's Civil Protection Department", "Civil Protection Department", "Italy's", "org"),
    ("Germany's Robert Koch Institute", "Robert Koch Institute", "Germany's", "org"),
    ("The People's Bank of China", "People's Bank of China", None, "org"),
    ("the country's Ministry of Health", "Ministry of Health", None, "org"),
    ("Labour's Tom Hale", "Tom Hale", "Labour's", "person"),  # a person of a body: no body
    # a trade opening a sentence is no part of the name, as after "said" ("said drugmaker Pfizer")
    ("Drugmaker Brovane", "Brovane", "drugmaker", "org"),
    # negatives: a word that also opens bodies' own names
    ("Charity Commission", "Charity Commission", None, "org"),
    ("Magazine Luiza", "Magazine Luiza", None, "org"),
    ("Carmaker Vantor Motors", "Vantor Motors", "carmaker", "org"),
    ("Maker Faire", "Maker Faire", None, "person"),  # "maker" alone is no trade
    ("His opponent", None, None, "role"),
    # a web address is an outlet under any public suffix, not only .com/.org/.net; a dotted word that is no host
    # name stays a name
    ("Politico.eu", "Politico.eu", None, "org"),
    ("Guardian.co.uk", "Guardian.co.uk", None, "org"),
    ("TMZ.com", "TMZ.com", None, "org"),
    # a capitalised plural after a quantifier is a group of unnamed people: by its ending, or a nation's people
    ("Several Ukrainians", None, None, "role"),
    ("Two Americans", None, None, "role"),
    ("Many Israelis", None, None, "role"),
    ("several Czechs", None, None, "role"),
    ("Some New Yorkers", None, None, "role"),
    ("Two Smiths", "Two Smiths", None, "person"),  # negative: no people's plural
    # a capitalised plural of a body's noun is unnamed bodies ("Unions say"), no body named before
    ("Unions", None, None, "role"),
    ("Two", None, None, "role"),  # a number of unnamed people ("Two said"), no one's name
    ("Banks", None, None, "role"),
    # a person the text names by number; a numbered law stays a text's name
    ("Juror No. 12", "Juror No. 12", None, "person"),
    ("Republic Act No. 3846", "Republic Act No. 3846", None, "org"),
    # Irish and Indian offices are titles
    ("Tanaiste Leo Varadkar", "Leo Varadkar", "Tanaiste", "person"),
    ("Additional District Collector Om Prakash", "Om Prakash", "Additional District Collector", "person"),
    # a name after "in" is where the speaker is, never who: a body keeps its seat, a person noun stays unnamed
    ("the Ruritanian embassy in Paris", "Ruritanian embassy in Paris", None, "org"),
    ("Police in Manchester", "Police in Manchester", None, "org"),
    ("a nurse in London", None, None, "role"),
    ("the mayor in Boston", None, None, "role"),
    # negatives: a named person before "in" is still the one named; "in" inside a capitalised title stays whole
    ("Sen. Tom Hale in Ohio", "Tom Hale", "Sen.", "person"),
    ("Tom Hale in Ohio", "Tom Hale", None, "person"),
    ("their trust in Biden", "Biden", None, "person"),  # no description of a speaker: the name stays a name
    ("Brexit in Name Only", "Brexit in Name Only", None, "org"),
    ("health officials in the county", None, None, "role"),  # a place with no name is no part of a body either
    # a capitalised trade before a full name (a known given name, or a hyphenated given name after the family name)
    # is a role, as "Farmer" is: "Archer" and "Administrator" too
    ("Archer Kim So-yeon", "Kim So-yeon", "Archer", "person"),
    ("Administrator Jim Bridenstine", "Jim Bridenstine", "Administrator", "person"),
    # negatives: a two-word name keeps a trade-like given name; a name that is no known given name after it
    ("Hunter Biden", "Hunter Biden", None, "person"),
    ("Walker Evans Jones", "Walker Evans Jones", None, "person"),
    # a body's office, then an abbreviated title and the name: the name, the rest its role
    ("Harlan Guard Chief of Staff Gen. Ann Ruiz", "Ann Ruiz", "Harlan Guard Chief of Staff Gen.", "person"),
    ("the Harlan Defense Ministry spokesman Lt. Col. Tom Hale", "Tom Hale",
     "Harlan Defense Ministry spokesman Lt. Col.", "person"),
    ("Rep. Tom Hale of Harlan", "Tom Hale", "Rep.", "person"),  # negative: a person from a place
    # a Welsh or Italian particle is part of the name, never a body's word ("ap" is no agency AP)
    ("Gareth ap Dafydd", "Gareth ap Dafydd", None, "person"),
    ("Piero della Rocca", "Piero della Rocca", None, "person"),
    ("the AP", "AP", None, "org"),
])
def test_parse_mention(mention, name, role, kind):
    """Titles and roles go to the role; organisations and pronouns are told apart."""
    got = parse_mention(mention)
    assert (got.name, got.role, got.kind) == (name, role, kind)


@pytest.mark.parametrize("a, b, same", [
    ("Vladimir Putin", "vladimir  putin", True),
    ("José Martí", "Jose Marti", True),
    ("Vladimir V. Putin", "Vladimir Putin", True),  # initials do not count
    ("Vladimir Putin", "Vladimir Potanin", False),
    ("Dominique Strauss-Kahn", "Dominique Strauss - Kahn", True),  # tokenised text spaces the hyphen
    ("Strauss-Kahn", "Kahn", False),  # a double-barrelled surname is one surname
    ("Kenneth F. McKenzie Jr.", "Kenneth McKenzie", True),  # a generation is not the surname
    ("Charles III", "Charles", False),  # a regnal number after a single name stays
])
def test_normalise_name(a, b, same):
    """Accents, case and spacing do not separate names."""
    assert (normalise_name(a) == normalise_name(b)) is same


ARTICLE = ("Russian President Vladimir Putin spoke on Friday. Interior Minister Anna Berg answered him. "
           "Ms. Berg said the plan was ready.\n\nPutin said talks would follow.")


@pytest.mark.parametrize("mention, at, expected", [
    ("Putin", "Putin said talks", "Vladimir Putin"),  # a later surname-only mention
    ("he", "Putin said talks", "Vladimir Putin"),  # Berg is the latest person, but a woman ("Ms.")
    ("she", "Putin said talks", "Anna Berg"),
    ("the minister", "Putin said talks", "Anna Berg"),  # a role noun to the latest person with that role
    ("the president", "Putin said talks", "Vladimir Putin"),
    ("the senator", "Putin said talks", None),  # no such role named: unknown, not a guess
])
def test_resolve_mention(mention, at, expected):
    """Names expand to full names; pronouns and role nouns resolve to the latest compatible person."""
    persons = find_persons(Article("a", ARTICLE))
    speaker_id, _ = resolve_mention(parse_mention(mention), ARTICLE.index(at), persons)
    assert speaker_id == expected


@pytest.mark.parametrize("cue, cls", [("said", "neutral"), ("told Sputnik", "neutral"), ("urged", "proposing"),
                                      ("called on", "proposing"), ("insists", "assertive"), ("alleged", "doubting"),
                                      ("according to", "neutral"), ("frobnicated", None), (None, None)])
def test_classify_cue(cue, cls):
    """Cue classes come from the cue table; unknown cues have none."""
    assert classify_cue(cue) == cls


def _frame(rows):
    """A quotes frame from (article id, speaker id) pairs."""
    return to_frame([Quote(a, "x", 0, 1, "direct", speaker_id=s) for a, s in rows], QUOTE_COLUMNS)


def test_canonicalise_speakers_across_articles():
    """A bare surname takes the one full name the corpus uses; ambiguous surnames and unknowns stay."""
    frame = _frame([("a1", "Putin"), ("a2", "Vladimir Putin"), ("a3", "Vladimir V. Putin"), ("a3", None),
                    ("a4", "Smith"), ("a5", "John Smith"), ("a6", "Jane Smith"), ("a7", "Nakamitsu")])
    out = canonicalise_speakers(frame)
    assert list(out["speaker_id"]) == ["Vladimir Putin", "Vladimir Putin", "Vladimir Putin", None,
                                       "Smith", "John Smith", "Jane Smith", "Nakamitsu"]
    assert list(frame["speaker_id"])[0] == "Putin"  # a new frame: the input is not changed
    assert canonicalise_speakers(frame.iloc[0:0]).empty


@pytest.mark.parametrize("ids, expected", [
    (["officials", "Officials", "Officials"], ["Officials"] * 3),  # one spelling: the most used
    (["Van Dijk", "Anna Van Dijk"], ["Anna Van Dijk"] * 2),  # a surname with a particle
    (["De Lucca", "Ben de Lucca"], ["Ben de Lucca"] * 2),
    (["Van Dijk", "Anna Van Dijk", "Rob Van Dijk"], ["Van Dijk", "Anna Van Dijk", "Rob Van Dijk"]),  # two of them
    (["Hale", "Jo Hale", "Ann Ruiz Hale"], ["Hale", "Jo Hale", "Ann Ruiz Hale"]),  # two full names end in it
    # A given name and a surname is a person of their own; a longer id may carry a title or an outlet.
    (["Maria Garcia", "Ana Maria Garcia"], ["Maria Garcia", "Ana Maria Garcia"]),
    (["Joe Biden", "President Joe Biden"], ["Joe Biden", "President Joe Biden"]),
    # A longer id that reads as no name takes no surname.
    (["Hale", "acting U.S. Attorney for Ohio Jo Hale"], ["Hale", "acting U.S. Attorney for Ohio Jo Hale"]),
    (["California", "In California"], ["California", "In California"]),
    # A common noun is no surname: only an id that reads as a name takes a full name ending in it.
    (["page", "Mara Page", "the page"], ["page", "Mara Page", "the page"]),
    (["police", "Harbor Police"], ["police", "Harbor Police"]),
    (["Kaabi", "Noura al-Kaabi"], ["Noura al-Kaabi"] * 2),  # a hyphened particle is no part of the surname
    # two persons speaking together are no full name a surname stands for ...
    (["Cole", "Ann Cole", "Tom Hale and Ann Cole"], ["Ann Cole", "Ann Cole", "Tom Hale and Ann Cole"]),
    # ... but each of them is a full name its surname stands for
    (["Cole", "Tom Hale and Ann Cole"], ["Ann Cole", "Tom Hale and Ann Cole"]),
    # ... and a body's name with "and" in it is no two persons
    (["Food and Drug Administration", "Administration", "Bill and Melinda Gates Foundation", "Gates", "Ann Cole",
      "Tom Hale and Ann Cole"], ["Food and Drug Administration", "Administration", "Bill and Melinda Gates Foundation",
                                 "Gates", "Ann Cole", "Tom Hale and Ann Cole"]),
    # a family name of two words, and the name a known given name opens before it
    (["Boone Isaacs", "Cheryl Boone Isaacs"], ["Cheryl Boone Isaacs"] * 2),
    # a family name written first, before a hyphened given name
    (["Tsai", "Tsai Ing-wen"], ["Tsai Ing-wen"] * 2),
    (["Moon", "Moon Jae-in", "Ana Moon"], ["Moon", "Moon Jae-in", "Ana Moon"]),  # two persons of that family name
    # ... and one pair in either order, under its most used order
    (["Tom Hale and Ann Cole", "Ann Cole and Tom Hale", "Tom Hale and Ann Cole"], ["Tom Hale and Ann Cole"] * 3),
    # ... by the surnames alone too, each person under the full name the corpus gives them
    (["Hale and Cole", "Ann Cole and Tom Hale", "Hale and Cole"], ["Tom Hale and Ann Cole"] * 3),
    # negative: a surname two full names share tells no one
    (["Hale and Cole", "Ann Cole and Tom Hale", "Ed Cole"], ["Tom Hale and Cole", "Ann Cole and Tom Hale", "Ed Cole"]),
    # a double-barrelled surname spaced as detokenised text writes it
    (["Strauss - Kahn", "Dominique Strauss - Kahn"], ["Dominique Strauss-Kahn"] * 2),  # shown as written in print
])
def test_canonicalise_speaker_variants(ids, expected):
    """Spellings, surnames of two words and shorter names of bodies take the one name the corpus uses for them."""
    out = canonicalise_speakers(_frame([(f"a{i}", v) for i, v in enumerate(ids)]))
    assert list(out["speaker_id"]) == expected


def test_canonicalise_speakers_hyphenated_surname():
    """A double-barrelled surname alone, hyphen spaced or not, takes the one full name that ends with it; a surname
    two full names share (one with a generation after it) stays as written."""
    frame = _frame([("a1", "Strauss - Kahn"), ("a2", "Dominique Strauss-Kahn"), ("a3", "Strauss-Kahn"),
                    ("a4", "Kahn"), ("a5", "Jean-Pierre Raffarin"), ("a6", "Raffarin"),
                    ("a7", "Walter R. Brandt Jr."), ("a8", "Paul Brandt"), ("a9", "Brandt")])
    out = canonicalise_speakers(frame)
    assert list(out["speaker_id"]) == ["Dominique Strauss-Kahn", "Dominique Strauss-Kahn", "Dominique Strauss-Kahn",
                                       "Kahn", "Jean-Pierre Raffarin", "Jean-Pierre Raffarin",
                                       "Walter R. Brandt Jr.", "Paul Brandt", "Brandt"]  # two Brandts


@pytest.mark.parametrize("ids, expected", [
    # A given name a middle initial of the other's starts with, the generation aside: one person, the more used name
    (["Ronald T. Vance Jr.", "Tom Vance", "Tom Vance", "Vance"], ["Tom Vance"] * 4),
    (["Ronald T. Vance", "Ronald Vance", "Tom Vance"], ["Ronald T. Vance", "Ronald T. Vance", "Ronald T. Vance"]),
    # a third full name of the surname, or one spelling with another initial: apart, the surname ambiguous
    (["Ronald T. Vance Jr.", "Tom Vance", "Ann Vance", "Vance"], ["Ronald T. Vance Jr.", "Tom Vance", "Ann Vance", "Vance"]),
    (["Ronald T. Vance", "Tom Vance", "Tom K. Vance"], ["Ronald T. Vance", "Tom Vance", "Tom Vance"]),
    # no middle initial, another initial, or initials of both: two people sharing a surname
    (["Ronald Vance", "Tom Vance"], ["Ronald Vance", "Tom Vance"]),
    (["Ronald K. Vance", "Tom Vance"], ["Ronald K. Vance", "Tom Vance"]),
    (["Ronald T. Vance", "Tom E. Vance"], ["Ronald T. Vance", "Tom E. Vance"]),
    # given names of different genders ("Alice" is no "James A.")
    (["James A. Vance", "Alice Vance"], ["James A. Vance", "Alice Vance"]),
    # a middle name written in full is a person of their own ("Ana Maria Garcia", "Maria Garcia")
    (["Ronald Tom Vance", "Tom Vance"], ["Ronald Tom Vance", "Tom Vance"]),
    # a given name the names table does not know tells no gender: two people ("Priya D. Vance" and "Dan Vance")
    (["Priya D. Vance", "Dan Vance"], ["Priya D. Vance", "Dan Vance"]),
    (["Ronald D. Vance", "Dashiell Vance"], ["Ronald D. Vance", "Dashiell Vance"]),
    # a given name's long and short forms: one person, the more used name; a third full name leaves them apart
    (["Edward J. Vance", "Ed Vance", "Edward J. Vance", "Vance"], ["Edward J. Vance"] * 4),
    (["Chuck Vance", "Charles Vance", "Chuck Vance"], ["Chuck Vance"] * 3),
    (["Steve Vance", "Steven Vance", "Steven Vance"], ["Steven Vance"] * 3),
    (["Ed Vance", "Edward Vance", "Ann Vance"], ["Ed Vance", "Edward Vance", "Ann Vance"]),
    (["Ed Vance", "Tom Vance"], ["Ed Vance", "Tom Vance"]),  # unrelated given names: two people
    # one of the two named again, without the initial, beside someone else: still the one person (in the pair too),
    # no third name
    (["Tom Vance", "Tom Vance", "Ronald T. Vance Jr.", "Ann Cole and Ronald Vance"],
     ["Tom Vance", "Tom Vance", "Tom Vance", "Ann Cole and Tom Vance"]),
    (["Tom Vance", "Ronald T. Vance", "Ann Cole and Ed Vance"], ["Tom Vance", "Ronald T. Vance", "Ann Cole and Ed Vance"]),
])
def test_one_person_under_two_given_names(ids, expected):
    """A full name whose given name starts with the middle initial of another full name of the same surname, or is
    the other's given name in its long or short form, is that person, when no other full name of the surname
    contradicts it; two people sharing a surname stay apart."""
    out = canonicalise_speakers(_frame([(f"a{i}", v) for i, v in enumerate(ids)]))
    assert list(out["speaker_id"]) == expected


def test_canonical_ids_hold_across_seed_like_articles():
    """The same person quoted in two outlets' articles ends up with one id."""
    a = Article("a", '"Talks will resume," Putin said.')
    b = Article("b", 'Russian President Vladimir Putin spoke.\n\n"We are ready," he said.')
    frame = to_frame(extract_quotes(a) + extract_quotes(b), QUOTE_COLUMNS)
    assert set(canonicalise_speakers(frame)["speaker_id"]) == {"Vladimir Putin"}


@pytest.mark.parametrize("text, acronym, expected", [
    ("The Office of Personnel Management issued guidance.", "OPM", "Office of Personnel Management"),
    ("Officials at the Reserve Bank of India spoke.", "RBI", "Reserve Bank of India"),
    ("The mayor spoke to Old Port Merchants.", "XYZ", None),  # no run spells it
    # some acronyms spell the links too
    ("The People’s Bank of China cut its key rate.", "PBOC", "People’s Bank of China"),
    ("The Department of Justice filed suit.", "DOJ", "Department of Justice"),
    ("The Food and Agriculture Organization warned.", "FAO", "Food and Agriculture Organization"),
])
def test_expand_acronym(text, acronym, expected):
    """An acronym expands to the capitalised run whose initials spell it, or None."""
    assert expand_acronym(text, acronym) == expected


@pytest.mark.parametrize("text, description, expected", [
    ("Centre-left daily Avgi warned of unrest. Later ", "the paper", "Avgi"),
    ("The Energy Department recalled staff. Later ", "the department", "Energy Department"),
    ("A review was within Department policy. Later ", "the department", None),  # the bare head names nothing
    ("The mayor spoke. Later ", "the weather", None),  # not an organisation description
    # a body named by its own head noun, or by a word that names its kind ("Guild" for "the union")
    ("Two cubs were born at Marlow Zoo in May. Later ", "the zoo", "Marlow Zoo"),
    ("The Painters Guild of Ohio backed the deal. Later ", "the union", "Painters Guild of Ohio"),
    ("The Alliance for Clean Rivers sued the county. Later ", "the group", "Alliance for Clean Rivers"),
    ("The Harbor Museum reopened. Later ", "the museum", "Harbor Museum"),
    # a maker of something is a company ("Drugmaker X" opening a sentence is one capitalised run); an apposition
    # after the name with an owner ("X, Chile's largest carrier,"); a description set before the name ("The port
    # operator, X,"); the kind after the name ("the X union")
    ("Drugmaker Brovane said sales fell. Later ", "the company", "Brovane"),
    ("Ostrava Aero, Chile's largest carrier, cut fares. Later ", "the company", "Ostrava Aero"),
    ("The port operator, Tarvo Terminals, made an offer. Later ", "the company", "Tarvo Terminals"),
    ("The company developing the drug, Lumo Genetics, will apply. Later ", "the company", "Lumo Genetics"),
    ("Marlow Sound Records dropped the singer. Later ", "the label", "Marlow Sound Records"),
    ("The striking Painters and Glaziers union reached a deal. Later ", "the union", "Painters and Glaziers"),
    ("She founded the Clean Rivers Trust — a charity that plants trees. Later ", "the group", "Clean Rivers Trust"),
    # negatives: a description before that is a sentence's start, not an apposition; a kind followed by its own
    # name ("a Facebook group 'Say No'"); a pronoun opening a sentence before the kind
    ("The navy recovered rifles, RPG launchers and boats. Later ", "the navy", None),
    ("The Facebook group 'Say No to Hate' has 11,000 likes. Later ", "the group", None),
    ('"Your company earned money from this." Later ', "the company", None),
    ("Film director Ava Lind sold her studio. Later ", "the company", None),
    # a person described as of a body's kind, or of a trade spelt like a company maker, is no body
    ("The union leader, Mick Lynch, spoke. Later ", "the union", None),
    ("Tom Hale — a union organiser for twenty years — led the march. Later ", "the union", None),
    ("Lawmaker Tom Hale criticised the merger. Later ", "the company", None),
    ("Filmmaker Ana Ruiz sold the rights. Later ", "the company", None),
    # an adjective or a nation before a kind is no body's name; an article is no part of a name
    ("A German court ruled on Monday. Later ", "the court", None),
    ("They set up a WhatsApp group to share news. Later ", "the group", None),
    ("Biden energy policy was criticised. Later ", "the company", None),
    ("The of the, Vantor, won. Later ", "the company", None),  # no head noun: nothing, and no error
    # negatives: a text is no body, and a name after the head word is not named by it
    ("It issued a statement Friday. Later ", "the statement", None),
    ("Photos from the zoo\n\nKira was born there. Later ", "the zoo", None),
    ("The Painters Guild of Ohio backed the deal. Later ", "the museum", None),
])
def test_org_antecedent(text, description, expected):
    """A description before the end of ``text`` stands for the organisation named so before it."""
    assert org_antecedent(text, len(text), description) == expected


@pytest.mark.parametrize("text, speaker", [
    # Initials as the whole name normalise to nothing: the family-name-first lookup must not index into it.
    ('Foreign Minister J. R. K. spoke first. "We will act," said Foreign Minister J. R. K.\n\n'
     'Mr Ng said the talks "would go on for a long while yet".', "Ng"),
    ('Defence Minister Ng Eng Hen arrived. Envoy A. B. C. spoke too.\n\n'
     '"We are ready for this," Mr Ng said.', "Ng Eng Hen"),  # the family name first still finds the full name
])
def test_full_name_lookup_with_initials_only_names(text, speaker):
    """A person named only by initials does not crash the full-name lookup of a later surname (issue 12)."""
    quotes = [q for q in extract_quotes(Article("t", text)) if q.kind != "reported"]
    assert quotes[-1].speaker_id == speaker


@pytest.mark.parametrize("text, speaker", [
    # A pronoun that stands for no one the text named is no speaker: unattributed, not "It" or "he" in the voices.
    ('The rules changed on Monday.\n\n"The review found nothing unlawful," it said.', None),
    ('Crowds gathered outside.\n\n"We will not leave until they listen," he said.', None),
    # ... while a pronoun with someone to stand for takes them.
    ('"We acted lawfully," the Harbour Authority said.\n\n"The review found nothing unlawful," it added.',
     "Harbour Authority"),
    ('Mayor Ann Lee spoke first.\n\n"We will not leave until they listen," she said.', "Ann Lee"),
])
def test_an_unresolved_pronoun_is_no_speaker(text, speaker):
    quote = [q for q in extract_quotes(Article("t", text)) if q.kind != "reported"][-1]
    assert quote.speaker_id == speaker and (speaker is not None or quote.speaker is None)


@pytest.mark.parametrize("text, speaker", [
    # A hyphened surname alone finds the full name that ends in it.
    ('"Most services stopped," said Dr. Samir Al-Tawil, the director.\nAl-Tawil does not hide it, but he resents it: '
     '"We choose every day who gets a bed."', "Samir Al-Tawil"),
    ('Dominique Rivet-Kahn spoke in Paris.\n"We will act," Rivet-Kahn said.', "Dominique Rivet-Kahn"),
    # negatives: another hyphened name, or one whose first part the full name lacks, is no match
    ('Anne Rivet-Kahn spoke in Paris.\n"We will act," Marc-Kahn said.', "Marc-Kahn"),
    # a hyphened particle is no part of the surname: "Al-Tawil" is Tawil, "Sisi" is el-Sisi
    ('Samir Tawil spoke in Cairo.\n"We will act," Al-Tawil said.', "Samir Tawil"),
    ('President Abdel Fattah el-Sisi met the envoy on Monday.\n\nSisi said: "We will act."', "Abdel Fattah el-Sisi"),
    # A given name alone, not in the table of first names, finds the one full name that opens with it.
    ('In a statement, her mother Ami Caton said: "She was kind."\nSpeaking later, her mum Ami said: "She was my '
     'world."', "Ami Caton"),
    ('Zoltan Barna, the coach, spoke first.\n"We will win," Zoltan said.', "Zoltan Barna"),
    # negatives: two full names opening with it; a surname match comes first
    ('Zoltan Barna and Zoltan Kiss spoke first.\n"We will win," Zoltan said.', "Zoltan"),
    ('Zoltan Barna spoke first. Coach Ivo Zoltan spoke next.\n"We will win," Zoltan said.', "Ivo Zoltan"),
])
def test_part_of_a_name_finds_the_full_name(text, speaker):
    quote = [q for q in extract_quotes(Article("t", text)) if q.kind != "reported"][-1]
    assert quote.speaker_id == speaker


@pytest.mark.parametrize("text, speaker", [
    # "the company" is a company named before, by how its name ends ...
    ('Orbit Airlines cut its fares on Monday.\n\n"We will keep them low," the company said.', "Orbit Airlines"),
    # ... never a public body whose name ends the same way
    ('Regulators at the Department of Energy fined the firm.\n\n"We will appeal," the company said.', None),
])
def test_the_company_is_no_public_body(text, speaker):
    quote = [q for q in extract_quotes(Article("t", text)) if q.kind == "direct"][-1]
    assert quote.speaker_id == speaker


def test_a_decimal_is_no_age():
    """"Tom Bell, 2.5 million" gives Tom Bell no age of 2, so "the 2-year-old" is no one named."""
    from lib.extract.speakers import _AGE_AFTER

    assert _AGE_AFTER.match(", 2.5 million") is None and _AGE_AFTER.match(", 38, a plumber").group("age") == "38"


_VANCES = ("Lyle Vance, a farmer, was there on Friday. The crowd thanked Mr. Vance and his friend. The crowd cheered "
           "for Mara Vance and her horse. Mary Vance's horse won the race. Then Vance left the fair with L. Vance.")


@pytest.mark.parametrize("written, counted", [
    ("Mr. Vance", True), ("Then Vance", True), ("L. Vance", True),  # a title, a sentence opener, an initial
    ("Mara Vance", False),  # another given name inside a sentence
    ("Mary Vance", False),  # a known given name, opening a sentence too
])
def test_a_surname_after_another_given_name_is_another_person(written, counted):
    """A registered person's surname written after another given name ("Mara Vance" when only "Lyle Vance" is
    registered) is no mention of that person; after a title, an initial or a sentence opener it is."""
    persons = find_persons(Article("t", _VANCES))
    surname_at = _VANCES.index(written) + len(written) - len("Vance")
    assert list(persons.roles) == ["Lyle Vance"]
    assert (surname_at in persons.positions) is counted


@pytest.mark.parametrize("text, speaker", [
    # "her official site" is the woman's named last: not a brother named later whose surname her mentions share
    ("Stage legend Mara Vance died on Friday in Ohio after a long illness, according to her official site.\n\n"
     "Vance was born in 1931 in Dayton, where she grew up.\n\nVance was survived by her brother, Lyle Vance, a farmer.",
     None),
    ("Mara Vance died on Friday in Ohio after a long illness, according to her official site.\n\n"
     "Vance was born in 1931 in Dayton, where she grew up.\n\nVance was survived by her brother, Lyle Vance, a farmer.",
     "Mara Vance"),
])
def test_a_pronoun_document_is_not_credited_through_another_persons_surname(text, speaker):
    quote = extract_quotes(Article("t", text))[0]
    assert quote.speaker == "her official site" and quote.speaker_id == speaker


def test_an_unnamed_speaker_is_one_row_whatever_its_case():
    """"Officials" opening a sentence and "officials" inside one are one speaker on the pages; a named speaker keeps
    its id, and a quote with no speaker stays without one."""
    quotes = pd.DataFrame({"speaker": ["Officials", "officials", "Officials", "The ministry", "the ministry",
                                       "Tom Hale", None],
                           "speaker_id": [None, None, None, None, None, "Tom Hale", None]})
    assert speaker_names(quotes).tolist()[:6] == ["officials"] * 3 + ["the ministry"] * 2 + ["Tom Hale"]
    assert pd.isna(speaker_names(quotes).iloc[6])


def test_a_body_is_one_row_whatever_its_case_and_article():
    """A body named with and without "the", or by an id and as written in lower case, is one speaker on the pages
    ("The Hollywood Reporter" / "Hollywood Reporter", "Police" / "police"); two different names stay two."""
    quotes = pd.DataFrame({"speaker": ["The Hollywood Reporter", "the paper", "Police", "police", "Tom Hale", "Ann Lee"],
                           "speaker_id": ["The Hollywood Reporter", "Hollywood Reporter", "Police", None, "Tom Hale",
                                          "Ann Lee"]})
    names = speaker_names(quotes).tolist()
    assert names[0] == names[1] and names[2] == names[3] == "police"
    assert names[4:] == ["Tom Hale", "Ann Lee"]


def test_a_speaker_as_written_with_a_no_break_space_is_one_row_with_its_spaced_spelling():
    """The speaker as written keeps the text's own characters (its offsets point at them): a no-break space inside it
    is no second speaker on the pages."""
    quotes = pd.DataFrame({"speaker": ["press secretary\xa0of the council", "press secretary of the council"],
                           "speaker_id": [None, None]})
    names = speaker_names(quotes).tolist()
    assert names[0] == names[1]


def test_an_unnamed_voice_is_one_row_with_or_without_its_article():
    """"a White House official" and "White House official" are one unnamed voice on the pages."""
    quotes = pd.DataFrame({"speaker": ["a White House official", "White House official", "an aide", "aide"],
                           "speaker_id": [None] * 4})
    names = speaker_names(quotes).tolist()
    assert names[0] == names[1] == "a White House official" and names[2] == names[3] == "an aide"


def test_a_body_is_one_row_with_or_without_its_country():
    """"U.S. Capitol Police", "the US Capitol Police" and "Capitol Police" are one speaker; "US Open" is no "Open"."""
    ids = ["Capitol Police", "U.S. Capitol Police", "the US Capitol Police", "US Open", "Open", "Capitol Police"]
    names = speaker_names(pd.DataFrame({"speaker": ids, "speaker_id": ids})).tolist()
    assert names[:3] == ["Capitol Police"] * 3 and names[5] == "Capitol Police" and names[3] != names[4]


@pytest.mark.parametrize("mention, name, kind", [
    ("The Food and Drug Administration", "Food and Drug Administration", "org"),
    ("the Biden administration", "Biden administration", "org"),
    ("Obama administration official Tom Hale", "Tom Hale", "person"),  # a person titled by the body
    ("State television", "State television", "org"),
    ("the Alliance of Motion Picture and Television Producers", "Alliance of Motion Picture and Television Producers",
     "org"),
    ("Broadcaster Piers Morgan", "Piers Morgan", "person"),  # a trade, no body, and no part of the name
])
def test_an_administration_is_a_body(mention, name, kind):
    parsed = parse_mention(mention)
    assert (parsed.name, parsed.kind) == (name, kind)


@pytest.mark.parametrize("mention, kind", [
    ("India", "org"), ("South Korea", "org"), ("Turkey", "org"),
    # negatives: a country that is also a given name, a person named after one, a titled person
    ("Jordan", "person"), ("India Walton", "person"), ("President Kenya Mwangi", "person"),
])
def test_a_country_said_to_speak_is_a_body(mention, kind):
    """"India said": its government, a body, never a person who could take a later "she"."""
    assert parse_mention(mention).kind == kind


@pytest.mark.parametrize("text, short, full", [
    ("Advice came from the Ruritanian Department of State. The State Department said little.", "State Department",
     "Ruritanian Department of State"),
    ("The Supreme Court of the United Kingdom ruled. The Supreme Court said more.", "Supreme Court",
     "Supreme Court of the United Kingdom"),
    # negatives: two fitting bodies, a person's name or title, a modifier, a headline, one word
    ("The Supreme Court of Ruritania and the Supreme Court of Borduria ruled.", "Supreme Court", None),
    ("Lt. Ana Ruiz of the Harlan State Police spoke.", "State Police", None),
    ("The Kurdish-led Syrian Democratic Forces advanced.", "Syrian Democratic Forces", None),
    ("Three Harlan Islanders wrote to the council.", "Harlan Islanders", None),
    ("Harlan Administration Flips Old Endangered Species Ruling Again", "Harlan Administration", None),
    ("The Harlan Police Department said.", "Police", None),
    ("The United Nations Security Council met.", "United Nations", None),  # another body built on the name
    ("The People's Republic of Harlan met.", "Republic of Harlan", None),
    ("the Scottish Labour Party", "Labour Party", None),
    ("the Federal Reserve Bank of Harlan", "Federal Reserve", None),
    ("After East and West Ruritania traded fire, East Ruritania said it would respond.", "East Ruritania", None),
])
def test_fuller_body_name(text, short, full):
    """A body's shorter name stands for the one longer name the story gives it in full."""
    assert fuller_body_name(text, short, {"Ana", "Ruiz"}) == full


def test_short_surname_ends_its_name_at_a_sentence_end():
    """A surname of two or three letters before a full stop ends the name ("spoke with Di Li. He said"); a title's
    or a place's abbreviation does not ("Gen. Mark Ode", "St. Louis")."""
    runs = [m.group(0) for m in re.finditer(NAME_PATTERN, "Police spoke with Di Li. He said Gen. Mark Ode was in "
                                                          "St. Louis. Mr. Ng. Ana Wu. The end.")]
    assert runs == ["Police", "Di Li", "He", "Gen. Mark Ode", "St. Louis", "Mr. Ng", "Ana Wu", "The"]


@pytest.mark.parametrize("mention, name, kind", [
    # a body every country has is named with its owner: two countries' ministries are two speakers
    ("Turkey's Defence Ministry", "Turkey's Defence Ministry", "org"),
    ("Britain’s Home Office", "Britain’s Home Office", "org"),
    ("the People’s Bank of China", "People’s Bank of China", "org"),  # a curly "’s" of the body's own name kept
    ("the Defense Science Board", "Defense Science Board", "org"),  # a field's word before a body: no titled person
    # a nation's adjective names no author: the text as written ("the Indian statement" is no person "Indian")
    ("the Indian statement", None, "role"),
    # a code of letters and numbers names no one ("COVID-19 leaked from a lab - insisting ..."); a firm's name may
    ("COVID-19", None, "unknown"),
    ("H5N1", None, "unknown"),
    ("G7", "G7", "org"),
    ("A Chinese official statement", None, "role"),
    # negatives: a body of its own name keeps it without its owner; a field's title before a person
    ("Germany's Robert Koch Institute", "Robert Koch Institute", "org"),
    ("Defense Secretary Lia Park", "Lia Park", "person"),
    ("Justice Amy Hall", "Amy Hall", "person"),
])
def test_a_body_is_named_as_one_body(mention, name, kind):
    parsed = parse_mention(mention)
    assert (parsed.name, parsed.kind) == (name, kind)


@pytest.mark.parametrize("text, expected", [
    ("Turkey's Defence Ministry said three soldiers were killed in the attack.\n\n"
     "The Defence Ministry said it had struck back at the positions.",
     ["Turkey's Defence Ministry", "Turkey's Defence Ministry"]),
    # an owner's name and a body's are no full name of the body: "Facebook" stays Facebook
    ("Donald Trump’s Facebook and Instagram accounts were suspended in January.\n\nFacebook said the decision was final.",
     ["Facebook"]),
    # nor are the words of a title-cased line, or a product's name before it
    ('Google runs the search engine. Then Google expects the query to be in the URL.\n\n'
     'query = "news How To Scrape Google With Python"', ["Google"]),
    ("Google runs the search engine. Then Google expects the query to be in the URL.\n\n"
     "The RapidAPI Google Search endpoint is fast.", ["Google"]),
])
def test_a_body_keeps_its_own_name_in_an_article(text, expected):
    assert [q.speaker_id for q in extract_quotes(Article("b", text))] == expected


@pytest.mark.parametrize("text, expected", [
    ('" We support the proposal , " said Rep . Nick Rahall , a Democrat .', "Nick Rahall"),
    ('" We support the proposal , " Gov . Ann Lee said .', "Ann Lee"),
    # negative: a stop after a word of its own ends a sentence, as written
    ('" We support the proposal , " said Ann Lee of the Rep . Nobody else spoke .', "Ann Lee"),
])
def test_a_title_whose_stop_tokenised_text_spaced_off_is_a_title(text, expected):
    assert [q.speaker_id for q in extract_quotes(Article("t", text))] == [expected]


def test_she_stands_for_no_body():
    """"The council met ... "...," she said": "she" names no one the text describes, never the council."""
    text = 'The council met on Monday. Why did the council resign?\n\n"I was tired," she said later.'
    assert [(q.speaker, q.speaker_id) for q in extract_quotes(Article("c", text))] == [(None, None)]


@pytest.mark.parametrize("mention, name, kind", [
    # "des" between a given name and the surname is the name's particle ("Laurence des Cars"), not a genitive
    ("Laurence des Cars", "Laurence des Cars", "person"),
    ("Marie des Roches", "Marie des Roches", "person"),
    ("der Präsident des Bundesverbands", "Bundesverbands", "person"),  # as before: no given name, no particle
    # a body's letters make a name a body's, unless a given name opens it (a surname written in capitals)
    ("California ISO", "California ISO", "org"),
    ("PJM Interconnection", "PJM Interconnection", "org"),
    ("Jean DUPONT", "Jean DUPONT", "person"),
    ("FBI Director Chris Wray", "Chris Wray", "person"),
    ("CEO Tim Cook", "Tim Cook", "person"),
    # a studio's or label's trade word makes a body ("Sony Pictures said")
    ("Sony Pictures", "Sony Pictures", "org"),
    ("Ubisoft Entertainment", "Ubisoft Entertainment", "org"),
    # a free relative pronoun opening a sentence names no one ("Whoever said ...")
    ("Whoever", None, "unknown"),
    ("Whatever", None, "unknown"),
])
def test_particles_acronyms_and_free_relatives(mention, name, kind):
    parsed = parse_mention(mention)
    assert (parsed.name, parsed.kind) == (name, kind)


@pytest.mark.parametrize("text, fragment, speaker", [
    # a family relation is a role, in its compounds of degree too
    ('Neighbours gathered outside the house.\n\n"He was a sweet little boy," said the great-grandfather, who did not '
     'share his name.', "sweet little boy", "the great-grandfather"),
    ('"She raised all of us," her sister-in-law said.', "raised all of us", "her sister-in-law"),
    # ... which registers the person it describes: the pronoun after is theirs
    ('Ramesh Yadav, 63, said he had been paid half.\n\nHis cousin, Dinesh Yadav, was less forgiving. "They come here '
     'every five years," he said.', "every five years", "Dinesh Yadav"),
    # a surname alone is the person the text names more often than any relative sharing it
    ('President Ana Morel spoke on Monday. Morel\'s niece Clara Morel published a book. Ana Morel dismissed it. '
     '"It is fiction," Morel said.', "It is fiction", "Ana Morel"),
    # ... and stays a surname where a relative is named as often (the son speaking of his father)
    ('Assistant manager Tony Leone was named coach. His son, T.J. Leone, is a guard at Temple. "My dad is ready to '
     'step in," Leone said.', "My dad is ready", "Leone"),
])
def test_family_relations_name_speakers(text, fragment, speaker):
    (q,) = [q for q in extract_quotes(Article("k", text)) if fragment in q.text]
    assert (q.speaker_id or q.speaker) == speaker

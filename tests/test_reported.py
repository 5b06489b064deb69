"""Reported speech: speaker + reporting cue + content, without quote marks."""
from __future__ import annotations

import pytest

from lib.extract.quotes import extract_quotes
from lib.models import Article

CONTEXT = "Russian President Vladimir Putin spoke on Friday. "


def _reported(text: str):
    """(speaker_id, cue, cue_class, content) of the reported-speech quotes of a text."""
    return [(q.speaker_id, q.cue, q.cue_class, q.text) for q in extract_quotes(Article("r", text))
            if q.kind == "reported"]


@pytest.mark.parametrize("sentence, expected", [
    ("Putin also called on all countries to reach a global agreement.",
     ("Vladimir Putin", "called on", "proposing", "all countries to reach a global agreement")),
    ("In his new initiative, Putin proposed to the United States joint efforts in cyber security.",
     ("Vladimir Putin", "proposed", "proposing", "to the United States joint efforts in cyber security")),
    ("He called for restoring a full-scale dialogue on security.",
     ("Vladimir Putin", "called for", "proposing", "restoring a full-scale dialogue on security")),
    ("He stressed that the talks must continue next year.",
     ("Vladimir Putin", "stressed", "assertive", "the talks must continue next year")),
    ("In particular, the president invited the United States to agree on a program.",
     ("Vladimir Putin", "invited", "proposing", "the United States to agree on a program")),
    ("The attack killed five people, according to the interior ministry.",
     ("interior ministry", "according to", "neutral", "The attack killed five people")),
    ("Moscow is ready for talks, Putin told reporters.",
     ("Vladimir Putin", "told reporters", "neutral", "Moscow is ready for talks")),
    ("The plan will fail, claimed opposition leader Anna Berg.",
     ("Anna Berg", "claimed", "doubting", "The plan will fail")),
    # the second of two clauses joined by "and", after a first with commas of its own
    ("Some ports, including Odessa, Mykolaiv and Izmail, have their own grain silos, and Putin has said he intends to "
     "inspect all of them.", ("Vladimir Putin", "said", "neutral", "he intends to inspect all of them")),
    # a place phrase opening the sentence without a comma is no part of the subject
    ("In Parliament the Workers Party of Ardonia accused the government of negligence.",
     ("the Workers Party of Ardonia", "accused", "criticising", "the government of negligence")),
])
def test_reported_constructions(sentence, expected):
    """Each reported-speech shape gives one quote with speaker, cue, class and the content span."""
    assert _reported(CONTEXT + sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # A refusal elsewhere in the sentence is no refusal to say.
    ("The minister, who refused to resign, said that the plan would go ahead in May.",
     (None, "said", "neutral", "the plan would go ahead in May")),  # a role nobody named: no id
    ("Putin, declining questions, said the troops would leave the border soon.",
     ("Vladimir Putin", "said", "neutral", "the troops would leave the border soon")),
])
def test_reported_next_to_a_refusal(sentence, expected):
    """A refusal that is not the cue's own leaves the reported speech standing."""
    assert _reported(CONTEXT + sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # A description after a name and its comma is the name's apposition: the name speaks, not the description.
    ("Sen. Ann Holt, a conservative Ohio Democrat, has indicated she would not support the bill.",
     ("Ann Holt", "indicated", "neutral", "she would not support the bill")),
    ("The Courier reported Friday that Sen. Ann Holt, a conservative Ohio Democrat, has indicated she would not support "
     "the bill.", ("Ann Holt", "indicated", "neutral", "she would not support the bill")),
    # negatives: a fronted phrase or adverb before the description is no name
    ("In Washington, a senior official said the talks would resume next week.",
     (None, "said", "neutral", "the talks would resume next week")),
])
def test_reported_by_a_name_before_its_apposition(sentence, expected):
    """The subject is the name before the apposition, not the apposition read after a lead phrase."""
    assert _reported(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # The content holds a comma phrase, then a body reports it: the body is the subject, not that phrase.
    ("Festival director Ana Ruiz will not lead next year's edition, the second in her contract, the Daily Courier "
     "reports.", ("Daily Courier", "reports", "neutral", "Festival director Ana Ruiz will not lead next year's edition")),
])
def test_reported_by_a_body_after_a_comma_phrase(sentence, expected):
    """A body named after a comma phrase reports the content (the phrase is no apposition of a speaker)."""
    assert _reported(CONTEXT + sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "In Ardonia said the talks would go on.",  # a place phrase alone is nobody
    "Putin described the risk of confrontation as a challenge.",  # describing without content
    "The ministry said so.",  # content too short
    "Putin made a number of proposals for cooperation.",  # no reporting cue
    'Putin said: "We are ready to talk."',  # a direct quote, not reported speech
    "Russia has for years advocated a treaty.",  # no cue in the table
    # A refusal or a denial reports what was not said.
    "The pastor, Ann Reyes, declined to say whether the church had received any threats.",
    "Putin would not say whether the troops would leave the border.",
    "The ministry did not immediately say how many people were hurt.",
    "Putin refused to say when the talks would resume next year.",
    "Putin never said that the troops would leave the border.",
    "Putin won't say whether the troops would leave the border.",
    "The ministry has not yet said how many people were hurt in the blast.",
    # an owner before an adjective that is a cue's past form: nobody reports anything
    "The program, the linchpin of President Putin's proposed energy law, would pay utilities to build more plants.",
    "Despite Putin's announced cuts, the troops stayed at the border for another month.",
])
def test_not_reported(sentence):
    """Sentences that report nothing, or quote directly, give no reported speech."""
    assert _reported(CONTEXT + sentence) == []


@pytest.mark.parametrize("sentence, content", [
    # a cue of writing or posting followed by the thing written or posted reports no words ...
    ("Maria Tovar wrote a column on the strike and tried to explain the union's demands.", None),
    ("Maria Tovar posted a video explaining why the farmers are so angry about the deal.", None),
    ("Maria Tovar tweeted [es] the photo above and said the square was full again.", None),
    ("Maria Tovar wrote about the visit in a post on her blog last week.", None),
    ("Maria Tovar posted 12 photos of the police lines outside the parliament.", None),
    ("Maria Tovar wrote on her blog about the winners and losers of the deal.", None),
    # ... but a clause after it does, with or without "that"
    ("Maria Tovar tweeted she was honoured to speak at the rally on Sunday.",
     "she was honoured to speak at the rally on Sunday"),
    ("Maria Tovar wrote that a series of tweets had misled the voters.", "a series of tweets had misled the voters"),
    ("Judge Ann Ruiz wrote denying the islanders citizenship violated the constitution.",
     "denying the islanders citizenship violated the constitution"),
    # other cues take their content as before
    ("Maria Tovar said a deal was close and the strike would end.", "a deal was close and the strike would end"),
    # a deed done to a thing with a cue's verb is no speech: "added", "recalled", "slammed" and their object
    ("Since May 2020, America has added back 16.7 million jobs.", None),
    ("France has recalled its ambassador to the United States over the deal.", None),
    ("The army slammed the border town with artillery on Saturday.", None),
    ("Kleopatra, a victim of Roman propaganda, is remembered for the men with whom she slept.", None),
    ("Dr. Chen Jing, who runs the unit, remembers the first winter well.", None),
    ("Employers added 235,000 jobs last month across the whole country.", None),
    # ... but their clause reports words, after a bracketed note too
    ("Maria Tovar added that the strike would end on Friday.", "the strike would end on Friday"),
    ("Maria Tovar added [es] that the strike would end on Friday.", "the strike would end on Friday"),
    ("Maria Tovar recalled she had marched in the same square in 1989.", "she had marched in the same square in 1989"),
    ("Maria Tovar remembered that the square was full in 1989.", "the square was full in 1989"),
])
def test_what_was_written_or_posted_is_no_reported_speech(sentence, content):
    assert [q[3] for q in _reported(sentence)] == ([content] if content else [])


@pytest.mark.parametrize("sentence, speakers", [
    # "according to" names the source after the words, never a subject before it; a cue's word after an article is a
    # noun ("at the urging of", "an estimated")
    ("The rivals will meet on June 16 in Geneva, Switzerland, for their first summit, according to the White House.",
     ["White House"]),
    ("The depot holds fuel for Anchorage, Palmer, Wasilla and the valley, according to the company's website.", [None]),
    ("Harris visited the border in El Paso, Texas, after weeks of pressure and at the urging of some Democrats, and "
     "called for an end to the finger pointing.", []),
    # a progressive form keeps its subject
    ("ESPN is reporting the Nationals have offered the pitcher a new contract.", ["ESPN"]),
])
def test_according_to_and_a_cue_word_used_as_a_noun_take_no_subject_before_them(sentence, speakers):
    assert [q[0] for q in _reported(sentence)] == speakers


@pytest.mark.parametrize("sentence, content", [
    # a short noun phrase after a cue of rejecting, criticising or praising is what was rejected, not words reported
    ("The teachers' union rejected the offer on Monday.", None),
    ("Maria Tovar criticized the decision via Twitter.", None),
    ("Maria Tovar praised the new mayor of the city.", None),
    # ... but a clause is, and so is an accusation's gerund, and an announcement's object
    ("Maria Tovar denied the plan would fail.", "the plan would fail"),
    ("Maria Tovar accused the government of stealing the election.", "the government of stealing the election"),
    ("Maria Tovar announced the closure of the plant.", "the closure of the plant"),
])
def test_what_was_rejected_or_praised_is_no_reported_speech(sentence, content):
    assert [q[3] for q in _reported(sentence)] == ([content] if content else [])


@pytest.mark.parametrize("sentence, content", [
    # words said without being given ("such stuff", "nothing about", "so") are no reported speech
    ("All presidents say such stuff, and they all get away with it.", None),
    ("Mayor Ann Lee said nothing about the budget at the meeting.", None),
    ("The minister said so, and the council agreed on Monday.", None),
    # ... but a clause opening with the same words is
    ("Critics say such things happen often when budgets are cut.", "such things happen often when budgets are cut"),
    ("Officials said nothing had changed since the storm.", "nothing had changed since the storm"),
])
def test_words_not_given_are_no_reported_speech(sentence, content):
    assert [q[3] for q in _reported(sentence)] == ([content] if content else [])


def test_reported_offsets_point_at_content():
    """The content span is the article text at its offsets, after the cue."""
    text = CONTEXT + "He called on the United States to exchange guarantees of non-interference."
    (q,) = [q for q in extract_quotes(Article("r", text)) if q.kind == "reported"]
    assert text[q.start:q.end] == q.text == "the United States to exchange guarantees of non-interference"
    assert text[q.speaker_start:q.speaker_end] == "He"


@pytest.mark.parametrize("sentence, content", [
    # when the words were said is the cue's, not the content's
    ("The general announced Monday evening that the last of the troops had left the country.",
     "the last of the troops had left the country"),
    ("Officials said Friday they were very wrong about the timeline.", "they were very wrong about the timeline"),
    ("The minister said on Tuesday at the Pentagon that the war was over.", "the war was over"),
    ("The board announced today that it would close the plant.", "it would close the plant"),
    # negative: a day that is the reported clause's subject stays in it
    ("The minister said Monday was the deadline for all applications.", "Monday was the deadline for all applications"),
])
def test_the_time_of_saying_is_no_part_of_the_content(sentence, content):
    assert [q[3] for q in _reported(sentence)] == [content]


@pytest.mark.parametrize("sentence, expected", [
    # a pronoun after the cue opens the reported clause: no subject written after "said"
    ("Ann Lee, who attended the hearing, said he backed Tom.", []),
    ("Ann Lee, who attended the hearing in the morning, said he backed the mayor.",
     [("Ann Lee", "he backed the mayor")]),
    # what a cue is about is no speech ("say about your brand"), nor a cue whose clause goes on after it
    ("The good things customers say about your brand are amplified as well.", []),
    ("On the plus side, the good things customers say about the brand are amplified.", []),
    ("The newspaper reported about the agency's contacts with the lawyer in 2019.", []),
    # a description whose last word names no one who speaks, behind a verb or a preposition, is no speaker
    ("Monday's strike grounded flights, shut shops and the union said it was planning more walkouts.", []),
    ("The absence of the word in the senator's public remarks and statements has frustrated activists.", []),
    # negatives: "about" and a number, a description naming a person, a body or a group
    ("Police said about 30 people were arrested in the protest.",
     [("Police", "about 30 people were arrested in the protest")]),
    ("Police said about a dozen people had been arrested after the match.",
     [("Police", "about a dozen people had been arrested after the match")]),
    ("Officials said about the same number of migrants had crossed as last year.",
     [("Officials", "about the same number of migrants had crossed as last year")]),
    ("The group's lawyer said the ruling would be appealed soon.",
     [("The group's lawyer", "the ruling would be appealed soon")]),
    ("A person familiar with the company's plans said the talks had stalled.",
     [("A person familiar with the company's plans", "the talks had stalled")]),
])
def test_no_reported_speech_from_a_clause_or_a_topic(sentence, expected):
    assert [(q.speaker, q.text) for q in extract_quotes(Article("r", sentence)) if q.kind == "reported"] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a passive cue: its subject is who was expected, told or charged, no speaker
    ("Cheeks, who is expected to speak at a press conference today, is excited to be back.", []),
    ("The mayor was told that the bridge would stay closed until the spring.", []),
    ("The driver was charged with dangerous driving after the crash on Monday.", []),
    ("Ann Lee, who was initially charged with murder, later accepted a plea deal for manslaughter.", []),
    ("As the governor contends with intense scrutiny over her handling of the crisis, aides are quitting.", []),
    ("Protesters, who were calling for new elections, had erected tents outside the parliament.", []),
    # a manner after the cue: the words are after its "that", else there are none
    ("Tom Hale said with a smile that the plan was dead and buried for good.",
     [("Tom Hale", "the plan was dead and buried for good")]),
    ("Iverson moved to point guard and responded with an MVP-caliber season in his first year.", []),
    # negative: a "that" further on belongs to the words, not to the manner
    ("Nguyen said with some pride her team had finished a project that everyone thought impossible.",
     [("Nguyen", "with some pride her team had finished a project that everyone thought impossible")]),
])
def test_no_reported_speech_from_a_passive_or_a_manner(sentence, expected):
    assert [(q.speaker, q.text) for q in extract_quotes(Article("r", sentence)) if q.kind == "reported"] == expected


@pytest.mark.parametrize("sentence, expected", [
    # an adjunct between the cue and "that": where or through what, not the words
    ("The ministry said in a statement that taxes would rise next year.",
     [("The ministry", "taxes would rise next year")]),
    ("The minister said in an interview with the BBC that taxes would rise next year.",
     [("The minister", "taxes would rise next year")]),
    ("The minister told reporters in Paris that taxes would rise next year.",
     [("The minister", "taxes would rise next year")]),
    # the words before the subject, when and where after the cue
    ("The last planes have left the airport, the commander of the mission announced Monday at the base.",
     [("the commander of the mission", "The last planes have left the airport")]),
    ("The bureau is investigating about 100 kinds of ransomware, its director revealed in a new interview, in which "
     "he compared the threat to a war.",
     [("its director", "The bureau is investigating about 100 kinds of ransomware")]),
    # negatives: a lead adjunct stays a lead; a "that" of the words' own clause is no adjunct's end
    ("In his new plan, the minister proposed to the unions a shorter working week.",
     [("the minister", "to the unions a shorter working week")]),
    ("Nguyen said in her speech her team had finished a project that everyone thought impossible.",
     [("Nguyen", "in her speech her team had finished a project that everyone thought impossible")]),
])
def test_when_and_where_a_cue_was_said_is_no_part_of_the_words(sentence, expected):
    assert [(q.speaker, q.text) for q in extract_quotes(Article("r", sentence)) if q.kind == "reported"] == expected


@pytest.mark.parametrize("sentence, speaker", [
    ("Sources inside the closed-door meeting said the vote against her was overwhelming.",
     "Sources inside the closed-door meeting"),
    ("Officials within the ministry said the plan would be announced next week.", "Officials within the ministry"),
    # negative: a place after "inside" names no group of people
    ("Inside the closed-door meeting, members said the vote against her was overwhelming.", "members"),
])
def test_a_group_inside_a_body_or_a_meeting_speaks(sentence, speaker):
    assert [q.speaker for q in extract_quotes(Article("r", sentence)) if q.kind == "reported"] == [speaker]


@pytest.mark.parametrize("text, expected", [
    # a common noun capitalised by its place, that the text also writes in lower case, says nothing
    ("Arson suspected in fire that destroyed the old mill.\n\nInvestigators said it was too early to call it arson.",
     [(None, "Investigators", "it was too early to call it arson")]),
    ("Research suggested that children who read sleep better. Our research is not finished.", []),
    # a capitalised plural of that kind is unnamed people, as written
    ("Rebels said the drones had struck the town twice. Two rebels were hurt.",
     [(None, "Rebels", "the drones had struck the town twice")]),
    # negatives: a name the text also writes in lower case, named in full before; a word never written in lower case
    ("Amy Rose voted against. Rose said the plan was a disaster. Prices rose.",
     [("Amy Rose", "Rose", "the plan was a disaster")]),
    ("Hale said the plan was a disaster for the town.", [("Hale", "Hale", "the plan was a disaster for the town")]),
])
def test_a_capitalised_common_noun_is_no_speaker(text, expected):
    """"Arson suspected in fire that ...": the sentence's first word is no name when the text writes it in lower case
    inside a sentence and names no person by it."""
    assert [(q.speaker_id, q.speaker, q.text) for q in extract_quotes(Article("r", text))
            if q.kind == "reported"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Harlan Guard Chief of Staff Gen. Ann Ruiz and Gen. Tom Hale told senators that they had advised against it.",
     "Ann Ruiz and Tom Hale"),
    # negative: the group speaks, not the member named after "including"
    ("The president's top generals, including Chairman of the Harlan Guard Army Gen. Ann Ruiz, urged the president "
     "to keep a force of 2,500 troops.", None),
])
def test_an_office_then_an_abbreviated_title_names_the_person(text, expected):
    """"Joint Chiefs of Staff Chair Gen. Mark Milley": the name after the title speaks, not "Joint Chiefs"."""
    assert [q.speaker_id for q in extract_quotes(Article("r", text)) if q.kind == "reported"] == [expected]


@pytest.mark.parametrize("text", [
    "The suspect who authorities say claimed to have a bomb in his truck is in police custody.",
    "The man who police say fired the shots was arrested on Friday.",
    "The ruling made proclamations which analysts say could reshape the rules for years.",
])
def test_a_cue_inside_a_relative_clause_is_an_aside(text):
    """"The suspect who authorities say claimed ...": no one's reported words, the subject no speaker."""
    assert [q for q in extract_quotes(Article("r", text)) if q.kind == "reported"] == []


def test_a_relative_clause_of_its_own_keeps_its_subject_speaking():
    text = "A spokesman who did not want to be named told reporters the talks had failed."
    assert [q.speaker for q in extract_quotes(Article("r", text)) if q.kind == "reported"] == [
        "A spokesman who did not want to be named"]


@pytest.mark.parametrize("sentence, expected", [
    # what was done, or where from: no words
    ("The governor responded by firing the whole board of the state agency.", []),
    ("The correspondent reported from inside the Oval Office on Tuesday night.", []),
    ("Some statements showed the campaign was focused on the rally in Hialeah, Florida, rather than anything said on "
     "the debate stage.", []),
    # negatives: words said by a means, or after a time and a pronoun
    ("The mayor responded by saying the city would rebuild the bridge.",
     [("The mayor", "the city would rebuild the bridge")]),
    ("The minister said by phone that the talks had failed again.", [("The minister", "the talks had failed again")]),
    ("The company said in Sydney they'd run out of stock.", [("The company", "in Sydney they'd run out of stock")]),
])
def test_an_act_or_a_place_after_the_cue_is_no_reported_speech(sentence, expected):
    assert [(q.speaker, q.text) for q in extract_quotes(Article("r", sentence)) if q.kind == "reported"] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Ann Lee just tweeted she will host the show this year.", [("Ann Lee", "she will host the show this year")]),
    ("The minister has since claimed his confession was forced.", [("The minister", "his confession was forced")]),
    ("Experts often say that vitamins are best taken from food.", [("Experts", "vitamins are best taken from food")]),
])
def test_an_adverb_between_subject_and_cue(sentence, expected):
    assert [(q.speaker, q.text) for q in extract_quotes(Article("r", sentence)) if q.kind == "reported"] == expected

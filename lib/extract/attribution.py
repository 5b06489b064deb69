"""Attribution: the speaker and cue of each quote span, found by cue patterns around it.

The method follows the rule-based attribution of Pareti et al. (2013) and Newell et al. (2018); each quote is
attributed in passes, most explicit first (the passes run in lib.extract.quotes.extract_quotes):
1. a speaker + cue right after (`," Putin said`, `" insists Burton`, `" --Thomas Jefferson`), closing the quote's
   sentence (`"X" to this risk, Rivet-Lacroix said.`), or introducing it (`Burton said, "`, `Biden, who replied, "`,
   `According to X, "`, `X said ... but added, "`), or, for a fragment, its sentence's subject;
2. the other spans of the same utterance (split and multi-paragraph quotes), the quote before in the paragraph;
3. for a fragment whose verb is no cue, the person the sentence is about;
4. for a quote-only paragraph: a speaker named at the start of the next paragraph, the quote that ended the
   previous paragraph, an introduction ending the previous paragraph (`X said:`), its closing subject, or, after
   a question, the interviewee;
5. a narrative sentence right before the quote (one that puts out a statement, `Acme released a statement.`, names
   the statement's author); in profiles, the article's main speaker.
Pronouns and role nouns resolve to the most recent compatible person (lib.extract.speakers); acronyms and
descriptions ("the paper") take the organisation they stand for; "the statement read" its author, "the source" the
latest "a ... source".
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from lib.domain.outlets import is_host_name, is_known_outlet
from lib.domain.sentences import ends_sentence, is_abbreviation, is_heading_line
from lib.domain.verbs import ADVERB_PATTERN, CUE_CLASS, CUE_PATTERN, INVERSION_CUE_PATTERN, STATEMENT_VERBS, alternation, classify_cue
from lib.extract.marks import QUOTE_MARKS, _Span, _is_title_case, _trim
from lib.domain.names import HYPHENATED_GIVEN_NAME, NAME_PARTICLES, NATION_ADJECTIVES, given_name_gender
from lib.extract.speakers import (REACHED_PARTICIPLES, _AGE_BEFORE, CIVIC_HEADS, PLAYING_POSITIONS, SENTENCE_CHARS, FIRST_NAME_GENDERS, _is_agent_noun, _is_person_agent, PARTY_NOUNS, PLACE_PREPOSITIONS, POST_MODIFIER_WORDS, IRREGULAR_PASTS, _inside, _PERSON_TITLES, is_role_word, _is_name_token, ORG_DESCRIPTORS, PARTY_PLURALS, PLACE_WORDS, PLURAL_ENDINGS, PLURAL_PERSON_NOUNS, AUTHORED_BY_PATTERN, AUTHORING_PARTICIPLES, DOCUMENT_FROM_PATTERN, ACCORDING_PATTERN as _ACCORDING, BARE_PLURAL_PATTERN, CUE_GROUP_PATTERN as _CUE, KNOWLEDGE_PATTERN, KNOWLEDGE_PHRASE_PATTERN, QUANTIFIED_GROUP_PATTERN, MENTION_END,
                                  MEDIUM_OR_TIME_PATTERN, MENTION_PATTERN, NAME_PATTERN, POSSESSIVE_ROLE_PATTERN, ROLE_NOUN_PATTERN,
                                  AUTHORED_TEXTS, DOCUMENT_NOUNS, FRONTED_PREPOSITIONS, NON_NAME_WORDS, ORG_HEADS, ORG_WORDS, PARTY_BRACKET, PERSON_NOUNS, ROLE_WORDS,
                                  SUBJECT_PATTERN as SUBJECT, CLAUSE_WORDS,
                                  DESCRIPTION_ENDS, DETERMINERS, FEMALE_NOUNS, MALE_NOUNS, _head_noun, PRONOUN_GENDERS, Mention, PersonIndex,
                                  SUBORDINATORS,
                                  apposed_name, without_opener, expand_acronym, fuller_body_name, generic_body_of,
                                  is_adverb, is_trade,
                                  org_antecedent, parse_mention, singular,
                                  resolve_mention, surname_of, _DOCUMENT_FROM as _AUTHORED_DOCUMENT)
from lib.models import Quote

# After the closing mark: `," Putin said`, `" insists Burton`, `, according to X`.
AFTER_SUBJECT_CUE = re.compile(rf"^[\s,;:—–\-]*(?:[Aa]s[^\S\n]+)?{SUBJECT},?[^\S\n]+{ADVERB_PATTERN}{_CUE}")  # `, as X put it`
# A signature after a quote: `" --Thomas Jefferson`.
AFTER_DASH = re.compile(r"^[^\S\n]*(?:--?|—|–)[^\S\n]*(?P<subj>[A-Z][\w’'.\-]*(?:[^\S\n]+[A-Z][\w’'.\-]*){0,3})"
                        r"(?=[^\S\n]*(?:[,(\n]|$))")
# ... or a description alone to the end of the line ('"...." — the Welsh government.').
AFTER_DASH_DESCRIPTION = re.compile(r"^[^\S\n]*(?:--?|—|–)[^\S\n]*"
                                    r"(?P<subj>(?:the|an?)[^\S\n]+(?:[\w’'\-]+[^\S\n]+){0,4}?[a-z][\w\-]*)"
                                    r"(?=\.?[^\S\n]*(?:\n|$))")
# A name alone after a quote that ends in a comma, with no cue: '"...," Thomas Lenard, senior fellow at the Institute.'
# (the name, then its descriptions, to the sentence's end).
AFTER_NAME_NO_CUE = re.compile(rf"^[^\S\n]+(?P<subj>{NAME_PATTERN})(?:,[^\S\n]+[^.;:!?\"“”\n]{{1,200}})?[^\S\n]*$")
# An epigraph's or a post's citation: a quoted sentence, then the name alone to the end of its line ('"Work sweetens
# life." Richard Hugo'); two to four capitalised words, a stray closing mark after them allowed.
AFTER_NAME_LINE = re.compile(r"^[^\S\n]+(?P<subj>[A-Z][\w’'\-]*\.?(?:[^\S\n]+[A-Z][\w’'\-]*\.?){1,3})"
                             r"[^\S\n]*[”\"]?[^\S\n]*(?=\n|$)")
AFTER_CUE_SUBJECT = re.compile(rf"^[\s,;:—–\-]*(?:(?:[Ss]o|[Tt]hus)[^\S\n]+|(?P<as_by>[Aa]s[^\S\n]+))?{_CUE}"
                               rf"(?(as_by)[^\S\n]+by)[^\S\n]+"  # `" as said by the girl's mother, X`
                               rf"(?P<subj>\b(?:he|she|they|someone|somebody)\b|{POSSESSIVE_ROLE_PATTERN}|"
                               rf"{ROLE_NOUN_PATTERN}|{MENTION_PATTERN})"
                               rf"{MENTION_END}")
# A descriptive head with the name appended: `said a spokeswoman for Acme, Jane Roe.`
# Where a name appended to a description ends: punctuation or the end, an age in brackets before it or not ("said the
# minister, Tom Hale (55).").
_APPENDED_NAME_END = r"(?=[^\S\n]*(?:\(\d{1,3}\)[^\S\n]*)?(?:[.,;!?]|$))"
_APPENDED_NAME = re.compile(rf"\.?,[^\S\n]+(?P<subj>{NAME_PATTERN}){_APPENDED_NAME_END}")
# What follows an unnamed speaker in an inversion up to the sentence end and belongs to its description ("said one
# person during public comment.", "said someone who called into the meeting."): a modifier, not an adjunct of time
# or medium ("in a statement", "on Tuesday"); the occasion ("at the meeting") describes who spoke.
_INDEFINITE_SPEAKER = re.compile(r"(?:an?|one|another|someone|somebody)\b", re.IGNORECASE)
ROLE_MODIFIER = re.compile(rf"[^\S\n]+(?:who|whose|of|for|at|in|on|during|from|with|near|outside|inside|behind)\b"
                           rf"(?![^\S\n]+{MEDIUM_OR_TIME_PATTERN})[^,;:\"“”.!?\n]{{1,80}}?[^\S\n]*")
_ROLE_MODIFIER_WORDS = 10
# A time adjunct ending a role's modifier, no part of who spoke ("a sign in the window last winter", "a man at the
# market on Tuesday").
_TRAILING_TIME = re.compile(rf" (?:(?:last|this|next|on|that|early|late) {MEDIUM_OR_TIME_PATTERN}"
                            r"|yesterday|today|tonight|earlier|later)$")  # on a modifier with its spaces tidied
# A role with no determiner and the name appended: `" said head coach of the women's team, Dana Kirk.`
AFTER_CUE_ROLE_NAME = re.compile(rf"^[\s,;:—–\-]*{_CUE}[^\S\n]+(?P<role>[a-z][^,.;:\"“”\n]{{0,80}}?),[^\S\n]+"
                                 rf"(?P<subj>{NAME_PATTERN}){_APPENDED_NAME_END}")
# `"..." That was how Nora Blake described it.`, `That's what X told reporters.`
AFTER_HOW = re.compile(rf"^[\s,;:—–\-]*(?:(?:That|This)(?:[’']s|[^\S\n]+(?:is|was))|is|was)[^\S\n]+(?:how|what)[^\S\n]+"
                       rf"{SUBJECT}[^\S\n]+{ADVERB_PATTERN}{_CUE}")  # and `"...," was how X put it`
# A sentence after a quote that names whose words they were: `"..." That is the view of economist Haruka Sato`,
# `Those were the words of X`, `That was the message on Tuesday from X`, `The warning came from X`, `The words belong
# to Dr. X`.
_WORDS_NOUNS = (r"(?:words?|view|verdict|message|warning|assessment|conclusion|answer|reply|response|advice|plea|"
                r"promise|appeal|reaction|diagnosis|prediction|judge?ment)")
WORDS_OF = re.compile(rf"^[\s,;:—–\-]*(?:(?:That|This|Those|These)[^\S\n]+(?:is|was|are|were)[^\S\n]+(?:the[^\S\n]+)?"
                      rf"(?:[a-z]+[^\S\n]+){{0,2}}(?P<cue>{_WORDS_NOUNS})(?:[^\S\n]+(?:on|this|last|late|early)[^\S\n]+"
                      rf"[A-Za-z]+)?[^\S\n]+(?:of|from)|The[^\S\n]+(?:[a-z]+[^\S\n]+){{0,2}}(?P<cue2>{_WORDS_NOUNS})[^\S\n]+(?:came[^\S\n]+from|"
                      rf"belongs?[^\S\n]+to|(?:is|are|was|were)[^\S\n]+(?:those|that)[^\S\n]+of))[^\S\n]+"
                      rf"(?P<subj>{ROLE_NOUN_PATTERN}|{MENTION_PATTERN})")
AFTER_ACCORDING = re.compile(rf"^[\s,;:—–\-]*{_ACCORDING}")
# The next sentence naming the quote's speaker in an aside: `"...." The problem, says economist X, is that ...`, `The
# problem, X says, is that` (the speaker goes on in the words of the sentence, having said the quote).
_ASIDE_LEAD = r"^[^\S\n]*[A-Z][^,.;:!?\"“”\n]{0,60},[^\S\n]+"
AFTER_ASIDE = (re.compile(rf"{_ASIDE_LEAD}(?P<cue>{INVERSION_CUE_PATTERN})[^\S\n]+"
                          rf"(?P<subj>{ROLE_NOUN_PATTERN}|{MENTION_PATTERN}),[^\S\n]+[a-z]"),
               re.compile(rf"{_ASIDE_LEAD}(?P<subj>{MENTION_PATTERN})[^\S\n]+(?P<cue>says|said|argues|argued|notes|"
                          rf"noted|adds|added),[^\S\n]+[a-z]"))
_ACCORDING_WHOLE = re.compile(rf"{_ACCORDING}{MENTION_END}")  # the source up to where a mention ends
# An attribution an excerpt cuts before its cue: `...," Yellen...` at the end of the text or paragraph.
AFTER_CUT = re.compile(rf"[^\S\n]+(?P<subj>{ROLE_NOUN_PATTERN}|{MENTION_PATTERN})[^\S\n]*(?:\.\.\.|…)[^\S\n]*(?:\n|$)")
_DOCUMENT_AUTHOR = re.compile(rf"[^\S\n]+(?:from|by|of|issued[^\S\n]+by)[^\S\n]+(?P<subj>{MENTION_PATTERN})")
_PLACE_OR_TIME_AFTER = re.compile(r"[^\S\n]+(?:in|at|on|during|from|after|before|while|as)\b|[^\S\n]*[,.;:]")
# An attribution closing the sentence a little after the quote: `"X" to this risk, Rivet-Lacroix said.`,
# `Biden "will stay" to work on the bill, a White House official told pool reporters.`
AFTER_LATER = re.compile(rf"^[^\"“”]{{0,120}}?,[^\S\n]+{SUBJECT},?[^\S\n]+{ADVERB_PATTERN}{_CUE}[^,;\"“”]{{0,100}}$")
# "according to X" closing the sentence a little after the quote: `freed on a "very large scale" in recent days,
# according to one U.S. official.`
AFTER_LATER_ACCORDING = re.compile(rf"^[^\"“”\n]{{0,120}}?,?[^\S\n]+{_ACCORDING}[^,;\"“”\n]{{0,100}}$")  # comma or no
# An inverted attribution closing the sentence after the quote's reported continuation: `"..." and that science
# will guide decisions, said Interior Secretary Ken Salazar.`
AFTER_LATER_CUE_SUBJECT = re.compile(rf"^[^\"“”\n]{{0,120}}?,[^\S\n]+(?P<cue>{INVERSION_CUE_PATTERN})[^\S\n]+"
                                     rf"(?P<subj>{ROLE_NOUN_PATTERN}|{MENTION_PATTERN}){MENTION_END}[^,;\"“”\n]{{0,60}}$")
# Before the opening mark: `Burton said, "`, `Putin said in a statement: "`, `According to X, "`.
# A show's name may sit in the tail (`Scott told "Meet the Press" host Jo Hale, "`).
BEFORE_INTRO = re.compile(rf"{SUBJECT},?[^\S\n]+{ADVERB_PATTERN}{_CUE}(?P<tail>[^.!?\"“”]{{0,80}}?"
                          rf"(?:[\"“][^\"“”.!?\n]{{1,60}}[\"”][^.!?\"“”]{{0,80}}?)?)[,:]\s*$")
BEFORE_ACCORDING = re.compile(rf"{_ACCORDING}[^\S\n]*[,:]\s*$")  # "According to Jo Hale: "
# A sentence that opens with its source: `According to the ministry, the strikes "hit only military targets."`.
BEFORE_ACCORDING_LEAD = re.compile(rf"^\s*{_ACCORDING}[^\S\n]*,[^\"“”.!?]*$")
# A subject far from its cue: `X said at a hearing that ... but added, "`, `the government through its embassy on
# June 21 said, "`, `the bank said "` (no comma).
# The first verb of a named person need not be a cue: `Premier Ali Kaya cited the treaty and said, "`.
BEFORE_ADDED = re.compile(rf"{SUBJECT},?[^\S\n]+{ADVERB_PATTERN}\b(?:{CUE_PATTERN}|(?P<verb>[a-z][\w’'\-]*(?:ed|s)|"
                          rf"{alternation(sorted(IRREGULAR_PASTS))}))\b[^.!?\"“”]{{0,240}}?\b(?:and|but)"
                          rf"[^\S\n]+(?:also[^\S\n]+)?{_CUE}[^.!?\"“”]{{0,40}}?[,:]\s*$")
BEFORE_PHRASE = re.compile(rf"{SUBJECT}[^\S\n]+(?:through|via|in|at|from|on|during)[^\S\n]+[^,.;:\"“”]{{1,60}}?"
                           rf"[^\S\n]+{_CUE}[,:]?[^\S\n]*$")
# An inverted attribution whose source goes on, in a participle, to the quote: `..., says a report highlighting the "`
# (not `says a report that the minister called "`: the words of the relative clause's subject).
BEFORE_INVERTED_SOURCE = re.compile(rf",[^\S\n]+{_CUE}[^\S\n]+(?P<subj>{ROLE_NOUN_PATTERN})[^\S\n]+"
                                    rf"[a-z]+ing\b[^.!?\"“”]{{0,60}}$")
# A reported clause with a subject and cue of its own right before the quote: `Police said the suspect shouted "`.
_INNER_CUE = re.compile(rf"{SUBJECT}[^\S\n]+{ADVERB_PATTERN}{_CUE}[,:]?[^\S\n]*$")
# A clause joined to the sentence's first by "while", "whereas" or "but", with a subject and cue of its own.
_JOINED_CLAUSE = re.compile(rf",?[^\S\n]+(?:while|whereas|but)[^\S\n]+{SUBJECT}[^\S\n]+{ADVERB_PATTERN}{_CUE}")
# Anywhere before a partial quote in its sentence: `He urged "`, `Clinton called it "`.
# The subject opens the clause (after lead phrases ending in commas): `In an interview, Hochul said she ...`.
BEFORE_CLAUSE = re.compile(rf"^\s*(?:[^,;\"“”\n]{{1,160}},[^\S\n]+){{0,2}}?{SUBJECT},?[^\S\n]+{ADVERB_PATTERN}{_CUE}")
# A participle cue that ends a clause about its subject: `X ended her speech by saying "`, `X waved, adding: "`.
# The subject is read to its head noun ("A senior official downplayed it, saying", not "A senior"), after as many
# lead phrases as the clause has ("Pressed again, Cole kept to his line, saying"); the participle may follow
# without a comma and take "that" ("downplayed the unrest saying that"). A head after a determiner is an object's
# ("Inspectors visited the site, describing"), not the subject's; nor is one after a past verb ("Tom Ridge cited family
# issues, stating"; after an adverb an -ed word is an adjective: "Her newly appointed deputy").
_HEAD_NOT_YET = rf"(?![^\S\n]+(?:(?<=ly[^\S\n])|(?![a-z]+ed[^\S\n]))(?:(?!(?:the|a|an|his|her|their|its)\b)[a-z][\w\-]*[^\S\n]+){{0,2}}(?:{alternation(sorted(w for w in ROLE_WORDS | PERSON_NOUNS | ORG_HEADS | PLURAL_PERSON_NOUNS if w.isalpha()))})\b)"
_PARTICIPLES = (r"(?:saying|adding|writing|noting|declaring|insisting|stating|stressing|explaining|arguing|warning|"
                r"claiming|asserting|replying|responding|shouting|yelling|screaming|crying|exclaiming|"
                # the one told ("telling Mayer", "telling reporters")
                r"telling[^\S\n]+(?:him|her|them|us|me|reporters|journalists|[A-Z][\w\-]*(?:[^\S\n]+[A-Z][\w\-]*)?))")
_PARTICIPLE_CLAUSE_WORDS = 10  # words of a reported clause between a participle cue's "that" and the quote
# Words that bring another voice or clause into it: `saying that critics who called it "..."` quotes the critics.
_OTHER_VOICE = rf"(?:who|whom|which|that|{CUE_PATTERN})\b"
BEFORE_PARTICIPLE = re.compile(rf"^\s*(?:[^,;\"“”\n]{{1,100}},[^\S\n]+){{0,2}}{SUBJECT}{_HEAD_NOT_YET}[^\S\n]+[a-z]"
                               rf"(?:[^\"“”.!?\n]|[\"“][^\"“”\n]{{1,60}}[\"”]){{0,120}}?"  # a quoted term may sit in it
                               rf"(?:\bby[^\S\n]+|,?[^\S\n]+)(?P<cue>{_PARTICIPLES}|"
                               rf"describing[^\S\n]+[^\"“”.!?,;:]{{1,40}}?[^\S\n]+as)"  # "describing them as"
                               # the medium ("noting on Twitter", "adding in a statement")
                               rf"(?:[^\S\n]+(?:on|in)[^\S\n]+(?:(?:a|an|the|his|her|its|their)[^\S\n]+)?"
                               rf"[A-Za-z][\w\-]*(?:[^\S\n]+[A-Za-z][\w\-]*)?)?"
                               # the reported clause's own subject may come first ("insisting the bridge"), or a
                               # clause after "that" of a few words ("adding that America's aid was "...")
                               rf"(?:[^\S\n]+that(?:[^\S\n]+(?!{_OTHER_VOICE})[^\s\"“”.!?,;:]+){{0,{_PARTICIPLE_CLAUSE_WORDS}}}|"
                               rf"[^\S\n]+(?:the|a|an|its|his|her|their|this|it|he|she|they|we)"
                               rf"(?:[^\S\n]+[A-Za-z][\w\-]*){{0,2}})?[,:]?\s*$")  # "writing that the Oscars""
# A participle cue after a comma ending the words before a quote ("..., stating that, "): the clause's subject speaks.
_PARTICIPLE_END = re.compile(rf",[^\S\n]*(?P<cue>{_PARTICIPLES})(?:[^\S\n]+that)?[,:]?\s*$")
BEFORE_CLAUSE_ANYWHERE = re.compile(rf"{SUBJECT},?[^\S\n]+{ADVERB_PATTERN}{_CUE}")
# Someone quoted by another: `The paper quoted a police officer (, a witness,) as saying the area "..."`: the one
# quoted speaks.
BEFORE_QUOTED_AS = re.compile(rf"\bquot(?:ed|es|ing)[^\S\n]+(?P<subj>{POSSESSIVE_ROLE_PATTERN}|{QUANTIFIED_GROUP_PATTERN}|"
                              rf"{ROLE_NOUN_PATTERN}|{MENTION_PATTERN}|{BARE_PLURAL_PATTERN}(?:{KNOWLEDGE_PATTERN})?)(?:,[^,.!?\"“”\n]{{1,80}},)?[^\S\n]+as[^\S\n]+(?P<cue>saying)\b[^.!?\"“”]{{0,120}}?[,:]?\s*$")
# A relative clause: `... Biden, who replied, "Good luck."`
BEFORE_WHO = re.compile(rf"(?P<subj>{MENTION_PATTERN})(?:,[^\S\n]+\d{{1,3}})?,?[^\S\n]+who[^\S\n]+{ADVERB_PATTERN}"
                        rf"(?:{_CUE}[^.!?\"“”]{{0,80}}?[,:]"  # `Biden, who replied, "` (the comma may lack)
                        # `Ruiz, who said "` (a verb of saying: "who directed "The Golden Compass"" names a title)
                        rf"|(?P<cue2>said|says|told|tells|added|adds|warned|warns)(?:[^\S\n]+that)?"
                        # `Tom Grey, 24, who cited his experience with rugby: "`: a colon introduces the words
                        rf"|(?P<cue3>[a-z][\w’'\-]*ed)\b[^.!?\"“”:]{{0,100}}:)\s*$")
# An absolute construction: `with a spokesman stating: "`, `with the prosecution describing the leader as "`: the
# noun phrase after "with" is the subject of the participle cue.
_ING_CUES = alternation(sorted(f for f in CUE_CLASS if f.endswith("ing") and " " not in f))
BEFORE_WITH = re.compile(rf"\b(?P<lead>with|and)[^\S\n]+"
                         rf"(?P<subj>{ROLE_NOUN_PATTERN}|{MENTION_PATTERN}|{BARE_PLURAL_PATTERN})"
                         rf"(?:[^\S\n]+of[^\S\n]+[A-Z][\w\-]*(?:[^\S\n]+[A-Z][\w\-]*)*)?"  # "X of Ardonia calling"
                         rf"[^\S\n]+(?P<cue>{_ING_CUES})\b[^.!?\"“”]{{0,80}}?[,:]?\s*$")
# A round-up line: `Jane Roe, The Daily Planet: "` (a name, an outlet or affiliation, a colon).
BEFORE_ROUNDUP = re.compile(rf"^\s*(?P<subj>{MENTION_PATTERN})(?:,[^\S\n]+[^:\"“”\n]{{1,80}})?:\s*$")
# A headline-case line: `Ellison Said "`, `Governor X Slams Rival: "` (its words all capitalised, a cue among them).
BEFORE_HEADLINE = re.compile(r"^[^\S\n]*(?P<line>[A-Z][\w’'.\-]*(?:[^\S\n]+[A-Z][\w’'.\-]*){1,12}):?[^\S\n]*$")
# A writer quoting another: `To quote Jo Hale: "`, `In the words of Jo Hale, "`, `Quoting the report: "`, `was, in
# the opinion of lawyer Jo Hale "` (the comma may be left out), `and in the words of the prosecutor, Jo Hale, QC, "`.
BEFORE_QUOTING = re.compile(rf"(?P<cue>\b(?:[Tt]o[^\S\n]+quote|[Ii]n[^\S\n]+the[^\S\n]+(?:[a-z]+[^\S\n]+)?"
                            rf"(?:words|opinion|view|judge?ment)[^\S\n]+of|[Qq]uoting))[^\S\n]+"
                            rf"{SUBJECT}[^\S\n]*[,:]?\s*$")
# A colon right after the one quoted: `The website continues quoting Camila's parents: "`, `and quoted Lee: "`.
BEFORE_QUOTING_END = re.compile(rf"\b(?P<cue>quot(?:ing|ed|es))[^\S\n]+(?P<subj>{POSSESSIVE_ROLE_PATTERN}|{ROLE_NOUN_PATTERN}|"
                                rf"{MENTION_PATTERN})[^\S\n]*:\s*$")
# The same with the owner first: `In Hale's words, "`, `In the mayor's view: "`.
BEFORE_QUOTING_OWNER = re.compile(rf"\b[Ii]n[^\S\n]+(?P<subj>(?:[Tt]he[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){{0,2}}?[a-z][\w\-]*|"
                                  rf"{NAME_PATTERN}))[’']s?[^\S\n]+(?:own[^\S\n]+)?(?P<cue>words|opinion|view)[^\S\n]*[,:]?\s*$")
# The same with a possessive pronoun: `In his words: "`, `His exact words:`, `Her reply was short: "`: the one "he" or
# "she" stands for.
BEFORE_OWN_WORDS = re.compile(r"(?:\b[Ii]n[^\S\n]+)?\b(?P<subj>[Hh]is|[Hh]er|[Tt]heir)[^\S\n]+"
                              r"(?:(?:own|exact|full|brief|short|only|first)[^\S\n]+)?"
                              r"(?P<cue>words|reply|response|answer|retort|verdict|message|explanation)"
                              r"(?:[^\S\n]*[,:]|[^\S\n]+(?:was|were|is|came)\b[^.!?\"“”:\n]{0,60}:)\s*$")
_OWNERS_AS_SUBJECTS = {"his": "he", "her": "she", "their": "they"}
# A person's reply named as such, then a colon: `Mayor Jo Hale's response was swift: "`.
BEFORE_RESPONSE = re.compile(rf"(?P<subj>{NAME_PATTERN})[’']s[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){{0,2}}?"
                             r"(?P<cue>response|reaction|reply|answer|message|verdict|retort|advice|explanation)"
                             r"[^\S\n]+(?:was|is|came)\b[^.!?\"“”:\n]{0,60}:\s*$")
# A clause ending in a colon introduces its subject's words: `Senator X swiped at Y in tweets: "`; so does one ending
# in a comma before a quoted sentence (`X spoke on Fox News, "This is ..."`).
BEFORE_COLON = re.compile(rf"^\s*{SUBJECT}[^\S\n]+{ADVERB_PATTERN}(?P<cue>[a-z][\w’'\-]*(?:ed|s)|{alternation(sorted(IRREGULAR_PASTS))})"
                          rf"\b[^.!?\"“”:]{{0,120}}(?P<end>[:,])\s*$")  # `X met with Y on Monday and said:`
# A fronted preposition or participle phrase: its noun is its object (`In a written statement, X said`, `Writing on
# Facebook, the pub said`); "According to" names a source.
# Past participles a question or a request fronts ("Asked about the cuts, the minister said:"): the phrase's noun is
# who or what was asked about, not the speaker.
_FRONTED_PARTICIPLES = ("Asked", "Pressed", "Questioned", "Quizzed", "Interviewed", "Reached", "Contacted",
                        "Challenged", "Confronted", "Approached", "Prompted", "Invited", "Grilled")
_FRONTED_OPENER = (rf"(?:{'|'.join(sorted(FRONTED_PREPOSITIONS))}|"
                   r"(?!According)[A-Z][a-z]+ing[^\S\n]+(?:on|in|to|at|from|for|with|about)|"
                   rf"(?:{'|'.join(_FRONTED_PARTICIPLES)})[^\S\n]+(?:on|about|by|over|for|at|in|whether|if|why|how|what))")
# A subject right after a fronted phrase's opener is its object.
_FRONTED_PREPOSITION = re.compile(rf"(?:^|[.!?:\n][\"”’]?[^\S\n]*|^[^\S\n]*){_FRONTED_OPENER}[^\S\n]+(?:the[^\S\n]+)?$")
# A subject inside a fronted phrase, with its comma still to come: `In a statement to Fox News Digital, a spokesperson
# said:` (the outlet is the phrase's object; the subject follows the comma).
_IN_FRONTED_PHRASE = re.compile(rf"(?:^|[.!?:\n][\"”’]?)[^\S\n]*{_FRONTED_OPENER}[^\S\n]+[^,;.!?\n\"“”]{{1,80}}?[^\S\n]+$")
# A sentence in which someone puts out a text, ending before the quote that gives it: `Acme released a statement on
# Friday.`, `Palin visited the church and her office later issued a statement:` (the subject speaks); and, searched
# backwards from "the statement read" or "it read", the author of the statement the quote gives.
STATEMENT_NOUNS = frozenset("statement letter memo note message response release update announcement tribute "
                            "appeal warning alert advisory notice bulletin".split())  # texts one puts out in one's own words
_STATEMENT_TEXT = (rf"(?:an?|the|its|his|her|their)[^\S\n]+(?:[\w\-]+[^\S\n]+){{0,2}}?"
                   rf"(?:{alternation(sorted(STATEMENT_NOUNS))})\b")
# ... put out, or spoken in ("The utility said in a written statement that ...": "the statement said" is its words).
_STATEMENT_CORE = (rf"{SUBJECT}[^\S\n]+{ADVERB_PATTERN}(?:{alternation(STATEMENT_VERBS)}|(?:said|says|wrote|writes|stated|"
                   rf"announced)[^\S\n]+in)[^\S\n]+{_STATEMENT_TEXT}")
# A sentence opening with the text its subject put out: `In a statement Wednesday, former President X lauded ...`.
STATEMENT_FRONTED = re.compile(rf"(?:^|(?<=[.!?\n]))[^\S\n]*In[^\S\n]+{_STATEMENT_TEXT}[^,;\"“”.!?\n]{{0,60}},"
                               rf"[^\S\n]+{SUBJECT}[^\S\n]+{ADVERB_PATTERN}[a-z]", re.MULTILINE)
STATEMENT_RELEASE = re.compile(rf"(?:^\s*(?:[^,;\"“”\n]{{1,60}},[^\S\n]+)?|[^\S\n]+and[^\S\n]+){_STATEMENT_CORE}"
                               rf"[^\"“”.!?:\n]{{0,80}}[.:]\s*$")
STATEMENT_AUTHOR = re.compile(rf"(?:^|(?<=[.!?\n])[^\S\n]*|[^\S\n]+and[^\S\n]+){_STATEMENT_CORE}", re.MULTILINE)
# A line presenting a statement by someone, then the statement: `Below is a statement by X, director of Y:`.
STATEMENT_INTRO = re.compile(rf"\b(?:is|are|was|were|here's|read|reads)[^\S\n]+(?P<subj>{DOCUMENT_FROM_PATTERN})"
                             rf"[^\"“”\n]{{0,120}}:\s*$")
_STATEMENT_CHARS = 600  # how far back "the statement read" looks for the sentence that put the statement out
# A paraphrase closed by its attribution: `..., Yeager said.` at the end of a paragraph.
TAIL_SUBJECT_CUE = re.compile(rf",[^\S\n]+{SUBJECT},?[^\S\n]+{ADVERB_PATTERN}{_CUE}[^,;\"“”]{{0,60}}[.]\s*$")
# The same inverted: `..., says Schrems.`, `..., said a spokesman for the board.`
TAIL_CUE_SUBJECT = re.compile(rf",[^\S\n]+(?P<cue>{INVERSION_CUE_PATTERN})[^\S\n]+(?P<subj>{ROLE_NOUN_PATTERN}|"
                              rf"{MENTION_PATTERN}){MENTION_END}[^,;\"“”]{{0,60}}[.]\s*$")
# Its source closing it: `..., according to the agency.`, a headline's `..., According to Founder Jo Hale`.
TAIL_ACCORDING = re.compile(rf",[^\S\n]+{_ACCORDING}[^,;\"“”\n]{{0,60}}[.]?[^\S\n]*$")
# A next-paragraph attribution for a quote-only paragraph: `Smith said in a statement.`, `So said Smith.`
NEXT_SUBJECT_CUE = re.compile(rf"^(?:(?:So|That|This|That's what|This is what|(?:That|This)[^\S\n]+(?:was|is)[^\S\n]+"
                              rf"how)[^\S\n]+)?{SUBJECT}[^\S\n]+{ADVERB_PATTERN}{_CUE}")  # "That was how X described"
NEXT_CUE_SUBJECT = re.compile(rf"^(?:So|Thus)[^\S\n]+{_CUE}[^\S\n]+{SUBJECT}")
# A signature paragraph: `— Republican National Committee Chair Ronna McDaniel, in a tweet`.
NEXT_SIGNATURE = re.compile(rf"^(?:--?|—|–)[^\S\n]*(?P<subj>{MENTION_PATTERN})(?=[^\S\n]*(?:[,(]|$))")
# The same with no dash, as testimonials and reaction round-ups sign a quote: `Ann Lowe, Tech Weekly` (a person's
# name, then only the capitalised name of where they write or work).
NEXT_BYLINE = re.compile(rf"^(?P<subj>{NAME_PATTERN}),[^\S\n]+[A-Za-z0-9][\w.&’'\-]*(?:[^\S\n]+(?:of|the|and|for|"
                         rf"[A-Z0-9&][\w.&’'\-]*)){{0,5}}[^\S\n]*(?=\n|$)")
# Persons named with a role, an apposition or a cue anywhere in the text (the article's cast).
_NAME = re.compile(NAME_PATTERN)
_BARE_PLURAL = re.compile(BARE_PLURAL_PATTERN)
_POSSESSIVE_END = re.compile(r"[’']s\b")
# A paragraph that is a short adverbial lead and then quotes only (\x00 marks each quote).
_ADVERBIAL_LEAD = re.compile(r"^(?:In|On|At|Later|Earlier|After|Before|Then|Now|Still|Yet|But|And|Asked|When)\b"
                             r"[^.!?\x00]{0,50},\s*\x00[\x00\s.,;:!?]*$")
_PRONOUN_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he)\b(?=[^\S\n]+[a-z])")
_ROLE_PREFIX_BEFORE = re.compile(r"(?<![\w’'\-])(?:[a-z][\w’'\-]*[^\S\n]+){1,3}$")
_APPOSED_ROLE_BEFORE = re.compile(r"\b([a-z][\w\-]*(?:[^\S\n]+[a-z][\w\-]*)?|(?:an?|the)[^\S\n]+[A-Z][a-z]+),[^\S\n]+$")
# The agent of a reporting phrase: `according to X`, `as noted by X` (X a person the text goes on to quote).
_AGENT_BEFORE_NAME = re.compile(rf"\b(?:[Aa]ccording[^\S\n]+to|[Aa]s[^\S\n]+{CUE_PATTERN}[^\S\n]+by)[^\S\n]+"
                                rf"(?:[a-z][\w’'\-]*[^\S\n]+){{0,3}}$")
_CUE_BEFORE_NAME = re.compile(rf"[,\"”’][^\S\n]*\b{INVERSION_CUE_PATTERN}[^\S\n]+(?:[a-z][\w’'\-]*[^\S\n]+){{0,3}}$")
_PERSON_AFTER = re.compile(rf"{PARTY_BRACKET}?(?:,[^\S\n]+(?:who[^\S\n]|\d{{1,3}},|an?[^\S\n]+\d{{1,3}}-year-old\b)|[^\S\n]+[–—][^\S\n]+who[^\S\n]|[^\S\n]+{ADVERB_PATTERN}{CUE_PATTERN}\b)")
_APPOSED_CUE_AFTER = re.compile(rf"(?:[^\S\n]+\([^()\n]{{1,30}}\))?(?:,[^\S\n]+[^,;:.!?\"“”\n]{{1,140}}){{0,2}},[^\S\n]+"
                                rf"{ADVERB_PATTERN}{CUE_PATTERN}\b")
_CLAUSE_VERB_AFTER = re.compile(r"[^\S\n]+(?:was|is|were|are|had|has|have|would|will|could|should|did|does|"
                                r"[a-z]+ed)\b")
_APPOSITION_VERBS = frozenset("said says told tells is was are were has had have will would added".split())
# (or a capitalised title after "the" that runs into the verb, its closing comma left out: "X, the Information
# Minister paid tribute")
_APPOSITION_AFTER = re.compile(r",[^\S\n]+(?:\d+,[^\S\n]+)?(?:([a-z][^,;.\"“”\n]{2,100}?)"
                               r"(?=,|[^\S\n]+(?:which|who|whose|that)\b|:[^\S\n]*[\"“]|$)"  # a round-up's `X, role: "`
                               r"|(the(?:[^\S\n]+[A-Z][\w\-]*){1,4})(?=[^\S\n]+[a-z]))")
# Overlapping pairs of capitalised words (an initial allowed between): candidate full names for surnames.
# A capitalised function word inside a line right before them: title case ("How To Scrape Google"), not a sentence's.
_TITLE_CASE_BEFORE = re.compile(r"[\w,][^\S\n]+(?:To|With|For|Of|And|Or|From|Into|About)[^\S\n]+$")
_TITLE_CASE_CHARS = 20
_NAME_PAIR = re.compile(r"(?=(?<![\w’'\-])([A-Z][\w’'\-]+)[^\S\n]+((?:[A-Z]\.[^\S\n]*)?[A-Z][\w’'\-]*[a-z][\w’'\-]*))")
# A two-word name opening a sentence before a past-tense verb ("Ella Pratt spoke first."): a person acting.
# A sentence's start, after a fronted adverb or phrase and its comma too ("Already, Kim Soo-jin has", "Asked whether
# he would run again, Seo Jae-won paused").
_FRONTED_CHARS = 100  # characters before a name read for the sentence start and a fronted phrase
# A fronted adverb is one word; a fronted phrase opens with a preposition, a subordinator or a participle ("Asked
# whether he would run again,"), not with a determiner ("The company developing the therapy," is an apposition).
_FRONTED = (rf"(?:[A-Z][a-z]+|(?:{'|'.join(sorted(FRONTED_PREPOSITIONS | SUBORDINATORS))}|[A-Z][a-z]+(?:ed|ing))"
            rf"[^\S\n][^,;:.!?\"“”\n]{{0,80}})")
_FRONTED_OPENS = re.compile(rf"{_FRONTED}$")  # a comma phrase that is a fronted phrase, no apposition
_OPENS_SENTENCE = re.compile(rf"(?:^|[.!?][\"”’]?[^\S\n]+|\n|[^\S\n][—–][^\S\n]+)(?:{_FRONTED},[^\S\n]+)?$")  # a dateline's dash too
_PRESENT_VERB = r"[a-z]{2,}[^s\W]s"  # a present-tense verb after a subject ("runs", "leads")
_FINITE_VERB = (r"(?:[a-z]+ed|spoke|met|said|told|wrote|went|came|left|took|gave|won|lost|ran|is|was|has|had|says|"
                r"will|would)")
# More irregular pasts ("Farida Haidari taught", "Maricel Dizon grew up"): after a known given name only, as places and
# firms do them too ("Hong Kong saw protests", "Credit Suisse held firm").
_IRREGULAR_PAST = (r"(?:grew|taught|stood|fled|built|brought|felt|held|kept|paid|sat|sold|spent|thought|became|began|"
                   r"bought|drove|fell|flew|got|knew|rose|shook|understood|heard)")
_PRESENT_AFTER = re.compile(rf"[^\S\n]+{_PRESENT_VERB}\b")
_FINITE_AFTER = re.compile(rf"[^\S\n]+{_FINITE_VERB}\b")
_IRREGULAR_PAST_AFTER = re.compile(rf"[^\S\n]+{_IRREGULAR_PAST}\b")
_SENTENCE_OPENING_NAME = re.compile(r"(?:^|(?<=[.!?][^\S\n])|(?<=\n))([A-Z][a-z][\w’'\-]+)(?=,?[^\S\n]+[a-z])", re.M)
# A narrative sentence's subject: after an optional lead clause, a mention followed by a verb.
LEAD_PHRASE_CHARS = 100  # "Following the broadcast of Wednesday evening's episode of The Detectives, X issued ..."
# The same subject as a description in lower case between a capitalised word and a name: `Tech investor X says`.
_DESCRIBED_NAME_SUBJECT = re.compile(rf"^\s*(?:[^,;\"“”\n]{{1,60}},[^\S\n]+)?(?P<subj>[A-Z][\w\-]*(?P<desc>(?:[^\S\n]+[a-z][\w\-]*)"
                                     rf"{{1,2}})[^\S\n]+{NAME_PATTERN})[^\S\n]+(?:{ADVERB_PATTERN})?(?=[a-z])")
SENTENCE_SUBJECT = re.compile(rf"^\s*(?:[^,;\"“”\n]{{1,{LEAD_PHRASE_CHARS}}},[^\S\n]+)?{SUBJECT}[^\S\n]+(?:{ADVERB_PATTERN})?(?=[a-z])")
# The same subject with no lead phrase: "Ann Lee, a volunteer, has worked there" opens with its subject, whose
# apposition SENTENCE_SUBJECT would read as the subject after a lead.
_OPENING_SUBJECT = re.compile(rf"^\s*{SUBJECT}[^\S\n]+(?:{ADVERB_PATTERN})?(?=[a-z])")
_SENTENCE_END = re.compile(r"[.!?][\"”’»)]*(?=\s+[\"“«(]?[A-Z0-9])")
_AFTER_END = re.compile(rf"[.!?](?=\s|$)|[{QUOTE_MARKS}]")
_CUE_WORD = re.compile(rf"\b{CUE_PATTERN}\b")
_CUE_AT = re.compile(rf"{CUE_PATTERN}\b")
CLAUSE_CHARS = 600  # the longest stretch read as one sentence around a quote (news sentences are far shorter)
_INTRO_WINDOW = 240  # characters before a quote searched for its introduction: a clause, not a paragraph
# After a quote that ends its sentence, a capitalised clause with more words than this after the cue, or a longer
# subject, is a new sentence rather than an attribution.
_NEW_SENTENCE_WORDS = 8
_NEW_SENTENCE_SUBJECT_WORDS = 3
_NAME_CONTEXT = 40  # characters before a capitalised run read for its role prefix, apposition or cue
_NEXT_ATTRIBUTION_WORDS = 25  # a longer next paragraph says something new: its speaker is not the quote's
# A bare attribution (`Smith said in a statement.`) ends soon after its cue; more words, or "that" among the first
# words after it, open the next speaker's own turn.
_BARE_TAIL_WORDS = 8
_THAT_CLAUSE_WORDS = 3
_QUOTE_TAIL_WORDS = 8  # a lower-case tail this short after a quote (`" for the economy.`) leaves it quote-only
_UNSIGNED_STATEMENT = re.compile(r"(?:[Aa]n?)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+)?(?:statement|message)")  # "A statement said"
# Where a body or person publishes its own words: "Acme's website says", "the council's Facebook page said".
_OWN_MEDIA = frozenset("website site page account blog feed newsletter post tweet caption".split())
# A document or medium given with its owner: "the ministry's statement", "Acme's annual report", "Acme's website".
# (after a lower-case description of the owner, when the name is too long with it: "Chinese media outlet Global Times's
# editorial"; not inside a title, "Leader of the House Penny Mordaunt's statement")
_DOCUMENT_OWNER = re.compile(r"(?:(?:[A-Z][\w\-]*[^\S\n]+)?(?:(?!(?:of|the)\b)[a-z][\w\-]*[^\S\n]+){1,3}?(?=[A-Z]))??"
                             r"(?P<author>(?:[Tt]he[^\S\n]+)?[\w\-.]+(?:[^\S\n]+[\w\-.]+){0,3}?)[’']s[^\S\n]+"
                             r"(?:[\w\-]+[^\S\n]+){0,2}?(?:%s)"
                             # what it is about ("the family's statement on the death")
                             r"(?:[^\S\n]+(?:on|about|after|over|of)(?:[^\S\n]+[^,;:\"“”]{1,40})?)?"
                             % "|".join(sorted(DOCUMENT_NOUNS | AUTHORED_TEXTS | _OWN_MEDIA)))
# A text of one's own words owned by "his" or "her", a person named before: "His letter said", "the caption of her
# post reads" (not "her bio", a text about her).
_PRONOUN_DOCUMENT = re.compile(r"(?:[Tt]he[^\S\n]+[a-z]+[^\S\n]+of[^\S\n]+)?(?P<owner>[Hh]is|[Hh]er)[^\S\n]+"
                               r"(?:[\w\-]+[^\S\n]+){0,2}?(?:%s)" % "|".join(sorted(STATEMENT_NOUNS | _OWN_MEDIA)))
# Heads of a definite description that only an earlier indefinite one can name ("a source ..." -> "the source").
_UNNAMED_SOURCES = frozenset("source sources insider insiders".split())
_UNNAMED_PERSONS = _UNNAMED_SOURCES | frozenset("person man woman".split())
# Heads of a definite description that stand for an earlier indefinite one with the same head ("a spokesperson for
# Acme declined to ..." -> "the spokesperson said"), when no person named with that role is in the text; never for
# another anonymous speaker (a witness is no spokesperson).
_UNNAMED_ROLES = frozenset("spokesperson spokesman spokeswoman official officer aide adviser advisor lawyer "
                           "attorney".split())
# A description's modifier after its head: "the district magistrate| of North Valley" (later "the district magistrate").
_MODIFIED = re.compile(rf"[^\S\n]+(?:{alternation(sorted(POST_MODIFIER_WORDS))})[^\S\n]")
_MIN_ACRONYM, _MAX_ACRONYM = 2, 6  # letters of an all-capital speaker id read as an acronym ("EU" to "UNESCO")
# Bodies speaking together: "FDA and CDC", "EU, IMF and ECB".
_JOINT_SPLIT = re.compile(r",?[^\S\n]+and[^\S\n]+|,[^\S\n]+")


@dataclass
class _Attribution:
    """A speaker + cue found for a quote, with the offsets of the speaker mention."""

    speaker: str
    speaker_start: int
    cue: str | None
    cue_start: int
    source: str  # after | later | before | clause | next | inherited | previous


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(starts, ends) of every candidate sentence end of a text, found once per text (abbreviations are told
    apart where they are read: that test depends on how far back the caller reads)."""
    found = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
    return tuple(a for a, _ in found), tuple(b for _, b in found)


def _sentence_tail(text: str, start: int, end: int) -> int:
    """Offset where the last sentence of ``text[start:end]`` begins (a sentence end at ``end`` itself closes the
    last sentence, it opens none); a lookup in the text's sentence ends, so it costs the same at any offset."""
    starts, ends = _sentence_ends(text)
    i = bisect.bisect_right(ends, end)
    if i and ends[i - 1] == end and text[end - 1] in ".!?":
        i -= 1
    lowest = bisect.bisect_left(starts, start)
    while i > lowest:
        i -= 1
        if not is_abbreviation(text, start, starts[i]):
            return ends[i]
    return start


def _is_document(speaker: str) -> bool:
    """True for a document that reports words ("a new report", "the statement", "their statement") rather than a
    speaker."""
    words = speaker.lower().split()
    return words[0] in ("a", "an", "the", "its", "their") and words[-1] in DOCUMENT_NOUNS


def _clause_start(text: str, para_start: int, pos: int, spans: list[_Span]) -> int:
    """Start of the sentence holding ``pos``, not counting sentence ends inside earlier quotes; a sentence is read
    back at most CLAUSE_CHARS (text with no sentence ends, such as right-to-left scripts, has no sentences)."""
    if pos - para_start > CLAUSE_CHARS:
        floor = text.find(" ", pos - CLAUSE_CHARS, pos)
        para_start = floor + 1 if floor >= 0 else pos - CLAUSE_CHARS
    start = _sentence_tail(text, para_start, pos)
    i = bisect.bisect_left(spans, start, key=lambda s: s.open)  # spans are in text order and do not overlap
    if i and start <= spans[i - 1].close:
        return _sentence_tail(text, para_start, spans[i - 1].open)
    return start


def _after_end(text: str, start: int, end: int) -> int:
    """Offset where the text after a quote stops: the first sentence end (not an abbreviation) or quote mark, read at
    most CLAUSE_CHARS on (a text with no sentence ends would otherwise be read to its end after every quote)."""
    end = min(end, start + CLAUSE_CHARS)
    for m in _AFTER_END.finditer(text, start, end):
        if is_abbreviation(text, start, m.start()):
            continue
        return m.start()
    return end




def _attribution(m: re.Match, base: int, source: str) -> _Attribution:
    """An attribution from a match of one of the cue patterns, offsets shifted by ``base``."""
    group = next((g for g in ("cue", "cue2", "cue3") if m.groupdict().get(g)), None)
    cue = m.group(group) if group else ""
    if m.groupdict().get("obj"):
        cue += m.group("obj").rstrip(".,")
    cue_start = base + m.start(group) if group else base + m.start("subj")
    subject, subject_start = without_opener(*apposed_name(m))
    if m.re is BEFORE_OWN_WORDS:
        subject = _OWNERS_AS_SUBJECTS[subject.lower()]  # "His words:": the words of the one "he" stands for
    words = subject.split()
    if words and words[-1].lower() in _DANGLING_WORDS and parse_mention(subject).kind == "role":
        # "a woman in a" read by a pattern's shortest subject before "black headscarf ran ..., crying": the
        # description runs on to its verb
        rest = m.string[subject_start + len(subject):m.start(group) if group else len(m.string)]
        verb = finite_verb(rest)
        if verb and len(rest[:verb.start()].split()) <= _DANGLING_RUN_WORDS:
            subject += rest[:verb.start()]
            words = subject.split()
    given = max((i for i, w in enumerate(words) if i and w.lower() in FIRST_NAME_GENDERS), default=None)
    if given and words[0].lower() not in FIRST_NAME_GENDERS and _FRONTED_OBJECT.search(m.string, 0, subject_start):
        # "Writing in The Mirror Linda Nolan said" (no comma after the lead phrase): the phrase's object, a paper or
        # a programme, runs into the name; the speaker's name starts at its last given name (not "Laurence Mark")
        cut = subject.index(words[given])
        subject, subject_start = subject[cut:], subject_start + cut
    subject = _OBJECT_PRONOUNS.get(subject, subject)  # "According to him": the person "he" stands for
    return _Attribution(" ".join(subject.split()), base + subject_start, " ".join(cue.split()) or None,
                        cue_start, source)


_OBJECT_PRONOUNS = {"him": "he", "her": "she"}
# Words no noun phrase ends in: a subject read up to one was cut short.
_DANGLING_WORDS = frozenset("a an the his her their its in of with at on for from near outside inside".split())
_DANGLING_RUN_WORDS = 4  # words a description cut short may run on by to reach its verb
# A sentence's lead phrase whose object runs into the subject with no comma between ("Writing in The Mirror Linda");
# "According to X" names a source, whose name is whole.
_FRONTED_OBJECT = re.compile(r"(?:^\s*|[.!?\n][\"”’]?\s+)(?!According)[A-Z][a-z]+ing[^\S\n]+(?:in|on|to|for|with)"
                             r"[^\S\n]+(?:[Tt]he[^\S\n]+)?$")
# A name and its apposition up to where a later mention starts ("Mark Hale, a marine ecologist at |GT, who said").
_APPOSED_BEFORE = re.compile(rf"(?P<subj>{NAME_PATTERN}),[^\S\n]+(?:an?|the)[^\S\n][^,;:\"“”.!?\n]{{1,120}}$")
# A description that names its body ("the government of Tuvalu", "the press office at OPM", "Erdogan’s office"): no other
# body that spoke before.
_NAMES_ITS_BODY = re.compile(r"\b(?:of|for|at)[^\S\n]+(?:the[^\S\n]+)?[A-Z]|^[A-Z][\w\-.]*[’']s\b")
_COMMA_INTRO = re.compile(r".[A-Z]")  # the opening mark, then a capital: a quoted sentence
_COPULAS = frozenset("was were is are has had have did does".split())
_EXAMPLE_END = re.compile(r"\b(?:like|as)\s*,\s*$")  # `comments like, "`: an example, not an introduction


_LATER = (AFTER_LATER, AFTER_LATER_ACCORDING, AFTER_LATER_CUE_SUBJECT)  # attributions a little after the quote
# A passive describing cue before a fragment: `he has been described as the "..."`, `It was called "..." by critics`:
# its subject is the one described, never the speaker; the agent after "by" speaks, if the sentence names one.
_PASSIVE_AGENT = rf"[^\S\n]+by[^\S\n]+(?P<subj>{POSSESSIVE_ROLE_PATTERN}|{ROLE_NOUN_PATTERN}|{MENTION_PATTERN})"
_PASSIVE_DESCRIBED = re.compile(
    rf"\b(?:is|was|were|are|been|be|being)[^\S\n]+(?:[a-z]+[^\S\n]+)?"
    rf"(?:{alternation(sorted(f for f, c in CUE_CLASS.items() if c == 'describing' and f.endswith(('ed', 'called'))))})\b"
    rf"(?:{_PASSIVE_AGENT})?[^\"“”.!?\n]{{0,40}}$")
# The agent right after the fragment: `who was called "the iron lady" by her rivals`.
_AGENT_AFTER = re.compile(_PASSIVE_AGENT)


def passive_described(text: str, start: int, end: int, after: int) -> _Attribution | None | bool:
    """For a fragment whose clause (``start`` to its opening mark ``end``) ends in a passive describing cue: its
    agent's attribution (the agent named before the fragment, else right after its closing mark at ``after``), or
    None when the sentence names no agent there; False when the clause is no such passive."""
    m = _PASSIVE_DESCRIBED.search(text, start, end)
    if m is None:
        return False
    agent = m if m.group("subj") else _AGENT_AFTER.match(text, after)
    if agent and _plausible_subject(agent.group("subj")):
        return _Attribution(" ".join(agent.group("subj").split()), agent.start("subj"), None, m.start(), "clause")
    return None


# One of a group speaking: `," says one.`, `," one added.`, `," said another.` (the group named before: "sources
# involved with the talks are betting ...").
# "one of them", "one of those": the same one of the group.
_OF_THEM = r"(?:[^\S\n]+of[^\S\n]+(?:them|those))?"
_AFTER_ONE = (re.compile(rf"^[\s,;:—–\-]*{_CUE}[^\S\n]+(?P<subj>one|another){_OF_THEM}(?=[^\S\n]*(?:[.,;!?]|$))"),
              re.compile(rf"^[\s,;:—–\-]*(?P<subj>[Oo]ne|[Aa]nother){_OF_THEM}[^\S\n]+{_CUE}(?=[^\S\n]*(?:[.,;!?]|$))"))
# ... and before its words: `Fans were furious. One wrote: "`, `Another added: "`, `One of them said: "`.
_BEFORE_ONE = re.compile(rf"(?:^\s*|[.!?][\"”’]?[^\S\n]+|\n)(?P<subj>One|Another){_OF_THEM}[^\S\n]+{_CUE}[^\S\n]*[:,]"
                         rf"[^\S\n]*$")
_CLAUSE_OPENERS = r"(?:why|how|what|when|where|whether|who|if|that|because)"  # no modifier of a group's noun
_GROUP = re.compile(rf"(?<![\w’'\-])(?:(?!{_CLAUSE_OPENERS}\b)[a-z][\w\-]*[^\S\n]+){{0,2}}?"
                    rf"(?:{alternation(sorted(PLURAL_PERSON_NOUNS))})\b"
                    rf"(?:[^\S\n]+(?:{KNOWLEDGE_PHRASE_PATTERN}|at|from|in|on|with|for|of)[^\S\n]+(?:the[^\S\n]+)?"
                    # what follows: a capitalised name whole ("Goldman Sachs", "State Department"), else one word
                    r"(?:(?-i:[A-Z])[\w\-’'&]*(?:[^\S\n]+(?-i:[A-Z])[\w\-’'&]*)*|[\w\-’']+))?", re.IGNORECASE)
_GROUP_LEADS = frozenset("the a an some many several other both all most few two three four five six these those "
                         "and or but".split())
_GROUP_CHARS = 1000  # how far back "one" looks for the group it is one of
_GROUP_LEAD_CHARS = 40  # characters before a group read for the start of its sentence

# Words that may stand before a noun phrase's head: determiners, quantifiers, possessives and -ly adverbs; an -ed word
# among them is an adjective ("An unnamed official", "The embattled minister", "Her newly elected deputy").
_PRE_HEAD = re.compile(rf"(?:(?:(?i:{alternation(sorted(set(DETERMINERS) | _GROUP_LEADS - set(('and', 'or', 'but'))))})|"
                       r"[a-z]+ly|[a-z]+ed|(?:[A-Z][\w\-]*[^\S\n]+)*[\w\-]+[’']s)[^\S\n]+)*$")


def finite_verb(subject: str) -> re.Match | None:
    """The first finite verb in a subject read up to a participle cue ("Protesters heckled Minister X"), looked for
    after the head of its noun phrase: an -ed word before the head is an adjective ("An unnamed official")."""
    for m in _FINITE_AFTER.finditer(subject):
        if not (m.group(0).endswith("ed") and _PRE_HEAD.fullmatch(subject[:m.start()] + " ")):
            return m
    return None


def _one_of_group(text: str, pos: int) -> str | None:
    """"one of the <group>" for the latest plural group of people before ``pos`` ("sources involved with the
    franchise", "economists at Goldman Sachs": the name after the group whole), its leading determiners and numbers
    dropped; None when the text names no group."""
    found = None
    for m in _GROUP.finditer(text, max(0, pos - _GROUP_CHARS), pos):
        lead = re.split(r"[.!?\n][\"”’]?", text[max(0, m.start() - _GROUP_LEAD_CHARS):m.start()])[-1].split()
        if all(w.lower().strip(",") in _GROUP_LEADS or w.isdigit() or is_adverb(w) for w in lead):
            found = m  # the group opens its sentence: its subject, not an object ("briefed reporters")
    if found is None:
        return None
    words = found.group(0).lower().split()  # in lower case: a description, not a name (parse_mention reads it)
    while words and (words[0] in _GROUP_LEADS or words[0].isdigit()):
        words = words[1:]
    return "one of the " + " ".join(words) if words else None


def _attribute_after(text: str, start: int, end: int, opened: int | None = None) -> _Attribution | None:
    """Speaker + cue right after a quote (`," he said`, `" insists Burton`, `, according to X`); ``opened``: where
    the quote opens (a group "one" of which speaks is named before it, never in its words)."""
    window = text[start:end]
    ended = ends_sentence(text[:start - 1])
    for pattern in (AFTER_SUBJECT_CUE, AFTER_CUE_SUBJECT, AFTER_CUE_ROLE_NAME, AFTER_ACCORDING, AFTER_DASH,
                    AFTER_DASH_DESCRIPTION, AFTER_NAME_LINE, AFTER_HOW, WORDS_OF, *AFTER_ASIDE, AFTER_LATER,
                    AFTER_LATER_ACCORDING, AFTER_LATER_CUE_SUBJECT):
        m = pattern.match(window)
        if m and pattern is AFTER_SUBJECT_CUE and m.group("cue").endswith("ing") and " " not in m.group("cue") \
                and not window[m.end("subj"):m.start("cue")].strip(" ,"):
            # `"..." and Y calling the process "`: a bare participle opens the next clause, it credits no quote
            # (unlike `" X was saying`, `" X is quoted as saying`)
            continue
        if m and pattern is AFTER_CUE_SUBJECT and m.group("cue").lower().startswith("according"):
            whole = AFTER_ACCORDING.match(window)
            if whole and len(whole.group("subj")) > len(m.group("subj")):
                continue  # `according to U.S. officials` (not "U"): AFTER_ACCORDING reads the source whole
        if m and pattern is AFTER_NAME_LINE and not (
                ended and parse_mention(m.group("subj")).kind == "person"
                and (m.group("subj").split()[0].lower() in FIRST_NAME_GENDERS or text.count(m.group("subj")) > 1)):
            continue  # a citation follows a whole sentence and names a person: a given name, or a name named elsewhere
            # too (not a link's words after a quote, "Zum Angebot")
        if m and pattern is AFTER_CUE_ROLE_NAME:
            mention = parse_mention(m.group("subj"))
            if not (mention.kind == "person" and len(m.group("subj").split()) >= 2
                    and any(w in ROLE_WORDS or w in PERSON_NOUNS for w in _POSSESSIVE_END.sub("", m.group("role")).split())):
                continue  # the words before the name must describe a person: `said head coach of the team, X`
        if m and pattern is AFTER_CUE_SUBJECT and parse_mention(m.group("subj")).kind == "role" \
                and _INDEFINITE_SPEAKER.match(m.group("subj")):
            modifier = ROLE_MODIFIER.fullmatch(window, m.end("subj"))
            if modifier and len(modifier.group(0).split()) <= _ROLE_MODIFIER_WORDS:
                found = _attribution(m, start, "after")  # the description as written, its modifiers included
                described = " ".join((m.group("subj") + modifier.group(0)).split())
                return replace(found, speaker=_TRAILING_TIME.sub("", described))
        if m and pattern is AFTER_CUE_SUBJECT and parse_mention(m.group("subj")).kind in ("role", "org"):
            appended = _APPENDED_NAME.match(window, m.end("subj"))
            if appended and parse_mention(appended.group("subj")).kind == "person" \
                    and len(appended.group("subj").split()) >= 2:
                found = _attribution(m, start, "after")  # `said a spokeswoman for Acme, Jane Roe`: Jane Roe
                return replace(found, speaker=appended.group("subj"), speaker_start=start + appended.start("subj"))
        if pattern in _LATER and (ended or text[end:end + 1] not in (".", "!", "?")):
            continue  # only the rest of the quote's own sentence, up to its end
        if m and pattern is AFTER_LATER_ACCORDING:
            whole = _ACCORDING_WHOLE.match(window, m.start("cue"))  # the source read whole ("a hospital spokesperson")
            m = whole if whole and whole.end("subj") > m.end("subj") else m
        if m and _is_document(m.group("subj")):
            # `reads a joint statement from Sen. Ed Markey`: the author of the document speaks.
            author = _DOCUMENT_AUTHOR.match(window, m.end("subj"))
            if author and _plausible_subject(author.group("subj")):
                return _attribution(author, start, "after")
        if m and ended and text[end:end + 1] in QUOTE_MARKS + "‘" and re.match(r"\s*(?::|that\b)", window[m.end():]):
            # `"...go." It added that "..."`, `He said: "`: after a quote that ended its sentence, a cue with "that"
            # or a colon running on into the next quote mark introduces that quote, not this one.
            continue
        if m and _plausible_subject(m.group("subj")):
            # After a quote that ends its sentence, a capitalised clause with more to say is a new sentence
            # ("...Afghanistan." The Taliban released a statement saying ...), not an attribution.
            whose_words = pattern is WORDS_OF or pattern in AFTER_ASIDE  # a sentence naming the speaker, its point
            if ended and window.lstrip()[:1].isupper() and not whose_words and (
                    len(window[m.end():].split()) > _NEW_SENTENCE_WORDS
                    or len(m.group("subj").split()) > _NEW_SENTENCE_SUBJECT_WORDS) \
                    and not _PLACE_OR_TIME_AFTER.match(window, m.end()):
                continue  # `"...!" Prime Minister X thundered in parliament ...` still attributes
            return _attribution(m, start, "later" if pattern in _LATER else "after")
    if text[start - 2:start - 1] == ",":
        # `...," the Board...`: the excerpt ends where the attribution's cue would be
        m = AFTER_CUT.match(text, start)
        if m and _plausible_subject(m.group("subj")):
            return _attribution(m, 0, "after")
    m = AFTER_NAME_NO_CUE.match(window) if text[start - 2:start - 1] == "," and text[end:end + 1] == "." else None
    if m and len(m.group("subj").split()) >= 2 and parse_mention(m.group("subj")).kind == "person" \
            and not _CUE_WORD.search(window, m.end("subj"), m.end()):
        return _Attribution(m.group("subj"), start + m.start("subj"), None, start + m.start("subj"), "after")
    for pattern in _AFTER_ONE:
        m = pattern.match(window)
        group = _one_of_group(text, start if opened is None else opened) if m else None
        if group:
            return _Attribution(group, start + m.start("subj"), m.group("cue"), start + m.start("cue"), "after")
    return None


def _attribute_before(text: str, start: int, end: int, partial: bool) -> _Attribution | None:
    """Speaker + cue before a quote: an introduction ending in `,`/`:`, or for a partial quote the clause's cue."""
    sentence_start = max(start, end - CLAUSE_CHARS)  # a partial quote's clause is read from its sentence start
    start = max(start, end - _INTRO_WINDOW)
    window = text[start:end]
    last_words = [w.strip(",:").lower() for w in window.split()[-2:]]
    if start == 0 or text[start - 1] == "\n":  # a line of its own before the quote
        m = BEFORE_ROUNDUP.match(window)
        mention = parse_mention(m.group("subj")) if m else None
        line = text[end:(text.find("\n", end) + 1 or len(text) + 1) - 1].rstrip()
        if mention and mention.kind == "person" and mention.name.startswith("@") and mention.name == mention.text \
                and line[-1:] in _CLOSING_MARKS and sum(ch in QUOTE_MARKS for ch in line) == 2:
            # `@jdoe: "..."` filling its line: a post quoted under its handle, whose owner the text may have named
            # ("Jo Doe (@jdoe)"); not a post quoting someone else's words inside it (`@jdoe: "..." he said. Wow`)
            return _handle_owner(text, mention.name, start) or _attribution(m, start, "before")
        if mention and mention.kind == "person" and len(mention.name.split()) >= 2 and not mention.name.isupper() \
                and not any(w.lower() in CUE_CLASS for w in m.group("subj").split()) \
                and all(w[:1].isupper() or is_role_word(w) for w in (mention.role or "").split()):
            # `Jane Roe, The Daily Planet: "`, `Mayor Jane Roe: "`, `Union leader Jane Roe: "` (a role's lower-case
            # words are role words: not `Critics mocked Jane Roe:`); `X Slams Rival:` is a headline
            return _attribution(m, start, "before")
        m = BEFORE_HEADLINE.match(window)
        if m:
            found = _headline_attribution(m.group("line"), start + m.start("line"))
            if found:
                return found
    m = _BEFORE_ONE.search(window)
    group = _one_of_group(text, start + m.start("subj")) if m else None
    if group:
        return _Attribution(group, start + m.start("subj"), m.group("cue"), start + m.start("cue"), "before")
    # "quoting X:" ending the intro names whose words follow, before any subject and cue ahead of it ("The website
    # continues quoting Camila's parents:")
    for pattern in (BEFORE_QUOTED_AS, BEFORE_QUOTING_END, BEFORE_WITH, BEFORE_WHO, BEFORE_INTRO, BEFORE_ACCORDING,
                    BEFORE_ADDED, BEFORE_PHRASE, BEFORE_COLON, BEFORE_RESPONSE, BEFORE_QUOTING, BEFORE_QUOTING_OWNER,
                    BEFORE_OWN_WORDS) + (
            (BEFORE_CLAUSE, BEFORE_INVERTED_SOURCE) if partial else ()):
        # Cheap tests first: the far-subject patterns need "and/but <cue>," or a cue among the last words.
        if pattern is BEFORE_QUOTED_AS and " as saying" not in window or pattern is BEFORE_QUOTING_END and (
                "quot" not in window or not window.rstrip().endswith(":")):
            continue
        if pattern is BEFORE_ADDED and not (window.rstrip()[-1:] in ",:" and (" and " in window or " but " in window)):
            continue
        if pattern is BEFORE_PHRASE and not any(w in CUE_CLASS for w in last_words):
            continue
        if pattern is BEFORE_CLAUSE:
            # `Elsewhere, Cohen said Christie was strong, while X was "..."`: the sentence's own subject and cue,
            # however long the clause before the fragment.
            start, window = sentence_start, text[sentence_start:end]
        if pattern is BEFORE_COLON and window.split(None, 1)[:1] and window.split(None, 1)[0] in SUBORDINATORS:
            # `While X was speaking, Y interrupted:`, `When the mayor arrived, a shopkeeper stepped forward and asked:`:
            # the main clause after the comma introduces the words
            comma = window.find(", ")
            later = BEFORE_COLON.match(window[comma + 2:]) if comma >= 0 else None
            if later and later.group("cue") not in CUE_CLASS and _person_subject(later.group("subj")):
                return _attribution(later, start + comma + 2, "before")
            continue
        pos = 0
        while pos < len(window):
            m = pattern.search(window, pos)
            if m is None:
                break
            if pattern is BEFORE_WHO and _PREPOSITION_BEFORE.search(window, 0, m.start("subj")):
                # `Mark Hale, a marine ecologist at GT, who said "`: the relative clause is the named person's
                named = _APPOSED_BEFORE.search(window, 0, m.start("subj"))
                if named and parse_mention(named.group("subj")).kind == "person":
                    return replace(_attribution(m, start, "before"), speaker=named.group("subj"),
                                   speaker_start=start + named.start("subj"))
            if pattern is BEFORE_ADDED and m.group("verb") and (
                    not (_named_person(m.group("subj"))
                         or _described_person(m.group("subj"), parse_mention(m.group("subj"))))
                    or "," in window[m.end("verb"):m.start("cue")]):
                break  # `X hired Y as coach, but Y later resigned and said, "`: another clause, maybe another subject
            if pattern is BEFORE_COLON and (
                    m.group("cue") in CUE_CLASS or not (_person_subject(m.group("subj")) or _issues_text(m))
                    or m.group("end") == "," and not _comma_introduces(m, window, text, end)):
                # a cue before the colon is BEFORE_INTRO's; only a person's clause introduces their words, or a body's
                # that puts out a text ("The campaign recycled a statement it first put out in July:")
                break
            # "In X's words," owns its "In"
            owns_in = pattern in (BEFORE_QUOTING_OWNER, BEFORE_QUOTING, BEFORE_OWN_WORDS)
            if (_plausible_subject(apposed_name(m)[0]) or pattern is BEFORE_OWN_WORDS) and (owns_in
                                                           or not _FRONTED_PREPOSITION.search(window, 0, m.start("subj"))) \
                    and not (not owns_in and _IN_FRONTED_PHRASE.search(window, 0, m.start("subj"))
                             and (m.groupdict().get("appos") or "").startswith(",")) \
                    and not (pattern is BEFORE_PHRASE and _object_of_preposition(window, m.start("subj"))):
                if pattern is BEFORE_INTRO:
                    # `When A said the plan was final, B replied, "`: a later subject and cue in the tail introduce
                    # the quote; the first one belongs to a fronted clause.
                    later = _later_intro(window, m)
                    fronted = _main_clause(window, m) if later is None else None
                    if later is not None:
                        m = later
                    elif fronted is not None:
                        # `If Trump actually read it, Schwartz ..., telling Mayer, "`: a fronted clause's subject
                        offset, m = fronted
                        start, window = start + offset, window[offset:]
                main = _main_clause(window, m) if pattern is BEFORE_CLAUSE else None
                if main is not None:
                    # `When reporters asked about it, Tom Hale said "`: the first subject and cue are a fronted
                    # subordinate clause's; the main clause after its comma holds the quote.
                    offset, m = main
                    start, window = start + offset, window[offset:]
                inner = _INNER_CUE.search(window, m.end("cue")) if pattern is BEFORE_CLAUSE else None
                if inner and inner.group("cue") in CUE_CLASS and parse_mention(inner.group("subj")).kind != "unknown" \
                        and not _object_of_preposition(window, inner.start("subj")):
                    m = inner  # `Police said the suspect shouted "..."`: the reported clause's own speaker
                elif pattern is BEFORE_CLAUSE:
                    # `X told a radio station ..., while Y noted his "..."`: a clause of its own, joined before the
                    # fragment
                    joined = None
                    for j in _JOINED_CLAUSE.finditer(window, m.end("cue")):
                        joined = j
                    if joined and parse_mention(joined.group("subj")).kind in ("person", "pronoun", "org"):
                        m = joined
                found = _attribution(m, start, "before" if pattern is not BEFORE_CLAUSE else "clause")
                # `quoted X as saying`: X is the one quoted, with no clause of its own ("officials briefed on ...")
                participle = found.cue and found.cue.endswith("ing") and pattern is not BEFORE_QUOTED_AS
                if participle and pattern is BEFORE_INTRO and "," in window[m.end("subj"):m.start("cue")]:
                    # `Ann Lee defended the staff, saying: "`: a participle after a comma ends its clause, whose
                    # subject speaks, not the noun phrase before the comma (the verb's object).
                    spoken = _participle_speaker(text, sentence_start, end, found.cue, found.cue_start)
                    if spoken:
                        return spoken
                return _participle_subject(found) if participle else found
            if pattern is BEFORE_CLAUSE:
                # `Already, Owen Pratt has said`, `When asked about it, a spokesman said`: the lead phrase was read
                # as the subject (and its participle as the cue); read past it, to its comma.
                comma = window.find(", ", m.start("subj"))
                if comma < 0:
                    break
                m = pattern.match(window[comma + 2:])
                if m and _plausible_subject(m.group("subj")):
                    return _attribution(m, start + comma + 2, "clause")
                break
            pos = m.start("subj") + 1  # "a party girl, the Taradise star said,": try the next subject
    if partial:
        # A subject inside the sentence (after a parenthesis, a clause): a named person, a pronoun, or an unnamed
        # source introduced there ("While ..., an official speaking on condition of anonymity said that ...").
        for m in BEFORE_CLAUSE_ANYWHERE.finditer(window):
            mention = parse_mention(m.group("subj"))
            head = _head_noun(m.group("subj").lower().split()[1:])
            # A noun after a preposition is its object ("In a letter to the board, the union and ... warned",
            # "Officials with the company said"), unless a relative clause makes it a subject ("Too harsh for the
            # agency, which condemned ...").
            object_of_preposition = _PREPOSITION_BEFORE.search(window, 0, m.start("subj")) \
                and not (m.group("appos") or "").startswith((", which", ", who"))
            if object_of_preposition or _within_quote(window, m.start("subj")):
                continue  # `"... I said ...," X said, adding that she went to "`: the earlier quote's own "I"
            if mention.kind == "pronoun" or (mention.kind == "person" and len(mention.name.split()) >= 2) or (
                    mention.kind in ("role", "org") and _INDEFINITE_SPEAKER.match(m.group("subj"))
                    and head in ROLE_WORDS | PERSON_NOUNS) or (
                    # a body ("While the ministry said the plan "...," critics ..."), never a text or a place
                    mention.kind in ("role", "org") and m.group("subj")[:4].lower() == "the "
                    and head in ORG_HEADS | ORG_WORDS and head not in PLACE_WORDS | DOCUMENT_NOUNS
                    and not m.group("cue").endswith("ing")):  # "visited the site, describing": an object
                return _attribution(m, start, "clause")
        # No subject and cue in the sentence: a source it opens with ("According to the ministry, ...") speaks.
        m = BEFORE_ACCORDING_LEAD.match(text[sentence_start:end])  # sliced: "^" holds only at a string's start
        if m and _plausible_subject(m.group("subj")):
            return _attribution(m, sentence_start, "clause")
    tail = _PARTICIPLE_END.search(window)
    # `He cited family reasons for his resignation, stating: "`: a participle ending the clause of its subject, after
    # a noun that is no subject
    return _participle_speaker(text, sentence_start, end, tail.group("cue"), start + tail.start("cue")) \
        if tail else None


def _participle_speaker(text: str, sentence_start: int, end: int, cue: str, cue_start: int) -> _Attribution | None:
    """The speaker of a participle cue ending the sentence's words before a quote: the clause's subject after any lead
    phrases (participle_clause), or the person opening the sentence when the words up to that subject are comma
    phrases about them (`Coach Dana Reyes, 44, a former striker, stormed off, saying "`)."""
    sentence = text[sentence_start:end]
    clause = participle_clause(sentence)
    opening = _OPENING_SUBJECT.match(sentence)
    if opening and (opening.group("subj").split()[0] in SUBORDINATORS | FRONTED_PREPOSITIONS
                    or opening.group("subj").split()[0].lower() in _GROUP_LEADS
                    or not (_named_or_pronoun(mention := parse_mention(apposed_name(opening)[0]))
                            or _described_person(apposed_name(opening)[0], mention))):
        opening = None  # "A woman in a black headscarf ran toward them, crying": a person described speaks too
    if clause and not (opening and opening.start("subj") < clause.start("subj") < opening.end()):
        found = clause  # the clause's subject, unless it is inside the opening person's appositions
    elif opening and not (clause is None and _CLAUSE_BREAK.search(sentence, opening.end(), cue_start - sentence_start)):
        found = opening  # with no clause subject found, no other clause or source may stand between
    else:
        return None
    base = sentence_start
    for other in _ANOTHER_SUBJECT.finditer(sentence, found.end("subj"), cue_start - sentence_start):
        # "Ann Lee resigned and Tom Hale took over, stating", "..., and his lawyer issued a statement, claiming": the
        # participle ends the later clause, whose subject speaks (or no one the rules can name)
        clause = sentence[other.start("at"):cue_start - sentence_start]
        later = _OPENING_SUBJECT.match(clause)
        if later is None or not _FINITE_AFTER.match(clause, later.end("subj")):
            continue  # "his health and his family, stating", "arrested Hale and Lee on Monday": no subject and verb
        if parse_mention(apposed_name(later)[0]).kind not in ("person", "pronoun", "role"):
            return None
        found, base = later, sentence_start + other.start("at")
    return replace(_attribution(found, base, "before"), cue=cue, cue_start=cue_start)


# A coordinate clause's subject ("and Tom Hale took over"; not "while Ann Lee watched", a subordinate clause's).
_ANOTHER_SUBJECT = re.compile(r"\b(?:and|but)[^\S\n]+(?P<at>[A-Z][\w’'\-]*|he|she|they|his|her|their)\b")
_BODY_CUE_AFTER = re.compile(rf"[^\S\n]+{ADVERB_PATTERN}(?P<cue>{CUE_PATTERN})\b")  # "Amnesty International said"
_CLAUSE_BREAK = re.compile(r"\b(?:and|but|when|while|whereas|as|after|before|until|because|from|by)\b")


_CLOSING_MARKS = "\"”’'»"


def _handle_owner(text: str, handle: str, before: int) -> _Attribution | None:
    """The person a text names with a social-media handle in brackets before ``before`` ("Raian Gibrel
    (@bro0ownsugar)"), the latest such naming."""
    owner = None
    for m in re.finditer(rf"(?P<subj>{NAME_PATTERN})[^\S\n]*\({re.escape(handle)}\)", text[:before]):
        if parse_mention(m.group("subj")).kind == "person":
            owner = _Attribution(m.group("subj"), m.start("subj"), None, m.start("subj"), "before")
    return owner


def _named_or_pronoun(mention: Mention) -> bool:
    """A pronoun, or a person named in two words or more (one capitalised word opening a sentence may be any word:
    "Pressed again, Cole kept to his line")."""
    return mention.kind == "pronoun" or mention.kind == "person" and len(mention.name.split()) >= 2


_NAME_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w’'.\-]*[^\S\n]+)+$")


def _object_of_preposition(window: str, pos: int) -> bool:
    """True when the mention at ``pos`` (or the name it ends: "Tom Hale" for "Hale") follows a preposition, as its
    object: `X met with Tom Hale on Monday and said:`, `X posted it on Instagram and wrote:`."""
    words = _NAME_WORDS_BEFORE.search(window, 0, pos)
    return bool(_PREPOSITION_BEFORE.search(window, 0, words.start() if words else pos))


def _within_quote(window: str, pos: int) -> bool:
    """True when ``pos`` lies inside a quote the window opens before it (an odd number of straight marks, or more
    opening than closing curly ones)."""
    head = window[:pos]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”")


# A preposition before a noun makes it an object ("Officials with the company said", "In a letter to the board"),
# "according to" excepted.
_PREPOSITION_BEFORE = re.compile(r"\b(?i:with|of|at|for|from|by|(?<!according )to|in|on|about|against)[^\S\n]+$")


def _comma_introduces(m: re.Match, window: str, text: str, opening: int) -> bool:
    """Whether a clause ending in a comma (a BEFORE_COLON match) introduces the quote opened at ``opening``: a named
    person's, before a quote that opens a sentence (`X defended his decision, "As I said ..."`), after a verb of
    action and no speech verb (not `I was appalled to hear comments like, "`, nor `X hired Y, but Y resigned and
    said, "`), and neither a name nor a quote with its own cue."""
    return bool(_COMMA_INTRO.match(text, opening, opening + 2)) and m.group("cue") not in _COPULAS \
        and not _EXAMPLE_END.search(window) and _named_person(m.group("subj")) \
        and not _CUE_WORD.search(window, m.end("cue")) and not _named_or_attributed(text, opening)


def _named_or_attributed(text: str, opening: int) -> bool:
    """True when the quote opened at ``opening`` is a name in title case ("Mothers Against Noise") or a cue follows
    its closing mark (`"...," said Ann Lee`): no comma clause before it introduces it."""
    close = _CLOSING_MARK.search(text, opening + 1, opening + CLAUSE_CHARS)
    if close is None:
        return False
    return _is_title_case(text[opening + 1:close.start()]) or \
        bool(_CUE_AT.match(text[close.end():close.end() + 40].lstrip(" ,")))


_CLOSING_MARK = re.compile(r"[\"”’]")


def _named_person(subject: str) -> bool:
    """True for a person given by name, with at most a capitalised title ("Senator Amy Lind", "Kaya"), not a
    pronoun, a description or a capitalised sentence opening ("THREE decades ago Tom Hale")."""
    return parse_mention(subject).kind == "person" and all(
        w[:1].isupper() or w.lower() in ROLE_WORDS or w in _NAME_LINKS for w in subject.split())


# Lower-case words inside a titled name ("Mick Jaggard of The Rolling Rocks").
_NAME_LINKS = NAME_PARTICLES | {"of", "the"}


def _person_subject(subject: str) -> bool:
    """True for a subject that is one person: a name, a pronoun, or a described one ("The senator", "a local pastor",
    "one man", "a woman in a black headscarf"; not "Students", not a body)."""
    mention = parse_mention(subject)
    words = subject.lower().split()
    return mention.kind in ("person", "pronoun") or _described_person(subject, mention) or (
        mention.kind == "role" and words[0] in ("the", "a", "an") and _head_noun(words[1:]) in ROLE_WORDS)


def _issues_text(m: re.Match) -> bool:
    """Whether a BEFORE_COLON match is a body's clause whose verb's object is a text it put out ("The campaign
    recycled a statement it first put out in July:", "The ministry posted a message:")."""
    if m.group("end") != ":" or parse_mention(m.group("subj")).kind != "org":
        return False
    words = m.string[m.end("cue"):m.start("end")].lower().split()
    return len(words) >= 2 and words[0] in ("a", "an", "the", "its", "their") \
        and words[1].strip(",") in DOCUMENT_NOUNS | AUTHORED_TEXTS


def participle_clause(clause: str) -> re.Match | None:
    """BEFORE_PARTICIPLE read from a clause's start (`X ended her speech by saying "`), when its subject can speak and
    holds no finite verb: a verb inside the subject makes its name an object ("Protesters heckled Minister Jo Park,
    saying")."""
    m = BEFORE_PARTICIPLE.match(clause)  # its "^" anchors at the clause's start
    return m if m and _plausible_subject(m.group("subj")) and not finite_verb(m.group("subj")) else None


def _participle_subject(found: _Attribution) -> _Attribution | None:
    """A participle cue's speaker is the subject of the clause it ends, never the object of its verb: in
    "Protesters heckled Minister X, saying" the subject read up to the name holds a finite verb, and the words
    before that verb speak (or nobody, when they are no speaker)."""
    verb = finite_verb(found.speaker)
    if verb is None:
        return found
    subject = found.speaker[:verb.start()].strip()
    return replace(found, speaker=subject) if subject and _plausible_subject(subject) else None


# Subordinators whose fronted clause has a subject of its own, never the main clause's speaker ("As X said, ..." is X's
# word passed on: left out).
_FRONTED_CLAUSE_OPENERS = SUBORDINATORS - {"As"}


def _main_clause(window: str, m: re.Match) -> tuple[int, re.Match] | None:
    """(offset in ``window``, match) of the main clause's subject and cue when the clause match ``m`` (BEFORE_CLAUSE)
    read them inside a fronted subordinate clause (`When reporters asked about the plan, Tom Hale said "`, `After Ann
    Lee left, he declined, saying "`): the clause after the first comma past ``m``'s cue, read as BEFORE_CLAUSE or
    BEFORE_PARTICIPLE reads a clause; None when the sentence opens with no subordinator or the rest has no such
    subject and cue (the first reading stands)."""
    words = window.split(None, 1)
    if not words or words[0] not in _FRONTED_CLAUSE_OPENERS:
        return None
    comma = window.find(", ", m.end("cue"))
    if comma < 0:
        return None
    rest = window[comma + 2:]
    later = BEFORE_CLAUSE.match(rest)
    if later is None or not _plausible_subject(later.group("subj")):
        later = participle_clause(rest)
    return (comma + 2, later) if later else None


def _later_intro(window: str, m: re.Match) -> re.Match | None:
    """The last introduction (subject, finite cue, `,`/`:`) that starts inside the tail of the introduction ``m``."""
    later = None
    pos = m.end("cue")
    while pos < len(window):
        nxt = BEFORE_INTRO.search(window, pos)
        if nxt is None:
            break
        if _plausible_subject(apposed_name(nxt)[0]) and parse_mention(nxt.group("subj")).kind != "role" \
                and not nxt.group("cue").split()[0].endswith("ing"):  # `to help X, saying:` is the first subject's
            later = nxt
        pos = nxt.start("subj") + 1
    return later


def _headline_attribution(line: str, base: int) -> _Attribution | None:
    """The speaker and cue of a headline-case line before a quote (`Governor Eli Marsh Slams Rival:`): the words
    before its first cue, when they name a person."""
    words = [(w.group(0), w.start()) for w in re.finditer(r"\S+", line)]
    for i, (word, at) in enumerate(words[1:], 1):
        if word.lower() in CUE_CLASS:
            subject = line[:words[i - 1][1] + len(words[i - 1][0])]
            mention = parse_mention(subject)
            if mention.kind != "person":
                return None
            return _Attribution(" ".join(subject.split()), base, word, base + at, "before")
    return None


def _plausible_subject(subject: str) -> bool:
    """False for capitalised words that cannot be speakers (sentence openers like "But", "In")."""
    mention = parse_mention(subject)
    return mention.kind != "unknown" and not (mention.kind == "org" and mention.name in ("", None))


# A capitalised preposition opening a sentence before a name ("For Marisol Quintero, who ..."): no part of the name.
_LEADING_PREPOSITIONS = (PLACE_PREPOSITIONS | frozenset("For With From To By Under Of On Against".split())) - SUBORDINATORS
# Words that open a fronted phrase or clause, never a subject ("During Prime Minister's Questions", "As Heald told"), in
# lower case.
_NOT_SUBJECT_OPENERS = frozenset(w.lower() for w in SUBORDINATORS | FRONTED_PREPOSITIONS | _LEADING_PREPOSITIONS)


def _person_index(text: str, spans: list[_Span]) -> PersonIndex:
    """The article's cast: names given with a role, an apposition or a cue, and their mentions outside quotes."""
    persons = PersonIndex()
    singles = []
    titles: dict[str, str] = {}  # name -> a title written before it after a clause word
    for m in _NAME.finditer(text):
        # Cheap checks around each capitalised run instead of one big pattern tried at every offset.
        if m.group(0).lower() in NON_NAME_WORDS:
            continue  # "The", "In", "But": most capitalised runs are one sentence-opening word
        first, _, rest = m.group(0).partition(" ")
        if first in _LEADING_PREPOSITIONS and " " in rest.strip() and text[m.end():m.end() + 1] == ",":
            m = _NAME.match(text, m.start() + len(first) + 1) or m  # "For Marisol Quintero, who runs a laundry"
        window = text[max(0, m.start() - _NAME_CONTEXT):m.start()]
        prefix = _ROLE_PREFIX_BEFORE.search(window) if window[-1:] == " " else None
        mention = parse_mention((prefix.group(0) if prefix else "") + m.group(0))
        if mention.kind != "person" or prefix and mention.role and prefix.group(0).split()[-1] in ("the", "a", "an"):
            continue  # "to host the Oscars": a name after an article is a thing's or a body's, never titled
        if mention.role and " and " in mention.role:
            # "Commerce Secretary Gary Locke and Interior Secretary Ken Salazar": two titled persons in one run
            first, _, title = mention.role.rpartition(" and ")
            named = parse_mention(first)
            if named.kind == "person" and named.role and len(named.name.split()) >= 2 and _is_title(named.role):
                persons.add_person(named.name, named.role)
                mention = replace(mention, role=title)
        role = mention.role if mention.role and _is_title(mention.role) else None
        pre = _APPOSED_ROLE_BEFORE.search(window) if window.rstrip().endswith(",") else None
        # "The pastor, Ada Voss, declined", "a Republican, Mark Ames, said", "The university's provost, Professor X,",
        # "His Italian counterpart, Chiara Bellandi, was": a person, by the person noun before
        apposed = pre.group(1) if pre and (any(w in ROLE_WORDS or w.lower() in PARTY_NOUNS for w in pre.group(1).split())
                                           or _is_person_head(pre.group(1).split()[-1])) else None
        role = role or apposed
        if not role:
            # "James Roosevelt Jr., the grandson of FDR, spoke"; "Tom Ruiz, a plumber, was there" (a given name, and
            # no place's or body's last word: not "Jordan Park")
            names = mention.name.lower().split()
            role = _apposition(text, m.end(), len(names) >= 2 and (given_name_gender(names[0]) is not None or any(
                                   map(HYPHENATED_GIVEN_NAME.fullmatch, mention.name.split())))  # "Kim So-yeon"
                               and names[-1] not in PLACE_WORDS | ORG_WORDS)
        if not role and len(mention.name.split()) >= 2 and (pred := _PREDICATE_ROLE.match(text, m.end())):
            # "When Kamla Meghwal became headmistress of the school": the office the sentence gives the person, for a
            # later "the headmistress said"
            words = pred.group("role").split()
            stop = next((k for k, w in enumerate(words) if w in DESCRIPTION_ENDS), len(words))
            role = " ".join(words[:stop]) if stop and words[stop - 1] in ROLE_WORDS else None
        if not role and prefix:
            # "where former President X": the title after the clause word, for a person the text registers anyway
            # (a title after "against" or "with" names no speaker by itself).
            words = prefix.group(0).split()
            cut = [k for k, w in enumerate(words) if w in CLAUSE_WORDS]
            inner = parse_mention(" ".join(words[cut[-1] + 1:] + [m.group(0)])) if cut else None
            if inner and inner.kind == "person" and inner.role and _is_title(inner.role):
                titles.setdefault(inner.name, inner.role)
        if not (role or _PERSON_AFTER.match(text, m.end())
                # "Mateus Oliveira, the Brazilian defender, told", "Nadia Bouzid (pictured), 45, said", "Her lawyer,
                # Chukwuemeka Eze, said": a full name whose clause's verb, after asides set off by commas, is a cue
                # and a person's description around it (not "Goldman Sachs, the investment bank, said", "The
                # company developing the therapy, Luminar Genetics, said", "Morgan Stanley, in a note, said")
                or (len(mention.name.split()) >= 2 and _APPOSED_CUE_AFTER.match(text, m.end())
                    and (window.rstrip().endswith(",") or _opens_sentence(text, m.start()))
                    and _described_as_person(text, m.start(), m.end()))
                or (_AGENT_BEFORE_NAME.search(window) and len(mention.name.split()) >= 2)
                or (_AGE_BEFORE.search(window) and len(mention.name.split()) >= 2)  # "81-year-old Peadar Ó Loingsigh"
                # "In the market, fishmonger Hasan Usta had": a trade or a person noun right before a full name
                or (len(mention.name.split()) >= 2 and (trade := _LOWER_WORD_BEFORE.search(window))
                    and (trade.group(1) in ROLE_WORDS or trade.group(1) in PERSON_NOUNS
                         or _is_person_agent(trade.group(1)))
                    and not is_trade(trade.group(1)))
                # "Rajesh Kumar's family has farmed here": only a person has kin; and is one ("Juma Mwangi's widow,
                # Esther, spoke")
                or (len(mention.name.split()) >= 2 and m.group(0).endswith(("'s", "’s"))
                    and _KIN_AFTER.match(text, m.end()))
                or (len(mention.name.split()) == 1 and _KIN_BEFORE.search(window))
                # "the judge asked Maria Kaliadka whether she": a full name whose given name tells the gender of the
                # pronoun opening the clause after it
                or (len(mention.name.split()) >= 2 and (told := _CLAUSE_PRONOUN_AFTER.match(text, m.end()))
                    and given_name_gender(mention.name.split()[0]) == PRONOUN_GENDERS[told.group(1)])
                or (any(c in window for c in ",\"”’") and _CUE_BEFORE_NAME.search(window)
                    and not _CLAUSE_VERB_AFTER.match(text, m.end()))  # "X, 34, said Dunmore was": no speaker
                or (_opens_sentence(text, m.start()) and (len(mention.name.split()) == 2 or len(
                    mention.name.split()) == 3 and mention.name.split()[0].lower() in FIRST_NAME_GENDERS)
                    and (_FINITE_AFTER.match(text, m.end())
                         # "Tom Hale runs the shelter.": a present verb or irregular past after a known given name,
                         # or with "she" or "he" opening the next sentence ("Farida Haidari taught in Herat. Today
                         # she ...")
                         or (_PRESENT_AFTER.match(text, m.end()) or _IRREGULAR_PAST_AFTER.match(text, m.end()))
                         and (mention.name.split()[0].lower() in FIRST_NAME_GENDERS
                              or _pronoun_follows(text, m.end())))
                    and _opening_subject(m.group(0), mention.name))):
            continue
        if is_outlet_name(mention.name):
            continue  # "Politico reported": a news outlet, never a person a pronoun could stand for
        if mention.name.split()[0].lower() in NAME_PARTICLES and re.search(
                rf"[A-Z][\w’'\-]*[^\S\n]+{re.escape(mention.name[0].lower() + mention.name[1:])}\b", text):
            continue  # "Van der Merwe asked" opening a sentence: the surname of "Pieter van der Merwe", no one else
        if (last := mention.name.split()[-1]).endswith("s") and last.lower() in CUE_CLASS:
            # "Coach Ana Ruiz Says 'We Were Robbed'": a headline's cue, no part of the name before it
            mention = replace(mention, name=mention.name[:-len(last)].rstrip())
            if len(mention.name.split()) < 2:
                continue
        if len(mention.name.split()) == 1:
            if not mention.name.endswith(PLURAL_ENDINGS):  # "Republicans say", "Greeks said"
                singles.append((mention.name, role, m.start()))
        else:
            persons.add_person(mention.name, role)
            persons.add_person(mention.name, apposed)  # the description before a titled name too
            # a further description in apposition ("The opposition leader, Gonzalo Arrieta, a former agriculture
            # minister,", "X, a Lagos-based economist who advises ..., said"): a person's, whatever the given name
            persons.add_person(mention.name, _apposition(text, m.end(), True))
    full_names = _full_names_by_surname(text)
    for m in _SENTENCE_OPENING_NAME.finditer(text):
        # "Meyer penned a letter": a sentence subject that the text also gives in full ("Stephenie Meyer's").
        word = m.group(1)
        if word in full_names and word.lower() not in NON_NAME_WORDS and persons.full_name(word) == word:
            persons.add_person(full_names[word], None)
    owned = []  # (given name, role, offset, the pronoun's gender or None) of relatives of someone a pronoun stands for
    for name, role, start in singles:
        registered = persons.full_name(name)
        if registered == name or name in full_names and _first_word_only(registered, name):
            given = role is None and name.lower() in FIRST_NAME_GENDERS  # a titled one-word name is a surname
            full = full_names.get(name) or (given and _full_name_from_given(text, name)) \
                or _relative_full_name(text, start, name, persons)
            kin = None if full else _PRONOUN_KIN_BEFORE.search(text, max(0, start - _FRONTED_CHARS), start)
            if kin and _NAMED_AND_BEFORE.search(text, max(0, kin.start() - _FRONTED_CHARS), kin.start()):
                kin = None  # "the Duke of Sussex and his wife, Meghan": "his" is the Duke's, whom the cast lacks
            if kin:
                owned.append((name, role, start, _OWNER_GENDERS[kin.group("owner").lower()]))
            else:
                persons.add_person(full or name, role)
    for name, title in titles.items():
        if name in persons.roles and not persons.roles[name]:
            persons.roles[name] = title
    persons.index_mentions(text, [(s.open, s.close) for s in spans])
    if owned:
        # "Fatma Yilmaz ... Her husband, Ramazan,": the relative has the surname of the one the pronoun stands for;
        # "Their mother Sharon" that of the family named last (two persons of one surname)
        families = Counter(surname_of(n) for n in persons.roles if " " in n)
        for name, role, start, gender in owned:
            owner = persons.recent(start, gender=gender) if gender else next(
                (n for p, n in zip(reversed(persons.positions), reversed(persons.names))
                 if p < start and " " in n and families[surname_of(n)] >= 2), None)
            built = f"{name} {surname_of(owner)}" if owner and " " in owner and name not in owner.split() else None
            persons.add_person(built or name, role)
            if built:
                persons.relatives.add(built)
                families[surname_of(built)] += 1
        persons.index_mentions(text, [(s.open, s.close) for s in spans])
    return persons


def _first_word_only(registered: str, word: str) -> bool:
    """Whether ``word`` names the ``registered`` person only as the first word of two, neither a given name of the
    tables nor a family name written first ("Kim So-yeon"): a text that also writes it as a surname ("Thenmozhi
    Arumugam", then "Arumugam, 42, said") means that person by it, not "Arumugam Periyasamy", her father."""
    words = registered.split()
    return len(words) == 2 and words[0] == word and given_name_gender(word) is None \
        and not HYPHENATED_GIVEN_NAME.fullmatch(words[1])


_PHRASE_BEFORE = re.compile(r"([^,.;:!?\"“”\n]{1,80}),[^\S\n]*$")  # the comma phrase right before a name
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w’'\-])([a-z]+)[^\S\n]+$")  # the lower-case word right before a name


# The first aside after a name: an age, a description, or a participle phrase.
_ASIDE_AFTER = re.compile(r"(?:[^\S\n]+\([^()\n]{1,30}\))?,[^\S\n]+([^,;:.!?\"“”\n]{1,140})")
_PERSON_PARTICIPLES = frozenset("speaking writing sitting standing talking addressing".split())  # "X, speaking from ..."


def _phrase_head(phrase: str) -> str:
    """The head noun of a description ("the company developing the therapy" -> "company")."""
    words = phrase.lower().split()
    if words[:1] in (["one"], ["another"], ["each"]) and words[1:2] == ["of"]:
        # "One of the country's vice presidents": one person of a plural, the plural's singular
        head = _head_noun(words[1:])
        return singular(head) if head in PLURAL_PERSON_NOUNS else head
    cut = next((i for i, w in enumerate(words) if i >= 2 and w.endswith("ing")), len(words))  # not "a trucking firm"
    return _head_noun([w for w in words[:cut] if w not in ("the", "a", "an")])


def _is_person_head(head: str) -> bool:
    head = head.split("-")[0]  # "sister-in-law"
    return (head in ROLE_WORDS or head in PERSON_NOUNS or _is_agent_noun(head)) \
        and head not in ORG_HEADS and head not in ORG_WORDS and head not in PLACE_WORDS


def _described_as_person(text: str, start: int, end: int) -> bool:
    """Whether a name's asides tell a person: a person's description in the comma phrase before it ("Her lawyer, ",
    "A spokesperson for the commission, "), or, after it, an age, a person's description ("the Brazilian defender") or
    a speaking participle ("speaking from a hospital bed"); a body's description before or after it tells none."""
    before = _PHRASE_BEFORE.search(text, max(0, start - _FRONTED_CHARS), start) \
        if text[max(0, start - 2):start].strip() == "," else None
    if before and not _FRONTED_OPENS.match(before.group(1)):
        return _is_person_head(_phrase_head(before.group(1)))
    aside = _ASIDE_AFTER.match(text, end)
    words = aside.group(1).split() if aside else []
    if not words:
        return False
    if words[0].isdigit() or words[0].lower() in _PERSON_PARTICIPLES:
        return True
    head = _phrase_head(aside.group(1))
    # "the Brazilian defender", "a mother of three"; a title with no article ("executive vice president of X")
    return _is_person_head(head) and (words[0].lower() in ("a", "an", "the") or head in ROLE_WORDS)


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence, after a fronted phrase and its comma too (``^`` matches only at the text's
    real start, not where the search window begins)."""
    return bool(_OPENS_SENTENCE.search(text, max(0, pos - _FRONTED_CHARS), pos))


_KIN = r"(?:wife|husband|son|daughter|brother|sister|mother|father|widow|widower|grandson|granddaughter)"
# Relatives after a name's "'s" ("Rajesh Kumar's family", "Ana Ruiz's children"): a person's name. Only a group: after
# "Juma Mwangi's widow" a "she" is the widow, who would take the pronoun from the name.
_KIN_AFTER = re.compile(r"[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:family|children|parents|grandchildren|relatives)\b"
                        r"(?![^\S\n]+of\b)")  # not "Acme's family of drills"
# A given name after a relative of someone named: "Adewale Ogunbiyi's wife, Folake", "the Nichols' mother, Claritha"
# (also tokenised, "Nichols ' mother"), "X and his daughter Elif".
_KIN_BEFORE = re.compile(rf"(?P<owner>{NAME_PATTERN})(?:[’']s|(?<=s)[^\S\n]?[’']|[^\S\n]+and[^\S\n]+(?:his|her))"
                         rf"[^\S\n]+(?:[a-z]+[^\S\n]+)?{_KIN},?[^\S\n]+$")
# A given name after a relative of someone a pronoun stands for: "Her husband, Ramazan,", "his daughter, Amara,".
_PRONOUN_KIN_BEFORE = re.compile(rf"(?<![\w’'])(?P<owner>[Hh]is|[Hh]er|[Tt]heir)[^\S\n]+(?:[a-z]+[^\S\n]+)?{_KIN},?"
                                 rf"[^\S\n]+$")
_OWNER_GENDERS = {"his": "m", "her": "f", "their": None}
_NAMED_AND_BEFORE = re.compile(r"[A-Z][\w’'\-.]*[^\S\n]+and[^\S\n]+$")


def _relative_full_name(text: str, pos: int, given: str, persons: PersonIndex) -> str | None:
    """A one-word name the text gives as a relative of a named person, with that person's surname ("Adewale Ogunbiyi
    and his wife, Folake" -> "Folake Ogunbiyi"), as news gold sets write such names; None otherwise."""
    kin = _KIN_BEFORE.search(text, max(0, pos - _FRONTED_CHARS), pos)
    full = persons.full_name(kin.group("owner")) if kin else None
    if not full or " " not in full or parse_mention(full).kind != "person" or given in full.split() \
            or any(w.islower() for w in full.split()):  # not "Baloch and Waseem's mother"
        return None
    persons.add_person(full, None)  # the relative's kin is a person: "Adewale Ogunbiyi and his wife, Folake"
    built = f"{given} {surname_of(full)}"
    persons.relatives.add(built)
    return built


_NEXT_SENTENCE = re.compile(r"[.!?][\"”’]?\s+")
# "She now works", "Today he teaches", "In 2019, she": a personal pronoun as the subject opening a sentence.
_PRONOUN_OPENING = re.compile(r"(?:[A-Z][\w\-]*(?:[^\S\n]+[\w\-]+){0,2},?[^\S\n]+)?(?:[Ss]he|[Hh]e)\b")


# A personal pronoun later in the sentence: "X runs a shop in Onitsha; her husband ...".
_OWN_PRONOUN_AFTER = re.compile(r"[^.!?\n\"“”]{1,80}?\b(?:her|his|she|he)\b")
_CAPITALISED_WORD = re.compile(r"(\w+[^\S\n]+)?[A-Z]")
_CLAUSE_PRONOUN_AFTER = re.compile(r"[^\S\n]+(?:whether|if|that|why|how|when)[^\S\n]+(she|he)\b")
_BEFORE_PLACE = frozenset("in at from near outside across".split())


def _pronoun_follows(text: str, pos: int) -> bool:
    """True when the rest of the sentence at ``pos`` holds "she", "he", "her" or "his" with no capitalised word before
    it but a place's ("in Onitsha"), or the sentence after it opens with "she" or "he" as its subject (within a few
    words)."""
    own = _OWN_PRONOUN_AFTER.match(text, pos)
    if own and all((m.group(1) or "").strip() in _BEFORE_PLACE for m in _CAPITALISED_WORD.finditer(own.group(0))):
        return True
    end = _NEXT_SENTENCE.search(text, pos, pos + SENTENCE_CHARS)
    return bool(end and _PRONOUN_OPENING.match(text, end.end()))


def _opening_subject(run: str, name: str) -> bool:
    """True when a capitalised run opening a sentence is the name alone, or the name after a subordinating
    conjunction ("When Jo Hale decided ..."), or after its owner ("Kenya's Mary Wanjiru"), or before its body or place
    ("Park Ji-hoon of Daeyang Investment")."""
    first, _, rest = run.partition(" ")
    # "KELLY Marsh": "Kelly Marsh"; "Park Ji-hoon of Daeyang Investment was gloomier": the name, then where from
    return run.lower() == name.lower() or (first in SUBORDINATORS and rest == name) \
        or run.startswith(f"{name} of ") and run[len(name) + 4:][:1].isupper() \
        or first.endswith(("'s", "’s")) and rest == name  # "Uganda's Joshua Chelangat won"


# How English names a person by what they do ("plumber", "cashier", "violinist", "lifeguard", "regular"): a description
# headed otherwise ("a tourist attraction", "a quiet district") is of a thing or place.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "guard", "ee", "ar", "ive")


# A role a sentence gives the person named right before it: "X became headmistress of", "X was elected mayor in".
_PREDICATE_ROLE = re.compile(r"[^\S\n]+(?:became|becomes|was[^\S\n]+(?:named|appointed|elected|made)|"
                             r"(?:has|had)[^\S\n]+been[^\S\n]+(?:named|appointed|elected)|serves[^\S\n]+as|"
                             r"served[^\S\n]+as|works[^\S\n]+as|worked[^\S\n]+as)[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?"
                             r"(?P<role>[a-z][a-z\-]*(?:[^\S\n]+[a-z][a-z\-]*){0,5})")


def _apposition(text: str, pos: int, person: bool = False) -> str | None:
    """The role an apposition after a name gives ("X, head of reporting at Y," -> "head of reporting at Y"): one
    holding a role or person noun, or, after a name the text shows is a person's (``person``: it opens with a given
    name of the names tables), a description headed by an agent noun ("Tom Ruiz, a plumber," -> "plumber", "Ana Lee,
    the lifeguard whose ...", "Jo Kern, ein Anlageberater"): no list holds every trade."""
    m = _APPOSITION_AFTER.match(text, pos)
    if not m or m.group(2) and not person:
        return None  # a title running into the verb is apposed only to a person's name ("in the Commons, the MP said")
    words = (m.group(1) or m.group(2)).split()
    if any(w in _APPOSITION_VERBS for w in words) or words[0] in ("where", "when"):
        # "USS Higgins, the Pentagon chief said ...": a clause, not an apposition; "Madurai, where her father ran a
        # stall": a place's
        return None
    if words[0] in ("the", "a", "an"):
        words = words[1:]
    nouns = [w.lower().strip(",") for w in words if not w.endswith(("'s", "’s"))]  # "a farmer's cooperative"
    stop = next((k for k, w in enumerate(nouns) if w in DESCRIPTION_ENDS), len(nouns))
    head = nouns[stop - 1] if stop else ""  # "regular at the bar" -> "regular"
    described = person and head.isalpha() and head.endswith(_AGENT_ENDINGS) \
        and head not in PLACE_WORDS | ORG_HEADS | ORG_WORDS
    return " ".join(words) if described or any(w in ROLE_WORDS or w in PERSON_NOUNS for w in nouns) else None


_SHORT_NAME_CHARS = 4  # a known outlet's one-word name this short may be a given name ("Sana", "Mena"), unless upper case


def is_outlet_name(name: str) -> bool:
    """True for the name of a known news outlet ("Politico", "CNN", "Fox News"), not a short word that may as well be
    a given name."""
    return is_known_outlet(name) and (" " in name or name.isupper() or len(name) > _SHORT_NAME_CHARS)


def _is_title(role: str) -> bool:
    """A role that titles a person: it ends in a role word ("her agent"), or is a capitalised title holding one
    ("High Representative for Disarmament Affairs"); "fashion line called" is not."""
    words = [w.strip(",") for w in role.split()]
    if words and _role_word(words[-1]):
        return True
    capitalised = all(w[:1].isupper() or w in ("of", "for", "and", "the", "on") for w in words)
    return capitalised and any(_role_word(w) for w in words)


def _role_word(word: str) -> bool:
    """True for a role word as written, its full stop kept or not ("Sen.", "Gov.", "Rep", "director.")."""
    low = word.lower()
    return is_role_word(low) or low.rstrip(".") in ROLE_WORDS or low.rstrip(".") + "." in ROLE_WORDS


_SECOND_SURNAME = re.compile(r"[^\S\n]([A-Z][\w’'\-]*[a-z][\w’'\-]*)(?![\w’'\-.])")  # a word after a name's pair


def _full_names_by_surname(text: str) -> dict[str, str]:
    """Surname -> the first "First Last" pair of capitalised words in the text that ends with it."""
    out: dict[str, str] = {}
    headings: dict[int, bool] = {}  # a line's start -> whether the line is a heading (read once a line)
    for m in _NAME_PAIR.finditer(text):
        first, last = m.group(1), re.sub(r"[’']s$", "", m.group(2))  # "Stephenie Meyer's"
        surname = last.split()[-1]
        if surname in out or first.lower() in NON_NAME_WORDS or first.lower() in ROLE_WORDS \
                or first.lower() in ORG_WORDS or is_trade(first.lower()) or first.endswith(("'s", "’s")):
            continue  # "Drugmaker Pfizer": a trade, no given name; "Trump's Facebook": an owner, no given name
        if _TITLE_CASE_BEFORE.search(text, max(0, m.start() - _TITLE_CASE_CHARS), m.start()) \
                or re.search(r"[A-Z]{2}", first[1:]):
            continue  # "How To Scrape Google With Python": words of a title-cased line; "RapidAPI": no given name
        start = text.rfind("\n", 0, m.start()) + 1
        if start not in headings:
            end = text.find("\n", m.start())
            headings[start] = is_heading_line(text[start:end if end >= 0 else len(text)])
        if first.lower() not in FIRST_NAME_GENDERS and headings[start]:
            continue  # "Prediction: Red Sox Will Nab Teixeira": a headline's verb before a surname, no given name
        # a second family name after a given name of the tables ("Evaristo Quispe Ticona", whom "Quispe, 66, said"
        # names), outside a headline ("Mark Teixeira Picks Boston")
        second = _SECOND_SURNAME.match(text, m.end(2)) if given_name_gender(first) and not headings[start] else None
        if second and _is_name_token(second.group(1)) \
                and second.group(1).lower() not in NON_NAME_WORDS | ORG_WORDS | PLACE_WORDS:
            last = f"{last} {second.group(1)}"
        out[surname] = " ".join(f"{first} {last}".split())
    return out


def _full_name_from_given(text: str, given: str) -> str | None:
    """The one full name the text writes with ``given`` as its first word ("Ronnie's mum, Emily Wraith, set up ..."
    for a later "Emily wrote"), initials kept ("Walter A. Clyburn Reed"); None when it writes none, or several."""
    found = {" ".join(_POSSESSIVE_END.sub("", m.group(0)).split()) for m in re.finditer(
        rf"(?<![\w’'\-]){re.escape(given)}(?:[^\S\n]+(?:[A-Z]\.[^\S\n]*)*[A-Z][\w’'\-]*[a-z][\w’'\-]*){{1,3}}", text)}
    names = {n for n in found if all(_is_name_token(w) for w in n.split()[1:] if not w.endswith("."))}
    return names.pop() if len(names) == 1 else None


def _next_paragraph_attribution(text: str, para: tuple[int, int], bare: bool = False) -> _Attribution | None:
    """A speaker named at the start of the next paragraph, when that paragraph does not open with a quote; with
    ``bare``, only when little follows the cue (no `that` clause: new content is that speaker's own turn)."""
    start, end = _trim(text, *para)
    if start >= end or text[start] in "\"“„«":
        return None
    stop = _after_end(text, start, end)
    window = text[start:stop]
    if text[stop:stop + 1] in QUOTE_MARKS and stop < end and window.rstrip().endswith((",", ":")):
        return None  # `X, a spokesman, said, "..."`: an introduction of the paragraph's own quote
    for pattern in (NEXT_SUBJECT_CUE, NEXT_CUE_SUBJECT, WORDS_OF, NEXT_SIGNATURE, NEXT_BYLINE):
        m = pattern.match(window)
        if m and pattern is NEXT_BYLINE and not _signs(m):
            continue
        if m and _plausible_subject(m.group("subj")) \
                and (len(window.split()) <= _NEXT_ATTRIBUTION_WORDS or pattern is WORDS_OF) \
                and not _BARE_PLURAL.fullmatch(m.group("subj")):  # "Western observers say ...": a new claim
            rest = window[m.end():].split()
            if rest[:1] == ["not"] or bare and (len(rest) > _BARE_TAIL_WORDS or "that" in rest[:_THAT_CLAUSE_WORDS]
                                                or rest and classify_cue(m.group("cue")) in _REACTION_CLASSES):
                # `He asked not to be identified`: a source's condition, not an attribution; `The Chamber welcomed
                # the rule.` after a speaker's quote: a reaction to it, not its credit
                return None
            return _attribution(m, start, "next")
    return None


_BRAND_WORD = re.compile(r"(?=[\w&]*[a-z])[A-Z0-9][\w&]*[A-Z0-9][\w&]*")  # "ZDNet", "TechCrunch", "9to5Mac"


def _signs(byline: re.Match) -> bool:
    """Whether a `Name, Affiliation` line is a person signing the quote above it: a person's full name whose given
    name the text tells apart from a place's (`Los Angeles, California` is no signature), or one signed with a known
    outlet, a web address (`Jo Marsh, Reuters`) or a brand's one word written with a capital or a digit inside it
    (`Ann Kowal, TechCrunch`; places are not written so)."""
    named = parse_mention(byline.group("subj"))
    if named.kind != "person" or len((named.name or "").split()) < 2:
        return False
    affiliation = byline.string[byline.end("subj"):byline.end()].strip(" ,")
    return named.name.split()[0].lower() in FIRST_NAME_GENDERS or is_outlet_name(affiliation) \
        or is_host_name(affiliation) or bool(_BRAND_WORD.fullmatch(affiliation))


_REACTION_CLASSES = ("approving", "criticising", "denying")  # cues whose object is what was said or done, not words
_APPOSITION_CLAUSE = re.compile(rf"\b(?:{CUE_PATTERN}|is|was|were|are|has|had|have|will|would|could|should)\b")


def _closing_attribution(text: str, start: int, end: int) -> _Attribution | None:
    """The speaker of a paraphrase that ends its paragraph (`Page was hardly tawdry, though, Yeager said.`, `...,
    according to X.`): the quote paragraph after it goes on with that speaker's words."""
    window = text[start:end]
    m = TAIL_SUBJECT_CUE.search(window)
    while m and not _plausible_subject(m.group("subj")):
        m = TAIL_SUBJECT_CUE.search(window, m.start() + 1)  # `, the rules would change, Mr. X said.`: the later comma
    if m is None:
        m = TAIL_CUE_SUBJECT.search(window) or TAIL_ACCORDING.search(window)
        return _attribution(m, start, "before") if m and _plausible_subject(m.group("subj")) else None
    lead = window[:m.start()]
    name = _NAME.match(lead, len(lead) - len(lead.lstrip()))
    # `Dan Orr, a lawyer at Bird Trust, agreed ...`, `X, a spokesman, confirmed the toll but cautioned ...`: the comma
    # phrases are the name's appositions, or the role the match took for a subject is the one right after the name
    if name and (_appositions_only(window[name.end():m.start("cue")]) or not lead[name.end():].strip()):
        mention = parse_mention(name.group(0))
        if mention.kind == "person" and len(mention.name.split()) >= 2:
            return _Attribution(name.group(0), start + name.start(), m.group("cue"), start + m.start("cue"), "before")
    return _attribution(m, start, "before")


def _appositions_only(between: str) -> bool:
    """Whether the text between a name and its cue is only appositions: comma phrases that each open with an article,
    a possessive, an age, a role word or a capitalised word (`, a lawyer at Bird Trust,`, `, 20, a junior,`), none with
    a verb. `, for all his faults, never started a war, the senator said`: a clause, whose subject speaks."""
    if not between.strip():
        return True
    phrases = between.rstrip().rstrip(",").split(",")
    if phrases[0].strip() or len(phrases) < 2 or _APPOSITION_CLAUSE.search(between):
        return False
    for phrase in phrases[1:]:
        words = phrase.split()
        if not words or any(ch in phrase for ch in ".;:!?\"“”") or not (
                words[0] in _APPOSITION_OPENERS or words[0].isdigit() or words[0][:1].isupper()
                or words[0].lower() in ROLE_WORDS):
            return False
    return True


_APPOSITION_OPENERS = frozenset("a an the his her their its".split())


# A writer's question about the person the sentence names ("Why did she so badly want to attend?"): its subject after
# the question word and the auxiliary.
_QUESTION_SUBJECT = re.compile(r"\s*(?:Why|How|What|When|Where)[^\S\n]+(?:did|does|do|was|is|were|would|could|had|has)"
                               r"[^\S\n]+(?P<subj>he|she|[A-Z][\w’'\-]+(?:[^\S\n]+[A-Z][\w’'\-]+)?)"
                               r"[^\S\n]+[a-z][^?]*\?\s*$")


def _sentence_subject(text: str, start: int, end: int, persons: PersonIndex) -> _Attribution | None:
    """The person a narrative sentence is about (its subject: a name, a resolvable pronoun or role noun)."""
    sentence = text[start:end]
    m = _QUESTION_SUBJECT.match(sentence) or SENTENCE_SUBJECT.match(sentence)
    opening = _OPENING_SUBJECT.match(sentence)
    if opening and (opening.group("appos") and parse_mention(opening.group("subj")).kind == "person"
                    or m is not None and m.start("subj") > opening.start("subj") and not opening.group("appos")
                    and _CUE_AT.match(sentence, opening.end())
                    and opening.group("subj").split()[0].lower() not in _NOT_SUBJECT_OPENERS
                    and parse_mention(opening.group("subj")).kind in ("person", "role", "pronoun")):
        # `Ann Lee, a volunteer, has worked there.`: the name, not its apposition; `The director denied reports that
        # his talks with the studio, Lionsgate, hit a snag.`: the subject of the opening cue, not a later clause's
        m = opening
    longer = _DESCRIBED_NAME_SUBJECT.match(sentence)
    if longer and (m is None or longer.end("subj") > m.end("subj")) and not any(
            w in CLAUSE_WORDS or w.endswith("ed") for w in longer.group("desc").split()):
        m = longer  # "Tech investor Ann Lowe tells ...": the name, not the capitalised word opening its description
    if not m:
        return None
    mention = parse_mention(m.group("subj"))
    if _described_person(m.group("subj"), mention):
        # "The guard stepped forward. "..."": a story's unnamed character, as the text describes them
        return _Attribution(" ".join(m.group("subj").split()), start + m.start("subj"), None,
                            start + m.start("subj"), "context")
    if mention.kind not in ("person", "pronoun") and not (_CUE_AT.match(text, start + m.end())
                                                         or text[start:end].rstrip().endswith(":")):
        # "The Pentagon moved troops.", "The Pentagon chief flew in.": a body or a description whose verb is no cue
        # and that introduces nothing is not speaking (a person's narrative sentence in a profile may be).
        return None
    speaker_id, _ = resolve_mention(mention, start + m.start("subj"), persons)
    unnamed = speaker_id is None and m.group("subj").lower() in PRONOUN_GENDERS
    if not unnamed and (speaker_id is None or speaker_id not in persons.roles):
        return None
    # "He shrugged. "..."" with no person named: the story's unnamed character the pronoun stands for, if any
    # (_resolve_non_persons resolves it, or leaves the quote unattributed).
    return _Attribution(" ".join(m.group("subj").split()), start + m.start("subj"), None, start + m.start("subj"),
                        "context")


def _described_person(subject: str, mention: Mention) -> bool:
    """True for one unnamed person described by a determiner and a person noun or agent noun, with what follows it
    ("The guard", "my mother", "a tall woman", "one man", "a local shopkeeper", "a woman in a black headscarf"), not a
    body, a text or a title standing for someone named ("the senator" resolves to them instead)."""
    words = subject.lower().split()
    if mention.kind != "role" or words[0] not in ("the", "a", "an", "my", "one", "another"):
        return False
    head = _head_noun(words[1:])
    before = words[1:words.index(head)] if head in words[1:_DESCRIBED_HEAD_AT + 1] else None
    # one determiner, opening it: "The night my neighbour" is a time and another person
    return before is not None and not set(before) & set(DETERMINERS) \
        and head not in ORG_HEADS | DOCUMENT_NOUNS | PLURAL_PERSON_NOUNS \
        and (head in PERSON_NOUNS | MALE_NOUNS | FEMALE_NOUNS | _STORY_PERSONS
             or _is_person_agent(head) and head not in ROLE_WORDS)


_DESCRIBED_HEAD_AT = 3  # words up to a described person's head noun ("a tall young woman")


_STORY_PERSONS = frozenset("guard stranger boy girl soldier driver doctor nurse officer waiter waitress clerk "
                           "priest teacher captain mother father".split())  # characters a story leaves unnamed


def _statement_subject(text: str, start: int, end: int) -> _Attribution | None:
    """The subject of a sentence in which it puts out a statement (`Acme released a statement on Friday.`): the
    speaker of the quote that gives the statement's words."""
    window = text[start:end]  # sliced: "^" holds only at a string's start, not at a search's start offset
    m = STATEMENT_RELEASE.search(window) or STATEMENT_INTRO.search(window)
    if not m or not _plausible_subject(m.group("subj")):
        return None
    return _Attribution(" ".join(m.group("subj").split()), start + m.start("subj"), None, start + m.start("subj"),
                        "context")


def statement_author(text: str, pos: int) -> tuple[str, int] | None:
    """(subject as written, offset) of the latest sentence shortly before ``pos`` that puts out a statement or letter
    (`The DNC issued a statement Tuesday.`): the author a later "the statement read" or "it read" stands for."""
    found = None
    matches = [*STATEMENT_AUTHOR.finditer(text, max(0, pos - _STATEMENT_CHARS), pos),
               *STATEMENT_FRONTED.finditer(text, max(0, pos - _STATEMENT_CHARS), pos)]
    for m in sorted(matches, key=lambda m: m.start("subj")):
        subject, at = without_opener(*apposed_name(m))  # "On Friday, the Harlan Task Force released a statement"
        mention = parse_mention(subject)
        if _plausible_subject(subject) and not (mention.kind == "person" and mention.role
                                                and not _is_title(mention.role)):
            # not "Senators representing Maryland and Virginia": a clause before a name titles no one
            found = (" ".join(subject.split()), at)
    return found


_DOCUMENT_IN_TEXT = re.compile(DOCUMENT_FROM_PATTERN)  # a document named with its author, anywhere in a text
# A participle after a text's name that tells which text it is ("The notification issued to this effect").
_DEFINING_PARTICIPLES = ("signed", "made") + REACHED_PARTICIPLES  # which text, not by whom ("a memo seen by")
_DEFINED_HERE = re.compile(r",?[^\S\n]+(?:%s)\b" % "|".join(AUTHORING_PARTICIPLES + _DEFINING_PARTICIPLES))


def _named_author(m: re.Match, name: str) -> tuple[str, int]:
    """(author, offset) of a document named with its author (a match of DOCUMENT_FROM_PATTERN): the name after it."""
    return name, m.start() + m.group(0).rindex(name)


_PUTTING_OUT = STATEMENT_VERBS + ("conducted", "produced", "commissioned", "compiled", "carried out", "prepared",
                                  "wrote", "filed", "handed down", "delivered")
_DECISIONS = frozenset("ruling judgment judgement decision verdict order".split())  # what a court's "ruled" puts out
_TEXT_KINDS = DOCUMENT_NOUNS | AUTHORED_TEXTS | _DECISIONS  # every kind of text someone puts out (_text_put_out*)
# What a court does by a decision ("The High Court blocked the deployment", then "the ruling said"): the decision is
# the court's when the subject is one (not "The ministry rejected the ruling").
_DECIDING = ("ruled", "blocked", "upheld", "overturned", "struck down", "dismissed", "ordered", "halted", "quashed",
             "threw out", "rejected", "granted", "denied", "sided with", "found", "suspended", "allowed")
_COURTS = frozenset("court tribunal judge justice justices judges bench".split())


@lru_cache(maxsize=1)
def _text_put_out() -> re.Pattern:
    """A sentence whose subject puts out a text ("Amnesty released a report", group ``noun``) or decides ("the court
    ruled", "the High Court blocked", group ``ruled``): one pattern for every kind of text, compiled once when first
    needed."""
    nouns = alternation(sorted(_TEXT_KINDS))
    return re.compile(rf"(?:^|(?<=[.!?\n])[^\S\n]*|[^\S\n]+and[^\S\n]+){SUBJECT}[^\S\n]+{ADVERB_PATTERN}"
                      rf"(?:(?:{alternation(_PUTTING_OUT)})[^\S\n]+(?:an?|the|its|his|her|their)[^\S\n]+"
                      rf"(?:[\w\-]+[^\S\n]+){{0,3}}?(?P<noun>{nouns})s?\b|(?P<ruled>{alternation(_DECIDING)})\b)",
                      re.MULTILINE)


# Participles that put a text out, its author after "by" ("signed by" names no author)
_PUT_OUT_BY = AUTHORING_PARTICIPLES + ("conducted", "commissioned", "carried out", "authored", "drafted", "led")
_PUT_OUT_BY_WORDS = 8  # words between the participle and "by" ("released without publicity the Wednesday before
# Thanksgiving by"), none another participle or an article bringing in another thing ("in a journal edited by", "a week
# after a complaint by")
_BEFORE_BY_WORD = r"(?!(?:an?|[a-z]+ed)\b)[\w\-]+"


@lru_cache(maxsize=1)
def _text_put_out_by() -> re.Pattern:
    """A text named with a participle and its author after "by" ("The study was conducted by Imperial College's MRC
    Centre", "the report released without publicity on Wednesday by the Defense Science Board"): the author, group
    ``subj``, of a later "the study" or "the report"."""
    nouns = alternation(sorted(_TEXT_KINDS))
    return re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?|[Ii]ts|[Tt]heir)[^\S\n]+(?:[\w\-]+[^\S\n]+){{0,3}}?"
                      rf"(?P<noun>{nouns})s?,?[^\S\n]+(?:(?:was|were|is|are|has[^\S\n]+been|had[^\S\n]+been)[^\S\n]+)?"
                      rf"(?:[a-z]+ly[^\S\n]+)?(?:{alternation(_PUT_OUT_BY)})(?:[^\S\n]+{_BEFORE_BY_WORD}){{0,{_PUT_OUT_BY_WORDS}}}?"
                      rf"[^\S\n]+by[^\S\n]+(?P<subj>{MENTION_PATTERN})")


def _another_text(noun: str, segment: str) -> bool:
    """Whether ``segment`` brings in a text of kind ``noun`` ("A second report, from the ministry", "another letter"):
    a later "the report" may stand for either."""
    return re.search(rf"\b(?:an?|another)[^\S\n]+(?:[\w\-]+[^\S\n]+){{0,2}}{noun}\b", segment, re.I) is not None


def document_author(text: str, start: int, end: int, noun: str, latest: bool) -> tuple[str, int] | None:
    """(author as written, offset) of the first (or ``latest``) document of kind ``noun`` named with its author
    between ``start`` and ``end``: whom a bare "a report" stands for before `The report by the Teachers' Union claims
    ...`, or "the warning" after `The orange warning issued by the Coastal Weather Office applied to ...`."""
    found = None
    for m in _DOCUMENT_IN_TEXT.finditer(text, max(0, start), end):
        mention = parse_mention(m.group(0))
        if mention.name and re.search(rf"\b{noun}{AUTHORED_BY_PATTERN}\b", m.group(0)):
            found = *_named_author(m, mention.name), m.end()
            if not latest:
                break
    if latest:
        # "Amnesty International released a report on Monday." then "the report said"; "The High Court ruled ..."
        # then "the ruling said": the subject that put the text out, when named later than any text "by" someone
        for m in _text_put_out().finditer(text, max(0, start), end):
            if m.group("noun") != noun and not (m.group("ruled") and noun in _DECISIONS) \
                    or re.match(r"[^\S\n]+(?:by|from)\b", text[m.end():m.end() + 6]):
                continue  # "Acme published a report by independent auditors": the auditors' text
            subject, at = without_opener(*apposed_name(m))
            mention = parse_mention(subject)
            head = ((mention.role if mention.kind == "person" else mention.name or subject) or "").lower().split()
            if m.group("ruled") and m.group("ruled") != "ruled" and (head[-1] if head else "") not in _COURTS:
                # the subject is a court or a judge, by its last word: not "The ministry rejected the ruling", "Justice
                # Minister X denied", "Food Court Holdings denied"
                continue
            if (found is None or m.start() > found[1]) and (mention.kind == "org" or mention.kind == "person" and not (
                    mention.role and not _is_title(mention.role))):  # not "Senators representing Maryland"
                found = " ".join(subject.split()), at, m.end()
        for m in _text_put_out_by().finditer(text, max(0, start), end):
            mention = parse_mention(m.group("subj"))
            if m.group("noun") == noun and mention.kind in ("org", "person") \
                    and (found is None or m.start() > found[1]):
                found = " ".join(m.group("subj").split()), m.start("subj"), m.end()
    if found and latest and _another_text(noun, text[found[2]:end]):
        return None  # another text of that kind brought in since ("A second report, from the ministry, disagreed")
    return found[:2] if found else None


def _clause_person(text: str, start: int, span: _Span, end: int, persons: PersonIndex) -> _Attribution | None:
    """The person who is a subject in the sentence around a fragment: the last one before it, else the first after."""
    before, after = [], []
    for i in range(bisect.bisect_left(persons.positions, start), bisect.bisect_left(persons.positions, end)):
        pos, name, subject = persons.positions[i], persons.names[i], persons.subjects[i]
        if subject and start <= pos < span.open:
            before.append((pos, name))
        elif subject and span.close < pos < end:
            after.append((pos, name))
    for m in _PRONOUN_SUBJECT.finditer(text, start, span.open):
        if resolve_mention(parse_mention(m.group(0)), m.start(), persons)[0]:
            before.append((m.start(), m.group(0)))
    pick = max(before) if before else min(after) if after else None
    # "The Taiwanese president stood firm against Chinese President X ... and said the island would not "bow to
    # pressure"": the role noun that opens the sentence is its subject, before any person named after it.
    m = SENTENCE_SUBJECT.match(text[start:span.open])
    if m and parse_mention(m.group("subj")).kind == "role" and m.group("subj")[:3].lower() == "the" \
            and (pick is None or pick[0] > start + m.end("subj")):
        # The role runs to its verb: "The former Republican vice presidential candidate went", not "... vice".
        verb = _FINITE_AFTER.match(text, start + m.end("subj"))
        tail = _ROLE_TAIL.match(text, start + m.end("subj")) if verb is None else None
        words = tail.group(0).split() if tail else []
        if not (words and is_role_word(words[-1]) and not set(words) & CLAUSE_WORDS):
            tail = None  # `The agency's inspector general found that staff had`: a verb and its clause, no role
        role = m.group("subj") + (tail.group(0) if tail else "")
        return _Attribution(" ".join(role.split()), start + m.start("subj"), None, start + m.start("subj"), "sentence")
    body = _BODY_SUBJECT.match(m.group("subj")) if m and pick is None else None
    if body and _is_body(body.group(0)):
        # "The Scottish Government provided no messages, but "made clear that ..."": the body the sentence is about
        return _Attribution(" ".join(body.group(0).split()), start + m.start("subj"), None,
                            start + m.start("subj"), "sentence")
    if pick is None:
        return None
    pos, name = pick
    written = name if text.startswith(name, pos) else name.split()[-1]  # a full name, surname or pronoun
    return _Attribution(written, pos, None, pos, "sentence")


_BODY_SUBJECT = re.compile(rf"(?:[Tt]he[^\S\n]+)?{NAME_PATTERN}")  # a subject's capitalised name, read to its verb
# Lower-case words of a role up to the verb after them (at most four, the last a role word): "presidential candidate"
# before "went".
_ROLE_TAIL = re.compile(rf"(?:[^\S\n]+[a-z][\w\-]*){{1,4}}(?={_FINITE_AFTER.pattern})")


def _names_a_body(subject: str) -> bool:
    """True for an organisation's name or a definite description of one ("the ministry", "the league")."""
    mention, words = parse_mention(subject), subject.lower().split()
    return mention.kind == "org" or mention.kind == "role" and words[0] == "the" and len(words) >= 2 \
        and _is_body_head(_head_noun(words[1:]))


def _is_body(subject: str) -> bool:
    """True for an organisation named as such ("The Scottish Government", "Acme Corp."), never a place ("Hyde Park")
    or a news outlet reporting."""
    mention = parse_mention(subject)
    words = subject.lower().split()
    return mention.kind == "org" and bool(mention.name) and words[-1] not in PLACE_WORDS \
        and not is_outlet_name(mention.name)


def _interviewee(attrib: dict[int, _Attribution], persons: PersonIndex, min_quotes: int = 1) -> _Attribution | None:
    """The article's main speaker (most quotes credited to one registered person), for interview answers."""
    counts: dict[str, int] = {}
    first: dict[str, _Attribution] = {}
    for a in attrib.values():
        speaker_id, _ = resolve_mention(parse_mention(a.speaker), a.speaker_start, persons)
        if speaker_id in persons.roles:
            counts[speaker_id] = counts.get(speaker_id, 0) + 1
            first.setdefault(speaker_id, a)
    if not counts:
        return None
    best = max(counts, key=counts.get)
    if counts[best] < min_quotes or counts[best] * 2 <= sum(counts.values()):
        return None
    return replace(first[best], source="interview", cue=None)


# The one an interview is with, named before the answers: "Interview with Mayor Jo Hale", "a Q&A with X", "We spoke
# to X, the mayor, about", "sat down with X".
_INTERVIEW_WITH = re.compile(rf"\b(?:(?:[Ii]nterview|Q[^\S\n]*&[^\S\n]*A|[Cc]onversation)[^\S\n]+with|(?:spoke|talked)"
                             rf"[^\S\n]+(?:to|with)|sat[^\S\n]+down[^\S\n]+with|interviewed)[^\S\n]+"
                             rf"(?P<subj>{MENTION_PATTERN})")


def interview_subject(text: str, end: int) -> _Attribution | None:
    """The person an interview before ``end`` is announced with, for answers no quote before credits."""
    m = _INTERVIEW_WITH.search(text, 0, end)
    if m is None or parse_mention(m.group("subj")).kind != "person":
        return None
    return _Attribution(m.group("subj"), m.start("subj"), None, m.start("subj"), "interview")


def _quote_only(text: str, para: tuple[int, int], spans: list[_Span]) -> bool:
    """True when a paragraph holds nothing but quoted text (and punctuation), or opens with a short adverbial
    ("Later in the afternoon, "...""), so that its speaker must come from a neighbouring paragraph."""
    rest = text[para[0]:para[1]]
    for s in sorted(spans, key=lambda s: s.open, reverse=True):
        a, b = max(s.open, para[0]) - para[0], min(s.close + 1, para[1]) - para[0]
        rest = rest[:a] + "\x00" + rest[b:]
    rest = rest.strip()
    tail = rest.lstrip("\x00").lstrip()
    if rest.startswith("\x00") and tail[:1].islower() and len(rest.split()) <= _QUOTE_TAIL_WORDS \
            and not _CUE_WORD.search(rest):
        return True  # `"These are hard times" for the economy.`: a quote with a short cue-less tail
    return not any(c.isalnum() for c in rest) or bool(_ADVERBIAL_LEAD.match(rest))


_PLURAL_NOUN = re.compile(r"\w+[^s\W]s")  # "Rebels", "Citizens"; not "Boss"


def _common_noun(word: str, text: str, persons: PersonIndex) -> bool:
    """Whether a one-word name is a common noun capitalised by its place ("Arson is suspected", "Research shows"): the
    text writes it in lower case too, inside a sentence ("call it arson"), and names no person it is part of."""
    return " " not in word and word[:1].isupper() and word[1:].islower() and persons.full_name(word) == word \
        and re.search(rf"(?<=[a-z,;:][^\S\n]){re.escape(word.lower())}\b", text) is not None


def _resolve_non_persons(quotes: list[Quote], persons: PersonIndex, text: str) -> list[Quote]:
    """Speakers that are no named person: acronyms take the name they abbreviate, "the paper"/"the department" the
    organisation named so before, "it"/"the company" the latest organisation that spoke, "he" with no person to
    refer to, or said after a described speaker more recently than the person's name ("A company spokesman said
    ... "...," he said"), the latest anonymous speaker, and "the source" that speaker or no one. Each speaker gets
    its type: person, role, organisation or document."""
    out, last_org, last_anonymous, last_author, last_group = [], None, None, None, None
    last_body: Quote | None = None  # the latest body credited as described ("the Sage group"), not by a name
    spoken: set[str] = set()  # the persons and bodies credited with a quote so far (_epithet_of)
    last_org_at = -1  # where the organisation that spoke last was named as a speaker
    asked = asked_at = None  # the person a question just quoted was put to ("a reporter asked Jo Hale, "...?""), and
    # where the answer's speaker mention ("she replied") stands
    gendered: list[Quote] = []  # unnamed speakers whose description tells their gender, in text order
    quoted = [(q.start, q.end) for q in quotes if q.kind != "reported"]  # an "I" inside a quote is the quote's own
    expansions: dict[str, str | None] = {}
    full_bodies: dict[str, str | None] = {}  # bodies' names -> the longer name the story gives them
    person_words: set[str] = set()  # the words of the cast's names, read once when a body first speaks
    # unnamed role speakers as written ("the district magistrate of North Valley"), each once, the latest last (a dict:
    # a story that quotes "the minister" a thousand times keeps one entry, not a list read through at every quote)
    roles_written: dict[str, None] = {}
    joints: dict[tuple[str, str], str] = {}  # two persons speaking together, in full, by their surnames
    for q in quotes:
        mention = parse_mention(q.speaker) if q.speaker else None
        if mention is not None and mention.kind == "person" and q.speaker_id == q.speaker \
                and _common_noun(q.speaker, text, persons):
            if q.kind == "reported" and _PLURAL_NOUN.fullmatch(q.speaker):  # "Rebels said": unnamed people
                q, mention = replace(q, speaker_id=None), Mention(q.speaker, None, None, "role")
            elif q.kind == "reported":
                continue  # "Arson suspected in fire that destroyed ...": no one said it
            else:
                q, mention = replace(q, speaker=None, speaker_id=None, speaker_role=None, speaker_start=None,
                                     speaker_end=None, cue=None, cue_class=None), None
        parts = _JOINT_SPLIT.split(q.speaker_id) if q.speaker_id else []
        if parts and all(part.isupper() and _MIN_ACRONYM <= len(part) <= _MAX_ACRONYM and " " not in part
                         for part in parts):
            # "the EPA said", and "the FDA and CDC said" after both were named in full: each body by its name
            for part in parts:
                if part not in expansions:
                    expansions[part] = expand_acronym(text, part)
            if len(parts) == 1 or all(expansions[part] for part in parts):
                q = replace(q, speaker_id=" and ".join(expansions[part] or part for part in parts))
        if mention is not None and mention.kind == "org" and q.speaker_id and q.speaker_id not in persons.roles:
            if q.speaker_id not in full_bodies:
                person_words = person_words or {w for n in persons.roles for w in n.split()}
                full_bodies[q.speaker_id] = fuller_body_name(text, q.speaker_id, person_words)
            q = replace(q, speaker_id=full_bodies[q.speaker_id] or q.speaker_id)  # "State Department": in full
        owner = (_DOCUMENT_OWNER.fullmatch(q.speaker) or _AUTHORED_DOCUMENT.match(q.speaker)) \
            if mention is not None and q.speaker_id is None and q.speaker_start is not None else None
        if owner and owner.group("author")[:1].isalpha() and parse_mention(owner.group("author")).kind != "unknown":
            # "the ministry's statement said", "A statement from the family said": the body or person it is from
            # ("a handbook from 1998", "a letter from last week" name no author)
            q = _credited_to(q, (owner.group("author"), q.speaker_start + owner.start("author")), persons)
            mention = parse_mention(q.speaker)
        owned = _PRONOUN_DOCUMENT.fullmatch(q.speaker) if mention is not None and q.speaker_start is not None \
            and q.speaker_id in (None, mention.name) else None
        if owned:
            pronoun = owned.group("owner").lower()
            name = persons.recent(q.speaker_start, gender="m" if pronoun == "his" else "f")
            if name:
                name = persons.full_name(name)
                q = replace(q, speaker_id=name, speaker_role=persons.roles.get(name))
                mention = parse_mention(name)  # the person speaks, not "her post" (no body called "Post")
        if mention is not None and (q.speaker_id is None and mention.kind == "role" or mention.kind == "org" and (
                mention.name or "").islower()) and q.speaker.lower().startswith("the ") and q.speaker_start is not None:
            # "the paper", and a body named in lower case ("the central bank", "the interior ministry"): the
            # organisation so named before
            named = org_antecedent(text, q.speaker_start, q.speaker)
            if named:
                q = replace(q, speaker_id=named)
        if mention is not None and q.speaker_id is None and mention.kind == "role" and q.speaker_start is not None:
            fuller = _fuller_description(text, q.speaker, q.speaker_start) or next(
                (d for d in reversed(roles_written) if _MODIFIED.match(d, len(q.speaker))
                 and d[:len(q.speaker)].lower() == q.speaker.lower()), None)
            if fuller:
                q = replace(q, speaker=fuller)  # "the nominee" after "the Democratic nominee": one speaker string
                mention = parse_mention(fuller)
                if mention.kind == "org":  # "the report" after "the NCAA report": its author
                    q = replace(q, speaker_id=resolve_mention(mention, q.speaker_start, persons)[0])
        org_speaker = False
        if mention is not None and q.speaker_id is None and last_author and _is_document(q.speaker):
            q = replace(q, speaker_id=last_author)  # "A statement from Waitrose said ..." then "the statement said"
        if mention is not None and q.speaker_id is None and q.speaker_start is not None and (
                _is_document(q.speaker) or (q.speaker.lower() == "it" and not last_org)):
            # "The DNC issued a statement." then ""...," the statement read" (or "it read"): its author speaks.
            author = statement_author(text, min(q.start, q.speaker_start))
            if author:
                q = _credited_to(q, author, persons)
                mention = parse_mention(q.speaker)
        if mention is not None and q.speaker_id is None and q.speaker_start is not None and _is_document(q.speaker):
            # "..., says a report." then "The report by the Teachers' Union claims ...": the author named next, else
            # the one named with such a text shortly before ("The warning issued by the Coastal Weather Office ... read
            # the warning")
            at, noun = max(q.end, q.speaker_start), q.speaker.split()[-1].lower()
            if q.speaker.lower().startswith(("a ", "an ")):
                author = document_author(text, at, at + _STATEMENT_CHARS, noun, latest=False)
            elif _DEFINED_HERE.match(text, q.speaker_end or q.speaker_start):
                # "The notification issued to this effect": a text put out here, no earlier one; its author is the one
                # it is put out by ("The final report, published by the Safety Board, says")
                here = _DOCUMENT_IN_TEXT.match(text, q.speaker_start)
                name = parse_mention(here.group(0)).name if here else None
                author = _named_author(here, name) if name else None
            else:
                at = min(q.start, q.speaker_start)
                author = document_author(text, at - _STATEMENT_CHARS, at, noun, latest=True)
            if author:
                q = _credited_to(q, author, persons)
                mention = parse_mention(q.speaker)
        if mention is not None and q.speaker_id is None and q.speaker_start is not None and _is_document(q.speaker) \
                and q.speaker.lower().startswith("the ") and not re.search(r"[’']s\b", q.speaker) \
                and not _DEFINED_HERE.match(text, q.speaker_end or q.speaker_start) \
                and not _another_text(q.speaker.split()[-1],
                                      text[max(0, min(q.start, q.speaker_start) - _STATEMENT_CHARS):q.speaker_start]):
            # "Amnesty International said ... The report adds that ...": a text no one was named with is the body's
            # the sentences before are about, when that body spoke (not "The ministry rejected the report", "Acme has
            # appealed the ruling", "Facebook was sued"), and not a text defined where it is named, nor one of several
            # ("A second report, from the ministry, ...")
            body = _it_antecedent(text, min(q.start, q.speaker_start), persons, False)
            verb = _BODY_CUE_AFTER.match(text, body[1] + len(body[0])) if body else None
            if body and verb and classify_cue(verb.group("cue")) not in _REACTION_CLASSES \
                    and parse_mention(body[0]).kind == "org" and not _is_document(body[0]):
                q = _credited_to(q, body, persons)
                mention = parse_mention(q.speaker)
        if mention is not None and q.speaker_id is None and q.speaker_start is not None and (
                q.speaker.lower() == "it" or _UNSIGNED_STATEMENT.fullmatch(q.speaker)):
            # "Acme Corp. reported a loss. "...," it said.": the body or text a recent sentence is about speaks, unless
            # that sentence came before the organisation that spoke last; and the body behind "A statement said" (a
            # text put out, of no author named) when a recent sentence is about one
            subject = _it_antecedent(text, min(q.start, q.speaker_start), persons, q.speaker.lower() == "it")
            if subject and last_org and q.speaker.lower() == "it" and (subject[1] < last_org_at or (
                    (named := parse_mention(subject[0])).kind == "person" and not _may_be_a_body(named, persons))):
                # `Acme said ... "...," it said. It added "..."` (or `Comeaux fled, it said`, a person's surname):
                # still Acme, below
                subject = None
            if subject and last_body is not None and subject[1] < last_body.speaker_start:
                subject = None  # a body described spoke since ("The Sage group said ... It called for"): below
            if subject and (q.speaker.lower() == "it" or _names_a_body(subject[0])):
                mention = parse_mention(subject[0])
                subject_id, _ = resolve_mention(mention, subject[1], persons)
                q = replace(q, speaker=subject[0], speaker_id=subject_id, speaker_start=subject[1],
                            speaker_end=subject[1] + len(subject[0]))
                org_speaker = mention.kind != "role"  # a text ("The report") is a document, the rest bodies
        if mention is not None and q.speaker_id and _AUTHORED_DOCUMENT.match(q.speaker):  # "a statement from X"
            last_author = q.speaker_id  # and, unless a person, the organisation "it" may stand for next
            if q.speaker_id not in persons.roles:
                last_org, last_org_at, org_speaker = q.speaker_id, q.speaker_start, True
        answer = bool(asked) and q.kind != "reported" and mention is not None \
            and (asked_at is None or q.speaker_start == asked_at) \
            and q.speaker.lower() in PRONOUN_GENDERS \
            and persons.genders.get(asked, PRONOUN_GENDERS[q.speaker.lower()]) == PRONOUN_GENDERS[q.speaker.lower()]
        if answer:
            q = replace(q, speaker_id=asked, speaker_role=persons.roles.get(asked))  # "...?" / ""...," she replied"
            asked_at = q.speaker_start  # the answer's other spans (`", she replied. "...`) are the same person's
        elif q.kind != "reported":
            asked, asked_at = _asked_person(text, q, persons), None
        if mention is not None and mention.kind == "pronoun" and q.speaker.lower() == "they" and last_group:
            q = _as_speaker(q, last_group)  # "Zoo officials said ... "...," they said": the group named before
            mention = parse_mention(q.speaker)
        elif mention is not None and q.speaker.lower() == "they" and q.speaker_start is not None \
                and (group := _they_antecedent(text, min(q.start, q.speaker_start))):
            # "Cameron's family issued a tribute. They said: "..."": the group, as written
            q = replace(q, speaker=group[0], speaker_id=None, speaker_role=None, speaker_start=group[1],
                        speaker_end=group[1] + len(group[0]))
            mention = parse_mention(q.speaker)
        if mention is not None and q.speaker_id is None and q.speaker_start is not None \
                and _PAIR_DESCRIPTION.fullmatch(q.speaker):
            # "the two men said", "both women said": the two persons named together last ("X and Y")
            q = replace(q, speaker_id=_named_pair(text, q.speaker_start, persons) or q.speaker_id)
        if mention is not None and mention.kind == "person" and (joint := _joint_speakers(q.speaker, persons, text)):
            # "producers Ana Ruiz and Tom Hale said", then "Ruiz and Hale said": the pair named in full before
            q = replace(q, speaker_id=joints.setdefault(_surnames(joint), joint), speaker_role=None)
        elif mention is not None and mention.kind == "person" and " and " in q.speaker \
                and (earlier := joints.get(_surnames(q.speaker))):
            q = replace(q, speaker_id=earlier, speaker_role=None)
        elif mention is not None and mention.kind == "person" and _TWO_SURNAMES_JOINED.fullmatch(q.speaker):
            # "Zadan and Meron said" in a story that never names them in full: two persons, places or firms, as
            # written, never the second alone
            q = replace(q, speaker_id=None, speaker_role=None)
        if mention is not None and q.speaker_id is None:
            words = q.speaker.lower().split()
            # "the group of U.N. rapporteurs": the body of members that spoke before as "A group of experts"
            members = next((p for p in reversed(out) if p.speaker and p.speaker.lower().split()[:2] in (
                ["a", words[1]], ["an", words[1]])), None) \
                if len(words) > 3 and words[0] == "the" and words[1] in ORG_HEADS and words[2] == "of" else None
            # "her office" is hers; "a group of experts" is a new body, never the one that spoke before
            if members:
                q, org_speaker = _as_speaker(q, members), True
                mention = parse_mention(q.speaker)
            elif words == ["it"] and last_body is not None and last_body.speaker_start > last_org_at \
                    and not _names_another_body(text[last_body.speaker_end:q.speaker_start], persons, True):
                # "It called for": that body, as written (not after "The ministry accused Google", either's "it")
                q, org_speaker = _as_speaker(q, last_body), True
                mention = parse_mention(q.speaker)
            elif last_org and (words == ["it"] or (mention.kind == "role"
                                                   and (body_head := _head_noun(words[1:])) in ORG_HEADS
                                                   and words[0] not in ("his", "her", "their", "a", "an", "another")
                                                   and not _NAMES_ITS_BODY.search(q.speaker)
                                                   and _modifiers_fit(q.speaker, last_org)
                                                   and (body_head not in CIVIC_HEADS
                                                        or body_head in last_org.lower().split()))):
                q, org_speaker = replace(q, speaker_id=last_org), True
            elif _is_bare_role(mention) and q.speaker_start is not None and \
                    (earlier := _indefinite_antecedent(text, q.speaker_start, mention)):
                q = replace(q, speaker=earlier[0], speaker_start=earlier[1], speaker_end=earlier[1] + len(earlier[0]))
                mention = parse_mention(q.speaker)
            elif mention.kind == "pronoun" and words[0] in ("he", "she") or _is_bare_source(mention):
                # No person to refer to: the latest anonymous speaker ("said a senior officer" ... "he added").
                # With none before it, "the source" names no one, while "the man" is someone the story describes:
                # a role speaker as written.
                earlier = _indefinite_antecedent(text, q.speaker_start, mention) \
                    if mention.kind == "role" and q.speaker_start is not None else None
                if last_anonymous and (earlier is None or earlier[1] <= last_anonymous.speaker_start) \
                        and _gender_fits(last_anonymous.speaker, words[0]):
                    q = _as_speaker(q, last_anonymous)
                elif earlier:
                    # "according to a major-league source, ..." then ""...," the source said": that source.
                    q = replace(q, speaker=earlier[0], speaker_start=earlier[1],
                                speaker_end=earlier[1] + len(earlier[0]))
                elif mention.kind == "role" and mention.text.lower().split()[1] in _UNNAMED_SOURCES:
                    q = replace(q, speaker=None, speaker_start=None, speaker_end=None)
                elif mention.kind == "pronoun" and q.speaker_start is not None and (
                        described := _described_antecedent(text, q.speaker_start, words[0], gendered)):
                    # a story's "the man said" (or "My mother came down the stairs.") ... "he said": the man
                    q = replace(q, speaker=described[0], speaker_start=described[1],
                                speaker_end=described[1] + len(described[0]))
                mention = parse_mention(q.speaker) if q.speaker else None
            if mention is not None and q.speaker_id is None and q.speaker_start is not None \
                    and (named := _epithet_of(text, q.speaker_start, mention, persons, spoken)):
                # "Ann Ruiz defended her "..." remarks. ... the government's top health official said": the person
                # just named, whether or not quoted before, under a description the text ties to no one else ("Tom
                # Hale was sentenced. "...," the judge said." is someone else)
                q = replace(q, speaker_id=named, speaker_role=persons.roles.get(named))
        elif mention is not None and mention.kind == "pronoun" and last_anonymous and q.speaker_start is not None \
                and not answer and _described_more_recently(last_anonymous, q, persons):
            q = _as_speaker(q, last_anonymous)  # "A company spokesman said ... "...," he said"
            mention = parse_mention(q.speaker)
        elif mention is not None and mention.kind == "pronoun" and q.speaker_id and q.speaker_start is not None \
                and not answer and (described := _described_since(
                    text, persons.last_mention(q.speaker_id, q.speaker_start), q.speaker_start, q.speaker.lower())):
            # "Tom Hale accused the authorities. A government spokesman dismissed the claim. "...," he said": the
            # sentence subject described after the person was last named
            q = replace(q, speaker=described[0], speaker_id=None, speaker_role=None, speaker_start=described[1],
                        speaker_end=described[1] + len(described[0]))
            mention = parse_mention(q.speaker)
        if mention is not None and q.speaker_id and (mention.kind == "org" or (
                mention.kind == "person" and " " not in q.speaker_id and q.speaker_id not in persons.genders)):
            # An organisation, or a one-word name no personal pronoun ever refers to ("YouTube said"); someone
            # speaking for one ("a YouTube representative") leaves the body they speak for ("YouTube").
            body, _, head = q.speaker_id.rpartition(" ")
            person_head = head.lower() in ROLE_WORDS | PERSON_NOUNS and head.lower() not in ORG_WORDS  # not "Police"
            last_org = body if body[:1].isupper() and person_head else q.speaker_id
            last_org_at = q.speaker_start if q.speaker_start is not None else q.start
        if mention is not None and mention.kind == "role" and q.speaker_id is None and \
                q.speaker.lower().startswith(("a ", "an ", "one ", "another ")) and \
                _speaker_type(q, mention, persons, org_speaker) == "role":
            last_anonymous = q  # "a company spokesman" ("the star" stands for someone named before)
        elif q.speaker_id is not None:
            last_anonymous = None
        if mention is not None and mention.kind == "role" and q.speaker.split()[-1].lower() in PLURAL_PERSON_NOUNS:
            last_group = q  # "officials", "Zoo officials": a group "they" may stand for
        if mention is not None and q.speaker_id is None and (q.speaker == "I" or q.speaker.lower().startswith("my ")) \
                and q.speaker_start is not None and not _inside(quoted, q.speaker_start + 1):
            # The first person of a column, blog or story is its writer: "I said" -> "the author", "my mother said"
            # -> "the author's mother".
            q = replace(q, speaker=FIRST_PERSON if q.speaker == "I" else f"{FIRST_PERSON}'s {q.speaker[3:]}")
            mention = parse_mention(q.speaker)
        if mention is not None and mention.kind == "role" and q.speaker_id is None and \
                _gender_fits(q.speaker, "he", strict=True) != _gender_fits(q.speaker, "she", strict=True):
            gendered.append(q)  # "the man", "a woman", "the author's mother": a later "he" or "she" may stand for them
        if mention is not None and mention.kind == "pronoun" and q.speaker_id is None and q.speaker_start is not None \
                and q.speaker.lower() in ("he", "she") and not _inside(quoted, q.speaker_start + 1) \
                and (named := _nearest_full_name(text, q.speaker_start, PRONOUN_GENDERS[q.speaker.lower()], persons)):
            q = replace(q, speaker_id=named)  # the cast missed its person: "... Ewa Lis were ... she said"
        if mention is not None and mention.kind == "pronoun" and q.speaker_id is None:
            # A pronoun that stands for no one the text named: unattributed, not a speaker called "it" or "he".
            q, mention = replace(q, speaker=None, speaker_start=None, speaker_end=None, speaker_role=None), None
        if mention is not None and q.speaker_id is None and mention.kind == "role" and q.speaker[:4].lower() == "the ":
            roles_written.pop(q.speaker, None)
            roles_written[q.speaker] = None
        out.append(replace(q, speaker_type=_speaker_type(q, mention, persons, org_speaker)))
        if q.speaker_id:
            spoken.add(q.speaker_id)
        elif out[-1].speaker_type == "organisation" and q.speaker_start is not None and q.speaker_start > last_org_at \
                and mention is not None and _head_noun(q.speaker.lower().split()[1:]) in ORG_HEADS:
            # "The independent Sage group of science advisers said": a body described, as written, that is not the
            # one named before
            last_body = out[-1]
    # A name "it" stands for is a body's in all its quotes ("Vostrax said ... "...," it added"), unless the text
    # calls it "he" or "she" too.
    bodies = {q.speaker_id for q in out if q.speaker_id and q.speaker_type == "organisation"
              and q.speaker_start is not None and text[q.speaker_start:q.speaker_end].lower() == "it"}
    # "Turkey's Defence Ministry said ... the Defence Ministry added": one body, named by its owner in the article
    owners: dict[str, set[str]] = {}
    for q in out:
        if q.speaker_id and (body := generic_body_of(q.speaker_id)):
            owners.setdefault(body.lower(), set()).add(q.speaker_id)
    return [replace(q, speaker_type="organisation") if q.speaker_id in bodies and q.speaker_type == "person"
            and q.speaker_id not in persons.genders
            else replace(q, speaker_id=next(iter(named))) if q.speaker_id and len(
                named := owners.get(q.speaker_id.lower(), ())) == 1
            else q for q in out]



# A question put to someone: `a reporter asked Jo Hale, "...?"`.
_ASKED_OBJECT = re.compile(rf"\basked[^\S\n]+(?P<obj>him|her|{NAME_PATTERN})[^\S\n]*[,:]?[^\S\n]*$")
_OBJECT_GENDERS = {"him": "m", "her": "f"}


def _asked_person(text: str, q: Quote, persons: PersonIndex) -> str | None:
    """The person a quoted question was put to (`X asked Jo Hale, "...?"`), whose answer a "she replied" gives."""
    if not q.text.rstrip().endswith("?") or q.speaker_start is None or q.speaker_start >= q.start:
        return None
    m = _ASKED_OBJECT.search(text[q.speaker_start:q.start - 1])
    if m is None:
        return None
    obj = m.group("obj")
    name = persons.recent(q.speaker_start + m.start("obj"), gender=_OBJECT_GENDERS[obj]) \
        if obj in _OBJECT_GENDERS else persons.full_name(obj)
    return name if name in persons.roles else None


# Two persons described together: "the two men", "both women", "the pair", "the couple".
_PAIR_DESCRIPTION = re.compile(r"(?i:the[^\S\n]+two(?:[^\S\n]+(?:men|women|officials|leaders|ministers|secretaries))?|"
                               r"both(?:[^\S\n]+(?:men|women|officials|leaders|ministers|secretaries))?|"
                               r"the[^\S\n]+(?:pair|couple|duo))")
# Between two persons named together: "X and Y", "X, the commerce secretary, and the interior secretary, Y".
_PAIR_BETWEEN = re.compile(r"(?:,[^\S\n]+[^,.;:\"“”\n]{1,60},)?,?[^\S\n]+and[^\S\n]+(?:[^,.;:\"“”\n]{1,60}?(?:,[^\S\n]+|[^\S\n]+))?")
_PAIR_CHARS = 1000  # how far back "the two men" looks for the two persons named together


def _surnames(pair: str) -> tuple[str, ...]:
    """The surnames of two persons written "X and Y"."""
    return tuple(surname_of(n.strip()) for n in pair.rsplit(" and ", 1))


_SURNAME_ONLY = re.compile(r"[A-Z][\w’'\-]+")
# Two surnames, each perhaps after its particle, joined as one speaker ("Zadan and Meron", "Van Hollen and Connolly")
_SURNAME_WRITTEN = rf"(?:(?i:{alternation(sorted(NAME_PARTICLES))})[^\S\n]+)?{_SURNAME_ONLY.pattern}"
_TWO_SURNAMES_JOINED = re.compile(rf"{_SURNAME_WRITTEN}[^\S\n]+and[^\S\n]+{_SURNAME_WRITTEN}")


@lru_cache(maxsize=64)
def _pair_in_full(text: str, left: str, right: str) -> tuple[str, str] | None:
    """The two names ending in the surnames ``left`` and ``right`` that ``text`` writes together ("Ana Ruiz and Tom
    Hale"), read once per text and pair however often the pair speaks."""
    named = re.search(rf"((?:[A-Z][\w’'\-]*\.?[^\S\n]+){{1,2}}{re.escape(left)})[^\S\n]+and[^\S\n]+"
                      rf"((?:[A-Z][\w’'\-]*\.?[^\S\n]+){{1,2}}{re.escape(right)})\b", text)
    return (named.group(1), named.group(2)) if named else None


def _joint_speakers(written: str, persons: PersonIndex, text: str) -> str | None:
    """Two persons who speak together as written ("producers Ana Ruiz and Tom Hale", "Ruiz and Hale"), as
    "X and Y" in full; None unless both sides of the last "and" are persons' names (not "Tom Hale and his wife")."""
    left, _, right = written.rpartition(" and ")
    if not left or "," in left or not right[:1].isupper():
        return None
    if _SURNAME_ONLY.fullmatch(left) and _SURNAME_ONLY.fullmatch(right):
        # "Ruiz and Hale said" where the story names the pair in full elsewhere ("produced by Ana Ruiz and Tom Hale")
        named = _pair_in_full(text, left, right)
        if named is None:
            return None
        left, right = named
    first, second = parse_mention(left), parse_mention(right)
    if first.kind != "person" or second.kind != "person" or not first.name or not second.name \
            or not left.endswith(first.name) or not right.endswith(second.name) \
            or len(first.name.split()) < 2 or len(second.name.split()) < 2:
        # "Gen. Mark Milley of the Joint Chiefs and ...": a name with its body; "Johnson and Johnson CEO Alex Gorsky":
        # a body's name (two surnames alone only where the text names the pair in full, above)
        return None
    first_name, second_name = persons.full_name(first.name), persons.full_name(second.name)
    lead, _, rest = first_name.partition(" ")
    if rest and lead[-1:] == "s" and lead[:-1].lower() in ROLE_WORDS:
        first_name = rest  # "Senators Tom Cole and Amy Lee": the title of both
    names = (first_name.split(), second_name.split())
    if any(len(words) < 2 or any(w.lower() in ROLE_WORDS | ORG_WORDS for w in words) for words in names):
        return None  # "Kansas and Iowa", "Research and Education", "SAG-AFTRA President and ...": no two persons
    return f"{first_name} and {second_name}" if first_name != second_name else None


def _named_pair(text: str, pos: int, persons: PersonIndex) -> str | None:
    """The two persons last named together before ``pos`` ("Gary Locke and Ken Salazar"), as "X and Y"."""
    i = bisect.bisect_left(persons.positions, pos)
    while i > 1 and persons.positions[i - 1] >= pos - _PAIR_CHARS:
        i -= 1
        first, second = persons.names[i - 1], persons.names[i]
        start = persons.positions[i - 1]
        end = start + len(first if text.startswith(first, start) else surname_of(first))  # as written: in full or not
        if first != second and _PAIR_BETWEEN.fullmatch(text, end, persons.positions[i]):
            return f"{first} and {second}"
    return None


_IT_SENTENCES = 3  # how many sentences back "it said" looks for the body or text it stands for
# Heads of a description "it" may stand for: bodies ("the ministry", "the court") and texts, never places ("the town").
_IT_BODIES = ORG_HEADS | set(ORG_DESCRIPTORS) | DOCUMENT_NOUNS


_BODY_HEAD_AFTER = re.compile(r"[^\S\n]+([a-z]+)(?=[^\S\n]+[a-z])")  # a lower-case word, then the verb


def _recent_subjects(text: str, pos: int):
    """(sentence start, subject match) of the quote's own sentence and the _IT_SENTENCES before ``pos``, nearest
    first, read back at most _STATEMENT_CHARS: what a pronoun subject ("it", "they") may stand for."""
    _, ends = _sentence_ends(text)
    floor = max(0, pos - _STATEMENT_CHARS)
    i = bisect.bisect_left(ends, pos)
    lo = i - _IT_SENTENCES - 1  # the starts of the quote's own sentence and of the sentences before it
    begins = [b for b in ([0] if lo < 0 else []) + list(ends[max(0, lo):i]) if b >= floor]
    for begin in reversed(begins):
        m = SENTENCE_SUBJECT.match(text[begin:pos])
        if m is not None:
            yield begin, m


# A whole line that ends in no sentence mark (a subhead, a heading, a caption): no antecedent is read across it.
_LINE_WITHOUT_END = re.compile(r"\n[^\S\n]*[^\s][^\n]*[^.!?:;,\"”’'\s)\]][^\S\n]*(?=\n)")
_GROUP_HEAD_WORDS = 4  # "The two elderly villagers": how far into a subject its head noun may stand
# Collective nouns of persons a "they" stands for ("Cameron's family issued a tribute. They said: "..."").
_PERSON_COLLECTIVES = frozenset("family families couple parents relatives residents neighbours neighbors crew band "
                                "pair twins siblings".split())


def _they_antecedent(text: str, pos: int) -> tuple[str, int] | None:
    """(as written, offset) of the subject of one of the few sentences before ``pos`` that "they" can stand for:
    persons named together ("Tomas and Ines Carrillo"), or a plural or collective description of persons ("The
    villagers of X", "Cameron's family"); the nearest one. Bodies are left to "it" (and the group that spoke last)."""
    for begin, m in _recent_subjects(text, pos):
        if _LINE_WITHOUT_END.search(text, begin + m.start("subj"), pos):
            return None  # a subhead, a caption or a heading line between: another part of the page
        subject = " ".join(m.group("subj").split())
        if re.fullmatch(rf"{NAME_PATTERN}[^\S\n]+and[^\S\n]+{NAME_PATTERN}", subject):
            return subject, begin + m.start("subj")
        words = subject.split()
        for j, word in enumerate(words[:_GROUP_HEAD_WORDS]):
            low = word.lower()  # an owner ("Cameron's") is no head
            if low in _PERSON_COLLECTIVES or low in PLURAL_PERSON_NOUNS and low not in ORG_WORDS \
                    or low.endswith("men") and len(low) > len("women") \
                    or low.endswith("s") and _is_person_agent(low[:-1]):  # "fishermen", "villagers"
                # the description to its head noun ("Cameron's family issued ...": the subject pattern reads on),
                # with an "of" phrase after it ("The villagers of Sungai Lebak")
                end = len(words) if words[j + 1:j + 2] == ["of"] else j + 1
                return " ".join(words[:end]), begin + m.start("subj")
    return None


def _it_antecedent(text: str, pos: int, persons: PersonIndex, pronoun: bool) -> tuple[str, int] | None:
    """(as written, offset) of the subject of one of the few sentences before ``pos`` that "it" can stand for: an
    organisation ("Acme Holdings", "The ministry"), a one-word name no personal pronoun or given name makes a person
    ("Microsoft"), or a text ("The report"); the nearest one, read back at most _STATEMENT_CHARS."""
    _, ends = _sentence_ends(text)
    for begin, m in _recent_subjects(text, pos):
        subject = m.group("subj")
        head_after = _BODY_HEAD_AFTER.match(text, begin + m.end("subj"))
        if head_after and head_after.group(1) in ORG_HEADS | ORG_WORDS:
            subject = text[begin + m.start("subj"):head_after.end()]  # "The central bank raised": its head noun too
        if " of " in subject and _head_noun(subject.lower().split()) not in ORG_HEADS | ORG_WORDS:
            continue  # "Shares of Globex rose": a thing of a body, no body "it" stands for ("Bank of England" is one)
        *lead, last = subject.split()
        if lead and lead[-1][:1].isupper() and last.endswith("ed") and parse_mention(" ".join(lead)).kind == "org":
            subject = subject[:subject.rindex(last)].rstrip()  # "The Harbor Ice League confirmed": a name, its verb
        mention = parse_mention(subject)
        words = subject.lower().split()
        head = _head_noun(words[1:]) if len(words) > 1 and words[0] in DETERMINERS else ""
        if mention.kind == "org" and words[-1] not in PLACE_WORDS or (mention.kind == "role" and words[0] == "the"
                                                                    and head in _IT_BODIES) or (
                mention.name == subject.strip() and _may_be_a_body(mention, persons)):
            rest = text[begin + m.end("subj"):next((e for e in ends if e > begin + m.end("subj")), pos)]
            if _names_another_body(rest, persons, pronoun):
                return None  # `The ministry accused Google of ...`: "it" may stand for either
            return " ".join(subject.split()), begin + m.start("subj")
    return None


def _names_another_body(clause: str, persons: PersonIndex, pronoun: bool) -> bool:
    """Whether the rest of a sentence after its subject names another organisation or body (`accused Google of ...`,
    `ruled against the newspaper`), which "it" in the next quote's cue (``pronoun``) could as well stand for, or, for
    a statement, another author; a place (`the International Space Station`) is neither, and a person "it" (`mourned
    Orlov's passing`) only where the name may be a body's."""
    if _OTHER_BODY.search(clause):
        return True
    for n in _NAME.finditer(clause):
        mention = parse_mention(n.group(0))
        if mention.kind == "org" and n.group(0).split()[-1].lower() not in PLACE_WORDS or mention.kind == "person" \
                and (not pronoun or _may_be_a_body(mention, persons)):
            return True
    return False


def _may_be_a_body(mention, persons: PersonIndex) -> bool:
    """Whether a name read as a person's may be a body's ("Microsoft"): one word, no person's surname in the text, no
    given name, and no "he" or "she" ever standing for it."""
    return mention.kind == "person" and " " not in mention.name and " " not in persons.full_name(mention.name) \
        and mention.name not in persons.genders and mention.name.lower() not in FIRST_NAME_GENDERS


_BODY_NOUNS = sorted(w for w in ORG_HEADS | ORG_WORDS - PLACE_WORDS if w.isalpha())  # "the bay" is a place, no body
_OTHER_BODY = re.compile(rf"\b(?:the|a|an|its|their)[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:{alternation(_BODY_NOUNS)})\b")


def _fuller_description(text: str, speaker: str, pos: int) -> str | None:
    """The fuller description an unnamed person had before: "the nominee" -> "the Democratic nominee", the latest
    "the <Capitalised words> nominee" earlier in the text."""
    words = speaker.split()
    if len(words) != 2 or words[0].lower() != "the" or not words[1].isalpha() or not words[1].islower():
        return None
    ends, described = _capitalised_descriptions(text).get(words[1], ((), ()))
    i = bisect.bisect_right(ends, pos) - 1
    return f"{words[0]}{described[i]} {words[1]}" if i >= 0 else None


# At most this many capitalised words between "the" and the noun: a long Title Case run would be read again from
# each of its words (quadratic).
# Not one a name follows ("the Tunisian veteran Ons Belhassen"): that names its person.
_CAPITALISED_DESCRIPTION = re.compile(r"\b[Tt]he((?:[^\S\n]+[A-Z][\w\-]*){1,8})[^\S\n]+([a-z]+)\b(?![^\S\n]+[A-Z])")


@lru_cache(maxsize=2)
def _capitalised_descriptions(text: str) -> dict[str, tuple[list[int], list[str]]]:
    """Head noun -> (end offsets, capitalised words) of every "the <Capitalised words> <noun>" in ``text``: one read
    of the text for all the quotes of an article (a read per quote grew with the square of its length)."""
    out: dict[str, tuple[list[int], list[str]]] = {}
    for m in _CAPITALISED_DESCRIPTION.finditer(text):
        ends, described = out.setdefault(m.group(2), ([], []))
        ends.append(m.end())
        described.append(m.group(1))
    return out


_INDEFINITE_CHARS = 1500  # how far back "the source" looks for the "a ... source" it refers to


def _indefinite_antecedent(text: str, pos: int, mention: Mention) -> tuple[str, int] | None:
    """(as written, offset) of the latest indefinite description before ``pos`` with the same head noun as the bare
    definite ``mention`` ("a major-league source" for "the source"), whether or not it spoke before."""
    found = None
    for m in _indefinite_pattern(mention.text.lower().split()[-1]).finditer(text[max(0, pos - _INDEFINITE_CHARS):pos]):
        found = (m.group(0), max(0, pos - _INDEFINITE_CHARS) + m.start())
    return found


@lru_cache(maxsize=256)
def _indefinite_pattern(head: str) -> re.Pattern:
    """An indefinite description with this head noun ("a major-league source"), compiled once per head: the pattern
    holds NAME_PATTERN, whose compiling cost 2 ms a call when re's own cache had let it go."""
    return re.compile(rf"(?<![\w’'\-])(?:[Aa]n?|[Oo]ne)[^\S\n]+(?:[\w\-’'.]+[^\S\n]+(?:-[^\S\n]+)?){{0,3}}?"
                      rf"{re.escape(head)}\b"
                      # the body or person it speaks for ("a spokesperson for Acme", "for the company")
                      rf"(?:[^\S\n]+(?:for|of|at|from|with|to)[^\S\n]+(?:the[^\S\n]+[a-z][\w\-]*(?![^\S\n]+[A-Z])|"
                      rf"(?:the[^\S\n]+)?{NAME_PATTERN}))?")


# Words of an office's standing, not of which office it is: "the former minister" may be "Economy Minister X".
_STATUS_WORDS = frozenset("former ex acting interim then current outgoing incoming new top senior late retired "
                          "longtime veteran".split())
_EPITHET_CHARS = 600  # how far back a description looks for the person it stands for
# A paragraph that goes on about the person of the one before: opened by "she" or "he", or by the quote the description
# is the speaker of (""...," the fisherman said") after a paragraph that names one person only, opening a sentence.
_PERSON_PRONOUN_OPENS = re.compile(r"\s*(?:She|He)\b")
_QUOTE_OPENS = re.compile(r"\s*[\"“]")
# What a person is rather than an office someone else in the scene holds (a court's judge, a city's mayor): bare, an
# epithet of the person just named ("Zofia Nowak ... said. "...," the activist said.").
_SELF_DESCRIPTIONS = frozenset("activist campaigner candidate blogger student veteran survivor farmer pensioner "
                               "volunteer".split())


# Endings of the adjectives that describe an office's holder ("the federal judge", "the Democratic senator").
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ful", "ed", "ing", "an", "ary", "ent", "ant", "ile", "ish", "less")


def _office_noun(word: str) -> bool:
    """Whether a modifier before an office is a noun naming what the office serves ("fire", "school", "city"), not
    a word about its holder: a status ("former"), a number or age, an office itself ("deputy"), an adjective."""
    return word.isalpha() and word.islower() and word not in _STATUS_WORDS | ROLE_WORDS \
        and not word.endswith(_ADJECTIVE_ENDINGS)


def _epithet_of(text: str, pos: int, mention: Mention, persons: PersonIndex, spoken: set[str]) -> str | None:
    """The person a definite description at ``pos`` stands for when no one holds its role: "the former mayor", "the
    government's top health official" right after a person is named, of a gender that fits; for what a person is
    (_SELF_DESCRIPTIONS: "the activist"), only one of ``spoken``, the persons quoted before (the story's activist,
    not the protester the police arrested).
    An unnamed source or story character ("the source", "the man") and a description an earlier indefinite one
    introduced ("an official ... the official") stay as written."""
    words = mention.text.lower().split()
    owner = re.split(r"[’']s ", mention.text, maxsplit=1)[0] if re.search(r"[’']s ", mention.text) else None
    if mention.kind != "role" or len(words) < 2 or not (words[0] == "the" and mention.text[4:].islower() or owner):
        return None  # "the Taiwanese president": resolve_mention weighs a capitalised modifier
    if owner and persons.full_name(owner.strip()) in persons.roles:
        return None  # "Reid's rep" speaks for Reid
    head = words[-1]
    # A person named by what they do that no table lists ("the jeweller", "the teenager"): an epithet even bare.
    agent = head not in ROLE_WORDS and _is_person_agent(head) or head in _SELF_DESCRIPTIONS | PLAYING_POSITIONS
    if head not in ROLE_WORDS and not agent \
            or head in _UNNAMED_PERSONS | _STORY_PERSONS | PLURAL_PERSON_NOUNS | DOCUMENT_NOUNS \
            or head.endswith("s") and head[:-1] in ROLE_WORDS or _indefinite_antecedent(text, pos, mention):
        return None
    # An epithet describes its person ("the former mayor", "the city's top lawyer"); a bare office ("the judge") not
    # theirs or a compound one ("the police chief", "the deputy mayor") is held by someone else in the scene: a
    # court's judge, a city's police chief.
    modifiers = re.sub(r"^.*[’']s ", "", mention.text.lower()).split()[:-1]
    modifiers = modifiers[1:] if modifiers[:1] == ["the"] else modifiers
    if any(w in ORG_WORDS | ORG_HEADS | _PERSON_TITLES for w in modifiers):
        return None
    name = persons.recent(pos)
    last = persons.last_mention(name, pos) if name else None
    paragraph = text.rfind("\n", 0, pos)
    previous = _previous_paragraph(text, paragraph)
    if agent and last is not None and last < paragraph and not (last > previous and (
            _PERSON_PRONOUN_OPENS.match(text, paragraph + 1)
            or _QUOTE_OPENS.match(text, paragraph + 1) and persons.named_between(previous, paragraph) == {name}
            and _opens_sentence(text, last))):
        # What someone does describes a person named in its own paragraph (or in the one before, when this one opens
        # with "she", "he", or the quote after a paragraph whose sentence that person alone opens), else the one the
        # story is most about (not whoever was named last: "her father, X, who runs ...", then "the youngster said"),
        # or the one person it has named, who has spoken ("X just tweeted she ... "...," the comedian said").
        name = persons.most_named(pos) or (name if name in spoken and persons.named_between(0, pos) == {name} else None)
        last = persons.last_mention(name, pos) if name else None
    if last is None or pos - last > _EPITHET_CHARS or name in persons.places or name in persons.bare:
        return None
    role = (persons.roles.get(name) or "").lower()
    # "The pastor, Ada Voss, ..." then "the pastor said"; "The university's provost, Professor X," then "the provost"
    own = head in role or any(head in d.lower().split() for d in persons.descriptions.get(name, ()))
    if head in _SELF_DESCRIPTIONS and not own and name not in spoken:
        return None
    if own and any(w in ROLE_WORDS and w not in role and w not in _STATUS_WORDS for w in modifiers):
        return None  # "the health minister" is not "Civil Aviation Minister X" (but "the former minister" may be)
    if head in _PERSON_TITLES and persons.roles.get(name) and not own:
        return None  # "the former senator" after "Ann Ruiz, the mayor"
    if not (own or agent or persons.roles.get(name) or persons.descriptions.get(name)) \
            and any(_office_noun(w) for w in modifiers) and "and" not in modifiers:
        # An office named by what it serves ("the fire chief", "the school principal") after a person the text gives
        # no role: someone else in the scene holds it, not a new word about that person ("the former mayor"); two
        # trades joined describe one person ("the comedian and talk show host")
        return None
    if not (modifiers or own or agent) and (head in _PERSON_TITLES | _UNNAMED_ROLES or name not in spoken or any(
            w in ROLE_WORDS for d in persons.descriptions.get(name, ()) for w in d.lower().split())):
        # "the judge" after a defendant is an office someone else in the scene holds; "Cárdenas acknowledges the
        # difficulty. "...," the researcher says." is the person quoted before, described by what they do, when the
        # text gives them no other role
        return None
    gender = persons.genders.get(name)
    fits = not gender or _gender_fits(mention.text, "he" if gender == "m" else "she")
    return name if fits else None


def _previous_paragraph(text: str, paragraph: int) -> int:
    """Where the paragraph before the one opening after ``paragraph`` (a line break) begins, past the blank lines
    between them: the offset of the line break before it, or -1."""
    end = paragraph
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text.rfind("\n", 0, end)


def _is_bare_role(mention: Mention) -> bool:
    """True for "the spokesperson", "the official": a definite role that an earlier "a ... spokesperson" may name."""
    words = mention.text.lower().split()
    return mention.kind == "role" and len(words) == 2 and words[0] == "the" and words[1] in _UNNAMED_ROLES


def _is_bare_source(mention: Mention) -> bool:
    """True for "the source", "the official": a definite unnamed person that only an earlier "a source" names."""
    words = mention.text.lower().split()
    return mention.kind == "role" and len(words) == 2 and words[0] == "the" and words[1] in _UNNAMED_PERSONS


def _credited_to(q: Quote, author: tuple[str, int], persons: PersonIndex) -> Quote:
    """``q`` credited to ``author`` (as written, offset), resolved among the article's persons."""
    author_id, author_role = resolve_mention(parse_mention(author[0]), author[1], persons)
    return replace(q, speaker=author[0], speaker_id=author_id, speaker_role=author_role, speaker_start=author[1],
                   speaker_end=author[1] + len(author[0]))


def _modifiers_fit(description: str, body: str) -> bool:
    """Whether the capitalised words of a body's description are words of the body's name ("the Acme company" for
    "Acme Corp"), so that it may stand for that body; "the Sage group" is another body than "Cambridge". A nation's
    adjective, an abbreviation or a hyphened word says where the body is, not its name ("the German carmaker", "the
    U.S. company", "the Seattle-based retailer")."""
    named = {w.lower() for w in body.split()}
    return all(w.lower() in named for w in description.split()[1:]
               if w[:1].isupper() and w.lower() not in NATION_ADJECTIVES and not any(c in w for c in ".-"))


def _as_speaker(q: Quote, source: Quote) -> Quote:
    """``q`` credited to the speaker of ``source``, as written there."""
    return replace(q, speaker=source.speaker, speaker_id=source.speaker_id, speaker_role=source.speaker_role,
                   speaker_start=source.speaker_start, speaker_end=source.speaker_end)


FIRST_PERSON = "the author"  # the writer of a first-person text, as the gold sets name them
_DESCRIBED_CHARS = 600  # how far back "he said" looks for a sentence about an unnamed man ("The man sat down.")
_SENTENCE_OPENS = r"(?:^|(?<=[.!?\n])|(?<=[.!?][\"”’])|(?<=[.!?][\"”’][^\S\n])|(?<=[.!?][^\S\n]))"  # where one may start
_DESCRIBED_SUBJECT = re.compile(rf"{_SENTENCE_OPENS}[^\S\n]*(?P<subj>(?:[Tt]he|[Aa]n?|[Mm]y)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){{0,2}}?"
                                rf"(?:{alternation(sorted(MALE_NOUNS | FEMALE_NOUNS))}))\b(?![’'])")


# A sentence opened by a role held by someone unnamed, a verb after it ("The mayor defended the plan.", "The
# hospital's chief executive resigned."): "she said" after it, in a text that names no person, is that role's holder.
# (a body's word, "the council", is no role "he" or "she" stands for)
_ROLE_SUBJECT = re.compile(rf"{_SENTENCE_OPENS}[^\S\n]*(?P<subj>[Tt]he[^\S\n]+(?:[a-z][\w\-]*[’']s[^\S\n]+)?(?:[a-z][\w\-]*[^\S\n]+){{0,2}}?"
                           rf"(?:{alternation(sorted(w for w in ROLE_WORDS if w.isalpha() and w not in ORG_WORDS))}))"
                           # a relative clause between it and its verb ("The mayor, who took office in May, defended")
                           rf"(?=(?:,[^\S\n]+who[^,;:\"“”\n]{{1,100}},)?[^\S\n]+(?:[a-z]+(?:ed|s)|said|{_IRREGULAR_PAST}|{alternation(sorted(IRREGULAR_PASTS))})\b)")


# A sentence opened by someone described, not named, and a verb ("A government spokesman dismissed the claim.", "A
# young man selling phone cases disagreed."): the subject a pronoun after it refers to, before anyone named earlier.
_INDEFINITE_SUBJECT = re.compile(
    rf"{_SENTENCE_OPENS}[^\S\n]*(?P<subj>[Aa]n?[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){{0,2}}?"
    rf"(?:{alternation(sorted(w for w in ROLE_WORDS | MALE_NOUNS | FEMALE_NOUNS if w.isalpha()))})"
    rf"(?:[^\S\n]+(?:for|of|at|from|with|in|on|[a-z]+ing)\b[^,.;:\"“”\n]{{1,60}}?)?)"
    # its verb one of speech or of taking a side ("dismissed", "disagreed"), not "A woman died", "A man was killed"
    rf"(?=[^\S\n]+(?:{CUE_PATTERN}|disagreed|objected|blamed|dismissed|rejected|defended)\b)")


def _described_since(text: str, since: int | None, pos: int, pronoun: str) -> tuple[str, int] | None:
    """(subject as written, offset) of the latest sentence between ``since`` and ``pos`` opened by someone described
    with a gender, that of ``pronoun`` ("A spokesman for the water board blamed the contractor."), if any."""
    # strict: not "A representative said she ..."
    return None if since is None else _latest_fitting(_INDEFINITE_SUBJECT, text, since, pos, pronoun, strict=True)


def _quoted_at(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quote opened earlier on its line (read back _DESCRIBED_CHARS at most)."""
    reach = max(0, pos - _DESCRIBED_CHARS)
    line = text[text.rfind("\n", reach, pos) + 1 or reach:pos]
    return _within_quote(line, len(line))


def _latest_fitting(pattern: re.Pattern, text: str, start: int, end: int, pronoun: str,
                    strict: bool) -> tuple[str, int] | None:
    """(subject as written, offset) of the last match of ``pattern`` in ``text[start:end]`` whose subject fits
    ``pronoun`` in gender (_gender_fits), outside quotes ("“The head took longer,” she said" is no head's)."""
    fitting = [m for m in pattern.finditer(text, start, end) if _gender_fits(m.group("subj"), pronoun, strict=strict)
               and not _quoted_at(text, m.start())]
    return (fitting[-1].group("subj"), fitting[-1].start("subj")) if fitting else None


def _described_antecedent(text: str, pos: int, pronoun: str, spoken: list[Quote]) -> tuple[str, int] | None:
    """(speaker as written, offset) for "he" or "she" in a text that names no person: the latest unnamed speaker or
    sentence subject before ``pos`` whose description agrees in gender ("the man said", "My mother came down the
    stairs."; a first-person "my" is the author's), else the latest sentence subject that is a role whose words tell
    no other gender ("The mayor defended the plan.")."""
    start = max(0, pos - _DESCRIBED_CHARS)
    found = _latest_fitting(_DESCRIBED_SUBJECT, text, start, pos, pronoun, strict=True) \
        or _latest_fitting(_ROLE_SUBJECT, text, start, pos, pronoun, strict=False)
    said = next((d for d in reversed(spoken) if _gender_fits(d.speaker, pronoun, strict=True)), None)
    if said is not None and (found is None or said.speaker_start > found[1]):
        return said.speaker, said.speaker_start
    if found and found[0].lower().startswith("my "):
        return f"{FIRST_PERSON}'s {found[0][3:]}", found[1]
    return (found[0][0].lower() + found[0][1:], found[1]) if found else None


_NEAREST_NAME_CHARS = 300  # how far back "he" or "she" with no one in the cast looks for a person's full name
# A verb right after a name, or after an aside set off by commas: the name is its clause's subject (not "X's widow", not
# an object, not a name in brackets).
# ("X, the Information Minister paid tribute": an apposition of a title, its closing comma left out)
_SUBJECT_VERB = rf"(?:{_FINITE_VERB}|{_PRESENT_VERB}|{_IRREGULAR_PAST}|were|are|have|can|could)\b"
_VERB_AFTER_SUBJECT = re.compile(rf"(?:,[^,;:.!?\"“”\n]{{1,120}},|,[^\S\n]+the(?:[^\S\n]+[A-Z][\w\-]*){{1,4}})?[^\S\n]+"
                                 rf"{_SUBJECT_VERB}")
# ... or a name apposed to a person's description, the verb after its closing comma ("A company engineer, Lertrat
# Phanit, stood up"; not "The company developing the therapy, Luminar Genetics, said")
_VERB_AFTER_APPOSED = re.compile(rf",[^\S\n]+{_SUBJECT_VERB}")


def _nearest_full_name(text: str, pos: int, gender: str, persons: PersonIndex) -> str | None:
    """The last full name (two words or more, read as a person's) before ``pos`` within _NEAREST_NAME_CHARS and the
    paragraph, the subject of its clause, of a given name that fits ``gender`` where the table of given names tells it:
    whom "he" or "she" stands for when the cast, read from titles, appositions and known given names, holds no one there
    ("Dariusz Mazur and his colleague Ewa Lis were ... "...," she said")."""
    paragraph = text.rfind("\n\n", 0, pos)
    found = _nearest_subject(text, max(paragraph, pos - _NEAREST_NAME_CHARS, 0), pos, gender, persons)
    if found is None and paragraph > 0:
        # "Somchai Wongsuwan, the headman, opened it.\n\n"...," he said.": the paragraph before, when the pronoun's
        # own names no one, for a name the text tells is a person's (not "Credit Suisse held firm.\n\n"...," he said")
        found = _nearest_subject(text, max(text.rfind("\n\n", 0, paragraph), paragraph - _NEAREST_NAME_CHARS, 0),
                                 paragraph, gender, persons, told=True)
    return persons.full_name(found) if found else None


def _nearest_subject(text: str, floor: int, pos: int, gender: str, persons: PersonIndex, told: bool = False) -> str | None:
    """The last full name in text[floor:pos] that _nearest_full_name may take (see there); with ``told``, only one of
    a given name of ``gender`` or with a person's description in apposition."""
    found = None
    for m in _NAME.finditer(text, floor, pos):
        name = re.sub(r"[’']s$", "", m.group(0).strip())  # "Maria Silva's"; "Kenya's Mary Wanjiru" keeps its owner
        mention = parse_mention(name)
        words = (mention.name or "").split()
        if told and FIRST_NAME_GENDERS.get(words[0].lower() if words else "") != gender \
                and not _described_as_person(text, m.start(), m.end()):
            continue
        if mention.kind == "person" and len(words) >= 2 and mention.name not in persons.places \
                and words[-1].lower() not in _PERSON_TITLES \
                and FIRST_NAME_GENDERS.get(words[0].lower(), gender) == gender \
                and (_VERB_AFTER_SUBJECT.match(text, m.end())
                     or _VERB_AFTER_APPOSED.match(text, m.end()) and _described_as_person(text, m.start(), m.end())) \
                and text[max(0, m.start() - 1):m.start()] != "(" \
                and not _within_quote(text[floor:m.start()], m.start() - floor):  # ""I called Maria Silva," she said"
            found = mention.name
    return found



def _gender_fits(description: str, pronoun: str, strict: bool = False) -> bool:
    """Whether "he" or "she" may stand for an unnamed speaker so described: its gendered noun ("a spokeswoman", "the
    man", "the author's mother": its last word) agrees, or, unless ``strict``, it has none ("an official")."""
    words = description.lower().split()
    described = "m" if words[-1] in MALE_NOUNS else "f" if words[-1] in FEMALE_NOUNS else None
    if described is None:
        described = "m" if set(words) & MALE_NOUNS else "f" if set(words) & FEMALE_NOUNS else None
    return described == PRONOUN_GENDERS.get(pronoun) if described or strict else True


def _described_more_recently(anonymous: Quote, q: Quote, persons: PersonIndex) -> bool:
    """True when a pronoun's person was last named before the anonymous speaker described after it, and the
    description's gender (spokesman, spokeswoman) does not contradict the pronoun."""
    last = persons.last_mention(q.speaker_id, q.speaker_start)
    if q.speaker_id is None or last is None or anonymous.speaker_start is None or last > anonymous.speaker_start:
        return False
    gender = PRONOUN_GENDERS.get(q.speaker.lower())
    words = set(anonymous.speaker.lower().split())
    described = "m" if words & MALE_NOUNS else "f" if words & FEMALE_NOUNS else None
    return described is None or described == gender


def _speaker_type(q: Quote, mention: Mention | None, persons: PersonIndex, org_speaker: bool) -> str | None:
    """What the speaker is: a person (named, or a pronoun or role noun resolved to one), an unnamed role, an
    organisation, or a document speaking with no author named; None without a speaker."""
    if not q.speaker or mention is None:
        return None
    words = mention.text.lower().split()
    head = _head_noun(words[1:] if len(words) > 1 and words[0] in DETERMINERS else words) if words else ""
    if q.speaker_id and is_outlet_name(q.speaker_id):
        return "organisation"  # "Politico reported"
    if q.speaker_id in persons.roles and " " in q.speaker_id and surname_of(q.speaker_id) == mention.text:
        return "person"  # "King said" after "Jo King": a surname that is also a title word
    if mention.kind == "role" and q.speaker_id and _is_body_head(head) and head not in ROLE_WORDS | PERSON_NOUNS:
        return "organisation"  # "the label said" for "Marea Records", a name that reads as a person's
    if mention.kind == "org" and not org_speaker and mention.text.split()[-1].islower():
        head = words[-1]  # "a Department for Transport spokesperson": the lower-case noun after the body's name
    if mention.kind == "org" and not org_speaker and head not in ORG_WORDS | ORG_HEADS | DOCUMENT_NOUNS and (
            head in ROLE_WORDS or head in PERSON_NOUNS or head in PLURAL_PERSON_NOUNS or head in PARTY_PLURALS):
        # "a spokesperson for the Scottish Parliament", "an SNP spokesman", "House Republicans": people for a body
        return "role"
    if org_speaker or mention.kind == "org":
        return "organisation"
    if q.speaker_id in persons.roles or (q.speaker_id and _PAIR_DESCRIPTION.fullmatch(q.speaker)) or (
            mention.kind == "person" and (
            " " in (q.speaker_id or "") or q.speaker_id in persons.genders)):
        return "person"
    if mention.kind == "person":
        return "organisation" if q.speaker_id and q.speaker_id.isupper() else "person"
    if mention.kind == "pronoun":  # "it" a body, "he"/"she"/"I" a person, "they"/"we" a group
        return "organisation" if head == "it" else "role" if head in ("they", "we") else "person"
    if q.speaker_id:  # a description resolved to the organisation it stands for ("the paper")
        return "organisation"
    if head in DOCUMENT_NOUNS:
        return "document"
    if _is_body_head(head):
        return "organisation"
    return "role"


def _is_body_head(head: str) -> bool:
    """True for a description's head noun that names a body ("the label", "the ministry"), not a person the story
    describes by a body's word ("the guard")."""
    return (head in ORG_HEADS or head in ORG_WORDS) and head not in _STORY_PERSONS

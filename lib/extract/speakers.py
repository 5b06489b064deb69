"""Speakers: split titles from names, resolve pronouns and role nouns in an article, and one id per person in a corpus."""
from __future__ import annotations

import bisect
from collections import Counter
from functools import lru_cache
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from lib.domain.calendar import ENGLISH_MONTHS, NUMBER_WORDS, WEEKDAYS
from lib.domain.names import (COUNTRY_NAMES, FIRST_NAME_GENDERS, HYPHEN_PARTICLES, HYPHENATED_GIVEN_NAME,
                               NAME_PARTICLES, NATION_ADJECTIVES, NATION_NOUNS, UPPER_LETTERS, TITLE_ABBREVIATIONS,
                               given_name_gender, normalise_name)
from lib.domain.outlets import is_host_name
from lib.domain.verbs import ADVERBS, CUE_CLASS, CUE_PATTERN, TIME_PHRASES, alternation
from lib.extract.marks import QUOTE_MARKS

# A player's position, written as a title ("Defender Emre Celik") and standing for the player ("the defender said").
PLAYING_POSITIONS = frozenset("goalkeeper striker defender midfielder winger fullback quarterback pitcher goaltender "
                              "batsman bowler".split())
# Family relations: roles a person holds to another ("His cousin, Devendra Paswan,"; "the great-grandfather said").
KIN_WORDS = frozenset("""mother father wife husband son daughter brother sister grandmother grandfather grandson
granddaughter grandparent grandparents uncle aunt cousin nephew niece stepmother stepfather stepson stepdaughter widow
widower fiance fiancee fiancé fiancée boyfriend girlfriend""".split())
# Words of titles and roles (lower case), the playing positions and family relations among them. A capitalised word in
# this table ends a name when reading a mention right to left: "Russian President Vladimir Putin" -> name "Vladimir
# Putin", role "Russian President". Abbreviated titles count with and without their stop ("Sen.", "Prof").
ROLE_WORDS = frozenset("""
president vice-president vice prime premier minister ministers secretary secretary-general under-secretary-general
deputy assistant undersecretary representative high chief executive director director-general chairman chairwoman
chair chairperson spokesman spokeswoman spokesperson senator representative congressman congresswoman
governor mayor judge justice ambassador envoy commissioner chancellor king queen prince princess pope
taoiseach tanaiste tánaiste collector
ceo cfo coo cto founder co-founder coach manager head leader official officer attorney lawyer prosecutor professor
dr mr mrs ms sir lord lady dame captain colonel sergeant lieutenant
general admiral major commander detective sheriff police inspector superintendent chief
adviser advisor analyst author actor actress singer star writer director producer host anchor editor reporter
correspondent economist scientist researcher spokesman foreign defense defence interior finance justice health
state affairs disarmament council committee board member members mp mep
emir sheikh crown president-elect acting former ex- late reverend father bishop archbishop cardinal rabbi imam
lawmaker legislator candidate nominee delegate negotiator diplomat deputy-director partner owner agent publicist
pastor priest preacher minister coach player teammate student teacher resident witness neighbour neighbor friend
rep representative attorney doctor physician surgeon nurse
employee worker expert historian pensioner voter farmer businessman businesswoman blogger commentator columnist
critic activist campaigner organizer organiser volunteer secretary assistant aide consultant strategist pollster
governor-elect mayor-elect councillor councilman councilwoman alderman trustee treasurer clerk registrar marshal
sergeant-at-arms trooper firefighter paramedic investigator examiner coroner spokesmen officials manager
commodore brigadier corporal private marshal ensign juror jurors magistrate solicitor barrister
speaker counsel frontrunner front-runner incumbent contender runner-up
operative pundit surrogate whip appointee plaintiff journalist headteacher headmaster headmistress
referee umpire jockey skipper provost rector bursar principal chaplain vicar curate abbot
""".split()) | {f"{abbr}." for abbr in TITLE_ABBREVIATIONS} | set(TITLE_ABBREVIATIONS) | PLAYING_POSITIONS | KIN_WORDS

# One title written in full or abbreviated, or by a synonym ("the congressman" for "Rep. Jo Hale", "the senator" for
# "Sen. Ann Park"): a role noun finds a person whose title is any of them.
_SYNONYMS = {"representative": ("congressman", "congresswoman")}
_TITLE_GROUPS = tuple((full, f"{abbr}.", *_SYNONYMS.get(full, ())) for abbr, full in TITLE_ABBREVIATIONS.items() if full)
TITLE_ALIASES: dict[str, tuple[str, ...]] = {w: g for g in _TITLE_GROUPS for w in g}
# "the judge" may be a justice named before ("Justice Ann Ruiz adjourned ...").
TITLE_ALIASES["judge"] = ("judge", "justice")
# "the lawmaker" may be any legislator named before.
TITLE_ALIASES["lawmaker"] = ("lawmaker", "legislator", *TITLE_ALIASES["senator"], *TITLE_ALIASES["representative"],
                             "mp", "assemblyman", "assemblywoman")


_RANKS = ("vice", "deputy", "assistant", "lieutenant", "under")  # a title held under another ("vice president")


def _holds_title(role: str, word: str) -> bool:
    """True when a person's role (lower case) holds the title ``word`` ("president" in "president-elect", "vice
    president" in "vice-president"), not under a rank ("president" in "vice president"), or one of its aliases as a
    word of its own ("rep." in "rep.", never "mp" in "campaign")."""
    role, word = role.replace("-", " "), word.replace("-", " ")
    if any(not role[:m.start()].rstrip().endswith(_RANKS) or word.startswith(_RANKS)
           for m in re.finditer(re.escape(word), role)):
        return True
    words = role.split()
    return any(w in TITLE_ALIASES.get(word, ()) and not (i and words[i - 1] in _RANKS) for i, w in enumerate(words))


def _ranked(role_words: tuple[str, ...]) -> tuple[str, ...]:
    """Role words with a rank joined to the title after it: ("vice", "president") -> ("vice president",)."""
    out: list[str] = []
    for w in role_words:
        if out and out[-1] in _RANKS:
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return tuple(out)

# Role words that name one person's office and nothing else, as a title capitalised alone after "the" may.
_PERSON_TITLES = frozenset("""president vice-president prime premier minister secretary chancellor governor mayor
judge justice ambassador king queen prince princess pope emir sheikh senator congressman congresswoman
commissioner speaker archbishop bishop cardinal""".split())

# Nouns for people that are not titles: heads of anonymous speakers ("a woman", "one source", "officials").
PERSON_NOUNS = frozenset("""
man woman men women person people source sources group resident residents witness witnesses eyewitness eyewitnesses
official officials
officer officers expert experts analyst analysts observer observers fan fans voter voters worker workers
employee employees user users neighbour neighbors neighbor neighbours relative relatives friend friends
passenger passengers survivor survivors victim victims parent parents child children student students
colleague colleagues insider insiders member members leader leaders spokesperson statement letter memo
military notification notice order ruling filing decree judgment verdict
report study paper bio biography campaign office team staff aide aides government administration police
opponent opponents rival rivals counterpart counterparts challenger ally allies supporter supporters critic critics
someone somebody
prosecution protester protesters demonstrator demonstrators
veteran veterans attendee attendees suspect suspects detainee detainees inmate inmates refugee refugees
family couple duo trio crowd audience participant participants blogger bloggers passer-by passers-by passerby passersby
lifeguard architect poet pilot athlete medic monk pupil hostage captive midwife playwright mechanic waitress nanny
champion
""".split())  # the last line: persons by what they do or undergo that no agent-noun ending tells (_is_person_agent)

# Words that open a role noun phrase ("a spokesman", "another aide", "her lawyer", "its owner").
DETERMINERS = ("the", "a", "an", "one", "another", "his", "her", "their", "its", "my")
# Texts that speak ("the report said"): a document speaker, unless an author is named.
DOCUMENT_NOUNS = frozenset("report reports study paper statement letter memo survey document filing analysis "
                           "notification notice ruling decree order judgment verdict editorial biography bio memoir "
                           # court papers and official texts that speak ("the lawsuit says", "the indictment
                           # alleges", "a government handbook described")
                           "lawsuit complaint indictment petition affidavit memorandum handbook manual guidance "
                           "directive transcript summary "
                           # proposals, court and audit papers ("the proposal says", "the motion argues", "the
                           # majority opinion says"); "bill" is left out, being as often a given name, and
                           # "announcement" or "release", being more often the object put out ("made the announcement
                           # on Twitter and said:") than a speaker
                           "proposal resolution brief motion audit assessment warrant guidelines agreement opinion "
                           "documents records census poll "
                           # public alerts ("read the warning", "the advisory said")
                           "warning advisory bulletin communique communiqué "
                           # short written texts that speak through "read" or "said" ("the note read", "a sign on
                           # the door reads", "the email said", "one placard read")
                           "note sign email e-mail message caption placard inscription plaque leaflet "
                           "flyer headline".split())
# Texts put out that speak only with their author in front ("the DOJ release states", "a White House readout said"):
# alone they are more often the object put out ("made the announcement") than a speaker.
AUTHORED_TEXTS = frozenset("release readout announcement".split())
# Public and civic bodies by their kind ("the municipality said", "the union said"): unlike "the company", such a
# description stands for a body that spoke before only when that body's name holds the word ("the union" after "the
# Nurses' Union", not after "the University of Dhaka"; "the government" not after a firm or a lawmaker).
CIVIC_HEADS = frozenset("municipality council committee commission union bank university hospital authority board "
                        "party government".split())
# Role nouns that stand for an organisation ("the company said", "the ministry added").
ORG_HEADS = frozenset("company firm group giant ministry government agency department organisation organization "
                      "statement office campaign administration network newspaper channel platform daily paper "
                      "magazine broadcaster outlet utility operator carrier retailer manufacturer maker insurer lender "
                      "developer charity nonprofit zoo museum library trust guild league society alliance coalition "
                      "federation institute institution hotel restaurant pub cafe shop store clinic "
                      # watchdogs, regulators and public bodies; media and firms by their trade
                      "watchdog regulator bureau service body panel tribunal embassy consulate legislature cabinet "
                      "directorate regime junta palace publication tabloid website site studio label streamer startup "
                      "automaker carmaker airline chain brand exchange festival tank coastguard".split()  # "think tank"
                     ) | CIVIC_HEADS
# Adverbs that open a sentence and never name anyone ("Unfortunately", "Already"): -ly adverbs are told by form.
SENTENCE_ADVERBS = frozenset("already perhaps still again almost instead nonetheless nevertheless otherwise "
                             "likewise besides anyway together overall elsewhere shortly mostly directly slowly "
                             "partly jointly sadly frankly honestly oddly afterwards afterward thereafter "
                             "furthermore therefore accordingly regardless sometimes often soon alas".split())
# Adjective endings before -ly ("Unfortunately", "Initially", "Hopefully", "Curiously"); names ending in -ly
# ("Kelly", "Beverly", "Connolly", "Hartly") have none of them.
_ADVERB_STEMS = ("al", "ate", "ous", "ful", "ive", "ic", "less", "ar", "ish", "ab", "ib")
_LONG_ADVERB_STEMS = ("ant", "ent")  # "Recently", "Importantly"; shorter words are names ("Brantly")
_ADVERB_MIN_CHARS = 6  # "Sadly", "Emily", "Kelly": shorter -ly words are as often names
_LONG_ADVERB_MIN_CHARS = 8


def is_adverb(word: str) -> bool:
    """True for a word that is an adverb by form or by the table ("Unfortunately", "Luckily", "Already")."""
    low = word.lower().strip(",")
    if low in SENTENCE_ADVERBS:
        return True
    if not low.endswith("ly") or len(low) < _ADVERB_MIN_CHARS:
        return False
    stem = low[:-2]
    return stem.endswith(_ADVERB_STEMS) or (stem.endswith("i") and len(low) > _ADVERB_MIN_CHARS) \
        or (stem.endswith(_LONG_ADVERB_STEMS) and len(low) >= _LONG_ADVERB_MIN_CHARS)


# Makers that are companies ("drugmaker Pfizer"); a lawmaker, filmmaker or policymaker is a person.
COMPANY_MAKERS = frozenset("carmaker automaker drugmaker chipmaker planemaker jetmaker steelmaker toymaker phonemaker "
                           "truckmaker shipmaker tiremaker tyremaker handsetmaker".split())
# Trades that stand before a body's name at a sentence's start and name only bodies ("Drugmaker Pfizer said",
# "Regulator Ofgem"), and trades of a person or a body ("Broadcaster Piers Morgan"); never a word that also opens
# bodies' own names ("Charity Commission", "Magazine Luiza", "Airline Pilots Association").
_BODY_TRADES = COMPANY_MAKERS | frozenset("retailer regulator watchdog insurer lender streamer".split())
_TRADES = _BODY_TRADES | frozenset("broadcaster publisher".split())


# Trades of the media and bodies that introduce a name ("news agency Reuters", "public broadcaster NHK"); not a titled
# person after them ("the space agency Administrator Bill Nelson") or someone of the body ("network ABC's Jon Karl").
_MEDIA_TRADES = frozenset("agency broadcaster network newspaper daily tabloid weekly magazine outlet channel website "
                          "station wire publication paper portal".split())


def is_trade(word: str) -> bool:
    """True for a word naming a trade that may stand before a name opening a sentence ("drugmaker", "retailer")."""
    return word in _TRADES


# How a document's author follows its name: "from", "by", or a participle whose "by" names the author ("released on
# Tuesday by", "published by"; not "a memo seen by Reuters", nor "a letter signed by" its many signatories), up to
# three words of time or place before the "by".
AUTHORING_PARTICIPLES = ("issued", "released", "published", "posted", "sent", "written", "prepared",
                         "compiled", "produced", "filed", "submitted", "presented")
AUTHORED_BY_PATTERN = (r"(?:[^\S\n]+(?:from|by)|,?[^\S\n]+(?:%s)(?:[^\S\n]+[\w\-]+){0,3}?[^\S\n]+by)"
                       % "|".join(AUTHORING_PARTICIPLES))
# ... and a text put out with its author after it ("a press release from the Oregon Zoo"), never "of" ("an
# announcement of the results").
_DOCUMENT_FROM = re.compile(r"^(?:[Tt]he|[Aa]n?)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){0,2}?(?:(?:%s)(?:[^\S\n]+of|%s)|"
                            r"(?:%s)%s)[^\S\n]+(?P<author>.+)$"
                            % ("|".join(sorted(DOCUMENT_NOUNS)), AUTHORED_BY_PATTERN, "|".join(sorted(AUTHORED_TEXTS)),
                               AUTHORED_BY_PATTERN))

# Pronouns that tell a person's gender, for agreement when resolving "he"/"she" (Hobbs 1978).
MALE_WORDS = frozenset("he him his himself mr mr.".split())
FEMALE_WORDS = frozenset("she her hers herself mrs mrs. ms ms. miss".split())
# "him" is left out: after a subject it names someone else ("Berg answered him").
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss".split())
HONORIFIC_CHARS = 6  # characters before a name read for an honorific: "Miss", "Mrs." and the space(s) after it
HONORIFIC_VOTES = 3  # an honorific outweighs this many gendered pronouns after the name (they may be someone else's)
SENTENCE_CHARS = 200  # the pronouns that follow a name are read to the sentence's end, or this far
ANTECEDENT_CHARS = 2000  # how far back "the company" looks for the organisation it stands for
_LEAD_CHARS = 2  # mentions are looked up by their first characters, so each costs the same however many persons
_MIN_TYPO_SURNAME = 5  # a surname this long or longer may be matched through a typo ("Tinsely" -> "Tinsley")
_TYPO_EDITS = 2  # edits a misspelt surname may differ by
DESCRIPTOR_CHARS = 25  # characters before a name read for the descriptor that names its kind ("carmaker Ford")
# A locative preposition or motion verb right before a name makes it a place ("in Lake Orin", "flew to Norway").
_LOCATIVE_BEFORE = re.compile(r"(?<![\w’'\-])(?:in|near|outside|inside|across|throughout|around|into|towards?|via|"
                              r"(?:flew|flown|moved|travell?ed|returned|went|gone|drove|driven|headed|sailed|"
                              r"came|relocated|fled|deployed)[^\S\n]+to)[^\S\n]+(?:the[^\S\n]+)?$")
_PERSON_EVIDENCE_AFTER = re.compile(r",[^\S\n]+(?:\d{1,3},|who\b)")  # "Biden, 78,", "Biden, who": a person
_LOCATIVE_CHARS = 30  # characters before a mention read for its locative preposition
# "her" as an object, like "him", names someone else after a subject ("Her lawyer, X, said the label owed her "...""):
# the object form is followed by punctuation (or the end of a search window), or a function word; the possessive by
# its noun ("her client").
_OBJECT_HER = (r"her(?=[^\S\n]*(?:[.,;:!?\"“”)]|$)|[^\S\n]+(?:that|to|the|a|an|and|or|but|for|with|in|on|at|as|about|from|if|"
               r"when|after|before|into|over|up|out|off|back|down|again|last|this|not)\b)")
_GENDER_WORD = re.compile(rf"\b(?!{_OBJECT_HER})(?:he|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_APPOSITION_SPAN = re.compile(r"[^,\n]{0,40}?,[^\S\n]+(?:his|her|their)[^\S\n]+[^,.;:\"“”\n]{1,60},")
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?[^\S\n]+$")
_AGE_BEFORE = re.compile(r"\b(?P<age>\d{1,3})-year-old[^\S\n]+$")  # "25-year-old Guzel": a person
_AGE_AFTER = re.compile(r",[^\S\n]+(?P<age>\d{1,3})(?=[,;)]|\.(?!\d)|$)", re.MULTILINE)  # "Kelly Lane, 38,", "said Tom Bell, 40."
_UNNAMED_AGE = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)[^\S\n]+(?P<age>\d{1,3})-year-old[^\S\n]+[a-z]")  # "a 22-year-old man"
_AGE_EPITHET = re.compile(r"[Tt]he[^\S\n]+\d{1,3}-year-old(?:[^\S\n]+[a-z][\w\-]*){0,2}")  # "the 38-year-old herder"
_AGE_ROLE = re.compile(r"[Tt]he[^\S\n]+(?P<age>\d{1,3})-year-old\b")  # "the 38-year-old (star)": the person that age
_AGE_CHARS = 16

# Capitalised words that are not part of a person's name (sentence openers, days, months, demonyms as
# openers are handled by ROLE_WORDS); they stop a name when reading right to left. Auxiliaries open an inverted
# clause ("Had Lee known", "Were Lee to win"), never a name ("Will" and "Can" are given names and stay out); nor
# is an honorific of another language ("Frau Lind").
NON_NAME_WORDS = frozenset("""
the a an in on at by for from to of and but or nor so yet as if when while after before since until though
although because however meanwhile moreover also then now still later earlier today yesterday tomorrow tonight
this that these those there here below above it its he she they we i you his her their our my your him them us me
indeed instead thus hence yes no not never ever only even just again once speaking asked according
but what who whom whose which where why how with without during over under about against between among
in-house statement meanwhile finally first second third last next new all some many most both each every other
republican republicans democrat democrats democratic conservative conservatives liberal liberals american americans
one another none nobody everybody everyone anybody anyone whoever whomever whatever whichever
had has have did does do was were is are would should could might must shall
herr frau monsieur madame mme mlle señor senor señora senora signor signora
""".split()) | {w.casefold() for w in WEEKDAYS} | set(ENGLISH_MONTHS)  # and the calendar's day and month names

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")  # "86th", "3rd"

# Months that are also persons' names ("Rhona May", "April Ode", "Jan Vik"); "March Madness" is none.
MONTH_NAMES = frozenset("jan april may june august".split())

# Prepositions that open a fronted phrase ("In a statement released Friday, X said"), never a speaker mention.
FRONTED_PREPOSITIONS = frozenset("In On At During After Before With From For By Under Over Through About Amid Despite "
                                 "Following Since Until Like Unlike Besides Among Amongst Without Within Behind "
                                 "Against Toward Towards Outside Inside Beyond Near Across Around Along Alongside "
                                 "Beside Beneath Above Below".split())
# Fronted prepositions that open no name of a body either ("In Rio Grande, ...", "Like Ben Ortiz, ..."), unlike
# "Under Armour", "For Freedoms" or "Beyond Meat": a capitalised run after them is the phrase's object, never a speaker.
PLACE_PREPOSITIONS = frozenset("In At During Amid Despite Following Since Until Through Throughout Like Unlike Besides "
                               "Among Amongst Without Within Behind".split())
# Subordinators that open a fronted clause ("If Trump says ..., they will say", "Once Ms Lee left, ..."): its subject
# speaks for that clause only. (A mention opened by one of SENTENCE_OPENERS, "When" or "After", loses that word before
# this set is asked.)
SUBORDINATORS = frozenset("If When While Whereas Although Though Because Unless Once Whenever Wherever After As Before "
                          "Since Until".split())
# Capitalised conjunctions and adverbs that open a sentence before its subject ("But Andrew Bacevich said").
SENTENCE_OPENERS = frozenset("But And So Yet Then Also However Meanwhile Still Now Later Earlier Instead Indeed "
                             "Separately Finally Meanwhile Previously Thus Hence Here There When While After As".split())

# Words that make a capitalised sequence a place ("Hyde Park", "Lake Orin"): places never speak.
PLACE_WORDS = frozenset("""
street road avenue lane square boulevard drive highway bridge park river valley hill hills island islands county
district province region city town village airport station port harbour harbor stadium arena mall plaza
lake mount bay beach cape canyon creek forest
""".split())
# Words that make a capitalised sequence an organisation or place rather than a person.
ORG_WORDS = frozenset("""
house ministry department council committee nations union kingdom states republic federation agency office
company corp corp. inc inc. ltd ltd. group party government court police army navy force forces university
college school institute foundation bank fund times post news press journal tribune herald guardian telegraph
network tv radio agency center centre association trustees organization organisation commission parliament congress
administration television media
senate assembly secretariat kremlin pentagon academy club team church hospital airlines airways motors
international reuters tass sputnik ap afp bbc cnn nbc abc cbs fox xinhua bloomberg twitter facebook google
military board guard authority transit railway railroad airline holdings partners llp llc systems labs energy
gazette chronicle courier inquirer magazine pool hotel restaurant cafe pub theatre theater cinema gallery museum
library zoo brewery distillery bakery
studio studios pictures entertainment software records productions
""".split()) | PLACE_WORDS
# Last words of a capitalised event's name ("Harbor Arts Week", "Health Forum"): never a person's surname.
_EVENT_WORDS = frozenset("week festival league cup summit conference forum championship championships olympics "
                         "games expo".split())

PRONOUNS = {"he": "m", "she": "f", "He": "m", "She": "f"}
PRONOUN_GENDERS = {"he": "m", "she": "f"}
# Nouns that tell an unnamed speaker's gender ("a company spokesman" is "he", "a spokeswoman" is "she").
MALE_NOUNS = frozenset("man spokesman businessman congressman councilman chairman father son brother husband "
                       "boy king prince grandfather grandson uncle nephew stepfather stepson widower boyfriend fiance "
                       "fiancé".split())
FEMALE_NOUNS = frozenset("woman spokeswoman businesswoman congresswoman councilwoman chairwoman mother daughter "
                         "sister wife girl queen princess grandmother granddaughter aunt niece stepmother stepdaughter "
                         "widow girlfriend fiancee fiancée".split())
PLURAL_PRONOUNS = frozenset({"they", "They", "we", "We"})

# A web address as a name: a host whose suffix is lowercase ("Politico.eu", "Guardian.co.uk"; a host registered
# under a public suffix, told by parse_mention), or a spaced common one in detokenised text ("SI. com").
_WEB = r"[A-Z][\w\-]*\.(?:[a-z]{2,}(?:\.[a-z]{2,})*|[^\S\n](?:com|org|net))"
# A capitalised word; only short ones (initials, "Jr.", "St.") and web addresses ("TMZ.com", detokenised "SI. com")
# keep a full stop, so names never run over a sentence end ("IFRS. America").
# Titles ("Gen.", "Prof.", "Sens.") and the abbreviations inside names ("St. Louis", "Mt. Hood", "Sta. Ana"): a short
# surname at a sentence end ("spoke with Ann Lee. She said", "President Xi. He") ends the name there.
_ABBREVIATIONS = "|".join(sorted({a.capitalize() for a in TITLE_ABBREVIATIONS} | {"St", "Sta", "Sto", "Mt", "Ft"}))
# A name opened by a hyphened particle ("al-Kaabi", "el-Sisi"): the word is a name though it opens in lower case.
_HYPHENED = rf"(?:{'|'.join(sorted(HYPHEN_PARTICLES))})-[A-Z][\w’'\-]*"
# ... or by an elided particle ("Giscard d'Estaing", "Le Matin d’Alger", "Côte d'Ivoire")
_ELIDED = r"(?:d|l|dell)['’][A-Z][\w’'\-]*"
# A combining accent, as tonal and dotted letters are written ("Adébáyọ̀", "Olúwàkẹ́mi": no letter of their own)
_COMBINING = "[\u0300-\u036f]"
_INITIALLED = r"[A-Z]\.[A-Z][a-z][\w’'\-]*"  # an initial run into the surname ("T.Clayson", "J.Smith")
# A social-media handle, a name as a post signs it: "@jdoe", "@Telegraph"; written bare, one no word is shaped like,
# with an underscore or a run of digits after letters ("i_l_d", "lemon_tree", "major181226"). A capitalised bare
# handle ("Purno5") is a capitalised word already.
HANDLE = r"@[A-Za-z\d_]{1,30}(?![\w@])|[a-z][a-z\d]*(?:_[a-z\d]+)+(?![\w@])|[a-z]{2,}\d{3,}(?![\w@])"
_CAP = (rf"(?:{_WEB}\b|{_INITIALLED}|(?:[A-Z]\.){{2,}}|(?:Jr|Sr|Corp|Inc|Ltd|Bros)\.|(?:[A-Z]|{_ABBREVIATIONS})\.(?=[^\S\n]*[A-Z])|"
        rf"{_HYPHENED}|{_ELIDED}|No\.[^\S\n]?\d{{1,4}}\b|[{UPPER_LETTERS}](?:[\w’'\-]|{_COMBINING})*)")
# "on" joins a deliberating body to its subject ("Commission on Presidential Debates", "Committee on Foreign Affairs"),
# never a name to a day ("Trump on Tuesday").
_NOT_SUBJECTS = (*WEEKDAYS, *(m.capitalize() for m in ENGLISH_MONTHS if len(m) > 3 or m == "may"), "Twitter", "Facebook",
                 "Instagram", "TikTok", "YouTube", "X")  # "the Safety Board on Monday", "the Board on Twitter"
_ON_BODIES = ("Commission", "Committee", "Subcommittee", "Council", "Conference", "Panel", "Board", "Forum",
              "Institute", "Center", "Centre", "Office", "Convention")
# ... and those named with their purpose: "Committee to Protect Journalists", "Campaign to End Loneliness".
_TO_BODIES = (*_ON_BODIES, "Campaign", "Coalition", "Alliance", "Movement", "Fund")
_PARTICLE = "|".join(sorted(NAME_PARTICLES))
_CONNECTOR = (rf"(?:of(?:[^\S\n]+the)?|for|and|y|(?:{_PARTICLE})(?:[^\S\n]+(?:{_PARTICLE}))?|"  # "van der", "de la"
              rf"(?:(?:{'|'.join(f'(?<={b} )' for b in _ON_BODIES)})on|(?:{'|'.join(f'(?<={b} )' for b in _TO_BODIES)})to)"
              rf"(?=[^\S\n]+(?!(?:{'|'.join(_NOT_SUBJECTS)})\b)[A-Z]))")
# A run of capitalised words, allowing particles inside ("High Representative for Disarmament Affairs").
# Detokenised text spaces hyphens inside names ("Strauss - Kahn"): a spaced hyphen between capitals joins them.
NAME_PATTERN = (rf"(?<![\w’'\-])(?:{HANDLE}|"  # a handle is a name by itself: "@jdoe You ..." opens a post
                rf"{_CAP}(?:(?:[^\S\n]+(?:{_CONNECTOR}[^\S\n]+)?|[^\S\n]+[-–][^\S\n]+(?=[A-Z])){_CAP})*)")
# An adjunct of medium or time after a speaker ("in a statement", "in its ruling", "in her opinion", "on Tuesday"):
# how or when the words came, never part of who spoke them.
MEDIUM_OR_TIME_PATTERN = (
    r"(?i:(?:(?:a|an|the|his|her|their|its|this|last|that|[a-z]+day's)[^\S\n]+)?(?:[\w\-]+[^\S\n]+)?"
    r"(?:statement|interview|email|e-mail|post|tweet|release|call|video|podcast|letter|text|message|ruling|"
    r"opinion|decision|judgment|judgement|speech|remarks|testimony|filing|op-ed|column|article|essay|blog|"
    r"week|month|year|morning|afternoon|evening|night|time|(?:mon|tues|wednes|thurs|fri|satur|sun)day))\b")
# An optional lower-case role before a name ("her agent Mark Roesler", "writer-director Gary Ross").
ROLE_PREFIX_PATTERN = r"(?:(?:[a-z][\w’'\-]*[^\S\n]+){0,3}?)"
# A role noun phrase standing for a person named earlier ("the president", "the high representative for
# disarmament"), or an anonymous source ("a source with knowledge of the talks").
# A document with its author comes first: "a statement from Waitrose", "the letter from Sen. Paul Grant", "a report
# released on Tuesday by the UN", "The final report, published by the centre" (a participle whose "by" names the
# author, see AUTHORED_BY_PATTERN).
DOCUMENT_FROM_PATTERN = ((r"(?<![\w’'\-])(?:[Tt]he|[Aa]n?)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){0,2}?(?:%s)"
                          + AUTHORED_BY_PATTERN +
                          r"[^\S\n]+(?:the[^\S\n]+)?%s(?:[^\S\n]+(?:%s)\b)?")  # "from the Indian government"
                         % ("|".join(sorted(DOCUMENT_NOUNS | AUTHORED_TEXTS)), NAME_PATTERN,
                            "|".join(sorted(w for w in ORG_WORDS | ORG_HEADS if w.isalpha()))))
ROLE_NOUN_PATTERN = (rf"(?:{DOCUMENT_FROM_PATTERN}|"
                     # up to four modifiers ("The New York Times editorial board")
                     r"(?<![\w’'\-])(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y)[^\S\n]+(?:(?:(?:[A-Z]\.){2,}|[\w\-’']+)[^\S\n]+){0,4}?"
                     r"(?:(?!(?:who|that|which|is|was)\b)[a-z][\w\-]*|\d{1,3}-year-old\b)"  # "the 38-year-old"
                     # a prepositional phrase, and an "of" phrase after it ("a source with knowledge of the talks"); up
                     # to five words ("a spokesman for the Texas Attorney General's office")
                     # ("said the court in its ruling" is the court: a medium or time is no modifier)
                     rf"(?:(?![^\S\n]+(?:in|at|on)[^\S\n]+{MEDIUM_OR_TIME_PATTERN})"
                     r"[^\S\n]+(?:for|of|with|in|at|to|from)[^\S\n]+(?:[\w\-’']+[^\S\n]+){0,4}?[\w\-’']+"
                     r"(?:[^\S\n]+of[^\S\n]+(?:[\w\-’']+[^\S\n]+){0,2}?[\w\-’']+)?)?)")

# Words that cannot sit inside a speaker mention: they start a clause, not a name or a role.
CLAUSE_WORDS = frozenset("""
that which who whom whose but when while as if because after before since where then so than though although
also however said says told is was are were has had have be been being will would could should may might not
in on at between with by from to into about during under over through against without within per via
he she they we you
""".split())  # a subject pronoun opens a clause ("she remembered telling Harry"); "her lawyer X" is a role
_MIXED_TOKEN = (r"(?:(?!(?:%s)\b)[a-z][\w’'\-]*|%s|\d[\w\-]*|[-–])" % ("|".join(sorted(CLAUSE_WORDS)), _CAP))
# A speaker mention: lower-case and capitalised role words ending in a name ("Palmer public safety director
# Jon Owen", "Anchorage businessman and blogger Andrew Halcro").
MENTION_PATTERN = rf"(?<![\w’'\-])(?:{_MIXED_TOKEN}[^\S\n]+){{0,8}}?{NAME_PATTERN}"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)"
# A role held for a named person or body: "Reid's rep", "the company's spokesman".
# Its words are nouns and modifiers, never an adverb or verb that follows it ("Cole's office later said", "the
# agency's inspector general found"), nor a past form last ("the hospital's chief executive defended": a role ends in
# its head noun); the owner may be a two-word description ("the federal government's").
_NOT_ROLE_WORD = rf"(?!(?:{alternation(ADVERBS + TIME_PHRASES + tuple(CUE_CLASS))}|found|was|is|were|are|did|does)" \
                 r"\b(?!-))"
# A body's trade and what kind it is before its name ("State-run news agency Xinhua's report", "Nationalist Chinese
# media outlet Global Times's editorial"): no part of the owner's name.
_TRADE_BEFORE = (r"(?:(?:[A-Z][\w\-]*|[a-z]+-[a-z]+|media|news|state|online)[^\S\n]+){0,3}?"  # words the engine
                 rf"(?:{alternation(sorted(_MEDIA_TRADES))})[^\S\n]+")  # fails fast on: most words are none of them
POSSESSIVE_ROLE_PATTERN = (rf"(?:(?:{_TRADE_BEFORE})?{NAME_PATTERN}|[Tt]he(?:[^\S\n]+[a-z]+){{1,2}})[’']s[^\S\n]+"
                           rf"(?:(?:{_NOT_ROLE_WORD}[a-z][\w\-]*|[A-Z]{{2,}})[^\S\n]+){{0,2}}"  # "RIAA's DMCA notice"
                           rf"{_NOT_ROLE_WORD}(?![a-z]+ed\b)[a-z][\w\-]*")
# A party/state bracket after a name ("Rep. Jennifer Wexton (D-Va.)", "Governor Kristi Noem (R)").
PARTY_BRACKET = r"(?:[^\S\n]*\([A-Z][A-Za-z.]{0,5}(?:[^\S\n]*[-–][^\S\n]*[A-Z][A-Za-z. ]{0,14})?\))"
# Person and role nouns that are no person (texts, bodies) or no noun at all (title parts): never a bare plural.
_NOT_PERSONS = frozenset("""statement letter memo military notification notice order ruling filing decree judgment
verdict report study paper bio biography campaign office team staff government administration police foreign
defense defence interior finance justice health state affairs disarmament council committee board acting former
late crown high chief executive head general major private sir lord lady dame deputy vice ex- president-elect
governor-elect mayor-elect under-secretary-general secretary-general director-general deputy-director prime child
dr wife""".split())
def _plural(word: str) -> str | None:
    """The plural of a person noun, where a suffix rule gives it ("attorneys", "deputies"); None where it does not
    ("spokesmen", "children", "people" and the -ch/-sh/-x/-ss nouns are written out below)."""
    if word.endswith("s"):
        return word
    if word.endswith(("man", "men", "ren", "ple", "ch", "sh", "x", "ss")):
        return None
    if word.endswith("y"):
        return word + "s" if word[-2:-1] in "aeiou" else word[:-1] + "ies"  # "attorneys", "envoys"; "deputies"
    return word + "s"


def singular(word: str) -> str:
    """The singular of a plural person noun where _plural's rules or "-men" give it ("presidents", "deputies",
    "spokesmen"); else the word itself."""
    if word.endswith("men"):
        return word[:-3] + "man"
    return next((w for w in (word[:-3] + "y", word[:-1]) if w != word and _plural(w) == word), word)


# Plural person nouns that speak as a group with no determiner ("officials said", "zoo officials say",
# "Researchers wrote"): the noun's plural, with up to two modifiers before it.
PLURAL_PERSON_NOUNS = frozenset(
    _plural(w) for w in (ROLE_WORDS | PERSON_NOUNS) - _NOT_PERSONS
    if w.isalpha() and _plural(w) and w not in HONORIFICS
) | frozenset("spokesmen spokeswomen congressmen councilmen businessmen men women people scientists researchers "
              "prosecutors investigators authorities organizers organisers activists advocates lawmakers doctors "
              "economists parents students teachers nurses engineers police justices".split())
# Words before a plural noun that make it no group speaking as a subject ("most neighbors", "Page and critics").
_NOT_GROUP_LEADS = ("the", "The", "most", "Most", "many", "Many", "some", "Some", "all", "All", "few", "other", "and",
                    "or", "of", "to", "with", "by", "for", "from", "between", "among", "against", "than", "as")
# What an unnamed group or person knows or is near, after its noun ("people familiar with the matter", "sources close
# to the talks", "officials briefed on the plan"): part of the description, as a reader gives it.
_KNOWLEDGE_PHRASES = ("familiar with", "close to", "involved in", "involved with", "briefed on")
KNOWLEDGE_PHRASE_PATTERN = alternation(_KNOWLEDGE_PHRASES)
KNOWLEDGE_PATTERN = (r"[^\S\n]+(?:%s|with[^\S\n]+(?:direct[^\S\n]+)?knowledge[^\S\n]+of)[^\S\n]+"
                     r"(?:the|a|an|his|her|their|its)[^\S\n]+(?:[\w\-’']+[^\S\n]+){0,2}?[\w\-’']+"
                     % KNOWLEDGE_PHRASE_PATTERN)
# their first words, as a mention's tokens show
_KNOWLEDGE_WORDS = tuple(dict.fromkeys(p.split()[0] for p in _KNOWLEDGE_PHRASES))
BARE_PLURAL_PATTERN = (r"(?<![\w’'\-])%s(?:(?!(?:the|a|an|and|or|but|that|who|which|as|if|of|to|in|on|at|most|many|"
                       r"some|all|few|several|other|both|these|those|such|no|between|among|with|by|for|from)\b)"
                       # a modifier word, or an abbreviation ("U.S. officials", "U.N. investigators")
                       r"(?:(?:[A-Z]\.){2,}|[A-Za-z][\w\-]*)[^\S\n]+){0,2}?(?:%s)\b"  # "Most neighbors": no group
                       % ("".join(rf"(?<!\b{w}[^\S\n])" for w in _NOT_GROUP_LEADS),
                          alternation(sorted(PLURAL_PERSON_NOUNS | {w.capitalize() for w in PLURAL_PERSON_NOUNS}))))
# Plurals of party members that speak as a group ("Republicans", "Democrats").
PARTY_PLURALS = frozenset("democrats republicans conservatives liberals progressives socialists libertarians "
                          "independents".split())
# One party member as a role noun: "the Texas Republican", "the 81-year-old Democrat" stand for a member named before.
PARTY_NOUNS = frozenset(p[:-1] for p in PARTY_PLURALS)
# A party and state after a name, the US way: "Sen. Ann Park (R-Texas)", "Rep. Jo Hale, D-Ohio,", "(I)".
_PARTY_LETTERS = {"R": "republican", "D": "democrat", "I": "independent"}
_PARTY_AFTER = re.compile(r"[^\S\n]*\((?P<party>[RDI])(?:[^\S\n]*[-–][^\S\n]*(?P<state>[A-Z][A-Za-z. ]{0,14}))?\)"
                          r"|,[^\S\n]+(?P<party2>[RDI])-(?P<state2>[A-Z][A-Za-z.]+(?:[^\S\n]+[A-Z][A-Za-z.]+)?),")
# Endings of capitalised plurals that name people ("Republicans", "Texans", "Londoners", "Greeks", "Maltese").
PLURAL_ENDINGS = ("ans", "ats", "ists", "ites", "eks", "ers", "ines", "ese")
# A capitalised plural of people: by its ending, or a nation's people whose plural has none ("Israelis", "Czechs").
_NATION_PLURALS = frozenset(a.capitalize() + "s" for a in NATION_ADJECTIVES if a.endswith(("a", "i", "o", "k", "ech", "kh")))
_CAPITALISED_PLURAL = rf"[A-Z][a-z]+(?:{'|'.join(PLURAL_ENDINGS)})|{alternation(sorted(_NATION_PLURALS))}"
# The body a group sits in ("Democrats in the House", "Republicans on the Judiciary Committee").
_BODY_TAIL = rf"[^\S\n]+(?:on|in)[^\S\n]+the[^\S\n]+(?:{NAME_PATTERN}|[a-z][\w\-]*)"
# A quantified group of people ("Some Republicans", "several analysts", "many voters", "two officials"): a speaker
# as written, of type role.
QUANTIFIED_GROUP_PATTERN = (r"(?<![\w’'\-])%s(?:[Ss]ome|[Mm]any|[Ss]everal|[Ff]ew|[Mm]ost|[Bb]oth|[Tt]wo|[Tt]hree|"
                            r"[Ff]our|[Ff]ive|[Dd]ozens[^\S\n]+of)[^\S\n]+(?:(?:(?:[A-Z]\.){2,}|[A-Za-z][\w\-]*)[^\S\n]+){0,2}?"
                            # what the group knows, or the body it sits in ("Many Democrats in the House")
                            r"(?:%s)\b(?:%s|%s)?"
                            % ("".join(rf"(?<!\b{w}[^\S\n])" for w in _NOT_GROUP_LEADS if w[:1].islower()
                                       and w not in ("most", "many", "some", "all", "few")),  # "between X and most"
                               alternation(sorted(PLURAL_PERSON_NOUNS | PARTY_PLURALS
                                                 | {w.capitalize() for w in PLURAL_PERSON_NOUNS | PARTY_PLURALS}))
                               + "|" + _CAPITALISED_PLURAL, KNOWLEDGE_PATTERN, _BODY_TAIL))
_QUANTIFIED_GROUP = re.compile(QUANTIFIED_GROUP_PATTERN)
# Party members of a body ("Republicans on the committee", "Democrats in the House"): a role speaker as written.
PARTY_GROUP_PATTERN = rf"(?<![\w’'\-])(?:{alternation(sorted(p.capitalize() for p in PARTY_PLURALS))}){_BODY_TAIL}"
_SUBJECT = (rf"(?P<subj>\b{_PRONOUN}\b|{POSSESSIVE_ROLE_PATTERN}|{QUANTIFIED_GROUP_PATTERN}|{PARTY_GROUP_PATTERN}|"
            rf"{ROLE_NOUN_PATTERN}|"
            rf"{MENTION_PATTERN}|{BARE_PLURAL_PATTERN}(?:[^\S\n]+(?:at|from|with|in|inside|within)[^\S\n]+"
            rf"(?:(?:the[^\S\n]+)?{NAME_PATTERN}|the(?:[^\S\n]+[a-z][\w\-]*){{1,3}})|"  # "officials with the company",
            # "sources inside the closed-door meeting"
            rf"{KNOWLEDGE_PATTERN})?|"
            rf"\b[Ss]ome(?:one|body)\b){PARTY_BRACKET}?")
_LONE_SUBJECT = re.compile(_SUBJECT)
_CLAUSE_SUBJECT = re.compile(_SUBJECT + r"[^\S\n]+(?=[a-z])")
# Participles telling how a text or person reached the writer, not who wrote it (SUBJECT_PATTERN, and which text a
# "the memo seen by" is); those that name an author ("issued by") are AUTHORING_PARTICIPLES. Not "left", "found" or
# "received", as often a subject's own verb ("Smith left at noon").
REACHED_PARTICIPLES = ("seen", "obtained", "reviewed", "viewed", "leaked", "shared", "circulated", "dated",
                       "contacted", "reached", "interviewed", "approached", "quoted", "cited", "taped", "pinned")
# What such a participle phrase holds: no conjunction, which would open a clause of another subject ("The team posted on
# Friday and manager Lia Dorn said")
_PARTICIPLE_PHRASE = r"(?:(?!\b(?:and|but|or|while|as)\b)[^,;:\"“”\n]){1,60}?"
_WORKPLACE_WORDS = "from|at|of"  # before where a named person works or comes from (SUBJECT_PATTERN, _WORKPLACE)
# A subject with up to three comma phrases before its cue ("Sam Pike, 20, a biology major, chimed in"): next to a
# quote mark, which anchors the attribution.
# A character of a comma phrase: a comma inside a number ("23,000 nurses") ends none.
_PHRASE_CHAR = r"(?:[^,;:\"“”]|(?<=\d),(?=\d{3}))"
SUBJECT_PATTERN = _SUBJECT + (rf"(?P<appos>,[^\S\n]+(?!(?:and|but|or)[^\S\n]){_PHRASE_CHAR}{{1,160}}?(?:,[^\S\n]+"
                              # a further phrase holding a cue is a clause of its own ("X, Y, says Z told ...")
                              rf"(?!{_PHRASE_CHAR}*\b(?:said|says|told|tells|added|adds|wrote|writes)\b)"
                              r"(?!(?:and|but|or)[^\S\n])"  # nor one opened by a conjunction: a clause too
                              rf"{_PHRASE_CHAR}{{1,160}}?){{0,2}},?"
                              # a dashed or bracketed aside ("X — who has worked there for years — said",
                              # "X (pictured) said")
                              r"|[^\S\n]+[—–][^\S\n]+[^—–;:\"“”\n]{1,160}?[^\S\n]+[—–]|[^\S\n]*\([^()\"“”\n]{1,60}\)"
                              # and comma phrases after it ("X (55), from Cork, said": an age in brackets)
                              rf"(?:,[^\S\n]+{_PHRASE_CHAR}{{1,160}}?(?:,[^\S\n]+{_PHRASE_CHAR}{{1,160}}?)?,)?"
                              # the medium or an action, with no commas ("X in a newspaper column argues", "X in
                              # passing the motion to the chamber said")
                              rf"|[^\S\n]+(?:in|on)[^\S\n]+{MEDIUM_OR_TIME_PATTERN}"
                              r"|[^\S\n]+(?:in|while|after|when|on)[^\S\n]+(?!being|having)[a-z]+ing\b[^,;:\"“”\n]{0,60}?"
                              # where the person works or comes from ("Dr. Jo Wolf at Saint Brendan's said", "Jo Low
                              # from the opposition camp said", "Jo Bear of the tribal heritage office told"; not
                              # "at a meeting", "at which"); after a description, apposed_name keeps it in ("a source
                              # with knowledge of the talks")
                              rf"|[^\S\n]+(?:{_WORKPLACE_WORDS})[^\S\n]+(?:the[^\S\n]+|(?=[A-Z]))(?:[\w\-’'.]+[^\S\n]+){{0,5}}?"
                              r"[\w\-’'.]+"
                              # a source's terms ("an official speaking on condition of anonymity said", "who
                              # asked not to be named"): the subject before them speaks
                              r"|[^\S\n]+(?:speaking|talking|who[^\S\n]+(?:spoke|asked|requested))[^\S\n]+"
                              r"(?:on|under|not)\b[^,;:\"“”\n]{1,60}?"
                              # how the writer came by the source, not who wrote it ("A memo seen by this newspaper
                              # says", "an official contacted by AFP said", "a note taped to the door read"): the
                              # subject before it speaks
                              rf"|[^\S\n]+(?:{'|'.join(REACHED_PARTICIPLES)})[^\S\n]+(?:by|to|on|in|at|from|through|last|"
                              rf"this|earlier)\b{_PARTICIPLE_PHRASE}"
                              # ... or put out, with no author named ("a letter sent to the paper last week claims")
                              rf"|[^\S\n]+(?:{'|'.join(AUTHORING_PARTICIPLES)})[^\S\n]+(?:to|on|in|at|last|this|earlier)\b"
                              rf"(?![^,;:\"“”\n]{{0,60}}?\bby\b){_PARTICIPLE_PHRASE})?")
# A subject with one apposition, for reported speech: with no quote mark to anchor it, a chain of commas is as
# likely the reported content ("Next year's adjustment, or COLA, will be 5.9%, the agency said").
# An apposition holds no "said" or "told": in "Tom Hale, a plumber, said the cuts had added an hour", "a plumber" after
# a lead "Tom Hale," with the apposition ", said the cuts" would make "added" the cue.
REPORTED_SUBJECT_PATTERN = _SUBJECT + r"(?P<appos>,[^\S\n]+(?:(?!\b(?:said|says|told|tells)\b)[^,;:\"“”]){1,160}?,?)?"
# A mention ends at punctuation, the end, or a time/place phrase ("said Fogels.", "said X on Tuesday").
MENTION_END = (r"(?=[^\S\n]*(?:[,.;:!?)(]|$)"
               r"|[^\S\n]+[-–—][^\S\n]+(?:who|a|an|the|his|her)\b"  # "says Joe Leuer - who worked there"
               r"|[^\S\n]+(?:on|in|at|of|from|with|who|and|for|during|after|before|when|while|"
               r"last|this|yesterday|today|tonight|earlier|late|as|[a-z]{2,}ly)\b"  # "said Jo Hale angrily"
               # whom the words were said to ("said Bolden to the crowd"; not "Coils to Locs", a name)
               r"|[^\S\n]+to[^\S\n]+(?:the|a|an|his|her|their|its|reporters|journalists)\b)")
# The object of "told" belongs to the cue as written ("told Sputnik", "told reporters"), with the medium a name
# describes ("told the Qatar-based channel", "told the BBC programme"; not "told Reuters on Monday").
_TOLD_MEDIA = ("channel", "network", "broadcaster", "station", "newspaper", "paper", "daily", "tabloid", "weekly",
               "magazine", "agency", "website", "site", "programme", "program", "show", "outlet", "radio", "television")
_OBJECT = (rf"(?P<obj>(?:(?<=told)|(?<=tells)|(?<=tell)|(?<=telling))[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?"
           rf"(?:{NAME_PATTERN}(?:[^\S\n]+(?:{'|'.join(_TOLD_MEDIA)})\b)?|(?!that\b)[a-z]+))?")
CUE_GROUP_PATTERN = rf"(?P<cue>\b{CUE_PATTERN}\b){_OBJECT}"
# A group as a source after a preposition ("according to U.S. officials", "to people familiar with the talks"): up to
# two modifiers, a plural person noun, what it knows or where it works; the name of a body is no group.
_SOURCE_GROUP_PATTERN = (rf"(?:(?:(?:[A-Z]\.){{2,}}|[A-Za-z][\w\-]*)[^\S\n]+){{0,2}}?"
                         rf"(?:{alternation(sorted(PLURAL_PERSON_NOUNS))})\b(?![^\S\n]+[A-Z])"
                         rf"(?:{KNOWLEDGE_PATTERN}|[^\S\n]+(?:at|from|with)[^\S\n]+(?:the[^\S\n]+)?{NAME_PATTERN})?")
# "according to X": a named source, a description, or a group ("two people familiar with the matter", "U.S. officials")
ACCORDING_PATTERN = (rf"(?P<cue>\b[Aa]ccording[^\S\n]+to\b)[^\S\n]+(?P<subj>{QUANTIFIED_GROUP_PATTERN}|"
                     rf"{_SOURCE_GROUP_PATTERN}|"
                     rf"(?:{ROLE_PREFIX_PATTERN}){NAME_PATTERN}(?![.\-’']?\w){MENTION_END}|{ROLE_NOUN_PATTERN}|\b(?:him|her)\b)")



_WORKPLACE = re.compile(rf"[^\S\n]+(?:{_WORKPLACE_WORDS})[^\S\n]")  # the workplace phrase of SUBJECT_PATTERN


def apposed_name(m: re.Match) -> tuple[str, int]:
    """The speaker of a subject match and its offset: the subject, or the full name apposed to a description
    (`Her spokesman, Bill McAllister, said`: the name speaks)."""
    subject, appos = m.group("subj"), m.groupdict().get("appos")
    cue = m.groupdict().get("cue") or ""
    if appos and _WORKPLACE.match(appos) and parse_mention(subject).kind != "person":
        return subject + appos, m.start("subj")  # "Researchers from Ostwick University": the description goes on
    bracket = _BRACKET_THEN_COMMA.match(appos or "")
    if bracket and (parse_mention(subject).kind in ("role", "org") or subject.split()[0].lower() in DETERMINERS):
        # "The general secretary of the union (the RMT), Mick Cash, said": a bracket, then the apposed name
        offset = bracket.end()
        return _apposed_to_role(subject, appos[offset:], m.start("appos") + offset) or (subject, m.start("subj"))
    if appos and not appos.startswith(","):
        return subject, m.start("subj")  # a dashed or bracketed aside: the subject before it speaks
    if appos and cue.split()[:1] and cue.split()[0].endswith("ing"):
        # A participle cue takes the subject of the clause before it: in `If ..., Ross would have been shocked,
        # telling a reporter, "..."` the comma phrase holding a verb is that clause, no apposition.
        last = appos.rstrip().rstrip(",").rsplit(",", 1)[1]
        own = _CLAUSE_SUBJECT.match(last.strip())
        if own and parse_mention(own.group("subj")).kind in ("person", "pronoun"):
            return own.group("subj"), m.start("appos") + appos.rindex(last) + len(last) - len(last.lstrip())
    if appos and not appos.rstrip().endswith(","):
        # No comma before the cue: the last comma phrase runs into the verb, so it is the subject and the words
        # before it a fronted phrase (`Referencing the 2005 scandal, Kelly also blasted:`), not an apposition.
        last = appos.rsplit(",", 1)[1]
        own = _LONE_SUBJECT.fullmatch(last.strip())
        # after a fronted phrase that names no speaker ("In Rio Grande, residents said") any speaker is the subject
        kinds = ("person", "pronoun") if parse_mention(subject).kind != "unknown" else ("person", "pronoun", "role", "org")
        named = _TRAILING_NAME.search(subject)
        before = subject[:named.start()].split()[-1:] if named else []
        if before and (before[0].lower() in _OBJECT_LEADS or before[0].endswith(("ing", "ed"))):
            named = None  # "Speaking to Tom Hale, the senator said": the name is an object
        if own and parse_mention(own.group("subj")).kind == "role" and named \
                and (person := parse_mention(named.group(0))).kind == "person" and len(person.name.split()) >= 2:
            # "In the blog post Chris Wright, the chief technology officer of Red Hat said": the role is the name's
            # apposition, the name after the fronted phrase speaks
            return person.name, m.start("subj") + subject.rindex(person.name)
        if own and parse_mention(own.group("subj")).kind in kinds:
            return own.group("subj"), m.start("appos") + appos.rindex(last) + len(last) - len(last.lstrip())
    if appos and (parse_mention(subject).kind in ("role", "org") or subject.split()[0].lower() in DETERMINERS):
        # `Her spokesman, Bill McAllister, said`, `the candidate, regional official Jo Park, said`: the name speaks
        apposed = _apposed_to_role(subject, appos, m.start("appos"))
        if apposed:
            return apposed
    return subject, m.start("subj")


_BRACKET_THEN_COMMA = re.compile(r"[^\S\n]*\([^()]*\)(?=,)")
# A role owned by a person or body and nothing after it ("His opponent", "Przybylski's wife", "The group's chief
# executive"): one name apposed to it is the person (not "A spokesman in the capital, Kyiv,", "The minister, Labour,").
_KIN_OR_OWN_ROLE = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|(?:[Tt]he[^\S\n]+)?[\w\-]+[’']s)(?:[^\S\n]+[a-z][\w\-]*){1,3}")
_OBJECT_LEADS = frozenset("to with by for from at of about on in against into than like as and or".split())
_TRAILING_NAME = re.compile(r"(?:[A-Z][\w’'.\-]*[^\S\n]+)+[A-Z][\w’'.\-]*$")


# The writer of the text a blog or paper speaks through, in an aside ("The blog, in a post by Edward Hutcheson, said").
_POST_BY = re.compile(rf"(?:in|on)[^\S\n]+(?:an?|the|its|their)[^\S\n]+(?:[\w\-]+[^\S\n]+)?(?:post|article|column|"
                      rf"op-ed|piece|essay|entry|editorial)[^\S\n]+by[^\S\n]+(?P<name>{NAME_PATTERN})")


def _apposed_to_role(subject: str, appos: str, at: int) -> tuple[str, int] | None:
    """The person named in the first comma phrase of ``appos`` after a description ``subject`` and its offset:
    a full name, or one name after a person's role ("His opponent, Biden,"; not "The company, Acme,"), or the writer
    of the post it speaks through ("The blog, in a post by Edward Hutcheson,")."""
    phrase = appos.strip(", ").split(",")[0]
    by = _POST_BY.fullmatch(phrase)
    if by and parse_mention(by.group("name")).kind == "person":
        return by.group("name"), at + appos.index(phrase) + by.start("name")
    apposed = _MENTION_RE.fullmatch(phrase)  # "the prosecutor, Mark Tedeschi, QC,"
    mention = parse_mention(apposed.group(0)) if apposed else None
    if mention and mention.kind == "person" and mention.name and mention.name in appos and (
            len(mention.name.split()) >= 2 or mention.name == apposed.group(0) and mention.name.isalpha()
            and _KIN_OR_OWN_ROLE.fullmatch(subject)
            and _head_noun(subject.lower().split()) in ROLE_WORDS | PERSON_NOUNS):
        return mention.name, at + appos.index(mention.name)
    return None


_OPENER = re.compile(rf"(?:{'|'.join(sorted(SENTENCE_OPENERS))}|and|but)[^\S\n]+(?=\S)"  # "and Ann Lee" in a clause
                     # a place phrase with no comma before the subject: "In Parliament the Communist Party said"
                     rf"|(?:{'|'.join(sorted(PLACE_PREPOSITIONS))})[^\S\n]+(?:[A-Z][\w.’'\-]*[^\S\n]+){{1,3}}"
                     rf"(?=(?:the|a|an)[^\S\n])")


def without_opener(subject: str, start: int) -> tuple[str, int]:
    """A subject and its offset without the conjunction, adverb or place phrase opening its sentence, when a speaker
    follows ("As Cole noted": Cole; "But a spokesperson for Acme said": a spokesperson for Acme; "In Athens the
    party said": the party)."""
    opener = _OPENER.match(subject)
    if opener and parse_mention(subject[opener.end():]).kind != "unknown":
        return subject[opener.end():], start + opener.end()
    return subject, start


@dataclass(frozen=True)
class Mention:
    """A speaker mention as written, split into name and role; kind person|org|pronoun|role|unknown."""

    text: str
    name: str | None
    role: str | None
    kind: str


def _clean_token(tok: str) -> str:
    """A token without trailing possessive or comma."""
    tok = tok.rstrip(",;:")
    for suffix in ("’s", "'s"):
        if tok.endswith(suffix):
            tok = tok[: -len(suffix)]
    return tok


# Endings that make a capitalised hyphenated word an adjective ("Oscar-winning", "London-based"), not a name.
ADJECTIVE_SUFFIXES = ("-winning", "-nominated", "-based", "-born", "-led", "-backed", "-owned", "-run", "-style",
                      "-era", "-made", "-funded", "-linked", "-affiliated", "-bound", "-focused", "-related",
                      "-friendly", "-leaning", "-appointed", "-controlled", "-allied", "-educated", "-trained",
                      "-raised", "-bred")
# Endings of occupation nouns that title a name ("Psychologist", "Physician", "Photographer") though no table lists
# them; names rarely end so.
OCCUPATION_SUFFIXES = ("ologist", "ist", "ician", "ographer")
_OCCUPATION_MIN_CHARS = 7
_SURNAME_ISTS = ("qvist", "kvist", "quist")  # "Lindqvist", "Bergkvist", "Almquist": Nordic surnames, not trades
_SPACED_HYPHEN = re.compile(r"(?<=\w)[^\S\n]+([-–])[^\S\n]+(?=[A-Z])")


_HYPHENED_TOKEN = re.compile(f"{_HYPHENED}|{_ELIDED}")  # a name's word opened in lower case


def is_role_word(low: str) -> bool:
    """True for a role word (lower case), roles joined by a hyphen ("writer-director", "singer-actress"), or a role
    with a rank before it ("vice-chancellor", "co-chair", "ex-minister")."""
    return low in ROLE_WORDS or "-" in low and (all(part in ROLE_WORDS for part in low.split("-")) or (
        low.split("-", 1)[0] in _ROLE_RANKS and low.split("-", 1)[1] in ROLE_WORDS) or _kin(low) in ROLE_WORDS)


_ROLE_RANKS = frozenset("vice co ex deputy".split())  # "vice-chancellor", "co-chair", "ex-minister", "deputy-mayor"
_KIN_DEGREE = re.compile(r"^(?:great-)+|^(?:step|half)-|-in-law$")  # "great-grandfather", "half-brother", "son-in-law"


def _kin(word: str) -> str:
    """The kin word a compound of degree is made on ("great-great-aunt" -> "aunt", "sister-in-law" -> "sister")."""
    return _KIN_DEGREE.sub("", word)


def _is_name_token(tok: str) -> bool:
    """True for a capitalised word that can belong to a person's name."""
    low = tok.lower()
    if _HYPHENED_TOKEN.fullmatch(tok):
        return True  # "al-Kaabi", "d'Estaing"
    if not tok[:1].isupper() or is_role_word(low) or low in NON_NAME_WORDS or low.endswith(ADJECTIVE_SUFFIXES):
        return False
    if low.endswith("s") and low[:-1] in _PERSON_TITLES:
        return False  # "Vice Presidents", "Ministers": the plural of an office, no one's name
    if len(low) >= _OCCUPATION_MIN_CHARS and low.endswith(OCCUPATION_SUFFIXES) and not low.endswith(_SURNAME_ISTS):
        return False  # "Psychologist Mara Quinn", "Economist Jo Lee": an occupation, by its ending
    return not (tok.isupper() and len(tok) > 1 and "." not in tok and len(tok) <= 4)  # UN, US, EU, NATO


_WEB_ADDRESS = re.compile(_WEB)
_HANDLE = re.compile(HANDLE)
# An unnamed person described by whom they speak for or belong to, the other one named after "for", "of" or "to"
# ("a spokesperson for Sen. Tom Hale", "an aide to Jo Marsh", "the lawyer for Acme").
_SPEAKS_FOR = re.compile(r"^(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){0,2}?(?:%s)[^\S\n]+"
                         r"(?:for|of|to)[^\S\n]+(?:the[^\S\n]+)?[A-Z]"
                         % "|".join(sorted(w for w in ROLE_WORDS | PERSON_NOUNS if w.isalpha())))


# A possessive role with the name after it: "the campaign's spokeswoman Jo Marsh", "Acme's chief executive Ann Lee".
_POSSESSIVE_ROLE_NAME = re.compile(r"(?P<role>.+?[’']s(?:[^\S\n]+[a-z][\w\-]*)*[^\S\n]+(?P<head>[a-z][\w\-]*))[^\S\n]+"
                                   r"(?P<name>[A-Z][\w’'.\-]*(?:[^\S\n]+[A-Z][\w’'.\-]*){1,3})")
# A capitalised owner, then a full name: "Labour's Tom Hale" (parse_mention keeps the name when its first word is a
# given name of the names table: "Trump's Mar-a-Lago" is a place).
_OWNER_NAME = re.compile(r"(?P<owner>[A-Z][\w.\-]*(?:[^\S\n]+[A-Z][\w.\-]*){0,3}[’']s)[^\S\n]+"
                         rf"(?P<name>[A-Z][\w’'.\-]*(?:[^\S\n]+(?:(?:{_PARTICLE})[^\S\n]+)*[A-Z][\w’'.\-]*){{1,2}})")
_CONTRACTED_PRONOUN = re.compile(r"([Ii]|[Yy]ou|[Ww]e|[Tt]hey|[Hh]e|[Ss]he|[Ii]t)[’'](ve|ll|re|d|m|s)")
_POSSESSIVE = re.compile(r"\w[’']s\b")
_NAMED_TEXT_WORDS = 3  # capitalised words of a body's name that ends in a text's word ("British Geological Survey")
# Lower-case words between a text's author and its noun that say what kind of text it is ("an AEW press release"), not
# whose ("a Biden campaign release" is the campaign's)
# Participles that open a phrase about another's words before the sentence's subject ("Quoting Lincoln, the senator")
_FRONTED_PARTICIPLES = frozenset("Quoting Citing Paraphrasing Echoing Referring Responding Reacting Addressing".split())
# Capitalised words that open a sentence without naming anyone: prepositions, subordinators, openers, and participles
# and adjectives that lead a phrase ("Continuing claims", "Published estimates", "Former President X").
_OPENING_WORDS = FRONTED_PREPOSITIONS | PLACE_PREPOSITIONS | SUBORDINATORS | SENTENCE_OPENERS | frozenset(
    "Continuing Published Former Latter Following Including Regarding Concerning Considering Excluding Additionally "
    "Moreover Furthermore".split())
_TEXT_MODIFIERS = frozenset("press news official joint written".split())
_BODY_TEXT_WORDS = frozenset({"survey"})  # a text's word ending bodies' names ("Geological Survey", "Ordnance Survey")
# A body named with its possessor: a capitalised owner ("Italy's", "New Zealand's"), not "The" ("The People's Bank of
# China" is one name), or a description ("the country's").
_OWNED_BODY = re.compile(r"(?:(?P<generic>[Tt]he[^\S\n]+(?:[a-z]+[^\S\n]+)?[a-z]+[’']s)"
                         r"|(?P<named>[Tt]he[^\S\n]+[A-Z]\w*[’']s)"
                         r"|(?P<owner>(?!The\b)[A-Z][\w.\-]*(?:[^\S\n]+[A-Z][\w.\-]*){0,2}[’']s))"
                         r"[^\S\n]+(?P<body>[A-Z][\w.\-]*(?:[^\S\n]+(?:of|for|and|on|the|[A-Z][\w.\-]*))*)")
# A name of letters and numbers, as a disease, a virus or a machine is coded ("COVID-19", "H5N1", "MH17-A"); not a
# firm's ("3M", "7-Eleven", "G7").
_CODE_NAME = re.compile(r"[A-Za-z]+-\d+[A-Za-z\d]*|[A-Za-z]+\d+[A-Za-z]+\d+[A-Za-z\d]*")
# A subject that denies anyone spoke ("None of the candidates besides X admitted", "Neither A nor B said", "No official
# would say"): no one's words; not "No. 10 said" (Downing Street).
_NO_ONE = re.compile(r"(?i:none|neither|nobody|no[^\S\n]+one|not[^\S\n]+(?:one|a[^\S\n]+single))\b.*|No[^\S\n]+[a-z].*")
_PLACE_MODIFIER = re.compile(r"[A-Z][\w.]*-[a-z][\w\-]*")  # "Ohio-based", "Kremlin-backed": an adjective, no name
# The same adjective ending in a participle ("State-run", "Saudi-owned"), not a name with a lower-case part
# ("Osman-aga")
_PARTICIPLE_MODIFIER = re.compile(r"[A-Z][\w.]*-(?:[a-z][\w\-]*ed|run|born|made|built|held)")
_BARE_DESCRIPTION_WORDS = 2  # "police", "Zoo officials": a description with no article is this short
_ACRONYM = re.compile(r"[A-Z]{2,}|(?:[A-Z]\.){2,}")  # "ACLU", "FBI", "U.N."


_GROUP_OWNERS = frozenset("women men children people workers".split())  # "Women's Collective", "People's Bank"
_INNER_PREPOSITION = re.compile(r"\b(?:of|in|on|at|for|with|about|from|to)\b")  # "the absence of the word in Biden's"
_COUNTED_HEADS = frozenset("one some many several most all two three four few none each".split())  # "one of his uncles"
_NUMBER_WORDS = frozenset(w for w, n in NUMBER_WORDS.items() if 2 <= n <= 10)  # "Two said": no one's name


_SPEAKING_NOUNS = ROLE_WORDS | PERSON_NOUNS | ORG_HEADS  # their plurals by "-s" or "-es" speak too ("coaches")
_SPEAKING_HEADS = _SPEAKING_NOUNS | PLURAL_PERSON_NOUNS | ORG_WORDS | DOCUMENT_NOUNS | AUTHORED_TEXTS
_NOT_NAME_PARTS = ORG_WORDS | ROLE_WORDS | NON_NAME_WORDS  # a body's, a role's or a common word: no given name or surname


def _speaking_head(word: str) -> bool:
    """Whether a description's last word may name who speaks: a person, a role, a body, a group or a text."""
    word = word.lower().strip(".,")
    return word in _SPEAKING_HEADS or _is_agent_noun(word) \
        or any(word.endswith(end) and word[:-len(end)] in _SPEAKING_NOUNS for end in ("s", "es"))


# A time, not a speaker: "this past Sunday", "last week", "early Tuesday morning".
_TIME_MENTION = re.compile(rf"(?:(?:[Tt]his|[Ll]ast|[Nn]ext|[Pp]ast|[Cc]oming|[Ee]arly|[Ll]ate)[^\S\n]+)*"
                           rf"(?:{'|'.join(WEEKDAYS)}|week|weekend|"
                           rf"month|year|morning|afternoon|evening|night)(?:[^\S\n]+(?:morning|afternoon|evening|night))?")


_ACRONYM_WORD = re.compile(r"[A-Z]{3,6}")  # "ISO", "ERCOT", "PJM": a body's letters


@lru_cache(maxsize=4096)
def parse_mention(text: str) -> Mention:
    """Split a speaker mention into name and role: "Russian President Vladimir Putin" -> (Vladimir Putin, Russian President).
    A person's name holding a body's letters is the body's ("California ISO", "PJM Interconnection"), unless a given
    name opens it ("Jean DUPONT", a surname in capitals)."""
    mention = _parse_mention(text)
    if mention.kind != "person" or not mention.name:
        return mention
    words = mention.name.split()
    if mention.role and _ACRONYM_WORD.fullmatch(mention.role) and mention.role.lower() not in ROLE_WORDS \
            and len(words) == 1 and words[0].lower() not in ROLE_WORDS:
        return Mention(mention.text, f"{mention.role} {mention.name}", None, "org")  # "PJM Interconnection"
    if len(words) >= 2 and given_name_gender(words[0]) is None and any(
            _ACRONYM_WORD.fullmatch(w) and w.lower() not in ROLE_WORDS for w in words):
        return Mention(mention.text, mention.name, None, "org")
    return mention


def _parse_mention(text: str) -> Mention:
    """parse_mention's reading of the words, before a body's letters are looked for."""
    text = " ".join(text.split()).strip(" ,")
    if not text:
        return Mention(text, None, None, "unknown")
    if _TIME_MENTION.fullmatch(text) or _PARTICIPLE_MODIFIER.fullmatch(text) or _CODE_NAME.fullmatch(text) \
            or _NO_ONE.fullmatch(text):
        # "last week"; "State-run", "Ohio-based" alone: an adjective; "COVID-19", "H5N1", "F-35": a code, no one;
        # "None of them": no one
        return Mention(text, None, None, "unknown")
    if text in PRONOUNS or text in PLURAL_PRONOUNS or text.lower() in ("i", "we", "they", "it") \
            or text in ("him", "her"):  # "According to him"
        return Mention(text, None, None, "pronoun")
    contracted = _CONTRACTED_PRONOUN.fullmatch(text)
    if contracted:
        # "He'd said", "You've accused": the pronoun, as it resolves; "She's expected to", "They're" (is, are): no
        # subject of a cue
        return parse_mention(contracted.group(1)) if contracted.group(2) in ("ve", "ll", "d") \
            else Mention(text, None, None, "unknown")
    if _WEB_ADDRESS.fullmatch(text) and is_host_name(text.replace(" ", "")):
        return Mention(text, text, None, "org")  # "TMZ.com reported", "Politico.eu said": an outlet
    document = _DOCUMENT_FROM.match(text)
    if document:
        # "a statement from Waitrose", "the letter from the Indian government": its author speaks.
        author = parse_mention(document.group("author"))
        if author.kind in ("person", "org"):
            return Mention(text, author.name, author.role, author.kind)
    named = [w for w in text.split() if w not in ("The", "the")]
    if len(named) >= _NAMED_TEXT_WORDS and all(w.istitle() for w in named) and named[-1].lower() in _BODY_TEXT_WORDS \
            and named[-2].lower() not in ORG_WORDS and not _ACRONYM.fullmatch(named[-2]) \
            and parse_mention(" ".join(named[:-1])).kind != "person":
        # "the United States Geological Survey", "the British Geological Survey": a body whose name ends in a text's
        # word, not a text of the body before it ("the Warren Commission Survey"), nor a person's ("the Ann Lee
        # Survey")
        return Mention(text, " ".join(named), None, "org")
    words = text.split()
    if len(words) > 1 and words[-1] in ("and", "or", "but"):
        # "Linda referred to her sister's death and told the paper": the end of the first verb's object, no subject
        return Mention(text, None, None, "unknown")
    named_to = next((k for k in range(1, len(words) - 1) if not words[k][:1].isupper()), len(words) - 1)
    if len(words) >= 3 and words[0].lower() in ("a", "an", "the") and words[-1].lower() in DOCUMENT_NOUNS | AUTHORED_TEXTS \
            and named_to > 1 and all(w in _TEXT_MODIFIERS for w in words[named_to:-1]):
        # "a Defence Ministry statement", "the White House memo", "an AEW press release": its author speaks, as in "a
        # statement from X"
        author = parse_mention(" ".join(words[1:named_to]))
        if named_to == 2 and words[1].lower() in NATION_ADJECTIVES:
            # "A Chinese official statement", "the Indian statement": no one named, the text speaks as written
            return Mention(text, None, None, "role")
        if author.kind in ("person", "org"):
            return Mention(text, author.name, author.role, author.kind)
    owned = _OWNED_BODY.fullmatch(text)
    if owned and _head_noun(owned.group("body").lower().split()) in ORG_WORDS - PLACE_WORDS:
        # "Russia's Defence Ministry", "Germany's Robert Koch Institute": the body, whose it is its role (one name
        # with or without it); "the country's Ministry of Health": the body, the possessor naming no one
        if owned.group("named"):
            return Mention(text, text[4:], None, "org")  # "The People's Bank of China": one name
        if owned.group("owner") and is_generic_body(owned.group("body")):
            # "Turkey's Defence Ministry": a body every country or firm has is named by its owner too, or the
            # ministries of two countries would be one speaker
            return Mention(text, text, None, "org")
        return Mention(text, owned.group("body"), owned.group("owner"), "org")
    appended = _POSSESSIVE_ROLE_NAME.fullmatch(text)
    if appended and appended.group("head").lower() in ROLE_WORDS | PERSON_NOUNS:
        # "the campaign's spokeswoman Jo Marsh": the named person, titled by the role
        inner = parse_mention(appended.group("name"))
        if inner.kind == "person" and len(inner.name.split()) >= 2:
            return Mention(text, inner.name, appended.group("role"), "person")
    owned = _OWNER_NAME.fullmatch(text)
    if owned and (owned.group("name").split()[0].lower() in FIRST_NAME_GENDERS
                  or any(w in NAME_PARTICLES for w in owned.group("name").split())):  # "Spain's Luis de la Fuente"
        # "Labour's Tom Hale", "Acme's Ann Lee": a person of a body or place, the owner no part of the name
        inner = parse_mention(owned.group("name"))
        if inner.kind == "person":
            return Mention(text, inner.name, inner.role or owned.group("owner"), "person")
    if re.search(r"[’']s [a-z]", text) or _SPEAKS_FOR.match(text) \
            or _POSSESSIVE.search(text) and words[-1].lower() in DOCUMENT_NOUNS | AUTHORED_TEXTS:
        # "Reid's rep", "RIAA's DMCA notice", "a spokesperson for Sen. Tom Hale": someone or something speaking for a
        # named person or body, not that person; not when its last word names no one who speaks ("Wednesday's strike
        # grounded flights", "The absence of the word in Biden's public")
        cut = re.search(r"[’']s ", text)
        owner, owned = (text[:cut.start()], text[cut.end():]) if cut else (text, "")
        inner = _INNER_PREPOSITION.search(owner)
        heads = owner[:inner.start()].split() if inner else []  # "a person familiar (with ...)", "one (of ...)"
        if not _SPEAKS_FOR.match(text) and not _speaking_head(words[-1]) and (
                any(w.endswith("ed") for w in owned.split()[1:])  # "strike grounded flights"; not "estranged cousin"
                or heads and not any(_speaking_head(w) or w.lower() in _COUNTED_HEADS for w in heads)):
            return Mention(text, None, None, "unknown")
        return Mention(text, None, None, "role")
    # "Strauss - Kahn" is one token; a leading "and" is no part of a name.
    raw = _SPACED_HYPHEN.sub("\x00\\1\x00", text).split(" ")
    tokens = [_clean_token(t).replace("\x00", " ") for t in raw]
    # "Spain's": an owner, no part of a name (but "Women's" and "People's" open a body's: "Ogoni Women's Collective")
    owners = {k for k, t in enumerate(raw) if t.rstrip(",;:").endswith(("'s", "’s"))
              and t.rstrip(",;:")[:-2].lower() not in _GROUP_OWNERS}
    if len(tokens) > 1 and (tokens[0] in FRONTED_PREPOSITIONS | SUBORDINATORS and tokens[1][:1].islower()
                            and (tokens[1].endswith(("ing", "ed")) or tokens[1] in DETERMINERS)
                            or tokens[0] in _FRONTED_PARTICIPLES):
        # "After meeting Tom Hale", "When asked", "In a statement", "Quoting Lincoln": a fronted phrase, not "After
        # trust member X"
        return Mention(text, None, None, "unknown")
    if len(tokens) > 2 and tokens[0].lower() in ("a", "an") and tokens[1].isalpha() and tokens[1].islower() \
            and tokens[2].lower() in ("the", "a", "an"):
        # "a policy the state (expects ...)": a noun and a relative clause of another subject, no speaker
        return Mention(text, None, None, "unknown")
    while len(tokens) > 1 and (tokens[0] in SENTENCE_OPENERS or tokens[0] == "and"
                               or tokens[0][:1].isupper() and is_adverb(tokens[0])):
        tokens = tokens[1:]  # "But Andrew Bacevich", "Ironically Nichols"
    if len(tokens) > 1 and tokens[0].istitle() and is_trade(tokens[0].lower()) and tokens[1][:1].isupper() \
            and (traded := parse_mention(" ".join(tokens[1:]))).name and traded.kind in ("person", "org"):
        # "Drugmaker Pfizer said" opening a sentence: the trade, as in "said drugmaker Pfizer", no part of the name
        kind = "org" if tokens[0].lower() in _BODY_TRADES else traded.kind
        return Mention(text, traded.name, traded.role or tokens[0].lower(), kind)
    to_at = tokens.index("to", 1) if "to" in tokens[1:-1] else 0
    if to_at and tokens[to_at - 1] in _TO_BODIES and all(t[:1].isupper() for t in tokens[to_at + 1:]) \
            and all(t[:1].isupper() for t in tokens[1:to_at]):
        # "The Committee to Protect Journalists": a body named with its purpose, not a person after "to"
        return Mention(text, " ".join(tokens).removeprefix("The "), None, "org")
    trade_at = next((k for k in range(len(tokens) - 1, 0, -1) if tokens[k - 1].islower()), 0)
    if trade_at and tokens[trade_at - 1] in _MEDIA_TRADES \
            and all(t[:1].isupper() or _HYPHENED_TOKEN.fullmatch(t) for t in tokens[trade_at:]) \
            and not _POSSESSIVE.search(text) \
            and not any(t.lower() in ROLE_WORDS or t.lower() in FIRST_NAME_GENDERS for t in tokens[trade_at:]):
        # "news agency Reuters", "state broadcaster CCTV", "German magazine Der Spiegel": a body introduced by its
        # trade, which is no part of its name
        return Mention(text, " ".join(tokens[trade_at:]).removeprefix("The "), None, "org")
    if len(tokens) >= 3 and tokens[-2] == "No." and tokens[-1].isdigit() \
            and " ".join(tokens[:-2]).lower() in ROLE_WORDS | PERSON_NOUNS:
        # "Juror No. 12", "Witness No. 3": a person the text names by number
        return Mention(text, " ".join(tokens), None, "person")
    if _HANDLE.fullmatch(tokens[-1]):
        # "Twitter user @jdoe", "LiveJournal user i_l_d": the account speaks, by its handle; the words before it say
        # whose account it is
        role = " ".join(t for t in tokens[:-1] if t.lower() not in ("the", "a", "an")) or None
        return Mention(text, tokens[-1], role, "person")
    if len(tokens) > 1 and (tokens[0] in FRONTED_PREPOSITIONS and tokens[1][:1].islower()
                            or tokens[0] in PLACE_PREPOSITIONS | SUBORDINATORS):
        # "In a statement released Friday", "In Rio Grande", "If Trump" (not "Under Armour"): a fronted phrase
        return Mention(text, None, None, "unknown")
    if len(tokens) > 2 and tokens[0].lower() in PLURAL_PERSON_NOUNS \
            and tokens[1] in ("at", "from", "with", "inside", "within") \
            + _KNOWLEDGE_WORDS or len(tokens) > 3 and tokens[0].lower() in PARTY_PLURALS and tokens[1] in ("on", "in") \
            and tokens[2] == "the":
        # "economists at Acme Bank", "people familiar with the matter", "Republicans on the committee": people of a
        # body or in the know, unnamed
        return Mention(text, None, None, "role")
    if _QUANTIFIED_GROUP.fullmatch(" ".join(tokens)):
        return Mention(text, None, None, "role")  # "Some Republicans", "several analysts": unnamed people
    if len(tokens) >= 2 and tokens[0].lower() == "the" and tokens[-1].lower() in PARTY_NOUNS:
        return Mention(text, None, None, "role")  # "the Texas Republican", "the 81-year-old Democrat"
    if len(tokens) >= 2 and tokens[0].lower() == "the" and _ACRONYM.fullmatch(tokens[-1]) \
            and tokens[-1].lower() not in ROLE_WORDS and all(t[:1].isupper() for t in tokens[1:]):
        # "the ACLU", "the NAACP", "the U.N.", "the Texas GOP": a body, never a person
        return Mention(text, " ".join(tokens[1:]), None, "org")
    if len(tokens) == 1 and tokens[0][:1].isupper():
        low = tokens[0].lower()
        if is_adverb(low) or low in DOCUMENT_NOUNS or tokens[0] in _OPENING_WORDS:
            # "Unfortunately", "Reports", "Despite", "Continuing (claims)", "Published (estimates)": nobody
            return Mention(text, None, None, "unknown")
        if low in PERSON_NOUNS or low in ROLE_WORDS and low.endswith("s") or low in PLURAL_PERSON_NOUNS \
                or low.endswith("s") and low[:-1] in ORG_WORDS | ORG_HEADS or low in _NUMBER_WORDS:
            # "Officials", "Witnesses", "Scientists", "Two": unnamed people; "Unions", "Banks": unnamed bodies
            return Mention(text, None, None, "role")
    titled = next((k for k in range(len(tokens) - 3, 0, -1) if tokens[k].endswith(".")
                   and tokens[k][:-1].lower() in TITLE_ABBREVIATIONS), None)
    lead = 1 if tokens[0].lower() in ("the", "a", "an") else 0
    if titled is not None and 2 <= len(tokens) - titled - 1 <= 4 and all(
            _is_name_token(t) or t in NAME_PARTICLES for t in tokens[titled + 1:]) and all(
            t[:1].isupper() or t in _BODY_NAME_LINKS or t in ROLE_WORDS for t in tokens[lead:titled]):
        # "Joint Chiefs of Staff Chair Gen. Mark Milley", "the Defense Department spokesman Lt. Col. Ray Diaz": an
        # office, then an abbreviated title and the name (not "including ... Gen. Mark Milley")
        return Mention(text, " ".join(tokens[titled + 1:]), " ".join(tokens[lead:titled + 1]), "person")
    of_at = tokens.index("of", 2) if "of" in tokens[2:] else None  # the first "of" past the first two words
    if of_at is not None and _is_name_token(tokens[of_at - 1]) and (
            _is_name_token(tokens[of_at - 2]) or tokens[of_at - 2] in NAME_PARTICLES):
        # "Rep. Michael McCaul of Texas", "Crown Prince Ali bin Omar of Qatar": a person from a place; the place is no
        # part of the name.
        inner = parse_mention(" ".join(tokens[:of_at]))
        if inner.kind == "person":
            return Mention(text, inner.name, inner.role, "person")
    if len(tokens) > 3 and tokens[0].lower() == "the" and of_at is not None \
            and tokens[of_at - 1].lower() in ROLE_WORDS \
            and not any(t.lower() in ORG_HEADS or t.lower() in ORG_WORDS for t in tokens[1:of_at]):
        # "the Chief Technology Officer of Red Hat": a role, not a body (as "the Directorate General of X" is)
        return Mention(text, None, None, "role")
    if len(tokens) > 1 and tokens[0].lower() == "the" and (tokens[-1].islower() or tokens[-1].isupper()) \
            and tokens[-1].lower() in ROLE_WORDS:
        return Mention(text, None, None, "role")  # "the Pentagon chief", "the Navy chief", "the Conservative MP"
    if len(tokens) == 2 and tokens[0].lower() == "the" and tokens[1].istitle() and tokens[1].lower() in _PERSON_TITLES:
        return Mention(text, None, None, "role")  # "the King", "The President": a title, not "Jo King"'s surname
    if all(t.lower() in NON_NAME_WORDS for t in tokens) and not (len(tokens) == 2 and tokens[0].lower() in DETERMINERS
                                                                and tokens[1].lower() in DOCUMENT_NOUNS):
        return Mention(text, None, None, "unknown")  # "It", "This", "But"
    if tokens[0].lower() in DETERMINERS and len(tokens) > 1 and not any(t[:1].isupper() and not _PLACE_MODIFIER.fullmatch(t)
                                                                        for t in tokens[1:]):
        if tokens[0].lower() == "the" and len(tokens) > 2 and tokens[-1].lower() in ORG_WORDS:
            return Mention(text, " ".join(tokens[1:]), None, "org")  # "the interior ministry"
        head = _head_noun([t.lower() for t in tokens[1:]])
        if _AGE_EPITHET.fullmatch(" ".join(tokens)):
            return Mention(text, None, None, "role")  # "the 38-year-old (herder)": a person, by the age given
        if not is_role_word(head) and head not in PERSON_NOUNS and head not in ORG_WORDS and head not in ORG_HEADS \
                and head not in PLURAL_PERSON_NOUNS and head not in DOCUMENT_NOUNS \
                and not (tokens[0].lower() in ("a", "an", "one", "another") and _is_agent_noun(head)) \
                and not (tokens[0].lower() == "the" and len(tokens) <= _DEFINITE_AGENT_WORDS
                         and _is_person_agent(head)):
            return Mention(text, None, None, "unknown")  # "a bad kebab said": not a speaker
        return Mention(text, None, None, "role")
    if tokens[0].lower() in ("a", "an", "another") and len(tokens) > 2 and tokens[1].islower() \
            and tokens[-1].islower() \
            and (is_role_word(tokens[-1]) or tokens[-1] in PERSON_NOUNS or _is_person_agent(tokens[-1])):
        # "an unnamed Harris campaign staffer": someone unnamed, described before the name of the body or person the
        # description holds ("a Home Office spokesperson" speaks for the body it names, below)
        return Mention(text, None, None, "role")
    if _is_nation_epithet(tokens):
        return Mention(text, None, None, "role")  # "the Kenyan": a person, by nationality
    at = tokens.index("in", 1) if "in" in tokens[1:-1] else 0
    if at:
        # "a nurse in London", "the embassy in Paris", "health officials in the county": what follows "in" is where
        # the speaker is, never who; a named person stays the one named, a body is named with its seat, a person
        # noun stays unnamed ("their trust in Biden", "Voters put their trust in Biden" are no descriptions)
        speaker = parse_mention(" ".join(tokens[:at]))
        head = _head_noun([t.lower() for t in tokens[:at]])
        if speaker.kind == "person" and (speaker.role or len(speaker.name.split()) > 1):
            return Mention(text, speaker.name, speaker.role, "person")  # "Sen. Tom Hale in Ohio", not "Brexit in ..."
        lead = tokens[0].lower()
        if lead in ("the", "a", "an") or at <= _BARE_DESCRIPTION_WORDS and lead not in DETERMINERS:
            if head in ORG_HEADS or head in ORG_WORDS:
                return Mention(text, " ".join(tokens[1:] if lead == "the" else tokens), None, "org")
            if head in ROLE_WORDS | PERSON_NOUNS | PLURAL_PERSON_NOUNS or _is_agent_noun(head):
                return Mention(text, None, None, "role")
    if tokens[-1][:1].isupper() and tokens[-1].lower() in _EVENT_WORDS \
            and not (len(tokens) > 1 and tokens[-2].lower() in FIRST_NAME_GENDERS):  # "Tom Games" is a person
        run = len(tokens)
        while run > 0 and tokens[run - 1][:1].isupper() and tokens[run - 1].lower() not in DETERMINERS:
            run -= 1
        return Mention(text, " ".join(tokens[run:]), None, "org")  # "the opening of Harbor Arts Week"
    # Read right to left: the name is the longest tail of name tokens (at most four, initials included).
    i = len(tokens)
    # The last capitalised word is a name even when it is also a role word ("Billy King", "Rafael General").
    if tokens[-1][:1].isupper() and (tokens[-1].lower() not in NON_NAME_WORDS or tokens[-1].lower() in MONTH_NAMES) \
            and len(tokens) > 1 and (
            _is_name_token(tokens[-2]) or tokens[-2][:1].isupper() and tokens[-2].lower() not in ROLE_WORDS):
        i -= 1  # a month's name too, after a given name: "Rhona May", "Brian May"
    while i > 0 and sum(t not in NAME_PARTICLES for t in tokens[i:]) < 4 \
            and (i - 1 not in owners or i == len(tokens)):  # "Rogelio Ramírez de la Vega": 4 words; "said Spain's
        # Luis de la Fuente": the owner is no part of the name
        if _is_name_token(tokens[i - 1]) or i < len(tokens) and tokens[i - 1].lower() in MONTH_NAMES \
                and tokens[i - 1].istitle():
            i -= 1  # a month's name before a name is a given name: "Jan Vik", "April Ode"
        elif i < len(tokens) and (tokens[i - 1] in NAME_PARTICLES or tokens[i - 1] == "des" and i == len(tokens) - 1
                                  and (i == 2 or given_name_gender(tokens[i - 2]) is not None)):
            # "Bill de Blasio", "Ursula von der Leyen", "Mayor de Blasio": lower-case particles inside a name, or
            # opening it after a title; "des" only between a given name and the surname ("Laurence des Cars", not
            # "der Präsident des Verbands")
            j = i - 1
            while j > 0 and tokens[j - 1] in NAME_PARTICLES:
                j -= 1
            if j > 0 and _is_name_token(tokens[j - 1]):
                i = j - 1
            elif j > 0 and tokens[j - 1][:1].isupper() and tokens[j - 1].lower() in ROLE_WORDS:
                i = j
                break
            else:
                break
        else:
            break
    name_tokens = tokens[i:]
    if len(name_tokens) >= 3 and name_tokens[0].istitle() and _is_person_agent(name_tokens[0].lower()) \
            and name_tokens[0].lower() not in FIRST_NAME_GENDERS \
            and (name_tokens[1].lower() in FIRST_NAME_GENDERS or any(map(HYPHENATED_GIVEN_NAME.fullmatch,
                                                                       name_tokens[2:]))):
        # "Archer Kim So-yeon returns", "Baker Tom Hale": a trade opening a headline or sentence before a full name
        # (a known given name, or a family name and a hyphenated given name after it) is the person's role
        i += 1
        name_tokens = tokens[i:]
    if len(name_tokens) >= 2 and name_tokens[0].isupper() and name_tokens[0].lower() in FIRST_NAME_GENDERS \
            and name_tokens[-1].istitle():
        # "KELLY Marsh has hit back ...": a story's first word in capitals, a given name as the name writes it
        name_tokens = [name_tokens[0].capitalize()] + name_tokens[1:]
    titled_body = _titled_body_end(tokens)
    if titled_body:
        # "CEO of the Refugee Council Enver Solomon", "head of the Indonesian State Intelligence Agency Budi
        # Gunawan", "Governor of the Bank of England Andrew Bailey": a title of a body whose name ends in a body's word
        # (and its place), then the person's name
        return Mention(text, " ".join(tokens[titled_body:]), " ".join(tokens[:titled_body]), "person")
    if i > 0 and tokens[i - 1] in ("from", "at") and i < len(tokens):
        head = _head_noun([t.lower() for t in tokens[:i - 1]])
        if tokens[0].lower() in DETERMINERS and (head in ROLE_WORDS or head in PLURAL_PERSON_NOUNS) \
                and head not in ORG_WORDS:
            return Mention(text, None, None, "role")  # "the Democratic senator from Ohio": a person, unnamed here
        return Mention(text, " ".join(name_tokens), None, "org")  # "a statement from Waitrose"
    if len(name_tokens) >= 3 and name_tokens[0].lower() not in FIRST_NAME_GENDERS and "of" in tokens[:i] \
            and tokens[i - 1] == "and" and any(t.lower() in ROLE_WORDS for t in tokens[:tokens.index("of")]):
        # "Secretary of Health and Human Services Tommy Thompson": the end of the office's name, then a given name
        # and the surname
        return Mention(text, " ".join(name_tokens[-2:]), " ".join(tokens[:len(tokens) - 2]), "person")
    # "of the European Commission": a body named with its article, then a known given name ("Secretary General of the
    # Andean Community Wagner" names a surname only)
    link = i - 2 if i > 2 and tokens[i - 1] == "the" else i - 1
    # the person's given name: the last capitalised word but one, particles skipped ("Ursula von der Leyen")
    given = max((k for k, t in enumerate(name_tokens[:-1]) if t not in NAME_PARTICLES), default=-1)
    if link > 0 and tokens[link] in ("for", "of") and tokens[link - 1].lower() in ROLE_WORDS and given >= 1 \
            and name_tokens[given][:1].isupper() \
            and (link == i - 1 or name_tokens[given].lower() in FIRST_NAME_GENDERS) \
            and name_tokens[given].lower() not in _NOT_NAME_PARTS \
            and name_tokens[-1][:1].isupper() and name_tokens[-1].lower() not in ORG_WORDS | NON_NAME_WORDS:
        # "U.S. Attorney for Ohio Jo Hale", "First Minister of Harlan Morag Dunleavy", "director of Amnesty
        # International Man-kei Ode", "President of the European Commission Ursula von der Leyen": the title's place or
        # body, then a given name and the surname
        cut = len(tokens) - (len(name_tokens) - given)
        return Mention(text, " ".join(tokens[cut:]), " ".join(tokens[:cut]), "person")
    if i > 1 and tokens[i - 1] == "The" and all(t.islower() for t in tokens[:i - 1]) \
            and tokens[i - 2] in ORG_HEADS | ORG_WORDS:
        return Mention(text, " ".join(name_tokens), None, "org")  # "trade magazine The Hollywood Reporter"
    if i > 0 and (tokens[i - 1][:1].isupper() and tokens[i - 1].lower() in NON_NAME_WORDS
                  and not (i == 1 and tokens[0].lower() in ("the", "a", "an"))
                  or tokens[i - 1] in ("of", "for", "at", "from") or tokens[i - 2:i] == ["of", "the"]
                  or i > 1 and tokens[i - 1] == "on" and tokens[i - 2] in _ON_BODIES):
        # "Saturday Night Live", "The Hague Tribunal", "the Church of the Nativity": a capitalised title the name
        # cannot be cut out of.
        return Mention(text, " ".join(tokens), None, "org")
    if i > 0 and _ORDINAL.fullmatch(tokens[i - 1]):
        return Mention(text, " ".join(name_tokens), None, "org")  # "the 86th Oscars": an event, never a person
    role_tokens = list(tokens[:i])
    if [t.lower() for t in role_tokens] == ["the"] and name_tokens[0].lower() not in FIRST_NAME_GENDERS:
        # "The Mizen", "The Harlow Gazette": a person's name takes no article; a venue, paper or body does
        return Mention(text, " ".join(name_tokens), None, "org")
    if role_tokens and any(t in CLAUSE_WORDS for t in role_tokens):
        role_tokens = []  # "in cybersecurity between Russia": a clause before a name, not a role
    while role_tokens and role_tokens[-1].lower() in ("and", "of", "for", "the"):
        role_tokens.pop()
    while role_tokens and role_tokens[0].lower() in ("the", "a", "an"):
        role_tokens.pop(0)
    role = " ".join(role_tokens) or None
    if not name_tokens:
        # "The White House", "Police", "The ministry": an organisation or a role noun; "The Eastern Conference
        # standings" or "The Indian warship" end in a common noun that speaks for no one.
        core = _without_article(tokens)
        last = tokens[-1].lower()
        if tokens[-1].islower() and last in PLURAL_PERSON_NOUNS and last not in ORG_WORDS:
            return Mention(text, None, None, "role")  # "Zoo officials", "White House aides": people, unnamed
        if tokens[-1].islower() and last not in ORG_WORDS and last not in ROLE_WORDS and last not in PERSON_NOUNS:
            return Mention(text, None, None, "unknown")
        kind = "org" if any(t.lower() in ORG_WORDS for t in tokens) or core[:1].isupper() else "role"
        return Mention(text, core if kind == "org" else None, None, kind)
    name = " ".join(name_tokens)
    if any(t.lower().rstrip("s") in ORG_WORDS for t in tokens) and any(t in ("and", "for", "of") for t in role_tokens) \
            and not (role_tokens[-1].lower() in ROLE_WORDS | PERSON_NOUNS and (
                role_tokens[-1].islower() or len(name_tokens) >= 2 and not name_tokens[-1].isupper()
                and not any(t.lower() in ORG_WORDS for t in name_tokens)
                and all(t[:1].isupper() or t in ("of", "and", "for", "the") for t in role_tokens)
                and (role_tokens[-1].lower() in _PERSON_TITLES or role_tokens[-1].lower().endswith(("or", "er"))))):
        # "the Centers for Disease Control and Prevention": one organisation, not a person called "Prevention"; but a
        # title before the name makes a person of the body ("Department of Justice spokesman Ed Carr", "Office of
        # Fiscal Planning and Budget Director Ana Reyes").
        return Mention(text, _without_article(tokens), None, "org")
    titled = any(t[:1].isupper() and t.lower() in ROLE_WORDS and t.lower() not in _PORTFOLIOS for t in role_tokens) \
        or name_tokens[0].lower() in FIRST_NAME_GENDERS or i > 0 and tokens[i - 1].islower() \
        and tokens[i - 1] in ROLE_WORDS | PERSON_NOUNS  # "prosecutor Dana Hill": a person, by the role
    if any(t.lower() in ORG_WORDS and t not in NAME_PARTICLES
           for t in (name_tokens[:-1] if titled and len(name_tokens) > 1 else name_tokens)) \
            and not any(HYPHENATED_GIVEN_NAME.fullmatch(t) for t in name_tokens):
        # "Liverpool Street", "Hyde Park"; but a titled person or a known given name keeps a surname that is also a
        # place word ("Senator Lia Park", "David Hill", "prosecutor Dana Hill"), and a particle is no body's word
        # ("Gareth ap Dafydd", not the agency AP).
        return Mention(text, _without_article(tokens), None, "org")
    if i > 0 and tokens[i - 1] in _BODY_NOUNS_BEFORE_NAME and f"{tokens[i - 1]} {name}" in text \
            and not (name_tokens[0].lower() in ROLE_WORDS or _is_person_agent(name_tokens[0].lower())):
        # "The group Reporters Watch", "the bank Credit Suisse": a body's name (not "The fire service's Sam Ortiz",
        # "the space agency Administrator Bill Nelson")
        return Mention(text, name, None, "org")
    if not role and name in COUNTRY_NAMES:
        return Mention(text, name, None, "org")  # "India said": its government
    return Mention(text, name, role, "person")


def generic_body_of(name: str) -> str | None:
    """The body of a name that is an owner and a body every country or firm has ("Defence Ministry" of "Turkey's
    Defence Ministry", as parse_mention names it), else None."""
    owned = _OWNED_BODY.fullmatch(name)
    return owned.group("body") if owned and owned.group("owner") and is_generic_body(owned.group("body")) else None


def is_generic_body(name: str) -> bool:
    """Whether a body's name is one that many countries or firms give a body of theirs ("Defence Ministry", "Foreign
    Office", "Board of Directors"): a body's word and only words of an office's field or links."""
    words = name.lower().split()
    return any(w in ORG_WORDS for w in words) and all(
        w in ORG_WORDS or w in _PORTFOLIOS or w in _BODY_NAME_LINKS or w in _OFFICE_FIELDS for w in words)


# Role words that name an office's field, not a person ("Defense Secretary"): before a name ending in a body's word they
# make no titled person ("the Defense Science Board" is a body).
_PORTFOLIOS = frozenset("foreign defense defence interior finance justice health state affairs disarmament".split())
# More fields of a ministry, department or board that name no one body ("the Education Ministry", "Home Office").
_OFFICE_FIELDS = frozenset("""home internal external education economy economic trade industry agriculture environment
energy transport labour labor culture information communications security emergency emergencies public national
central war welfare social immigration development science technology tourism sports youth water housing planning
directors governors trustees""".split())
_INNER_ARTICLE_LINKS = frozenset("of and for to at in on from with by under".split())


_BODY_NAME_LINKS = frozenset(("the", "of", "and", "for"))


def _titled_body_end(tokens: list[str]) -> int | None:
    """Where a person's name starts after "<title> of|for [the] <Body>" ending in a body's word ("Council", "Agency",
    "Bank of England"), if the tokens are such a title and a name of two to four words; else None."""
    body = max((k for k, t in enumerate(tokens) if t[:1].isupper() and t.lower() in ORG_WORDS), default=None)
    if body is None:
        return None
    head = body
    if body + 2 < len(tokens) and tokens[body + 1] in ("of", "for") and tokens[body + 2][:1].isupper():
        # "Bank of England", "Institute for Fiscal Studies", "Bank of St. Louis": the name opens at the last known given
        # name that leaves a surname after it; with none known, where the body ends is unknown
        given = max((k for k in range(body + 2, len(tokens) - 1) if tokens[k].lower() in FIRST_NAME_GENDERS),
                    default=None)
        if given is None:
            return None
        body = given - 1
    name = tokens[body + 1:]
    if not 2 <= sum(t not in NAME_PARTICLES for t in name) <= 4 or not name[0][:1].isupper() \
            or not all(t[:1].isupper() or t in NAME_PARTICLES for t in name) \
            or any(t.lower() in _NOT_NAME_PARTS for t in name) \
            or name[0].lower() in PLACE_WORDS:  # "the Refugee Council Kenya Programme"
        return None
    link = next((k for k in range(head - 1, 0, -1) if tokens[k] in ("of", "for")), None)
    if link is None or tokens[link - 1].lower() not in ROLE_WORDS \
            or not all(t[:1].isupper() or t in _BODY_NAME_LINKS for t in tokens[link + 1:body + 1]) \
            or tokens[body] in _BODY_NAME_LINKS:
        return None
    return body + 1


def _without_article(tokens: list[str]) -> str:
    """A body's name (or a role's description) without its leading article, or without the description or time
    phrase before an article that opens it ("Conservation organisation the Blue Marine Foundation", "half a year later
    the White House", "On May 26 the Malasaña Assembly"); an article inside a name stays ("Church of the Nativity",
    "the Israeli mission to the UN")."""
    start = next((k + 1 for k in range(1, len(tokens) - 1) if tokens[k].lower() == "the" and tokens[k + 1][:1].isupper()
                  and (tokens[k - 1].islower() or tokens[k - 1].isdigit() or tokens[k - 1] == "Both")
                  and tokens[k - 1] not in _INNER_ARTICLE_LINKS), 1 if tokens[0].lower() in ("the", "a", "an") else 0)
    # two bodies joined ("the FDA and the CDC"): each by its name
    return " ".join(t for k, t in enumerate(tokens[start:], start) if not (t == "the" and tokens[k - 1] == "and"))


def _is_nation_epithet(tokens: list[str]) -> bool:
    """"the Kenyan", "the Czech", "the 24-year-old Spaniard", "the New Zealander": one person by nationality, after
    words in lower case that describe them; not "the French", "the Chinese", "the Swiss" (a people or its
    government)."""
    if len(tokens) < 2 or tokens[0].lower() != "the" \
            or not all(t.islower() and t not in NON_NAME_WORDS for t in tokens[1:-1] if t != "New"):
        return False  # not "the assembly in Nepali"
    last = tokens[-1].lower()
    if tokens[-2] == "New":
        return last == "zealander"
    return last in NATION_NOUNS or last in NATION_ADJECTIVES and not last.endswith(("ese", "nch", "tch", "sh", "ss"))


# Endings of agent nouns that name a person by what they do ("a keeper", "a dispatcher", "one of the organisers"):
# heads no table lists.
AGENT_SUFFIXES = ("keeper", "er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents")
_MAN_NOUN = re.compile(r"[a-z]{3,}(?:wo)?m[ae]n")  # "headman", "fishermen", "camerawoman" (not "human", "omen")
_AGENT_MIN_CHARS = 5  # "other", "water" are no agents either, but they do not speak; shorter words ("her") never


def _is_agent_noun(word: str) -> bool:
    """True for a noun that names a person by what they do, by its ending ("dispatcher", "keepers", "florist")."""
    return len(word) >= _AGENT_MIN_CHARS and word.isalpha() \
        and (word.endswith(AGENT_SUFFIXES) or bool(_MAN_NOUN.fullmatch(word))) \
        and word not in DOCUMENT_NOUNS and word not in NON_NAME_WORDS


# Singular endings of a person named by what they do; after "the" only these make a description ("the jeweller",
# "the hydrologist"; not "the government", "the incident", "the occupiers"), and not the common things spelt alike.
_PERSON_AGENT_SUFFIXES = ("keeper", "er", "or", "ist", "ian", "man")  # "man": _MAN_NOUN's singular
_AGENT_LOOKALIKES = frozenset("""
number answer latter former other order letter paper water center centre border matter quarter power winter summer
counter computer chapter weather danger cancer corner river tower filter finger trailer shelter register meter
error sector factor motor mirror floor door colour color labour labor honour honor rumour rumor humour humor terror
horror interior exterior whether together rather either neither however never ever after under over
""".split())
# Agent nouns that as often name a firm or a state as a person ("the Austrian partner", "the German buyer").
_FIRM_OR_PERSON = frozenset("partner supplier buyer seller bidder owner investor operator provider member exporter "
                            "importer producer".split())
_DEFINITE_AGENT_WORDS = 4  # "the 67-year-old retired jeweller"; a longer run is a clause's subject, not a description


def _is_person_agent(word: str) -> bool:
    """True for a singular agent noun that names a person ("jeweller", "teenager", "shopkeeper", "comedian"), not a
    body named by its trade ("the newspaper", "the chipmaker", "the insurer")."""
    return _is_agent_noun(word) and word.endswith(_PERSON_AGENT_SUFFIXES) and word not in _AGENT_LOOKALIKES \
        and not word.endswith(tuple(ORG_HEADS))


# A body's noun right before a name makes it the body's ("the group Ilog Natin"); not a noun of a trade, which may be a
# person's ("developer Irena Kowal"), nor a role.
_BODY_NOUNS_BEFORE_NAME = frozenset(w for w in ORG_HEADS if not _is_agent_noun(w)) - ROLE_WORDS


# Words that end a noun phrase's head after it ("a man passing by", "a man outside the court") and modify it before
# it ("a passing man", "an inside source").
_AFTER_HEAD = ("near", "outside", "inside", "passing")


def _head_noun(words: list[str]) -> str:
    """The head of a noun phrase: the word before its first preposition ("friend" in "a friend of the actress"); in
    a partitive ("one of the keepers") the head of the phrase after "of"."""
    if len(words) > 1 and words[0] == "of":
        return _head_noun([w for w in words[1:] if w not in ("the", "a", "an", "his", "her", "their", "its")])
    for i, w in enumerate(words):
        if w in ("of", "for", "with", "in", "at", "from", "on", "to", "who") + _KNOWLEDGE_WORDS \
                or i and w in _AFTER_HEAD:
            return words[i - 1] if i else w
    return words[-1] if words else ""


# A capitalised word right before a cue ("Suharyanto said"), or quoted as saying ("quoted Wang as saying").
_WORD_ALONE = re.compile(r"(?<![\w’'\-])([A-Z][\w’'\-]+)(?:,[^\S\n]+\d{1,3},)?[^\S\n]+"  # "Chen said", "Chen, 49, told"
                         r"(?:said|says|told|tells|added|adds|asked|replied|wrote|"
                         r"writes)\b|\bquot(?:ed|es|ing)[^\S\n]+([A-Z][\w’'\-]+)[^\S\n]+as\b")


def _written_as_surname(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` after a capitalised word, as a surname ("Thenmozhi Arumugam")."""
    return re.search(rf"(?<![\w’'\-])[A-Z][\w’'\-]+[^\S\n]+{re.escape(word)}(?![\w’'\-])", text) is not None


def _words_alone(text: str) -> set[str]:
    """The capitalised words ``text`` writes alone as a speaker: a name's first word among them stands for the name."""
    return {m.group(1) or m.group(2) for m in _WORD_ALONE.finditer(text)}


def _inner_surnames(name: str) -> list[str]:
    """The inner words of a name of three words or more that may be a family name used alone ("Ferrándiz" in
    "Inmaculada Ferrándiz Soto"): capitalised, no initial, no particle, no known given name."""
    words = name.split()
    return [w for w in words[1:-1] if len(w) > 2 and w[:1].isupper() and not w.endswith(".")
            and w.lower() not in FIRST_NAME_GENDERS and w.lower() not in NAME_PARTICLES] if len(words) >= 3 else []


def surname_of(name: str) -> str:
    """The last word of a name that is not a generational suffix ("James Roosevelt Jr." -> "Roosevelt")."""
    parts = [p.replace("\x00", " ") for p in _SPACED_HYPHEN.sub("\x00\\1\x00", name).split()
             if p.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV")]
    return parts[-1] if parts else name


# After a mention: an apposition then a lower-case word (a verb: "Mr Steele said", "Reid, who ..., opened"); not a
# conjunction that ends the clause the name closes ("the murder of Jamal Khashoggi but did not say").
_SUBJECT_AFTER = re.compile(rf"{PARTY_BRACKET}?(?:[^\S\n]?,[^,.;:\"“”]{{1,90}})?(?:[^\S\n]?,)?"
                            r"[^\S\n]+(?!(?:but|or|nor|than)\b)[a-z]")
# Before a mention: a cue and role words ("said EDS President Kim Brace"), an inverted subject.
# The cue must follow a quote or a comma ("," said EDS President Kim Brace"): in "said he backed King", King is
# the object of another verb.
# The agent of a reporting phrase speaks as surely ("as noted by dietitian X", "according to X"): a later "she said"
# refers to X.
_CUE_BEFORE = re.compile(rf"(?:[,\"”’»][^\S\n]*\b{CUE_PATTERN}|\b[Aa]ccording[^\S\n]+to|\b[Aa]s[^\S\n]+{CUE_PATTERN}"
                         rf"[^\S\n]+by)[^\S\n]+(?:(?!(?:he|she|they|it|we|that)\b)[\w.\-’']+[^\S\n]+){{0,5}}$")
# A lower-case word right before a mention that makes it an object ("Bush lauded Rumsfeld", "Owen says Palmer"):
# any lower-case word except conjunctions, role words and clause openers that a subject may follow.
_OBJECT_BEFORE = re.compile(r"(?<![\w’'\-])([a-z][\w’'\-]*)[^\S\n]+$")
_OBJECT_PREPOSITIONS = frozenset("with to for by from at about against toward towards like than into onto upon "
                                 "between among".split())
IRREGULAR_PASTS = frozenset("told met saw hit beat led sent gave took named chose fought made spoke went came".split())
# Irregular verb forms that, right before a name, make it an object ("Bush met Putin", "had taken Okafor off").
_OBJECT_MAKING_FORMS = IRREGULAR_PASTS | frozenset("taken given seen beaten chosen shown thrown drawn driven kept left "
                                                   "brought bought caught taught found held paid lost sold won".split())
_IS_CONTRACTED = frozenset("it that what there here who he she let".split())  # "it's", "let's": no possessives
_REPORTED_CLAUSE_LEADS = frozenset(("said",))  # a cue that opens a reported clause right before its subject
# Relative words that open a clause after the main one ("agreed to a deal under which X became prime minister"): its
# subject speaks for that clause, but is no sentence subject a later "he" prefers.
_RELATIVE_LEADS = frozenset("which whom whereby".split())
# A subordinate clause after its main one, up to its subject ("... days after he and his wife X had"); not one opening
# the sentence ("When X arrived, she said").
_SUBORDINATE_BEFORE = re.compile(r"(?<=[a-z,][^\S\n])(?:after|before|when|while|because|since|until|although|though|"
                                 r"whereas|once)[^\S\n]+(?:(?:he|she|they|[A-Z][\w’'\-.]*)[^\S\n]+and[^\S\n]+)?$")
_SENTENCE_OPENING = re.compile(r"(?:^|(?<=[.!?\n])[\"”’]?)[^\S\n]*(?=[A-Z])")  # where a sentence starts
_DESCRIBED_WORDS = 3  # how far into a sentence an epithet by age may start ("The ex-wife's 38-year-old brother")


def _after_described_subject(text: str, at: int) -> bool:
    """Whether the name at ``at`` is the subject of a subordinate clause whose sentence opens with an epithet by age
    ("The 38-year-old reality TV regular hit out at the royal days after he and his wife X had ..."): such an epithet
    stands for a person the story named before, the one a later "she" stands for, not X. Not after a thing ("The
    timeline was published after X raised a point of order. She said": X), nor after a role, which may be anyone's
    ("The minister left after X raised a point. She said")."""
    sub = _SUBORDINATE_BEFORE.search(text, max(0, at - 40), at)
    if sub is None:
        return False
    opening = None
    for opening in _SENTENCE_OPENING.finditer(text, max(0, sub.start() - SENTENCE_CHARS), sub.start()):
        pass
    if opening is None:
        return False
    words = text[opening.end():sub.start()].split()[:_DESCRIBED_WORDS]
    return words[:1] == ["The"] and any(_AGE_WORD.fullmatch(w) for w in words[1:])


_AGE_WORD = re.compile(r"\d{1,3}-year-old")
# A topic phrase opening a sentence ("As for Farid, she ...", "In Farid's case, she ..."): the pronoun after it is
# that person, as a subject's would be.
_TOPIC_BEFORE = re.compile(r"(?:^|(?<=[.!?\n]))[^\S\n]*(?:As[^\S\n]+for|In)[^\S\n]+$")
_TOPIC_AFTER = re.compile(r"(?:[’']s[^\S\n]+case)?,[^\S\n]+(?:he|she)\b")
# A cue and comma right before a name: "And, Ortiz added, Hale promised ...": the name opens the reported clause, so
# a later "he said" prefers the one who spoke.
_CUE_COMMA_BEFORE = re.compile(rf"\b{CUE_PATTERN},[^\S\n]+$")


def _is_transitive_verb(word: str) -> bool:
    """A lower-case word that, right before a name, makes it the object ("lauded", "says", "told"); cues and
    role or person nouns ("spokesman", "officials") excluded, prepositions ("of Page") kept as they were. A
    possessive ("the fire service's Sam Ortiz", "the crews' Sam Ortiz", the detached "s" of "service ’ s") is no
    verb: the name it leads is the subject it would be without it."""
    if word in ROLE_WORDS or word in PERSON_NOUNS or word in ("was", "is", "has", "as", "us", "his", "its", "s") \
            or _POSSESSIVE.search(word) and word[:-2] not in _IS_CONTRACTED or word.endswith(("s’", "s'")):
        return False
    if word in _OBJECT_PREPOSITIONS:
        return True  # "photographed with Hefner at ...": the object of a preposition
    return word in _OBJECT_MAKING_FORMS or word.endswith(("ed", "es")) or (word.endswith("s") and not word.endswith("ss"))
# Words ending in "ing" that are no verb ("this morning Biden said").
_ING_NOUNS = frozenset("morning evening spring thing nothing something anything everything string ceiling".split())


def _is_gerund(word: str) -> bool:
    """A verb's "-ing" form right before a name, which makes it the object ("for defending Harry", "after meeting
    Putin"); not before role nouns, where the form describes the role ("managing director", "the visiting envoy")."""
    return word.endswith("ing") and len(word) > len("ing") + 1 and word not in _ING_NOUNS


_TITLE_BEFORE = re.compile(r"(?:[A-Z][\w.\-]*[^\S\n]+){1,3}$")  # capitalised title words before a name
_TITLE_CHARS = 40
_CAPITALISED = re.compile(rf"(?<![\w’'\-])[{UPPER_LETTERS}]")
_POSSESSIVE = re.compile(r"[’']s\b")
# The place a person is "of", right after the name in full ("Gov. Ron Hale of Florida", "Rep. Jo Hale of New York").
_HOME_AFTER = re.compile(r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?P<home>[A-Z][\w\-]*(?:[^\S\n]+[A-Z][\w\-]*)*)")
_ROLE_DETERMINERS = frozenset("his her their its the a an".split())
_ROLE_NOUNS_MAX = 2
_APPOSED_NOUN_BEFORE = re.compile(r"(?<![\w’'\-])([a-z][\w’'\-]*),[^\S\n]+$")  # "his wife, " before a name
# The first of two persons joined by "and", right before it ("slammed the Duke of Sussex and his wife, Meghan"): the
# word before it tells whether the second is an object too.
_CONJUNCT_BEFORE = re.compile(r"(?:the[^\S\n]+)?[A-Z][\w’'\-.]*(?:[^\S\n]+(?:of[^\S\n]+)?[A-Z][\w’'\-.]*)*"
                              r"[^\S\n]+$")


def _before_role_nouns(text: str, at: int) -> int:
    """Where the lower-case role or person nouns before a name start, with their determiner ("for his son Felix",
    "thanked party chairman X"): the word before them tells whether the name is a subject or an object."""
    start = at
    apposed = _APPOSED_NOUN_BEFORE.search(text, max(0, start - 30), start)
    if apposed and (apposed.group(1) in ROLE_WORDS or apposed.group(1) in PERSON_NOUNS):
        start = apposed.start()  # "and his wife, Meghan": the nouns the name is apposed to
    for _ in range(_ROLE_NOUNS_MAX):
        m = _OBJECT_BEFORE.search(text, max(0, start - 30), start)
        if not m or not (m.group(1) in ROLE_WORDS or m.group(1) in PERSON_NOUNS):
            break
        start = m.start()
    if start < at:
        m = _OBJECT_BEFORE.search(text, max(0, start - 30), start)
        if m and m.group(1) in _ROLE_DETERMINERS:
            start = m.start()
    return start


@dataclass
class PersonIndex:
    """The persons named in one article, with every mention's offset, for resolving later references."""

    roles: dict[str, str | None] = field(default_factory=dict)  # full name -> role
    positions: list[int] = field(default_factory=list)  # sorted mention offsets
    names: list[str] = field(default_factory=list)  # full name of the mention at the same index
    subjects: list[bool] = field(default_factory=list)  # the mention is a clause subject (centering preference)
    relative: list[bool] = field(default_factory=list)  # ... of a relative clause, which a later pronoun passes over
    genders: dict[str, str] = field(default_factory=dict)  # full name -> "m" | "f", where the text tells
    places: set[str] = field(default_factory=set)  # registered names the text uses as places ("flew to Norway")
    # one-word names nothing in the text makes a person ("Hamas said", "Israel warned"): a body or place as likely
    bare: set[str] = field(default_factory=set)
    homes: dict[str, frozenset[str]] = field(default_factory=dict)  # full name -> its place's words ("of Florida")
    parties: dict[str, str] = field(default_factory=dict)  # full name -> party noun, from "(R-Texas)" after it
    ages: dict[str, int] = field(default_factory=dict)  # full name -> the age the text gives ("Kelly Lane, 38,")
    unnamed_ages: set[int] = field(default_factory=set)  # ages of persons the text describes unnamed ("a 22-year-old man")
    # full name -> every description the text gives ("The opposition leader, Gonzalo Arrieta, a former agriculture
    # minister,": both), for a later "the former minister"
    descriptions: dict[str, list[str]] = field(default_factory=dict)
    paragraph_starts: list[int] = field(default_factory=list)  # offsets where the text's paragraphs start
    quoted_paragraphs: set[int] = field(default_factory=set)  # ... of those opened by a quote mark (a speaker's turn)
    # names built from a relative's ("Folake Ogunbiyi" for "Adewale Ogunbiyi and his wife, Folake"): their surname
    # alone stays the relative's
    relatives: set[str] = field(default_factory=set)
    # names registered with a family relation for a role ("Trump's niece Mary Trump"): a surname written alone that
    # also names someone else is that other person's
    kin: set[str] = field(default_factory=set)
    # full_name's lookup tables, filled from ``roles`` as names are added (names are never removed)
    _indexed: int = field(default=0, repr=False)
    _by_key: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _by_surname: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _by_first: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _by_initial: dict[tuple[str, int], list[tuple[str, str]]] = field(default_factory=dict, repr=False)
    _by_inner: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def add_person(self, name: str, role: str | None) -> None:
        """Register a person (full name), keeping the first role seen."""
        if name not in self.roles or (role and not self.roles[name]):
            self.roles[name] = role
        if role and role not in self.descriptions.setdefault(name, []):
            self.descriptions[name].append(role)
        if role and _kin(role.split()[-1].lower()) in KIN_WORDS:
            self.kin.add(name)

    def index_mentions(self, text: str, skip: list[tuple[int, int]] = ()) -> None:
        """Find every mention (full name or surname) of the registered persons in ``text``, outside ``skip`` spans."""
        keys: dict[str, list[str]] = {}
        self.homes, self.parties = {}, {}
        self.unnamed_ages = {int(m.group("age")) for m in _UNNAMED_AGE.finditer(text)}
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.quoted_paragraphs = {k for k in self.paragraph_starts if text[k:k + 1] in QUOTE_MARKS}
        alone = _words_alone(text)
        for name in self.roles:
            keys.setdefault(name, [name])
            surname = surname_of(name)
            if surname != name and name not in self.relatives and name not in keys.setdefault(surname, []):
                keys[surname].append(name)
            given = name.split()[0].capitalize()
            if given != surname and (given.lower() in FIRST_NAME_GENDERS or len(name.split()) == 2 and given in alone
                                     and not _written_as_surname(text, given) or name in self.relatives) \
                    and name not in keys.setdefault(given, []):
                # "Emily wrote" after "Emily Wraith"; a first word the text uses alone for the speaker, a given name
                # ("Suharyanto said" after "Suharyanto Wibisono") or a family name written first ("quoted Wang as
                # saying" after "Wang Lixin"), unless the text writes it as someone's surname too ("Arumugam said"
                # after "Thenmozhi Arumugam" and "Arumugam Periyasamy"); a relative's given name, which is how the
                # text names them ("his daughter Elif")
                keys[given].append(name)
            for inner in _inner_surnames(name):
                if name not in keys.setdefault(inner, []):
                    keys[inner].append(name)  # "Ferrándiz said" after "Inmaculada Ferrándiz Soto"
        rows = []
        last_full: dict[str, int] = {}
        # A key's first two characters -> the lengths of the keys so starting, longest first: a mention is looked up
        # by slicing the text at those lengths, so its cost does not grow with the persons sharing its first letters.
        by_lead: dict[str, list[int]] = {}
        for k in sorted(keys, key=len, reverse=True):
            lengths = by_lead.setdefault(k[:_LEAD_CHARS], [])
            if not lengths or lengths[-1] != len(k):
                lengths.append(len(k))
        skip = sorted(skip)
        next_free = 0
        for m in _CAPITALISED.finditer(text) if keys else ():
            start = m.start()
            if start < next_free:
                continue
            if _inside(skip, start):
                continue
            key = next((k for n in by_lead.get(text[start:start + _LEAD_CHARS], []) + by_lead.get(text[start], [])
                        if (k := text[start:start + n]) in keys and not text[start + n:start + n + 1].isalnum()), None)
            if key is None:
                continue
            # A surname two persons share goes to the one named in full most recently ("Franklin Roosevelt"
            # then "James Roosevelt Jr." then "Roosevelt said").
            candidates = keys[key]
            named = [(last_full[c], c) for c in candidates if c in last_full]
            if len(candidates) > 1 and not named:
                continue
            name = max(named)[1] if len(candidates) > 1 else candidates[0]
            if key != name and key == surname_of(name) and _another_given_name(text, start, name):
                continue  # "Mara Vance" is not the "Lyle Vance" registered
            end = start + len(key)
            if key == name:
                last_full[name] = start
                home = _HOME_AFTER.match(text, end)
                bracket = _PARTY_AFTER.match(text, end)
                if bracket and name not in self.parties:
                    self.parties[name] = _PARTY_LETTERS[bracket.group("party") or bracket.group("party2")]
                    state = bracket.group("state") or bracket.group("state2") or ""
                    if state and "." not in state and not state.isupper():  # "Texas", not "Tex." or "NY"
                        self.homes.setdefault(name, frozenset(state.lower().split()))
                if home and name not in self.homes:
                    self.homes[name] = frozenset(home.group("home").lower().split())
            age = _AGE_AFTER.match(text, end) or _AGE_BEFORE.search(text, max(0, start - _AGE_CHARS), start)
            if age:
                self.ages.setdefault(name, int(age.group("age")))
            next_free = end
            title = _TITLE_BEFORE.search(text, max(0, start - _TITLE_CHARS), start)
            at = title.start() if title and all(w.lower().rstrip(".") in ROLE_WORDS or w.lower() in ROLE_WORDS
                                                for w in title.group(0).split()) else start
            named_at = at
            at = _before_role_nouns(text, at)  # "for his son Felix": the preposition or verb before the role
            lead = _OBJECT_BEFORE.search(text, max(0, at - 30), at)
            if lead and lead.group(1) == "and" and (first := _CONJUNCT_BEFORE.search(text, max(0, lead.start() - 60),
                                                                                     lead.start())):
                lead = _OBJECT_BEFORE.search(text, max(0, first.start() - 30), first.start()) or lead
            # "thanked Governor X": X is an object; "Judge Y said X had ...": X opens the reported clause, so a later
            # "he said" prefers the one who spoke (after "that" X is as often a speaker: "told CBS that X had said")
            object_position = lead is not None and (_is_transitive_verb(lead.group(1))
                                                    or lead.group(1) in _REPORTED_CLAUSE_LEADS
                                                    or at == named_at and _is_gerund(lead.group(1))) \
                or bool(_CUE_COMMA_BEFORE.search(text, max(0, at - 30), at))
            subject = not _POSSESSIVE.match(text, end) and bool(
                (_SUBJECT_AFTER.match(text, end) and not object_position)
                or _CUE_BEFORE.search(text, max(0, start - 60), start)) \
                or bool(_TOPIC_BEFORE.search(text, max(0, start - 12), start) and _TOPIC_AFTER.match(text, end))
            relative = subject and (lead is not None and lead.group(1) in _RELATIVE_LEADS
                                    or _after_described_subject(text, at))
            rows.append((start, name, subject, relative))
        rows.sort()
        self.positions = [p for p, _, _, _ in rows]
        self.names = [n for _, n, _, _ in rows]
        self.subjects = [s for _, _, s, _ in rows]
        self.relative = [r for _, _, _, r in rows]
        self._infer_genders(text, skip)
        self._find_places(text)

    def _find_places(self, text: str) -> None:
        """Names the text uses as places ("flew to Norway", "voters in Lake Orin"): written after a locative
        preposition (not as a possessive) and with nothing that makes them a person (a title, an honorific, a
        known given name, a gender told by the text). Pronouns never refer to them, nor to the bare one-word names.
        """
        self.places = set()
        persons = {name for pos, name in zip(self.positions, self.names)
                   if _PERSON_EVIDENCE_AFTER.match(text, pos + len(name) if text.startswith(name, pos)
                                                   else pos + len(surname_of(name)))}
        for pos, name in zip(self.positions, self.names):
            if name in persons:
                continue
            if name in self.places or not _LOCATIVE_BEFORE.search(text, max(0, pos - _LOCATIVE_CHARS), pos) \
                    or _POSSESSIVE.match(text, pos + len(surname_of(name)) if not text.startswith(name, pos)
                                         else pos + len(name)):
                continue
            role = self.roles.get(name) or ""
            first = name.split()[0].lower() if " " in name else ""
            if any(w[:1].isupper() for w in role.split()) or first in FIRST_NAME_GENDERS \
                    or _HONORIFIC_BEFORE.search(text, max(0, pos - HONORIFIC_CHARS), pos):
                continue
            self.places.add(name)
        honoured = {name for pos, name in zip(self.positions, self.names)
                    if _HONORIFIC_BEFORE.search(text, max(0, pos - HONORIFIC_CHARS), pos)
                    or _AGE_BEFORE.search(text, max(0, pos - _AGE_CHARS), pos)}  # "Mr", "25-year-old"
        self.bare = {name for name, role in self.roles.items() if " " not in name and not role
                     and name.lower() not in FIRST_NAME_GENDERS and name not in persons | honoured}

    def _infer_genders(self, text: str, skip) -> None:
        """Gender per person from honorifics and from the pronouns that follow it as a subject in its sentence."""
        votes: dict[str, int] = {}
        for name, role in self.roles.items():
            words = {w.lower() for w in (role or "").split()} & HONORIFICS  # not "her publicist"
            votes[name] = (len(words & MALE_WORDS) - len(words & FEMALE_WORDS)) * HONORIFIC_VOTES
            # A gendered role noun tells it as surely ("her husband, Tim", "the spokeswoman Ana Ruiz").
            head = (role or "").lower().split()[-1:] if len((role or "").split()) <= 3 else []  # not a clause
            votes[name] += HONORIFIC_VOTES * ((head[0] in MALE_NOUNS) - (head[0] in FEMALE_NOUNS)) if head else 0
        for k, (pos, name, subject) in enumerate(zip(self.positions, self.names, self.subjects)):
            honorific = _HONORIFIC_BEFORE.search(text, max(0, pos - HONORIFIC_CHARS), pos)
            if honorific:
                votes[name] = votes.get(name, 0) + (HONORIFIC_VOTES if honorific.group(1) == "Mr" else -HONORIFIC_VOTES)
            if not subject:
                continue
            end = text.find(".", pos, pos + SENTENCE_CHARS)
            end = pos + SENTENCE_CHARS if end < 0 else end
            # Pronouns after another person's mention in the sentence are as likely that person's ("Haley
            # attacked DeSantis, saying he ..."): only those before the next other person's mention vote.
            j = k + 1
            while j < len(self.names) and self.names[j] == name and self.positions[j] < end:
                j += 1
            if j < len(self.names):
                end = min(end, self.positions[j])
            # An apposition right after the name describes it through someone else ("Rob Dane, her opponent,"):
            # its possessive is that other person's, so votes start after it.
            appos = _APPOSITION_SPAN.match(text, pos + len(name) if text.startswith(name, pos) else pos)
            for m in _GENDER_WORD.finditer(text, appos.end() if appos else pos, end):
                if not _inside(skip, m.start()):
                    votes[name] = votes.get(name, 0) + (1 if m.group(0).lower() in MALE_WORDS else -1)
                    break  # the first pronoun after a subject is its own; a later one may be a new speaker's
        for name in self.roles:
            # The first name (a table of unambiguous given names) tells as surely as an honorific: a pronoun after the
            # name may be another person's ("After Ann Lee left, he declined": the main clause's subject).
            gender = given_name_gender(name.split()[0]) if " " in name else None
            if gender:
                votes[name] = votes.get(name, 0) + HONORIFIC_VOTES * (1 if gender == "m" else -1)
        self.genders = {n: ("m" if v > 0 else "f") for n, v in votes.items() if v}

    def full_name(self, name: str) -> str:
        """The registered full name a surname or name variant stands for, or the name itself."""
        self._index_names()
        key = normalise_name(name)
        # A surname of two words ("Van Dijk", "Abu Farah"), even when it came with a cue of its own: the one full
        # name that ends in it
        longer = [n for n in self._by_surname.get(key.split()[-1], ()) if normalise_name(n).endswith(" " + key)] \
            if " " in key and key.split()[0] not in FIRST_NAME_GENDERS else []  # "Maria Garcia" is a name of her own
        if name in self.roles:
            return longer[0] if len(set(longer)) == 1 else name
        hits = list(self._by_key.get(key, ()))
        if " " not in key:  # a surname alone, hyphened too ("Al-Farah"): normalise_name keeps it one word
            hits += self._by_surname.get(key, ())
        elif not hits:
            hits = longer
        if not hits and " " not in key and key:
            hits = list(self._by_inner.get(key, ()))  # the first of two family names ("Ferrándiz" in "... Ferrándiz Soto")
        if not hits and " " not in key and key:
            # A given name ("Emily" -> "Emily Wraith", "her mum Ami" -> "Ami Caton") or, in a name of three words or
            # more, a family name written first ("Mr Ng" -> "Ng Yat Chung"), then a misspelt surname ("Tinsely" -> "Dylan Tinsley": same
            # initial, edit distance <= 2 on a surname of five letters or more).
            hits = list(self._by_first.get(key, ()))
            if not hits and len(key) >= _MIN_TYPO_SURNAME:
                hits = [n for size in range(len(key) - _TYPO_EDITS, len(key) + _TYPO_EDITS + 1)
                        for surname, n in self._by_initial.get((key[0], size), ()) if _near_surname(surname, key)]
        if len(set(hits)) > 1:
            hits = self._beside_kin(set(hits)) or hits
        return hits[0] if len(set(hits)) == 1 else name

    def _beside_kin(self, hits: set[str]) -> list[str]:
        """[the one person of ``hits`` the text holds no relative of another, when the text names that person more
        often than each relative] ("Trump" beside "Trump's niece Mary Trump", named once), else []: a relative the
        text names as often speaks as likely ("His son, T.J. DiLeo, ... "my dad is ready," DiLeo said")."""
        main = [n for n in hits if n not in self.kin]
        if len(main) != 1:
            return []
        named = Counter(self.names)
        return main if all(named[main[0]] > named[k] for k in hits - set(main)) else []

    def _index_names(self) -> None:
        """Index the registered names not indexed yet by normalised form, surname, first word (of two or more)
        and surname initial and length, so each lookup costs the same however many persons an article names."""
        if len(self.roles) == self._indexed:
            return  # nothing registered since the last call: most lookups
        names = list(self.roles)
        for n in names[self._indexed:]:
            key = normalise_name(n)
            words = key.split()
            if not words:
                continue  # initials only ("J. R. K."): no key a surname could match
            self._by_key.setdefault(key, []).append(n)
            if n not in self.relatives:
                self._by_surname.setdefault(words[-1], []).append(n)
            if len(words) >= 2:
                self._by_first.setdefault(words[0], []).append(n)
                self._by_initial.setdefault((words[-1][0], len(words[-1])), []).append((words[-1], n))
            for inner in _inner_surnames(n):
                self._by_inner.setdefault(normalise_name(inner), []).append(n)
        self._indexed = len(names)

    def subject_between(self, start: int, end: int) -> bool:
        """True when a person is mentioned as a clause subject between offsets ``start`` and ``end``."""
        i = bisect.bisect_left(self.positions, start)
        while i < len(self.positions) and self.positions[i] < end:
            if self.subjects[i]:
                return True
            i += 1
        return False

    def mark_speakers(self, spans: list[tuple[int, int]]) -> None:
        """Make the mentions inside ``spans`` (where a cue credits a person with words) clause subjects."""
        for start, end in spans:
            i = bisect.bisect_left(self.positions, start)
            while i < len(self.positions) and self.positions[i] < end:
                self.subjects[i], self.relative[i] = True, False
                i += 1

    def most_named(self, pos: int) -> str | None:
        """The person named before ``pos`` more often than anyone else, and more than once: whom a story is about."""
        top = Counter(self.names[:bisect.bisect_left(self.positions, pos)]).most_common(2) + [(None, 0)] * 2
        return top[0][0] if top[0][1] > max(1, top[1][1]) else None

    def named_between(self, start: int, end: int) -> set[str]:
        """The persons mentioned between two offsets."""
        return set(self.names[bisect.bisect_left(self.positions, start):bisect.bisect_left(self.positions, end)])

    def last_mention(self, name: str | None, pos: int) -> int | None:
        """Offset of the latest mention of ``name`` before ``pos``, or None."""
        i = bisect.bisect_left(self.positions, pos)
        while i > 0:
            i -= 1
            if self.names[i] == name:
                return self.positions[i]
        return None

    def party_member(self, pos: int, party: str, place: set[str]) -> str | None:
        """The latest person before ``pos`` the text makes a member of ``party`` (a party noun: by the role, "Republican
        Sen. X", or a bracket, "X (R-Texas)"), whose place, where the text ties one, holds ``place``; with none, the
        latest clause subject whose party the text does not tell, as a reporter's epithet for the one just quoted."""
        fallback = None
        i = bisect.bisect_left(self.positions, pos)
        while i > 0:
            i -= 1
            name = self.names[i]
            home = self.homes.get(name)
            if name in self.places or place and home and place - home:
                continue
            member = self.parties.get(name) or next((p for p in self._role_parties(name)), None)
            if member == party:
                return name
            if member is None and self.subjects[i] and fallback is None:
                fallback = name
        return fallback

    def _role_parties(self, name: str) -> list[str]:
        """The party nouns a person's role names ("Republican Sen." -> ["republican"])."""
        words = ("democrat" if w == "democratic" else w for w in (self.roles.get(name) or "").lower().split())
        return [w for w in words if w in PARTY_NOUNS]

    def of_age(self, pos: int, age: int) -> str | None:
        """The latest person before ``pos`` whom the text gives ``age`` ("Kelly Lane, 38," for "the 38-year-old")."""
        i = bisect.bisect_left(self.positions, pos)
        return next((self.names[j] for j in range(i - 1, -1, -1) if self.ages.get(self.names[j]) == age), None)

    def only_unaged(self, pos: int) -> str | None:
        """The person an age epithet at ``pos`` stands for, of those whose age the text does not give: the one named
        so far, or the one named earlier in its paragraph ("For Marisol Quintero, who runs a laundry, ... "...," the
        41-year-old said"), or in the paragraph before when its own names no one."""
        i = bisect.bisect_left(self.positions, pos)

        def named_since(start: int) -> set[str]:  # the persons named from ``start`` up to ``pos``
            return set(self.names[bisect.bisect_left(self.positions, start):i])

        named = named_since(0) - self.ages.keys()
        if len(named) == 1:
            return named.pop()
        at = bisect.bisect_right(self.paragraph_starts, pos) - 1 if self.paragraph_starts else 0
        here = named_since(self.paragraph_starts[at] if self.paragraph_starts else 0)
        if not here and at > 0:
            # a quote's paragraph that names no one goes on about the paragraph before ("Mensah, who had not slept,
            # said ...", then ""...," the 21-year-old said."), blank lines aside
            before = at - 1
            while before > 0 and self.paragraph_starts[before + 1] - self.paragraph_starts[before] <= 1:
                before -= 1
            if self.paragraph_starts[before] not in self.quoted_paragraphs:  # after a turn, the other may answer
                here = named_since(self.paragraph_starts[before])
        here -= self.ages.keys()
        return here.pop() if len(here) == 1 else None

    def recent(self, pos: int, role_words: tuple[str, ...] = (), gender: str | None = None) -> str | None:
        """The person a pronoun or role noun at ``pos`` refers to: the latest matching mention before it, a clause
        subject preferred over a mention in an object or possessive (the centering preference, Grosz et al. 1995)."""
        i = bisect.bisect_left(self.positions, pos)
        fallback = None
        holds: dict[str, bool] = {}  # name -> holds the role words: a person is mentioned many times
        while i > 0:
            i -= 1
            name = self.names[i]
            if role_words:
                if name not in holds:
                    described = " ".join(self.descriptions.get(name) or [self.roles.get(name) or ""]).lower()
                    holds[name] = all(_holds_title(described, w) for w in _ranked(role_words))
                if not holds[name]:
                    if len(holds) >= len(self.roles):
                        break  # every person of the cast read and none holds the role: the earlier mentions neither
                    continue
            if gender and (self.genders.get(name, gender) != gender or name in self.places or name in self.bare):
                continue
            if self.subjects[i] and not self.relative[i] or role_words:
                return name
            fallback = fallback or name
        return fallback


# A capitalised word and one space right before a surname; a sentence end (or a line start) right before that word.
_WORD_BEFORE = re.compile(r"(?<![\w’'.\-])[A-Z][a-z][\w’'\-]*[^\S\n]$")
_SENTENCE_END_BEFORE = re.compile(r"(?:[.!?][\"”’]?[^\S\n]+|\n[^\S\n]*)$")
_WORD_BEFORE_CHARS = 40


def _another_given_name(text: str, start: int, name: str) -> bool:
    """Whether the surname at ``start`` follows a given name other than ``name``'s: a capitalised word that can be
    part of a name (no title, initial or possessive), and a known given name or a word inside a sentence ("the
    singer Mara Vance" is another Vance than "Lyle Vance"; not "Sen. Vance", "L. Vance", "Afterwards Vance said")."""
    before = _WORD_BEFORE.search(text, max(0, start - _WORD_BEFORE_CHARS), start)
    if not before or not _is_name_token(word := before.group(0).rstrip()) or word.endswith(("'s", "’s")):
        return False  # "Ohio's Vance": an owner, no given name
    opens_sentence = before.start() == 0 or bool(_SENTENCE_END_BEFORE.search(text, max(0, before.start() - 4),
                                                                             before.start()))
    given = normalise_name(word)  # accents as the registered name's key writes them ("José" ~ "Jose")
    return given != normalise_name(name).split()[0] and (given in FIRST_NAME_GENDERS or not opens_sentence)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """True when ``pos`` lies strictly inside one of ``spans`` (sorted, not overlapping): only the span opening
    last before ``pos`` can hold it."""
    i = bisect.bisect_left(spans, (pos,))
    return i > 0 and pos < spans[i - 1][1]


# Last words of a company's name ("Brightwell Energy", "Acme Holdings", "Orbit Airlines"): "the company" stands for it.
_COMPANY_NAME_ENDINGS = ("corp", "inc", "ltd", "llc", "plc", "holdings", "industries", "enterprises", "technologies",
                         "systems", "labs", "motors", "airlines", "airways", "energy", "pharmaceuticals", "brands",
                         "foods")
_COMPANY_ENDINGS = frozenset(_COMPANY_NAME_ENDINGS)
# Words of a public body's name: a name holding one is no company, whatever it ends with ("Department of Energy").
_PUBLIC_BODY_WORDS = frozenset("department ministry office agency commission authority bureau administration council "
                               "committee court board government".split())
# Descriptions that stand for a named organisation ("the paper" -> the newspaper named before): head noun ->
# words that describe a name as such an organisation ("daily Eleftherotypia", "the Energy Department").
# A newspaper's name says what it is ("The Kathmandu Post", "The Daily Herald"): "the paper" may stand for it.
_MASTHEAD_WORDS = ("times", "post", "herald", "tribune", "gazette", "chronicle", "journal", "telegraph", "guardian",
                   "observer", "courier", "inquirer", "dispatch")
_NEWSPAPER_WORDS = ("newspaper", "daily", "paper", "tabloid", "weekly", *_MASTHEAD_WORDS)
ORG_DESCRIPTORS: dict[str, tuple[str, ...]] = {
    "paper": _NEWSPAPER_WORDS,
    "newspaper": _NEWSPAPER_WORDS,
    "daily": ("newspaper", "daily"),
    "magazine": ("magazine", "weekly", "monthly"),
    "company": ("company", "firm", "maker", "giant", "retailer", "carrier", "airline", "operator",
                *_COMPANY_NAME_ENDINGS),
    "firm": ("company", "firm", "maker", *_COMPANY_NAME_ENDINGS),
    "department": ("department",), "ministry": ("ministry",), "agency": ("agency",), "bank": ("bank",),
    "board": ("board",), "court": ("court",), "commission": ("commission",), "office": ("office",),
    "union": ("union", "guild", "federation"), "council": ("council",), "committee": ("committee",),
    "label": ("label", "records"), "broadcaster": ("broadcaster",), "network": ("network", "broadcaster", "channel"),
    "channel": ("channel", "broadcaster"),
    "tank": ("institute", "foundation", "center", "centre", "forum", "tank"),  # "the think tank"
    # "the organization", "the group": any body whose name says it is one ("Alliance of ...", "... Guild").
    **{head: ("alliance", "association", "guild", "federation", "union", "society", "foundation", "institute",
              "council", "coalition", "league", "organization", "organisation", "group", "trust", "committee",
              "club", "center", "centre", "fund", "caucus", "project", "network")
       for head in ("organization", "organisation", "group")},
}
_NAME_RE = re.compile(NAME_PATTERN)
# A name's apposition after it ("Al-Ahram, the country's largest newspaper,", "Hanbit, South Korea's second-largest
# chipmaker,"), and before it ("The port operator, Pacífico Terminales," "The union for voice actors, the Guild,").
_APPOSITION_DETERMINER = r"(?:the|a|an|(?:[A-Z][\w.\-]*[^\S\n]+){0,3}[A-Z][\w.\-]*[’']s)[^\S\n]+"
_DESCRIBED_AFTER = re.compile(rf",[^\S\n]+{_APPOSITION_DETERMINER}([^,;:.!?\"“”\n]{{1,80}}),")
_DASHED_AFTER = re.compile(rf"[^\S\n]*[—–][^\S\n]+{_APPOSITION_DETERMINER}([^,;:.!?\"“”\n—–]{{1,80}})")
_DESCRIBED_BEFORE = re.compile(r"(?:^|[.!?:]\s+|\n)(?:[Tt]he|[Aa]n?)[^\S\n]+([^,;:.!?\"“”\n]{1,80}),[^\S\n]+"
                               r"(?:the[^\S\n]+)?$")
_APPOSITION_BEFORE_CHARS = 100  # characters before a name read for a description set before it
# The kind of body after its name, after "the" ("the United Auto Workers union", "the Tass news agency"); not a kind
# that a name follows ("a Facebook group 'Say No'": the group is not Facebook), nor a nation's ("the Chinese company").
_KIND_AFTER = re.compile(r"[^\S\n]+(?:news[^\S\n]+)?([a-z]+)\b(?![^\S\n]*[A-Z\"“'‘])")
_THE_BEFORE = re.compile(r"\b[Tt]he[^\S\n]+(?:[a-z]+[^\S\n]+)?$")  # "the (striking) United Auto Workers union"
_NOT_NAMES = frozenset(DETERMINERS) | {"your", "our"}  # capitalised words opening a sentence that name no body
_MENTION_RE = re.compile(MENTION_PATTERN)


_LONGEST_ACRONYM = 10  # letters; a longer acronym is expanded by nothing


def expand_acronym(text: str, acronym: str) -> str | None:
    """The capitalised name an acronym stands for in ``text`` ("OPM" -> "Office of Personnel Management"): the first
    run of capitalised words whose initials (particles skipped) spell it."""
    return _acronym_expansions(text).get(acronym)


@lru_cache(maxsize=2)
def _acronym_expansions(text: str) -> dict[str, str]:
    """Every acronym the capitalised runs of ``text`` spell -> its first expansion: one read of the text however many
    acronyms an article holds (a read per acronym grew with the square of a long article's length)."""
    out: dict[str, str] = {}
    for m in _NAME_RE.finditer(text):
        run = m.group(0)
        # initials of the capitalised words, then also of the links between them, as some acronyms spell them
        # ("OPM": Office of Personnel Management; "PBOC": People's Bank of China, "DOJ": Department of Justice)
        capitalised = tuple(w for w in run.split() if w[:1].isupper())
        linked = tuple(w for w in run.split() if w[:1].isupper() or w in _SPELLED_LINKS)
        for words in (capitalised, linked) if linked != capitalised else (capitalised,):  # a run with no link: once
            for i in range(len(words)):
                first = run.index(words[i])
                for j in range(i + 1, min(len(words), i + _LONGEST_ACRONYM) + 1):
                    initials = "".join(w[0] for w in words[i:j]).upper()
                    if initials not in out and words[i][:1].isupper() and words[j - 1][:1].isupper():
                        out[initials] = run[first:run.rindex(words[j - 1]) + len(words[j - 1])]
    return out


_SPELLED_LINKS = ("of", "and", "for")


_SENTENCE_BEFORE_THE = re.compile(r"^.*?\.\s+(?=The\s)")  # "May. The Harlan Court": a name begins a sentence


def _body_name(run: str) -> str:
    """A capitalised run as a body's name: from the sentence it opens ("May. The Harlan Court"), without "The" (or
    "A"/"An")."""
    return _SENTENCE_BEFORE_THE.sub("", run).removeprefix("The ").removeprefix("An ").removeprefix("A ")


_NAME_GLUE = frozenset("the of for and on in".split())  # words of a body's name that tell no body from another


def _name_words(name: str) -> set[str]:
    """A body's name as a set of words, case, glue words and a plural -s aside ("State Department" ~ "Department of
    State", "United States" ~ "United State")."""
    return {w.lower().removesuffix("s") for w in name.split() if w.lower() not in _NAME_GLUE}


_LONGEST_BODY_NAME = 7  # words; a longer capitalised run is a headline, not a body's name


def fuller_body_name(text: str, name: str, person_words: set[str]) -> str | None:
    """The one longer name of ``text`` that holds every word of a body's shorter name ("State Department" -> "United
    States Department of State"), the name the story gives that body in full; None when it names none, or several
    ("Supreme Court" after the Supreme Courts of two countries). A run with a person's name or title in it ("Trump
    White House", "Lt. Ana Ruiz of the Harlan State Police"), a modifier ("Kurdish-led", "Three") or a
    headline's length names no body."""
    words = _name_words(name)
    if len(words) < 2:
        return None
    by_word = _body_runs(text)
    rarest = min(words, key=lambda w: len(by_word.get(w, ())))
    found = {run for run, run_words in by_word.get(rarest, ()) if len(run_words) > len(words) and words <= run_words
             and not any(t in person_words for t in run.split()) and _names_the_body(run, name)}
    return found.pop() if len(found) == 1 else None


def _names_the_body(run: str, name: str) -> bool:
    """Whether a longer run that holds a body's name names that body, not another one built on it: the name's words
    reordered ("Department of State") or its place after "of" ("Supreme Court of the United Kingdom"); not "United
    Nations Security Council", "Scottish Labour Party" or "People's Republic of China" for the Republic of China, nor
    "North and South Korea" (two bodies) for North Korea."""
    short = name.removeprefix("The ").removeprefix("the ")
    at = run.find(short)
    if at < 0:
        # the words in another order, unless an "and" between them joins two bodies ("North and South Korea")
        words, tokens = _name_words(short), run.split()
        held = [k for k, t in enumerate(tokens) if t.lower().removesuffix("s") in words]
        return "and" not in tokens[held[0]:held[-1]]
    return not run[:at].strip() and run[at + len(short):].strip().startswith("of ")


@lru_cache(maxsize=2)
def _body_runs(text: str) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """The capitalised runs of ``text`` that may be a body's name in full, with their words, by each of their words:
    one read of the text however many bodies speak in it, and a body's look-up reads only the runs sharing a word."""
    runs: dict[str, frozenset[str]] = {}
    for m in _NAME_RE.finditer(text):
        run = _body_name(m.group(0))
        tokens = run.split()
        if len(tokens) <= _LONGEST_BODY_NAME and tokens[0].lower() not in DETERMINERS \
                and tokens[0].lower() not in NUMBER_WORDS and not any(t.endswith(".") or "-" in t for t in tokens):
            runs[run] = frozenset(_name_words(run))
    by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for run, words in runs.items():
        for w in words:
            by_word.setdefault(w, []).append((run, words))
    return by_word


POST_MODIFIER_WORDS = frozenset("of for at in from with".split())  # a description's head comes before them


# A copula right before a body's name makes it what something else is ("the only court above it is the Supreme
# Court"), not a body the story is about.
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|became|becomes)[^\S\n]+(?:the[^\S\n]+)?$")


_MAKER = "maker"
# Where a description's head noun ends: a preposition or a relative after it ("regular at the bar", "union for actors").
DESCRIPTION_ENDS = frozenset("of at in from for with on who that".split())
# ... and, for a body's description, an agent's or another relative's ("organization dedicated to", "a group which").
_HEAD_ENDS = DESCRIPTION_ENDS | {"to", "by", "which", "whose"}


def _names_kind(word: str, wanted: set[str]) -> bool:
    """Whether a descriptor word names one of the ``wanted`` kinds of body: the word itself, or a company maker of
    something ("carmaker", "drugmaker": a "maker"; never a lawmaker)."""
    return word in wanted or (word in COMPANY_MAKERS and _MAKER in wanted)


def _describes_kind(description: str, wanted: set[str]) -> bool:
    """Whether a description's head noun names one of the ``wanted`` kinds of body ("the country's largest newspaper",
    "a non-governmental organization dedicated to ...", "company developing the drug"); not a person of one ("union
    leader", "company chief executive")."""
    words = description.lower().split()
    end = next((i for i, w in enumerate(words) if w in _HEAD_ENDS or w.endswith(("ing", "ed"))), len(words))
    return end > 0 and _names_kind(words[end - 1], wanted)


def org_antecedent(text: str, pos: int, description: str) -> str | None:
    """The named organisation a description before ``pos`` stands for ("the paper" -> "Eleftherotypia" after "daily
    Eleftherotypia"; "the department" -> "Energy Department"): the latest one named within a few paragraphs, not
    as what something else is ("The Harlan District Court is the first court of appeal. The only court above it is the
    Northern Appeals Court. ... The court's summary": the district court)."""
    lowered = description.lower().split()
    if any(i > 1 and w in POST_MODIFIER_WORDS for i, w in enumerate(lowered)):
        return None  # "the department of health", "the magistrate of North Valley": the description names its own
    head = lowered[-1]
    words = ORG_DESCRIPTORS.get(head)
    # A head with no descriptors of its own stands for a body whose name holds it ("the zoo" -> "Oakland Zoo").
    own_name = not words and (head in ORG_HEADS or head in ORG_WORDS) and head not in DOCUMENT_NOUNS
    if own_name:
        words = (head,)
    if not words:
        return None
    start = max(0, pos - ANTECEDENT_CHARS)
    latest = None
    wanted = set(words)
    for m in _NAME_RE.finditer(text, start, pos):
        name = m.group(0)
        lowered = {w.lower().strip(".,") for w in name.split()}
        before = text[max(0, m.start() - DESCRIPTOR_CHARS):m.start()].lower().split()
        found = lowered & wanted
        if found and found <= _COMPANY_ENDINGS:  # "Orbit Airlines": only as its last word, of no public body
            found = found if name.split()[-1].lower().strip(".,") in found and not lowered & _PUBLIC_BODY_WORDS else set()
        first, *rest = name.split()
        if not own_name and rest and first.lower() in COMPANY_MAKERS and _names_kind(first.lower(), wanted):
            name, before = " ".join(rest), [first.lower()]  # "Drugmaker Pfizer" opening a sentence: one run
        if name.split()[0].lower() in FIRST_NAME_GENDERS:
            continue  # a person's name ("Tom Hale, a lawmaker,"), whatever describes it
        # Each way of naming the body's kind is read only when the ones before it did not (regexes, per name).
        if (found and len(lowered) > 1) or (not own_name and before and _names_kind(before[-1], wanted)) \
                or ((described := _DESCRIBED_AFTER.match(text, m.end()))  # "Al-Ahram, the country's largest daily,"
                    and _names_kind(_head_noun(described.group(1).lower().split()), wanted)) \
                or ((dashed := _DASHED_AFTER.match(text, m.end()))  # "the Green Belt Movement — a ... organization"
                    and _describes_kind(dashed.group(1), wanted)) \
                or (not own_name and (kind_after := _KIND_AFTER.match(text, m.end()))
                    and kind_after.group(1) in wanted - _COMPANY_ENDINGS
                    and _THE_BEFORE.search(text, max(0, m.start() - DESCRIPTOR_CHARS), m.start())
                    and not lowered & (_NOT_NAMES | NATION_ADJECTIVES)) \
                or (not own_name and text.startswith(",", m.end())
                    and (set_before := _DESCRIBED_BEFORE.search(
                        text, max(0, m.start() - _APPOSITION_BEFORE_CHARS), m.start()))
                    and _describes_kind(set_before.group(1), wanted)):
            if _COPULA_BEFORE.search(text, max(0, m.start() - DESCRIPTOR_CHARS), m.start()):
                continue
            latest = _body_name(name)
    return latest


def _near_surname(known: str, written: str) -> bool:
    """True when ``written`` is a typo of the surname ``known``: same first letter, Levenshtein distance 1-2."""
    return (known[:1] == written[:1] and len(known) >= _MIN_TYPO_SURNAME
            and abs(len(known) - len(written)) <= _TYPO_EDITS
            and 0 < Levenshtein.distance(known, written, score_cutoff=_TYPO_EDITS) <= _TYPO_EDITS)


# Capitalised adjectives of party and nation ("Democratic", "Republican", "Taiwanese", "British", "Iraqi"): they
# pick one holder of a role among several, unlike a noun modifier naming the body a person heads ("Pentagon chief").
PARTY_ADJECTIVES = frozenset("democratic republican conservative liberal labour socialist green libertarian "
                             "progressive independent".split())


_PARTY_OF = {"democratic": "democrat"}  # the party noun of a party adjective that differs from it


def _is_class_adjective(word: str) -> bool:
    """True for a party or nation adjective (lower case) that classes a role's holder."""
    return word in PARTY_ADJECTIVES or word in NATION_ADJECTIVES


def resolve_mention(mention: Mention, pos: int, persons: PersonIndex) -> tuple[str | None, str | None]:
    """(speaker_id, role) of a mention at offset ``pos``: names expanded, pronouns and role nouns resolved."""
    if mention.kind in ("role", "org", "unknown") and " " not in mention.text and mention.text.istitle():
        # "Challenger said" after "Shanna Challenger", "May added" after "Rhona May": a surname, no title or month
        name = persons.full_name(mention.text)
        if " " in name and surname_of(name) == mention.text:
            return name, persons.roles.get(name)
    if mention.kind == "person" and mention.name:
        name = persons.full_name(mention.name)
        return name, persons.roles.get(name) or mention.role
    if mention.kind == "org":
        name = persons.full_name(mention.name or "")
        return (name, persons.roles.get(name)) if name in persons.roles else (mention.name, None)
    if mention.kind == "pronoun" and mention.text.lower() in ("he", "she"):
        name = persons.recent(pos, gender=PRONOUNS[mention.text])
        name = persons.full_name(name) if name else None  # "Ruiz Vega" named last: "Ana B. Ruiz Vega"
        return name, persons.roles.get(name) if name else None
    if mention.kind == "role" and re.search(r"[’']s ", mention.text):
        # "Afghanistan's president": the latest person with that role; "Reid's rep" unnamed stays unknown.
        head = tuple(w for w in re.split(r"[’']s ", mention.text, 1)[1].lower().split() if w in ROLE_WORDS)
        name = persons.recent(pos, head) if head else None
        return name, persons.roles.get(name) if name else None
    age = _AGE_ROLE.match(mention.text) if mention.kind == "role" else None
    if age and (name := persons.of_age(pos, int(age.group("age")))):
        return name, persons.roles.get(name)
    if age and _AGE_EPITHET.fullmatch(mention.text) and int(age.group("age")) not in persons.unnamed_ages \
            and (name := persons.only_unaged(pos)):
        # "Yusuf Demir scored twice. "...," the 22-year-old said.": an epithet giving the age of the one person named
        # so far whose age the text has not given (not after "a 22-year-old man", someone the text leaves unnamed)
        name = persons.full_name(name)  # "Bin Sulayem" named last: "Tariq Bin Sulayem"
        return name, persons.roles.get(name)
    if mention.kind == "role" and _is_nation_epithet(mention.text.split()):
        # "the Kenyan said": the person just named, by nationality
        name = persons.recent(pos)
        return name, persons.roles.get(name) if name else None
    if mention.kind == "role":
        words = [w for w in mention.text.lower().split() if w.capitalize() not in SENTENCE_OPENERS or w == "the"]
        if words[0] != "the":
            return None, None  # "a source", "one official": anonymous
        core = words[1:]
        for stop in ("for", "of", "with", "in", "at"):
            if stop in core:
                core = core[: core.index(stop)]
        if core and core[-1] in PLURAL_PERSON_NOUNS - ROLE_WORDS - PERSON_NOUNS:
            return None, None  # "The GOP candidates", "the two officials": a group, never one person named before
        if core and core[-1] in PARTY_NOUNS:
            # "the Texas Republican": a member of the party named before, from no other place
            place = {w.lower() for w in mention.text.split()[1:-1] if w[:1].isupper()} - PARTY_ADJECTIVES
            name = persons.party_member(pos, core[-1], place)
            return name, persons.roles.get(name) if name else None
        head = tuple(w for w in core if w in ROLE_WORDS) or tuple(core[-1:])
        if not head or head[-1] in ORG_HEADS | ORG_WORDS and (head[-1] not in ROLE_WORDS or head[-1] == core[-1]):
            # "the group of U.N. rapporteurs", "The Harlan committee" (not "the committee chairman"): a body, never
            # the person named last
            return None, None
        # A capitalised modifier must be in the person's role too: "the Taiwanese president" is not the "Chinese
        # President" named before.
        capitalised = tuple(w.lower() for w in mention.text.split()[1:-1 if len(core) == 1 else None]
                            # not a role written in capitals ("CEO"), nor the title alone ("the King")
                            if w[:1].isupper() and not (w.isupper() and w.lower() in ROLE_WORDS))
        name = persons.recent(pos, head + capitalised)
        holder = persons.recent(pos, head) if name is None and capitalised else None
        if holder is not None:
            # "the Democratic nominee" after "nominee Jo Marsh", "the Florida governor" after "Gov. Ron Hale": a
            # person the text ties to the role, when that role names no other modifier. A party or nation picks one
            # of several holders of the role: never a person tied to no such role (the role then stays as written).
            extra = {w for w in (persons.roles.get(holder) or "").lower().split()
                     if not any(_holds_title(w, h) for h in head)}
            # A place the text ties the holder to must be the role's: "the Texas governor" is not "Gov. Ron Hale of
            # Florida".
            home = persons.homes.get(holder)
            place = {w for w in capitalised if not _is_class_adjective(w)}
            name = holder if not extra and not (home and place - home) else None
        elif name is None and capitalised and not any(_is_class_adjective(w) for w in capitalised) \
                and not any(w in PLACE_WORDS for w in capitalised if w not in core):
            # "the Pentagon chief", "the Taradise star": a person named earlier under another title (not "the
            # district magistrate of North Valley": a place after the role says where, not whom).
            name = persons.recent(pos)
        elif name is None and len(core) == 2 and core[0] in NATION_ADJECTIVES \
                and core[-1] not in _PERSON_TITLES | _FIRM_OR_PERSON \
                and (_is_person_agent(core[-1]) or core[-1] in PLAYING_POSITIONS):
            # "the Israeli researcher", "the Brazilian striker": what the person just named does, by nationality (an
            # office so written, "the Iranian foreign minister", is as often another person's, and "the Austrian
            # partner" a firm)
            name = persons.recent(pos)
        elif name is None and (party := next((_PARTY_OF.get(w, w) for w in capitalised if w in PARTY_ADJECTIVES), None)) \
                and _PARTY_OF.get(party, party) in PARTY_NOUNS:
            # "the Conservative MP" right after "Chris Grayling warned": the person just named, when the text gives
            # them no other role or party (an epithet for the one being quoted)
            latest = persons.recent(pos)
            name = latest if latest and not persons.roles.get(latest) and persons.parties.get(latest, party) == party \
                else None
        return name, persons.roles.get(name) if name else None
    return None, None

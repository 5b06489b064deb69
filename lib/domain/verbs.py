"""Reporting cues as data: verb forms with a class each, and the regular expressions built from the table."""
from __future__ import annotations

import re

from lib.domain.calendar import WEEKDAYS


def _in_progress(*participles: str) -> tuple[str, ...]:
    """Forms of speech in progress: "was saying", "has been warning", "kept insisting"."""
    return tuple(f"{aux} {verb}" for aux in ("was", "were", "is", "are", "has been", "have been", "had been", "kept",
                                              "keeps") for verb in participles)


# (lemma, class, reported, forms). `reported` says whether the cue, with a subject, introduces reported
# speech without quote marks ("Putin called on all countries to ...", "She said that ..."); cues that only
# frame quoted words ("called it", "described as") are False. Phrasal cues are their own rows because the
# particle changes the meaning ("called on/for" proposes, bare "called" names).
CUE_ROWS: tuple[tuple[str, str, bool, tuple[str, ...]], ...] = (
    ("say", "neutral", True, ("said", "says", "say", "saying")),
    ("tell", "neutral", True, ("told", "tells", "tell", "telling")),
    ("add", "neutral", True, ("added", "adds", "add")),
    ("note", "neutral", True, ("noted", "notes", "note", "noting")),
    ("state", "neutral", True, ("stated", "states", "stating")),
    ("explain", "neutral", True, ("explained", "explains")),
    ("write", "neutral", True, ("wrote", "writes")),
    ("comment", "neutral", False, ("commented", "comments")),
    ("put it", "neutral", False, ("put it", "puts it", "summed it up", "sums it up")),
    ("have this to say", "neutral", False, ("had this to say", "has this to say", "have this to say")),
    # A body speaking through a statement: `Acme issued a statement saying "..."` (the body is the speaker).
    ("issue a statement", "neutral", False, ("issued a statement saying", "issued a statement",
                                             "released a statement saying", "released a statement",
                                             "put out a statement saying", "issues a statement saying")),
    ("quote", "neutral", False, ("is quoted as saying", "was quoted as saying", "were quoted as saying")),
    # Speech heard or seen by someone else, the speaker still the subject: "X could be heard saying",
    # "X was seen telling an aide".
    ("be heard", "neutral", False, tuple(f"{aux} {sense} {verb}"
                                         for aux in ("is", "was", "were", "can be", "could be")
                                         for sense in ("heard", "seen")
                                         for verb in ("saying", "telling", "shouting", "yelling"))),
    # Speech in progress, in its verb's class: `"...," Mr Johnson was saying before being cut off`, `A man was
    # shouting "..."`, `X has been warning that`.
    ("be saying", "neutral", False, _in_progress("saying", "telling")),
    ("be shouting", "emotive", False, _in_progress("shouting", "yelling", "screaming", "pleading", "begging",
                                                   "whispering", "muttering")),
    ("be insisting", "assertive", False, _in_progress("insisting", "arguing")),
    ("be warning", "warning", False, _in_progress("warning")),
    ("notify", "neutral", True, ("notified", "informed", "testified", "briefed")),
    ("quip", "neutral", False, ("quipped", "joked", "laughed", "shouted", "yelled", "exclaimed", "whispered",
                                "countered", "retorted")),
    ("remark", "neutral", True, ("remarked", "remarks")),
    ("reply", "neutral", True, ("replied", "replies", "responded", "responds")),
    ("continue", "neutral", False, ("continued", "continues", "went on", "goes on")),
    ("recall", "neutral", True, ("recalled", "recalls", "recounted", "recounts", "remembered", "remembers")),
    ("report", "neutral", True, ("reported", "reports")),
    ("point out", "neutral", True, ("pointed out", "points out")),
    ("observe", "neutral", True, ("observed", "observes")),
    # A comparison drawn in the subject's words: `The blog draws a parallel to "the last time the square was full"`.
    ("draw a parallel", "neutral", False, tuple(f"{verb} a {noun} {prep}" for verb in ("draws", "drew", "drawing")
                                                for noun in ("parallel", "comparison") for prep in ("to", "with"))),
    ("tweet", "neutral", True, ("tweeted", "tweets", "posted")),
    ("describe", "describing", False, ("described", "describes", "describing", "characterized",
                                       "characterised", "portrayed", "portrays")),
    ("call", "describing", False, ("called", "calls", "calling", "dubbed", "labelled", "labeled", "termed")),
    # A stance taken in quoted words: `X defended the cuts as "..."`, `Y justified the strike as "..."`.
    ("defend", "assertive", False, ("defended", "defends", "justified", "justifies")),
    ("stress", "assertive", True, ("stressed", "stresses", "stressing")),
    ("emphasise", "assertive", True, ("emphasized", "emphasised", "emphasizes", "emphasises")),
    ("underline", "assertive", True, ("underlined", "underlines", "underscored", "underscores")),
    ("insist", "assertive", True, ("insisted", "insists", "insisting")),
    ("assert", "assertive", True, ("asserted", "asserts", "affirmed", "affirms", "maintained", "maintains")),
    ("argue", "assertive", True, ("argued", "argues", "contended", "contends")),
    ("declare", "assertive", True, ("declared", "declares", "proclaimed", "proclaims")),
    ("vow", "assertive", True, ("vowed", "vows", "pledged", "pledges", "promised", "promises")),
    ("reiterate", "assertive", True, ("reiterated", "reiterates", "repeated")),
    ("call on", "proposing", True, ("called on", "calls on", "called upon", "calls upon", "calling on",
                                    "calling upon", "call upon")),
    ("call for", "proposing", True, ("called for", "calls for", "calling for")),
    ("urge", "proposing", True, ("urged", "urges", "urging")),
    ("propose", "proposing", True, ("proposed", "proposes", "proposing")),
    ("suggest", "proposing", True, ("suggested", "suggests")),
    ("invite", "proposing", True, ("invited", "invites")),
    ("recommend", "proposing", True, ("recommended", "recommends")),
    ("appeal", "proposing", True, ("appealed", "appeals")),
    # "Hawley offered: \"I think ...\"" gives a view, no proposal; "offered to", "offered a plan" propose in running
    # text (PROPOSING_IN_TEXT)
    ("offer", "neutral", False, ("offered", "offers")),
    ("demand", "proposing", True, ("demanded", "demands")),
    ("ask", "questioning", True, ("asked", "asks", "wondered", "wonders", "questioned")),
    ("announce", "announcing", True, ("announced", "announces", "unveiled")),
    ("confirm", "announcing", True, ("confirmed", "confirms", "revealed", "reveals", "disclosed")),
    ("claim", "doubting", True, ("claimed", "claims", "alleged", "alleges", "purported")),
    ("warn", "warning", True, ("warned", "warns", "cautioned", "cautions", "threatened")),
    ("admit", "conceding", True, ("admitted", "admits", "acknowledged", "acknowledges", "conceded", "concedes")),
    ("deny", "denying", True, ("denied", "denies", "rejected", "rejects", "dismissed")),
    ("complain", "criticising", True, ("complained", "complains", "criticized", "criticised", "condemned",
                                       "slammed", "slams", "accused", "accuses")),
    ("welcome", "approving", False, ("welcomed", "welcomes", "praised", "praises", "hailed")),
    ("believe", "opinion", True, ("believes", "believed", "thinks", "thought", "feels", "felt")),
    ("predict", "opinion", True, ("predicted", "predicts", "estimated", "estimates", "expects", "expected")),
    ("according to", "neutral", True, ("according to",)),
    # A broad table of speech verbs (after the verb lists of Krestel et al. 2008 and the PARC corpus,
    # Pareti 2016): each row one lemma and its written forms, so that unseen news still finds its cue.
    ("echo", "neutral", True, ("echoed", "echoes")),
    # Words shared with or penned for an outlet: `"...," she shared with The List`, `she penned in an essay`.
    ("share", "neutral", False, ("shared", "shares")),
    ("pen", "neutral", False, ("penned", "pens")),
    ("read", "neutral", False, ("reads", "read")),  # "The statement read: \"...\""
    ("mention", "neutral", True, ("mentioned", "mentions")),
    ("answer", "neutral", True, ("answered", "answers")),
    ("relate", "neutral", True, ("related",)),
    ("describe", "neutral", True, ("detailed", "outlined")),
    ("elaborate", "neutral", False, ("elaborated", "elaborates")),
    ("report", "neutral", True, ("is reporting", "are reporting", "was reporting", "reporting")),
    ("post", "neutral", True, ("wrote on", "posted on", "messaged", "texted", "emailed")),
    ("testify", "neutral", True, ("testifies", "testifying")),
    ("inform", "neutral", True, ("informs", "briefs", "advised", "advises")),
    ("interject", "neutral", False, ("interjected", "chimed in", "piped up")),
    ("thunder", "emotive", False, ("thundered", "roared", "bellowed", "boomed", "fumed", "raged", "railed",
                                   "snapped", "barked", "growled", "hissed", "screamed", "howled")),
    ("cry", "emotive", False, ("cried", "wept", "sobbed", "wailed", "moaned", "groaned", "sighed", "lamented",
                               "mourned", "pleaded", "begged", "implored")),
    ("murmur", "emotive", False, ("murmured", "muttered", "mumbled", "stammered", "stuttered", "gasped",
                                  "chuckled", "smiled", "grinned", "beamed", "gushed", "enthused", "raved",
                                  "marvelled", "marveled", "mused", "teased", "scoffed", "sneered", "snorted",
                                  "cheered", "boasted", "bragged", "crowed", "chirped")),
    ("exclaim", "emotive", False, ("exclaims", "shouts", "yells", "screams", "cries")),
    # a participle of raised voice ending the clause of its speaker: `X ran toward the rescuers, crying "..."`
    ("shout", "emotive", False, ("shouting", "yelling", "screaming", "crying", "exclaiming")),
    # The present tense of dialogue in stories and first-person features: `"Yeah, wow!" I blurt.`
    ("blurt", "emotive", False, ("blurted", "blurts", "blurt", "whisper", "mutter", "whispers", "mutters", "murmurs", "mumbles", "sighs",
                                 "laughs", "snaps", "gasps", "groans", "hisses", "growls", "pleads", "begs",
                                 "jokes", "quips", "retorts", "interjects")),
    ("affirm", "assertive", True, ("assured", "assures", "guaranteed", "certified", "swore", "swears",
                                   "avowed", "attested", "contested")),
    ("conclude", "assertive", True, ("concluded", "concludes", "determined", "ruled")),
    ("clarify", "neutral", True, ("clarified", "clarifies", "specified", "specifies", "indicated",
                                  "indicates", "signalled", "signaled", "hinted", "implied", "implies")),
    ("agree", "approving", True, ("agreed", "agrees")),
    ("praise", "approving", False, ("lauded", "lauds", "applauded", "commended", "congratulated",
                                    "thanked", "celebrated", "extolled", "endorsed")),
    ("object", "criticising", True, ("objected", "protested", "disputed",
                                     "decried", "decries", "denounced", "denounces", "blasted", "blasts",
                                     "lambasted", "attacked", "chided", "scolded", "rebuked", "ridiculed",
                                     "mocked", "derided", "lashed out", "hit out", "fired back", "shot back",
                                     "charged")),
    ("question", "doubting", True, ("doubted", "queried", "challenged", "speculated",
                                    "speculates", "theorized", "theorised", "suspected")),
        ("predict", "opinion", True, ("forecast", "forecasts", "projected", "reckoned", "reckons", "guessed",
                                  "surmised", "hoped")),
    ("order", "proposing", True, ("ordered", "instructed", "directed", "commanded", "requested",
                                  "advocated", "advocates", "pressed", "pushed for", "lobbied",
                                  "petitioned", "encouraged", "exhorted", "dared")),
    ("announce", "announcing", True, ("publicised", "publicized", "unveils", "divulged",
                                      "leaked", "let slip")),
    ("warn", "warning", True, ("alerted", "admonished", "threatens", "forewarned")),
    ("admit", "conceding", True, ("confessed", "confesses", "owned up", "recognized", "recognised")),
    ("deny", "denying", True, ("refuted", "refutes", "rebutted", "contradicted", "disavowed")),
    ("claim", "doubting", True, ("professed", "professes", "insinuated")),
    ("posit", "opinion", True, ("posited", "posits", "postulated", "hypothesized", "hypothesised")),
    ("ask", "questioning", True, ("inquired", "enquired", "inquires", "quizzed", "demanded to know",
                                  "pondered", "ponders")),
)

# Verbs by which someone puts out a text that the next quote gives ("Acme released a statement.", "Her office
# issued a statement:"): the text's words are the subject's.
STATEMENT_VERBS = ("issued", "issues", "released", "releases", "put out", "puts out", "sent", "sends", "posted",
                   "published", "shared", "signed", "signs")
# Words that may sit between a subject and its cue ("Putin also called on", "she once said").
ADVERBS = ("also", "later", "then", "further", "earlier", "once", "again", "previously", "reportedly",
           "repeatedly", "recently", "has", "had", "have", "has also", "had also", "would", "will", "publicly", "separately", "however", "subsequently", "additionally", "firmly",
           "personally", "simply", "flatly", "strongly", "specifically", "explicitly", "though", "too", "in turn",
           "meanwhile", "instead", "in fact", "himself", "herself", "themselves", "itself",
           "just", "still", "already", "even", "now", "since", "first", "often")  # "X just tweeted she will ..."

# Cues that come before their subject after a quote ("said Putin", "added the minister"); "told"/"asked" are
# left out because the name after them is the person spoken to.
INVERSION_LEMMAS = frozenset("say add write explain note insist continue recall argue reply remark stress comment "
                             "declare warn claim admit quip echo read thunder cry murmur exclaim answer interject "
                             "report".split())
# Time phrases between a subject and its cue ("YouTube on Wednesday said", "Smith last week said").
TIME_PHRASES = tuple(f"{p} {d}" for p in ("on", "last", "this", "earlier this", "late on", "early on")
                     for d in (*WEEKDAYS, "week", "month", "year")) + ("today", "yesterday", *WEEKDAYS)
CUE_CLASS: dict[str, str] = {form: cls for _, cls, _, forms in CUE_ROWS for form in forms}
# Cues that as often take a thing written or posted as their object as they report words: "wrote a column",
# "tweeted the photo above", "posted a video explaining why", "wrote about the visit", "emailed an invitation"; or that
# are as often deeds done to a thing: "America added back 16.7 million jobs", "France recalled its ambassador", "Israel
# slammed the Gaza Strip with airstrikes", "a queen remembered for the men she slept with". Without "that", reported
# speech after them opens as a clause does, never with OBJECT_OPENERS.
OBJECT_CUE_FORMS = frozenset(form for lemma, _, _, forms in CUE_ROWS if lemma in ("write", "tweet", "post", "add")
                             for form in forms) | {"recalled", "recalls", "remembered", "remembers", "slammed", "slams"}
# First words of such an object: an article, possessive or number before a noun, a preposition or an adverb particle,
# a bracketed note.
OBJECT_DETERMINERS = frozenset("a an the this his her their its my our your some several two three four five".split())
OBJECT_OPENERS = OBJECT_DETERMINERS | frozenset("about with on in to for of at from into under over back up more "
                                                "another".split())
REPORTED_FORMS = frozenset(form for _, _, rep, forms in CUE_ROWS if rep for form in forms)


def alternation(forms) -> str:
    """A regex matching any of the forms, built as a character trie so the engine does not try a hundred
    alternatives at every offset; at each branch the longest continuation comes first ("called on" over "called")."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    """The regex of one trie node (see alternation)."""
    branches = [(r"[^\S\n]+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
    return f"(?:{body})?" if "" in node else body


CUE_PATTERN = r"(?:%s)" % alternation(CUE_CLASS)
INVERSION_CUE_PATTERN = r"(?:%s)" % alternation(
    [form for lemma, _, _, forms in CUE_ROWS if lemma in INVERSION_LEMMAS for form in forms])
REPORTED_CUE_PATTERN = r"(?:%s)" % alternation(REPORTED_FORMS)
# Any manner adverb too ("X bluntly said", "X clearly stated"), but for nouns ending in "-ly" ("the family said").
_LY_NOUNS = ("family", "ally", "rally", "assembly", "supply", "reply", "anomaly", "monopoly", "tally", "bully",
             "daily", "weekly", "fortnightly", "monthly", "quarterly")  # "the influential daily wrote"
ADVERB_PATTERN = r"(?:(?:%s|(?!(?:%s)\b)[a-z]{3,}ly),?[^\S\n]+)*" % (alternation(ADVERBS + TIME_PHRASES),
                                                                   "|".join(_LY_NOUNS))  # "X, though, testified"


# Proposing in running text (framing marks a claim as a proposal when its sentence proposes, quoted or not): the
# rows of CUE_ROWS whose forms propose wherever they stand, some only before the words that make them
# propose ("offered to", not "the offer"); lemma -> that context, or None. The other proposing rows ("ordered",
# "directed", "pressed", "demanding") count only as the cue of a quote: in running text they are as often "a film
# directed by", "pressed the button", "a demanding schedule".
PROPOSING_IN_TEXT = {"propose": None, "call on": None, "call for": None, "urge": None, "invite": None,
                     "recommend": None, "suggest": r"(?:that|to|a|an|the)", "offer": r"(?:to|a|an|the)",
                     "appeal": r"(?:to|for)"}
PROPOSAL_NOUN_PATTERNS = (
    r"\bproposals?\s+(?:to|for|on|of)\b",  # "a proposal to/for"
    r"\b(?:a|the|his|her|their|its)\s+(?:\w+\s+)?proposals?\b",  # "his new proposal"
    r"\ba\s+call\s+(?:for|to|on)\b",  # "a call for"
)


def _participle(lemma: str) -> str:
    """The -ing form of a (phrasal) lemma: "propose" -> "proposing", "call on" -> "calling on"."""
    verb, _, rest = lemma.partition(" ")
    verb = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    return f"{verb}ing {rest}".strip()


def _proposing_pattern() -> str:
    """One regex of the PROPOSING_IN_TEXT verbs in every form (with their context) and the proposal nouns."""
    parts = list(PROPOSAL_NOUN_PATTERNS)
    for lemma, cls, _, forms in CUE_ROWS:
        if lemma not in PROPOSING_IN_TEXT:
            continue
        alternatives = sorted({lemma, _participle(lemma), *forms}, key=len, reverse=True)
        verbs = "|".join(r"\s+".join(map(re.escape, form.split())) for form in alternatives)
        context = PROPOSING_IN_TEXT[lemma]
        parts.append(rf"\b(?:{verbs})" + (rf"\s+{context}\b" if context else r"\b"))
    return "|".join(f"(?:{p})" for p in parts)


PROPOSING_TEXT = re.compile(_proposing_pattern(), re.IGNORECASE)


def _forms(lemmas: dict[str, str]) -> dict[str, str]:
    """Written form -> English lemma, from "lemma: form form ..." rows."""
    return {form: lemma for lemma, forms in lemmas.items() for form in forms.split()}


# Speech verbs of German, French and Spanish news as they stand in an inverted cue after a quote ("«...», sagt X",
# "« ... », explique-t-elle", "—dijo X") or before a colon ("X sagte:"), each with the English lemma of CUE_ROWS whose
# class it takes. French participles serve "a-t-il déclaré" and "a déclaré".
FOREIGN_CUES: dict[str, dict[str, str]] = {
    "de": _forms({
        "say": "sagt sagte sagten sagen meint meinte meinten so lacht lachte seufzt seufzte resümiert resümierte",
        "explain": "erklärt erklärte erklärten",
        "stress": "betont betonte betonten",
        "write": "schreibt schrieb",
        "add": "ergänzt ergänzte fügt fügte",
        "report": "berichtet berichtete",
        "recall": "erzählt erzählte erinnert erinnerte",
        "warn": "warnt warnte mahnt mahnte",
        "demand": "fordert forderte",
        "complain": "kritisiert kritisierte beklagt beklagte",
        "confirm": "bestätigt bestätigte",
        "ask": "fragt fragte",
        "answer": "antwortet antwortete",
        "underline": "unterstreicht unterstrich",
        "comment": "kommentiert kommentierte",
        "tweet": "twittert twitterte",
        "admit": "räumt räumte",
        "shout": "ruft rief",
    }),
    "fr": _forms({
        "say": "dit disait déclare déclara déclaré lance lança lancé confie confia confié glisse glissé lâche lâché "
            "jure juré pointe pointé tranche tranché sourit souri soupire soupiré plaide plaidé",
        "explain": "explique expliqua expliqué",
        "affirm": "affirme affirma affirmé assure assura assuré",
        "stress": "souligne souligna souligné martèle martelé insiste insisté",
        "believe": "estime estima estimé juge jugé",
        "add": "ajoute ajouta ajouté précise précisa précisé poursuit poursuivit poursuivi",
        "recall": "raconte raconta raconté rappelle rappela rappelé",
        "note": "indique indiqua indiqué note noté relève relevé observe observé",
        "mention": "évoque évoqua évoqué",
        "answer": "répond répondit répondu",
        "admit": "reconnaît reconnu admet admis concède concédé",
        "warn": "prévient prévenu avertit averti",
        "complain": "dénonce dénoncé regrette regretté",
        "write": "écrit écrivait",
        "comment": "commente commenté résume résumé analyse analysé",
    }),
    "es": _forms({
        "say": "dijo dice decía",
        "affirm": "afirmó afirma aseguró asegura sostuvo sostiene",
        "explain": "explicó explica",
        "note": "señaló señala indicó indica apuntó apunta precisó precisa manifestó manifiesta expresó expresa",
        "add": "añadió añade agregó agrega",
        "stress": "subrayó subraya destacó destaca insistió insiste",
        "warn": "advirtió advierte",
        "write": "escribió escribe",
        "answer": "respondió responde",
        "admit": "reconoció reconoce",
        "comment": "comentó comenta",
        "report": "declaró declara",
    }),
}
_FOREIGN_CLASS = {form: next(c for lemma_, c, _, _ in CUE_ROWS if lemma_ == lemma)
                  for forms in FOREIGN_CUES.values() for form, lemma in forms.items()}


def classify_cue(cue: str | None) -> str | None:
    """The class of a cue as written ("told Sputnik" -> neutral; "sagte" -> neutral, as "said"), None for no cue."""
    if not cue:
        return None
    words = " ".join(cue.lower().split())
    while words:
        if words in CUE_CLASS:
            return CUE_CLASS[words]
        words = words.rsplit(" ", 1)[0] if " " in words else ""
    return _FOREIGN_CLASS.get(cue.lower().split()[-1])

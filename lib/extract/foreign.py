"""Speakers of quotes in German, French and Spanish articles, which the English attribution rules cannot read.

News in these languages credits a quote in few ways, all read here from the words around its marks:
- an inverted cue after it: "«...», sagt Philipp Bühlmann, Präsident des BSV Stans", "„...“, meinte Torgersen",
  "« ... », explique-t-elle", "« ... », a déclaré le ministre", "—dijo la alcaldesa", "„...“, so Bühlmann";
- a subject and cue before a colon: "X, Menschenrechtsexperte bei Amnesty, sagt: „...“", "erzählte Tobisch damals
  auch: „...“", "Jean Dupont a déclaré : « ... »";
- an interview's speaker label opening a paragraph: "Mosbacher: „...“";
- the next quote of the same speaker right after the attribution: "«...», sagt er. «...»";
- reported speech, a sentence closed by such a cue: "Die Lage sei ernst, sagte Schulte." (the English rules for
  reported speech are not run on these languages).
A speaker is a person when the words name one (a known given name starts the name, or the cast holds it), else as
written: a role or a body ("eine Bahn-Sprecherin", "die NASA"). "er"/"sie", "il"/"elle" stand for the latest person of
that gender.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from lib.domain.languages import language_code
from lib.domain.names import given_name_gender
from lib.domain.sentences import split_sentences
from lib.domain.verbs import FOREIGN_CUES, alternation, classify_cue
from lib.extract.reported import _overlaps
from lib.extract.speakers import PersonIndex
from lib.models import Quote

# A capitalised word, accented capitals too ("Émilie", "Özdemir"), a title's abbreviation ("Dr."), or two joined by
# "und" ("Familien- und Jugendministerin")
_WORD = r"(?:Dr\.|Prof\.|[A-ZÀ-ÖØ-Þ][\w’'\-]*(?<=-)[^\S\n]+(?:und|oder|et|y)[^\S\n]+[\w’'\-]+|[A-ZÀ-ÖØ-Þ][\w’'\-]*)"
_PARTICLES = "von|van|de|du|des|der|den|zu|la|le|da|di|del"
_PARTICLE_WORDS = frozenset(_PARTICLES.split("|"))
_LEADING_PARTICLES = "von|van|de|du|da|di|del"  # a surname's own ("von Broock"), never an article ("der", "den")
_NAME = rf"(?:(?:{_LEADING_PARTICLES})[^\S\n]+)?{_WORD}(?:[^\S\n]+(?:(?:{_PARTICLES})[^\S\n]+)?{_WORD}){{0,5}}"
# Determiners of a subject (not "dem", "den": "sagte der Zeitung", "sagte den Zeitungen" name whom it was told)
_DETERMINERS = {"de": r"(?:der|die|das|eine|ein)\b", "fr": r"(?:les|le|la|une|un)\b|l[’']",
                "es": r"(?:los|las|el|la|una|un)\b"}
_PRONOUNS = {"de": {"er": "m", "sie": "f"}, "fr": {"il": "m", "elle": "f"}, "es": {}}
# French and Spanish put a short phrase between cue and subject ("a déclaré à cette occasion le ministre")
_FILLERS = {"de": "", "fr": r"(?:[a-zà-ÿ’']+[^\S\n]+){0,3}?", "es": r"(?:[a-zà-ÿ]+[^\S\n]+){0,3}?"}
# Words a cue may take before its subject: "sagte jetzt allerdings eine Bahn-Sprecherin", "ajoute encore le maire".
_ADVERBS = {"de": "jetzt|allerdings|auch|dann|noch|damals|nun|weiter|bereits|schon|dazu|zudem|außerdem|hingegen|aber|"
                  "später|gestern|heute|erneut|kürzlich|dabei",
            "fr": "encore|aussi|alors|ensuite|également|hier|aujourd’hui|d’ailleurs",
            "es": "también|además|luego|ayer|hoy"}
# A given name and a surname ("Anna Berg", "Antje von Broock")
_FULL_NAME = re.compile(rf"{_WORD}[^\S\n]+(?:(?:{_LEADING_PARTICLES})[^\S\n]+)?{_WORD}")
_PRONOUN_CHARS = 600  # how far back "er" or "sie" looks for the person named
# The closing mark, its comma or dash ("», sagt", "” —dijo")
_CLOSING = r"[^\S\n]*[.!?…]?[^\S\n]*[”“\"»«›‹’‘']?[^\S\n]*(?:[,;][^\S\n]*|[^\S\n]*[—–][^\S\n]*)?"
_LOWER = r"[a-zà-ÿß][\w’'\-]*"
# A speaker described after its determiner: in German, adjectives before a capitalised noun and perhaps a name ("der
# zweimalige spanische Tour-Sieger Alberto Contador", "eine Bahn-Sprecherin", "die NASA"); in French and Spanish, a
# lower-case role and perhaps a name after it ("le ministre de l’Intérieur, Gérald Darmanin", "la alcaldesa").
_DESCRIPTIONS = {"de": rf"(?!(?:wir|ich|er|sie|es|der|die|das|den|dem|ein|eine)\b)(?:{_LOWER}[^\S\n]+){{0,4}}{_NAME}",
                 "fr": rf"{_LOWER}(?:[^\S\n]+{_LOWER}){{0,4}}(?:,?[^\S\n]+{_NAME})?"}
_DESCRIPTIONS["es"] = _DESCRIPTIONS["fr"]
_BEFORE_CHARS = 200  # how far before a quote its colon introduction is read
_AFTER_CHARS = 200  # how far after a quote its inverted cue is read


@dataclass(frozen=True)
class _Patterns:
    """A language's patterns: the inverted cue after a quote, the one that ends its sentence, the one set inside its
    marks, those before its colon (a subject and cue, a cue and subject, an interview's speaker label), and a
    sentence of reported speech closed by an inverted cue."""

    after: re.Pattern
    sentence_end: re.Pattern
    incise: re.Pattern
    befores: tuple[re.Pattern, ...]
    reported: re.Pattern


def _patterns(language: str) -> _Patterns:
    """The patterns of a language, built from its table of cues."""
    cues = alternation(sorted(FOREIGN_CUES[language]))
    adverbs = rf"(?:(?:{_ADVERBS[language]})[^\S\n]+)*"
    pronoun = alternation(sorted(_PRONOUNS[language])) if _PRONOUNS[language] else "(?!)"
    inverted = (rf"(?P<cue>(?:a-t-(?P<aclitic>il|elle)[^\S\n]+|a[^\S\n]+)?(?:{cues}))(?:-t)?(?:-(?P<clitic>il|elle))?"
                rf"\b(?:[^\S\n]+{adverbs}{_FILLERS[language]}(?:(?P<pronoun>{pronoun})\b|"
                rf"(?P<det>{_DETERMINERS[language]})[^\S\n]*"
                rf"(?P<desc>{_DESCRIPTIONS[language]})|(?P<name>{_NAME})))?")
    colon = r"(?:[^\S\n]+[\w’'\-]+){0,4}[^\S\n]*:[^\S\n]*$"  # up to four words, then the colon
    return _Patterns(
            re.compile(_CLOSING + inverted),
            # the cue closing the quote's sentence ("Dort habe es „keine Wartezeiten“ mehr gegeben, sagte Schulte.")
            re.compile(rf"[^.!?\n„“”\"«»]*,[^\S\n]*{inverted}"),
            # the cue set inside the marks ("« Notre crainte, explique Alexandra Teixeira, c'est la houle »")
            re.compile(rf",[^\S\n]*{inverted}(?=[^\S\n]*[,.;])"),
            # a person before the cue first ("Trochowski sagte der MOPO:"), then the cue before its subject ("Weiter
            # schrieb er:", where "Weiter" names no one)
            (re.compile(rf"(?:(?P<subj>{_NAME})(?:,[^,\n]{{1,150}},)?|(?P<pronoun>(?i:{pronoun})))[^\S\n]+"
                        rf"(?P<cue>{cues})\b(?:{colon}|[^\S\n]*,?[^\S\n]*$)"),  # "Il ajoute, «", "X affirme «"
             re.compile(inverted + colon),
             re.compile(rf"(?:^|\n)[^\S\n]*(?P<subj>{_NAME})[^\S\n]*:[^\S\n]*$")),
            re.compile(rf"(?P<content>[^„“”\"«»:]+?),[^\S\n]*{inverted}(?:[^\S\n]+[\w’'\-.()]+)"
                       rf"{{0,{_AFTER_SUBJECT_WORDS}}}[^\S\n]*[.!?]?"))


_COMPILED: dict[str, _Patterns] = {}
_AFTER_SUBJECT_WORDS = 6  # words after the subject that say when or where ("am Montag in Berlin")
_MIN_REPORTED_WORDS = 4  # fewer words before the cue are no report ("Ja, sagte er.")
_CUE_WORDS: dict[str, re.Pattern] = {}


def reads_foreign(language: str | None) -> bool:
    """Whether the article's stated language is one read here (German, French, Spanish)."""
    return language_code(language) in FOREIGN_CUES


def has_foreign_cue(text: str, start: int, end: int, language: str | None) -> bool:
    """Whether text[start:end] holds a speech verb of the article's language (German, French or Spanish): a short
    quote in such a sentence ("« Nous allons reconstruire », explique-t-il") is someone's words, not a label."""
    language = language_code(language)
    if language not in FOREIGN_CUES:
        return False
    if language not in _CUE_WORDS:
        # not "so", an adverb but after a quote's comma ("„...“, so Bühlmann")
        _CUE_WORDS[language] = re.compile(rf"\b(?:{alternation(sorted(set(FOREIGN_CUES[language]) - {'so'}))})\b")
    return _CUE_WORDS[language].search(text, start, end) is not None


def _person_in(words: str, persons: PersonIndex, text: str) -> str | None:
    """The person a run of capitalised words names, from its known given name on ("Vorstandschef Herbert Diess" ->
    "Herbert Diess"), or the full name the text gives a surname ("Bühlmann" after "Philipp Bühlmann"); None when it
    names none (German capitalises every noun: "Begrüßung", "Ernster Nachsatz" name no one)."""
    parts = words.split()
    for k, word in enumerate(parts):
        if given_name_gender(word) is not None and k + 1 < len(parts):
            parts = parts[k:]
            # a particle after the surname, before a body's name, says where the person works ("Jacqueline Rioba von
            # World Vision"); one of the name stands before its last word ("Antje von Broock", "Ursula von der Leyen")
            cut = next((j for j in range(2, len(parts)) if parts[j] in _PARTICLE_WORDS
                        and sum(w not in _PARTICLE_WORDS for w in parts[j + 1:]) >= 2), len(parts))
            return persons.full_name(" ".join(parts[:cut]))
    # the surname, without a title before it ("Dr. Kisabaka", "Bischof Stäblein", "BDA-Expertin Benz"): the full name
    # the text gives it most often ("Lee Elder" over a sponsor's "zahlte Thomas Elder"), else the cast's
    at = len(parts) - 1
    while at > 0 and parts[at - 1] in _PARTICLE_WORDS:
        at -= 1  # "von Preen"
    surname = " ".join(parts[at:])
    named = _full_names_of(text, surname)
    if named:
        return max(named, key=named.get)
    full = persons.full_name(surname)
    return full if " " in full and full != surname and given_name_gender(full.split()[0]) is not None else None


@lru_cache(maxsize=256)
def _full_names_of(text: str, surname: str) -> Counter:
    """How often the text writes each given name + ``surname`` ("Christian Stäblein"), read once per text and surname
    however many of its quotes name the surname alone."""
    return Counter(m.group(0) for m in re.finditer(rf"\b{_WORD}[^\S\n]+{re.escape(surname)}\b", text)
                   if given_name_gender(m.group(0).split()[0]) is not None)


def _credit(q: Quote, m: re.Match, base: int, language: str, persons: PersonIndex, text: str,
            credited: list[Quote]) -> Quote | None:
    """``q`` credited as the match at ``base`` reads, or None when it names no one."""
    cue = " ".join((m.groupdict().get("cue") or "").split()) or None
    group = next((g for g in ("pronoun", "clitic", "aclitic", "desc", "name", "subj") if m.groupdict().get(g)), None)
    if group is None:
        return None
    if cue == "so" and re.search(r"\w", text[base + m.end("cue"):base + m.start("det" if group == "desc" else group)]):
        return None  # "so auch die Stadt": "so" credits only the subject right after it
    written, at = m.group(group), base + m.start(group)
    if group in ("pronoun", "clitic", "aclitic"):
        gender = _PRONOUNS[language].get(written.lower())
        # the latest person named with a given name of that gender, or credited so far (the cast, read by English
        # rules, holds German nouns too: "Als ZdK-Chefin")
        floor = max(0, at - _PRONOUN_CHARS)
        candidates = [(floor + n.start(), persons.full_name(n.group(0))) for n in _FULL_NAME.finditer(text[floor:at])
                      if given_name_gender(n.group(0).split()[0]) == gender]
        candidates += [(p.start, p.speaker_id) for p in credited if p.speaker_type == "person" and p.start < at
                       and given_name_gender(p.speaker_id.split()[0]) in (gender, None)]
        name = max(candidates)[1] if candidates else None
        if name is None:
            return None
        return replace(q, speaker=written, speaker_id=name, speaker_role=persons.roles.get(name), cue=cue,
                       cue_class=classify_cue(cue), speaker_start=at, speaker_end=at + len(written),
                       speaker_type="person")
    if group == "desc":
        written, at = m.group("det") + (" " if not m.group("det").endswith(("’", "'")) else "") + written, \
            base + m.start("det")
        written = re.split(r"[,.;:]", written)[0].rstrip()
        written = re.sub(r"(?:[^\S\n]+(?:de|du|des|la|le|les|del|el|los|las|en|à|au|aux|sur|dans))+$", "", written)
    name = _person_in(written, persons, text)
    if name and group == "desc" and re.search(rf"\b(?:de|du|des|del|d’|d'|von|vom)[^\S\n]*{re.escape(name.split()[0])}",
                                              written):
        name = None  # "l'avocate de Yassin E.": the role's complement, not who speaks
    if name is None and group == "subj":
        return None  # a capitalised word before a cue or colon that names no person: a noun ("Anfrage erklärt:")
    name = name or (written if group == "name" else None)
    kind = "person" if name else ("organisation" if written.split()[-1].isupper() else "role")
    return replace(q, speaker=written, speaker_id=name, speaker_role=persons.roles.get(name) if name else None,
                   cue=cue, cue_class=classify_cue(cue), speaker_start=at, speaker_end=at + len(written),
                   speaker_type=kind)


def _compiled(language: str) -> _Patterns:
    """The language's patterns, compiled once."""
    if language not in _COMPILED:
        _COMPILED[language] = _patterns(language)
    return _COMPILED[language]


def reported_foreign(article_id: str, text: str, language: str | None, paras: list[tuple[int, int]],
                     covered: list[tuple[int, int]], persons: PersonIndex, first_utterance: int) -> list[Quote]:
    """Reported speech of a German, French or Spanish article: a sentence with no quote marks closed by an inverted
    cue and its subject ("Die Lage sei ernst, sagte Schulte.", "La situation est grave, a déclaré le ministre.",
    "La situación es grave, dijo la alcaldesa."), kind "reported", credited as a quote's inverted cue is."""
    language = language_code(language)
    if language not in FOREIGN_CUES:
        return []
    pattern, out = _compiled(language).reported, []
    for ps, pe in paras:
        for s, e in split_sentences(text, ps, pe):
            if _overlaps(s, e, covered):
                continue
            m = pattern.fullmatch(text, s, e)
            if m is None or len(m.group("content").split()) < _MIN_REPORTED_WORDS:
                continue
            q = Quote(article_id, m.group("content"), m.start("content"), m.end("content"), "reported",
                      utterance=first_utterance + len(out))
            found = _credit(q, m, 0, language, persons, text, out)
            if found is not None:
                out.append(found)
    return out


def attribute_foreign(quotes: list[Quote], text: str, language: str, persons: PersonIndex) -> list[Quote]:
    """The quotes of an article in German, French or Spanish with the speakers the words around them name; a quote
    already credited keeps its speaker, unless no cue credited it and a cue of the language follows the quote ("„...”,
    unterstreicht Trommer": the full name the English rules took from the sentence before is the speaker by chance,
    its highlight and its empty verb wrong). Other languages come back as they are."""
    language = language_code(language)
    if language not in FOREIGN_CUES:
        return quotes
    patterns = _compiled(language)
    out: list[Quote] = []
    for q in quotes:
        if q.kind != "reported" and (q.speaker is None or q.cue is None):
            found = None
            if (m := patterns.after.match(text, q.end, q.end + _AFTER_CHARS)) and m.group("cue") \
                    and (m.group("cue") != "so" or "," in text[q.end:m.start("cue")]):
                found = _credit(q, m, 0, language, persons, text, out)
            if found is None and (m := patterns.sentence_end.match(text, q.end + 1, q.end + _AFTER_CHARS)) \
                    and m.group("cue") != "so":
                found = _credit(q, m, 0, language, persons, text, out)
            if found is None and (m := patterns.incise.search(text, q.start, q.end)) and m.group("cue") != "so":
                found = _credit(q, m, 0, language, persons, text, out)
            lo = max(0, q.start - _BEFORE_CHARS)
            head = text[lo:q.start].rstrip(" \u00a0\u202f„“\"«»‹›‚‘’'")
            for pattern in patterns.befores if found is None and q.speaker is None else ():
                if (m := pattern.search(head)) and (found := _credit(q, m, lo, language, persons, text, out)):
                    break
            if found is None and q.speaker is None and out and out[-1].speaker is not None \
                    and out[-1].speaker_end is not None \
                    and out[-1].speaker_end < q.start and not re.search(r"\w", text[out[-1].speaker_end:q.start]):
                # "«...», sagt er. «...»": the next sentence quoted, with nothing else between
                p = out[-1]
                found = replace(q, speaker=p.speaker, speaker_id=p.speaker_id, speaker_role=p.speaker_role, cue=p.cue,
                                cue_class=p.cue_class, speaker_type=p.speaker_type)
            if found is not None and not (found.speaker_id is None and q.speaker_id is not None):
                q = found  # not "der Experte" unresolved for the expert named before
        out.append(q)
    return out

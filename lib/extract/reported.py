"""Reported speech: sentences that attribute content to a speaker through a reporting cue, without quote marks."""
from __future__ import annotations

import bisect
import re

from lib.domain.datelines import body_start
from lib.domain.sentences import split_sentences
from lib.domain.verbs import (ADVERB_PATTERN, OBJECT_CUE_FORMS, OBJECT_DETERMINERS, OBJECT_OPENERS,
                              REPORTED_CUE_PATTERN, TIME_PHRASES, classify_cue)
from lib.extract.marks import ANNOTATION, is_saying
from lib.extract.speakers import (ACCORDING_PATTERN, NAME_PATTERN, ROLE_PREFIX_PATTERN, REPORTED_SUBJECT_PATTERN,
                                  PersonIndex, apposed_name, parse_mention, resolve_mention,
                                  without_opener)
from lib.models import Article, Quote

_OBJECT = (rf"(?P<obj>(?:(?<=told)|(?<=tells))[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?"
           rf"(?:{NAME_PATTERN}|(?!that\b)[a-z]+))?")
_CUE = rf"(?P<cue>\b{REPORTED_CUE_PATTERN}\b){_OBJECT}"
# An optional leading adverbial ("On Friday,", "In his new initiative,") before the subject.
_LEAD = r"(?:[^,;\"“”«»]{1,70},[^\S\n]+)?"
_MIN_WORDS = 4
# Cues whose noun-phrase object is another party's (an offer rejected, claims denied, a plan praised): that object is
# no words of the speaker's. An announcement's or a proposal's object ("announced the closure of the plant") is, and so
# is an accusation ("accused the government of negligence").
_OBJECT_CLASSES = frozenset(("denying", "approving", "criticising", "doubting"))
# Words a cue is said to have put without giving them, when no clause follows ("All presidents say such stuff, and",
# "said nothing about the budget", "said so"; not "say such things happen", "said nothing had changed").
_UNSAID = re.compile(r"(?:(?:such|many|these|those|similar|other)[^\S\n]+(?:things|stuff|words|remarks)|"
                     r"(?:no|some|any|every)thing|so|the[^\S\n]+same)(?=[^\S\n]*(?:[,.;:!?]|$)|[^\S\n]+(?:about|all|again|"
                     r"before|every|when|whenever|because|and|but|or)\b)", re.IGNORECASE)
_OBJECT_WORDS = 6  # a cue's noun-phrase object is short ("the offer on Monday"); longer content is read as words said
# Lower-case words opening a clause before its subject ("while experts said", "though government scientists say").
_CLAUSE_OPENERS = frozenset("while whereas though although because since as but and yet so".split())
_RELATIVES = frozenset("who whom whose which that".split())  # "A spokesman who did not want to be named told"
_ASIDE_WORDS = 3  # "who (local) authorities say": a relative clause holding only the aside's subject
_AUXILIARIES = frozenset("is are was were be been will would can could should must may might do does did has have had "
                         "not".split())
_PERSONAL_PRONOUNS = frozenset("he she they it we i you".split())
# What a cue is about, not what was said: "about" and a noun phrase ("say about your brand", "reported about the
# FBI's contacts"); "said about 30 people died", "about a dozen", "about the same number" are quantities)
_QUANTITY_WORDS = "same|dozen|score|third|half|quarter|fifth|tenth|hundred|thousand|million|billion|few|number|percent"
_TOPIC = re.compile(r"about[^\S\n]+(?:(?:your|his|her|their|its|my|our|this|these|those|it|him|them|me|us)\b|"
                    rf"(?:the|a|an)[^\S\n]+(?!(?:{_QUANTITY_WORDS})\b))")
# A refusal or a denial just before the cue ("declined to say whether", "would not say", "did not immediately say",
# "never said that"): the sentence reports what the subject did not say, so it holds no speech of theirs.
_NOT_SAYING = re.compile(r"\b(?:declin(?:ed|es|ing)|refus(?:ed|es|ing)|(?:would|did|does|do|could|will|can|should|"
                         r"has|have|had)(?:[^\S\n]+not|n['’]t)|won['’]t|can['’]t|cannot|never)(?:[^\S\n]+to)?"
                         r"(?:[^\S\n]+(?:\w+ly|yet))?[^\S\n]+$")
# A form of "be" right before the cue: a passive ("who is expected to", "was told that"), whose subject speaks not;
# or a relative clause's speech in progress ("Protestors, who were calling for ..., had erected tents"), whose words
# run into the main clause.
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|am)(?:[^\S\n]+[a-z]+ly)?[^\S\n]+$", re.IGNORECASE)
_PASSIVE_CHARS = 40  # characters before a cue that can hold "were" and an adverb ("was initially")
# An adjunct after the cue, before the words: how, where or through what they came ("said with a smile that", "said in
# a statement that", "told reporters in Paris that", "said in an interview with the BBC that"); "responded with a
# goal" is a manner adjunct with no words after it.
_MANNER = re.compile(r"(?:with|in|at|on|during|via|through|from|by)\b")
# "responded by saying (that) ...": the words after the means; "responded by firing the board": an act, no words.
_BY_SAYING = re.compile(r"by[^\S\n]+(?:saying|stating|noting|arguing|claiming|insisting|adding|asserting|declaring)"
                        r"(?:[^\S\n]+that)?[^\S\n]+")
_BY_DOING = re.compile(r"by[^\S\n]+[a-z]+ing\b")
_MANNER_END = re.compile(r"(?:[^\S\n]+[\w\-’'.]+){1,8}?[^\S\n]+(?:that|saying)[^\S\n]+")  # "... the BBC that"
# Cues whose "with" brings a thing, no words: "responded with a goal", "contends with scrutiny", "charged with murder".
_WITH_OBJECT = ("respond", "repl", "answer", "react", "counter", "contend", "charg", "credit")
# When the words were said, between the cue and its content ("announced Monday evening that", "said Friday at the
# Pentagon that"): an adjunct of the cue, not what was said.
_DAY_PARTS = r"(?:[^\S\n]+(?:morning|afternoon|evening|night))?"
_TIMES = rf"{'|'.join(sorted(TIME_PHRASES, key=len, reverse=True))}|tonight"  # longest first: "last Monday" whole
_TIME_ADJUNCT = re.compile(rf"(?:{_TIMES}){_DAY_PARTS}"
                           rf"(?:[^\S\n]+(?:at|in)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w.\-]*(?:[^\S\n]+[A-Z][\w.\-]*)*)?"
                           # then "that", or the reported clause's own subject ("said Friday they"; not "said
                           # Monday was the deadline": there the day is that subject)
                           rf"(?:[^\S\n]+that\b|(?=[^\S\n]+(?:they|he|she|it|we|I|the|a|an|his|her|its|their|"
                           rf"this|there|[A-Z][a-z]+[^\S\n]+[a-z]+)\b))[^\S\n]*")
# What a cue may be followed by when the words came before it: when and where, as a phrase of its own ("Monday at the
# Pentagon", "in a new interview, in which he compared ..."), no "that" clause.
_WHEN_OR_WHERE = rf"(?:{_TIMES}|in|at|on|during|via)\b"
_ADJUNCT_ONLY = re.compile(rf"{_WHEN_OR_WHERE}[^,.;:\"“”]{{0,40}}(?:,|[.!?]?$)(?![^.!?]*\bthat\b)")
_CLAUSE_LEAD = 4  # words a comma phrase before the subject has when it is the words reported, not a lead adjunct
# Words that open a lead adjunct, not reported words ("In his new initiative, Putin proposed ...").
_LEAD_OPENERS = frozenset("in on at after before during following with without for from under amid as while when "
                          "since despite".split())
# A cue's adjuncts after it when its words came before ("..., X revealed in a new interview, in which he ...").
_TAIL = (rf"(?P<tail>[^,.;:\"“”]{{0,60}}|[^\S\n]+(?:\w+[^\S\n]+)?{_WHEN_OR_WHERE}[^,.;:\"“”]{{0,60}},[^\S\n]+"
         r"(?:in[^\S\n]+which|where|when|who|which|adding|though|although|while)\b"
         r"(?:[^.;\"“”]|\.(?=\w|[^\S\n]+[a-z])){0,160})")  # "U.S. troops"
# A lead that is a name alone, or the subject of a clause after "that" ("Sen. Joe Manchin", "The Times reported that Sen.
# Joe Manchin")
_LEAD_NAME = re.compile(rf"(?:^|(?<=\bthat[^\S\n])){ROLE_PREFIX_PATTERN}{NAME_PATTERN}$")
# Rows of (name, pattern): the sentence shapes of reported speech, each with `subj`, `cue` and `content`.
REPORTED_PATTERNS = (
    # "Putin also called on all countries to ...", "He stressed that ...", "On Friday, X announced ..."
    ("subject-cue", re.compile(rf"^{_LEAD}{REPORTED_SUBJECT_PATTERN}[^\S\n]+{ADVERB_PATTERN}{_CUE}(?:[^\S\n]+that\b)?"
                               rf"[^\S\n]+(?P<content>.+?)[.!?]?$", re.S)),
    # "Some universities, including A, B and C, have labs, and Cambridge has said it intends to ...": the second of
    # two clauses joined by "and" or "but", after a first longer than a lead adjunct
    ("subject-cue", re.compile(rf"^.{{15,}}?,[^\S\n]+(?=(?:and|but)[^\S\n]){REPORTED_SUBJECT_PATTERN}[^\S\n]+"
                               rf"{ADVERB_PATTERN}{_CUE}(?:[^\S\n]+that\b)?[^\S\n]+(?P<content>.+?)[.!?]?$", re.S)),
    # "..., UN official Izumi Nakamitsu told Sputnik.", "Bettie Page has died, her agent said."
    ("content-subject-cue", re.compile(rf"^(?P<content>.{{15,}}?),[^\S\n]+{REPORTED_SUBJECT_PATTERN}[^\S\n]+{ADVERB_PATTERN}"
                                       rf"{_CUE}{_TAIL}[.!?]?$", re.S)),
    # "..., said Steve Pond, author of ..."
    ("content-cue-subject", re.compile(rf"^(?P<content>.{{15,}}?),[^\S\n]+{_CUE}[^\S\n]+"
                                       rf"(?P<subj>(?:{ROLE_PREFIX_PATTERN}){NAME_PATTERN})"
                                       rf"(?P<tail>,[^.;\"“”]{{0,120}})?[.!?]?$", re.S)),
    # "..., according to the ministry." and "According to X, ..."
    ("content-according", re.compile(rf"^(?P<content>.{{15,}}?),?[^\S\n]+{ACCORDING_PATTERN}[.!?]?$", re.S)),
    ("according-content", re.compile(rf"^{ACCORDING_PATTERN},[^\S\n]+(?P<content>.+?)[.!?]?$", re.S)),
)


def _holds_verb(words: list[str]) -> bool:
    """Whether words may hold a finite verb: an auxiliary, or a word in -ed or -s (no possessive, no short word)."""
    return any(w.lower() in _AUXILIARIES or len(w) > 3 and w.endswith(("ed", "s")) and "'" not in w and "’" not in w
               for w in words)


def _overlaps(start: int, end: int, covered: list[tuple[int, int]]) -> bool:
    """True when [start, end) overlaps a quoted span (``covered`` is in text order and its spans do not overlap, so
    the last span opening before ``end`` is the only one to test)."""
    i = bisect.bisect_left(covered, (end,))
    return i > 0 and start <= covered[i - 1][1]


def _is_object(m: re.Match, sentence: str, content_at: int, content: str) -> bool:
    """True when what follows the cue, with no "that" between, is a thing, not words reported: what a cue of writing or
    posting put out ("wrote a column on the issue", "tweeted [ko] the photo above", "posted a video explaining why"),
    what a cue of rejecting or praising was about ("rejected the offer on Monday", see _noun_phrase_only), or words
    not given ("say such stuff, and", "said nothing about it", "said so")."""
    if "that" in sentence[m.end("cue"):content_at].split():
        return False
    if _UNSAID.match(content):
        return True
    cue = m.group("cue").lower()
    if " ".join(cue.split()) in OBJECT_CUE_FORMS:
        # after any bracketed note ("tweeted [ko] the photo above"; "added [es] that ..." reports words)
        first = _NOTES.sub("", sentence[content_at:]).split(maxsplit=1)[:1]
        return m.start("cue") <= content_at and bool(first) and (
            first[0].lower() in OBJECT_OPENERS or first[0][:1].isdigit())
    return classify_cue(m.group("cue")) in _OBJECT_CLASSES and not cue.startswith("accus") \
        and _noun_phrase_only(content)


# An article right before a cue's word: a noun; a "-thing" pronoun: a participle ("rather than anything said on stage").
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|anything|something|everything|nothing)[^\S\n]+$", re.IGNORECASE)
_NOTES = re.compile(rf"^\s*(?:{ANNOTATION.pattern}\s*)+")  # bracketed notes opening a cue's content ("[ko]", "[1]")
_NOTED_THAT = re.compile(rf"\s*(?:{ANNOTATION.pattern}[^\S\n]*)+that[^\S\n]+")


def _noun_phrase_only(content: str) -> bool:
    """True when the words after the cue are a short noun phrase with no verb ("the offer on Monday", "the claims"), not
    a clause ("the plan would fail")."""
    words = content.split()
    return len(words) <= _OBJECT_WORDS and words[0].lower() in OBJECT_DETERMINERS and not any(
        w.lower() in _AUXILIARIES or w.endswith(("ed", "s", "ing")) for w in words[2:])


def extract_reported(article: Article, paras: list[tuple[int, int]], covered: list[tuple[int, int]],
                     persons: PersonIndex, first_utterance: int = 0) -> list[Quote]:
    """Reported-speech quotes (kind "reported") of the sentences that hold no quote marks."""
    text = article.text
    out: list[Quote] = []
    for ps, pe in paras:
        for s, e in split_sentences(text, ps, pe):
            s = body_start(text, article.dateline, s, e)
            while s < e and text[s].isspace():
                s += 1
            if _overlaps(s, e, covered):
                continue
            sentence = text[s:e]
            for name, pattern in REPORTED_PATTERNS:
                m = pattern.match(sentence)
                if not m or _NOT_SAYING.search(sentence, 0, m.start("cue")) or is_saying(sentence[:m.end("cue")]):
                    continue
                if name in ("subject-cue", "content-subject-cue") and m.group("cue").lower().startswith("according") \
                        or _NOUN_BEFORE.search(sentence, max(0, m.start("cue") - 12), m.start("cue")):
                    # "in Geneva, Switzerland, for their summit, according to X": no subject's verb; "El Paso, Texas,
                    # ... at the urging of": a noun, after its article; "anything said": a participle
                    continue
                content_at = m.start("content")
                if name == "subject-cue":
                    lead = sentence[:m.start("subj")].split()
                    if len(lead) >= _CLAUSE_LEAD and lead[0].lower() not in _LEAD_OPENERS \
                            and _ADJUNCT_ONLY.match(sentence, content_at):
                        # "The planes have left, Gen. X announced Monday at the Pentagon.": the words are before the
                        # subject (content-subject-cue); what follows the cue says when and where
                        continue
                    when = _TIME_ADJUNCT.match(sentence, content_at)
                    content_at = when.end() if when else content_at  # `announced Monday evening that ...`
                subject, subject_at = without_opener(*(apposed_name(m) if "appos" in m.groupdict()
                                                       else (m.group("subj"), m.start("subj"))))
                if name == "subject-cue" and subject[:1].islower():
                    # "Sen. Joe Manchin, a conservative West Virginia Democrat, has indicated": the lead is the
                    # person, the subject read after it that person's apposition
                    lead = sentence[:m.start("subj")].rstrip()
                    alone = _LEAD_NAME.search(lead[:-1]) if lead.endswith(",") else None
                    named = parse_mention(alone.group(0)) if alone else None
                    if named and named.kind == "person" and (named.role or len(named.name.split()) >= 2):
                        subject, subject_at = alone.group(0), alone.start()
                first, _, rest = subject.partition(" ")
                if first in _CLAUSE_OPENERS and rest:
                    subject, subject_at = rest.lstrip(), subject_at + len(subject) - len(rest.lstrip())
                words = subject.split() or [""]
                own = words[:next((k for k, w in enumerate(words) if w in _RELATIVES), len(words))]
                aside = words[len(own) + 1:]
                if len(own) < len(words) and 0 < len(aside) <= _ASIDE_WORDS \
                        and not any(w in _AUXILIARIES or w.endswith("ed") for w in aside):
                    # "The suspect who authorities say claimed ...": the cue is an aside inside a relative clause,
                    # its subject's words are about another, and the sentence's own verb comes later
                    continue
                if words[0].endswith("ing") and words[0].islower() or any(w in _AUXILIARIES for w in own[1:]) \
                        or words[-1] in _AUXILIARIES:  # "a solid Republican state that is (expected)": passive
                    # "causing what the United Nations", "The ship was escorting ... the": a clause, not a subject
                    continue
                if subject.endswith(("'s", "’s")):
                    continue  # "President Biden's proposed climate legislation": an owner, and the cue an adjective
                mention = parse_mention(subject)
                if mention.kind in ("unknown",) or (mention.kind == "role" and not subject[:1].isalpha()):
                    continue
                if name == "content-cue-subject" and words[0].lower() in _PERSONAL_PRONOUNS \
                        and not (len(words) > 1 and words[1][:1].isupper()):  # "said He Lifeng": a surname
                    continue  # "Snider, who attended, said he backed King.": a reported clause, no subject after "said"
                if name == "subject-cue" and _TOPIC.match(sentence, content_at) or name == "content-subject-cue" \
                        and any(w in _AUXILIARIES for w in (m.group("tail") or "").split(",")[0].split()):
                    # "the things people say about your brand are amplified": what it is about, no words said; "On
                    # the plus side, the things people say about it are amplified": the cue's clause goes on
                    continue
                if _PASSIVE_BEFORE.search(sentence, max(0, m.start("cue") - _PASSIVE_CHARS), m.start("cue")):
                    continue  # "Cheeks, who is expected to speak", "Hale was told that": the subject is no speaker
                by = _BY_SAYING.match(sentence, content_at)
                if by:
                    content_at = by.end()
                elif _BY_DOING.match(sentence, content_at):
                    continue
                manner = None if by else _MANNER.match(sentence, content_at)
                if manner:
                    # "said with a smile that ...", "said in a statement that ...": the words after the adjunct's
                    # "that"; "responded with an MVP-caliber season": what a response was, no words (_WITH_OBJECT)
                    opener = _MANNER_END.match(sentence, manner.end(), m.end("content"))
                    after = sentence[opener.end():].split()[:1] if opener is not None else []
                    if opener is not None and not any(  # "with some pride her team had finished a project that"
                            w.lower() in _AUXILIARIES or w.endswith("ed")
                            for w in sentence[manner.end():opener.end()].split()[:-1]) \
                            and not (after and after[0].lower() in _AUXILIARIES) \
                            and _holds_verb(sentence[opener.end():m.end("content")].split()):
                        # not "a road that would link" (a relative clause) nor "ruled on that decision by" (a
                        # determiner): a clause of its own follows the "that"
                        content_at = opener.end()
                    elif manner.group(0) == "with" and m.group("cue").lower().startswith(_WITH_OBJECT):
                        continue
                    elif opener is None \
                            and not _holds_verb(adjunct := sentence[manner.end():m.end("content")].split()) \
                            and not any(re.split(r"['’]", w)[0].lower() in _PERSONAL_PRONOUNS for w in adjunct):
                        continue  # "reported from inside the Oval Office": where from, no words ("on Monday they'd")
                c_start, c_end = s + content_at, s + m.end("content")
                noted = _NOTED_THAT.match(text, c_start, c_end)  # "added [es] that ...": the words after the note
                c_start = noted.end() if noted else c_start
                while c_end > c_start and text[c_end - 1] in " ,;:":
                    c_end -= 1
                if len(text[c_start:c_end].split()) < _MIN_WORDS \
                        or _is_object(m, sentence, content_at, text[c_start:c_end]):
                    continue
                speaker_pos = s + subject_at
                speaker_id, role = resolve_mention(mention, speaker_pos, persons)
                cue = m.group("cue")
                if m.groupdict().get("obj"):
                    cue += m.group("obj").rstrip(".,")
                cue = " ".join(cue.split())
                speaker = " ".join(subject.split())
                out.append(Quote(article.id, text[c_start:c_end], c_start, c_end, "reported", speaker, speaker_id,
                                 role, cue, classify_cue(cue), first_utterance + len(out), speaker_pos,
                                 speaker_pos + len(subject)))
                break
    return out

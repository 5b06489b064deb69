"""Sentence spans by rule: paragraph breaks, then end punctuation not after a known abbreviation or initial."""
from __future__ import annotations

import re

from lib.domain.calendar import MONTH_ROWS, WEEKDAY_ABBREVIATIONS
from lib.domain.names import TITLE_ABBREVIATIONS

# Words that end with a full stop without ending a sentence (places, Latin, name suffixes; and the abbreviated titles
# and the calendar's month and weekday abbreviations).
ABBREVIATIONS = frozenset("""
st jr sr inc ltd co corp bros dept univ assn est approx no vol fig vs etc al ca cf ie eg
u.s u.k u.n e.u d.c a.m p.m u.s.a n.y l.a ft mt ave blvd
""".split()) | set(TITLE_ABBREVIATIONS) | {abbr.casefold() for _, _, abbrs, _ in MONTH_ROWS for abbr in abbrs} | {
    abbr for abbrs in WEEKDAY_ABBREVIATIONS for abbr in abbrs}

_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "t.j", "u.s" before a final full stop
_CLOCK_MARKS = frozenset({"a.m", "p.m"})
_SPACED_DIGITS = re.compile(r" \d{1,2}(?!\d)")
_OPENS_QUOTED_SENTENCE = re.compile(r"[^\S\n]+[\"“«][A-Z]")
_END = re.compile(r"""[.!?]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[A-Z0-9])""")
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[\"“«A-Z0-9])")


def shorten(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters with an ellipsis, at a word boundary where one falls in the
    second half of the cut (a display label, a title stand-in, a passage on one line); unchanged when it fits."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if not text[width - 1].isspace() and space >= width // 2:  # the cut falls inside a word
        cut = cut[:space]
    return cut.rstrip() + "…"


_SENTENCE_CLOSERS = tuple(".!?\"”’»)…")
_LINE_END_WORDS = 3  # words before a line break that are the end of a line a passage opens inside


def excerpt(text: str) -> str:
    """A stretch of an article on one line, marked "…" where it opens or ends inside a sentence (a passage two texts
    share begins where their wording starts to agree: "… away, Sukanya intercepted the boats."), so no fragment reads
    as a sentence of its own."""
    text = str(text).strip()
    head, gap, rest = text.partition("\n\n")
    rest = rest.strip()
    # the end of a line before the passage's first paragraph ("PM ET" of a time stamp): left out, marked as cut
    cut_line = bool(gap and rest[:1].isupper() and len(head.split()) <= _LINE_END_WORDS
                    and not head.endswith(_SENTENCE_CLOSERS))
    line = " ".join((rest if cut_line else text).split())
    if not line:
        return line
    opens_inside = cut_line or line[0].islower() or line[0] in ",;:)]-–—"
    return ("… " if opens_inside else "") + line + ("" if line.endswith(_SENTENCE_CLOSERS) else " …")


_HEADING_MAX_WORDS = 12
_HEADING_SHARE = 2 / 3  # of a line's words of three letters or more, capitalised: a heading ("Anti Piracy Ops by ...")
_HEADING_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def is_heading_line(line: str) -> bool:
    """Whether a line of a body is a heading (a title or a subhead repeated in the text: "Anti Piracy Ops by INS
    Sukanya"), not a sentence: a few words, most in capitals, and no closing punctuation."""
    line = line.strip()
    words = [w for w in _HEADING_WORD.findall(line) if len(w) >= 3]
    if not words or "\n" in line or len(line.split()) > _HEADING_MAX_WORDS \
            or line.endswith(_SENTENCE_CLOSERS + (":", ";")):
        return False
    return sum(w[0].isupper() for w in words) >= _HEADING_SHARE * len(words)


# A web address, as written or as a tokenised corpus spaces it ("http : / / www . bbc . co . uk / news - 1"): no words
# of a headline, a claim or an outlet's vocabulary.
WEB_ADDRESS = re.compile(r"(?:\bhttps?[^\S\n]*:[^\S\n]*/[^\S\n]*/|\bwww[^\S\n]*\.)[^\S\n]*[^\s]+"
                         r"(?:[^\S\n]*[./_\-?=&#%~+][^\S\n]*[^\s]+)*", re.IGNORECASE)


def past_address(text: str, start: int, end: int) -> int:
    """``start``, or, when a web address opens ``text[start:end]`` (a corpus's first line), where the words after it
    and its trailing blanks begin (at most ``end``)."""
    address = WEB_ADDRESS.match(text, start)
    if address is None:
        return start
    after = min(address.end(), end)
    return after + len(text[after:end]) - len(text[after:end].lstrip())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text[start:end]``, stripped of surrounding whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    block_start = start
    for m in _PARA.finditer(text, start, end):
        spans.extend(_split_block(text, block_start, m.start()))
        block_start = m.end()
    spans.extend(_split_block(text, block_start, end))
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph."""
    spans = []
    cur = start
    for m in _END.finditer(text, start, end):
        if is_abbreviation(text, cur, m.start()):
            continue
        spans.append((cur, m.end()))
        cur = m.end()
    spans.append((cur, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def is_abbreviation(text: str, floor: int, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation or initials ("Lt.", "U.S.", "J.", "T.J."), not a
    sentence; the word is read back to ``floor`` at most."""
    if text[dot] != ".":
        return False
    i = dot
    while i > floor and not text[i - 1].isspace():
        i -= 1
    word = text[i:dot].lstrip("\"'“‘«([").casefold()
    if word in _CLOCK_MARKS and _OPENS_QUOTED_SENTENCE.match(text, dot + 1):
        return False  # `... at about 7:45 p.m. "No one was hurt," ...`: a time ends the sentence a quote follows
    if word.isdigit() and len(word) <= 2 and _SPACED_DIGITS.match(text, dot + 1):
        return True  # "At 9. 25 a. m.", "3. 5 per cent": a time or decimal a tokeniser spaced, no sentence end
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or bool(_INITIALS.fullmatch(word))


def ends_sentence(text: str) -> bool:
    """Whether a text ends its sentence: a full stop, "!" or "?" last, before any curly closing marks (a quote within
    it closed too: `... like, ‘Hang on a second!’`; a tokenised text's straight marks are its own closing mark)."""
    return text.rstrip().rstrip("’”").rstrip().endswith((".", "!", "?"))


def find_run(long_: list[str], short: list[str]) -> int:
    """Word index where ``short`` occurs as a contiguous run in ``long_``, else -1."""
    n = len(short)
    return next((i for i in range(len(long_) - n + 1) if long_[i] == short[0] and long_[i:i + n] == short), -1)

"""Quote spans: quote marks paired into spans, and the spans that are no one's words.

Marks are paired paragraph by paragraph: straight and curly quotes, « », „ “, and quotes that run over
paragraph breaks (a multi-paragraph quote reopens each paragraph; a quote left open may close a few paragraphs
on; a quote the text's end cuts, as excerpts do, runs to the cut; a curly quote holds a quote opened inside it with a
closing mark before a word, `“The time for ”small steps” is gone.”`). Dashes, apostrophes and stray marks are
dropped by their spacing and context; titles, nicknames and scare quotes are told from speech by their wording and
the cue (if any) that frames them. Attribution is in lib.extract.attribution, the driver in lib.extract.quotes.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lib.domain.names import TITLE_ABBREVIATIONS
from lib.models import Article

if TYPE_CHECKING:  # only for annotations: attribution imports this module
    from lib.extract.attribution import _Attribution

QUOTE_MARKS = "\"“”„«»"  # double quote marks, straight and typographic
_DOUBLE_MARKS = re.compile(f"[{QUOTE_MARKS}]")
# The marks a paragraph is paired by: the quote marks, and the closing double quote of Penn Treebank tokenised text,
# two apostrophes standing alone (`" It was a mess , '' she said`, the original ECB articles' spelling).
_PAIRED_MARKS = re.compile(f"[{QUOTE_MARKS}]|(?<=[^\\S\\n])''(?=\\s|$)")
_OPENERS = {"“", "„", "«"}
_CLOSERS = {"”", "»"}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\n")
_PARAGRAPH_END = set(".!?:;\"”’»)]…\n")
_MAX_CROSS_PARAGRAPHS = 8  # an unclosed quote may continue this many paragraphs to find its closing mark
_INSERT_WORDS = 6  # a line this short with no end punctuation inside an open quote is a page insert ("Read more")
_SCARE_WORDS = 2  # a fragment this short in a sentence is a scare quote or a term, not someone's words
# Words before a quote that mark it as the title of a work, not an utterance.
_TITLE_CUES = re.compile(r"\b(?:book|novel|film|movie|documentary|song|album|single|show|series|programme|program|"
                         r"play|opera|poem|essay|article|report|column|headline|heading|subheading|magazine|newspaper|"
                         r"podcast|blog|post|page|website|domain|session|talk|lecture|debate|panel|conference|"
                         r"exhibition|image|photo|photograph|picture|thumbnail|painting|dubbed|nicknamed|known as|"
                         r"named(?:[^\S\n]+(?:him|her|them|it|[\w’']+[’']s))?|so-called|campaign|game)"
                         r"(?:[^\S\n]+(?:the|a|an))?"
                         r"\s*[,:]?\s*$", re.IGNORECASE)
# The work someone made ("the creator of "...", "co-author of "...", "The director of "..." said"): a title, even
# with a cue right after it, which is the maker's.
_WORK_OF = re.compile(r"\b(?:co-)?(?:creator|author|founder|editor|director|host|producer|publisher|writer)s?[^\S\n]+of"
                      r"(?:[^\S\n]+(?:the|a|an))?\s*$", re.IGNORECASE)
# Words quoted from inside a text ("writing in a blog post "...", "said in a report: "..."), not its title.
_WORDS_IN = re.compile(r"\b(?:in|on)[^\S\n]+(?:a|an|the|his|her|their|its|one|this|that)[^\S\n]+(?:[\w\-]+[^\S\n]+)?"
                       r"[\w\-]+[^\S\n]*[,:]?\s*$", re.IGNORECASE)
# A verb that calls its object something, the object a title noun ("The ministry called the report "a collection of
# lies""): what follows is the subject's words about it, no title.
_CALLED_OBJECT = re.compile(r"\b(?:called|calls|calling|labelled|labeled|described|describes)[^\S\n]+"
                            r"(?:the|this|that|his|her|its|their)[^\S\n]+\w+(?:[^\S\n]+as)?\s*$", re.IGNORECASE)
# Words before a quote that name what it is, cue or no cue: a sign's or banner's words, a slogan or chant (what a
# crowd chanted), a blog, post or page called by the quoted name, and a phrase, word or web address quoted as such
# (rule 3 of QUOTES_GOLD.md: not anyone's utterance).
# A sign's words follow "read", "reading" or "said" ("a good sign: "..."" is no sign's); a slogan, chant or motto needs
# no verb.
_SIGNS = r"(?:banners?|placards?|signs?|posters?|t-shirts?)"
_NAMING_CUES = re.compile(rf"\b(?:chanted|chanting|slogans?|chants?|mottos?|"
                          rf"{_SIGNS}(?:(?:[^\S\n]+(?:that|which))?[^\S\n]+(?:read|reads|said|says)|[^\S\n]+reading)|"
                          r"(?:blog|post|page|group|website|site|account|channel|column|video|event|initiative|"
                          r"campaign)[^\S\n]+(?:called|named|titled|entitled)|"
                          # a word, phrase or name quoted as such ("the phrase "...", "the domain "...")
                          r"the[^\S\n]+(?:phrase|term|word|expression|hashtag|domain|url)|titled|entitled|"
                          # a translation ("a Latin phrase that means, "..."", "a word meaning "...""")
                          r"(?:phrase|term|word|expression|name|motto|saying)(?:[^\S\n]+(?:that|which))?[^\S\n]+"
                          r"(?:roughly[^\S\n]+)?(?:means|meaning|translates[^\S\n]+(?:as|to)|translated[^\S\n]+as))"
                          r"\s*[,:]?\s*$", re.IGNORECASE)
# A lower-case verb opening a quote ("has been", "will be", "is", "remains"): the quote is a predicate of the noun
# before it, never a title.
_PREDICATE_START = re.compile(r"[^\w]*(?:has|have|had|is|are|was|were|will|would|could|should|can|may|might|must|"
                              r"remains|remained|does|did|seems|seemed)\b")
_SMALL_WORDS = frozenset("a an the of in on at to for and or but with from by as is are vs via de la".split())
_WORD = re.compile(r"[\w’'\-]+")
# Pronouns and auxiliaries that make a short fragment a clause ("it is unlikely"), not a label ("girl next door").
_CLAUSE_MARKERS = frozenset("i you he she it we they is are was were be been will would can could should must "
                            "has have had do does did not".split())


@dataclass
class _Span:
    """One quoted span: mark and content offsets, paragraph, and the utterance it continues (if any)."""

    open: int
    close: int  # offset of the closing mark, or the paragraph end for a span left open
    start: int
    end: int
    para: int
    continues: int | None = None  # index of the span this one continues (multi-paragraph quote)
    last_para: int = -1  # paragraph of the closing mark (a quote may run over paragraph breaks)


def paragraph_spans(article: Article) -> list[tuple[int, int]]:
    """The article's paragraphs: its own spans if parsed, else blank-line (or line) separated blocks."""
    if article.paragraphs:
        return [tuple(p) for p in article.paragraphs]
    text = article.text
    spans, cur = [], 0
    for m in _LINE_BREAK.finditer(text):
        if not _ends_paragraph(text, m.start()):
            continue
        spans.append((cur, m.start()))
        cur = m.end()
    spans.append((cur, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _ends_paragraph(text: str, i: int) -> bool:
    """True when the line break at ``i`` ends a paragraph: a blank line follows, the line ends a sentence, or the
    next line opens a quote; a break inside a sentence is line wrapping."""
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    k = i + 1
    while k < len(text) and text[k] in " \t":
        k += 1
    return (j == 0 or text[j - 1] in _PARAGRAPH_END or k >= len(text) or text[k] in "\n\"“”„«-•*"
            or _PARAGRAPH_BREAK.match(text, i) is not None)


def _looks_closing(text: str, i: int) -> bool:
    """A mark after a word or punctuation and before space, punctuation or the end."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _looks_opening(text: str, i: int) -> bool:
    """A mark after space, an opening bracket or the start, and before a non-space; or, spaced as tokenised text
    spaces it, a straight mark opening a line or following a colon or comma, before a word (`" The boarding ...`,
    `said : " We`): a dash stands between words, never there."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after in " \t" and text[i] == '"':
        j = i + 1
        while j < len(text) and text[j] in " \t":
            j += 1
        k = _blank_start(text, i)
        # spaced before too, or opening the line: `Live," the impact` closes a quote
        return j < len(text) and text[j].isalnum() and (k == 0 or text[k - 1] == "\n"
                                                        or k < i and text[k - 1] in ":,")
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _blank_start(text: str, i: int) -> int:
    """Where the spaces and tabs right before offset ``i`` begin (``i`` itself when there are none)."""
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i


def _is_dash(text: str, i: int) -> bool:
    """A straight mark with spaces on both sides between words is used as a dash, not a quote mark."""
    if text[i] in "“”«»":
        # a curly mark tells its direction: spaced on both sides it is detokenised (`host, ” said`); French spaces
        # its guillemets (`« Cinquante-cinq minutes »`)
        return False
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before not in " \t" or after not in " \t":
        return False
    # Between words only: after spaced punctuation it closes a quote in tokenised text ("the charm , " DeGeneres
    # said", the spacing of ECB+ and other tokenised corpora)
    j = _blank_start(text, i)
    return not (j > 0 and text[j - 1] in ",.!?;:")


def _closes(text: str, i: int, opener: str) -> bool:
    """True when the mark at ``i`` closes a quote opened by ``opener``."""
    ch = text[i]
    if ch == '"':
        return opener == '"' or _looks_closing(text, i)
    if ch in _CLOSERS:
        return opener != "«" or ch == "»"
    if ch == "“":  # „…“ (German) or a mis-encoded closing mark
        return opener == "„" or _looks_closing(text, i) or _ends_line(text, i)
    return False


def _ends_line(text: str, i: int) -> bool:
    """True when nothing but spaces, or spaces and a comma or stop, follows the mark at ``i`` on its line: an opening
    mark there opens nothing, it is a closing one typed (`... a f****** second!’ “` at a paragraph's end; `... the
    orchestra “ , the comedian said` as tokenised text spaces it)."""
    end = text.find("\n", i)
    rest = text[i + 1:end if end >= 0 else len(text)].strip()
    return not rest or rest[0] in ",;" or rest[0] == "." and not rest.startswith("..")  # "“...Please" opens


def _opens(text: str, i: int) -> bool:
    """True when the mark at ``i`` can open a quote."""
    ch = text[i]
    if ch in _OPENERS:
        return True
    return _looks_opening(text, i)  # straight marks, and ” used for both ends by some systems


def _next_mark_closes(text: str, paras: list[tuple[int, int]], k: int, opener: str) -> bool:
    """True when the next quote mark after paragraph ``k`` (within a few paragraphs) closes a quote."""
    for j in range(k + 1, min(len(paras), k + 1 + _MAX_CROSS_PARAGRAPHS)):
        marks = [m.start() for m in _PAIRED_MARKS.finditer(text, *paras[j]) if not _is_dash(text, m.start())]
        if not marks:
            continue
        i = marks[0]
        if text.startswith("''", i):
            return opener == '"'  # a tokenised closing mark closes a straight opener
        if text[i] == '"' and opener == '"':
            # Straight marks cannot show their direction (detokenised `, "said`): an odd number of them in the
            # paragraph means the first one closes the quote left open above.
            return sum(text[x] == '"' for x in marks) % 2 == 1
        if text[i] == "“" and _ends_line(text, i):
            return True  # a closing mark typed as an opening one (`orchestra “ , she said`), as _closes reads it
        return _closes(text, i, opener) and not (text[i] in _OPENERS or (
            _looks_opening(text, i) and not _looks_closing(text, i)))
    return False


def _starts_with_opener(text: str, para: tuple[int, int]) -> bool:
    """True when a paragraph begins with an opening quote mark (the multi-paragraph quote convention)."""
    s = para[0]
    while s < para[1] and text[s].isspace():
        s += 1
    return s < para[1] and text[s] in "\"“„«"


def _is_insert(text: str, para: tuple[int, int]) -> bool:
    """True for a short line with no end punctuation and no quote mark: a link or widget a web page inserts
    ("Read more in politics", "Most read in News") where it may fall inside a multi-paragraph quote."""
    s, e = _trim(text, *para)
    line = text[s:e]
    return 0 < len(line.split()) <= _INSERT_WORDS and line[-1] not in _PARAGRAPH_END \
        and not _DOUBLE_MARKS.search(line)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_INWARD_OPENER = re.compile(r"»(?=\w)")  # German »Text«: the mark pointing right opens the quote
_OUTWARD_OPENER = re.compile(r"«(?=[^\S\n]?\w)")  # French « texte », Swiss «Text»
_SWAP_GUILLEMETS = str.maketrans("«»", "»«")


def find_spans(text: str, paras: list[tuple[int, int]]) -> list[_Span]:
    """Pair the quote marks of the text into spans, paragraph by paragraph (see module docstring). A text that quotes
    »so« (German print) is paired as one quoting «so»: its guillemets point inwards."""
    if "»" in text and len(_INWARD_OPENER.findall(text)) > len(_OUTWARD_OPENER.findall(text)):
        text = text.translate(_SWAP_GUILLEMETS)  # same length: every offset holds
    spans: list[_Span] = []
    pending: tuple[int, str, int] | None = None  # (offset, mark, paragraph where the span resumes)
    nested = 0  # quotes opened inside the open one with a closing mark (`“The time for ”little steps” is gone.”`)
    link: int | None = None  # span a continuation paragraph's quote belongs to
    bridged = -1  # a page insert inside an open multi-paragraph quote: the link carries over it
    for k, (ps, pe) in enumerate(paras):
        if k == bridged:
            continue
        for m in _PAIRED_MARKS.finditer(text, ps, pe):
            i = m.start()
            if m.group(0) == "''":
                if pending is not None and pending[1] == '"':  # a tokenised closing mark: the span ends before it
                    s, e = _trim(text, pending[0] + 1, i)
                    if any(c.isalnum() for c in text[s:e]):
                        spans.append(_Span(pending[0], m.end() - 1, s, e, pending[2], link, k))
                    link, pending = None, None
                continue
            if _is_dash(text, i):
                continue
            if pending is None:
                if _opens(text, i):
                    pending, nested = (i, text[i], k), 0
                continue
            if text[i] == "”" and pending[1] == "“" and _looks_opening(text, i) and not _looks_closing(text, i):
                nested += 1  # a closing mark before a word, inside a curly quote: it opens a quote within it
                continue
            if nested and text[i] == "”":
                nested -= 1
                continue
            if _closes(text, i, pending[1]):
                s, e = _trim(text, pending[0] + 1, i)
                if any(c.isalnum() for c in text[s:e]):
                    spans.append(_Span(pending[0], i, s, e, pending[2], link, k))
                link, pending = None, None
            elif text[i] in _OPENERS:
                pending = (i, text[i], k)  # an opener while one is open: the first was stray
        if pending is None:
            link = None
            continue
        opened_here = pending[2] == k
        para_start = _trim(text, ps, pe)[0]
        inserted = k + 2 < len(paras) and _is_insert(text, paras[k + 1]) and _starts_with_opener(text, paras[k + 2])
        if k + 1 < len(paras) and _starts_with_opener(text, paras[k + 1]) or inserted:
            # Multi-paragraph quote: this paragraph's part ends here, the next paragraph's opener continues it (over
            # a page insert such as "Read more in politics" between them).
            s, e = _trim(text, pending[0] + 1, pe)
            spans.append(_Span(pending[0], pe, s, e, pending[2], link, k))
            link, pending = len(spans) - 1, None
            if inserted:
                bridged = k + 1
        elif k + 1 < len(paras) and _next_mark_closes(text, paras, k, pending[1]) and \
                k - pending[2] < _MAX_CROSS_PARAGRAPHS:
            continue  # the quote runs on over the paragraph break (one sentence a paragraph, as in ECB+)
        elif opened_here and (pending[0] == para_start or _introduced(text, ps, pending[0], pe)) or pending[2] < k:
            # A paragraph-opening quote, or one after an introduction (`X wrote, “...`), whose closing mark was
            # lost: it runs to the paragraph end.
            s, e = _trim(text, pending[0] + 1, pe)
            if any(c.isalnum() for c in text[s:e]):
                spans.append(_Span(pending[0], pe, s, e, pending[2], link, k))
            link, pending = None, None
        elif k == len(paras) - 1 and _cut_with_the_text(text, pending[0], pe):
            # The text ends inside the quote (an excerpt or a page cut mid-quote, `“They shouldn't ... Our
            # Country...`): the quote runs to the cut, its ellipsis left out.
            s, e = _trim(text, pending[0] + 1, pe)
            e = len(text[s:e].rstrip(". …")) + s
            spans.append(_Span(pending[0], pe, s, e, pending[2], link, k))
            link, pending = None, None
        else:
            link, pending = None, None  # a stray mark
    return _with_single_marks(text, paras, spans)


def _first_after(offsets: list[int], pos: int) -> int:
    """The first offset after ``pos`` in a sorted list (a number beyond any text's end past the last)."""
    n = bisect.bisect_right(offsets, pos)
    return offsets[n] if n < len(offsets) else 1 << 62


_SINGLE_OPENER, _SINGLE_CLOSER = "‘", "’"
_PLURAL_POSSESSIVE = re.compile(r"s’[^\S\n]+[a-z]")
_COMPOUND_AFTER = re.compile(r"-\w")  # a marked phrase joined to a noun by a hyphen: a compound, no quote


def _with_single_marks(text: str, paras: list[tuple[int, int]], spans: list[_Span]) -> list[_Span]:
    """The spans plus quotes in typographic single marks outside every double-marked span (`‘It is so sad,’ she
    said`, the British convention): a ‘ that opens (after a space or bracket, before a letter: not "the ‘80s")
    pairs with the first ’ after it in its paragraph, and before the next ‘, that closes (after a word or
    punctuation, before no letter), so the apostrophes of "don’t" and "Obi’s" are passed over. A quote within a
    double-marked quote stays part of it. Each mark is looked up by bisection, so the work grows with the number of
    marks, not its square."""
    if _SINGLE_OPENER not in text:
        return spans
    found = []
    opens = [sp.open for sp in spans]  # spans are in text order and do not overlap
    closers = [m.start() for m in re.finditer(_SINGLE_CLOSER, text) if _looks_closing(text, m.start())]
    starts = [m.start() for m in re.finditer(_SINGLE_OPENER, text)]
    # `the students’ money`: an s, the mark and a lower-case word read on as a plural possessive while a later mark
    # can close the quote
    firm = [x for x in closers if not _PLURAL_POSSESSIVE.match(text, x - 1)]
    for k, (ps, pe) in enumerate(paras):
        i = text.find(_SINGLE_OPENER, ps, pe)
        while i >= 0:
            n = bisect.bisect_right(opens, i)
            inside = _in_span(spans, opens, i)
            j = -1
            if _looks_opening(text, i) and text[i + 1:i + 2].isalpha() and not inside:
                limit = min(pe, _first_after(starts, i))  # `‘A’ she said. She added: ‘B.’`: two quotes
                j = next((x for x in (_first_after(firm, i), _first_after(closers, i)) if x < limit), -1)
            if j > i and not (n < len(opens) and opens[n] < j) and not _COMPOUND_AFTER.match(text, j + 1) \
                    and any(c.isalnum() for c in text[i + 1:j]):  # not `‘Alles ist möglich’-Verhältnisse`
                s, e = _trim(text, i + 1, j)
                found.append(_Span(i, j, s, e, k, None, k))
                i = text.find(_SINGLE_OPENER, j + 1, pe)
            else:
                i = text.find(_SINGLE_OPENER, i + 1, pe)
    if not found:
        return spans
    merged = sorted(spans + found, key=lambda sp: sp.open)
    new_index = {id(sp): n for n, sp in enumerate(merged)}
    return [replace(sp, continues=new_index[id(spans[sp.continues])]) if sp.continues is not None else sp
            for sp in merged]


_CUT_MIN_WORDS = 3  # an unclosed quote running to the text's end holds at least this many words to be one


def _introduced(text: str, para_start: int, opener: int, para_end: int) -> bool:
    """True when an opening mark follows an introduction's comma or colon and the paragraph after it, unclosed, ends a
    sentence with words enough to be someone's words (`Forum user X wrote, “We were told ... It is true!`)."""
    tail = text[opener + 1:para_end].rstrip()
    return text[para_start:opener].rstrip().endswith((",", ":")) and tail.endswith((".", "!", "?")) \
        and not tail.endswith("...") and _word_count(tail) >= _CUT_MIN_WORDS  # an ellipsis: a cut excerpt


def _cut_with_the_text(text: str, opener: int, end: int) -> bool:
    """True when an opening mark (not a closing one used as an opener) after a space or a sentence start runs,
    unclosed, to the end of the text with words enough to be someone's words, not a stray or an inch mark."""
    before = text[opener - 1] if opener else "\n"
    return text[opener] not in _CLOSERS and not text[end:].strip() and (before.isspace() or before in "(—–") \
        and _word_count(text[opener + 1:end]) >= _CUT_MIN_WORDS


def _word_count(s: str) -> int:
    """Number of words."""
    return len(_WORD.findall(s))


def _is_clause(content: str) -> bool:
    """True when a short fragment holds a pronoun or an auxiliary verb, i.e. reads as a clause."""
    return any(w.lower() in _CLAUSE_MARKERS for w in _WORD.findall(content))


def _is_title_case(content: str) -> bool:
    """True when every significant word is capitalised (a title of a work or a name, not speech)."""
    words = _WORD.findall(content)
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant) and len(words) >= 2


# A sentence about a slogan, chant, motto or saying before its quote ("their slogan of months "...", "A popular saying
# commemorates these events: "...", "whose motto may well have been, "..."): the quote is that saying, no one's words
# (QUOTES_GOLD.md rule 3), wherever the noun stands in the sentence. "Saying" only as a noun, after an article and at
# most two adjectives or capitalised words, never the verb ("quoted as saying", "a statement saying").
_SAYING_IN_SENTENCE = re.compile(r"\b(?:(?i:slogans?|chants?|mottos?|mottoes|proverbs?|adages?|maxims?)|"
                                 r"(?:[Aa]n?|[Tt]he)[^\S\n]+(?:(?:old|popular|famous|common|well-known|[A-Z][\w\-]+)"
                                 r"[^\S\n]+){0,2}saying(?![^\S\n]+that))\b")


def is_saying(sentence: str) -> bool:
    """True when the sentence before a quote is about a slogan, chant, motto, proverb or saying."""
    return _SAYING_IN_SENTENCE.search(sentence) is not None


# Words imagined, not said: "as if to say", and a modal saying, asking or thinking by "you", "one", "we" or people at
# large ("you may be thinking, "...", "We would also ask, "...", "they will say "...") right before the quote.
_IMAGINED = re.compile(r"(?:\b(?:as[^\S\n]+if|as[^\S\n]+though)[^\S\n]+to[^\S\n]+(?:say|ask)|"
                       r"\b(?:[Yy]ou|[Oo]ne|[Ww]e|[Tt]hey|readers?|many|some|people)[^\S\n]+"
                       r"(?:may|might|could|would|will|should|must)[^\S\n]+"
                       r"(?:(?:well|also|then|be|have[^\S\n]+to)[^\S\n]+)*"
                       r"(?:say|ask|think|thinking|wonder|wondering|exclaim|respond)\b)[^\"“”.!?\n]{0,60}$")


def is_imagined(sentence: str) -> bool:
    """True when the sentence before a quote imagines the words rather than reports them."""
    return _IMAGINED.search(sentence) is not None


# A string in code or data, not anyone's words: an assignment (`USER_AGENT = "..."`) or a key alone before its value on
# its line (`"Value": "..."`).
_CODE_LEAD = re.compile(r"(?:^|\n)[^\S\n]*(?:[A-Za-z_][\w.\[\]]*[^\S\n]*=|[\"'][\w \-]{1,40}[\"'][^\S\n]*:)[^\S\n]*$")


_CODE_LEAD_CHARS = 120  # a key or an assignment before a string is this short: a longer line start is prose


def is_code(text: str, span: _Span) -> bool:
    """True when the quote marks of ``span`` hold a string of code or data (only the line's first _CODE_LEAD_CHARS
    characters before the mark are read: a paragraph of thousands of quotes costs each the same)."""
    lo = max(0, span.open - _CODE_LEAD_CHARS)
    line = text.rfind("\n", lo, span.open)
    if line < 0 and lo > 0:
        return False
    return _CODE_LEAD.search(text, max(0, line), span.open) is not None


# A quote that fills a bracket after a name or a term, a language named or not: its gloss, translation or short
# form ('Movimiento Sin Miedo ("Movement without Fear" in Spanish)', 'Terms of Service ("Terms")', 'Simon Beaufoy
# ("Slumdog Millionaire")'), not anyone's words. After a quote, the bracket translates that quote and is one too.
_BRACKET_OPEN = re.compile(r"[^\S\n]*\([^\S\n]*$")  # the bracket, with the spaces before and after it
_BRACKET_CLOSE = re.compile(r"[^\S\n]*(?:in[^\S\n]+[A-Z][\w\-]+[^\S\n]*)?\)")
_BRACKET_GAP = 4  # spaces between a word, its bracket and the quote mark


def fills_brackets(text: str, span: _Span) -> bool:
    """True when the quote marks of ``span`` fill a bracket that follows a word, not another quote, around words that
    end no sentence (a name or a term, not an aside: '("Can that be the title?")')."""
    if text[span.start:span.end].rstrip()[-1:] in (".", "!", "?"):
        return False
    opened = _BRACKET_OPEN.search(text, max(0, span.open - _BRACKET_GAP), span.open)
    return opened is not None and text[max(0, opened.start() - 1):opened.start()].isalnum() \
        and _BRACKET_CLOSE.match(text, span.close + 1) is not None


# A passive naming ("areas that are commonly called "...", "what is called the old "..."): a term, unless an agent
# follows ("was called "a liar" by her rival": the rival's words) or the quote is a description with its own article
# ("had been called "a traitor to the party"": someone's judgement, quoted).
_PASSIVE_NAMING = re.compile(r"\b(?:is|are|was|were|be|been|being)[^\S\n]+(?:[a-z]+ly[^\S\n]+)?"
                             r"(?:called|termed|dubbed|labell?ed|referred[^\S\n]+to[^\S\n]+as)"
                             r"(?:[^\S\n]+(?:the|a|an)(?:[^\S\n]+[a-z]+)?)?\s*[,:]?\s*$", re.IGNORECASE)
_AGENT_AFTER = re.compile(r"[\s,.]*by\b")


# A quote the next words define or gloss ("This License" refers to ..., "Object code" means ..., "Este es El Punto"
# refers to ...): a term, not anyone's words.
_DEFINED_AFTER = re.compile(r"[^\S\n]*,?[^\S\n]*(?:refers[^\S\n]+to|means|stands[^\S\n]+for|is[^\S\n]+short[^\S\n]+for|"
                            r"translates[^\S\n]+(?:as|to))\b")


def is_term(lead: str, content: str, after: str) -> bool:
    """True when the words after a quote define it, or the words before it name it passively as a term while the
    quote opens with no article and no agent ("by ...") follows it."""
    if _DEFINED_AFTER.match(after):
        return True
    first = content.split(maxsplit=1)[:1]
    return _PASSIVE_NAMING.search(lead) is not None and _AGENT_AFTER.match(after) is None \
        and not (first and first[0].lower() in ("a", "an", "the"))


def is_named(lead: str) -> bool:
    """True when the words before a quote say it is a name or a sign's words ("signs that read:", "a blog called")."""
    return _NAMING_CUES.search(lead) is not None


_ADDRESS = re.compile(r"\S+\.[a-z]{2,}(?:/\S*)?")  # a domain or web address ("falha.com.br", "x.org/y")


_SPEECH_CUES = frozenset("said says told tells added adds stated states explained remarked".split())
_SENTENCE_WORDS = 8  # a quote this long opening with a capital is a sentence, its end mark outside the quote or not


def _is_title_or_scare(content: str, partial: bool, found: _Attribution | None, lead: str) -> bool:
    """True for quote marks around a title, a nickname or a scare-quoted term rather than someone's words.

    Embedded fragments of one or two words are scare quotes even under a cue ("called it "a disgrace"");
    title-case spans not framed by an adjacent cue are titles ("Year of the Woman," "Meet The Press"). A sentence of one or two words that a
    cue introduces or follows is speech (`"No," he said.`, `"It's devastating."`).
    """
    words = _word_count(content)
    if _ADDRESS.fullmatch(content.strip()):
        return True  # a web address is a name
    if _WORK_OF.search(lead):
        return True
    adjacent = found is not None and found.source in ("after", "before")
    stripped = content.rstrip()
    sentence = stripped[:1].isupper() and stripped.endswith((".", "!", "?", ","))
    # `He said on the radio programme "It is a great loss."`: a sentence a speaker's cue introduces is speech, even
    # after a title's noun
    spoken = stripped[:1].isupper() and (sentence or words >= _SENTENCE_WORDS) and words > _SCARE_WORDS \
        and not _is_title_case(content) and found is not None and bool(found.cue) \
        and found.cue.split()[0].lower() in _SPEECH_CUES  # not "announced his new book "..."", "wrote a post "...""
    if _TITLE_CUES.search(lead) and not adjacent and not spoken and not _PREDICATE_START.match(content) \
            and not _CALLED_OBJECT.search(lead) and not _WORDS_IN.search(lead):
        return True  # not `the program "has been a success"`: the noun is the subject of the quoted verb
    if partial:
        return words <= _SCARE_WORDS or (_is_title_case(content) and not adjacent)
    if words <= _SCARE_WORDS and not (adjacent or (sentence and not _is_title_case(content))):
        return True
    return _is_title_case(content) and not adjacent and not stripped.endswith(("!", "?"))


def _is_partial(text: str, span: _Span, before_start: int, after_quote: bool = False) -> bool:
    """A quote embedded in the writer's own sentence (lower-case start, or words before it that are not an intro)."""
    first = next((c for c in text[span.start:span.end] if c.isalnum()), "")
    if span.continues is not None:
        return False
    lead = text[before_start:span.open].rstrip()
    if not lead:
        return first.islower()
    if lead.endswith((",", ":", "—", "–", "(")):
        # `"X," he said, "and Y."`: a lower-case start after an attribution between two quotes is still direct.
        return first.islower() and not lead.endswith(":") and not (after_quote and lead.endswith(","))
    return True


# A bracketed annotation a page adds to its own prose: a language tag after a link ("tweeted [ru]:", "[pt-BR]"), a
# footnote number ("[3]"), a link or media label ("[PDF]", "[video]"). Written between a speaker and its cue ("X
# responded [ru] simply:", "in the opinion [pt] of X"), it must not break the attribution.
ANNOTATION = re.compile(r"\[(?:[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?|[A-Z]{2}|\d{1,3}|link|pdf|PDF|video|audio|photo)\]")


def mask_annotations(text: str, spans: list[_Span]) -> str:
    """The text with bracketed annotations outside every quote span (ANNOTATION) blanked with spaces, and a title's
    stop that tokenised text spaces off ("said Rep . Nick Rahall") put back against it ("Rep.  Nick"): the same
    length, so every offset holds, and the quotes' own words (an editor's "[he]" inside a quote) untouched."""
    found = list(ANNOTATION.finditer(text))
    spaced = list(_SPACED_TITLE_STOP.finditer(text))
    if not found and not spaced:
        return text
    opens = [s.open for s in spans]
    chars = list(text)
    for m in found:
        if not _in_span(spans, opens, m.start()):
            chars[m.start():m.end()] = " " * (m.end() - m.start())
    for m in spaced:
        if not _in_span(spans, opens, m.start()):
            chars[m.start("stop"):m.end("stop")] = [".", " "]
    return "".join(chars)


# A title's abbreviation, a space and its stop before a capitalised word, as tokenised corpora write "Rep . Nick".
_SPACED_TITLE_STOP = re.compile(rf"\b(?:{'|'.join(a.capitalize() for a in sorted(TITLE_ABBREVIATIONS))})"
                                r"(?P<stop>[^\S\n]\.)(?=[^\S\n]+[A-Z])")


def _in_span(spans: list[_Span], opens: list[int], pos: int) -> bool:
    """Whether ``pos`` lies within a quote span, its marks included (``spans`` in text order, not overlapping;
    ``opens`` their opening marks)."""
    n = bisect.bisect_right(opens, pos)
    return n > 0 and spans[n - 1].close >= pos

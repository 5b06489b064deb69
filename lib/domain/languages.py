"""The language an article states, as one ISO 639-1 code, however the input writes it: "en-US", "en_GB", "eng",
"English" and "en" are all "en", "Deutsch" and "ger" are "de" (GDELT's exports name the language in English, bulk
rows and pages give tags with a region, library catalogues three-letter codes). Read with babel's CLDR data (courlan,
which trafilatura installs, depends on it). And the language a text is written in (detect_language, py3langid:
trafilatura's own language identifier), for articles that state none or state their site's ("en" on a German page)."""
from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError


@lru_cache(maxsize=4096)
def language_code(language: object) -> str | None:
    """The ISO 639-1 code of a stated language (a tag, a code or a language's name in English or in itself); a value
    none of these reads keeps its first subtag, lower-cased ("xx-YY" -> "xx"); None when none is stated."""
    value = str(language).strip() if language is not None else ""
    if not value or value.casefold() in ("nan", "none", "null"):
        return None
    try:
        return Locale.parse(value.replace("-", "_")).language
    except (ValueError, TypeError, UnknownLocaleError):
        return _language_names().get(value.casefold(), value.casefold().replace("_", "-").split("-")[0])


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    """Lower-cased language name -> ISO 639-1 code: each language's English name and its own ("Deutsch")."""
    english = {code: name for code, name in Locale("en").languages.items() if len(code) == 2}
    names = {name.casefold(): code for code, name in english.items()}
    for code in english:
        try:
            own = Locale(code).get_language_name(code)
        except (ValueError, UnknownLocaleError):
            continue
        if own:
            names.setdefault(own.casefold(), code)
    return names


DETECT_CHARS = 3000  # the opening of a text the identifier reads: a language shows in a few paragraphs
# ... and its lead (its first lines, up to this), which must read as the same language: an English report quoting
# Russian bloggers at length reads as Russian over its opening, as English over its lead
LEAD_CHARS = 600
DETECT_MIN_WORDS = 20  # fewer words than this tell no language reliably (a caption, a headline)
DETECT_CONFIDENCE = 0.95  # the identifier's probability a language needs
_WORD = re.compile(r"[^\W\d_]{2,}")
_NO_LANGUAGE = "zxx"  # the identifier's "no linguistic content"


def _lead(text: str) -> str:
    """The text's first lines, as many as make DETECT_MIN_WORDS words, at most LEAD_CHARS characters."""
    end = 0
    while end < min(len(text), LEAD_CHARS) and len(_WORD.findall(text, 0, end)) < DETECT_MIN_WORDS:
        line_end = text.find("\n", end + 1)
        end = line_end if line_end >= 0 else len(text)
    return text[:min(end, LEAD_CHARS)]


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier with probabilities (its model loads in about half a second, once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when it is too short or mixed to tell.
    Of the 756 pages of ../shared/data that state a language it reads, it agrees on 737; of the 19 others the text is
    in the language read here on 18 (German pages declaring "en", English ones on .de sites; one page mixes German and
    English), no text of ECB+ or AllSides (782, English) reads as another language, and no English report of the quote
    gold sets quoting Russian, Arabic or Portuguese at length does."""
    opening = text[:DETECT_CHARS]
    if len(_WORD.findall(opening)) < DETECT_MIN_WORDS:
        return None
    found = {_identifier().classify(part) for part in (opening, _lead(opening))}
    return language_code(next(iter(found))[0]) if len({code for code, _ in found}) == 1 and all(
        probability >= DETECT_CONFIDENCE and code != _NO_LANGUAGE for code, probability in found) else None

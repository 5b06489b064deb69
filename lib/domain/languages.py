"""The language an article states, as one ISO 639-1 code, however the input writes it: "en-US", "en_GB", "eng",
"English" and "en" are all "en", "Deutsch" and "ger" are "de" (GDELT's exports name the language in English, bulk
rows and pages give tags with a region, library catalogues three-letter codes). Read with babel's CLDR data (courlan,
which trafilatura installs, depends on it)."""
from __future__ import annotations

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

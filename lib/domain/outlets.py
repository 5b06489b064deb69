"""Outlet identity: names as written (in datelines, headers, bylines, site names) -> one canonical outlet."""
from __future__ import annotations

import unicodedata

import pandas as pd

# Outlet names as written -> canonical outlet. Keys are compared case-folded, with dots and
# extra spaces removed (see canonical_outlet). Unknown names are kept as written.
OUTLET_ALIASES = (
    ("tass", "TASS"), ("itar-tass", "TASS"), ("itar tass", "TASS"), ("тасс", "TASS"), ("итар-тасс", "TASS"),
    ("reuters", "Reuters"), ("thomson reuters", "Reuters"),
    ("ap", "Associated Press"), ("the associated press", "Associated Press"),
    ("associated press", "Associated Press"),
    ("afp", "AFP"), ("agence france-presse", "AFP"), ("agence france presse", "AFP"),
    ("cnn", "CNN"), ("cnn business", "CNN"),
    ("xinhua", "Xinhua"), ("xinhua news agency", "Xinhua"), ("xinhuanet", "Xinhua"),
    ("interfax", "Interfax"), ("интерфакс", "Interfax"), ("interfax-ukraine", "Interfax-Ukraine"),
    ("ria novosti", "RIA Novosti"), ("ria", "RIA Novosti"), ("риа новости", "RIA Novosti"),
    ("sputnik", "Sputnik"), ("sputnik news", "Sputnik"),
    ("urdupoint news", "UrduPoint News"), ("urdupoint", "UrduPoint News"),
    ("pakistan point news", "Pakistan Point News"),
    ("upi", "UPI"), ("united press international", "UPI"),
    ("bloomberg", "Bloomberg"), ("dpa", "dpa"), ("efe", "EFE"), ("ansa", "ANSA"), ("kyodo", "Kyodo"),
    ("kyodo news", "Kyodo"), ("yonhap", "Yonhap"), ("pti", "PTI"), ("ians", "IANS"), ("ani", "ANI"),
    ("anadolu", "Anadolu Agency"), ("anadolu agency", "Anadolu Agency"), ("aa", "Anadolu Agency"),
    ("bernama", "Bernama"), ("irna", "IRNA"), ("wam", "WAM"), ("sana", "SANA"), ("belta", "BelTA"),
    ("ukrinform", "Ukrinform"), ("xinhua/ians", "Xinhua"), ("cna", "CNA"), ("mena", "MENA"),
    ("bbc", "BBC"), ("bbc news", "BBC"), ("rt", "RT"), ("al jazeera", "Al Jazeera"),
    ("the hill", "The Hill"), ("politico", "Politico"), ("axios", "Axios"),
)
_ALIASES = dict(OUTLET_ALIASES)


def canonical_outlet(name: str | None) -> str | None:
    """The canonical outlet for a name as written (OUTLET_ALIASES), else the name tidied; None if empty."""
    if not name:
        return None
    tidy = " ".join(name.strip(" .,:;-–—").split())
    if not tidy:
        return None
    return _ALIASES.get(_alias_key(tidy), tidy)


def is_known_outlet(name: str) -> bool:
    """True when the name is in the OUTLET_ALIASES table."""
    return _alias_key(name) in _ALIASES


def _alias_key(name: str) -> str:
    """Lookup key: case-folded, dots dropped, spaces collapsed ("A.P." -> "ap")."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().replace(".", "").split()).strip(" ,:;-–—")


# How an outlet is shown: one label for every missing outlet, whatever the stage.
UNKNOWN_OUTLET = "(unknown outlet)"


def outlet_label(outlet) -> str:
    """The display name of an outlet; missing outlets get one shared label."""
    return UNKNOWN_OUTLET if outlet is None or (not isinstance(outlet, str) and pd.isna(outlet)) or outlet == "" \
        else str(outlet)


def outlet_labels(outlets: pd.Series) -> pd.Series:
    """outlet_label over a whole column at once (a per-cell map costs 0.1 s on 5,000 Arrow-backed strings)."""
    return outlets.where(outlets.notna() & (outlets != ""), UNKNOWN_OUTLET).astype(str)

"""Outlet identity: names as written (in datelines, headers, bylines, site names, host names) -> one canonical
outlet per publisher, with a readable name.

Two tables of data decide it: ``outlet_aliases.csv`` beside this file (a name or a web domain as written -> the
outlet's readable name) and the Public Suffix List bundled with the ``tld`` package (which courlan, installed with
trafilatura, uses too; read offline), which tells a publisher's registered domain from its host name:
``edition.cnn.com`` and ``CNN.com`` -> ``cnn.com`` -> CNN; ``articles.philly.com`` -> ``philly.com`` -> its publisher.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pandas as pd
from tld import get_tld

from lib.domain.names import FIRST_NAME_GENDERS, normalise_name, written_as_full_name

# read as package data, so the table is found in a zip of the code as well (the Spark executors' `lib`)
ALIASES_FILE = resources.files(__package__).joinpath("outlet_aliases.csv")
# Qualifiers that name a medium or a section of one publisher, not another outlet ("Fox News (Online News)",
# "New York Times (Opinion)"): dropped from a trailing parenthesis before the lookup.
MEDIUM_QUALIFIERS = ("news", "online news", "online", "opinion", "print", "tv", "radio", "blog", "web", "website",
                     "digital", "wire", "newswire", "magazine", "editorial", "op-ed", "analysis")

# Hosting domains whose subdomains are different publishers (a blog, a station): there the publisher is the host
# one label below the registered domain ("espn.go.com", "someone.blogspot.nl"), matched by the domain's name so
# every country suffix counts ("blogspot.com", "blogspot.nl").
HOSTING_NAMES = ("blogspot", "wordpress", "livejournal", "substack", "tumblr", "typepad", "medium", "go", "github",
                 "wixsite", "weebly", "blogger")


def _read_aliases(path: Path | Traversable) -> tuple[tuple[str, str], ...]:
    """Rows (written, outlet) of the alias table; a row without both values is an error naming the file and line."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            written, outlet = (row.get("written") or "").strip(), (row.get("outlet") or "").strip()
            if not written or not outlet:
                raise ValueError(f"{path}:{number}: an alias row needs `written` and `outlet`")
            rows.append((written, outlet))
    return tuple(rows)


# Names and domains as written -> canonical outlet (the data file). Unknown names are kept as written (tidied);
# unknown domains become their registered domain ("ktla.com").
OUTLET_ALIASES = _read_aliases(ALIASES_FILE)
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[\w-]+\.)+[a-z][\w-]*\.?(?::\d+)?(?:[/?#].*)?$", re.IGNORECASE)
_QUALIFIER = re.compile(r"\s*\((?:" + "|".join(re.escape(q) for q in MEDIUM_QUALIFIERS) + r")\)\s*$", re.IGNORECASE)
# A publisher's legal form after its name ("The Philadelphia Inquirer, LLC", "Acme Media GmbH"): one outlet with or
# without it (a final "." is tidied off before, so it is optional here).
_LEGAL_FORM = re.compile(r",?\s+(?:LLC|L\.L\.C\.?|Inc\.?|Ltd\.?|Limited|GmbH|AG|plc|PLC|LLP|S\.A\.?|e\.V\.?)$")


def _alias_key(name: str) -> str:
    """Lookup key of a name: case-folded, dots dropped, spaces collapsed, a leading "the" dropped ("The A.P." -> "ap")."""
    key = " ".join(unicodedata.normalize("NFC", name).casefold().replace(".", "").split()).strip(" ,:;-–—")
    return key.removeprefix("the ")


def _is_domain(written: str) -> bool:
    """True when a table row names a web domain (it has a dot and no space)."""
    return "." in written and " " not in written.strip()


_NAMES = {_alias_key(w): o for w, o in OUTLET_ALIASES if not _is_domain(w)}
_DOMAINS = {w.casefold().removeprefix("www."): o for w, o in OUTLET_ALIASES if _is_domain(w)}


@functools.lru_cache(maxsize=1 << 14)
def _registered_domain(written: str) -> tuple[str, str] | None:
    """(host, registered domain) of a host name or URL as written, from the bundled Public Suffix List; None when
    the text is no host name ("Fox News", "A.P.", "x.y")."""
    if not _HOST.match(written):
        return None
    parsed = get_tld(written.casefold().rstrip("."), fix_protocol=True, as_object=True, fail_silently=True)
    if parsed is None or not parsed.domain:
        return None
    host = (parsed.parsed_url.hostname or parsed.fld).removeprefix("www.")
    registered = parsed.fld
    if parsed.domain in HOSTING_NAMES and host != registered:
        registered = ".".join(host.split(".")[-registered.count(".") - 2:])
    return host, registered


def is_host_name(written: str) -> bool:
    """True when ``written`` is a host name under a public suffix ("Politico.eu", "bbc.co.uk"; not "Mr.Smith")."""
    return _registered_domain(written) is not None


@functools.lru_cache(maxsize=1 << 14)
def canonical_outlet(name: str | None) -> str | None:
    """The canonical outlet for a name or host as written (outlet_aliases.csv, registered domains), else the name
    tidied; None if empty."""
    if not name:
        return None
    tidy = " ".join(name.strip(" .,:;-–—").split())
    if not tidy:
        return None
    domain = _registered_domain(tidy)
    if domain is not None:
        return _domain_outlet(*domain)
    bare = _LEGAL_FORM.sub("", _QUALIFIER.sub("", tidy)) or tidy
    return _NAMES.get(_alias_key(bare), bare)


def _domain_outlet(host: str, registered: str) -> str:
    """The outlet of a host: the alias of the host or of its nearest listed parent domain, else the alias of the
    domain's name ("tass.ru" -> "tass" -> TASS), else the registered domain itself."""
    labels = host.split(".")
    for i in range(len(labels) - registered.count(".")):
        outlet = _DOMAINS.get(".".join(labels[i:]))
        if outlet:
            return outlet
    return _NAMES.get(_alias_key(registered.split(".")[0]), registered)


def is_known_outlet(name: str) -> bool:
    """True when the name (or host) is in the alias table."""
    domain = _registered_domain(" ".join(name.split()))
    if domain is not None:
        return _domain_outlet(*domain) != domain[1]
    return _alias_key(_QUALIFIER.sub("", name) or name) in _NAMES


# Words of a writer's role in an outlet field ("Staff Writer", "Contributor"): a byline, not a publisher.
_WRITER_WORDS = frozenset("writer writers columnist columnists contributor contributors".split())
# Words that name a publication ("Harbor News", "Mesa Times", "Christian Science Monitor"): no person's name.
_PUBLICATION_WORDS = frozenset(w for q in MEDIUM_QUALIFIERS for w in q.split()) | frozenset("""
times post herald monitor journal tribune gazette observer chronicle review daily weekly standard telegraph guardian
independent express mirror sun star inquirer examiner courier dispatch register record bulletin press zeitung report
reporter today world globe voice beacon sentinel leader mail week american scientific policy affairs insider
""".split())
_ECHO_MIN_CHARS = 3  # a shorter word of a name ("Al", "Jo") says nothing when a host name contains it


def _names_writer_role(written: str) -> bool:
    return bool(_WRITER_WORDS & set(re.split(r"[\s\-–—]+", written.casefold())))


def names_a_writer(written: str, url: str | None) -> bool:
    """Whether an outlet field as written names the article's writer, not its publisher (a news database may list a
    columnist as the source): a writer's role ("Staff Writer"), or a person's name on a known outlet's page: a full
    name opened by a given name of the names table, with no word of a publication, that the alias table does not know
    and the URL's host (an outlet the alias table knows) does not echo ("Paul Hale" at a known paper's site; not "Paul
    Hale" at paulhale.com, nor "Mesa Times", nor "Christian Science Monitor" on an aggregator's copy). A name alone
    is no byline: most outlets are written as names are ("Rolling Stone", "Le Monde"), and a field without a URL
    stays the outlet."""
    if is_known_outlet(written):
        return False
    if _names_writer_role(written):
        return True
    domain = _registered_domain(url.strip()) if url else None
    if domain is None or _domain_outlet(*domain) == domain[1]:
        return False  # no URL, or a host the alias table does not know (is_known_outlet of the host)
    words = normalise_name(written).split()
    label = domain[1].split(".")[0]
    return written_as_full_name(written) and words[0] in FIRST_NAME_GENDERS and not _PUBLICATION_WORDS & set(words) \
        and not any(len(w) >= _ECHO_MIN_CHARS and w in label for w in words) \
        and "".join(w[0] for w in words) != label


# A web archive's copy of a page: its path holds the archived page's own address ("https://web.archive.org/web/
# 20160218174457/http://example.de/2010/05/story/", archive.today's "archive.ph/2019.01.02-030405/https://...").
_ARCHIVED = re.compile(r"^(?:https?://)?(?:web\.)?(?:archive\.org/web|archive\.(?:today|ph|is|li|vn|fo|md))/"
                       r"[\w.*-]*/(?P<original>(?:https?://|www\.)\S+)$", re.IGNORECASE)


def site_url(url: str) -> str:
    """The address of the site a page belongs to: a web archive's copy stands for the page it archived, whose site
    is the outlet (three archived blogs are three outlets, not one "archive.org")."""
    m = _ARCHIVED.match(url.strip())
    return m.group("original") if m else url


def outlet_and_writer(written: str | None, url: str | None = None) -> tuple[str | None, str | None]:
    """(canonical outlet, writer's name) of an outlet field as written: a missing field, or one that names a writer
    (names_a_writer), gives the outlet of the article's URL instead (none without one), and the writer's name when it
    is a person's."""
    if written and not names_a_writer(written, url):
        return canonical_outlet(written), None
    url = site_url(url) if url else url
    outlet = canonical_outlet(url.strip()) if url and is_host_name(url.strip()) else None
    person = bool(written) and written_as_full_name(written) and not _names_writer_role(written)
    return outlet, " ".join(written.split()) if person else None


# How an outlet is shown: one label for every missing outlet, whatever the stage.
UNKNOWN_OUTLET = "(unknown outlet)"


def outlet_label(outlet) -> str:
    """The display name of an outlet; missing outlets get one shared label."""
    return UNKNOWN_OUTLET if outlet is None or (not isinstance(outlet, str) and pd.isna(outlet)) or outlet == "" \
        else str(outlet)


def outlet_labels(outlets: pd.Series) -> pd.Series:
    """outlet_label over a whole column at once (a per-cell map costs 0.1 s on 5,000 Arrow-backed strings)."""
    return outlets.where(outlets.notna() & (outlets != ""), UNKNOWN_OUTLET).astype(str)

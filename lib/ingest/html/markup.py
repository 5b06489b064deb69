"""An HTML page's bytes -> text -> lxml tree, and the small text and tree helpers the other HTML modules share."""
from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree

from lib.ingest.decode import BOMS, decode_bytes, normalise_text
from lib.models import ParseError

# How far into the page to look for a <meta charset>: the HTML standard's prescan reads 1024 bytes, but pages
# with long <head> scripts before the tag are common, and a wrong guess costs a mis-decoded article.
CHARSET_PRESCAN_BYTES = 8192
# Labels that mean windows-1252 on the web (WHATWG Encoding Standard), whatever Python's codec says.
WINDOWS_1252_LABELS = frozenset(("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"))
# A page that declares its charset may carry a few stray bytes (one per thousand characters at most).
MAX_REPLACED_SHARE = 0.001
# Elements that never hold visible article text.
NOT_CONTENT = frozenset(("script", "style", "meta", "title", "head", "noscript", "nav", "footer", "aside", "link"))
SPACES = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BOMS = tuple(bom for bom, _encoding in BOMS)


def decode_html(data: bytes, origin: str) -> str:
    """The page's text: BOM or valid UTF-8 first, then the charset the page declares, then charset-normalizer."""
    declared = _declared_charset(data)
    if declared is not None and declared != "utf-8" and not data.startswith(_BOMS):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return decode_bytes(data, origin)
    except ParseError:
        if declared is None:
            raise
    # A page that declares its charset but carries a few stray bytes: keep it when they are rare.
    text = data.decode(declared, errors="replace")
    if text.count("\ufffd") > MAX_REPLACED_SHARE * len(text):
        raise ParseError(origin, f"undecodable bytes: not valid {declared} as the page declares")
    return text


def _declared_charset(data: bytes) -> str | None:
    """The charset the page declares in a meta tag (latin-1 read as cp1252, as browsers do), if any."""
    m = _CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    if name in WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def parse_tree(html: str, origin: str):
    """The lxml tree of the page (an XML declaration dropped: lxml refuses it on str input)."""
    try:
        tree = lxml.html.fromstring(_XML_ENCODING.sub("", html, count=1))
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(origin, f"HTML page cannot be parsed ({exc})") from None
    return tree


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces and stripped."""
    return SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Whitespace-collapsed, Unicode-normalised, case-folded text for comparisons."""
    return collapse(normalise_text(text)).casefold()


def inside(el, tags: tuple[str, ...]) -> bool:
    """True when an ancestor of ``el`` is one of ``tags``."""
    return any(a.tag in tags for a in el.iterancestors())

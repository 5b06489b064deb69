"""Bytes -> text: BOMs, strict UTF-8, then charset-normalizer (cp1251, latin-1, ...); binary files refused."""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from lib.models import ParseError

# File signatures of common binary formats that end up renamed as .txt/.csv: (magic bytes, name).
BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"), (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"RIFF", "RIFF media file"), (b"\x7fELF", "executable"), (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"), (b"DUCK", "DuckDB database"), (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"), (b"\x00\x00\x00\x20ftyp", "MP4 video"), (b"OggS", "Ogg media"),
)
# Byte-order marks, checked longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings news files come in, most common first (the tie-break order for guess_encoding).
LEGACY_ENCODINGS = ("cp1252", "cp1251", "koi8_r", "cp1250", "iso8859_2", "cp1253", "cp1254", "cp1256", "cp1255",
                    "cp1257", "latin_1", "iso8859_5", "mac_cyrillic", "shift_jis", "euc_jp", "gb18030", "big5",
                    "euc_kr")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_MAX_CONTROL_SHARE = 0.01  # text files carry almost no control characters; binaries carry many
_SNIFF = 8192  # bytes looked at for binary detection
UTF16_NUL_SHARE = 0.5  # share of byte pairs with a NUL high byte that says UTF-16 (ASCII-range text: nearly all)
ENCODING_SAMPLE = 200_000  # bytes charset-normalizer reads: enough to tell, and it slows on whole large files


def decode_bytes(data: bytes, origin: str) -> str:
    """Text of a file's bytes; ParseError (one line, naming ``origin``) for empty, binary or undecodable data."""
    refuse_binary(data, origin)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _checked(_decode_or_fail(data, encoding, origin), origin)
    wide = utf16_without_bom(data)
    if wide:
        return _checked(_decode_or_fail(data, wide, origin), origin)
    if b"\x00" in data[:_SNIFF]:
        raise ParseError(origin, "binary file (NUL bytes), not text")
    if b"\x00" in data:  # past the sniffed head: a few are padding or a broken tail, never part of the text
        if data.count(0) > _MAX_CONTROL_SHARE * len(data):
            raise ParseError(origin, "binary file (NUL bytes after the first 8 KB), not text")
        data = data.replace(b"\x00", b"")
    try:
        return _checked(data.decode("utf-8"), origin)
    except UnicodeDecodeError:
        pass
    encoding = guess_encoding(data)
    if encoding is None:
        raise ParseError(origin, "undecodable bytes: no text encoding fits")
    return _checked(_decode_or_fail(data, encoding, origin), origin)


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text written without a byte-order mark, else None: in text that is
    mostly Latin, Cyrillic or Greek, one byte of every pair is NUL, always the same one (binary data has NULs
    anywhere)."""
    sample = data[:_SNIFF]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)  # NULs at even / odd offsets
    if odd >= UTF16_NUL_SHARE * pairs and even == 0:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * pairs and odd == 0:
        return "utf-16-be"
    return None


def guess_encoding(data: bytes) -> str | None:
    """The legacy encoding of non-UTF-8 bytes: charset-normalizer's least chaotic decoding, ties broken by
    LEGACY_ENCODINGS order (on short texts its coherence score prefers e.g. cp775 over cp1252 for French)."""
    sample = data[:ENCODING_SAMPLE]
    results = list(from_bytes(sample, cp_isolation=list(LEGACY_ENCODINGS))) or list(from_bytes(sample))
    if not results:
        return None
    rank = {name: i for i, name in enumerate(LEGACY_ENCODINGS)}
    best = min(results, key=lambda m: (round(m.chaos, 2), rank.get(m.encoding, len(rank))))
    return best.encoding


def refuse_binary(data: bytes, origin: str) -> None:
    """ParseError for an empty file or one that opens with a known binary signature (a PNG renamed .txt)."""
    if not data.strip():
        raise ParseError(origin, "empty file")
    for magic, kind in BINARY_SIGNATURES:
        if data.startswith(magic):
            raise ParseError(origin, f"binary file ({kind}), not text")


def _decode_or_fail(data: bytes, encoding: str, origin: str) -> str:
    """``data`` decoded strictly with ``encoding``, or ParseError naming the encoding and the byte offset."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        where = f" at byte {exc.start}" if isinstance(exc, UnicodeDecodeError) else ""
        raise ParseError(origin, f"undecodable bytes as {encoding}{where}") from None


def _checked(text: str, origin: str) -> str:
    """The decoded text, unless control characters show it is really binary data."""
    sample = text[:_SNIFF]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise ParseError(origin, "binary or undecodable content (control characters), not text")
    if not text.strip():
        raise ParseError(origin, "empty file (whitespace only)")
    return text


def normalise_text(text: str) -> str:
    """NFC, Unix line endings, no BOM/zero-width characters, no-break spaces as spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ODD_SPACE.sub(lambda m: _REPLACEMENTS[m.group(0)], text)  # re.sub: much faster than str.translate


# Characters that only disturb matching; removed or made plain (the final text is what offsets refer to).
_REPLACEMENTS = {"\ufeff": "", "\u200b": "", "\u2060": "", "\u00ad": "", "\u00a0": " ", "\u2028": "\n",
                 "\u2029": "\n\n", "\x0c": "\n\n", "\x0b": "\n"}
_ODD_SPACE = re.compile("[" + "".join(_REPLACEMENTS) + "]")

"""Person names as a key: two spellings of one person ("Vladimir V. Putin", "vladimir putin") compare equal."""
from __future__ import annotations

import re
import unicodedata


def normalise_name(name: str) -> str:
    """Accent-free, case-folded name without initials or dots: the key for comparing persons."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold().replace("’", "'")
    words = [w.strip(".,") for w in re.split(r"[\s\-]+", name) if w.strip(".,")]
    return " ".join(w for w in words if len(w) > 1)


def person_key(name: str) -> str:
    """First and last word of a normalised name: "Vladimir V. Putin" and "Vladimir Putin" share a key."""
    words = normalise_name(name).split()
    return f"{words[0]} {words[-1]}" if len(words) >= 2 else (words[0] if words else "")

"""Speakers across the corpus: one person, one speaker id, whichever article named them and however."""
from __future__ import annotations

import pandas as pd

from lib.domain.names import normalise_name, person_key


def canonicalise_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """A new frame where one person has one speaker_id across articles: surnames and variants map to the
    unique full name the corpus uses for them ("Putin" -> "Vladimir Putin"); ambiguous ones stay."""
    out = quotes.copy()
    if out.empty or "speaker_id" not in out:
        return out
    ids = out["speaker_id"].dropna().astype(str)
    counts = ids.value_counts()
    full = [n for n in counts.index if len(normalise_name(n).split()) >= 2]
    # Group full-name variants by normalised key (accents, initials, case) and keep the most used spelling.
    by_key: dict[str, str] = {}
    for n in full:  # value_counts order: most frequent first
        key = person_key(n)
        by_key.setdefault(key, n)
    by_surname: dict[str, set[str]] = {}
    for key, n in by_key.items():
        by_surname.setdefault(key.split()[-1], set()).add(n)
    mapping: dict[str, str] = {}
    for n in counts.index:
        norm = normalise_name(n)
        if not norm:
            continue
        words = norm.split()
        if len(words) >= 2:
            mapping[n] = by_key.get(person_key(n), n)
        else:
            targets = by_surname.get(words[0], set())
            if len(targets) == 1:
                mapping[n] = next(iter(targets))
    out["speaker_id"] = pd.Series([mapping.get(v, v) if isinstance(v, str) else None for v in out["speaker_id"]],
                                  index=out.index, dtype=object)
    return out

"""Speakers across the corpus: one person, one speaker id, whichever article named them and however."""
from __future__ import annotations

import re

import pandas as pd

from lib.domain.names import (FIRST_NAME_GENDERS, HYPHEN_PARTICLES, HYPHENATED_GIVEN_NAME, NAME_PARTICLES,
                              called_by_middle_name, normalise_name, person_key, short_form_of)
from lib.models import speaker_of

# Connecting words a body's name may hold ("Food and Drug Administration", "Bank of England").
_NAME_CONNECTORS = NAME_PARTICLES | {"of", "and", "for", "the"}
# Capitalised words that open a phrase, not a name ("In California", "At Fox").
_NOT_NAME_STARTS = frozenset("in at on from with by for after before during under a an".split())


_SPACED_HYPHEN = re.compile(r"[^\S\n]+-[^\S\n]+")


def _is_name(speaker_id: str) -> bool:
    """Whether an id reads as a name: capitalised words and connectors only, not opened by a preposition or article
    ("acting U.S. Attorney for Ohio Jo Hale", "a race call from The Associated Press" and "In
    California" are no names a shorter id stands for)."""
    words = _SPACED_HYPHEN.sub("-", speaker_id).split()  # "Dominique Strauss - Kahn" as detokenised text writes it
    return bool(words) and words[0].lower() not in _NOT_NAME_STARTS and all(
        w[:1].isupper() or w.lower() in _NAME_CONNECTORS or w.split("-", 1)[0].lower() in HYPHEN_PARTICLES
        for w in words)


def canonicalise_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """A new frame where one person has one speaker_id across articles: spellings that differ only in case, accents
    or initials take the most used one ("officials" / "Officials"), and so do the two given names of one person
    ("Tom Vance" / "Ronald T. Vance Jr."); surnames and variants map to the unique full name the corpus uses for them
    ("Putin" -> "Vladimir Putin"), a surname with a particle too ("Van Dijk" -> "Anna Van Dijk"), where that full
    name reads as a name; ambiguous ones stay."""
    out = quotes.copy()
    if out.empty or "speaker_id" not in out:
        return out
    counts = out["speaker_id"].dropna().astype(str).value_counts()
    key_of = {n: person_key(n) for n in counts.index}
    # Spellings of one name (case, accents, initials) -> the most used one; value_counts order: most used first.
    spelling: dict[str, str] = {}
    for n, key in key_of.items():
        spelling.setdefault(key, n)
    # The full names a shorter id may stand for, by surname: spellings kept, of two words or more, read as names
    # (two persons speaking together, "Tom Hale and Ann Cole", are no name "Cole" stands for ...).
    by_surname: dict[str, set[str]] = {}
    named = dict.fromkeys(spelling[key] for key in key_of.values() if key)
    # ... but each of them is: "Meron" alone is the "Neil Meron" of "Craig Zadan and Neil Meron" (each part a full
    # name: "Food and Drug Administration" is one body's)
    parts = {part for n in named if _pair_key(n) for part in n.split(" and ")
             if all(len(p.split()) >= 2 for p in n.split(" and "))}
    # (a part that is a spelling of a name already counted is that name: "Kenneth McKenzie" of "Kenneth F. McKenzie
    # Jr.")
    for n in [*named, *sorted(p for p in parts - set(named) if person_key(p) not in spelling)]:
        words = normalise_name(n).split()
        if len(words) >= 2 and _is_name(n) and "and" not in words:
            # the family name: the last word, or the first before a hyphened given name ("Tsai Ing-wen")
            family = words[0] if HYPHENATED_GIVEN_NAME.fullmatch(n.split()[-1]) else words[-1]
            by_surname.setdefault(family, set()).add(n)
    # The only two full names of a surname may be one person under two given names ("Tom Vance" and "Ronald T.
    # Vance Jr."), or under a given name's long and short forms ("Ed Markey" and "Edward J. Markey"): the more used
    # stands for both; a third full name of that surname leaves all of them apart.
    uses: dict[str, int] = {}
    written_as: dict[str, list[str]] = {}
    for n, key in key_of.items():
        uses[key] = uses.get(key, 0) + int(counts[n])
        written_as.setdefault(key, []).append(n)
    for surname, names in by_surname.items():
        if len(names) != 2 or not names <= key_of.keys():
            continue  # (a part of a pair is no id of its own: nothing to merge it with)
        a, b = sorted(names)
        if called_by_middle_name(written_as[key_of[a]], written_as[key_of[b]]) \
                or called_by_middle_name(written_as[key_of[b]], written_as[key_of[a]]) \
                or short_form_of(normalise_name(a).split()[0], normalise_name(b).split()[0]):
            major, minor = sorted((a, b), key=lambda n: (-uses[key_of[n]], n))
            spelling[key_of[minor]] = major
            by_surname[surname] = {major}
    def one(n: str) -> str:
        """The id one person's name ``n`` stands for."""
        norm = normalise_name(n)
        written = spelling.get(person_key(n), n)
        words = norm.split()
        # The longer names this one ends ("Putin" in "Vladimir Putin", "Van Dijk" in "Anna Van Dijk").
        longer = {m for m in by_surname.get(words[-1], ()) if normalise_name(m).endswith(" " + norm)
                  or normalise_name(m).startswith(norm + " ") and HYPHENATED_GIVEN_NAME.fullmatch(m.split()[-1])}
        # A surname: one word, or a particle and a word ("Van Dijk"), read as a name (a common noun, "page" or
        # "police", stands for no "Mara Page" or "Harbor Police"); a given name and a surname ("Maria Garcia") is a
        # person of her own, and a longer id may carry a title or an outlet ("President Joe Biden").
        surname = (len(words) == 1 or (len(words) == 2 and words[0] in NAME_PARTICLES)) and _is_name(n)
        if len(words) == 2 and words[0] not in FIRST_NAME_GENDERS and words[0] not in NAME_PARTICLES and _is_name(n):
            # a two-word family name ("Boone Isaacs"): the one name of three words that ends in it, opened by a known
            # given name ("Cheryl Boone Isaacs")
            longer = {m for m in longer if len(normalise_name(m).split()) == 3}
            surname = len(longer) == 1 and normalise_name(next(iter(longer))).split()[0] in FIRST_NAME_GENDERS
        chosen = next(iter(longer)) if len(longer) == 1 and surname else written
        # A name as detokenised text spaces its hyphen ("Dominique Strauss - Kahn") is shown as written in print.
        return _SPACED_HYPHEN.sub("-", chosen) if _is_name(chosen) else chosen

    # Two persons speaking together in either order ("Gary Locke and Ken Salazar" / "Ken Salazar and Gary Locke"),
    # or each by a name that stands for them ("Zadan and Meron" / "Craig Zadan and Neil Meron"): one id, the most used
    # order, each person by the name they stand for.
    persons_of = {n: [one(p) for p in n.split(" and ")] for n in counts.index if _pair_key(n)}
    pair_of = {n: frozenset(map(person_key, persons)) for n, persons in persons_of.items()}
    pairs: dict[frozenset[str], str] = {}
    for n, pair in pair_of.items():
        pairs.setdefault(pair, " and ".join(persons_of[n]))
    mapping = {n: pairs[pair_of[n]] if n in pair_of else one(n) for n in counts.index if normalise_name(n)}
    out["speaker_id"] = pd.Series([mapping.get(v, v) if isinstance(v, str) else None for v in out["speaker_id"]],
                                  index=out.index, dtype=object)
    return out


def _pair_key(speaker_id: str) -> frozenset[str] | None:
    """Two persons speaking together ("X and Y") as the set of their keys, whichever order; None for one speaker."""
    return frozenset(person_key(p) for p in speaker_id.split(" and ")) if " and " in speaker_id \
        and _is_name(speaker_id) else None


_ARTICLE_NAME = re.compile(r"the\s+[A-Z]")  # "the US Capitol Police": a name, shown without its article


def speaker_names(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's speaker as the pages name it (speaker_of: the canonical id, else as written), under one spelling
    whatever its case, leading article ("the", "a": "a White House official" and "White House official" are one
    unnamed voice) and country ("U.S. Capitol Police"): "Officials" opening a sentence and
    "officials" inside one, "Police" and "police", "The Hollywood Reporter" and "Hollywood Reporter" are one row of a
    chart. Of the spellings of one speaker, the one that opens in lower case (as it reads inside a sentence; a name
    after "the" is no such spelling), else the most used."""
    who = speaker_of(quotes)
    spellings = who.dropna().astype(str).value_counts()  # most used first
    chosen: dict[str, str] = {}
    for spelling in sorted(spellings.index, key=lambda w: (not w[:1].islower() or bool(_ARTICLE_NAME.match(w)),
                                                           -spellings[w])):
        chosen.setdefault(_spelling_key(spelling), spelling)
    out = who.copy()
    written = who.notna()
    out[written] = [chosen.get(_spelling_key(str(w)), w) for w in who[written]]
    return out


# A country written before a body's name of two words or more ("U.S. Capitol Police", "US Food and Drug
# Administration"): the body its other spellings name without it ("US Open", "U.S. Steel" keep theirs).
_COUNTRY_BEFORE = re.compile(r"^(?:u\.s\.?|us|u\.k\.?|uk)\s+(?=\S+\s+\S)")


def _spelling_key(name: str) -> str:
    """What two spellings of one speaker share: the name case-folded, its spaces tidied (a no-break space as written),
    a leading "the" and country dropped."""
    return _COUNTRY_BEFORE.sub("", re.sub(r"^(?:the|an?)\s+", "", " ".join(name.casefold().split())))

"""Person names as a key: two spellings of one person ("Vladimir V. Putin", "vladimir putin") compare equal."""
from __future__ import annotations

import re
import unicodedata


# Lower-case particles inside a person's name ("Bill de Blasio", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset("de del da di du van von der den la le al bin ibn".split())
# Particles joined to the name by a hyphen ("Noura al-Kaabi", "Abdel Fattah el-Sisi"): the word is a name.
HYPHEN_PARTICLES = frozenset("al el ad ash bin ibn abu".split())
# A hyphen inside a name, with the spaces tokenised corpora put around it ("Strauss - Kahn").
_NAME_HYPHEN = re.compile(r"\s*[-\u2010\u2011]\s*")


# A generation after a full name ("Tom Bell Jr.", "John Smith III"): not the surname.
_GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def normalise_name(name: str) -> str:
    """Accent-free, case-folded name without initials or dots: the key for comparing persons. A hyphenated name is
    one word ("Rivet-Lacroix", "Rivet - Lacroix"), so a double-barrelled surname stays a surname, less a hyphened
    particle ("el-Sisi" is "sisi"); a generation ("Jr.") after a full name is left out."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold().replace("’", "'")
    name = _NAME_HYPHEN.sub("-", name)
    words = [w.strip(".,-") for w in name.split() if w.strip(".,-")]
    # A hyphened particle is no part of the surname a text uses alone ("el-Sisi" ... "Sisi said").
    words = [w.split("-", 1)[1] if w.split("-", 1)[0] in HYPHEN_PARTICLES and "-" in w else w for w in words]
    words = [w for w in words if len(w) > 1]
    if len(words) > 2 and words[-1] in _GENERATION_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def person_key(name: str) -> str:
    """First and last word of a normalised name: "Vladimir V. Putin" and "Vladimir Putin" share a key."""
    words = normalise_name(name).split()
    return f"{words[0]} {words[-1]}" if len(words) >= 2 else (words[0] if words else "")


# Adjectives of nationality (lower case): a closed list, as a suffix rule ("-an", "-ese", "-ish", "-i") also takes in
# the names of bodies, places and teams ("Taliban", "Vatican", "Pakistan", "Milan", "Miami", "Celtic").
NATION_ADJECTIVES = frozenset("""
afghan albanian algerian american angolan argentine argentinian armenian australian austrian azerbaijani bahraini
bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese cambodian cameroonian canadian
chadian chilean chinese colombian congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian emirati
english eritrean estonian ethiopian european filipino finnish french georgian german ghanaian greek guatemalan
haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican japanese
jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz laotian latvian lebanese liberian libyan lithuanian
macedonian malaysian malian maltese mexican moldovan mongolian montenegrin moroccan mozambican namibian nepali
nepalese nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan persian peruvian
polish portuguese qatari romanian russian rwandan salvadoran saudi scottish senegalese serbian singaporean slovak
slovenian somali sudanese spanish swedish swiss syrian taiwanese tajik tanzanian thai tibetan tunisian
turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
""".split())

# Titles written abbreviated before a name ("Sen. Ann Park", "Lt. Col. Ray Diaz"), each with the word it stands for
# (None for an honorific, which stands for no role): a full stop after one ends no sentence, and a role noun finds a
# person under either form ("the senator" for "Sen. Ann Park").
TITLE_ABBREVIATIONS: dict[str, str | None] = {
    "mr": None, "mrs": None, "ms": None, "hon": None, "dr": "doctor", "prof": "professor", "sen": "senator",
    "rep": "representative", "gov": "governor", "pres": "president", "gen": "general", "col": "colonel",
    "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "cmdr": "commander", "adm": "admiral", "maj": "major",
    "rev": "reverend", "amb": "ambassador", "fr": "father", "supt": "superintendent",
    "sens": "senators", "reps": "representatives",
}

"""Person names as a key: two spellings of one person ("Vladimir V. Putin", "vladimir putin") compare equal."""
from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources


# Capital letters a name may open with, for a regex character class: A-Z and the Latin capitals with accents
# ("Éireann", "Ángel", "Šefčovič", "Øvergaard", "Łukasz"), from Unicode's own case data.
UPPER_LETTERS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())

# Lower-case particles inside a person's name ("Bill de Blasio", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset("de del della da di du dos das van von der den ter la le al bin bint ibn af zu y ap".split())
# A romanised given name of two syllables joined by a hyphen ("Min-seo", "Jae-in", "Ing-wen"): a person's name,
# whichever word of it is also a place or body word ("Park Min-seo", "Joon-ho Park"), written after the family name
# in East Asian order ("Tsai Ing-wen": "Tsai" is the family name).
HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]{2,}")
# Particles joined to the name by a hyphen ("Noura al-Kaabi", "Abdel Fattah el-Sisi"): the word is a name.
HYPHEN_PARTICLES = frozenset("al el ad ash bin ibn abu".split())
# A hyphen inside a name, with the spaces tokenised corpora put around it ("Strauss - Kahn").
_NAME_HYPHEN = re.compile(r"\s*[-\u2010\u2011]\s*")


# A generation after a full name ("Tom Bell Jr.", "John Smith III"): not the surname.
_GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _without_generation(words: list[str]) -> list[str]:
    """The words of a name as written, less a generation after a full name ("Ann R. Ruiz Jr." -> "Ann R. Ruiz")."""
    return words[:-1] if len(words) > 2 and words[-1].strip(".,").casefold() in _GENERATION_SUFFIXES else words


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


# Unambiguous given names (US Social Security and UK ONS top names, unisex names left out): a weak gender prior.
FIRST_NAME_GENDERS: dict[str, str] = {
    **{n: "m" for n in """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank
    alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter
    ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan
    joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah
    louis bobby philip johnny mohamed muhammad ahmed ali vladimir sergei dmitry ivan boris igor oliver harry hugh
    ed bill tom jim bob mike steve dave dan ben sam tony nick joe chuck ted ron fred greg jon matt rich josh andy tim
    """.split()},
    **{n: "f" for n in """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine
    christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia
    kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa
    kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
    theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla nadia olga svetlana irina
    natalia tatiana fatima aisha jill kate liz jen meg deb""".split()},
}



@functools.cache
def _given_names() -> dict[str, str]:
    """given_names.csv beside this file: name (ASCII-folded, lower case) -> "m" | "f"."""
    lines = resources.files(__package__).joinpath("given_names.csv").read_text(encoding="utf-8").splitlines()
    return dict(line.split(",") for line in lines[lines.index("name,gender") + 1:])


def given_name_gender(given: str) -> str | None:
    """The gender a given name is given to ("m" or "f"), from the table above or the wider one of given_names.csv
    (26,000 names of many countries: "Chiara", "Hasan", "Yossi"), None when neither tells."""
    key = "".join(c for c in unicodedata.normalize("NFKD", given.casefold()) if not unicodedata.combining(c))
    return FIRST_NAME_GENDERS.get(given.casefold()) or _given_names().get(key)


_INITIAL = re.compile(r"[A-Z]\.?")


def middle_initials(name: str) -> frozenset[str]:
    """The initials a full name writes between its given name and its surname, lower case ("Ronald T. Vance Jr."
    -> {"t"}; "Ana Maria Ruiz" writes none)."""
    words = _without_generation(name.split())
    return frozenset(w[0].casefold() for w in words[1:-1] if _INITIAL.fullmatch(w))


def called_by_middle_name(names: list[str], others: list[str]) -> bool:
    """Whether the person written ``names`` may be the one written ``others`` called by a middle name (spellings of
    one key each, the surnames the same): the given name starts with a middle initial one of ``others`` writes, none
    of ``names`` writes an initial of its own, and both given names are in the names table, of one gender ("Tom Vance"
    and "Ronald T. Vance Jr."; not "Alice Vance" and "James A. Vance", nor "Tom K. Vance", nor "Dan Harris" and
    "Kamala D. Harris": a given name the table does not know tells no gender, and two people share surnames often)."""
    given, other_given = normalise_name(names[0]).split()[0], normalise_name(others[0]).split()[0]
    return given != other_given and FIRST_NAME_GENDERS.get(given, "?") == FIRST_NAME_GENDERS.get(other_given, "!") \
        and not any(middle_initials(n) for n in names) and any(given[0] in middle_initials(n) for n in others)


@functools.cache
def _nicknames():
    """The hand-curated table of English given names and their short forms (the nicknames package), read once."""
    from nicknames import NickNamer

    return NickNamer()


def short_form_of(given: str, other: str) -> bool:
    """Whether two given names are one name in a long and a short form ("Ed" / "Edward", "Chuck" / "Charles", "Steve"
    / "Steven", "Jon" / "John"), either way round, by the nicknames table; lower case, accents stripped."""
    if given == other:
        return False
    table = _nicknames()
    return other in table.canonicals_of(given) or given in table.canonicals_of(other)


# A word of a person's name as written: capitalised, with a lower-case letter ("Hale", "MacLeod", "O'Neill"), or an
# initial ("F.").
_NAME_WORD = re.compile(r"[A-Z][\w’'\-]*[a-z][\w’'\-]*|[A-Z]\.")


def written_as_full_name(written: str) -> bool:
    """Whether a short text is written as a person's full name: two or three capitalised words, initials after the
    first and a generation allowed ("Jo Hale", "Ann R. Ruiz Jr."; not "HALE", "J. Hale", "the Hale Report" nor four
    words)."""
    words = _without_generation(written.split())
    return 2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) for w in words) and not words[0].endswith(".") \
        and not words[-1].endswith(".")


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
# Nouns for a person of a nation that are not its adjective ("the Spaniard", "a Briton", "the New Zealander"); the
# adjectives serve as such nouns too ("the Kenyan").
NATION_NOUNS = frozenset("""
aussie brit briton dane dutchman dutchwoman englishman englishwoman filipina finn frenchman frenchwoman icelander
irishman irishwoman kiwi luxembourger pole scot scotsman scotswoman spaniard swede turk welshman welshwoman zealander
""".split())

# Countries and unions of them by the names news writes ("Turkey", not CLDR's "Türkiye"; "Britain", "the US"): a closed
# list, written as capitalised. A country said to speak is its government ("India said"), a body, never a person;
# countries that are also given names ("Jordan", "Chad", "Georgia") are left out: a person may be meant.
COUNTRY_NAMES = frozenset(" ".join(n.split()) for n in """
Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia, Austria, Azerbaijan, Bahamas, Bahrain,
Bangladesh, Barbados, Belarus, Belgium, Belize, Benin, Bhutan, Bolivia, Bosnia, Botswana, Brazil, Britain, Great
Britain, Brunei, Bulgaria, Burkina Faso, Burma, Burundi, Cambodia, Cameroon, Canada, Cape Verde, Central African
Republic, Chile, China, Colombia, Comoros, Congo, Costa Rica, Croatia, Cuba, Cyprus, Czech Republic, Czechia, Denmark,
Djibouti, Dominican Republic, Ecuador, Egypt, El Salvador, England, Equatorial Guinea, Eritrea, Estonia, Eswatini,
Ethiopia, European Union, EU, Fiji, Finland, France, Gabon, Gambia, Germany, Ghana, Greece, Grenada, Guatemala,
Guinea, Guinea-Bissau, Guyana, Haiti, Honduras, Hong Kong, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland,
Israel, Italy, Ivory Coast, Jamaica, Japan, Kazakhstan, Kenya, Kiribati, Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia,
Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania, Luxembourg, Madagascar, Malawi, Malaysia, Maldives, Mali,
Malta, Mauritania, Mauritius, Mexico, Moldova, Monaco, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Namibia,
Nepal, Netherlands, New Zealand, Nicaragua, Niger, Nigeria, North Korea, North Macedonia, Macedonia, Norway, Oman,
Pakistan, Palestine, Panama, Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia,
Rwanda, Saudi Arabia, Scotland, Senegal, Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Somalia,
South Africa, South Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden, Switzerland, Syria, Taiwan,
Tajikistan, Tanzania, Thailand, Togo, Trinidad and Tobago, Tunisia, Turkey, Türkiye, Turkmenistan, Uganda, Ukraine,
United Arab Emirates, UAE, United Kingdom, UK, United States, US, USA, Uruguay, Uzbekistan, Vatican, Venezuela,
Vietnam, Wales, Yemen, Zambia, Zimbabwe
""".split(","))

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

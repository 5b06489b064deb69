"""Dates written in a line of text for the reader ("Posted on Feb 3, 2021 by", "1. Februar 2022", "12.11.2021"): the
first plausible whole date, for a page's byline and a text's date line."""
from __future__ import annotations

import datetime as dt
import re

from lib.domain.calendar import read_date
from lib.ingest.urls import plausible_publication_day

# Confidence of a visible byline date (measured on the HTML development sets, lib.ingest.html.dates), which a text's
# date line shares.
BYLINE_CONFIDENCE = 0.78
# A numeric date ("04.02.2022", "4/2/22") or a year, the first written date's anchor in a line of text.
_WRITTEN_DAY = re.compile(r"(?P<numeric>(?<!\d)\d{1,2}[./-]\d{1,2}[./-](?:(?:19|20)\d{2}|\d{2})(?!\d))"
                          r"|(?<![\d./-])(?:19|20)\d{2}(?!\d)")
# A written date's words before its year: "Samstag, 3. Dezember 2011", "Feb. 3, 2021", "le 3 février 2021".
DATE_WORDS_BEFORE_YEAR = 4


def first_written_day(text: str, language: str | None, day_first: bool = False) -> dt.date | None:
    """The first plausible whole date written in a text ("1. Februar 2022 , Daniel D.", "Posted on Feb 3, 2021
    by", "12.11.2021"): a numeric date as written, a year with the fewest words before it that make a date."""
    for m in _WRITTEN_DAY.finditer(text):
        if m.group("numeric"):
            tries = [m.group(0)]
        else:
            words = text[:m.start()].split()[-DATE_WORDS_BEFORE_YEAR:]
            tries = [" ".join(words[i:] + [m.group(0)]) for i in reversed(range(len(words)))]
        for written in tries:
            stamp = read_date(written, language, day_first)
            if stamp is not None:
                day = stamp.date() if isinstance(stamp, dt.datetime) else stamp
                if plausible_publication_day(day):
                    return day
                break
    return None

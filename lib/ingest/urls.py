"""The publication day written in an article's URL: the forms news sites and blog engines put in their paths.

URL_DATE_FORMS is the one table of them, most specific first; each names the form (for the date note) and the
confidence a date of that form earns. A number only counts as a date when it has the shape of a whole date,
stands between separators (``/``, ``-``, ``_``, ``.``) and names a real, plausible day: an article id, a
phone number, a ``/2018/`` archive year, a ``/2018/03/`` month page or a blog's ``2005_05_01_archive.html`` (the
first day of the period an archive page lists) are not publication days.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# Before this, no news site published on the web: an earlier date is a placeholder (1970, 1900), not a date.
EARLIEST_PUBLICATION = dt.date(1995, 1, 1)
# A date up to this many days ahead of today is real (time zones, embargoed stories); further is a placeholder.
FUTURE_SLACK_DAYS = 2

_YEAR = r"(?P<y>(?:19|20)\d{2})"
_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_START, _END = r"(?:^|(?<=[/_.-]))", r"(?=[/_.-]|$)"  # a date stands between separators, never inside a number
# A day folder: two digits before any separator, or one digit closing the folder ("/2018/10/5-things" is a slug).
_FOLDER_DAY = r"(?:(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)|(?P<d1>[1-9])(?=/|$))"

# (form, pattern over the URL's path (and query), confidence of a date in this form). The path's own folders
# are the surest: a CMS files the story under the day it went out; a date glued into the slug or file name is
# usually the same day; an 8-digit run is the most often something else (an id), so it earns least.
URL_DATE_FORMS = (
    ("year/month/day folders", re.compile(
        rf"/{_YEAR}/(?:[A-Za-z][\w-]*/)?(?P<m>0?[1-9]|1[0-2])/{_FOLDER_DAY}"), 0.9),
    ("year/month-name/day folders", re.compile(
        rf"/{_YEAR}/(?P<mon>{'|'.join(_MONTH_ABBREVIATIONS)})[a-z]*/{_FOLDER_DAY}",
        re.IGNORECASE), 0.9),
    ("year-month-day in the path", re.compile(
        rf"{_START}{_YEAR}(?P<sep>[-_.])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01]){_END}"), 0.85),
    ("yearmonthday in the path", re.compile(
        rf"{_START}{_YEAR}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01]){_END}"), 0.75),
)


_ARCHIVE_AFTER = re.compile(r"[-_.]?archives?\b", re.IGNORECASE)


@dataclass(frozen=True)
class UrlDate:
    """A publication day read from a URL: the day, the form it was written in, the confidence that form earns."""

    day: dt.date
    form: str
    confidence: float

    def note(self) -> str:
        """How the day reads in an article's date note."""
        return f"the URL's {self.form} name {self.day.isoformat()}"


def plausible_publication_day(day: dt.date) -> bool:
    """True for a day a news page can have been published on (not before the web's news sites, not ahead)."""
    return EARLIEST_PUBLICATION <= day <= dt.date.today() + dt.timedelta(days=FUTURE_SLACK_DAYS)


def _where(url: str | None) -> str | None:
    """The URL's path, and its query's values as folders, where dates are written; None for no URL."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return unquote(parts.path) + ("/" + parts.query.replace("=", "/").replace("&", "/") if parts.query else "")


def url_date(url: str | None) -> UrlDate | None:
    """The publication day the URL's path (or query) writes, in the first form of URL_DATE_FORMS that matches
    with a real, plausible day; None when it writes none."""
    where = _where(url)
    if where is None:
        return None
    for form, pattern, confidence in URL_DATE_FORMS:
        for m in pattern.finditer(where):
            if _ARCHIVE_AFTER.match(where, m.end()):
                continue  # "2005_05_01_archive.html": the first day of an archive page's period, no publication day
            month = (_MONTH_ABBREVIATIONS.index(m.group("mon")[:3].lower()) + 1
                     if "mon" in pattern.groupindex else int(m.group("m")))
            try:
                day = dt.date(int(m.group("y")), month, int(m.group("d") or m.group("d1")))
            except ValueError:
                continue
            if plausible_publication_day(day):
                return UrlDate(day, form, confidence)
    return None


# A story filed under year and month folders with no day ("/2008/12/some-story.html", Blogger's form).
_MONTH_FOLDERS = re.compile(rf"/{_YEAR}/(?P<m>0[1-9]|1[0-2])/(?=[^/\s]*[A-Za-z])")


def url_month(url: str | None) -> dt.date | None:
    """The first day of the month a URL's year and month folders name, when they name no day: no publication day,
    but what a reader of the date note should know; None otherwise."""
    where = _where(url)
    if where is None or url_date(url) is not None:
        return None
    for m in _MONTH_FOLDERS.finditer(where):
        month = dt.date(int(m.group("y")), int(m.group("m")), 1)
        if plausible_publication_day(month):
            return month
    return None

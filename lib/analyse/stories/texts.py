"""The article text that stories read: title and body as one string, and its lead."""
from __future__ import annotations

import re

# Columns of the articles frame that stories read (cluster_stories and summarise_stories add missing ones empty).
ARTICLE_INPUT_COLUMNS = ("id", "text", "outlet", "via", "published", "title", "story", "dateline", "dateline_place",
                         "language")
LEAD_WORDS = 60  # a news report's lead: its title and first sentences, where it states who, what, where and when
TITLE_PREFIX = 40  # characters of the title a body must open with to repeat it (outlets edit the title's tail)
_LEAD_RE = re.compile(r"\s*(?:\S+\s+){0,%d}\S+" % (LEAD_WORDS - 1))


def _article_text(row) -> str:
    """Title and body as one string (the title once, even when the body starts with it)."""
    title = row.title if isinstance(row.title, str) else ""
    text = row.text if isinstance(row.text, str) else ""
    if title and not text.lstrip().startswith(title.strip()[:TITLE_PREFIX]):
        return title + "\n\n" + text
    return text


def _lead(text: str) -> str:
    """The first LEAD_WORDS words (title and lead): where a news report states who, what, where and when."""
    m = _LEAD_RE.match(text)
    return m.group(0) if m else text

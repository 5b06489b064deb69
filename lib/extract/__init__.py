"""Extraction: quotes with speakers and cues, reported speech, dated references; all with offsets."""
from __future__ import annotations

from lib.extract.date_mentions import extract_date_mentions
from lib.extract.quotes import extract_quotes
from lib.models import Article, DateMention, Quote


def extract_article(article: Article) -> tuple[list[Quote], list[DateMention]]:
    """Quotes (direct, partial and reported) and dated references of one article."""
    return extract_quotes(article), extract_date_mentions(article)

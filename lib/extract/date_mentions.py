"""Dated references of an article: the dates and periods it mentions (lib.domain.dates), resolved against its own
date, each with its offsets and the sentence it sits in."""
from __future__ import annotations

import bisect

from lib.domain.dates import find_dated_references
from lib.domain.sentences import split_sentences
from lib.models import Article, DateMention


def extract_date_mentions(article: Article) -> list[DateMention]:
    """Every date or period the article's text mentions after its dateline, in text order, with offsets and its
    sentence."""
    return _with_sentences(article, find_dated_references(article.text, article.published_date(), article.dateline))


def _with_sentences(article: Article, kept: list) -> list[DateMention]:
    """DateMention records carrying the sentence each mention sits in."""
    if not kept:
        return []
    text = article.text
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    out = []
    for start, end, _kind, (value, granularity, relative) in kept:
        i = bisect.bisect_right(starts, start) - 1
        s_start, s_end = sentences[i] if i >= 0 and sentences[i][1] >= end else (start, end)
        out.append(DateMention(
            article_id=article.id, text=text[start:end], start=start, end=end, value=value,
            granularity=granularity, relative=relative, sentence=text[s_start:s_end],
            sentence_start=s_start, sentence_end=s_end,
        ))
    return out

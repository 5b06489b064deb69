"""Stories: group articles that report the same event, label them and count their independent sources.

Method (why it is built this way), one module a step:
- texts.py: the article text every step reads (title and body, and its lead);
- vectors.py: each article as sparse rows of distinctive words and event anchors, of the whole text and its lead
  (and as plain word TF-IDF rows, which hold apart articles nothing places in time);
- times.py: event days of dated articles and the latest year undated ones name, which weight the similarity;
- clustering.py: shared-neighbour similarity and average linkage inside the candidate graph's components;
- summaries.py: one row per story, its label, terms, dates, outlets and independent sources.
Hand-assigned stories (the `story` field) override: those articles keep their story and are not clustered.
"""
from lib.analyse.stories.clustering import ASSIGNMENT_COLUMNS, DEFAULT_CONFIG, cluster_stories, neighbour_profiles
from lib.analyse.stories.summaries import STORY_COLUMNS, shared_sources, summarise_stories
from lib.analyse.stories.times import SPREAD_MIN_PAIRS, ArticleTimes, date_spread, text_years
from lib.analyse.stories.vectors import build_vectors, extract_anchors

__all__ = ["ASSIGNMENT_COLUMNS", "DEFAULT_CONFIG", "SPREAD_MIN_PAIRS", "STORY_COLUMNS", "ArticleTimes", "build_vectors",
           "cluster_stories", "date_spread", "extract_anchors", "neighbour_profiles", "shared_sources", "summarise_stories",
           "text_years"]

"""Stories: group articles that report the same event, label them and count their independent sources."""
from lib.analyse.stories.clustering import (ASSIGNMENT_COLUMNS, DEFAULT_CONFIG, SPREAD_MIN_PAIRS, STORY_COLUMNS,
                                            ArticleTimes, build_vectors, cluster_stories, date_spread,
                                            extract_anchors, neighbour_profiles, summarise_stories, text_years)

__all__ = ["ASSIGNMENT_COLUMNS", "DEFAULT_CONFIG", "SPREAD_MIN_PAIRS", "STORY_COLUMNS", "ArticleTimes", "build_vectors",
           "cluster_stories", "date_spread", "extract_anchors", "neighbour_profiles", "summarise_stories", "text_years"]

"""Coverage comparison: ingest news articles, extract quotes and dates, compare how outlets covered events."""

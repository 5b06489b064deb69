"""Benchmarks and evaluations; each script prints its figures (`python -m bench.NAME` or `python bench/NAME.py`)."""

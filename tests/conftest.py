"""Shared fixtures: project paths and the public sample data (skipped with a reason when absent)."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture
def shared_data():
    """The ../shared/data folder, or a skip saying it is missing."""
    from bench.corpus import DATA

    if not DATA.exists():
        pytest.skip(f"public sample data not found at {DATA} (it sits beside the project in ../shared/data)")
    return DATA

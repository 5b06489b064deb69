"""lib.models.json_value, the one JSON conversion of a value, and its users to_dict and the CLI's write_jsonl."""
import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from lib.cli import write_jsonl
from lib.models import ARTICLE_COLUMNS, Article, json_value, to_dict

NESTED = np.empty(2, dtype=object)
NESTED[:] = [np.array([1, 2]), np.array([np.nan, 3.0])]


@pytest.mark.parametrize("value, expected", [
    # missing scalars become null
    (None, None),
    (float("nan"), None),
    (np.float64("nan"), None),
    (pd.NaT, None),
    (pd.NA, None),
    (np.datetime64("NaT"), None),
    # dates and timestamps become ISO strings
    (dt.date(2020, 9, 25), "2020-09-25"),
    (dt.datetime(2020, 9, 25, 10, 30), "2020-09-25T10:30:00"),
    (pd.Timestamp("2020-09-25 10:30"), "2020-09-25T10:30:00"),
    (np.datetime64("2020-09-25T10:30:00.000000000"), "2020-09-25T10:30:00"),  # tolist() would give nanoseconds
    # containers: tuples, lists, arrays and Series as lists, recursively; dicts keep their keys
    ((1, 2), [1, 2]),
    (((0, 10), (12, 30)), [[0, 10], [12, 30]]),
    ([pd.NaT, "x", 1], [None, "x", 1]),
    (np.array([1, 2, 3]), [1, 2, 3]),
    (np.array([[1.0, np.nan], [2.0, 3.0]]), [[1.0, None], [2.0, 3.0]]),
    (NESTED, [[1, 2], [None, 3.0]]),
    (pd.Series([1.0, None]), [1.0, None]),
    (pd.array([1, None], dtype="Int64"), [1, None]),
    ({"a": np.array(["x", "y"]), "b": {"c": pd.NA}}, {"a": ["x", "y"], "b": {"c": None}}),
    ([], []),
    ({}, {}),
    # numpy scalars become Python scalars; plain values pass through
    (np.int64(7), 7),
    (np.bool_(True), True),
    (np.float32(1.5), 1.5),
    (0, 0),
    (0.0, 0.0),
    (False, False),
    # strings stay strings, even the ones that look missing or like dates
    ("NaN", "NaN"),
    ("", ""),
    ("2020-09-25", "2020-09-25"),
    ("None", "None"),
])
def test_json_value(value, expected):
    got = json_value(value)
    assert got == expected and type(got) is type(expected)
    json.dumps(got, allow_nan=False)  # strict JSON: never NaN


def test_to_dict_of_a_record_is_strict_json():
    article = Article("a1", "MOSCOW. Text.", outlet="TASS", published=dt.date(2020, 9, 25), date_confidence=0.9,
                      date_candidates=("2020-09-25 dateline",), paragraphs=((0, 7), (8, 13)))
    record = to_dict(article)
    assert list(record) == list(ARTICLE_COLUMNS)
    assert (record["published"], record["paragraphs"], record["date_candidates"], record["via"]) == (
        "2020-09-25", [[0, 7], [8, 13]], ["2020-09-25 dateline"], None)
    assert json.loads(json.dumps(record, allow_nan=False)) == record


def test_write_jsonl_writes_null_for_missing_cells(capsys):
    frame = pd.DataFrame({"when": [pd.Timestamp("2020-09-25"), pd.NaT], "n": [1.0, np.nan],
                          "ids": [np.array(["a", "b"]), np.array([], dtype=object)]})
    write_jsonl(frame.to_dict(orient="records"))
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == [{"when": "2020-09-25T00:00:00", "n": 1.0, "ids": ["a", "b"]},
                                                    {"when": None, "n": None, "ids": []}]

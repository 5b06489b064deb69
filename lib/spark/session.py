"""A SparkSession for the batch: the master given (local[*], spark://host:7077, yarn ...), the project's code shipped
to the executors, timestamps without time zones (the store keeps each outlet's own wall clock)."""
from __future__ import annotations

import os
import tempfile
import warnings
import zipfile
from pathlib import Path

from pyspark.sql import SparkSession

PROJECT = Path(__file__).resolve().parents[2]
LOCAL_CONFIG = {
    "spark.ui.enabled": "false",  # no web UI port on a shared machine; a cluster's master keeps its own
    "spark.sql.shuffle.partitions": "8",  # local mode: a few cores; a cluster passes its own through --conf
}
CONFIG = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.timestampType": "TIMESTAMP_NTZ",  # the store's TIMESTAMP is a wall clock, not an instant
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.ui.showConsoleProgress": "false",  # the batch prints one line per stage instead
    # No join is broadcast: the shingle tables are estimated small and are not (100k articles: passage reuse failed
    # with "Not enough memory to build and broadcast the table" on a 6 GB driver); sort-merge joins spill instead.
    "spark.sql.autoBroadcastJoinThreshold": "-1",
    "spark.sql.adaptive.autoBroadcastJoinThreshold": "-1",
    # pyspark warns on every pandas UDF that it is not yet certified on pandas 3; what we run is tested here
    "spark.executorEnv.PYTHONWARNINGS": "ignore::FutureWarning",
}
PANDAS_WARNING = "PySpark does not yet fully support pandas"


def code_archive() -> str:
    """A zip of the `lib` package (its modules and data files) for the executors' Python path (what
    `spark-submit --py-files` would ship)."""
    # not "lib.zip": spark-submit --py-files lib.zip may have shipped one already, and Spark refuses a second
    target = Path(tempfile.mkdtemp(prefix="coverage-spark-")) / "coverage-compare-lib.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in (PROJECT / "lib").rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            archive.write(path, path.relative_to(PROJECT).as_posix())
    return str(target)


def start_session(master: str | None = None, app_name: str = "coverage-compare batch",
                  config: dict[str, str] | None = None) -> SparkSession:
    """A SparkSession on ``master`` (None: the one spark-submit chose, else local[*]) with `lib` on the executors."""
    warnings.filterwarnings("ignore", message=PANDAS_WARNING, category=FutureWarning)
    builder = SparkSession.builder.appName(app_name)
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this driver and chose its master
    if master or not submitted:
        builder = builder.master(master or "local[*]")
    local = (master or ("" if submitted else "local")).startswith("local")
    for key, value in {**(LOCAL_CONFIG if local else {}), **CONFIG, **(config or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.addPyFile(code_archive())  # executors import `lib` from it, on a cluster and locally alike
    return spark

"""The batch pipeline on Apache Spark: parse, extract and the corpus-wide analyses over a cluster, as Parquet.

``dataset`` (the Parquet layout and opening it in DuckDB) imports no Spark, so the dashboard and the read commands
open a dataset without pyspark; ``session``, ``ingest``, ``analyses`` and ``batch`` need pyspark
(requirements-spark.txt) and are imported only by ``python -m lib batch``, the Spark tests and bench/spark.py.
"""

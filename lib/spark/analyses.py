"""The corpus-wide analyses as Spark jobs: the set work (shingle joins, candidate pairs, connected blocks) in Spark
SQL, the judgement inside each pair or block by the lib.analyse functions the single-machine path runs.

- Passage reuse (passim's plan, as lib.analyse.reuse does it in DuckDB): hashed word 5-gram shingles, shingles
  found in one place only or in more than MAX_DF places dropped, a shingle in more than FULL_DF places pairing
  its carriers with its earliest carrier only, pairs sharing MIN_SHINGLES shingles (one from a
  different outlet), their matching positions aligned by reuse.chain_runs and kept by the same length and
  boilerplate rule, oriented by reuse.orient_pair, and each target's sources chosen by reuse._best_sources.
- Shared quotes: speakers canonicalised over the whole corpus (lib.analyse.speakers), distinct quote texts linked
  by a shared word 3-gram (stock 3-grams in more than MAX_QUOTES_PER_SHINGLE texts dropped), and
  overlap.shared_quotes run on each connected set of linked texts: groups never cross those sets, since
  shared_quotes links only texts that share a 3-gram.
- Story grouping: candidate pairs share an event anchor (names, places, numbers, dates: the anchors the story
  vectors weigh, lib.analyse.stories.vectors; two shared anchors gave B-cubed 0.980 on the samples) and lie within
  the clustering's reach in time (two windows for dated pairs, as find_neighbours reads them); only the pairs'
  connected blocks matter, so each anchor links its carriers by a spanning forest (_anchor_edges), not all pairs;
  stories.cluster_stories runs on each connected block. A block of more than MAX_BLOCK articles is clustered in
  overlapping pieces (_pieces): cores of half MAX_BLOCK in date order, each with the articles within two reaches
  (28 days) of its edges, and a piece gives only the stories that start in its core (_resolved), so a story that
  crosses a cut is found whole by the piece it starts in. Each piece still weighs words by its own articles'
  TF-IDF, not the corpus's: that, more than the cuts, is where a cut block's stories differ from one machine's.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql import types as T
from pyspark.sql.window import Window

from lib.analyse import overlap, reuse
from lib.analyse.speakers import canonicalise_speakers
from lib.analyse.stories import clustering
from lib.analyse.stories.texts import ARTICLE_INPUT_COLUMNS, _article_text
from lib.analyse.stories.vectors import extract_anchors
from lib.models import speaker_of
from lib.spark.dataset import PARTITION

MAX_BLOCK = 20_000  # articles clustered in one task (bench/stories.py: 20,000 take ~1 min and ~2 GB)
STORY_MAX_DF = 1000  # an anchor in more articles than this (a country, a year) blocks nothing
COMPONENT_ROUNDS = 200  # label propagation rounds at most: each moves a label one edge along the longest path
DRIVER_EDGES = 5_000_000  # a candidate graph up to this many edges is joined on the driver (scipy, ~1 s a million)


def _sort_key(published: str, ident: str) -> F.Column:
    """A string that sorts rows as the store's readers do: published first, undated last, then id."""
    return F.concat(F.when(F.col(published).isNull(), "1").otherwise("0"),
                    F.coalesce(F.date_format(published, "yyyy-MM-dd HH:mm:ss.SSSSSS"), F.lit("")),
                    F.lit("\x00"), F.col(ident))


def connected_components(edges: DataFrame, nodes: DataFrame) -> DataFrame:
    """(node, component) of an undirected graph over string nodes; a component is named by its smallest node.

    A graph of up to DRIVER_EDGES edges (the usual case: edges are candidate pairs, far fewer than the rows they
    join) is brought to the driver as 64-bit node hashes and joined by scipy in seconds; a larger one stays on the
    cluster and is labelled by propagation, one join per round, as many rounds as its longest shortest path.
    """
    spark = edges.sparkSession
    hashed = edges.select(F.xxhash64("src").alias("src"), F.xxhash64("dst").alias("dst")).localCheckpoint()
    if hashed.count() > DRIVER_EDGES:
        return _propagated_components(edges, nodes)
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components as scipy_components

    pairs = hashed.toPandas()
    ids, codes = np.unique(np.concatenate([pairs["src"].to_numpy(), pairs["dst"].to_numpy()]), return_inverse=True)
    n = len(ids)
    graph = sp.coo_matrix((np.ones(len(pairs), dtype=np.int8), (codes[:len(pairs)], codes[len(pairs):])), shape=(n, n))
    _, labels = scipy_components(graph, directed=False)
    linked = spark.createDataFrame(pd.DataFrame({"h": ids.astype("int64"), "label": labels.astype("int64")}),
                                   "h LONG, label LONG")  # typed: a graph without edges has no rows to infer from
    keyed = nodes.select("node", F.xxhash64("node").alias("h")).join(linked, "h", "left")
    named = keyed.where(F.col("label").isNotNull()).groupBy("label").agg(F.min("node").alias("component"))
    return (keyed.join(named, "label", "left")
            .select("node", F.coalesce(F.col("component"), F.col("node")).alias("component")))


def _propagated_components(edges: DataFrame, nodes: DataFrame) -> DataFrame:
    """connected_components on the cluster: every node takes the smallest label among its neighbours' until none
    changes."""
    both = edges.select("src", "dst").union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
    both = both.localCheckpoint()
    labels = nodes.select("node", F.col("node").alias("component")).localCheckpoint()
    for _ in range(COMPONENT_ROUNDS):
        pushed = both.join(labels, both.src == labels.node).select(F.col("dst").alias("node"), "component")
        fresh = labels.union(pushed).groupBy("node").agg(F.min("component").alias("component")).localCheckpoint()
        changed = fresh.join(labels.withColumnRenamed("component", "old"), "node").where("component <> old").count()
        labels = fresh
        if changed == 0:
            return labels
    raise RuntimeError(f"connected components did not settle in {COMPONENT_ROUNDS} rounds")


# ---------------------------------------------------------------------------------------------------------------
# Passage reuse

@F.pandas_udf(T.ArrayType(T.LongType()))
def _word_hashes(texts: pd.Series) -> pd.Series:
    """64-bit hashes of each text's lower-cased word tokens, at the positions reuse._token_spans maps back to
    offsets (a shingle hashes its words' hashes: no n-gram strings are built)."""
    def hashes(text):
        """One text's word hashes."""
        text = text or ""
        words = pd.Series([text[s:e].lower() for s, e in reuse._token_spans(text).tolist()], dtype=object)
        return pd.util.hash_pandas_object(words, index=False).to_numpy().view(np.int64)
    return pd.Series([hashes(t) for t in texts], index=texts.index, dtype=object)


@F.pandas_udf(T.StringType())
def _outlet_norm(outlets: pd.Series) -> pd.Series:
    """reuse's normalised outlet name ('' when unknown)."""
    return pd.Series([reuse._norm(v) for v in outlets], index=outlets.index, dtype=object)


@lru_cache(maxsize=4096)
def _spans(text: str) -> np.ndarray:
    """reuse._token_spans, kept per executor: an article is one side of many pairs."""
    return reuse._token_spans(text)


SIDE_FIELDS = ("id", "text", "outlet", "via", "published")
ALIGNED_TYPES = {"target_id": T.StringType(), "source_id": T.StringType(), "source_outlet": T.StringType(),
                 "target_outlet": T.StringType(), "source_via": T.StringType(), "target_via": T.StringType(),
                 "source_published": T.TimestampNTZType(), "target_length": T.LongType(),
                 "direction": T.StringType(), "source_start": T.LongType(), "source_end": T.LongType(),
                 "target_start": T.LongType(), "target_end": T.LongType(), "source_text": T.StringType(),
                 "target_text": T.StringType()}
ALIGNED_SCHEMA = T.StructType([T.StructField(c, t) for c, t in ALIGNED_TYPES.items()])


def _side(row, side: str) -> dict:
    """The fields orient_pair and _source_rank read, of one side of a pair (published as a pandas Timestamp)."""
    published = getattr(row, f"{side}_published")
    return {"id": getattr(row, f"{side}_id"), "outlet": _value(getattr(row, f"{side}_outlet")),
            "via": _value(getattr(row, f"{side}_via")),
            "published": None if pd.isna(published) else pd.Timestamp(published),
            "length": len(getattr(row, f"{side}_text") or "")}


def _value(v):
    """A cell as Python has it: None where pandas says missing (NaN in a text column)."""
    return None if pd.isna(v) else v


def _aligned(frames):
    """Aligned passages of each candidate pair (reuse.align_pair), oriented by reuse.orient_pair: one row per
    passage with the fields reuse._best_sources ranks sources by (ALIGNED_SCHEMA)."""
    for frame in frames:
        rows = []
        for row in frame.itertuples(index=False):
            ta, tb = row.a_text or "", row.b_text or ""
            found = reuse.align_pair(ta, tb, np.asarray(row.pos_a), np.asarray(row.pos_b), _spans(ta), _spans(tb))
            if not found:
                continue
            ra, rb = _side(row, "a"), _side(row, "b")
            src, tgt, direction = reuse.orient_pair(ra, rb)
            flip = src is rb
            for sa_, ea_, sb_, eb_ in found:
                ss, se, ts, te = (sb_, eb_, sa_, ea_) if flip else (sa_, ea_, sb_, eb_)
                stext, ttext = (tb, ta) if flip else (ta, tb)
                rows.append((tgt["id"], src["id"], src["outlet"], tgt["outlet"], src["via"], tgt["via"],
                             src["published"], tgt["length"], direction, ss, se, ts, te, stext[ss:se], ttext[ts:te]))
        yield _plain(pd.DataFrame.from_records(rows, columns=list(ALIGNED_TYPES)))


def _target_passages(frames):
    """Passage rows of each target, its sources chosen as find_reuse's one_source does (reuse._best_sources), over
    a partition's aligned rows sorted by target: a target's rows are contiguous, the last one maybe continued in the
    next batch (held back until its rows are all in)."""
    pending = None
    for frame in frames:
        if pending is not None:
            frame = pd.concat([pending, frame], ignore_index=True)
        if frame.empty:
            continue
        ids = frame["target_id"].to_numpy()
        earlier = np.flatnonzero(ids != ids[-1])
        cut = int(earlier[-1]) + 1 if len(earlier) else 0
        pending = frame.iloc[cut:]
        if cut:
            yield _chosen(frame.iloc[:cut])
    if pending is not None and len(pending):
        yield _chosen(pending)


def _chosen(frame: pd.DataFrame) -> pd.DataFrame:
    """reuse._best_sources over whole targets' aligned rows, in plain Python (one item per target and source)."""
    col = {c: frame[c].tolist() for c in frame.columns}
    items: dict = {}
    for n, (tid, sid) in enumerate(zip(col["target_id"], col["source_id"])):
        item = items.get((tid, sid))
        if item is None:
            published = col["source_published"][n]
            src = {"id": sid, "outlet": _value(col["source_outlet"][n]), "via": _value(col["source_via"][n]),
                   "published": None if pd.isna(published) else pd.Timestamp(published)}
            tgt = {"id": tid, "outlet": _value(col["target_outlet"][n]), "via": _value(col["target_via"][n]),
                   "length": int(col["target_length"][n])}
            item = items[(tid, sid)] = (src, tgt, col["direction"][n], [])
        item[3].append((col["source_start"][n], col["source_end"][n], col["target_start"][n], col["target_end"][n],
                        col["source_text"][n], col["target_text"][n]))
    rows = []
    for src, tgt, direction, oriented in reuse._best_sources(list(items.values()), reuse.MIN_CHARS):
        share = round(reuse._covered([(p[2], p[3]) for p in oriented]) / max(tgt["length"], 1), 4)
        for ss, se, ts, te, stext, ttext in oriented:
            rows.append((src["id"], tgt["id"], src["outlet"], tgt["outlet"], ss, se, ts, te, te - ts, stext, ttext,
                         float(share), direction))
    return _plain(pd.DataFrame.from_records(rows, columns=list(reuse.PASSAGE_COLUMNS)))


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its text columns as Python objects: pyspark cannot send pandas' Arrow-backed strings."""
    return frame.astype({c: object for c in frame.columns if pd.api.types.is_string_dtype(frame[c])})


PASSAGE_TYPES = {"source_id": T.StringType(), "target_id": T.StringType(), "source_outlet": T.StringType(),
                 "target_outlet": T.StringType(), "source_start": T.LongType(), "source_end": T.LongType(),
                 "target_start": T.LongType(), "target_end": T.LongType(), "chars": T.LongType(),
                 "source_text": T.StringType(), "target_text": T.StringType(), "share_of_target": T.DoubleType(),
                 "direction": T.StringType()}


def _schema(columns, types: dict) -> T.StructType:
    """A Spark schema in lib.analyse's column order (``columns``), typed from ``types``."""
    return T.StructType([T.StructField(c, types[c]) for c in columns])


def passages(articles: DataFrame) -> DataFrame:
    """One row per reused passage, oriented source -> target (reuse.PASSAGE_COLUMNS), as find_reuse finds them.

    Articles are numbered in the store's reading order (a distributed sort, then monotonically increasing ids, kept
    by a checkpoint), so the shingle tables carry one long per row and "earliest carrier" is the smallest number.
    """
    n = reuse.SHINGLE
    # sorted first, then the Python functions: a range sort reads its input twice (a sample, then the rows)
    docs = (articles.select(*SIDE_FIELDS).orderBy(_sort_key("published", "id"))
            .select(*SIDE_FIELDS, _outlet_norm(F.col("outlet")).alias("norm"), _word_hashes(F.col("text")).alias("w"),
                    F.monotonically_increasing_id().alias("doc"))
            .localCheckpoint())
    words = ", ".join(f"w[i + {k}]" for k in range(n))
    shingles = docs.where(F.size("w") >= n).select(
        "doc", F.posexplode(F.expr(f"transform(sequence(0, size(w) - {n}), i -> xxhash64({words}))")).alias("pos", "h"))
    df = (shingles.groupBy("h").agg(F.count("*").alias("df"), F.min("doc").alias("anchor"))
          .where(F.col("df").between(2, reuse.MAX_DF)))
    kept = shingles.join(df.select("h"), "h").persist()
    d = kept.select("doc", "h").distinct().join(df, "h")
    # reuse.candidate_matches' pairs: all carriers of a shingle up to FULL_DF of them, beyond that each carrier
    # with the earliest one (doc numbers run earliest first)
    full = d.where(F.col("df") <= reuse.FULL_DF)
    every = (full.alias("x").join(full.alias("y"), (F.col("x.h") == F.col("y.h")) & (F.col("x.doc") < F.col("y.doc")))
             .select(F.col("x.doc").alias("a"), F.col("y.doc").alias("b")))
    star = d.where((F.col("df") > reuse.FULL_DF) & (F.col("doc") > F.col("anchor"))).select(
        F.col("anchor").alias("a"), F.col("doc").alias("b"))
    pairs = (every.unionByName(star).groupBy("a", "b").count()
             .where(F.col("count") >= reuse.MIN_SHINGLES).select("a", "b"))
    norms = docs.select("doc", "norm")
    pairs = (pairs.join(norms.alias("na"), F.col("a") == F.col("na.doc"))
             .join(norms.alias("nb"), F.col("b") == F.col("nb.doc"))
             .where((F.col("na.norm") == "") | (F.col("na.norm") != F.col("nb.norm"))).select("a", "b"))
    matches = (pairs.join(kept.alias("x"), F.col("x.doc") == F.col("a"))
               .join(kept.alias("y"), (F.col("y.doc") == F.col("b")) & (F.col("y.h") == F.col("x.h")))
               .groupBy("a", "b").agg(F.array_sort(F.collect_list(F.struct(F.col("x.pos").alias("pos_a"),
                                                                           F.col("y.pos").alias("pos_b")))).alias("m"))
               .select("a", "b", F.expr("transform(m, x -> x.pos_a)").alias("pos_a"),
                       F.expr("transform(m, x -> x.pos_b)").alias("pos_b")))
    side = {s: docs.select(F.col("doc").alias(s), *(F.col(c).alias(f"{s}_{c}") for c in SIDE_FIELDS)) for s in "ab"}
    aligned = matches.join(side["a"], "a").join(side["b"], "b").mapInPandas(_aligned, ALIGNED_SCHEMA)
    # Each target's rows in one partition, contiguous: one Python call per batch of rows, not one per target (a
    # pandas frame per target cost ~0.1 s each). Persisted: the range sort samples its input before sorting it.
    out = (aligned.repartition("target_id").sortWithinPartitions("target_id")
           .mapInPandas(_target_passages, _schema(reuse.PASSAGE_COLUMNS, PASSAGE_TYPES)).persist())
    return out.orderBy("source_id", "target_id", "target_start")


# ---------------------------------------------------------------------------------------------------------------
# Shared quotes

DIFF_OP = T.StructType([T.StructField(k, T.StringType()) for k in ("op", "old", "new")])
RENDERING_TYPES = {
    "group_id": T.LongType(), "article_id": T.StringType(), "outlet": T.StringType(),
    "published": T.TimestampNTZType(), "speaker_id": T.StringType(), "text": T.StringType(),
    "start": T.LongType(), "end": T.LongType(), "role": T.StringType(), "relation": T.StringType(),
    "similarity": T.DoubleType(), "added": T.ArrayType(T.StringType()), "dropped": T.ArrayType(T.StringType()),
    "replaced": T.ArrayType(T.ArrayType(T.StringType())), "truncated": T.BooleanType(),
    "diff": T.ArrayType(DIFF_OP),
    "variants": T.ArrayType(T.StructType([T.StructField("article_id", T.StringType()),
                                          T.StructField("outlet", T.StringType()),
                                          T.StructField("text", T.StringType()),
                                          T.StructField("diff", T.ArrayType(DIFF_OP))])),
}


def speaker_mapping(quotes: DataFrame) -> dict:
    """speaker_id -> canonical id, by lib.analyse.speakers over the whole corpus's speaker counts.

    The driver sees each distinct speaker once, with its count, in the order the store's readers list them (its
    first quote), which is the order canonicalise_speakers meets them in on one machine.
    """
    counts = (quotes.where(F.col("speaker_id").isNotNull())
              .groupBy("speaker_id").agg(F.count("*").alias("n"), F.min("key").alias("first"))
              .orderBy("first").collect())
    if not counts:
        return {}
    names = np.array([r.speaker_id for r in counts], dtype=object)
    frame = pd.DataFrame({"speaker_id": np.repeat(names, [r.n for r in counts])})
    canonical = canonicalise_speakers(frame)["speaker_id"]
    return {k: v for k, v in zip(frame["speaker_id"].tolist(), canonical.tolist()) if k != v}


@F.pandas_udf(T.StringType())
def _joined_keys(texts: pd.Series) -> pd.Series:
    """The comparison key of a quote text: its words' keys (overlap._key of overlap.tokenise_quote), joined."""
    return pd.Series([" ".join(overlap._key(w) for w in overlap.tokenise_quote(t)) for t in texts], index=texts.index,
                     dtype=object)


def _shared_quotes_block(frame: pd.DataFrame) -> pd.DataFrame:
    """overlap.shared_quotes over one connected set of quote texts, in the store's reading order (its block kept)."""
    block = frame["block"].iloc[0]
    frame = frame.sort_values("key", kind="stable").drop(columns=["key", "block"]).reset_index(drop=True)
    frame["published"] = pd.to_datetime(frame["published"])
    out = overlap.shared_quotes(frame.assign(who=speaker_of(frame)))
    out["published"] = pd.to_datetime(out["published"])
    return out[list(overlap.RENDERING_COLUMNS)].assign(block=block)


def _continued_runs(frame: pd.DataFrame) -> pd.DataFrame:
    """overlap.continued_runs of one article's quotes, keyed by their start."""
    return pd.DataFrame({"article_id": frame["article_id"], "start": frame["start"].astype("int64"),
                         "run": overlap.continued_runs(frame).fillna("")})


def renderings(quotes: DataFrame, articles: DataFrame) -> DataFrame:
    """Every rendering of every quote two or more articles carry (overlap.RENDERING_COLUMNS), groups numbered by
    their earliest rendering across the corpus as shared_quotes numbers them."""
    spark = quotes.sparkSession
    arts = articles.select(F.col("id").alias("article_id"), "outlet", "published")
    q = quotes.drop(PARTITION).join(arts, "article_id")
    q = q.withColumn("key", F.concat(_sort_key("published", "article_id"), F.lit("\x00"),
                                     F.lpad(F.col("start").cast("string"), 10, "0")))
    mapping = speaker_mapping(q)
    if mapping:  # a join, not a Python function per quote
        canon = spark.createDataFrame(list(mapping.items()), "speaker_id STRING, canonical STRING")
        q = (q.join(canon, "speaker_id", "left")
             .withColumn("speaker_id", F.coalesce("canonical", "speaker_id")).drop("canonical"))
    q = q.where(F.col("kind").isin(*overlap.QUOTE_KINDS))
    # each quote's run of quotes continued in its article, read over the whole article before the texts are blocked
    runs = q.select("article_id", "start", "end", "text").groupBy("article_id").applyInPandas(
        _continued_runs, "article_id STRING, start LONG, run STRING")
    q = q.withColumn("start", F.col("start").cast("long")).join(runs, ["article_id", "start"], "left")
    q = q.withColumn("joined", _joined_keys(F.col("text"))).persist()
    n = overlap.SHINGLE
    texts = q.select(F.col("joined").alias("node")).distinct()
    shingles = texts.where(F.size(F.split("node", " ")) >= n).select("node", F.explode(F.array_distinct(F.expr(
        f"transform(sequence(0, size(split(node, ' ')) - {n}), "
        f"i -> xxhash64(array_join(slice(split(node, ' '), i + 1, {n}), ' ')))"))).alias("h"))
    common = shingles.groupBy("h").count().where(F.col("count").between(2, overlap.MAX_QUOTES_PER_SHINGLE))
    kept = shingles.join(common.select("h"), "h")
    edges = (kept.alias("x").join(kept.alias("y"), (F.col("x.h") == F.col("y.h")) & (F.col("x.node") < F.col("y.node")))
             .select(F.col("x.node").alias("src"), F.col("y.node").alias("dst")).distinct())
    blocks = connected_components(edges, texts).select(F.col("node").alias("joined"), F.col("component").alias("block"))
    q = q.join(blocks, "joined")
    # A block whose quotes all sit in one article shares nothing; the rest each go to one task.
    sharing = q.groupBy("block").agg(F.countDistinct("article_id").alias("n")).where("n >= 2").select("block")
    columns = [c for c in quotes.columns if c != PARTITION] + ["outlet", "published", "key", "run", "block"]
    schema = T.StructType(_schema(overlap.RENDERING_COLUMNS, RENDERING_TYPES).fields
                          + [T.StructField("block", T.StringType())])
    local = q.join(sharing, "block").select(*columns).groupBy("block").applyInPandas(_shared_quotes_block, schema)
    local = local.persist()
    # Global numbering: groups in order of their earliest rendering (published, undated last, article, offset).
    # One row per group: carriers dated the same day as the earliest are "earliest" too (a tie), and numbering each
    # of them gave such a group two numbers, so its renderings twice.
    firsts = (local.where("role = 'earliest'")
              .groupBy("block", F.col("group_id").alias("local"))
              .agg(F.min(F.struct(_sort_key("published", "article_id").alias("order"), "start")).alias("first")))
    numbered = firsts.select("block", "local", F.row_number().over(
        Window.orderBy("first.order", "first.start", "block", "local")).cast("long").alias("gid"))
    out = (local.join(numbered, (local.block == numbered.block) & (local.group_id == numbered.local))
           .drop("group_id").withColumnRenamed("gid", "group_id"))
    return out.select(*overlap.RENDERING_COLUMNS).orderBy("group_id", "published", "article_id", "start")


# ---------------------------------------------------------------------------------------------------------------
# Story grouping

LOCAL_SCHEMA = T.StructType([T.StructField("article_id", T.StringType()), T.StructField("story_id", T.StringType()),
                             T.StructField("component", T.StringType()), T.StructField("piece", T.LongType()),
                             T.StructField("cut", T.BooleanType())])


def _anchors(rows: pd.DataFrame) -> pd.Series:
    """Distinct event anchors of each article (title and body, its dateline place), as the story vectors find them."""
    def of(row):
        """One article's anchors."""
        return sorted(set(extract_anchors(_article_text(row), row.dateline_place)))
    return pd.Series([of(r) for r in rows.itertuples(index=False)], index=rows.index)


def _cluster_block(frame: pd.DataFrame) -> pd.DataFrame:
    """stories.cluster_stories over one piece of a block (articles and their dated references), in the store's
    order; its component and piece kept beside each article's story, and whether its block was cut."""
    mentions = frame[frame["kind"] == "mention"]
    arts = frame[frame["kind"] == "article"].sort_values("order", kind="stable").reset_index(drop=True)
    key = {"component": arts["component"].iloc[0], "piece": int(arts["piece"].iloc[0]),
           "cut": bool(arts["cut"].iloc[0])}
    arts["published"] = pd.to_datetime(arts["published"])
    mentions = mentions.rename(columns={"id": "article_id"})[["article_id", "end", "value", "granularity"]]
    # object ids: pandas keeps an Arrow string dtype through map() when a block has no references at all
    mentions = mentions.assign(article_id=mentions["article_id"].astype(object), end=mentions["end"].astype("int64"),
                               value=pd.to_datetime(mentions["value"]).dt.date)
    out = clustering.cluster_stories(arts[list(ARTICLE_INPUT_COLUMNS)], mentions.reset_index(drop=True))
    return out[["article_id", "story_id"]].assign(**key)


@F.pandas_udf(T.StringType())
def _alone_story(ids: pd.Series) -> pd.Series:
    """The story id of an article alone in its block, as cluster_stories names a singleton (its stable hash)."""
    return pd.Series([clustering._stable_hash([i]) for i in ids], index=ids.index, dtype=object)


def _anchor_edges(keys: DataFrame, reach: int) -> DataFrame:
    """Edges (src, dst) whose connected components are those of the candidate pairs: two articles sharing an
    anchor, within ``reach`` days of each other or either undated. Per anchor, a spanning forest of its pairs
    suffices: with an undated carrier all its carriers are linked (a star from the first); otherwise carriers in
    day order are linked to the next when within reach. Linear in the anchors, where all pairs are quadratic."""
    by_anchor = Window.partitionBy("anchor")
    in_order = by_anchor.orderBy("day", "id")
    keys = keys.select("anchor", "id", "day", F.lag("id").over(in_order).alias("prev"),
                       F.lag("day").over(in_order).alias("prev_day"),
                       F.max(F.col("day").isNull().cast("int")).over(by_anchor).alias("undated"),
                       F.min("id").over(by_anchor).alias("first"))
    star = keys.where((F.col("undated") == 1) & (F.col("id") != F.col("first"))).select(
        F.col("first").alias("src"), F.col("id").alias("dst"))
    chain = keys.where((F.col("undated") == 0) & (F.col("day") - F.col("prev_day") <= reach)).select(
        F.col("prev").alias("src"), F.col("id").alias("dst"))
    return star.unionByName(chain).distinct()


def _pieces(blocks: DataFrame, max_block: int, halo_days: int) -> tuple[DataFrame, DataFrame]:
    """(members, homes) of the pieces each connected block is clustered in: members (component, piece, id, cut) lists
    every article of every piece (cut: its block was), homes (id, order, component, piece) each article's own piece.

    A block of at most ``max_block`` articles is one piece. A larger one is cut, in the store's order (dated ones
    by date), into cores of half ``max_block``; each piece is its core with a halo on either side: the articles
    within ``halo_days`` of the core's first and last days, at most a quarter of ``max_block`` each side (undated
    ones, which have no day, by order alone). The undated articles of a cut block, when they are at most a quarter
    of ``max_block``, are no core of their own: every piece holds them all (on one machine an undated article may
    join any dated story, see clustering.attach_undated), and one more piece holds them alone (for those that join
    none); the cores are smaller by as many. More of them continue the order by id, in cores of their own.
    """
    half, quarter = max_block // 2, max_block // 4
    by_block = Window.partitionBy("component")
    blocks = (blocks.withColumn("size", F.count("*").over(by_block))
              .withColumn("undated_n", F.sum(F.col("day").isNull().cast("int")).over(by_block))
              .withColumn("cut", F.col("size") > max_block)
              .withColumn("everywhere", F.col("cut") & (F.col("undated_n") <= quarter))
              .withColumn("core", F.when(F.col("everywhere"), half - F.col("undated_n")).otherwise(half))
              .withColumn("ranked", F.col("size") - F.when(F.col("everywhere"), F.col("undated_n")).otherwise(0))
              .withColumn("rank", F.row_number().over(by_block.orderBy("order")) - 1))
    spread = F.col("everywhere") & F.col("day").isNull()  # an undated article held by every piece of its block
    last_piece = F.floor((F.col("ranked") - 1) / F.col("core"))
    blocks = blocks.withColumn("piece", F.when(~F.col("cut"), 0).when(spread, last_piece + 1)
                               .otherwise(F.floor(F.col("rank") / F.col("core"))).cast("long")).persist()
    homes = blocks.select("id", "order", "component", "piece")
    cores = blocks.where(F.col("cut") & ~spread).groupBy("component", "piece").agg(
        F.min("day").alias("first_day"), F.max("day").alias("last_day"))
    cut = blocks.where(F.col("cut") & ~spread)

    def within(bound: F.Column) -> F.Column:
        """A day bound, true where either day is unknown (undated articles go by order alone)."""
        return F.coalesce(bound, F.lit(True))

    # An article near the start of its core is in the previous piece's halo, one near the end in the next one's
    # (joined to that piece's core days: a piece that does not exist joins nothing).
    to_previous = (cut.join(cores.select("component", (F.col("piece") + 1).alias("piece"), "last_day"),
                            ["component", "piece"])
                   .where((F.col("rank") - F.col("piece") * F.col("core") < quarter)
                          & within(F.col("day") <= F.col("last_day") + halo_days))
                   .select("component", (F.col("piece") - 1).alias("piece"), "id"))
    to_next = (cut.join(cores.select("component", (F.col("piece") - 1).alias("piece"), "first_day"),
                        ["component", "piece"])
               .where(((F.col("piece") + 1) * F.col("core") - F.col("rank") <= quarter)
                      & within(F.col("day") >= F.col("first_day") - halo_days))
               .select("component", (F.col("piece") + 1).alias("piece"), "id"))
    everywhere = (blocks.where(spread).select("component", "id", F.sequence(F.lit(0), last_piece.cast("long"))
                                              .alias("p"))
                  .select("component", F.explode("p").alias("piece"), "id"))
    members = (blocks.select("component", "piece", "id", "cut").unionByName(
        to_previous.unionByName(to_next).unionByName(everywhere).withColumn("cut", F.lit(True))))
    return members, homes


@F.pandas_udf(T.StringType())
def _story_name(members: pd.Series) -> pd.Series:
    """A story's id from its members, as cluster_stories names it ("s-" and their stable hash)."""
    return pd.Series(["s-" + clustering._stable_hash(list(m)) for m in members], index=members.index, dtype=object)


def _resolved(local: DataFrame, homes: DataFrame) -> DataFrame:
    """One story per article from the pieces' stories (``local``: component, piece, article_id, story_id).

    A piece's story is the piece's to give when its earliest member (store's order) has that piece as home: a piece
    sees a story whole when the story starts in its core, since the halo after the core covers the clustering's
    reach. An article takes such a story from the first piece that gives it one (its own piece's, for an article
    outside any halo), else its own piece's story; stories are then named by their members, as on one machine.
    """
    local = local.join(homes.select(F.col("id").alias("article_id"), "order", F.col("piece").alias("home")),
                       "article_id")
    story = ["component", "piece", "story_id"]
    firsts = local.groupBy(*story).agg(F.min(F.struct("order", "home")).alias("first"))
    given = firsts.where(F.col("first.home") == F.col("piece")).select(*story, F.lit(1).alias("given"))
    local = local.join(given, story, "left").where(F.col("given").isNotNull() | (F.col("piece") == F.col("home")))
    first = F.row_number().over(Window.partitionBy("article_id").orderBy(F.col("given").isNull(), "piece"))
    chosen = local.withColumn("n", first).where("n = 1")
    label = F.concat_ws("\x00", "component", F.col("piece").cast("string"), "story_id")
    named = (chosen.groupBy(label.alias("label")).agg(F.collect_list("article_id").alias("members"))
             .select(F.explode("members").alias("article_id"), _story_name(F.col("members")).alias("story_id")))
    return named.select("article_id", "story_id", F.lit("auto").alias("assigned_by"))


def assignment(articles: DataFrame, mentions: DataFrame, max_block: int = MAX_BLOCK,
               blocks_seen: dict | None = None) -> DataFrame:
    """Story of every article (stories.ASSIGNMENT_COLUMNS): hand-assigned where given, else clustered per block.

    ``blocks_seen``, when given, receives the block figures: blocks of two or more, the largest, how many were
    cut for being larger than ``max_block``, and the pieces clustered.
    """
    arts = articles.select(*ARTICLE_INPUT_COLUMNS, _sort_key("published", "id").alias("order"))
    hand = F.trim(F.col("story"))
    by_hand = arts.where(hand != "").select(F.col("id").alias("article_id"), hand.alias("story_id"),
                                            F.lit("hand").alias("assigned_by"))
    auto = arts.where(F.col("story").isNull() | (hand == "")).persist()
    anchors_schema = T.StructType([T.StructField("id", T.StringType()),
                                   T.StructField("anchors", T.ArrayType(T.StringType()))])
    keyed = auto.select("id", "text", "title", "dateline_place").mapInPandas(
        lambda frames: (f[["id"]].assign(anchors=_anchors(f)) for f in frames), anchors_schema)
    day = F.datediff("published", F.lit("1970-01-01"))
    days = auto.select("id", day.alias("day"))
    keys = keyed.select("id", F.explode("anchors").alias("anchor")).join(days, "id").persist()
    common = keys.groupBy("anchor").count().where(F.col("count").between(2, STORY_MAX_DF)).select("anchor")
    reach = 2 * clustering.DEFAULT_CONFIG["window_days"]
    edges = _anchor_edges(keys.join(common, "anchor"), reach)
    components = connected_components(edges, auto.select(F.col("id").alias("node")))
    blocks = auto.join(components.select(F.col("node").alias("id"), "component"), "id")
    sizes = blocks.groupBy("component").count()
    alone = (blocks.join(sizes.where("count = 1"), "component")
             .select(F.col("id").alias("article_id"),
                     F.concat(F.lit("s-"), _alone_story(F.col("id"))).alias("story_id"),
                     F.lit("auto").alias("assigned_by")))
    grouped = blocks.join(sizes.where("count > 1").select("component"), "component").withColumn("day", day)
    # Halo: an article's similarity reaches partners within ``reach`` days (find_neighbours) and its shared-neighbour
    # profile their partners in turn, so a core article's clustering reads articles up to two reaches away.
    members, homes = _pieces(grouped, max_block, 2 * reach)
    if blocks_seen is not None:
        pieces = members.select("component", "piece").distinct().groupBy("component").count()
        figures = sizes.where("count > 1").join(pieces.withColumnRenamed("count", "pieces"), "component").agg(
            F.count("*").alias("blocks"), F.max("count").alias("largest"),
            F.sum((F.col("pieces") > 1).cast("int")).alias("cut"), F.sum("pieces").alias("pieces"))
        blocks_seen.update({k: v or 0 for k, v in figures.first().asDict().items()})
    inputs = grouped.select("id", *(c for c in ARTICLE_INPUT_COLUMNS if c != "id"), "order")
    rows = members.join(inputs, "id").select("component", "piece", "cut", *ARTICLE_INPUT_COLUMNS, "order",
                                             F.lit("article").alias("kind"))
    refs = (mentions.where(F.col("granularity") == "day")
            .join(members.select("component", "piece", F.col("id").alias("article_id")), "article_id")
            .select("component", "piece", F.col("article_id").alias("id"), "end", "value", "granularity",
                    F.lit("mention").alias("kind")))
    both = rows.unionByName(refs, allowMissingColumns=True)
    local = both.groupBy("component", "piece").applyInPandas(_cluster_block, LOCAL_SCHEMA).persist()
    whole = local.where(~F.col("cut")).select("article_id", "story_id", F.lit("auto").alias("assigned_by"))
    pieced = _resolved(local.where(F.col("cut")).drop("cut"), homes)  # a block in one piece: its stories as found
    return by_hand.unionByName(alone).unionByName(whole).unionByName(pieced).orderBy("article_id")

"""parse -> extract -> store, files stored in batches (one transaction each), one report row per input file.

Extraction (quotes, speakers, dated references) is most of an ingest's time: the quotes of a verbatim copy of an
article extracted shortly before (wire copy) are taken from it, not extracted again.
"""
from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from dataclasses import replace
from typing import Iterator, Sequence

from lib.extract import extract_article
from lib.extract.date_mentions import extract_date_mentions
from lib.ingest import DEFAULT_MAX_BYTES, FileResult, parse_chunks
from lib.models import Article, DateMention, Quote
from lib.store import record_report, store_files

FILES_PER_TRANSACTION = 500  # one commit per this many files: a file-backed DuckDB commit costs ~10 ms
COPY_MEMORY = 20_000  # distinct texts whose quotes are remembered for their verbatim copies
Extracted = tuple[list[Quote], list[DateMention], str]  # an article's quotes, dated references, failure line or ""


def extract_or_report(article: Article, copy_of: Sequence[Quote] | None = None
                      ) -> tuple[list[Quote], list[DateMention], str]:
    """The article's quotes and dated references, or none and a one-line report when extraction fails.

    A failure is local: the article is still stored (without quotes or dated references) and the batch goes on;
    the line names the file (and line), the article id and the error in words. With ``copy_of``, the quotes of an
    article with the same quotes_key (a verbatim copy), those are its quotes under its own id and only its dated
    references are extracted (they depend on its own publication day).
    """
    try:
        if copy_of is None:
            quotes, mentions = extract_article(article)
        else:
            quotes, mentions = [replace(q, article_id=article.id) for q in copy_of], extract_date_mentions(article)
    except Exception as exc:  # a bug on one unseen article must not lose the batch
        words = str(exc).strip().splitlines()[0] if str(exc).strip() else "no message"
        return [], [], (f"{article.origin or '?'}: article {article.id}: extraction failed ({type(exc).__name__}: "
                        f"{words}); stored without quotes or dated references")
    return quotes, mentions, ""


def quotes_key(article: Article) -> bytes:
    """A digest of everything quote extraction reads of an article except its id: its text, paragraphs and dateline.
    Verbatim copies (a wire story run unchanged by dozens of outlets, on whatever day) share it."""
    return hashlib.blake2b(repr((article.text, article.paragraphs, article.dateline)).encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()


class CopyMemory:
    """The quotes of the last COPY_MEMORY distinct texts extracted (by quotes_key), for their verbatim copies.

    On wire copy, where half the carriers run a story unchanged, that halves the extraction (quotes are four fifths
    of it; dated references are still read per copy, from its own publication day).
    """

    def __init__(self, size: int = COPY_MEMORY):
        self.size = size
        self.quotes: OrderedDict[bytes, list[Quote]] = OrderedDict()

    def get(self, key: bytes) -> list[Quote] | None:
        """The remembered quotes of ``key`` (None when not remembered), kept as recently used."""
        found = self.quotes.get(key)
        if found is not None:
            self.quotes.move_to_end(key)
        return found

    def learn(self, key: bytes, extracted: Extracted) -> None:
        """Remember a successful extraction's quotes (a failed one is not copied: each copy reports its own)."""
        if not extracted[2]:
            self.quotes[key] = extracted[0]
            self.quotes.move_to_end(key)
            while len(self.quotes) > self.size:
                self.quotes.popitem(last=False)


def ingest_paths(con, paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES, workers: int = 1
                 ) -> list[tuple[FileResult, int, int]]:
    """Parse, extract and store every file under ``paths``; returns (result, added, removed) per file (ingest_stream's
    outcome, kept whole)."""
    return list(ingest_stream(con, paths, max_bytes=max_bytes, workers=workers))


def ingest_stream(con, paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES, workers: int = 1
                  ) -> Iterator[tuple[FileResult, int, int]]:
    """Parse, extract and store the files under ``paths`` a chunk at a time (lib.ingest.parse_chunks), yielding
    (result, added, removed) per file once its chunk is stored: a caller that lets each result go holds one chunk.

    A rejected file stores nothing and removes nothing, so a broken re-upload never loses what was stored. An
    article whose extraction fails is stored without quotes or dated references, with one line in its file's
    ``warnings`` (and a count in the stored report's reason). With ``workers`` > 1 (0: one per usable core), once
    PARALLEL_MIN_ARTICLES articles are to be extracted, extraction runs in that many worker processes (the command
    line's choice; an app server keeps the default, one process); what is stored is the same either way.
    """
    extractor = Extractor(workers or usable_cores())
    try:
        for chunk in parse_chunks(paths, max_bytes=max_bytes, files=FILES_PER_TRANSACTION):
            extracted = iter(extractor.extract([a for r in chunk for a in r.articles]))
            batch = []
            for k, result in enumerate(chunk):
                if result.articles:
                    quotes, mentions, failures = [], [], []
                    for article in result.articles:
                        q, m, failure = next(extracted)
                        quotes.extend(q)
                        mentions.extend(m)
                        if failure:
                            failures.append(failure)
                    if failures:
                        chunk[k] = result = replace(result, warnings=result.warnings + tuple(failures))
                    # a partial file (some rows unreadable) adds and replaces but never prunes
                    batch.append((os.path.abspath(result.path), result.articles, quotes, mentions,
                                  result.status == "ok"))
            counts = store_batch(con, batch, chunk)  # file index in chunk -> (added, removed)
            record_report(con, [(r.path, r.status, report_reason(r), [a.id for a in r.articles]) for r in chunk])
            yield from ((r, *counts.get(k, (0, 0))) for k, r in enumerate(chunk))
    finally:
        extractor.close()


PARALLEL_MIN_ARTICLES = 2_000  # fewer articles to extract than this: one process (starting workers costs ~1 s)
ARTICLES_PER_TASK = 50  # articles sent to a worker at a time


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _extract_task(jobs: list[tuple[Article, list[Quote] | None]]) -> list[Extracted]:
    """extract_or_report over a worker's share of a chunk."""
    return [extract_or_report(article, copy_of) for article, copy_of in jobs]


class Extractor:
    """extract_or_report over a chunk of articles, in order, in this process or in a pool of worker processes.

    The quotes of a verbatim copy are taken from its original (CopyMemory): in a chunk, the first article of each
    text not remembered is extracted, then the copies of it in the same chunk take its quotes. A worker is a
    spawned process (not forked: the parent holds a DuckDB connection and its threads) that imports the extractors.
    """

    def __init__(self, workers: int):
        self.memory = CopyMemory()
        self.workers = workers
        self.seen = 0  # articles given so far: the pool starts once PARALLEL_MIN_ARTICLES have come
        self.pool = None

    def extract(self, articles: list[Article]) -> list[Extracted]:
        """Each article's (quotes, dated references, failure line), in the order given."""
        self.seen += len(articles)
        if self.pool is None and self.workers > 1 and self.seen >= PARALLEL_MIN_ARTICLES:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            self.workers = 1  # started once: a pool that broke is not started again
        keys = [quotes_key(a) for a in articles]
        out: list[Extracted | None] = [None] * len(articles)
        first: dict[bytes, int] = {}  # text key -> index of the first article of that text not remembered
        rounds: tuple[list[int], list[int]] = ([], [])  # originals (and remembered copies), then their copies
        for i, key in enumerate(keys):
            if self.memory.get(key) is None and key in first:
                rounds[1].append(i)
            else:
                first.setdefault(key, i)
                rounds[0].append(i)
        for indices in rounds:
            jobs = [(articles[i], self.memory.get(keys[i])) for i in indices]
            for i, extracted in zip(indices, self._run(jobs)):
                out[i] = extracted
                self.memory.learn(keys[i], extracted)
        return out

    def _run(self, jobs: list[tuple[Article, list[Quote] | None]]) -> list[Extracted]:
        """The jobs' extractions, in order: in the pool when there is one and enough work for it."""
        if self.pool is None or len(jobs) < 2 * ARTICLES_PER_TASK:
            return _extract_task(jobs)
        from concurrent.futures.process import BrokenProcessPool

        tasks = [jobs[lo:lo + ARTICLES_PER_TASK] for lo in range(0, len(jobs), ARTICLES_PER_TASK)]
        try:
            return [extracted for done in self.pool.map(_extract_task, tasks) for extracted in done]
        except BrokenProcessPool:  # a worker died or could not start (a host app's main module failing in it)
            self.close()
            return _extract_task(jobs)

    def close(self) -> None:
        """Stop the worker processes (if any)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def store_batch(con, batch: list[tuple], chunk: list[FileResult]) -> dict[int, tuple[int, int]]:
    """store_files over the batch in one transaction: (added, removed) by index in ``chunk``. If that fails, file by
    file; a file that still cannot be stored becomes rejected in ``chunk``, with the reason and no articles (it
    stores and removes nothing; the other files are kept)."""
    holders = [k for k, r in enumerate(chunk) if r.articles]  # the chunk index of each batch entry
    try:
        return dict(zip(holders, store_files(con, batch)))
    except Exception:  # one file's rows broke the transaction (rolled back): find it, keep the others
        pass
    counts = {}
    for entry, k in zip(batch, holders):
        try:
            counts[k] = store_files(con, [entry])[0]
        except Exception as exc:
            words = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else "no message"
            chunk[k] = replace(chunk[k], status="rejected", articles=(), reason=(
                f"could not be stored ({type(exc).__name__}: {words}); nothing stored or removed"))
    return counts


def report_reason(result: FileResult) -> str:
    """The reason stored in the ingest report: the file's own, plus how many of its articles lost their extraction."""
    return with_failures(result.reason, len(result.warnings), len(result.articles),
                         result.warnings[0] if result.warnings else "")


def with_failures(reason: str, failed: int, articles: int, first: str) -> str:
    """A file's reason, plus how many of its ``articles`` lost their extraction (``first`` the first one's line)."""
    if not failed:
        return reason
    note = (f"{failed} of {articles} article(s) stored without quotes or dated references "
            f"(extraction failed; first: {first})")
    return "; ".join(part for part in (reason, note) if part)

"""Extraction in parallel: chunks of articles go out to worker processes, extractions come back.

The main process reads the inputs (a few ms an article) and stores what comes back (one writer);
the workers do what is dear, parsing and coding (a few hundred ms an article), each with its own
spaCy model loaded once. The executor is a local process pool or a Dask cluster; either way at
most `IN_FLIGHT_PER_WORKER` chunks per worker are out at a time, so memory holds a few chunks
whatever the size of the corpus. Results come back in the order they are done, not input order.

A resumed run skips, before extraction, each record whose id is stored with the same text (see
`known` in `extract`): an article is stored in one transaction, so stored means stored whole.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from parley import pipeline
from parley.model import Article, Extraction, InputError

# A chunk is a few seconds of work for one worker: big enough that sending it costs nothing next
# to extracting it, small enough to spread a short corpus over every worker.
CHUNK_SIZE = 8
# Two chunks per worker: one being extracted, one waiting, so no worker idles while the main
# process stores a result.
IN_FLIGHT_PER_WORKER = 2
# "spawn": a fresh interpreter per worker. Forking the main process would copy its threads' locks
# (the progress bar refreshes from a thread) and, in a process that already used it, the model.
START_METHOD = "spawn"

Item = Extraction | InputError
Known = Callable[[Sequence[str]], Mapping[str, str]]

_warm_lock = threading.Lock()


@dataclass(frozen=True)
class Skipped:
    """A record a resumed ingest leaves alone: its id is already stored with this very text."""

    article_id: str
    origin: str | None


class WorkersFailed(RuntimeError):
    """A worker process died (killed, out of memory), the cluster gave up on a chunk, or there is
    no cluster at the address given."""


def extract_chunk(articles: list[Article]) -> list[Item]:
    """The work of one chunk, run in a worker: each article's extraction, and an `InputError`
    before it when one of its stages failed (as `pipeline.extract` reports it)."""
    with _warm_lock:  # a Dask worker may run chunks on several threads; load the model once
        pipeline.warm()
    out: list[Item] = []
    for x in pipeline.extract_articles(articles, on_error=out.append):
        out.append(x)
    return out


def extract(
    inputs: Iterable[Article | InputError],
    *,
    workers: int = 2,
    dask: str | None = None,
    known: Known | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Item | Skipped]:
    """Extract the articles of `inputs` on `workers` local processes, or on the Dask cluster whose
    scheduler is at `dask`. Input errors pass straight through; with `known` (e.g. `Store.known`:
    id -> content hash of stored articles), records stored already come back as `Skipped`."""
    executor: _Executor = _Dask(dask) if dask else _Local(workers)
    try:
        for entry in _chunks(inputs, chunk_size, known):
            if not isinstance(entry, list):
                yield entry
                continue
            while executor.in_flight >= executor.limit:
                yield from executor.next_done()
            executor.submit(entry)
            yield from executor.done_now()
        while executor.in_flight:
            yield from executor.next_done()
    finally:
        executor.close()


def _chunks(
    inputs: Iterable[Article | InputError], size: int, known: Known | None
) -> Iterator[list[Article] | InputError | Skipped]:
    """Articles in lists of up to `size`, after taking out those stored already (one look-up per
    list); input errors and skipped records as they come."""
    batch: list[Article] = []

    def flush() -> Iterator[list[Article] | Skipped]:
        stored = known([a.id for a in batch]) if known is not None else {}
        todo = []
        for a in batch:
            if stored.get(a.id) == a.content_hash:
                yield Skipped(a.id, a.origin)
            else:
                todo.append(a)
        batch.clear()
        if todo:
            yield todo

    for item in inputs:
        if isinstance(item, InputError):
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield from flush()
    if batch:
        yield from flush()


class _Executor(Protocol):
    @property
    def limit(self) -> int: ...  # chunks allowed out at a time

    @property
    def in_flight(self) -> int: ...

    def submit(self, chunk: list[Article]) -> None: ...

    def next_done(self) -> list[Item]: ...  # waits for at least one chunk

    def done_now(self) -> list[Item]: ...  # chunks already done, without waiting

    def close(self) -> None: ...


class _Local:
    """A pool of worker processes on this machine; each loads the model on its first chunk."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        ctx = multiprocessing.get_context(START_METHOD)
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
        self._pending: set[Future[list[Item]]] = set()
        self.limit = IN_FLIGHT_PER_WORKER * workers

    @property
    def in_flight(self) -> int:
        return len(self._pending)

    def submit(self, chunk: list[Article]) -> None:
        self._pending.add(self._pool.submit(extract_chunk, chunk))

    def next_done(self) -> list[Item]:
        return self._collect(None)

    def done_now(self) -> list[Item]:
        return self._collect(0)

    def _collect(self, timeout: float | None) -> list[Item]:
        done, self._pending = wait(self._pending, timeout=timeout, return_when=FIRST_COMPLETED)
        try:
            return [item for f in done for item in f.result()]
        except BrokenProcessPool as exc:
            raise WorkersFailed(
                "a worker process died (killed, or out of memory?); run the same command again to resume"
            ) from exc

    def close(self) -> None:
        # Chunks not started are dropped; those being extracted finish (seconds) and are lost.
        self._pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    """Chunks as tasks on a Dask cluster. `extract_chunk` is imported by the workers (parley must
    be installed there); each worker process keeps its model loaded between chunks."""

    def __init__(self, address: str) -> None:
        from distributed import Client, as_completed

        try:
            self._client = Client(address, set_as_default=False)
        except OSError as exc:  # no scheduler there (Dask gives up after its connect timeout)
            raise WorkersFailed(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        self._done = as_completed(loop=self._client.loop)

    @property
    def limit(self) -> int:
        # Asked each time, so workers that join during the run get chunks too.
        threads = sum(self._client.nthreads().values())
        return IN_FLIGHT_PER_WORKER * max(1, threads)

    @property
    def in_flight(self) -> int:
        return self._done.count()

    def submit(self, chunk: list[Article]) -> None:
        # pure=False: no hashing of the articles for a task key; each chunk is its own task.
        self._done.add(self._client.submit(extract_chunk, chunk, pure=False))

    def next_done(self) -> list[Item]:
        return self._results([next(self._done), *self._done.next_batch(block=False)])

    def done_now(self) -> list[Item]:
        return self._results(self._done.next_batch(block=False))

    def _results(self, futures: list[Any]) -> list[Item]:
        from distributed import KilledWorker

        out: list[Item] = []
        for f in futures:
            try:
                out.extend(f.result())
            except KilledWorker as exc:
                raise WorkersFailed(
                    f"Dask workers died running a chunk ({exc}); run the same command again to resume"
                ) from exc
            f.release()  # the worker may drop the result now
        return out

    def close(self) -> None:
        self._client.close()

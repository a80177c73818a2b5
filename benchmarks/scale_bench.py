"""`make bench`: `parley ingest` at corpus scale: 1 worker, 2 workers, a 2-worker Dask cluster.

    python benchmarks/scale_bench.py --shared ../shared --limit 1000 --large 10000

Each run is `parley ingest` in its own process, on the first N articles of
../shared/corpus/news-10k.jsonl.gz, into a fresh SQLite file in a temporary folder. Peak RSS is the
largest sum, sampled twice a second, over every process this script started (the ingest, its
workers, the Dask cluster's processes); CPU seconds are theirs too. `--large N` repeats the
2-worker run on N articles, to show that memory does not grow with the corpus (0 skips it).
Times include start-up (imports, workers loading the model: a few seconds).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import logging
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

INGEST = [sys.executable, "-c", "from parley.cli import app; app(prog_name='parley')", "ingest"]


@dataclass
class Run:
    name: str
    articles: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    summary: str

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def _tree_rss_psutil() -> Callable[[], int]:
    import psutil

    me = psutil.Process()

    def rss() -> int:
        total = 0
        for p in me.children(recursive=True):
            with contextlib.suppress(psutil.Error):  # exited between listing and reading
                total += p.memory_info().rss
        return total

    return rss


def _tree_rss_proc() -> Callable[[], int]:
    """Without psutil: walk /proc for this process's descendants and add up their VmRSS."""

    def rss() -> int:
        parent: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                    parent[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        mine, frontier = set(), {os.getpid()}
        while frontier:
            frontier = {pid for pid, pp in parent.items() if pp in frontier} - mine
            mine |= frontier
        total = 0
        for pid in mine:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                pass
        return total

    return rss


try:
    import psutil  # noqa: F401

    tree_rss = _tree_rss_psutil()
except ImportError:  # pragma: no cover - psutil is in the lock file, but keep the script standalone
    tree_rss = _tree_rss_proc()


class PeakSampler:
    """The largest RSS of all our child processes together while the block runs."""

    def __init__(self, every: float = 0.5) -> None:
        self.every, self.peak = every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss())
            self._stop.wait(self.every)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)  # every descendant reaped so far
    return r.ru_utime + r.ru_stime


def ingest(name: str, corpus: Path, n: int, db: Path, *extra: str) -> Run:
    """One `parley ingest` in its own process."""
    cpu0 = children_cpu()
    with PeakSampler() as sampler:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [*INGEST, str(corpus), "--db", str(db), *extra], capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - t0
    summary = next((ln for ln in reversed(proc.stderr.splitlines()) if ln.startswith("stored:")), "")
    if proc.returncode not in (0, 1) or not summary:
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"{name}: parley ingest failed (exit {proc.returncode})")
    return Run(name, n, seconds, children_cpu() - cpu0, sampler.peak / 2**20, summary)


def dask_run(corpus: Path, n: int, db: Path) -> Run:
    from distributed import LocalCluster

    cpu0 = children_cpu()
    with PeakSampler() as sampler:
        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        try:
            run = ingest("2-worker Dask LocalCluster", corpus, n, db, "--dask", cluster.scheduler_address)
        finally:
            cluster.close()
    # The cluster's processes count too: their CPU once reaped, their memory while they ran.
    run.cpu_seconds = children_cpu() - cpu0
    run.peak_rss_mb = max(run.peak_rss_mb, sampler.peak / 2**20)
    return run


def head(src: Path, n: int, dest: Path) -> int:
    """The first n lines of the gzipped corpus, uncompressed to `dest`; how many there were."""
    count = 0
    with gzip.open(src, "rt", encoding="utf-8") as fin, dest.open("w", encoding="utf-8") as fout:
        for line in fin:
            if count >= n:
                break
            fout.write(line)
            count += 1
    return count


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--limit", type=int, default=1000, help="articles for the throughput runs")
    ap.add_argument("--large", type=int, default=10000, help="articles for the memory run; 0 skips it")
    args = ap.parse_args()
    src = args.shared / "corpus" / "news-10k.jsonl.gz"
    if not src.exists():
        print(f"make bench needs {src}; it is not there", file=sys.stderr)
        return 2
    print(f"\nload average before the runs: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        small = tmp / "small.jsonl"
        n = head(src, args.limit, small)
        runs = [ingest("1 worker", small, n, tmp / "w1.db")]
        print(f"done: {runs[-1].name} {runs[-1].rate:.2f} articles/s", flush=True)
        runs.append(ingest("2 workers", small, n, tmp / "w2.db", "--workers", "2"))
        print(f"done: {runs[-1].name} {runs[-1].rate:.2f} articles/s", flush=True)
        runs.append(dask_run(small, n, tmp / "dask.db"))
        print(f"done: {runs[-1].name} {runs[-1].rate:.2f} articles/s", flush=True)
        large = None
        if args.large > n:
            big = tmp / "large.jsonl"
            n_large = head(src, args.large, big)
            small.unlink()
            large = ingest("2 workers", big, n_large, tmp / "large.db", "--workers", "2")

    base = runs[0].rate
    print(f"\n`parley ingest` on {n} articles of {src.name}, {os.cpu_count()} cores\n")
    print("| run | articles/s | vs 1 worker | seconds | CPU seconds | peak RSS MB (all processes) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in runs:
        print(
            f"| {r.name} | {r.rate:.2f} | {r.rate / base:.2f}x | {r.seconds:.0f} | {r.cpu_seconds:.0f} | "
            f"{r.peak_rss_mb:.0f} |"
        )
    print("\nMemory against corpus size, 2 workers:\n")
    print("| articles | articles/s | seconds | peak RSS MB (all processes) |")
    print("|---:|---:|---:|---:|")
    for r in [runs[1], *([large] if large else [])]:
        print(f"| {r.articles} | {r.rate:.2f} | {r.seconds:.0f} | {r.peak_rss_mb:.0f} |")
    print()
    for r in [*runs, *([large] if large else [])]:
        print(f"{r.name}, {r.articles} articles: {r.summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`parley ingest --workers N`: the same store and error lines as one process, and a run killed
with SIGKILL part-way that continues when started again."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import parley
from parley.model import Extraction
from parley.store import Store

PARLEY = [sys.executable, "-c", "from parley.cli import app; app(prog_name='parley')"]

# Forty short reports written for this test: eight shapes of story, five casts each.
SHAPES = (
    "{a} and {b} held a second day of talks in {city} on {day}. The foreign minister of {a} said the "
    "delegations had agreed to set up a working group on prisoner exchanges. {b} asked for guarantees "
    "that the ceasefire would hold through the {season}.",
    "Fighting flared on the border between {a} and {b} on {day}, a week after envoys met in {city}. "
    "Officials in {a} accused {b} of shelling two villages overnight. {b} denied it and said it would "
    "pull its artillery back if the other side did the same.",
    "The president of {a} telephoned the leader of {b} on {day} to discuss the stalled trade deal. "
    "Both offices said the call was constructive, and negotiators will meet in {city} before the end "
    "of the {season} to settle tariffs on grain and steel.",
    "Mediators in {city} said on {day} that {a} had accepted a proposal to reopen the airport, while "
    "{b} wanted more time to study it. A spokesman for {b} rejected claims that it was stalling and "
    "promised an answer within ten days.",
    "{a} recalled its ambassador from {b} on {day} after a diplomat was expelled. The foreign ministry "
    "of {b} called the move regrettable but urged {a} to return to the talks that had begun in {city} "
    "in the {season}.",
    "Aid agencies welcomed a deal signed in {city} on {day} under which {a} will let convoys cross into "
    "areas held by forces loyal to {b}. The first trucks, carrying food and medicine, are expected "
    "before the {season} rains.",
    "Lawmakers in {a} voted on {day} to approve the framework agreement with {b} reached in {city}. "
    "Opposition members walked out of the chamber, saying the text gave away too much on water rights "
    "and said nothing about the {season} elections.",
    "Security officials from {a} and {b} met in {city} on {day} to plan a joint patrol of the river "
    "crossing. They agreed to share radar data and to hold a further meeting in the {season}, "
    "according to a statement issued afterwards.",
)
CASTS = (
    dict(a="Armenia", b="Azerbaijan", city="Geneva", day="Monday", season="winter"),
    dict(a="Ethiopia", b="Eritrea", city="Nairobi", day="Tuesday", season="spring"),
    dict(a="India", b="Pakistan", city="Doha", day="Wednesday", season="summer"),
    dict(a="Serbia", b="Kosovo", city="Brussels", day="Thursday", season="autumn"),
    dict(a="Sudan", b="Chad", city="Oslo", day="Friday", season="dry season"),
)
N = len(SHAPES) * len(CASTS)


def _corpus(path: Path) -> list[str]:
    ids = []
    with path.open("w", encoding="utf-8") as f:
        for i, shape in enumerate(SHAPES):
            for j, cast in enumerate(CASTS):
                rid = f"report-{i}-{j}"
                ids.append(rid)
                record = {"id": rid, "title": f"Report {i}.{j}", "date": "2023-05-0" + str(j + 1)}
                f.write(json.dumps({**record, "text": shape.format(**cast)}) + "\n")
    return ids


def _stored(db: Path) -> list[str]:
    """The stored ids, read without creating or locking anything; [] before the schema exists."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return [r[0] for r in conn.execute("SELECT id FROM articles")]
    except sqlite3.OperationalError:
        return []


def test_workers_store_what_one_process_stores_and_report_the_same_errors(cli, bad_batch, tmp_path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    sequential = cli("ingest", bad_batch.folder, "--db", one)
    parallel = cli("ingest", bad_batch.folder, "--db", two, "--workers", "2")
    assert sequential.exit_code == parallel.exit_code == 1
    lines = sorted(ln for ln in parallel.stderr.splitlines() if ln.startswith("error: "))
    assert lines == sorted(ln for ln in sequential.stderr.splitlines() if ln.startswith("error: "))
    for start in bad_batch.errors:
        assert sum(ln.startswith(start) for ln in lines) == 1, (start, lines)
    assert "2 new" in parallel.stderr and "4 failed" in parallel.stderr
    with Store.open(str(one)) as s1, Store.open(str(two)) as s2:
        assert s2.article_ids() == s1.article_ids() == sorted(bad_batch.good_ids)


def test_workers_and_dask_together_is_a_usage_error(cli, talks_file, tmp_path) -> None:
    result = cli("ingest", talks_file, "--db", tmp_path / "x.db", "--workers", "2", "--dask", "tcp://x:8786")
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_killed_ingest_continues_without_duplicates_or_losses(tmp_path) -> None:
    corpus, db = tmp_path / "reports.jsonl", tmp_path / "resume.db"
    ids = _corpus(corpus)
    command = [*PARLEY, "ingest", str(corpus), "--db", str(db), "--workers", "2"]
    with (tmp_path / "first.log").open("w") as log:
        # A session of its own: the process group holds the workers too, and dies whole.
        first = subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while not _stored(db) and first.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
        finally:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
    before = _stored(db)
    assert 0 < len(before) < N, f"killed after {len(before)} of {N}: {(tmp_path / 'first.log').read_text()}"

    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    summary = re.search(r"stored: (.*); (\d+) failed", second.stderr)
    assert summary is not None, second.stderr
    counts = {k: int(n) for n, k in (part.split(" ", 1) for part in summary.group(1).split(", "))}
    assert counts["skipped"] == len(before)  # none of the stored ones extracted again
    assert counts["new"] == N - len(before)

    after = _stored(db)
    assert sorted(after) == sorted(ids)  # every id, each once
    # Nothing half-written: each article holds exactly what one uninterrupted extraction gives.
    fresh = {x.article.id: x for x in parley.extract([corpus]) if isinstance(x, Extraction)}
    with Store.open(str(db)) as store:
        for rid in ids:
            got = store.get(rid)
            assert got is not None
            want = fresh[rid]
            assert (got.actors, got.events, got.statements) == (want.actors, want.events, want.statements)

"""parallel.extract and api.ingest with workers: chunks, the resume filter, bounded work in flight."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from parley import parallel, pipeline
from parley.api import IngestReport, ingest
from parley.model import Article, Extraction, InputError
from parley.store import Store


def _articles(texts, n: int) -> list[Article]:
    bodies = (texts.talks, texts.aid, texts.truce)
    # Each text a little different, so no two are the same story.
    return [Article(id=f"a{i:02d}", text=f"{bodies[i % 3]} Report number {i}.") for i in range(n)]


def test_chunks_skip_records_stored_with_the_same_text(texts) -> None:
    a, b, c = _articles(texts, 3)
    error = InputError(origin="x.jsonl", line=2, message="line is not valid JSON")
    stored = {a.id: a.content_hash, b.id: "the hash of an older text"}
    asked: list[list[str]] = []

    def known(ids):
        asked.append(list(ids))
        return {i: stored[i] for i in ids if i in stored}

    out = list(parallel._chunks([a, error, b, c], 2, known))
    assert out == [error, parallel.Skipped(a.id, a.origin), [b], [c]]
    assert asked == [["a00", "a01"], ["a02"]]  # one look-up per chunk


def test_chunks_without_known_keep_everything(texts) -> None:
    arts = _articles(texts, 5)
    assert list(parallel._chunks(arts, 2, None)) == [arts[0:2], arts[2:4], arts[4:5]]


def test_extract_chunk_reports_a_failing_stage_before_its_article(texts, monkeypatch) -> None:
    def broken(state) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(pipeline.STAGES, "negotiation", broken)
    arts = _articles(texts, 2)
    out = parallel.extract_chunk(arts)
    assert [type(x) for x in out] == [InputError, Extraction, InputError, Extraction]
    assert "negotiation stage failed" in out[0].message
    assert [x.article.id for x in out if isinstance(x, Extraction)] == ["a00", "a01"]


def test_two_workers_extract_everything_with_few_chunks_in_flight(texts) -> None:
    arts = _articles(texts, 24)
    pulled = 0
    error = InputError(origin="x.jsonl", line=7, message="record has no text field")

    def inputs() -> Iterator[Article | InputError]:
        nonlocal pulled
        for i, a in enumerate(arts):
            if i == 5:
                yield error
            pulled += 1
            yield a

    results = parallel.extract(inputs(), workers=2, chunk_size=2)
    before: list[Extraction | InputError | parallel.Skipped] = []
    for item in results:
        before.append(item)
        if isinstance(item, Extraction):
            break
    # When the first extraction is back, at most IN_FLIGHT_PER_WORKER chunks per worker were out,
    # and one more chunk read: the reader does not run ahead of the workers (24 articles here).
    assert pulled <= (parallel.IN_FLIGHT_PER_WORKER * 2 + 1) * 2
    rest = [*before, *results]
    assert rest.count(error) == 1
    got = [x for x in rest if isinstance(x, Extraction)]
    assert sorted(x.article.id for x in got) == [a.id for a in arts]
    sequential = {x.article.id: x for x in pipeline.extract_articles(arts)}
    assert all(x == sequential[x.article.id] for x in got)  # the same output as in one process


def test_report_counts_any_outcome() -> None:
    report = IngestReport()
    assert report.counts == {"new": 0, "updated": 0, "unchanged": 0, "duplicate": 0}
    report.counts["near-duplicate"] += 1  # an outcome the store may add
    report.counts["skipped"] += 2
    assert isinstance(report.counts, Counter) and report.counts["skipped"] == 2


def test_ingest_rejects_bad_worker_settings(tmp_path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ingest([tmp_path], db=str(tmp_path / "x.db"), workers=0)
    with pytest.raises(ValueError, match="exclude each other"):
        ingest([tmp_path], db=str(tmp_path / "x.db"), workers=2, dask="tcp://127.0.0.1:1")


def test_parallel_ingest_stores_like_one_process_and_resumes(tmp_path, texts, write_jsonl) -> None:
    arts = _articles(texts, 10)
    corpus = write_jsonl(tmp_path / "news.jsonl", [{"id": a.id, "text": a.text} for a in arts] + ["{bad"])
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")

    totals: list[int] = []
    seen: list[Extraction | InputError] = []
    sequential = ingest([corpus], db=one)
    report = ingest([corpus], db=two, workers=2, on_item=seen.append, on_total=totals.append)
    assert report.counts == sequential.counts and report.counts["new"] == 10
    assert [str(e) for e in report.errors] == [str(e) for e in sequential.errors]
    assert totals == [11] and len(seen) == 11
    with Store.open(one) as s1, Store.open(two) as s2:
        assert s2.article_ids() == s1.article_ids()
        assert list(s2.iter_extractions()) == list(s1.iter_extractions())

    # Again, with one record's text changed: that one is extracted again, the others skipped.
    changed = [{"id": a.id, "text": a.text} for a in arts]
    changed[3]["text"] = texts.truce + " A correction was appended."
    write_jsonl(corpus, changed)
    totals.clear()
    again = ingest([corpus], db=two, workers=2, on_total=totals.append)
    assert again.counts["skipped"] == 9 and again.counts["updated"] == 1 and again.ok
    assert totals[0] == 10 and totals[-1] == 1  # the bar's total drops as records are skipped

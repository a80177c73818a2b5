"""Bad input in a batch: one `error:` line per bad input on stderr, the rest goes on, exit code 1."""

from __future__ import annotations

import json

import pytest

from parley.store import Store


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def _assert_one_line_each(stderr: str, expected_starts: list[str]) -> None:
    errors = _error_lines(stderr)
    assert len(errors) == len(expected_starts), stderr
    for start in expected_starts:
        matching = [e for e in errors if e.startswith(start)]
        assert len(matching) == 1, f"no single error line starting {start!r} in:\n{stderr}"
        assert len(matching[0]) > len(start)  # a reason follows the file name


@pytest.mark.parametrize("given", ["directory", "list"])
def test_extract_bad_inputs_in_a_batch(cli, bad_batch, jsonl_records, given: str) -> None:
    args = [bad_batch.folder] if given == "directory" else list(bad_batch.files)
    result = cli("extract", *args, "--format", "jsonl")

    assert result.exit_code == 1
    _assert_one_line_each(result.stderr, bad_batch.errors)
    # Only error lines on stderr (extract has no progress output), and no errors on stdout.
    assert _error_lines(result.stderr) == result.stderr.splitlines()
    assert "error" not in result.stdout
    # The good articles are all there, in input order.
    recs = jsonl_records(result.stdout)
    assert [r["doc_id"] for r in recs] == bad_batch.good_ids
    assert all(r["events"] for r in recs)


def test_extract_bad_inputs_with_output_file(cli, bad_batch, tmp_path) -> None:
    target = tmp_path / "good.jsonl"
    result = cli("extract", bad_batch.folder, "--output", target)
    assert result.exit_code == 1
    _assert_one_line_each(result.stderr, bad_batch.errors)
    recs = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in recs] == bad_batch.good_ids


def test_ingest_bad_inputs_in_a_batch(cli, bad_batch, tmp_path) -> None:
    db = tmp_path / "batch.db"
    result = cli("ingest", bad_batch.folder, "--db", db)
    assert result.exit_code == 1
    _assert_one_line_each(result.stderr, bad_batch.errors)
    assert "2 new" in result.stderr and "4 failed" in result.stderr
    with Store.open(str(db)) as store:
        assert store.article_ids() == sorted(bad_batch.good_ids)


def test_missing_path_is_reported_and_the_rest_goes_on(cli, talks_file, tmp_path, jsonl_records) -> None:
    missing = tmp_path / "not-there.txt"
    result = cli("extract", missing, talks_file)
    assert result.exit_code == 1
    _assert_one_line_each(result.stderr, [f"error: {missing}: "])
    assert [r["doc_id"] for r in jsonl_records(result.stdout)] == ["istanbul-round"]


def test_error_line_keeps_brackets_in_file_name(cli, tmp_path, write_text) -> None:
    path = write_text(tmp_path / "notes[draft].txt", "")
    result = cli("extract", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {path}: empty file"]


def test_a_stage_that_fails_on_one_article_is_reported_and_the_batch_goes_on(
    cli, tmp_path, monkeypatch
) -> None:
    from parley import pipeline

    good = tmp_path / "a-good.txt"
    good.write_text("Chile praised Peru for the border accord.", encoding="utf-8")
    bad = tmp_path / "b-bad.txt"
    bad.write_text("Kenya urged Somalia to reopen the border.", encoding="utf-8")
    real = pipeline.STAGES["events"]

    def flaky(state):
        if state.article.id == "b-bad":
            raise RuntimeError("boom")
        real(state)

    monkeypatch.setitem(pipeline.STAGES, "events", flaky)
    result = cli("extract", good, bad, "--format", "jsonl")
    assert result.exit_code == 1
    assert "b-bad.txt: the events stage failed on this article" in result.stderr
    ids = [line.split('"doc_id": "')[1].split('"')[0] for line in result.stdout.splitlines()]
    assert ids == ["a-good", "b-bad"]

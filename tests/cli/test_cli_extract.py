"""`parley extract`: records, formats, dates, --output and bad --format, through the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import parley
from parley.export import FORMATS
from parley.export.csv_rows import COLUMNS
from parley.ingest import normalize_text

# -- the JSONL record ------------------------------------------------------------------------------


def test_extract_jsonl_record_points_into_stored_text(cli, talks_file, jsonl_records) -> None:
    result = cli("extract", talks_file, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    (rec,) = jsonl_records(result.stdout)
    assert rec["doc_id"] == "istanbul-round"
    assert set(rec) >= {"doc_id", "date", "title", "actors", "events", "statements"}

    raw = talks_file.read_text(encoding="utf-8")
    stored = normalize_text(raw)
    assert stored != raw  # the fixture does need normalising, so offsets below prove something
    (api_item,) = parley.extract([talks_file])
    assert api_item.article.text == stored

    assert rec["events"], "the fixture text describes a meeting, a request and a promise"
    offsets_differ = False
    for event in rec["events"]:
        assert isinstance(event["rule"], str) and event["rule"]
        ev = event["evidence"]
        assert stored[ev["start"] : ev["end"]] == ev["exact"]
        assert stored[: ev["start"]].endswith(ev["prefix"])
        assert stored[ev["end"] :].startswith(ev["suffix"])
        offsets_differ |= raw[ev["start"] : ev["end"]] != ev["exact"]
    assert offsets_differ, "offsets must refer to the normalised text, not the raw file"

    for actor in rec["actors"]:
        assert "evidence" not in actor

    # The CLI writes exactly what the API's Extraction.record() gives.
    assert rec == api_item.record()


def test_extract_reads_a_directory_in_name_order(cli, two_articles, jsonl_records) -> None:
    result = cli("extract", two_articles)
    assert result.exit_code == 0, result.stderr
    recs = jsonl_records(result.stdout)
    assert [r["doc_id"] for r in recs] == ["istanbul-round", "vienna-talks-2021-04-09"]


# -- every format ----------------------------------------------------------------------------------


def _check_jsonl(out: str, ids: list[str]) -> None:
    recs = [json.loads(line) for line in out.splitlines()]
    assert [r["doc_id"] for r in recs] == ids


def _check_json(out: str, ids: list[str]) -> None:
    data = json.loads(out)
    assert isinstance(data, list)
    assert [r["doc_id"] for r in data] == ids
    assert all(r["events"] for r in data)


def _check_csv(out: str, ids: list[str]) -> None:
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == COLUMNS
    assert len(rows) > 1
    assert all(len(r) == len(COLUMNS) for r in rows)
    assert sorted({r[0] for r in rows[1:]}) == ids  # one row per event, every article has some


def _check_table(out: str, ids: list[str]) -> None:
    for doc_id in ids:
        assert doc_id in out
    assert "events" in out


def _check_plover(out: str, ids: list[str]) -> None:
    records = json.loads(out)
    assert sorted({r["story_id"] for r in records}) == ids
    assert all(r["event_type"] and r["text"] for r in records)


CHECKS: dict[str, Callable[[str, list[str]], None]] = {
    "plover": _check_plover,
    "jsonl": _check_jsonl,
    "json": _check_json,
    "csv": _check_csv,
    "table": _check_table,
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_works_through_the_cli(cli, two_articles, fmt: str) -> None:
    result = cli("extract", two_articles, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    ids = ["istanbul-round", "vienna-talks-2021-04-09"]
    out = result.stdout
    assert out.strip()
    # A format added later without a check here still has to name every article.
    CHECKS.get(fmt, _check_table)(out, ids)


def test_checks_cover_every_format() -> None:
    # Keeps CHECKS in step with FORMATS: a new format should get a check of its own.
    assert set(CHECKS) == set(FORMATS)


@pytest.mark.parametrize("args", [["--format", "xml"], ["-f", "yaml"], ["--format", ""]])
def test_extract_unknown_format_fails_clearly(cli, talks_file, args: list[str]) -> None:
    result = cli("extract", talks_file, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    message = " ".join(result.stderr.replace("│", " ").split())
    assert "unknown format" in message
    for name in FORMATS:
        assert name in message  # it lists the choices


# -- dates -----------------------------------------------------------------------------------------


def test_date_option_sets_record_date(cli, talks_file, jsonl_records) -> None:
    (rec,) = jsonl_records(cli("extract", talks_file, "--date", "2022-03-29").stdout)
    assert rec["date"] == "2022-03-29"
    (undated,) = jsonl_records(cli("extract", talks_file).stdout)
    assert undated["date"] is None


def test_date_from_file_name(cli, tmp_path, write_text, news, jsonl_records) -> None:
    path = write_text(tmp_path / "talks-2022-03-29.txt", news.talks)
    result = cli("extract", path)
    assert result.exit_code == 0, result.stderr
    (rec,) = jsonl_records(result.stdout)
    assert rec["doc_id"] == "talks-2022-03-29"
    assert rec["date"] == "2022-03-29"


def test_date_option_wins_over_file_name(cli, tmp_path, write_text, news, jsonl_records) -> None:
    path = write_text(tmp_path / "talks-2022-03-29.txt", news.talks)
    (rec,) = jsonl_records(cli("extract", path, "--date", "2022-04-01").stdout)
    assert rec["date"] == "2022-04-01"


@pytest.mark.parametrize("value", ["29/03/2022", "2022-02-30", "yesterday"])
def test_bad_date_option_is_refused(cli, talks_file, value: str) -> None:
    result = cli("extract", talks_file, "--date", value)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--date" in result.stderr


# -- --output --------------------------------------------------------------------------------------


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_output_file_is_written_whole(cli, two_articles, tmp_path, monkeypatch, fmt: str) -> None:
    expected = cli("extract", two_articles, "--format", fmt).stdout
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.chdir(out_dir)  # a bare file name: its folder is the current one
    result = cli("extract", two_articles, "--format", fmt, "--output", f"events.{fmt}")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert (out_dir / f"events.{fmt}").read_text(encoding="utf-8") == expected
    assert _listing(out_dir) == [f"events.{fmt}"]  # no temp file left beside it


def test_output_replaces_existing_file(cli, talks_file, tmp_path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("stale contents from an earlier run\n" * 50, encoding="utf-8")
    result = cli("extract", talks_file, "-o", target)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "stale" not in text
    assert [json.loads(line)["doc_id"] for line in text.splitlines()] == ["istanbul-round"]


def _failing_writer(extractions, stream) -> int:
    stream.write('{"doc_id": "half-written"')
    stream.flush()
    for _ in extractions:
        raise RuntimeError("disk full (simulated)")
    raise RuntimeError("disk full (simulated)")


@pytest.mark.parametrize("existing", [None, "previous results\n"])
def test_output_untouched_when_writer_fails(
    cli, talks_file, tmp_path, monkeypatch, existing: str | None
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "events.jsonl"
    if existing is not None:
        target.write_text(existing, encoding="utf-8")
    before = _listing(out_dir)
    monkeypatch.setitem(FORMATS, "jsonl", _failing_writer)

    result = cli("extract", talks_file, "--format", "jsonl", "--output", target)

    assert result.exit_code != 0
    assert isinstance(result.exception, RuntimeError)
    assert _listing(out_dir) == before  # neither the target nor a temp file appeared
    if existing is None:
        assert not target.exists()
    else:
        assert target.read_text(encoding="utf-8") == existing


def test_output_file_mode_follows_umask(cli, talks_file, tmp_path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "shared.jsonl"
        assert cli("extract", talks_file, "-o", target).exit_code == 0
        assert (target.stat().st_mode & 0o777) == 0o644  # what open(..., "w") would give
    finally:
        os.umask(old)

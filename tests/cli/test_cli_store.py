"""`parley ingest`, `show` and `export` against a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import parley
from parley.store import Store

IDS = ["istanbul-round", "vienna-talks-2021-04-09"]


def _flat(s: str) -> str:
    """Terminal output without panel borders and line wrapping, for substring checks."""
    return " ".join(s.replace("│", " ").split())


def _counts(db: Path) -> dict[str, int]:
    with Store.open(str(db)) as store:
        return store.count()


@pytest.fixture
def stored(cli, two_articles, tmp_path) -> Path:
    """The two articles ingested into a fresh SQLite file; returns the file."""
    db = tmp_path / "parley-test.db"
    result = cli("ingest", two_articles, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "2 new" in result.stderr and "0 failed" in result.stderr
    assert result.stdout == ""  # progress and summary go to stderr
    return db


def test_ingest_stores_every_article(stored) -> None:
    with Store.open(str(stored)) as store:
        assert store.article_ids() == IDS
    counts = _counts(stored)
    assert counts["articles"] == 2 and counts["events"] > 0 and counts["actors"] > 0


def test_show_prints_text_and_events(cli, stored, two_articles) -> None:
    (x,) = parley.extract([two_articles / "istanbul-round.txt"])
    result = cli("show", "istanbul-round", "--db", stored)
    assert result.exit_code == 0, result.stderr
    out = _flat(result.stdout)
    for paragraph in x.article.text.split("\n"):
        assert _flat(paragraph) in out
    assert x.events
    for e in x.events:
        assert e.type in out
    assert "Russia" in out  # the actors line


def test_show_other_article(cli, stored) -> None:
    result = cli("show", "vienna-talks-2021-04-09", "--db", stored)
    assert result.exit_code == 0, result.stderr
    out = _flat(result.stdout)
    assert "held indirect talks in Vienna" in out
    assert "2021-04-09" in out
    assert "istanbul" not in out.lower()  # only the article asked for


def test_export_jsonl_round_trips_extract(cli, stored, two_articles, jsonl_records) -> None:
    extracted = jsonl_records(cli("extract", two_articles, "--format", "jsonl").stdout)
    result = cli("export", "--db", stored, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    exported = jsonl_records(result.stdout)
    assert [r["doc_id"] for r in exported] == IDS
    assert exported == extracted


def test_export_csv_round_trips_extract(cli, stored, two_articles) -> None:
    extracted = cli("extract", two_articles, "--format", "csv").stdout
    result = cli("export", "--db", stored, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == list(csv.reader(io.StringIO(extracted)))
    assert len(rows) > 1


def test_export_json_and_output_file(cli, stored, two_articles, tmp_path) -> None:
    extracted = json.loads(cli("extract", two_articles, "--format", "json").stdout)
    target = tmp_path / "all.json"
    result = cli("export", "--db", stored, "--format", "json", "--output", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == extracted


def test_ingest_twice_is_unchanged(cli, stored, two_articles) -> None:
    before = _counts(stored)
    result = cli("ingest", two_articles, "--db", stored)
    assert result.exit_code == 0, result.stderr
    assert "0 new" in result.stderr
    assert "2 unchanged" in result.stderr
    assert _counts(stored) == before


def test_parley_db_env_var_is_honoured(cli, two_articles, tmp_path, monkeypatch, jsonl_records) -> None:
    env_db = tmp_path / "from-env.db"
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)  # where the default ./parley.db would go
    monkeypatch.setenv("PARLEY_DB", str(env_db))

    ingest = cli("ingest", two_articles / "istanbul-round.txt")
    assert ingest.exit_code == 0, ingest.stderr
    assert env_db.exists()
    with Store.open(str(env_db)) as store:
        assert store.article_ids() == ["istanbul-round"]

    show = cli("show", "istanbul-round")
    assert show.exit_code == 0, show.stderr
    assert "Russian and Ukrainian delegations" in _flat(show.stdout)

    export = cli("export")
    assert export.exit_code == 0, export.stderr
    assert [r["doc_id"] for r in jsonl_records(export.stdout)] == ["istanbul-round"]

    assert not (workdir / "parley.db").exists()  # the default was never used


def test_db_option_wins_over_env_var(cli, talks_file, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PARLEY_DB", str(tmp_path / "env.db"))
    explicit = tmp_path / "explicit.db"
    assert cli("ingest", talks_file, "--db", explicit).exit_code == 0
    with Store.open(str(explicit)) as store:
        assert store.article_ids() == ["istanbul-round"]
    assert not (tmp_path / "env.db").exists()


def test_show_missing_id(cli, stored) -> None:
    result = cli("show", "missing-id", "--db", stored)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error:") and "missing-id" in lines[0]


def test_show_missing_long_id_is_one_line(cli, stored, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    article_id = "round-" + "x" * 100
    result = cli("show", article_id, "--db", stored)
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("fmt", ["table", "xml"])
def test_export_unknown_format(cli, stored, fmt: str) -> None:
    result = cli("export", "--db", stored, "--format", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""
    message = _flat(result.stderr)
    for name in ("jsonl", "json", "csv"):
        assert name in message


def test_messages_on_stderr_are_never_wrapped(cli, two_articles, tmp_path, monkeypatch):
    # a summary read by scripts stays on one line in a narrow terminal (or a pipe of 80 columns)
    from parley import cli as cli_module

    monkeypatch.setattr(cli_module.err, "width", 30)
    result = cli("ingest", two_articles, "--db", tmp_path / "narrow.db")
    assert result.exit_code == 0, result.stderr
    (line,) = [ln for ln in result.stderr.splitlines() if ln.startswith("stored:")]
    assert line.endswith("0 failed")

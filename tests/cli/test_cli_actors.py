"""`parley actors list|add|check`: the dictionary as data users can extend."""

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley import extract
from parley.actors.dictionary import default_dictionary
from parley.cli import app


@pytest.fixture
def user_actors(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "actors"
    monkeypatch.setenv("PARLEY_ACTORS", str(d))
    default_dictionary.cache_clear()
    yield d
    default_dictionary.cache_clear()


def test_list_filters_by_search_and_kind(user_actors) -> None:
    result = CliRunner().invoke(app, ["actors", "list", "--search", "Kremlin"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert "RUS" in result.stdout and "1 entries" in result.stderr


def test_added_person_is_used_by_the_next_extraction(user_actors, tmp_path) -> None:
    text = tmp_path / "talks-2023-06-01.txt"
    text.write_text("Orrin Vassalo urged Somalia to return to the talks.", encoding="utf-8")
    (before,) = extract([text])
    assert all(e.source != "KEN" for e in before.events)
    result = CliRunner().invoke(
        app,
        [
            "actors",
            "add",
            "KEN",
            "Orrin Vassalo",
            "--alias",
            "Vassalo",
            "--sector",
            "GOV",
            "--role",
            "special envoy",
            "--valid-from",
            "2023-01-01",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (user_actors / "people.tsv").exists()
    (after,) = extract([text])
    e = next(e for e in after.events if e.type == "REQUEST")
    assert (e.source, e.source_sector, e.target) == ("KEN", "GOV", "SOM")


def test_validity_period_applies_to_the_article_date(user_actors, tmp_path) -> None:
    CliRunner().invoke(app, ["actors", "add", "KEN", "Orrin Vassalo", "--valid-from", "2023-01-01"])
    entry = default_dictionary().lookup("Orrin Vassalo", dt.date(2023, 6, 1))
    assert entry is not None and entry.valid_from == dt.date(2023, 1, 1)


def test_add_rejects_a_bad_code(user_actors) -> None:
    result = CliRunner().invoke(app, ["actors", "add", "kenya", "Orrin Vassalo"])
    assert result.exit_code == 1 and "code" in result.stderr


def test_check_passes_on_the_built_in_data(user_actors) -> None:
    result = CliRunner().invoke(app, ["actors", "check"])
    assert result.exit_code == 0, result.stderr
    assert "0 problems" in result.stderr


def test_check_reports_a_name_meaning_two_actors(tmp_path) -> None:
    d = tmp_path / "mine"
    d.mkdir()
    (d / "groups.tsv").write_text(
        "code\tname\taliases\tvalid_from\tvalid_until\tnotes\n"
        "ZZA\tNorth Front\tthe Front\t\t\t\n"
        "ZZB\tSouth Front\tthe Front\t2020-01-01\t\t\n"
        "ZZC\tWest Front\t\t2021-05-01\t2020-01-01\t\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["actors", "check", str(d)])
    assert result.exit_code == 1
    assert "'Front' also names ZZA" in result.stderr
    assert "is after valid_until" in result.stderr


def test_check_reports_anaphors_of_an_unknown_group(tmp_path) -> None:
    d = tmp_path / "mine"
    d.mkdir()
    (d / "anaphors.tsv").write_text("code\tanaphors\tnotes\nZZQ\tfront fighter\t\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["actors", "check", str(d)])
    assert result.exit_code == 1
    assert "anaphors for unknown code 'ZZQ'" in result.stderr

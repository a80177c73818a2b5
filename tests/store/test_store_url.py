"""resolve_url: argument, else $PARLEY_DB, else ./parley.db; URLs pass through, paths become SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.store import resolve_url


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARLEY_DB", raising=False)


def test_default_is_parley_db_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url(None) == f"sqlite:///{tmp_path.resolve() / 'parley.db'}"


def test_relative_path_becomes_absolute_sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = resolve_url("data/x.db")
    assert url == f"sqlite:///{tmp_path.resolve() / 'data' / 'x.db'}"
    assert url.startswith("sqlite:////")  # three slashes of the scheme, then the absolute path


def test_absolute_path(tmp_path: Path) -> None:
    assert resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://user:secret@db.example:5432/parley",
        "sqlite:///relative/stays.db",
        "sqlite://",
    ],
)
def test_url_is_used_as_is(url: str) -> None:
    assert resolve_url(url) == url


def test_env_var_used_when_no_argument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_DB", "postgresql+psycopg://u@h/envdb")
    assert resolve_url(None) == "postgresql+psycopg://u@h/envdb"
    monkeypatch.setenv("PARLEY_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"


def test_argument_beats_env_var(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_DB", "postgresql+psycopg://u@h/envdb")
    assert resolve_url(str(tmp_path / "arg.db")) == f"sqlite:///{tmp_path / 'arg.db'}"

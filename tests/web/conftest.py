"""A database with the bundled Istanbul case (three rounds) and an article that tries to inject a
script, shared by the web tests; the app runs in-process (TestClient) or, for the browser tests,
in a real server thread."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parley import api
from parley.web import create_app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HOSTILE = (
    "Talks in Geneva <script>alert('x')</script>\n\n"
    "Armenia and Azerbaijan held talks in Geneva on Monday.\n"
    "Armenia demanded security guarantees from Russia.\n"
    "Protesters carried a banner reading <img src=x onerror=alert(1)> and <b>peace now</b>.\n"
)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in [
        EXAMPLES / "istanbul-round-2022-03-29.txt",
        *sorted((EXAMPLES / "ukraine-russia-2022").glob("*.txt")),
    ]:
        shutil.copy(path, folder / path.name)
    (folder / "geneva-talks-2023-05-08.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.fixture
def db(corpus: Path, tmp_path: Path) -> str:
    """A fresh database per test, so corrections made by one test do not leak into another."""
    path = tmp_path / "web.db"
    report = api.ingest([corpus], db=str(path))
    assert report.ok, report.errors
    return str(path)


@pytest.fixture
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def csrf_of(client: TestClient) -> str:
    client.get("/")
    return client.cookies["parley_csrf"]

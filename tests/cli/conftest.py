"""Fixtures for the CLI tests: short news texts written for these tests, and an in-process runner.

The real spaCy pipeline runs; it is loaded once per process (parley.nlp caches it), so every
in-process invocation after the first is quick. Helpers are fixtures rather than imports so the
tests work under any pytest import mode.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import Result
from typer.testing import CliRunner

from parley.cli import app

# A headline, then prose with things normalisation changes (a double space, CRLF, a no-break
# space), so offsets into the raw file and into the stored text differ.
TALKS = (
    "Istanbul round opens\r\n\r\n"
    "Russian and Ukrainian delegations  met in Istanbul on Tuesday.\r\n"
    "Ukraine wants guarantees from Britain,\u00a0France and Turkey. "
    "Russia promised to reduce its military activity near Kyiv.\r\n"
)
VIENNA = (
    "Iran and the United States held indirect talks in Vienna on Friday.\n"
    "European envoys urged both sides to return to the nuclear deal, and China said it backed the effort.\n"
)
TURKEY = "Turkey offered to host another round of talks between Russia and Ukraine in Istanbul."

Invoke = Callable[..., Result]


@pytest.fixture
def news() -> SimpleNamespace:
    return SimpleNamespace(talks=TALKS, vienna=VIENNA, turkey=TURKEY)


@pytest.fixture
def cli() -> Invoke:
    """cli("extract", path, ...) runs the app in-process; stdout and stderr are kept apart."""
    runner = CliRunner()  # click >= 8.2: result.stdout and result.stderr are separate streams

    def invoke(*args: str | Path, **kwargs: object) -> Result:
        return runner.invoke(app, [str(a) for a in args], **kwargs)

    return invoke


@pytest.fixture
def write_text() -> Callable[[Path, str], Path]:
    def write(path: Path, text: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))  # bytes: keep CRLF exactly as written
        return path

    return write


@pytest.fixture
def talks_file(tmp_path: Path, write_text) -> Path:
    return write_text(tmp_path / "istanbul-round.txt", TALKS)


@pytest.fixture
def two_articles(tmp_path: Path, write_text) -> Path:
    """A directory of two articles: ids istanbul-round and vienna-talks-2021-04-09."""
    folder = tmp_path / "articles"
    write_text(folder / "istanbul-round.txt", TALKS)
    write_text(folder / "vienna-talks-2021-04-09.txt", VIENNA)
    return folder


@pytest.fixture
def jsonl_records() -> Callable[[str], list[dict]]:
    def parse(out: str) -> list[dict]:
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    return parse


@pytest.fixture
def bad_batch(tmp_path: Path, write_text) -> SimpleNamespace:
    """A good article, an empty file, a binary file and a JSONL corpus with one good line, one
    non-JSON line and one line without text: four bad inputs, two good articles."""
    folder = tmp_path / "batch"
    good = write_text(folder / "a-good.txt", TALKS)
    empty = write_text(folder / "b-empty.txt", "")
    binary = folder / "c-scan.txt"
    binary.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    corpus = write_text(
        folder / "d-corpus.jsonl",
        json.dumps({"id": "turkey-offer", "text": TURKEY})
        + "\n{this line is not json\n"
        + json.dumps({"id": "no-text", "title": "A title and nothing else"})
        + "\n",
    )
    files: Sequence[Path] = (good, empty, binary, corpus)
    return SimpleNamespace(
        folder=folder,
        files=files,
        good_ids=["a-good", "turkey-offer"],
        # Each bad input, as the start of its error line.
        errors=[
            f"error: {empty}: ",
            f"error: {binary}: ",
            f"error: {corpus}:2: ",
            f"error: {corpus}:3: ",
        ],
    )

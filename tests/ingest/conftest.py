"""Helpers for the ingest tests: fixture texts (written for these tests) and small file writers.

They are handed out as fixtures rather than imported, so the tests work under any pytest import mode.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from types import SimpleNamespace

import pytest

from parley.model import Article, InputError

# English fixture prose, long enough for a confident language verdict.
TALKS = (
    "Delegations from the two neighbouring states met at a lakeside hotel on Tuesday to discuss "
    "reopening a border crossing that has been closed since the spring. The host government's envoy "
    "said both sides had agreed to keep talking and would meet again next month."
)
AID = (
    "A convoy of trucks carrying flour, medicine and blankets crossed into the northern province on "
    "Friday morning. Aid workers said the supplies would last the displaced families about two weeks "
    "if the roads stayed open."
)
TRUCE = (
    "The commander of the rebel militia told a local radio station that his fighters would observe the "
    "ceasefire as long as government troops stayed in their barracks. The army has not yet replied."
)

# The same kind of news paragraph in four other languages; each must be detected and skipped.
FOREIGN = {
    "de": (
        "Die Vertreter der beiden Nachbarländer trafen sich am Dienstag in einem Hotel am See, um über "
        "die Öffnung eines Grenzübergangs zu sprechen, der seit dem Frühjahr geschlossen ist. Beide Seiten "
        "wollen die Gespräche im nächsten Monat fortsetzen."
    ),
    "fr": (
        "Les délégations des deux pays voisins se sont réunies mardi dans un hôtel au bord du lac pour "
        "discuter de la réouverture d'un poste frontière fermé depuis le printemps. Les deux parties ont "
        "accepté de poursuivre les discussions le mois prochain."
    ),
    "ru": (
        "Делегации двух соседних государств встретились во вторник в гостинице на берегу озера, чтобы "
        "обсудить открытие пограничного перехода, закрытого с весны. Стороны договорились продолжить "
        "переговоры в следующем месяце."
    ),
    "es": (
        "Las delegaciones de los dos países vecinos se reunieron el martes en un hotel junto al lago para "
        "hablar de la reapertura de un paso fronterizo cerrado desde la primavera. Ambas partes acordaron "
        "seguir negociando el mes que viene."
    ),
}


def _write_jsonl(path: Path, records: Iterable[dict | str]) -> Path:
    """One line per record; a str is written as the raw line (for malformed input)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def _write_csv(path: Path, header: list[str], rows: Iterable[list[str]]) -> Path:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def _articles(items: Iterable[Article | InputError]) -> list[Article]:
    items = list(items)
    bad = [str(x) for x in items if isinstance(x, InputError)]
    assert not bad, bad
    return items  # type: ignore[return-value]


def _errors(items: Iterable[Article | InputError]) -> list[InputError]:
    return [x for x in items if isinstance(x, InputError)]


def _assert_reported(error: InputError, path: Path, message: str, line: int | None = None) -> None:
    """One line, naming the file (and line), with the expected message."""
    shown = str(error)
    assert "\n" not in shown
    assert error.origin == str(path)
    assert error.line == line
    assert shown.startswith(f"{path}:{line}: " if line is not None else f"{path}: ")
    assert message in error.message


@pytest.fixture
def texts() -> SimpleNamespace:
    return SimpleNamespace(talks=TALKS, aid=AID, truce=TRUCE, foreign=FOREIGN)


@pytest.fixture
def write_jsonl() -> Callable[[Path, Iterable[dict | str]], Path]:
    return _write_jsonl


@pytest.fixture
def write_csv() -> Callable[[Path, list[str], Iterable[list[str]]], Path]:
    return _write_csv


@pytest.fixture
def only_articles() -> Callable[[Iterable[Article | InputError]], list[Article]]:
    """All items, asserting none is an error (the assertion shows the errors)."""
    return _articles


@pytest.fixture
def only_errors() -> Callable[[Iterable[Article | InputError]], list[InputError]]:
    return _errors


@pytest.fixture
def assert_reported() -> Callable[..., None]:
    return _assert_reported

"""A public statement (CAMEO 01) has no PLOVER type: every exporter writes it, PLOVER's leaves it
out, the table names it STATEMENT."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from parley.export import FORMATS
from parley.model import Article, Event, Evidence, Extraction

TEXT = "Norway told Iceland the talks were useful. Iceland rejected the offer."


def _extraction() -> Extraction:
    cut = TEXT.index("Iceland rejected")
    said = Event(
        source="NOR",
        target="ISL",
        type=None,
        cameo="010",
        evidence=Evidence.from_span(TEXT, 0, 0, cut - 1),
        rule="speech.say+statement/dictionary.name",
    )
    rejected = Event(
        source="ISL",
        target="NOR",
        type="REJECT",
        cameo="12",
        evidence=Evidence.from_span(TEXT, 1, cut, len(TEXT)),
        rule="reject.reject/dictionary.name",
    )
    return Extraction(
        article=Article(id="oslo", text=TEXT, date=dt.date(2024, 3, 4)), events=[said, rejected]
    )


def _write(fmt: str) -> str:
    out = io.StringIO()
    FORMATS[fmt]([_extraction()], out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_exporter_writes_an_untyped_statement(fmt: str) -> None:
    assert _write(fmt)


def test_plover_leaves_the_statement_out_and_csv_leaves_its_type_empty() -> None:
    assert [r["event_type"] for r in json.loads(_write("plover"))] == ["REJECT"]
    rows = list(csv.DictReader(io.StringIO(_write("csv"))))
    assert [(r["type"], r["cameo"]) for r in rows if r.get("cameo")] == [("", "010"), ("REJECT", "12")]
    assert "STATEMENT" in _write("table")

"""How exports show a story's sources: JSON records list them only for a story reported more than
once (so `parley extract` output is what it was); CSV and PLOVER rows carry the count."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from pathlib import Path

import pytest

from parley.export import FORMATS
from parley.export.csv_rows import COLUMNS
from parley.model import Article, Event, Evidence, Extraction, StorySource
from parley.store import Store

TEXT = "Norway and Iceland met in Oslo. Iceland rejected the offer."


def _extraction(doc_id: str = "oslo", sources: list[StorySource] | None = None) -> Extraction:
    start = TEXT.index("Iceland rejected")
    return Extraction(
        article=Article(id=doc_id, text=TEXT, date=dt.date(2024, 3, 4), title="Oslo talks"),
        events=[
            Event(
                source="ISL",
                target="NOR",
                type="REJECT",
                evidence=Evidence.from_span(TEXT, 1, start, len(TEXT)),
                rule="reject.offer",
            )
        ],
        sources=sources,
    )


THREE = [
    StorySource(
        id="oslo",
        source="Wire",
        url="https://wire.example/oslo",
        date=dt.date(2024, 3, 4),
        title="Oslo talks",
    ),
    StorySource(id="oslo-herald", source="Herald", date=dt.date(2024, 3, 5)),
    StorySource(id="oslo-post", source="Post"),
]


def _write(fmt: str, xs: list[Extraction]) -> str:
    out = io.StringIO()
    FORMATS[fmt](xs, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_single_source_output_is_unchanged(fmt: str) -> None:
    # None (not read from a store) and a one-source story write the same bytes.
    one = [StorySource(id="oslo", source="Wire")]
    assert _write(fmt, [_extraction()]) == _write(fmt, [_extraction(sources=one)])


def test_json_records_list_the_sources_of_a_story_reported_more_than_once() -> None:
    single, multi = _extraction("single"), _extraction(sources=THREE)
    lines = [json.loads(line) for line in _write("jsonl", [single, multi]).splitlines()]
    assert "sources" not in lines[0]
    assert set(lines[0]) == {"doc_id", "date", "title", "actors", "events", "statements"}
    assert lines[1]["sources"] == [
        {
            "id": "oslo",
            "source": "Wire",
            "url": "https://wire.example/oslo",
            "date": "2024-03-04",
            "title": "Oslo talks",
        },
        {"id": "oslo-herald", "source": "Herald", "url": None, "date": "2024-03-05", "title": None},
        {"id": "oslo-post", "source": "Post", "url": None, "date": None, "title": None},
    ]
    assert json.loads(_write("json", [single, multi]))[1]["sources"] == lines[1]["sources"]


def test_csv_and_plover_rows_carry_the_count() -> None:
    xs = [_extraction("single"), _extraction(sources=THREE)]
    rows = list(csv.DictReader(io.StringIO(_write("csv", xs))))
    assert "sources" in COLUMNS
    assert [(r["doc_id"], r["sources"]) for r in rows] == [("single", "1"), ("oslo", "3")]
    plover = json.loads(_write("plover", xs))
    assert [(r["story_id"], r["sources"]) for r in plover] == [("single", 1), ("oslo", 3)]
    assert "(3 sources)" in _write("table", xs)


def _long_text(seed: int) -> str:
    rng = random.Random(seed)
    words = [a + b for a in ("ka", "lo", "mi", "ren", "tas", "vo") for b in ("ro", "sa", "nel", "ti", "mak")]
    return " ".join(rng.choice(words) for _ in range(200))


def test_export_from_the_store_counts_each_story_once(tmp_path: Path) -> None:
    wire = _long_text(1)
    reprint = wire.replace(wire[:40], "OSLO (Wire) - " + wire[:40], 1) + " Reporting by the wire desk."
    with Store.open(str(tmp_path / "stories.db")) as store:
        assert store.save(Extraction(article=Article(id="wire", text=wire, source="Wire"))) == "new"
        assert (
            store.save(Extraction(article=Article(id="reprint", text=reprint, source="Herald")))
            == "near-duplicate"
        )
        assert store.save(Extraction(article=Article(id="other", text=_long_text(2)))) == "new"
        records = [
            json.loads(line)
            for line in _write("jsonl", list(store.iter_extractions(corrected=True))).splitlines()
        ]
    assert [r["doc_id"] for r in records] == ["other", "wire"]
    assert "sources" not in records[0]
    assert [(s["id"], s["source"]) for s in records[1]["sources"]] == [
        ("wire", "Wire"),
        ("reprint", "Herald"),
    ]

"""Article ids and dates: which source wins, and what happens when none is usable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.ingest import read
from parley.ingest.dates import date_in_name, parse_date
from parley.ingest.discover import article_id


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("istanbul-talks-2022-03-29.txt", "istanbul-talks-2022-03-29"),
        ("a.html.gz", "a"),
        ("news-10k.jsonl.gz", "news-10k"),
        ("notes", "notes"),
        ("round.v2.md", "round.v2"),  # only the type (and compression) suffix goes
        (".profile.txt", ".profile"),
    ],
)
def test_article_id_from_file_name(name: str, expected: str) -> None:
    assert article_id(Path(name)) == expected


def test_date_keyword_beats_file_name(tmp_path, texts, only_articles) -> None:
    path = tmp_path / "talks-2022-03-29.txt"
    path.write_text(texts.talks, encoding="utf-8")
    (a,) = only_articles(read([path], date=dt.date(2023, 1, 2)))
    assert a.date == dt.date(2023, 1, 2)
    (b,) = only_articles(read([path]))
    assert b.date == dt.date(2022, 3, 29)


def test_no_date_anywhere(tmp_path, texts, only_articles) -> None:
    path = tmp_path / "talks-2022-13-45.txt"  # not a real date
    path.write_text(texts.talks, encoding="utf-8")
    (a,) = only_articles(read([path]))
    assert a.date is None


def test_date_keyword_does_not_override_records(tmp_path, texts, write_jsonl, only_articles) -> None:
    path = write_jsonl(
        tmp_path / "c-2020-05-05.jsonl", [{"text": texts.talks, "date": "2021-02-03"}, {"text": texts.aid}]
    )
    a, b = only_articles(read([path], date=dt.date(1999, 9, 9)))
    assert (a.date, b.date) == (dt.date(2021, 2, 3), None)


def test_unparseable_record_date_keeps_article(tmp_path, texts, write_jsonl, only_articles) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "x", "text": texts.talks, "date": "the day after"}])
    (a,) = only_articles(read([path]))
    assert (a.id, a.date) == ("x", None)


def test_html_date_from_page_metadata(tmp_path, texts, only_articles) -> None:
    path = tmp_path / "page.htm"
    path.write_text(
        '<html><head><meta name="date" content="2019-11-20"></head>'
        f"<body><article><p>{texts.talks}</p></article></body></html>",
        encoding="utf-8",
    )
    (a,) = only_articles(read([path]))
    assert a.date == dt.date(2019, 11, 20)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-29", dt.date(2022, 3, 29)),
        ("2022-03-29T23:10:00+02:00", dt.date(2022, 3, 29)),
        ("2022-03-29 08:00:00", dt.date(2022, 3, 29)),
        ("March 29, 2022", dt.date(2022, 3, 29)),
        ("29 Mar 2022", dt.date(2022, 3, 29)),
        ("March 2022", dt.date(2022, 3, 1)),  # PREFER_DAY_OF_MONTH: first
        ("yesterday", None),  # relative dates have no fixed meaning in a stored record
        ("no date here", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_date_in_name() -> None:
    assert date_in_name("report-2021-07-04-final.txt") == dt.date(2021, 7, 4)
    assert date_in_name("12021-07-04.txt") is None  # part of a longer number
    assert date_in_name("talks.txt") is None

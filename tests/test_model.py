"""The data model: evidence spans, the EXTRACTION.md record and input errors (no NLP needed)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import ValidationError

from parley.model import Actor, Article, Event, Evidence, Extraction, InputError, Statement

TEXT = (
    "Envoys from Chile and Peru met in Lima on Monday. "
    "Peru asked Chile to reopen the border crossing at Tacna."
)


def _quote(text: str, quote: str, sentence: int) -> Evidence:
    start = text.index(quote)
    return Evidence.from_span(text, sentence, start, start + len(quote))


# -- Evidence ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [(0, 5), (0, 7), (3, 6), (10, 4)])
def test_evidence_rejects_span_that_does_not_fit_quote(start: int, end: int) -> None:
    with pytest.raises(ValidationError, match="does not fit quote"):
        Evidence(sentence=0, start=start, end=end, exact="Envoys")


def test_evidence_accepts_span_that_fits_quote() -> None:
    ev = Evidence(sentence=0, start=0, end=6, exact="Envoys")
    assert (ev.start, ev.end, ev.exact, ev.prefix, ev.suffix) == (0, 6, "Envoys", "", "")


def test_evidence_rejects_negative_offsets() -> None:
    with pytest.raises(ValidationError):
        Evidence(sentence=0, start=-1, end=5, exact="Envoys")
    with pytest.raises(ValidationError):
        Evidence(sentence=-1, start=0, end=6, exact="Envoys")


def test_evidence_assignment_is_validated() -> None:
    ev = Evidence(sentence=0, start=0, end=6, exact="Envoys")
    with pytest.raises(ValidationError):
        ev.end = 9  # the span would no longer fit the quote


def test_from_span_quotes_text_with_context() -> None:
    start = TEXT.index("Peru asked")
    end = TEXT.index(" to reopen")
    ev = Evidence.from_span(TEXT, 1, start, end, context=10)
    assert ev.sentence == 1
    assert (ev.start, ev.end) == (start, end)
    assert ev.exact == "Peru asked Chile"
    assert ev.prefix == TEXT[start - 10 : start] == " on Monday. "[-10:]
    assert ev.suffix == " to reopen"


def test_from_span_context_is_cut_at_text_edges() -> None:
    first = Evidence.from_span(TEXT, 0, 0, 6)
    assert first.exact == "Envoys"
    assert first.prefix == ""
    assert first.suffix == TEXT[6:38] and len(first.suffix) == 32  # default context

    last = Evidence.from_span(TEXT, 1, len(TEXT) - 6, len(TEXT), context=1000)
    assert last.exact == "Tacna."
    assert last.suffix == ""
    assert last.prefix == TEXT[: len(TEXT) - 6]


def test_check_compares_quote_with_stored_text() -> None:
    ev = _quote(TEXT, "met in Lima", 0)
    assert ev.check(TEXT)
    # The same offsets in a text that differs there, or is shorter, do not hold the quote.
    assert not ev.check(TEXT.replace("Lima", "Cuzco"))
    assert not ev.check(TEXT[: ev.start + 3])
    assert not ev.check("  " + TEXT)


# -- Extraction.record -------------------------------------------------------------------------------


def _extraction(date: dt.date | None = dt.date(2023, 5, 8)) -> Extraction:
    article = Article(id="lima-talks", text=TEXT, title="Lima talks", date=date, origin="in/lima.txt")
    actors = [
        Actor(code="CHL", name="Chile", kind="state", evidence=[_quote(TEXT, "Chile", 0)]),
        Actor(code="PER", name="Peru", kind="state", sector="GOV", evidence=[_quote(TEXT, "Peru", 0)]),
    ]
    events = [
        Event(
            source=["CHL", "PER"],
            target=None,
            type="CONSULT",
            cameo="040",
            goldstein=1.0,
            location="Lima",
            evidence=_quote(TEXT, "Envoys from Chile and Peru met in Lima on Monday.", 0),
            rule="consult.meet",
        ),
        Event(
            source="PER",
            target="CHL",
            type="REQUEST",
            evidence=_quote(TEXT, "Peru asked Chile to reopen the border crossing", 1),
            rule="request.ask",
        ),
    ]
    statements = [
        Statement(
            id="s1",
            actor="PER",
            act="DEMAND",
            issue="border",
            target="CHL",
            evidence=_quote(TEXT, "reopen the border crossing at Tacna", 1),
            rule="demand.ask",
        )
    ]
    return Extraction(article=article, actors=actors, events=events, statements=statements)


def test_record_has_extraction_md_shape() -> None:
    x = _extraction()
    rec = x.record()
    assert list(rec) == ["doc_id", "date", "title", "actors", "events", "statements"]
    assert rec["doc_id"] == "lima-talks"
    assert rec["date"] == "2023-05-08"  # an ISO string, not a date object
    assert rec["title"] == "Lima talks"
    # Internal fields of the article never leak into the record.
    assert "text" not in rec and "origin" not in rec
    json.dumps(rec)  # plain JSON types only


def test_record_actors_have_no_evidence_and_no_nulls() -> None:
    rec = _extraction().record()
    assert rec["actors"] == [
        {"code": "CHL", "name": "Chile", "kind": "state"},
        {"code": "PER", "name": "Peru", "kind": "state", "sector": "GOV"},
    ]


def test_record_events_carry_evidence_and_rule() -> None:
    x = _extraction()
    rec = x.record()
    assert len(rec["events"]) == 2
    first, second = rec["events"]
    assert first["source"] == ["CHL", "PER"]  # a compound actor stays a list
    assert "target" not in first  # None is left out
    assert second["target"] == "CHL"
    for got, event in zip(rec["events"], x.events, strict=True):
        assert got["rule"] == event.rule
        assert got["type"] == event.type
        ev = got["evidence"]
        assert set(ev) == {"sentence", "start", "end", "exact", "prefix", "suffix"}
        assert TEXT[ev["start"] : ev["end"]] == ev["exact"]


def test_record_statements_are_a_list_of_dicts() -> None:
    rec = _extraction().record()
    assert isinstance(rec["statements"], list)
    (s,) = rec["statements"]
    assert s["id"] == "s1" and s["act"] == "DEMAND" and s["rule"] == "demand.ask"
    assert s["guarantors"] == [] and s["conditional_on"] == []
    assert s["evidence"]["exact"] == "reopen the border crossing at Tacna"


def test_record_without_date_or_items() -> None:
    x = Extraction(article=Article(id="bare", text="Nothing happened."))
    assert x.record() == {
        "doc_id": "bare",
        "date": None,
        "title": None,
        "actors": [],
        "events": [],
        "statements": [],
    }


def test_event_rejects_unknown_plover_type() -> None:
    with pytest.raises(ValidationError):
        Event(source="PER", type="NEGOTIATE", evidence=_quote(TEXT, "Peru", 0), rule="x")


def test_models_forbid_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        Article(id="a", text="t", language="en")


# -- InputError --------------------------------------------------------------------------------------


def test_input_error_str_without_line() -> None:
    e = InputError(origin="news/empty.txt", message="empty file")
    assert str(e) == "news/empty.txt: empty file"


def test_input_error_str_with_line() -> None:
    e = InputError(origin="news/corpus.jsonl", line=7, message="record has no text field")
    assert str(e) == "news/corpus.jsonl:7: record has no text field"

"""The events table: filters, and exports of exactly what is filtered."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient


def rows(client: TestClient, **query: str) -> list[dict[str, str]]:
    response = client.get("/events/export.csv", params=query)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


def test_unfiltered_table_and_export_agree(client: TestClient) -> None:
    page = client.get("/events")
    everything = rows(client)
    assert f"{len(everything)} event(s)" in page.text and len(everything) > 10


def test_filters(client: TestClient) -> None:
    everything = rows(client)
    by_actor = rows(client, actor="ARM")
    assert by_actor and len(by_actor) < len(everything)
    assert all("ARM" in ";".join((r["source"], r["target"], r["said_by"])).split(";") for r in by_actor)
    by_type = rows(client, type="CONSULT")
    assert by_type and {r["type"] for r in by_type} == {"CONSULT"}
    directed = rows(client, dyad="RUS>UKR")
    assert directed and all("RUS" in r["source"] and "UKR" in r["target"] for r in directed)
    either = rows(client, dyad="RUS-UKR")
    assert len(either) >= len(directed)
    one = rows(client, article="istanbul-round-2022-03-29")
    assert one and {r["doc_id"] for r in one} == {"istanbul-round-2022-03-29"}
    march = rows(client, date_from="2022-03-01", date_to="2022-03-31")
    assert march and all(
        "2022-03-01" <= (r["event_date"] or r["article_date"]) <= "2022-03-31" for r in march
    )


def test_export_links_carry_the_filter(client: TestClient) -> None:
    page = client.get("/events", params={"actor": "RUS", "type": "CONSULT"})
    assert 'href="/events/export.csv?actor=RUS&amp;type=CONSULT"' in page.text


def test_json_and_plover_exports(client: TestClient) -> None:
    query = {"actor": "RUS"}
    expected = len(rows(client, **query))
    doc = client.get("/events/export.json", params=query).json()
    assert sum(len(record["events"]) for record in doc) == expected
    assert all(not record["statements"] for record in doc)  # the events filtered, nothing else
    plover = client.get("/events/export.plover", params=query)
    records = json.loads(plover.text)
    # PLOVER has no type for a public statement (CAMEO 01): those stay out of its export
    typed = sum(1 for record in doc for e in record["events"] if e.get("type"))
    assert len(records) == typed <= expected
    assert {"event_type", "actor", "recipient", "story_id", "text"} <= set(records[0])
    assert "parley-events.plover.json" in plover.headers["content-disposition"]


def test_bad_date_is_a_400(client: TestClient) -> None:
    assert client.get("/events", params={"date_from": "March"}).status_code == 400


def test_statements_filter_as_statement() -> None:
    import datetime as dt

    from parley.model import Article, Event, Evidence, Extraction
    from parley.web.events import EventFilter, filtered

    text = "Norway told Iceland the talks were useful. Iceland rejected the offer."
    said = Event(
        source="NOR",
        target="ISL",
        type=None,
        cameo="010",
        evidence=Evidence.from_span(text, 0, 0, 10),
        rule="s",
    )
    rejected = Event(
        source="ISL", target="NOR", type="REJECT", evidence=Evidence.from_span(text, 1, 43, 50), rule="r"
    )
    x = Extraction(article=Article(id="a", text=text, date=dt.date(2024, 1, 1)), events=[said, rejected])
    (kept,) = filtered([x], EventFilter(type="statement"))
    assert [e.kind for e in kept.events] == ["STATEMENT"]

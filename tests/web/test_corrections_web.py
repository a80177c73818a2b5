"""Corrections through the browser's forms: stored apart, shown as such, surviving re-extraction,
and in the exports."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from fastapi.testclient import TestClient

from parley import api

ARTICLE = "istanbul-round-2022-03-29"


def items(client: TestClient) -> list[tuple[str, str]]:
    page = client.get(f"/article/{ARTICLE}")
    return re.findall(
        r'name="kind" value="(event|statement)">\s*<input type="hidden" name="item" value="([^"]+)"',
        page.text,
    )


def post(client: TestClient, **form: str) -> None:
    client.get("/")
    response = client.post(
        f"/article/{ARTICLE}/correct",
        data={**form, "csrf": client.cookies["parley_csrf"]},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def test_mark_wrong_shows_struck_out_and_leaves_exports(client: TestClient) -> None:
    kind, key = next(i for i in items(client) if i[0] == "event")
    before = list(csv.DictReader(io.StringIO(client.get("/events/export.csv").text)))
    post(client, action="wrong", kind=kind, item=key, note="not an event")
    page = client.get(f"/article/{ARTICLE}")
    assert "analyst: wrong" in page.text and "not an event" in page.text
    after = list(csv.DictReader(io.StringIO(client.get("/events/export.csv").text)))
    assert len(after) == len(before) - 1


def test_edit_a_statement_and_see_it_in_exports(client: TestClient, db: str) -> None:
    kind, key = next(i for i in items(client) if i[0] == "statement")
    post(client, action="edit", kind=kind, item=key, act="REJECT", note="they refused")
    page = client.get(f"/article/{ARTICLE}")
    assert "analyst: edit" in page.text
    out = io.StringIO()
    api.export(out, db=db, format="jsonl")
    corrected = [
        s
        for line in out.getvalue().splitlines()
        for s in __import__("json").loads(line)["statements"]
        if s.get("correction")
    ]
    assert corrected and corrected[0]["act"] == "REJECT"


def test_add_a_statement_from_a_quote(client: TestClient) -> None:
    text = client.get(f"/article/{ARTICLE}")
    quote = "Crimea"
    assert quote in text.text
    post(
        client,
        action="add",
        kind="statement",
        quote=quote,
        actor="UKR",
        act="DEMAND",
        issue="territory",
        object="Crimea",
    )
    page = client.get(f"/article/{ARTICLE}")
    assert "analyst: add" in page.text


def test_corrections_survive_re_extraction(client: TestClient, db: str, corpus: Path, tmp_path: Path) -> None:
    kind, key = next(i for i in items(client) if i[0] == "event")
    post(client, action="right", kind=kind, item=key)
    changed = tmp_path / f"{ARTICLE}.txt"
    changed.write_text(
        (corpus / f"{ARTICLE}.txt").read_text(encoding="utf-8") + "\nThe talks were to continue online.\n"
    )
    report = api.ingest([changed], db=db)
    assert report.counts["updated"] == 1
    page = client.get(f"/article/{ARTICLE}")
    assert "analyst: right" in page.text and "The talks were to continue online." in page.text


def test_merge_actors_in_every_article(client: TestClient) -> None:
    post(client, action="merge", kind="actor", merge_from="TUR", merge_to="IGO", scope="all")
    page = client.get("/events", params={"actor": "TUR"})
    assert "0 event(s)" in page.text


def test_add_an_event_from_a_quote(client: TestClient) -> None:
    before = len(list(csv.DictReader(io.StringIO(client.get("/events/export.csv").text))))
    post(
        client,
        action="add",
        kind="event",
        quote="both sides described the session as useful",
        source="RUS",
        type="CONSULT",
        target="UKR",
    )
    after = list(csv.DictReader(io.StringIO(client.get("/events/export.csv").text)))
    assert len(after) == before + 1 and any(r["correction"] == "add" for r in after)


def test_a_quote_not_in_the_text_is_refused(client: TestClient) -> None:
    client.get("/")
    response = client.post(
        f"/article/{ARTICLE}/correct",
        data={
            "action": "add",
            "kind": "event",
            "quote": "words never written",
            "source": "RUS",
            "type": "CONSULT",
            "csrf": client.cookies["parley_csrf"],
        },
    )
    assert response.status_code == 400 and "copied exactly" in response.text

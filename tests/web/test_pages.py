"""The workspace's pages, in-process: what each shows, and that it all links to evidence."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

CASE = "RUS-UKR-2022-02"


def test_index_lists_negotiations_and_articles(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert f'href="/case/{CASE}"' in page.text
    assert 'href="/article/istanbul-round-2022-03-29"' in page.text
    assert "/static/parley.css" in page.text and "http://" not in page.text.replace("http://www.w3.org", "")


def test_case_page_matrix_history_and_plots(client: TestClient) -> None:
    page = client.get(f"/case/{CASE}")
    assert page.status_code == 200
    assert page.text.count('class="cell-button"') >= 5
    # each cell's history carries its evidence quote and links to the article
    histories = re.findall(r'<div class="history" id="(cell-\d+-\d+)" hidden>(.*?)</div>', page.text, re.S)
    assert histories and all('<blockquote class="evidence">' in body for _, body in histories)
    assert 'aria-label="actor network"' in page.text
    assert 'aria-label="timeline of positions"' in page.text
    assert 'aria-label="cooperation-conflict trend"' in page.text
    assert "Crimea" in page.text


def test_unknown_case_and_article_are_404(client: TestClient) -> None:
    assert client.get("/case/NO-SUCH").status_code == 404
    assert client.get("/article/no-such").status_code == 404


def test_article_page_marks_every_evidence_span(client: TestClient) -> None:
    page = client.get("/article/istanbul-round-2022-03-29")
    assert page.status_code == 200
    items = re.findall(r'<div class="item (?:event|statement)[^"]*" id="(item-\d+)">', page.text)
    marked = set(re.findall(r'data-items="([^"]+)"', page.text))
    linked = {a for m in marked for a in m.split()}
    assert items and set(items) == linked


def test_text_and_input_are_escaped(client: TestClient) -> None:
    page = client.get("/article/geneva-talks-2023-05-08")
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text and "<b>peace" not in page.text
    assert "&lt;script&gt;" in page.text
    index = client.get("/")
    assert "<script>alert" not in index.text
    events = client.get("/events", params={"actor": "<script>alert(1)</script>"})
    assert events.status_code == 200 and "<script>alert(1)" not in events.text


def test_forecast_page_drafts_from_a_case_and_runs(client: TestClient) -> None:
    form = client.get("/forecast", params={"case": CASE})
    assert form.status_code == 200 and "draft: " in form.text and "RUS" in form.text
    scenario = re.search(r'<textarea name="scenario"[^>]*>(.*?)</textarea>', form.text, re.S).group(1)
    import html

    result = client.post(
        "/forecast",
        data={
            "scenario": html.unescape(scenario),
            "model": "compromise",
            "draws": "50",
            "csrf": client.cookies["parley_csrf"],
        },
    )
    assert result.status_code == 200, result.text
    assert (
        'class="outcome"' in result.text and "<svg" in result.text and "Monte Carlo: 50 draws" in result.text
    )


def test_forecast_errors_are_shown_not_raised(client: TestClient) -> None:
    client.get("/forecast")
    result = client.post(
        "/forecast", data={"scenario": "issues: [", "model": "bdm", "csrf": client.cookies["parley_csrf"]}
    )
    assert result.status_code == 400 and "not valid YAML" in result.text

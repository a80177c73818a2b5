"""The workspace in a real browser: Playwright driving Debian's chromium against a real server.

Screenshots of each page go to test-output/screenshots/ (or $PARLEY_TEST_OUTPUT/screenshots)."""

from __future__ import annotations

import csv
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from parley import api
from parley.web import create_app

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("PARLEY_TEST_OUTPUT", ROOT / "test-output")) / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTICLE = "istanbul-round-2022-03-29"

playwright = pytest.importorskip(
    "playwright.sync_api", reason="browser tests need Playwright (make test installs it)"
)
if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests need chromium at {CHROMIUM} (apt install chromium)", allow_module_level=True)


@pytest.fixture
def server(db: str) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(server: str) -> Iterator[object]:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "dialog", lambda d: errors.append(f"dialog: {d.message}")
        )  # an alert() would mean injected script ran
        yield page
        browser.close()
        assert not errors, errors


def shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_open_the_negotiation_and_see_a_cells_evidence(page: object, server: str) -> None:
    page.goto(server + "/")
    shot(page, "01-negotiations")
    page.get_by_role("link", name="RUS-UKR-2022-02").click()
    page.wait_for_selector(".matrix")
    shot(page, "02-negotiation")
    cell = page.locator("td.DEFER .cell-button").first
    cell.click()
    detail = page.locator("#cell-detail")
    playwright.expect(detail.locator("blockquote.evidence").first).to_be_visible()
    playwright.expect(detail).to_contain_text("Crimea")
    shot(page, "03-negotiation-cell")


def test_filter_and_export_csv(page: object, server: str, tmp_path: Path) -> None:
    page.goto(server + "/events")
    page.fill("input[name=actor]", "RUS")
    page.select_option("select[name=type]", "CONSULT")
    page.get_by_role("button", name="filter").click()
    page.wait_for_url("**/events?*")
    shown = page.locator("table.events tbody tr").count()
    shot(page, "04-events-filtered")
    with page.expect_download() as download:
        page.click("#export-csv")
    path = tmp_path / "events.csv"
    download.value.save_as(path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == shown and rows
    assert all(
        r["type"] == "CONSULT" and "RUS" in ";".join((r["source"], r["target"], r["said_by"])) for r in rows
    )


def test_a_correction_survives_re_extraction(
    page: object, server: str, db: str, corpus: Path, tmp_path: Path
) -> None:
    page.goto(f"{server}/article/{ARTICLE}")
    shot(page, "05-article")
    first = page.locator(".item.statement").first
    item_id = first.get_attribute("id")
    first.get_by_role("button", name="mark wrong").click()
    page.wait_for_load_state()
    playwright.expect(page.locator(f"#{item_id}")).to_contain_text("analyst: wrong")
    changed = tmp_path / f"{ARTICLE}.txt"
    changed.write_text(
        (corpus / f"{ARTICLE}.txt").read_text(encoding="utf-8") + "\nBoth delegations flew home.\n"
    )
    assert api.ingest([changed], db=db).counts["updated"] == 1
    page.reload()
    playwright.expect(page.locator("article.text")).to_contain_text("Both delegations flew home.")
    playwright.expect(page.locator(".item.statement.wrong").first).to_contain_text("analyst: wrong")
    shot(page, "06-article-corrected")


def test_hostile_article_runs_no_script(page: object, server: str) -> None:
    page.goto(f"{server}/article/geneva-talks-2023-05-08")
    playwright.expect(page.locator("article.text")).to_contain_text("<script>alert('x')</script>")
    assert page.evaluate("document.querySelectorAll('article.text script, article.text img').length") == 0


def test_forecast_page(page: object, server: str) -> None:
    page.goto(f"{server}/forecast?case=RUS-UKR-2022-02")
    page.select_option("select[name=model]", "nash")
    page.fill("input[name=draws]", "20")
    page.get_by_role("button", name="run").click()
    playwright.expect(page.locator("td.outcome").first).to_be_visible()
    shot(page, "07-forecast")

"""`parley brief`: terminal, JSON and a self-contained HTML report, on our own example."""

import json
from pathlib import Path

from typer.testing import CliRunner

from parley.cli import app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "istanbul-round-2022-03-29.txt"


def test_brief_json_has_positions_guarantees_and_evidence(tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(app, ["brief", str(EXAMPLE), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["parties"]) == {"RUS", "UKR"}
    assert data["venue"] == "Istanbul"
    assert {"GBR", "CHN", "FRA", "TUR", "USA"} <= set(data["guarantors_requested"])
    ukr = {issue: stances.get("UKR") for issue, stances in data["matrix"].items()}
    assert ukr["alliance_membership"][0]["act"] == "OFFER"
    assert ukr["security_guarantees"][0]["act"] == "DEMAND"
    for stances in data["matrix"].values():
        for history in stances.values():
            for s in history:
                assert s["evidence"]["exact"]


def test_brief_html_is_self_contained_and_links_lines_to_quotes(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(app, ["brief", str(EXAMPLE), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<svg" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page
    assert 'href="#q1"' in page and 'id="q1"' in page


def test_brief_in_the_terminal_names_the_talks() -> None:
    result = CliRunner().invoke(app, ["brief", str(EXAMPLE)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Russia-Ukraine talks, Istanbul" in result.stdout
    assert "Guarantees" in result.stdout

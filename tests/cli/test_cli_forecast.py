"""`parley forecast` and `parley scenario init|check`."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from parley.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "scenarios" / "istanbul-2022.yaml"
runner = CliRunner()

EMISSION = """Actor,Capability,Position,Salience
A,0.3,4,0.8
B,0.2,10,0.6
C,0.3,7,0.5
D,0.2,10,0.9
"""


def test_forecast_table_shows_outcome_and_rounds(tmp_path: Path) -> None:
    path = tmp_path / "case.csv"
    path.write_text(EMISSION)
    result = runner.invoke(app, ["forecast", str(path), "--model", "bdm", "--rounds", "3"])
    assert result.exit_code == 0, result.output
    assert "bdm forecast" in result.output and "median (●)" in result.output
    assert "│     3 │" in result.output and "│     4 │" not in result.output


def test_forecast_json_carries_outcome_and_per_round_median_mean_positions(tmp_path: Path) -> None:
    path = tmp_path / "case.csv"
    path.write_text(EMISSION)
    out = tmp_path / "f.json"
    result = runner.invoke(
        app, ["forecast", str(path), "-m", "bdm", "--rounds", "2", "-f", "json", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert set(data["outcome"]) == {"issue"}
    rounds = data["rounds"]["issue"]
    assert [r["round"] for r in rounds] == [0, 1, 2]
    assert set(rounds[0]["positions"]) == {"A", "B", "C", "D"} and {"median", "mean"} <= set(rounds[1])


def test_forecast_with_draws_params_and_plot(tmp_path: Path) -> None:
    plot = tmp_path / "plot.svg"
    result = runner.invoke(
        app,
        [
            "forecast",
            str(EXAMPLE),
            "-m",
            "nash",
            "--param",
            "grid=6",
            "--draws",
            "30",
            "--seed",
            "2",
            "--plot",
            str(plot),
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["params"]["grid"] == 6 and data["monte_carlo"]["draws"] == 30
    assert 0 <= data["monte_carlo"]["probability_of_agreement"] <= 1
    assert plot.read_text().startswith("<svg") and "Status of Crimea" in plot.read_text()


def test_forecast_errors_are_one_line_with_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nissues: []\nactors: []\n")
    result = runner.invoke(app, ["forecast", str(bad)])
    assert result.exit_code == 1 and "bad.yaml: issues: at least one issue is needed" in result.output
    result = runner.invoke(app, ["forecast", str(EXAMPLE), "--model", "oracle"])
    assert result.exit_code == 1 and "unknown model 'oracle'" in result.output
    result = runner.invoke(app, ["forecast", str(EXAMPLE), "--model", "nash", "--rounds", "3"])
    assert result.exit_code == 1 and "has no rounds" in result.output
    result = runner.invoke(app, ["forecast", str(EXAMPLE), "--param", "nonsense=1"])
    assert result.exit_code == 1 and "nonsense" in result.output


def test_scenario_init_writes_a_draft_that_checks(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    result = runner.invoke(
        app, ["scenario", "init", str(ROOT / "examples" / "istanbul-round-2022-03-29.txt"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text())
    assert [a["id"] for a in data["actors"]] == ["RUS", "UKR"] and all(a["draft"] for a in data["actors"])
    result = runner.invoke(app, ["scenario", "check", str(out)])
    assert result.exit_code == 0 and "2 actors (2 with veto)" in result.output


def test_scenario_init_of_an_unknown_case(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scenario", "init", "no-such-case", "--db", str(tmp_path / "p.db")])
    assert result.exit_code == 1 and "neither a file nor a case id" in result.output

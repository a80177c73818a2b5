"""`parley case list|add|remove` and `parley brief CASE_ID`: cases of stored articles."""

from pathlib import Path

from typer.testing import CliRunner

from parley import case
from parley.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_articles_group_by_parties_and_time_and_overrides_stick(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db]).exit_code == 0
    cases = case(db=db)
    assert cases["RUS-UKR-2022-02"] == [
        "belarus-round-2022-02-28",
        "belarus-third-round-2022-03-07",
        "istanbul-round-2022-03-29",
    ]
    assert "doha-agreement-2020-02-29" not in cases["RUS-UKR-2022-02"]
    result = runner.invoke(app, ["case", "remove", "RUS-UKR-2022-02", "belarus-round-2022-02-28", "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["case", "add", "my-case", "doha-agreement-2020-02-29", "--db", db])
    assert result.exit_code == 0, result.output
    # re-ingesting re-extracts; the analyst's grouping survives
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db]).exit_code == 0
    cases = case(db=db)
    assert "belarus-round-2022-02-28" not in cases["RUS-UKR-2022-02"]
    assert cases["my-case"] == ["doha-agreement-2020-02-29"]
    brief = runner.invoke(app, ["brief", "RUS-UKR-2022-02", "--db", db, "--format", "json"])
    assert brief.exit_code == 0, brief.output
    assert '"istanbul-round-2022-03-29"' in brief.stdout and "belarus-round-2022-02-28" not in brief.stdout


def test_unknown_case_or_article_fails_cleanly(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    runner = CliRunner()
    assert runner.invoke(app, ["brief", "no-such-case", "--db", db]).exit_code == 1
    assert runner.invoke(app, ["case", "add", "x", "no-such-article", "--db", db]).exit_code == 1

"""`parley explain`: each event's sentence, parse path and pattern, from a file or the database."""

from pathlib import Path

from typer.testing import CliRunner

from parley.cli import app

TEXT = (
    "Ghana Urges Togo to Reopen Border\n\nGhana urged Togo on Monday to reopen the border crossing at Aflao."
)


def test_explain_a_file_shows_sentence_path_and_pattern(tmp_path: Path) -> None:
    f = tmp_path / "border-2021-05-04.txt"
    f.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(f)], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "REQUEST" in out and "GHA -> TGO" in out
    assert "s1: Ghana urged Togo on Monday to reopen the border crossing at Aflao." in out
    assert "Ghana <nsubj< urged >dobj> Togo" in out
    assert "request.appeal" in out


def test_explain_a_stored_article_by_id(tmp_path: Path) -> None:
    f = tmp_path / "border.txt"
    f.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "p.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(f), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["explain", "border", "--db", db])
    assert result.exit_code == 0, result.output
    assert "request.appeal" in result.stdout


def test_explain_unknown_doc_fails_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["explain", "no-such-article", "--db", str(tmp_path / "p.db")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no-such-article" in result.stderr


def test_explain_shows_each_statement_with_its_quote_and_rule(tmp_path: Path) -> None:
    f = tmp_path / "talks-2021-05-04.txt"
    f.write_text(
        "Ghana and Togo held border talks in Lome on Monday, their third round of negotiations.\n\n"
        "Ghana wants Togo to reopen the border crossing at Aflao, and negotiators said a deal on "
        "trade and a further round of talks would follow.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", str(f)], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "DEMAND GHA" in out and "demand.request.want" in out
    assert "quote [" in out and "statements" in out

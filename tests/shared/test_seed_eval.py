"""The founding example: the seed article, from its raw text, scored by the shared scorer."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app

pytestmark = pytest.mark.shared


def score(shared: Path, gold: Path, pred: Path) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            "--gold",
            str(gold),
            "--pred",
            str(pred),
            "--json",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def test_seed_article_meets_the_foundation_thresholds(shared, tmp_path):
    pred = tmp_path / "pred.jsonl"
    seed = shared / "seed" / "istanbul-talks-2022-03-29.txt"
    result = CliRunner().invoke(app, ["extract", str(seed), "--format", "jsonl", "-o", str(pred)])
    assert result.exit_code == 0, result.output
    report = score(shared, shared / "eval" / "dev" / "istanbul-talks-2022-03-29.gold.json", pred)["articles"]
    assert report["docs"]["missing_pred"] == 0
    assert report["events"]["f1"] >= 0.5
    assert report["actors"]["f1"] >= 0.8


def test_seed_evidence_quotes_the_stored_text(shared):
    from parley import extract

    seed = shared / "seed" / "istanbul-talks-2022-03-29.txt"
    (x,) = list(extract([seed]))
    assert x.article.date is not None and x.article.date.isoformat() == "2022-03-29"
    for e in x.events:
        assert x.article.text[e.evidence.start : e.evidence.end] == e.evidence.exact

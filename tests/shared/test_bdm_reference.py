"""BDM's expected-utility model against Scholz, Calbert & Smith (2011) Table 2: the EC car-emission
case (BDM 1994; Scholz et al. Table 1; Q = 1), round by round."""

import csv
import math
from functools import cache
from pathlib import Path

import pytest

from parley.forecast.models.bdm import batch, forecast
from parley.forecast.readers import load
from parley.forecast.result import Forecast

pytestmark = pytest.mark.shared

BDM = Path("data") / "bargaining" / "bdm"

# Round 2 is the one round we cannot reproduce: 9.611 where Table 2 prints 9.9 (see the module
# docstring of parley.forecast.models.bdm for why). The bound is that documented gap, rounded up.
ROUND2_GAP = 0.3


@cache
def emission(shared: Path) -> Forecast:
    return forecast(load(shared / BDM / "emission_standards_BDM1994_ExampleActors.csv"), rounds=8, q=1.0)


@cache
def table2(shared: Path) -> dict[int, dict[str, str]]:
    with open(shared / BDM / "scholz2011_table2_vs_jmckib.csv", newline="", encoding="utf-8") as f:
        return {int(row["round"]): row for row in csv.DictReader(f)}


def printed(value: float) -> float:
    """One decimal as Table 2 prints it: cut, not rounded (its 9.9 in rounds 3-5 is 9.962, its 7.4
    in round 6 is 7.472, its 9.6 in round 8 is 9.671, in both replications)."""
    return math.floor(value * 10 + 1e-9) / 10


def test_round_zero_is_the_initial_median_and_mean(shared):
    first = emission(shared).history["issue"][0]
    assert first.median == 7.0
    assert first.mean == pytest.approx(7.39, abs=5e-3)
    assert float(table2(shared)[0]["jmckib_median"]) == 7.0


@pytest.mark.parametrize("n", range(1, 9))
def test_each_round_against_table_2(shared, n):
    f = emission(shared)
    assert len(f.history["issue"]) == 9
    row = table2(shared)[n]
    got = f.history["issue"][n]
    published_median, published_mean = (
        float(row["scholz2011_table2_median"]),
        float(row["scholz2011_table2_mean"]),
    )
    assert abs(got.mean - published_mean) <= 0.1
    # The independent public replication's three decimals, as a tight check on every round.
    assert got.median == pytest.approx(float(row["jmckib_median"]), abs=5e-4)
    assert got.mean == pytest.approx(float(row["jmckib_mean"]), abs=5e-4)
    if n == 2:
        assert got.median == pytest.approx(9.611, abs=5e-4)
        assert abs(got.median - published_median) <= ROUND2_GAP
    else:
        assert printed(got.median) == published_median


def test_forecast_is_the_last_median_and_batch_agrees(shared):
    f = emission(shared)
    assert f.outcome["issue"] == f.history["issue"][-1].median == pytest.approx(9.671, abs=5e-4)
    scenario = load(shared / BDM / "emission_standards_BDM1994_ExampleActors.csv")
    _, cap, pos, sal = scenario.arrays("issue")
    for rounds in range(9):
        out = batch(cap[None], pos[None], sal[None], rounds=rounds)
        assert out[0] == f.history["issue"][rounds].median


def test_the_first_round_moves(shared):
    moves = emission(shared).diagnostics["issues"]["issue"]["rounds"][0]["moves"]
    assert {m["actor"]: (m["offer"], m["from"]) for m in moves} == {
        "Belgium": ("compromise", "France"),
        "Luxembourg": ("conflict", "Belgium"),
        "Ireland": ("conflict", "Luxembourg"),
    }

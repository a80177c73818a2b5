"""Monte Carlo: distributions over the ranges, probability of agreement, tornado."""

from __future__ import annotations

import pytest

from parley.forecast import MODELS
from parley.forecast.montecarlo import simulate, tornado
from parley.forecast.readers import from_data


def scenario(b_range: list[float] | float = 2.0, acceptable: list[float] | None = None) -> dict:
    a_pos: dict = {"position": 0, "salience": 1}
    if acceptable:
        a_pos["acceptable"] = acceptable
    return {
        "name": "mc",
        "issues": [{"id": "x", "scale": {"min": 0, "max": 10}, "status_quo": 0}],
        "actors": [
            {"id": "A", "capability": 1, "veto": True, "positions": {"x": a_pos}},
            {"id": "B", "capability": b_range, "positions": {"x": {"position": 10, "salience": [0.5, 1]}}},
        ],
    }


def test_no_ranges_means_every_draw_is_the_point_forecast() -> None:
    data = scenario()
    data["actors"][1]["positions"]["x"]["salience"] = 1
    sim = simulate(from_data(data), "compromise", draws=50)
    point = MODELS["compromise"](from_data(data)).outcome["x"]
    assert sim.outcomes["x"] == pytest.approx([point] * 50)
    assert sim.summary()["x"]["sd"] == 0 and sim.tornado == []


def test_distribution_covers_the_ranges_and_is_reproducible() -> None:
    s = from_data(scenario(b_range=[1, 3]))
    sim = simulate(s, "compromise", draws=2000, seed=7)
    # B's weight share runs from 1*0.5/(1+0.5) to 3/(1+3): the outcome from 3.33 to 7.5
    assert min(sim.outcomes["x"]) >= 3.3 and max(sim.outcomes["x"]) <= 7.5
    summary = sim.summary()["x"]
    assert summary["p5"] < summary["p50"] < summary["p95"]
    assert simulate(s, "compromise", draws=2000, seed=7).outcomes == sim.outcomes


def test_probability_of_agreement() -> None:
    # A (veto, ideal 0, status quo 0) loses on every compromise unless its acceptable set allows it
    assert simulate(from_data(scenario()), "compromise", draws=100).agreement == 0.0
    assert simulate(from_data(scenario(acceptable=[0, 10])), "compromise", draws=100).agreement == 1.0
    partly = simulate(from_data(scenario(b_range=[0.2, 3], acceptable=[0, 5])), "compromise", draws=2000)
    assert 0.2 < partly.agreement < 0.8


def test_batched_and_draw_by_draw_agree_in_distribution() -> None:
    """compromise has a batch function; a categorical issue forces the draw-by-draw path."""
    s = from_data(scenario(b_range=[1, 3]))
    data = scenario(b_range=[1, 3])
    data["issues"].append({"id": "c", "options": ["a", "b"]})
    for a in data["actors"]:
        a["positions"]["c"] = {"position": "a", "salience": 1}
    fast = simulate(s, "compromise", draws=3000, seed=1).summary()["x"]
    slow = simulate(from_data(data), "compromise", draws=3000, seed=2).summary()["x"]
    assert fast["mean"] == pytest.approx(slow["mean"], abs=0.1)
    assert fast["p50"] == pytest.approx(slow["p50"], abs=0.15)


def test_tornado_ranks_by_swing() -> None:
    rows = tornado(from_data(scenario(b_range=[1, 3])), "compromise")
    assert [r["parameter"] for r in rows] == ["B.capability", "B.x.salience"]
    assert rows[0]["swing"] > rows[1]["swing"] > 0
    assert rows[0]["at_low"] < rows[0]["base"] < rows[0]["at_high"]


def test_every_model_runs_under_monte_carlo() -> None:
    s = from_data(scenario(b_range=[1, 3]))
    for name in MODELS:
        sim = simulate(s, name, draws=20)
        assert len(sim.outcomes["x"]) == 20, name


def test_without_veto_players_agreement_is_not_a_probability() -> None:
    data = scenario(b_range=[1, 3])
    data["actors"][0]["veto"] = False
    sim = simulate(from_data(data), "compromise", draws=10)
    assert sim.agreement is None and sim.to_data()["probability_of_agreement"] is None

"""Bueno de Mesquita's expected-utility model on small scenarios written here."""

import inspect
import json

import numpy as np
import pytest

from parley.forecast.models import MODELS, get
from parley.forecast.models.bdm import DEFAULT_ROUNDS, batch, forecast
from parley.forecast.readers import from_data


def one_issue(rows: list[tuple[str, float, float, float]]):
    """A one-issue scenario on a 0-100 scale from (actor, capability, position, salience) rows."""
    issue = {"id": "issue", "kind": "continuous", "scale": {"min": 0, "max": 100}}
    actors = [
        {"id": a, "capability": c, "positions": {"issue": {"position": p, "salience": s}}}
        for a, c, p, s in rows
    ]
    return from_data({"issues": [issue], "actors": actors}, source="<test>")


def random_rows(
    rng: np.random.Generator, n: int, shared: bool = False
) -> list[tuple[str, float, float, float]]:
    pos = rng.uniform(0, 100, n)
    if shared:  # several actors on the same few positions, as in real cases
        pos = np.round(pos / 25) * 25
    cap, sal = rng.uniform(0.01, 1, n), rng.uniform(0.05, 1, n)
    return [(f"a{i}", float(cap[i]), float(pos[i]), float(sal[i])) for i in range(n)]


def arrays(rows):
    _, cap, pos, sal = zip(*rows, strict=True)
    return np.array(cap), np.array(pos), np.array(sal)


def test_registered_with_its_batch_and_keyword_parameters():
    assert MODELS["bdm"] is forecast and get("bdm").batch is batch
    params = inspect.signature(forecast).parameters
    assert list(params) == ["scenario", "rounds", "q", "t"]
    assert all(
        p.kind is p.KEYWORD_ONLY and p.default is not p.empty
        for name, p in params.items()
        if name != "scenario"
    )
    assert params["rounds"].default == DEFAULT_ROUNDS == 8 and params["q"].default == 1.0
    assert inspect.signature(batch).parameters.keys() == {"cap", "pos", "sal", "rounds", "q", "t"}


def test_actors_that_agree_do_not_move():
    f = forecast(one_issue([("A", 1.0, 30.0, 0.9), ("B", 0.2, 30.0, 0.1), ("C", 0.5, 30.0, 0.5)]))
    assert len(f.history["issue"]) == DEFAULT_ROUNDS + 1
    for r in f.history["issue"]:
        assert r.positions == {"A": 30.0, "B": 30.0, "C": 30.0}
        assert r.median == 30.0 and r.mean == pytest.approx(30.0)
    assert f.outcome == {"issue": 30.0}
    diag = f.diagnostics["issues"]["issue"]
    assert all(not r["moves"] for r in diag["rounds"]) and diag["settled_after"] == 0


def test_round_zero_median_is_the_median_voter_position():
    rows = [
        ("A", 0.9, 10.0, 0.3),
        ("B", 0.2, 20.0, 1.0),
        ("C", 0.4, 55.0, 0.8),
        ("D", 0.3, 70.0, 0.9),
        ("E", 1.0, 90.0, 0.2),
    ]
    cap, pos, sal = arrays(rows)
    w = cap * sal

    def votes(a: float, b: float) -> float:  # capability x salience x utility difference, r = 1
        return float(np.sum(w * (np.abs(pos - b) - np.abs(pos - a))))

    condorcet = [a for a in pos if all(votes(a, b) >= 0 for b in pos)]
    assert condorcet == [55.0]
    first = forecast(one_issue(rows)).history["issue"][0]
    assert first.median == 55.0
    assert first.mean == pytest.approx(np.sum(w * pos) / np.sum(w))
    assert first.median != pytest.approx(first.mean)  # not simply the weighted mean


def test_a_weak_outlier_is_pulled_to_the_dominant_bloc():
    rows = [("A", 1.0, 0.0, 1.0), ("B", 1.0, 0.0, 1.0), ("C", 0.05, 100.0, 0.2), ("D", 0.5, 40.0, 0.5)]
    f = forecast(one_issue(rows), rounds=3)
    h = f.history["issue"]
    assert [r.positions["C"] for r in h] == [100.0, 40.0, 0.0, 0.0]
    assert [r.positions["D"] for r in h] == [40.0, 0.0, 0.0, 0.0]
    diag = f.diagnostics["issues"]["issue"]
    first = {m["actor"]: (m["offer"], m["from"], m["position"]) for m in diag["rounds"][0]["moves"]}
    # C loses a conflict to D and takes D's position; D gives in to the bloc at 0.
    assert first == {"C": ("conflict", "D", 40.0), "D": ("capitulation", "A", 0.0)}
    assert diag["settled_after"] == 2 and f.outcome["issue"] == 0.0
    # The weakest, most exposed actor is the most risk-acceptant; the bloc the most risk-averse.
    risk = diag["rounds"][0]["risk"]
    assert risk["C"] == pytest.approx(0.5) and risk["A"] == pytest.approx(2.0)


def test_history_moves_and_diagnostics_agree_and_are_json():
    rng = np.random.default_rng(7)
    f = forecast(one_issue(random_rows(rng, 7, shared=True)), rounds=5)
    h = f.history["issue"]
    for n, entry in enumerate(f.diagnostics["issues"]["issue"]["rounds"], start=1):
        moved = {m["actor"]: m["position"] for m in entry["moves"]}
        for actor, x in h[n].positions.items():
            if actor in moved:
                assert x == pytest.approx(moved[actor])
            else:
                assert x == h[n - 1].positions[actor]
        assert all(m["offer"] in {"conflict", "compromise", "capitulation"} for m in entry["moves"])
        assert all(0.5 - 1e-12 <= r <= 2.0 + 1e-12 for r in entry["risk"].values())
    json.dumps(f.to_data())
    assert f.params == {"rounds": 5, "q": 1.0, "t": 1.0}


@pytest.mark.parametrize(("q", "t"), [(1.0, 1.0), (0.6, 1.0), (0.3, 0.2)])
def test_batch_and_single_run_agree_on_random_inputs(q, t):
    rng = np.random.default_rng(11)
    draws = [random_rows(rng, int(rng.integers(2, 9)), shared=k % 2 == 0) for k in range(40)]
    for n in {len(d) for d in draws}:
        same_size = [d for d in draws if len(d) == n]
        cap, pos, sal = (np.array(a) for a in zip(*(arrays(d) for d in same_size), strict=True))
        for rounds in (0, 1, 4):
            together = batch(cap, pos, sal, rounds=rounds, q=q, t=t)
            for k, rows in enumerate(same_size):
                f = forecast(one_issue(rows), rounds=rounds, q=q, t=t)
                assert f.outcome["issue"] == together[k]
                assert f.history["issue"][-1].median == together[k]


def test_positions_stay_within_the_range_of_initial_positions():
    rng = np.random.default_rng(3)
    for k in range(30):
        rows = random_rows(rng, int(rng.integers(2, 10)), shared=k % 3 == 0)
        _, pos, _ = arrays(rows)
        for q in (1.0, 0.5):
            for r in forecast(one_issue(rows), rounds=6, q=q).history["issue"]:
                xs = np.array(list(r.positions.values()))
                assert xs.min() >= pos.min() and xs.max() <= pos.max()
                assert pos.min() <= r.median <= pos.max() and r.median in xs


def test_reversing_or_rescaling_the_scale_carries_the_forecast_along():
    rng = np.random.default_rng(5)
    cap, pos, sal = (
        rng.uniform(0.01, 1, (200, 6)),
        rng.uniform(0, 10, (200, 6)),
        rng.uniform(0.05, 1, (200, 6)),
    )
    out = batch(cap, pos, sal)
    # Distances are taken relative to the range, and no rule prefers one end of the scale.
    assert np.allclose(batch(cap, 10 - pos, sal), 10 - out)
    assert np.allclose(batch(cap, 3 * pos + 50, sal), 3 * out + 50)


def test_categorical_issues_go_by_weighted_plurality():
    scenario = from_data(
        {
            "issues": [
                {"id": "date", "kind": "continuous", "scale": {"min": 0, "max": 20}},
                {"id": "venue", "options": ["Geneva", "Vienna"]},
            ],
            "actors": [
                {"id": "A", "capability": 1.0, "positions": {"date": {"position": 4, "salience": 0.8}}},
                {
                    "id": "B",
                    "capability": 0.4,
                    "positions": {"date": {"position": 10, "salience": 0.6}, "venue": {"position": "Vienna"}},
                },
                {
                    "id": "C",
                    "capability": 0.3,
                    "positions": {"date": {"position": 7, "salience": 0.5}, "venue": {"position": "Geneva"}},
                },
            ],
        }
    )
    f = forecast(scenario, rounds=2)
    assert f.outcome["venue"] == "Vienna" and "venue" not in f.history
    assert set(f.history) == {"date"} and len(f.history["date"]) == 3
    assert 4 <= f.outcome["date"] <= 10


def test_an_issue_held_by_one_actor_stays_put():
    scenario = from_data(
        {
            "issues": [{"id": "x", "kind": "continuous", "scale": {"min": 0, "max": 10}}],
            "actors": [
                {"id": "A", "capability": 1.0, "positions": {"x": {"position": 3, "salience": 0.5}}},
                {"id": "B", "capability": 1.0},
            ],
        }
    )
    f = forecast(scenario, rounds=3)
    assert f.outcome == {"x": 3.0} and [r.positions for r in f.history["x"]] == [{"A": 3.0}] * 4


def test_zero_rounds_forecasts_the_round_zero_median():
    rows = [("A", 1.0, 2.0, 0.5), ("B", 0.5, 8.0, 1.0), ("C", 0.2, 5.0, 0.4)]
    f = forecast(one_issue(rows), rounds=0)
    assert len(f.history["issue"]) == 1 and f.outcome["issue"] == f.history["issue"][0].median
    assert f.diagnostics["issues"]["issue"]["settled_after"] is None


@pytest.mark.parametrize("params", [{"rounds": -1}, {"rounds": 2.5}, {"q": 1.5}, {"t": -0.1}])
def test_bad_parameters_are_refused(params):
    with pytest.raises(ValueError):
        forecast(one_issue([("A", 1.0, 0.0, 1.0), ("B", 1.0, 1.0, 1.0)]), **params)
    with pytest.raises(ValueError):
        batch(np.ones((1, 2)), np.array([[0.0, 1.0]]), np.ones((1, 2)), **params)

"""One contract, every model: each registered model is checked the same way."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import numpy as np
import pytest

from parley.forecast import MODELS, Forecast, load
from parley.forecast.readers import from_data

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "scenarios" / "istanbul-2022.yaml"


def one_issue(positions: list[float], capability: list[float] | None = None) -> dict:
    capability = capability or [1.0] * len(positions)
    return {
        "name": "t",
        "issues": [{"id": "x", "kind": "continuous", "scale": {"min": 0, "max": 10}, "status_quo": 5}],
        "actors": [
            {
                "id": f"A{k}",
                "capability": c,
                "veto": k < 2,
                "positions": {"x": {"position": p, "salience": 0.7}},
            }
            for k, (p, c) in enumerate(zip(positions, capability, strict=True))
        ],
    }


def test_the_family_is_complete() -> None:
    assert {"compromise", "median", "bdm", "smp", "nash", "ks"} <= set(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_parameters_are_keyword_only_with_defaults(name: str) -> None:
    params = list(inspect.signature(MODELS[name]).parameters.values())
    assert params[0].name == "scenario"
    for p in params[1:]:
        assert p.kind is inspect.Parameter.KEYWORD_ONLY, f"{name}: {p.name} is not keyword-only"
        assert p.default is not inspect.Parameter.empty, f"{name}: {p.name} has no default"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_forecast_of_the_example(name: str) -> None:
    scenario = load(EXAMPLE)
    f = MODELS[name](scenario)
    assert isinstance(f, Forecast) and f.model == name
    assert set(f.outcome) <= {i.id for i in scenario.issues} and f.outcome
    for issue in scenario.issues:
        if issue.id not in f.outcome:
            continue
        value = f.outcome[issue.id]
        if issue.kind == "categorical":
            assert value in issue.options
        else:
            assert issue.low - 1e-9 <= float(value) <= issue.high + 1e-9
    json.dumps(f.to_data())  # plain data all through
    for issue_id, history in f.history.items():
        initial = {a.id: a.positions[issue_id].position.value for a in scenario.members(issue_id)}
        assert history[0].positions == pytest.approx(initial)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_deterministic(name: str) -> None:
    scenario = load(EXAMPLE)
    assert MODELS[name](scenario).to_data() == MODELS[name](scenario).to_data()


@pytest.mark.parametrize("name", sorted(MODELS))
def test_unanimity_is_the_outcome(name: str) -> None:
    """When every actor wants the same thing, every model must forecast it."""
    f = MODELS[name](from_data(one_issue([8, 8, 8])))
    assert float(f.outcome["x"]) == pytest.approx(8, abs=0.5 if name in {"nash", "ks"} else 1e-6)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_outcome_stays_within_the_positions_held(name: str) -> None:
    f = MODELS[name](from_data(one_issue([2, 3, 9], [1, 2, 1])))
    assert 2 - 1e-6 <= float(f.outcome["x"]) <= 9 + 1e-6


@pytest.mark.parametrize("name", sorted(n for n, m in MODELS.items() if m.batch is not None))
def test_batch_agrees_with_single_runs(name: str) -> None:
    rng = np.random.default_rng(3)
    cap, pos, sal = rng.uniform(0.1, 1, (5, 6)), rng.uniform(0, 10, (5, 6)), rng.uniform(0.1, 1, (5, 6))
    batch = MODELS[name].batch(cap, pos, sal)
    for b in range(5):
        data = one_issue(list(pos[b]), list(cap[b]))
        for k, a in enumerate(data["actors"]):
            a["positions"]["x"]["salience"] = float(sal[b, k])
        data["issues"][0]["scale"] = {"min": 0, "max": 10}
        assert float(MODELS[name](from_data(data)).outcome["x"]) == pytest.approx(batch[b], abs=1e-9)

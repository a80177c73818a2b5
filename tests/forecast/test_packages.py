"""Nash and Kalai-Smorodinsky bargaining over packages of linked issues."""

from __future__ import annotations

import numpy as np
import pytest

from parley.forecast import MODELS
from parley.forecast.models.packages import pareto, space
from parley.forecast.readers import from_data


def talks(link: float | None = None, ua_acceptable: list[str] | None = None) -> dict:
    """Neutrality and guarantees: R wants neutrality and no binding guarantees; U wants to stay
    aligned and binding guarantees; the status quo is aligned and none."""
    u_guar: dict = {"position": "binding", "salience": 1.0, "utilities": {"binding": 1, "none": 0}}
    if ua_acceptable:
        u_guar["acceptable"] = ua_acceptable
    data = {
        "name": "t",
        "issues": [
            {"id": "status", "options": ["neutral", "aligned"], "status_quo": "aligned"},
            {"id": "guar", "options": ["binding", "none"], "status_quo": "none"},
        ],
        "actors": [
            {
                "id": "R",
                "capability": 1,
                "veto": True,
                "positions": {
                    "status": {"position": "neutral", "salience": 1.0},
                    "guar": {"position": "none", "salience": 0.4, "utilities": {"binding": 0, "none": 1}},
                },
            },
            {
                "id": "U",
                "capability": 1,
                "veto": True,
                "positions": {"status": {"position": "aligned", "salience": 1.2}, "guar": u_guar},
            },
            {"id": "X", "capability": 5, "positions": {"status": {"position": "aligned", "salience": 1}}},
        ],
    }
    if link is not None:
        data["links"] = [{"actor": "U", "when": {"status": "neutral", "guar": "binding"}, "value": link}]
    return data


def test_bargainers_are_the_veto_players() -> None:
    s = space(from_data(talks()))
    assert [a.id for a in s.actors] == ["R", "U"] and len(s.packages) == 4


@pytest.mark.parametrize("model", ["nash", "ks"])
def test_no_package_better_for_both_means_the_status_quo(model: str) -> None:
    f = MODELS[model](from_data(talks()))
    assert f.outcome == {"status": "aligned", "guar": "none"} and f.diagnostics["agreement"] is False


@pytest.mark.parametrize("model", ["nash", "ks"])
def test_a_link_makes_the_package_deal(model: str) -> None:
    """Neutrality is worth something to U only together with binding guarantees."""
    f = MODELS[model](from_data(talks(link=0.8)))
    assert f.outcome == {"status": "neutral", "guar": "binding"} and f.diagnostics["agreement"] is True
    gains = {k: f.diagnostics["utility"][k] - f.diagnostics["disagreement"][k] for k in ("R", "U")}
    assert all(g > 0 for g in gains.values())


def test_acceptable_sets_bind_the_bargain() -> None:
    f = MODELS["nash"](from_data(talks(link=0.8, ua_acceptable=["none"])))
    assert f.diagnostics["agreement"] is False


def test_nash_maximises_the_weighted_product_of_gains() -> None:
    """A divide-the-dollar on one scale, status quo at 0 for both: symmetric Nash splits evenly;
    with weights 3:1 the split follows the weights (the asymmetric Nash solution)."""
    data = {
        "name": "split",
        "issues": [{"id": "share", "scale": {"min": 0, "max": 100}}],
        "actors": [
            {
                "id": "A",
                "capability": 3,
                "veto": True,
                "positions": {"share": {"position": 100, "salience": 1}},
            },
            {
                "id": "B",
                "capability": 1,
                "veto": True,
                "positions": {"share": {"position": 0, "salience": 1}},
            },
        ],
    }
    assert MODELS["nash"](from_data(data), grid=101, weighted=False).outcome["share"] == pytest.approx(50)
    assert MODELS["nash"](from_data(data), grid=101).outcome["share"] == pytest.approx(75)
    assert MODELS["ks"](from_data(data), grid=101).outcome["share"] == pytest.approx(50)


def test_ks_equalises_shares_of_ideal_gains_where_nash_does_not() -> None:
    """Three packages: (u_A, u_B) = (0.9, 0.3), (0.6, 0.55), (0.2, 0.6) over no deal (0, 0).
    Nash takes the largest product (0.6 * 0.55); KS the largest equal share of the ideal
    (0.9, 0.6): min(0.6/0.9, 0.55/0.6) = 0.667 beats min(1, 0.5) and min(0.22, 1)."""
    options = ["p", "q", "r"]
    data = {
        "name": "three",
        "issues": [{"id": "deal", "options": options, "status_quo": "r"}],
        "actors": [
            {
                "id": "A",
                "capability": 1,
                "veto": True,
                "positions": {
                    "deal": {"position": "p", "salience": 1, "utilities": {"p": 0.9, "q": 0.6, "r": 0}}
                },
            },
            {
                "id": "B",
                "capability": 1,
                "veto": True,
                "positions": {
                    "deal": {"position": "r", "salience": 1, "utilities": {"p": 0.3, "q": 0.55, "r": 0}}
                },
            },
        ],
    }
    assert MODELS["nash"](from_data(data)).outcome == {"deal": "q"}
    ks = MODELS["ks"](from_data(data))
    assert ks.outcome == {"deal": "q"} and ks.diagnostics["share_of_ideal_gain"] == pytest.approx(0.6 / 0.9)
    data["actors"][1]["positions"]["deal"]["utilities"] = {"p": 0.5, "q": 0.52, "r": 0}
    # now Nash: 0.45 (p) vs 0.312 (q) -> p; KS: p gives min(1, 0.5/0.52) = 0.96 -> p as well
    assert MODELS["nash"](from_data(data)).outcome == {"deal": "p"}


def test_pareto_frontier_matches_brute_force() -> None:
    u = np.random.default_rng(1).random((400, 3))
    candidates = np.arange(400)
    brute = [k for k in candidates if not np.any(np.all(u >= u[k], axis=1) & np.any(u > u[k], axis=1))]
    assert list(pareto(u, candidates)) == brute


def test_too_many_packages_is_a_clear_error() -> None:
    data = {
        "name": "big",
        "issues": [{"id": f"i{k}", "options": [str(n) for n in range(10)]} for k in range(6)],
        "actors": [
            {
                "id": a,
                "capability": 1,
                "positions": {f"i{k}": {"position": "0", "salience": 1} for k in range(6)},
            }
            for a in ("A", "B")
        ],
    }
    with pytest.raises(ValueError, match="1,000,000 packages"):
        MODELS["nash"](from_data(data))

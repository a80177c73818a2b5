"""Nash bargaining over packages (Nash 1950; asymmetric form, Kalai 1977): the package that
maximises the product of the bargainers' gains over no deal, each raised to its bargaining power,

    x* = argmax_x  prod_i (U_i(x) - d_i) ^ w_i     over packages with U_i(x) > d_i for all i,

where w_i is capability (normalised; `weighted=False` for the symmetric solution). Bargainers are
the veto players, or every actor when none is named. With no package better than no deal for
everyone, the outcome is the status quo. Pure packages only: no lotteries between them."""

from __future__ import annotations

import numpy as np

from parley.forecast.models import register
from parley.forecast.models.packages import Space, pareto, space
from parley.forecast.result import Forecast
from parley.forecast.scenario import Scenario


@register("nash")
def forecast(scenario: Scenario, *, grid: int | None = None, weighted: bool = True) -> Forecast:
    s = space(scenario, grid=grid, weighted=weighted)
    gains = s.utility - s.disagreement
    feasible = s.feasible()
    if not len(feasible):
        return no_deal("nash", scenario, s, {"grid": grid, "weighted": weighted})
    score = (np.log(gains[feasible]) * s.weights).sum(axis=1)
    best = int(feasible[int(np.argmax(score))])
    return deal("nash", s, best, feasible, {"grid": grid, "weighted": weighted})


def deal(name: str, s: Space, best: int, feasible: np.ndarray, params: dict) -> Forecast:
    """The Forecast for a chosen package, with the frontier it was chosen from."""
    frontier = pareto(s.utility, feasible)
    return Forecast(
        model=name,
        params=params,
        outcome=s.package(best),
        diagnostics={
            "agreement": True,
            "bargainers": [a.id for a in s.actors],
            "utility": _by_actor(s, s.utility[best]),
            "disagreement": _by_actor(s, s.disagreement),
            "packages": len(s.packages),
            "better_than_no_deal": len(feasible),
            "pareto_frontier": [
                {"package": s.package(int(k)), "utility": _by_actor(s, s.utility[k])} for k in frontier[:50]
            ],
        },
    )


def no_deal(name: str, scenario: Scenario, s: Space, params: dict) -> Forecast:
    outcome = {i.id: i.status_quo for i in scenario.issues if i.status_quo is not None}
    return Forecast(
        model=name,
        params=params,
        outcome=outcome,  # type: ignore[arg-type]
        diagnostics={
            "agreement": False,
            "bargainers": [a.id for a in s.actors],
            "disagreement": _by_actor(s, s.disagreement),
            "packages": len(s.packages),
            "better_than_no_deal": 0,
        },
    )


def _by_actor(s: Space, values: np.ndarray) -> dict[str, float]:
    return {a.id: round(float(v), 6) for a, v in zip(s.actors, values, strict=True)}

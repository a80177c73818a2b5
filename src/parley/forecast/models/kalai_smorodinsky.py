"""Kalai-Smorodinsky bargaining over packages (Kalai & Smorodinsky 1975): the package that gives
every bargainer the same, largest possible share of its best attainable gain,

    x* = argmax_x  min_i (U_i(x) - d_i) / (b_i - d_i),   b_i = max over feasible x of U_i(x),

ties broken by the larger total gain, so the result lies on the Pareto frontier. Feasible are
packages every bargainer prefers to no deal. Bargainers, packages and utilities as in `nash`."""

from __future__ import annotations

import numpy as np

from parley.forecast.models import register
from parley.forecast.models.nash import deal, no_deal
from parley.forecast.models.packages import space
from parley.forecast.result import Forecast
from parley.forecast.scenario import Scenario


@register("ks")
def forecast(scenario: Scenario, *, grid: int | None = None) -> Forecast:
    s = space(scenario, grid=grid, weighted=False)
    gains = s.utility - s.disagreement
    feasible = s.feasible()
    if not len(feasible):
        return no_deal("ks", scenario, s, {"grid": grid})
    best_gain = gains[feasible].max(axis=0)
    share = (gains[feasible] / best_gain).min(axis=1)
    top = np.flatnonzero(share >= share.max() - 1e-9)
    pick = top[int(np.argmax(gains[feasible][top].sum(axis=1)))]
    f = deal("ks", s, int(feasible[pick]), feasible, {"grid": grid})
    f.diagnostics["ideal"] = {
        a.id: round(float(v + d), 6) for a, v, d in zip(s.actors, best_gain, s.disagreement, strict=True)
    }
    f.diagnostics["share_of_ideal_gain"] = round(float(share.max()), 6)
    return f

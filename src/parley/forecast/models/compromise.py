"""The compromise model: the capability x salience weighted mean of the positions (Achen 2006;
the EU decision-making studies found it hard to beat). Categorical issues: weighted plurality."""

from __future__ import annotations

import numpy as np

from parley.forecast.models import register
from parley.forecast.models.common import per_issue
from parley.forecast.result import Forecast
from parley.forecast.scenario import Scenario


def batch(cap: np.ndarray, pos: np.ndarray, sal: np.ndarray) -> np.ndarray:
    w = cap * sal
    return np.sum(w * pos, axis=-1) / np.sum(w, axis=-1)


@register("compromise", batch=batch)
def forecast(scenario: Scenario) -> Forecast:
    def rounds(cap: np.ndarray, pos: np.ndarray, sal: np.ndarray) -> list[np.ndarray]:
        return [pos]

    f = per_issue(scenario, "compromise", {}, rounds)
    for issue_id, h in f.history.items():
        f.outcome[issue_id] = h[0].mean
    return f

"""The weighted median: the position of the actor where half the capability x salience lies on
each side (Black's median voter with weights). Categorical issues: weighted plurality."""

from __future__ import annotations

import numpy as np

from parley.forecast.models import register
from parley.forecast.models.common import per_issue, weighted_median
from parley.forecast.result import Forecast
from parley.forecast.scenario import Scenario


def batch(cap: np.ndarray, pos: np.ndarray, sal: np.ndarray) -> np.ndarray:
    return weighted_median(pos, cap * sal)


@register("median", batch=batch)
def forecast(scenario: Scenario) -> Forecast:
    return per_issue(scenario, "median", {}, lambda cap, pos, sal: [pos])

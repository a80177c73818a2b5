"""Forecasting: bargaining models over a scenario of actors, issues, positions and salience.

scenario.py   the scenario (ranges, veto players, acceptable sets, linked packages)
readers.py    YAML, KTAB CSV and one-issue CSV in; YAML out
models/       the models, one module each, registered by name, one `forecast` contract
montecarlo.py outcome distributions, probability of agreement, tornado sensitivity
draft.py      a draft scenario from a negotiation case, traced to its evidence
"""

from parley.forecast.models import MODELS, get, parameters, rounds_parameter
from parley.forecast.readers import load, to_yaml
from parley.forecast.result import Forecast, Round
from parley.forecast.scenario import Scenario, ScenarioError

__all__ = [
    "MODELS",
    "Forecast",
    "Round",
    "Scenario",
    "ScenarioError",
    "get",
    "load",
    "parameters",
    "rounds_parameter",
    "to_yaml",
]

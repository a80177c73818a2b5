"""The bargaining models, registered by name. Every model is a function

    forecast(scenario: Scenario, *, <keyword-only parameters with defaults>) -> Forecast

in a module of this package, registered with `@register("name")`. Importing this package
imports every model module, so `MODELS` lists them all.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

import numpy as np

from parley.forecast.result import Forecast
from parley.forecast.scenario import Scenario

Model = Callable[..., Forecast]
MODELS: dict[str, Model] = {}


def register(name: str, *, batch: Callable[..., np.ndarray] | None = None) -> Callable[[Model], Model]:
    """Register a model. `batch`, for models that treat each continuous issue on its own, runs
    many draws at once for the Monte Carlo: batch(capability[B, n], position[B, n],
    salience[B, n], **params) -> outcome[B], with the same keyword parameters as the model."""

    def add(fn: Model) -> Model:
        if name in MODELS:
            raise ValueError(f"model {name!r} registered twice")
        fn.model_name = name  # type: ignore[attr-defined]
        fn.batch = batch  # type: ignore[attr-defined]
        MODELS[name] = fn
        return fn

    return add


def get(name: str) -> Model:
    if name not in MODELS:
        raise KeyError(f"unknown model {name!r}; known: {', '.join(sorted(MODELS))}")
    return MODELS[name]


def parameters(fn: Model) -> dict[str, inspect.Parameter]:
    """A model's keyword-only parameters."""
    return {
        n: p for n, p in inspect.signature(fn).parameters.items() if p.kind is inspect.Parameter.KEYWORD_ONLY
    }


def rounds_parameter(fn: Model) -> str:
    """The name under which a model takes its number of rounds (BDM: rounds; SMP: turns)."""
    for name in ("rounds", "turns"):
        if name in parameters(fn):
            return name
    raise ValueError(f"model {fn.model_name!r} has no rounds")  # type: ignore[attr-defined]


for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")

__all__ = ["MODELS", "Forecast", "Model", "Scenario", "get", "parameters", "register", "rounds_parameter"]

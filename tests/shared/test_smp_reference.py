"""The SMP against KTAB's own reference runs (../shared/data/bargaining/ktab): every actor's
position on every dimension at every turn within 0.1 (on KTAB's 0-100 scale), the same number
of turns, and the risk attitudes and position probabilities printed in KTAB's logs."""

import csv
import re
import time
from pathlib import Path

import numpy as np
import pytest

from parley.forecast.models import get
from parley.forecast.readers import load

pytestmark = pytest.mark.shared

smp = get("smp")


def ktab(shared: Path) -> Path:
    return shared / "data" / "bargaining" / "ktab"


def reference_positions(path: Path) -> dict[tuple[str, str], list[float]]:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    turns = sorted((k for k in rows[0] if re.fullmatch(r"t\d+", k)), key=lambda k: int(k[1:]))
    return {(r["actor"].strip(), r["dimension"].strip()): [float(r[t]) for t in turns] for r in rows}


@pytest.mark.parametrize("name", ["dummyData_3Dim", "SOE-Pol-Comp", "SOE-Policy"])
def test_positions_by_turn(shared, name):
    ref = reference_positions(ktab(shared) / f"{name}_positions_by_turn.csv")
    f = smp(load(ktab(shared) / f"{name}.csv"))
    n_turns = len(next(iter(ref.values()))) - 1
    assert f.diagnostics["turns"] == n_turns and f.diagnostics["converged"]
    worst = [0.0] * (n_turns + 1)
    for (actor, dim), want in ref.items():
        got = [r.positions[actor] for r in f.history[dim]]
        assert len(got) == len(want)
        for t, (g, w) in enumerate(zip(got, want, strict=True)):
            worst[t] = max(worst[t], abs(g - w))
    # the reference is printed to one decimal, so 0.05 is the rounding; 0.1 is the target
    assert max(worst) <= 0.1, [round(w, 3) for w in worst]


def test_soe_policy_settles_between_15_and_45(shared):
    f = smp(load(ktab(shared) / "SOE-Policy.csv"))
    (issue,) = f.history
    assert all(15 <= v <= 45 for v in f.history[issue][10].positions.values())


def log_blocks(text: list[str], header: str, n: int) -> list[list[float]]:
    """Every block of n one-number lines after a header line."""
    return [
        [float(text[k + 1 + a]) for a in range(n)] for k, line in enumerate(text) if line.startswith(header)
    ]


@pytest.mark.parametrize("name", ["dummyData_3Dim", "SOE-Pol-Comp"])
def test_intermediate_quantities_match_the_log(shared, name):
    sc = load(ktab(shared) / f"{name}.csv")
    n = len(sc.actors)
    text = (ktab(shared) / f"20170530_ref-{name}.txt").read_text(encoding="utf-8").splitlines()
    f = smp(sc)
    ids = [a.id for a in sc.actors]

    # risk attitudes inferred in every state (printed to 3 decimals)
    risks = log_blocks(text, "Inferred risk attitudes", n)
    assert len(risks) == f.diagnostics["turns"] + 1
    assert risks[-1] == pytest.approx([f.diagnostics["risk_attitude"][a] for a in ids], abs=5.1e-4)

    # each actor's position probability per turn (printed to 4 decimals)
    start = next(k for k, line in enumerate(text) if line.startswith("History of actors' winning"))
    want = np.array([[float(x) for x in text[start + 1 + i].split(":")[1].split()] for i in range(n)])
    hist = f.diagnostics["position_probability_history"]
    got = np.array([[h[a] for h in hist] for a in ids])
    assert np.max(np.abs(got - want)) <= 5.1e-5

    # every challenge: target and the challenger's estimates (printed to 3 and 4 decimals)
    pattern = re.compile(r"In turn (\d+) actor (\d+) has most advantageous target (\d+) worth ([-\d.]+)")
    logged = {(int(t), int(i)): (int(j), float(g)) for t, i, j, g in pattern.findall("\n".join(text))}
    ours = {
        (t, ids.index(a)): (ids.index(c["target"]), c["gain"])
        for t, turn in enumerate(f.diagnostics["challenges"])
        for a, c in turn.items()
    }
    assert set(logged) == set(ours)
    for key, (j, g) in logged.items():
        assert ours[key][0] == j and ours[key][1] == pytest.approx(g, abs=5.1e-4)


@pytest.mark.parametrize("size", ["040", "080", "160"])
def test_larger_scenarios_run_in_reasonable_time(shared, size):
    sc = load(ktab(shared) / f"dummyData-a{size}.csv")
    t0 = time.perf_counter()
    f = smp(sc)
    assert time.perf_counter() - t0 < 60
    assert f.diagnostics["converged"]
    (issue,) = f.history
    assert all(0 <= v <= 100 for r in f.history[issue] for v in r.positions.values())

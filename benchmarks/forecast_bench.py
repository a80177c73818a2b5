"""`make bench`, forecasting part: SMP wall time by number of actors, and the Monte Carlo of the
10-actor BDM case, in one process on one core (BLAS threads pinned to one)."""

from __future__ import annotations

import os

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

from parley.forecast import MODELS, load  # noqa: E402
from parley.forecast.montecarlo import simulate  # noqa: E402
from parley.forecast.scenario import Param  # noqa: E402

KTAB_SOE_POLICY_SECONDS = 1.8  # KTAB's C++ smpc on SOE-Policy (26 actors), as the issue reports it


def with_ranges(scenario, spread: float = 0.2):  # type: ignore[no-untyped-def]
    """Every capability and salience given a range of +-spread around its value."""
    actors = []
    for a in scenario.actors:
        c = a.capability.value
        positions = {
            k: replace(
                p,
                salience=Param(
                    p.salience.value, p.salience.value * (1 - spread), p.salience.value * (1 + spread)
                ),
            )
            for k, p in a.positions.items()
        }
        actors.append(
            replace(a, capability=Param(c, c * (1 - spread), c * (1 + spread)), positions=positions)
        )
    return replace(scenario, actors=tuple(actors))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    args = ap.parse_args()
    data = args.shared / "data" / "bargaining"
    if not data.exists():
        print(f"the forecasting bench needs {data}; it is not there", file=sys.stderr)
        return 2
    print("\nSMP (KTAB's Spatial Model of Politics, default settings), one core\n")
    print(f"| {'scenario':<16} | {'actors':>6} | {'turns':>5} | {'seconds':>8} | {'vs KTAB C++ 1.8 s':>17} |")
    print(f"|{'-' * 18}|{'-' * 8}|{'-' * 7}|{'-' * 10}|{'-' * 19}|")
    for name in ("SOE-Policy", "dummyData-a040", "dummyData-a080", "dummyData-a160"):
        scenario = load(data / "ktab" / f"{name}.csv")
        t = time.perf_counter()
        f = MODELS["smp"](scenario)
        seconds = time.perf_counter() - t
        print(
            f"| {name:<16} | {len(scenario.actors):>6} | {f.rounds:>5} | {seconds:>8.2f} | "
            f"{seconds / KTAB_SOE_POLICY_SECONDS:>16.2f}x |"
        )
    emission = with_ranges(load(data / "bdm" / "emission_standards_BDM1994_ExampleActors.csv"))
    # the big three as veto players, accepting no worse than the status quo of 7 years
    issue = replace(emission.issues[0], status_quo=7.0)
    veto = {"Germany", "France", "UK"}
    emission = replace(
        emission, issues=(issue,), actors=tuple(replace(a, veto=a.id in veto) for a in emission.actors)
    )
    print("\nMonte Carlo, EC emission standards (10 actors), capability and salience +-20%, one core\n")
    print(f"| {'model':<10} | {'draws':>6} | {'seconds':>8} | {'draws/s':>9} | {'P(agreement)':>12} |")
    print(f"|{'-' * 12}|{'-' * 8}|{'-' * 10}|{'-' * 11}|{'-' * 14}|")
    for model, draws in (("bdm", 10_000), ("compromise", 10_000), ("smp", 200)):
        t = time.perf_counter()
        sim = simulate(emission, model, draws=draws, seed=0)
        seconds = time.perf_counter() - t
        print(
            f"| {model:<10} | {draws:>6} | {seconds:>8.2f} | {draws / seconds:>9.0f} | "
            f"{'n/a' if sim.agreement is None else f'{sim.agreement:.2f}':>12} |"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of the forecasting bench: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

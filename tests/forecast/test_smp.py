"""KTAB's Spatial Model of Politics on small scenarios written here."""

import json

import numpy as np
import pytest

from parley.forecast.models import get
from parley.forecast.models import smp_core as core
from parley.forecast.readers import from_data, from_ktab_csv
from parley.forecast.scenario import ScenarioError

smp = get("smp")


def scenario(actors, issues=None):
    """actors: (id, capability, {issue: (position, salience)})."""
    issues = issues or [{"id": "x", "kind": "continuous", "scale": {"min": 0, "max": 100}}]
    return from_data(
        {
            "name": "t",
            "issues": issues,
            "actors": [
                {
                    "id": a,
                    "capability": c,
                    "positions": {k: {"position": p, "salience": s} for k, (p, s) in pos.items()},
                }
                for a, c, pos in actors
            ],
        }
    )


def positions(f, issue, turn=-1):
    return f.history[issue][turn].positions


# KTAB's dummyData_3Dim input (MIT, KAPSARC) and, from its reference log, the risk attitudes it
# inferred at the start and the positions after the first turn (its bargains' coordinates)
DUMMY_3DIM = """DummyData_3Dim ,"Dummy scenario to test reading format",7,3,
Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,Pstn3,Sal3,
SActor-00, Random Spatial Actor, 102.543, 75.79, 49.53,  6.37,  5.91, 70.45, 28.15,
SActor-01, Random Spatial Actor,  53.393, 82.72, 30.33, 73.50, 21.22, 64.00, 24.79,
SActor-02, Random Spatial Actor, 129.643, 82.45, 48.47, 90.89, 13.55,  0.07, 34.62,
SActor-03, Random Spatial Actor,  75.920, 62.52, 20.76, 50.82, 39.24, 62.33, 22.21,
SActor-04, Random Spatial Actor,  63.224, 82.34, 40.96, 45.77, 25.43, 73.31, 22.59,
SActor-05, Random Spatial Actor, 120.048, 84.48, 22.92, 33.70, 39.35, 88.11, 15.42,
SActor-06, Random Spatial Actor,  54.178, 70.96, 31.75, 33.46, 27.93, 90.36, 26.03,
"""
KTAB_RISK_T0 = [-0.500, -0.459, -0.499, -0.274, 1.000, -0.232, -0.430]
KTAB_T1 = [
    [79.54, 44.71, 72.05],
    [78.93, 56.33, 72.52],
    [82.45, 90.89, 0.07],
    [65.82, 50.76, 63.02],
    [79.54, 44.72, 72.05],
    [84.39, 34.05, 86.34],
    [75.61, 24.79, 71.95],
]


def test_first_turn_matches_ktab_log():
    sc = from_ktab_csv(DUMMY_3DIM)
    f = smp(sc, turns=1)
    dims = ["Pstn1", "Pstn2", "Pstn3"]
    got = [[positions(f, d)[a.id] for d in dims] for a in sc.actors]
    assert np.allclose(got, KTAB_T1, atol=1e-6)
    _, _, cap, pos, sal = sc.matrices()
    a = core.assess(pos / 100, sal / 100, cap, core.Settings())
    assert np.allclose(a.risk, KTAB_RISK_T0, atol=5e-4)


def test_identical_actors_do_not_move():
    sc = scenario([("A", 50, {"x": (30, 0.5)}), ("B", 50, {"x": (30, 0.5)})])
    f = smp(sc)
    assert all(r.positions == {"A": 30.0, "B": 30.0} for r in f.history["x"])
    assert f.outcome["x"] == pytest.approx(30.0)
    assert f.diagnostics["converged"] is True
    assert f.diagnostics["challenges"] == [{}] * f.diagnostics["turns"]


def test_everyone_agreeing_on_several_issues_is_stable():
    issues = [{"id": k, "kind": "continuous"} for k in ("a", "b")]
    sc = scenario(
        [(n, c, {"a": (60, 20), "b": (10, 40)}) for n, c in [("P", 10), ("Q", 80), ("R", 5)]], issues
    )
    f = smp(sc, turns=3)
    assert [r.positions["Q"] for r in f.history["a"]] == [60.0] * 4
    assert all(v == 0.0 for v in f.diagnostics["risk_attitude"].values())


def random_scenario(seed, n=6, dims=2, low=-5.0, high=5.0):
    rng = np.random.default_rng(seed)
    issues = [{"id": f"d{k}", "kind": "continuous", "scale": {"min": low, "max": high}} for k in range(dims)]
    actors = [
        (
            f"a{i}",
            float(rng.uniform(5, 200)),
            {f"d{k}": (float(rng.uniform(low, high)), float(rng.uniform(5, 45))) for k in range(dims)},
        )
        for i in range(n)
    ]
    return scenario(actors, issues)


@pytest.mark.parametrize("seed", range(5))
def test_positions_stay_on_the_scale(seed):
    sc = random_scenario(seed)
    f = smp(sc)
    for issue in ("d0", "d1"):
        first = f.history[issue][0].positions
        assert first == {a.id: a.positions[issue].position.value for a in sc.actors}
        for r in f.history[issue]:
            assert all(-5.0 <= v <= 5.0 for v in r.positions.values())
            assert -5.0 <= r.median <= 5.0 and -5.0 <= r.mean <= 5.0
        assert f.outcome[issue] == pytest.approx(f.history[issue][-1].mean)


def test_scale_does_not_matter():
    """The same scenario on 0-100 and on 1990-2010 gives the same moves, rescaled."""
    base = random_scenario(7, low=0.0, high=100.0)
    years = random_scenario(7, low=0.0, high=100.0)
    years = scenario(
        [
            (
                a.id,
                a.capability.value,
                {k: (1990 + p.position.value / 5, p.salience.value) for k, p in a.positions.items()},
            )
            for a in years.actors
        ],
        [{"id": k, "kind": "continuous", "scale": {"min": 1990, "max": 2010}} for k in ("d0", "d1")],
    )
    f1, f2 = smp(base, turns=4), smp(years, turns=4)
    for k in ("d0", "d1"):
        for r1, r2 in zip(f1.history[k], f2.history[k], strict=True):
            for a in r1.positions:
                assert 1990 + r1.positions[a] / 5 == pytest.approx(r2.positions[a], abs=1e-6)


def test_percent_and_fraction_saliences_agree():
    a = random_scenario(3, low=0.0, high=100.0)
    b = scenario(
        [
            (
                x.id,
                x.capability.value,
                {k: (p.position.value, p.salience.value / 100) for k, p in x.positions.items()},
            )
            for x in a.actors
        ],
        [{"id": k, "kind": "continuous"} for k in ("d0", "d1")],
    )
    fa, fb = smp(a), smp(b)
    assert fa.diagnostics["salience_scale"] == "percent" and fb.diagnostics["salience_scale"] == "fraction"
    for k in ("d0", "d1"):
        assert [r.positions for r in fa.history[k]] == [r.positions for r in fb.history[k]]
        assert fa.outcome[k] == pytest.approx(fb.outcome[k])


def test_saliences_over_one_are_rescaled():
    sc = scenario(
        [
            ("A", 40, {"a": (20, 1.0), "b": (80, 1.0)}),
            ("B", 60, {"a": (70, 1.0), "b": (30, 0.5)}),
            ("C", 30, {"a": (50, 0.2), "b": (50, 0.2)}),
        ],
        [{"id": "a", "kind": "continuous"}, {"id": "b", "kind": "continuous"}],
    )
    f = smp(sc)
    assert f.diagnostics["salience_rescaled"] == 2
    assert all(0 <= v <= 100 for h in f.history.values() for r in h for v in r.positions.values())


def test_a_dominant_actor_pulls_the_others():
    sc = scenario(
        [
            ("BIG", 1000, {"x": (80, 0.9)}),
            ("S1", 10, {"x": (20, 0.5)}),
            ("S2", 10, {"x": (35, 0.5)}),
            ("S3", 10, {"x": (10, 0.6)}),
        ]
    )
    f = smp(sc)
    first, last = positions(f, "x", 0), positions(f, "x")
    for a in ("S1", "S2", "S3"):
        assert abs(last[a] - 80) < abs(first[a] - 80)
    assert abs(last["BIG"] - 80) < 5
    assert f.outcome["x"] > 70


def test_deterministic_and_seeded():
    sc = random_scenario(11, n=8)
    assert smp(sc).to_data() == smp(sc).to_data()
    s1 = smp(sc, state_transitions="Stochastic", seed=5, turns=6)
    s2 = smp(sc, state_transitions="Stochastic", seed=5, turns=6)
    assert s1.to_data() == s2.to_data()


def test_fixed_turns_and_diagnostics():
    sc = random_scenario(2)
    f = smp(sc, turns=3)
    assert f.rounds == 3 and len(f.history["d0"]) == 4
    assert f.diagnostics["turns"] == 3 and f.diagnostics["converged"] is False
    assert len(f.diagnostics["position_probability_history"]) == 4
    json.dumps(f.to_data())  # plain data
    probs = f.diagnostics["position_probability"]
    assert set(probs) == {a.id for a in sc.actors}


@pytest.mark.parametrize(
    "option",
    [
        {"victory_prob_model": "Octic"},
        {"victory_prob_model": "Binary"},
        {"voting_rule": "PropCbc"},
        {"voting_rule": "ASymProsp"},
        {"voting_rule": "Binary"},
        {"pce_model": "MarkovIncentive"},
        {"pce_model": "MarkovUniform"},
        {"big_r_range": "Max"},
        {"big_r_adjust": "Full"},
        {"third_party_commit": "NoCommit"},
        {"inter_vec_brgn": "S2PMax"},
        {"inter_vec_brgn": "S1P1", "bargn_model": "InitRcvrInterp"},
        {"bargn_model": "PWCompInterp"},
        {"state_transitions": "Stochastic"},
    ],
)
def test_every_ktab_option_runs(option):
    f = smp(random_scenario(4, low=0.0, high=10.0), **option)
    assert all(0 <= v <= 10 for h in f.history.values() for r in h for v in r.positions.values())
    assert f.params[next(iter(option))] == next(iter(option.values()))


def test_option_names_are_checked():
    sc = random_scenario(1)
    assert smp(sc, voting_rule="prop", turns=1).params["voting_rule"] == "Prop"
    with pytest.raises(ScenarioError, match="voting_rule"):
        smp(sc, voting_rule="Majority")
    with pytest.raises(ScenarioError, match="turns"):
        smp(sc, turns=-1)


def test_needs_a_continuous_issue_and_keeps_categorical_ones():
    cat = [{"id": "c", "options": ["yes", "no"]}]
    only_cat = from_data(
        {
            "issues": cat,
            "actors": [
                {"id": "A", "capability": 1, "positions": {"c": {"position": "yes", "salience": 1}}},
                {"id": "B", "capability": 2, "positions": {"c": {"position": "no", "salience": 1}}},
            ],
        }
    )
    with pytest.raises(ScenarioError, match="continuous"):
        smp(only_cat)
    mixed = from_data(
        {
            "issues": [{"id": "x", "kind": "continuous"}, *cat],
            "actors": [
                {
                    "id": a,
                    "capability": c,
                    "positions": {"x": {"position": p, "salience": 0.5}, "c": {"position": o, "salience": 1}},
                }
                for a, c, p, o in [("A", 1, 20, "yes"), ("B", 3, 60, "no"), ("C", 1, 40, "yes")]
            ],
        }
    )
    f = smp(mixed)
    assert f.outcome["c"] == "no" and set(f.history) == {"x"}
    assert f.diagnostics["categorical_by_plurality"] == ["c"]


def test_core_pieces():
    # utility: linear when risk neutral, concave when risk averse
    assert core.utility(0.5, 0.0) == pytest.approx(0.5)
    assert core.utility(0.5, 1.0) == pytest.approx(0.75)
    # S2P2 bargain: weights s^2 p^2, rounded to 4 decimals
    bi, bj = core.interpolate(
        "S2P2", np.array([0.2]), np.array([0.5]), 0.75, np.array([0.6]), np.array([0.5]), 0.25
    )
    assert bi[0] == pytest.approx(0.24, abs=1e-4) and bj[0] == pytest.approx(0.24, abs=1e-4)
    # conditional PCE on two options: the stronger coalition's share
    c = np.array([[1e-8, 3.0], [1.0, 1e-8]])
    p, _ = core.option_probabilities("Conditional", "Linear", c)
    assert p == pytest.approx([0.75, 0.25], abs=1e-6)
    assert core.risk_from_probabilities(np.array([0.1, 0.3, 0.6]), "Mid") == pytest.approx([-0.5, 0.1, 1.0])

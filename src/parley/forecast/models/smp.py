"""KAPSARC's Spatial Model of Politics (SMP), the multi-dimensional bargaining model of the
KAPSARC Toolkit for Behavioral Analysis (KTAB; Wise, Lester & Efird; MIT licence, (c) 2015
King Abdullah Petroleum Studies and Research Center; github.com/KAPSARC/KTAB). This is an
independent Python implementation of its mathematics, checked against KTAB's own reference
logs (smpc 0.1, 30 May 2017): every actor's position on every dimension at every turn, the
inferred risk attitudes, the victory probabilities and expected gains of the challenges, the
bargain coordinates and the outcome probabilities agree to the logs' printed precision.

All continuous issues are modelled jointly; each actor i has a capability c_i, a position x_i
(each issue's scale mapped to [0, 1]) and saliences s_ik (fractions of its attention, total
S_i = sum_k s_ik <= 1). One turn:

1. Distance, as i sees it, from its ideal (its current position) to j's position:
   d_ij = sqrt(sum_k s_ik^2 (x_ik - x_jk)^2 / sum_k s_ik^2).
2. Utility for a risk attitude R in [-1, 1]: u(d, R) = (1 - d)(1 + R d).
3. Risk attitudes: with R = 0, every actor's position is an option in a probabilistic Condorcet
   election (PCE): votes v_k(a:b) = c_k (u_ka - u_kb) (VotingRule), coalition strengths
   C_ab = sum of positive votes, victory probabilities P_ab = C_ab / (C_ab + C_ba)
   (VictoryProbModel), outcome probabilities p_a (PCEModel; Conditional: prod_b P_ab,
   normalised). R_i rises linearly with p_i, onto [-1/2, 1] (BigRRange Mid:
   R = (3p - p_max - 2 p_min) / (2 (p_max - p_min))). Actor h perceives i's attitude as
   r_hi = (2 R_h + R_i) / 3 (BigRAdjust OneThird), hence its utility estimates
   U^h_ij = u(d_ij, r_hi).
4. Challenges: i estimates, from U^i, its chance of defeating j: i and j back themselves with
   effective power w = c S; each third party m weighs the little contest (i, j, m) and then
   votes w_m (E[u | m joins i] - E[u | m joins j]) (ThirdPartyCommit SemiCommit: m keeps its
   own position if its side wins), giving P^i(i > j). The expected gain of challenging is
   (1 - S_j) 2 U_ii + S_j (P 2 U_ii + (1 - P) 2 U_ij) - (U_ii + U_ij): j gives in with
   probability 1 - S_j, else they contest. i targets the j with the largest gain above 1e-5.
5. Bargains (InterVecBrgn S2P2, BargnModel InitOnlyInterp): per dimension, both parties are
   offered the interpolation of their positions weighted by s^2 P^2 (P for i, 1 - P for j),
   which approximates the Nash bargaining solution; rounded to 4 decimals as KTAB does.
6. Every actor then settles on one option, keeping its position or one of the bargains it is
   party to: each option is valued by every actor as the mean of its utilities for all n
   positions after it, and a PCE over these options (votes weighted by capability) picks the
   likeliest (StateTransitions Deterministic).

The run stops, as KTAB's does, once a turn moves the actors (sum of Euclidean moves) less than
2% of what the first turn moved them, after at least 2 turns and at most `max_turns` (KTAB: 100),
unless `turns` fixes the number. The other KTAB options are implemented as KTAB defines them,
including two quirks its logs confirm (see smp_core.make_bargains) in the non-default bargain
models. With the default, deterministic settings nothing is random. StateTransitions
"Stochastic" draws each actor's option from its probabilities with numpy's generator (`seed`);
it cannot reproduce KTAB's stochastic runs: KTAB draws from its own mt19937_64-based stream,
and its draw walks each actor's list of bargains, whose order in KTAB's multi-threaded build
depended on thread scheduling (the reference log's bargain ids are not in actor order).

Parley's mapping: saliences above 1 anywhere in the scenario are read as percentages (KTAB's
0-100, divided by 100); an actor whose saliences add up to more than 1 has them scaled to add up
to 1 (KTAB's readers refuse such actors). When every position is equally likely (e.g. all
actors agree) the risk attitudes are 0, where KTAB would divide by zero. The outcome of an issue
is the capability x salience weighted mean of the final positions (KTAB reports positions, not
one outcome); each round's median and mean are weighted the same way. Categorical issues are
outside the SMP and settled by weighted plurality, as in the other models.

References: KTAB's source and documentation (github.com/KAPSARC/KTAB: examples/smp, kmodel);
B. Efird, L. Lester & B. Wise (2016), J. East Asian Studies 16:117-145 (the SOE-Policy case).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parley.forecast.models import register
from parley.forecast.models import smp_core as core
from parley.forecast.models.common import weighted_median, weighted_plurality
from parley.forecast.result import Forecast, Round
from parley.forecast.scenario import Scenario, ScenarioError


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    """KTAB's option names, matched without regard to case."""
    for a in allowed:
        if str(value).lower() == a.lower():
            return a
    raise ScenarioError(f"smp: {name}={value!r} is not one of {', '.join(allowed)}")


def _scaled_saliences(sal: np.ndarray, where: str) -> tuple[np.ndarray, dict[str, Any]]:
    """Saliences as fractions of each actor's attention (see the module docstring)."""
    note: dict[str, Any] = {"salience_scale": "fraction"}
    if np.any(sal < 0):
        raise ScenarioError(f"{where}: smp: saliences must not be negative")
    if np.max(sal) > 1.0:
        sal = sal / 100.0
        note["salience_scale"] = "percent"
    total = sal.sum(axis=1)
    if np.any(total <= 0):
        raise ScenarioError(f"{where}: smp: every actor needs a positive salience on some continuous issue")
    over = total > 1.0
    if np.any(over):
        sal = sal / np.where(over, total, 1.0)[:, None]
        note["salience_rescaled"] = int(over.sum())
    return sal, note


def _r(x: float) -> float | None:
    return None if not np.isfinite(x) else round(float(x), 6)


@register("smp")
def forecast(
    scenario: Scenario,
    *,
    victory_prob_model: str = "Linear",
    voting_rule: str = "Prop",
    pce_model: str = "Conditional",
    state_transitions: str = "Deterministic",
    big_r_range: str = "Mid",
    big_r_adjust: str = "OneThird",
    third_party_commit: str = "SemiCommit",
    inter_vec_brgn: str = "S2P2",
    bargn_model: str = "InitOnlyInterp",
    turns: int | None = None,
    max_turns: int = 100,
    seed: int = 0,
) -> Forecast:
    """Run KTAB's SMP on all continuous issues of the scenario. The string parameters take
    KTAB's option names (its defaults shown); `turns` fixes the number of turns, else the run
    stops by KTAB's rule within `max_turns`; `seed` matters only for Stochastic transitions."""
    where = scenario.source or scenario.name
    st = core.Settings(
        victory=_choice("victory_prob_model", victory_prob_model, core.VICTORY_MODELS),
        voting=_choice("voting_rule", voting_rule, core.VOTING_RULES),
        pce=_choice("pce_model", pce_model, core.PCE_MODELS),
        transitions=_choice("state_transitions", state_transitions, core.STATE_TRANSITIONS),
        r_range=_choice("big_r_range", big_r_range, core.BIG_R_RANGES),
        r_adjust=_choice("big_r_adjust", big_r_adjust, core.BIG_R_ADJUSTS),
        commit=_choice("third_party_commit", third_party_commit, core.THIRD_PARTY_COMMITS),
        interp=_choice("inter_vec_brgn", inter_vec_brgn, core.INTER_VEC_BARGAINS),
        bargain=_choice("bargn_model", bargn_model, core.BARGAIN_MODELS),
    )
    if turns is not None and (int(turns) != turns or turns < 0):
        raise ScenarioError(f"smp: turns must be a whole number >= 0, got {turns!r}")
    if int(max_turns) != max_turns or max_turns < 1:
        raise ScenarioError(f"smp: max_turns must be a whole number >= 1, got {max_turns!r}")
    params: dict[str, Any] = {
        "victory_prob_model": st.victory,
        "voting_rule": st.voting,
        "pce_model": st.pce,
        "state_transitions": st.transitions,
        "big_r_range": st.r_range,
        "big_r_adjust": st.r_adjust,
        "third_party_commit": st.commit,
        "inter_vec_brgn": st.interp,
        "bargn_model": st.bargain,
        "turns": turns,
        "max_turns": int(max_turns),
        "seed": seed,
    }

    issues = scenario.continuous
    if not issues:
        raise ScenarioError(f"{where}: smp models continuous issues, and this scenario has none")
    ids, issue_ids, cap, pos, sal_raw = scenario.matrices()
    if np.any(cap < 0):
        raise ScenarioError(f"{where}: smp: capabilities must not be negative")
    low = np.array([i.low for i in issues])
    span = np.array([i.span for i in issues])
    x = np.clip((pos - low) / span, 0.0, 1.0)
    sal, note = _scaled_saliences(sal_raw, where)

    run = core.run(
        x, sal, cap, st, turns=None if turns is None else int(turns), max_turns=int(max_turns), seed=seed
    )

    history: dict[str, list[Round]] = {}
    outcome: dict[str, float | str] = {}
    for d, issue_id in enumerate(issue_ids):
        w = cap * sal_raw[:, d]
        if w.sum() <= 0:
            w = np.ones_like(w)
        rounds = []
        for p in run.positions:
            v = low[d] + p[:, d] * span[d]
            rounds.append(
                Round(
                    positions=dict(zip(ids, map(float, v), strict=True)),
                    median=float(weighted_median(v, w)[0]),
                    mean=float(np.sum(w * v) / np.sum(w)),
                )
            )
        history[issue_id] = rounds
        outcome[issue_id] = rounds[-1].mean
    for issue in scenario.categorical:
        outcome[issue.id] = weighted_plurality(scenario, issue.id)

    def by_actor(values: np.ndarray) -> dict[str, float | None]:
        return {a: _r(v) for a, v in zip(ids, values, strict=True)}

    diagnostics: dict[str, Any] = {
        "turns": len(run.turns),
        "converged": run.converged,
        "stop_rule": "move < 2% of the first turn's, after >= 2 turns" if turns is None else "fixed turns",
        "change_ratio": [_r(r) for r in run.change_ratios],
        "risk_attitude": by_actor(run.final_risk),
        "position_probability": by_actor(run.final_position_prob),
        "position_probability_history": [by_actor(t.position_prob) for t in run.turns]
        + [by_actor(run.final_position_prob)],
        "challenges": [
            {
                ids[i]: {"target": ids[int(j)], "p_win": _r(t.win_prob[i]), "gain": _r(t.gains[i])}
                for i, j in enumerate(t.targets)
                if j >= 0
            }
            for t in run.turns
        ],
        "categorical_by_plurality": [i.id for i in scenario.categorical],
        **note,
    }
    return Forecast(model="smp", params=params, outcome=outcome, history=history, diagnostics=diagnostics)

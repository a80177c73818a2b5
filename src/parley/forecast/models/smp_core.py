"""The numerical engine of the Spatial Model of Politics (see `smp.py` for the model's story and
its sources). Everything here works on KTAB's internal scale: positions and saliences in [0, 1].

Shapes: n actors, d dimensions. `A[h, i, j]` is actor h's estimate of the utility to actor i of
actor j's position (KTAB's `aUtil[h](i, j)`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

# -- the options, by KTAB's names ------------------------------------------------------------------

VICTORY_MODELS = ("Linear", "Square", "Quartic", "Octic", "Binary")
VOTING_RULES = ("Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp")
PCE_MODELS = ("Conditional", "MarkovIncentive", "MarkovUniform")
STATE_TRANSITIONS = ("Deterministic", "Stochastic")
BIG_R_RANGES = ("Min", "Mid", "Max")
BIG_R_ADJUSTS = ("None", "OneThird", "Half", "TwoThirds", "Full")
THIRD_PARTY_COMMITS = ("NoCommit", "SemiCommit", "FullCommit")
INTER_VEC_BARGAINS = ("S1P1", "S2P2", "S2PMax")
BARGAIN_MODELS = ("InitOnlyInterp", "InitRcvrInterp", "PWCompInterp")

# small constants of the method (KTAB uses the same values; they keep 0/0 away)
MIN_COALITION = 1e-8  # floor of every coalition strength over options
MIN_CONTEST = 1e-10  # floor of each side's strength in a two-actor contest
MIN_GAIN = 1e-5  # an expected gain below this is no reason to challenge
MIN_BARGAIN_WEIGHT = 1e-6  # keeps the interpolated bargain defined when neither side has weight
BINARY_STEP = 1e-8  # utility difference at which a binary vote saturates
POSITION_TOL = 1e-3  # positions closer than this (on [0, 1]) count as the same option


@dataclass(frozen=True)
class Settings:
    victory: str = "Linear"
    voting: str = "Prop"
    pce: str = "Conditional"
    transitions: str = "Deterministic"
    r_range: str = "Mid"
    r_adjust: str = "OneThird"
    commit: str = "SemiCommit"
    interp: str = "S2P2"
    bargain: str = "InitOnlyInterp"


# -- utilities --------------------------------------------------------------------------------------


def distances(pos: np.ndarray, sal: np.ndarray) -> np.ndarray:
    """D[i, j]: the salience-weighted distance from i's ideal (its position) to j's position, as
    i sees it: sqrt(sum_k (s_ik d_k)^2 / sum_k s_ik^2). On [0, 1]^d it stays in [0, 1]."""
    diff = pos[:, None, :] - pos[None, :, :]
    w2 = sal**2
    return np.sqrt(np.sum((diff**2) * w2[:, None, :], axis=2) / np.sum(w2, axis=1)[:, None])


def distance_to(pos: np.ndarray, sal: np.ndarray, points: np.ndarray) -> np.ndarray:
    """[n, m]: the weighted distance from each actor's position to each of m points [m, d]."""
    diff = pos[:, None, :] - points[None, :, :]
    w2 = sal**2
    return np.sqrt(np.sum((diff**2) * w2[:, None, :], axis=2) / np.sum(w2, axis=1)[:, None])


def utility(dist: np.ndarray, risk: np.ndarray | float) -> np.ndarray:
    """Utility of a distance for a normalised risk attitude R in [-1, 1]: (1 - d)(1 + d R), a
    quadratic that is linear when R = 0, concave (risk averse) when R > 0. Past d = 1, which only
    round-off reaches, the curve continues as the straight line (1 - d)(1 + R)."""
    dist = np.asarray(dist, dtype=float)
    return np.where(dist <= 1.0, (1.0 - dist) * (1.0 + dist * risk), (1.0 - dist) * (1.0 + risk))


# -- votes, coalitions, victory probabilities ----------------------------------------------------


def vote(rule: str, weight: Any, u_a: Any, u_b: Any) -> np.ndarray:
    """An actor's vote for option a over option b (negative: for b), weight times a response to
    the utility difference."""
    du = np.asarray(u_a, dtype=float) - np.asarray(u_b, dtype=float)
    if rule == "Prop":
        return weight * du
    if rule == "Binary":
        return weight * np.clip(du / BINARY_STEP, -1.0, 1.0)
    if rule == "PropBin":  # mostly proportional, with a step at zero
        return weight * (0.8 * du + 0.2 * np.clip(du / BINARY_STEP, -1.0, 1.0))
    if rule == "PropCbc":
        return weight * (0.5 * du + 0.5 * du**3)
    if rule == "Cubic":
        return weight * du**3
    if rule == "ASymProsp":  # gains count two thirds as much as losses (prospect theory)
        return np.where(du > 0, 2.0 * weight * du / 3.0, weight * du)
    raise ValueError(f"unknown voting rule {rule!r}")


def coalitions(rule: str, weight: np.ndarray, util: np.ndarray) -> np.ndarray:
    """C[a, b]: the strength of the coalition for option a against option b, given each actor's
    weight [n] and utilities util[n, m] of the m options. Each pair is tallied once, from the vote
    for the higher-numbered option over the lower one (this matters only for asymmetric rules)."""
    m = util.shape[1]
    pro = np.zeros((m, m))  # pro[a, b]: summed votes for a over b
    con = np.zeros((m, m))  # con[a, b]: summed votes for b over a, from the same ballots
    step = max(1, 2_000_000 // max(1, m * m))
    for k0 in range(0, util.shape[0], step):
        u = util[k0 : k0 + step]
        v = vote(rule, weight[k0 : k0 + step, None, None], u[:, :, None], u[:, None, :])
        pro += np.sum(np.where(v > 0, v, 0.0), axis=0)
        con += np.sum(np.where(v < 0, -v, 0.0), axis=0)
    lower = np.tril(np.ones((m, m), dtype=bool), -1)
    c = np.where(lower, pro, con.T) + MIN_COALITION
    np.fill_diagonal(c, MIN_COALITION)
    return c


def victory(model: str, s1: np.ndarray, s2: np.ndarray) -> np.ndarray:
    """Probability that strength s1 beats strength s2."""
    if model == "Binary":  # a 10% edge wins outright; linear in between so round-off cannot flip it
        thresh, tiny = 1.10, 1e-6
        r = s1 / (s1 + s2)
        mid = (r * (thresh + 1.0) - 1.0) / (thresh - 1.0)
        x1 = np.where(s1 >= thresh * s2, 1.0, np.where(s2 >= thresh * s1, tiny, mid))
        x2 = np.where(s1 >= thresh * s2, tiny, np.where(s2 >= thresh * s1, 1.0, 1.0 - mid))
    else:
        power = {"Linear": 1, "Square": 2, "Quartic": 4, "Octic": 8}[model]
        x1, x2 = s1**power, s2**power
    return x1 / (x1 + x2)


def victory_matrix(model: str, c: np.ndarray) -> np.ndarray:
    """P[a, b] = Prob(a beats b) from the coalition strengths; P[a, a] = 1/2."""
    p = victory(model, c, c.T)
    np.fill_diagonal(p, 0.5)
    return p


def option_probabilities(pce: str, victory_model: str, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A probabilistic Condorcet election over the options: (Prob(option a is the outcome),
    the pairwise victory matrix)."""
    pv = victory_matrix(victory_model, c)
    m = len(pv)
    if pce == "Conditional":  # a beats every rival in one round, given that some option does
        p = np.prod(pv, axis=1)
        return p / p.sum(), pv
    if pce == "MarkovUniform":  # every option challenges the favourite equally often
        p = np.full(m, 1.0 / m)
        for _ in range(1000):
            q = (pv @ p + pv.sum(axis=1) * p) / m
            change = np.max(np.abs(q - p))
            p = (p + q) / 2.0
            if change <= 1e-6:
                break
        return p, pv
    if pce == "MarkovIncentive":  # challenges come in proportion to the incentive to make them
        inc = c * pv
        inc[np.diag_indices(m)] += 1e-10
        chlg = inc / inc.sum(axis=0, keepdims=True)  # chlg[a, b]: a is the one to challenge b
        p = np.full(m, 1.0 / m)
        for _ in range(10_000):
            ct = p[:, None] * chlg.T
            q = np.sum(pv * (ct + ct.T), axis=1)
            change = np.max(np.abs(q - p))
            p = (p + q) / 2.0
            if change <= 1e-8:
                break
        return p, pv
    raise ValueError(f"unknown PCE model {pce!r}")


# -- risk attitudes --------------------------------------------------------------------------------


def risk_from_probabilities(p: np.ndarray, r_range: str) -> np.ndarray:
    """Actors whose positions are likely to win can afford to be risk averse; the least likely
    are risk acceptant. Linear in the probability, onto [0, 1] (Min), [-1/2, 1] (Mid) or [-1, 1]
    (Max). When every position is equally likely there is nothing to infer: all neutral (0)."""
    lo, hi = float(np.min(p)), float(np.max(p))
    if hi - lo <= 0.0:
        return np.zeros_like(p)
    if r_range == "Min":
        return (p - lo) / (hi - lo)
    if r_range == "Mid":
        return (3.0 * p - (hi + 2.0 * lo)) / (2.0 * (hi - lo))
    if r_range == "Max":
        return (2.0 * p - (hi + lo)) / (hi - lo)
    raise ValueError(f"unknown BigRRange {r_range!r}")


def perceived_risk(risk: np.ndarray, adjust: str) -> np.ndarray:
    """RH[h, i]: h's estimate of i's risk attitude, anchored on h's own and adjusted toward i's."""
    rh, ri = risk[:, None], risk[None, :]
    if adjust == "None":
        return np.broadcast_to(rh, (len(risk), len(risk))).copy()
    if adjust == "OneThird":
        return (2.0 * rh + ri) / 3.0
    if adjust == "Half":
        return (rh + ri) / 2.0
    if adjust == "TwoThirds":
        return (rh + 2.0 * ri) / 3.0
    if adjust == "Full":
        return np.broadcast_to(ri, (len(risk), len(risk))).copy()
    raise ValueError(f"unknown BigRAdjust {adjust!r}")


@dataclass
class Assessment:
    """What the actors believe in one state."""

    dist: np.ndarray  # D[i, j]
    risk: np.ndarray  # R[i], inferred from the risk-neutral outcome probabilities
    A: np.ndarray  # A[h, i, j], h's estimate of i's utility for j's position
    neutral_prob: np.ndarray  # risk-neutral probability of each actor's position


def assess(pos: np.ndarray, sal: np.ndarray, cap: np.ndarray, st: Settings) -> Assessment:
    dist = distances(pos, sal)
    neutral = utility(dist, 0.0)
    # each actor's position is an option; votes weighted by capability alone
    c = coalitions(st.voting, cap, neutral)
    p, _ = option_probabilities(st.pce, st.victory, c)
    risk = risk_from_probabilities(p, st.r_range)
    rh = perceived_risk(risk, st.r_adjust)
    A = utility(dist[None, :, :], rh[:, :, None])
    return Assessment(dist=dist, risk=risk, A=A, neutral_prob=p)


# -- challenges ------------------------------------------------------------------------------------


def _contest_strengths(
    uii: np.ndarray,
    uij: np.ndarray,
    uji: np.ndarray,
    ujj: np.ndarray,
    umi: np.ndarray,
    umj: np.ndarray,
    umm: np.ndarray,
    wi: np.ndarray,
    wj: np.ndarray,
    wm: np.ndarray,
    third: np.ndarray,
    st: Settings,
) -> np.ndarray:
    """Prob(i beats j) from one estimator's utilities; third parties m run along the last axis
    of umi, umj, umm, wm and the mask `third` (False for m = i or m = j), everything else
    broadcasts against the leading axes."""
    # the principals back themselves with their effective power
    vi = vote(st.voting, wi, uii, uij)
    vj = vote(st.voting, wj, uji, ujj)
    for_i = MIN_CONTEST + np.maximum(vi, 0.0) + np.maximum(vj, 0.0)
    for_j = MIN_CONTEST - np.minimum(vi, 0.0) - np.minimum(vj, 0.0)
    # each third party first weighs the little contest of i, j and itself alone ...
    vm = vote(st.voting, wm, umi, umj)
    ci = for_i[..., None] + np.maximum(vm, 0.0)
    cj = for_j[..., None] - np.minimum(vm, 0.0)
    pi = ci / (ci + cj)
    pj = 1.0 - pi
    # ... then votes for the alliance whose expected outcome it prefers (utilities of the three
    # positions that change, the rest cancel). How far m counts on keeping its own position
    # when its side wins is the third-party commitment.
    if st.commit == "SemiCommit":
        join_i = pi * (2 * umi + umm) + pj * (3 * umj)
        join_j = pi * (3 * umi) + pj * (2 * umj + umm)
    elif st.commit == "FullCommit":
        join_i = pi * (3 * umi) + pj * (3 * umj)
        join_j = join_i
    elif st.commit == "NoCommit":
        join_i = pi * (2 * umi + umm) + pj * (2 * umj + umm)
        join_j = join_i
    else:
        raise ValueError(f"unknown ThirdPartyCommit {st.commit!r}")
    v3 = np.where(third, vote(st.voting, wm, join_i, join_j), 0.0)
    strength_i = for_i + np.sum(np.maximum(v3, 0.0), axis=-1)
    strength_j = for_j - np.sum(np.minimum(v3, 0.0), axis=-1)
    return strength_i / (strength_i + strength_j)


def contest(A: np.ndarray, h: int, i: int, j: int, weight: np.ndarray, st: Settings) -> float:
    """h's estimate of Prob(i beats j) when i challenges j.

    The principals back themselves with their effective power (capability x total salience).
    Each third party m first weighs the little contest of i, j and m alone, then votes on whether
    it prefers joining i against j or j against i, given what each alliance would bring it."""
    U = A[h]
    m = np.arange(len(U))
    p = _contest_strengths(
        U[i, i], U[i, j], U[j, i], U[j, j], U[:, i], U[:, j], np.diagonal(U),
        weight[i], weight[j], weight, (m != i) & (m != j), st,
    )  # fmt: skip
    return float(p)


def expected_gain(
    A: np.ndarray, h: Any, k: Any, i: Any, j: Any, p_ij: Any, sal_total: np.ndarray
) -> np.ndarray:
    """h's estimate of the change in k's utility when i challenges j, against the status quo.
    j gives in without a contest with probability 1 - s_j (its total salience); otherwise they
    contest, and the loser adopts the winner's position."""
    sq = A[h, k, i] + A[h, k, j]
    i_wins = 2.0 * A[h, k, i]
    j_wins = 2.0 * A[h, k, j]
    sj = sal_total[j]
    fight = p_ij * i_wins + (1.0 - p_ij) * j_wins
    return (1.0 - sj) * i_wins + sj * fight - sq


def best_challenges(
    A: np.ndarray, weight: np.ndarray, sal_total: np.ndarray, st: Settings
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each actor's own estimate of Prob(i beats j) and of its gain from challenging every j:
    (P[i, j], G[i, j], target[i]) with target -1 when no challenge gains more than MIN_GAIN.
    Vectorised over blocks of challengers i, all targets j and all third parties m."""
    n = A.shape[0]
    P = np.zeros((n, n))
    idx = np.arange(n)
    step = max(1, 1_000_000 // (n * n))
    for i0 in range(0, n, step):
        i = idx[i0 : i0 + step]
        U = A[i]  # U[c, a, b]: challenger i's estimate of a's utility for b's position
        c = np.arange(len(i))
        diag = np.diagonal(U, axis1=1, axis2=2)  # diag[c, m] = U[c, m, m]
        uii = U[c, i, i][:, None]
        uij = U[c, i, :]  # [c, j]
        uji = U[c, :, i]  # [c, j]
        third = (idx[None, None, :] != i[:, None, None]) & (idx[None, None, :] != idx[None, :, None])
        P[i] = _contest_strengths(
            uii, uij, uji, diag,
            U[c, :, i][:, None, :], U.transpose(0, 2, 1), diag[:, None, :],
            weight[i][:, None], weight[None, :], weight[None, None, :], third, st,
        )  # fmt: skip
    G = expected_gain(A, idx[:, None], idx[:, None], idx[:, None], idx[None, :], P, sal_total)
    np.fill_diagonal(G, -np.inf)
    # the largest gain, first j on ties, if it is worth the trouble
    G_ok = np.where(G > MIN_GAIN, G, -np.inf)
    target = np.argmax(G_ok, axis=1)
    target = np.where(np.isfinite(G_ok[idx, target]), target, -1)
    np.fill_diagonal(P, 0.5)
    return P, G, target


# -- bargains --------------------------------------------------------------------------------------


def interpolate(
    interp: str, t_i: np.ndarray, s_i: np.ndarray, p_i: float, t_j: np.ndarray, s_j: np.ndarray, p_j: float
) -> tuple[np.ndarray, np.ndarray]:
    """The positions i and j would adopt in a bargain, per dimension: an interpolation between
    their positions weighted by salience^a x probability^b (S1P1, S2P2), which approximates the
    Nash bargaining solution; or S2PMax, where only the likelier winner pulls."""
    if interp in ("S1P1", "S2P2"):
        e = 1 if interp == "S1P1" else 2
        wi = s_i**e * p_i**e
        wj = s_j**e * p_j**e
        tot = wi + MIN_BARGAIN_WEIGHT + wj
        # the tiny extra weight goes to each side's own position, so that with no weight on
        # either side nobody moves; rounding to 4 decimals removes spurious precision
        bi = _round4(((wi + MIN_BARGAIN_WEIGHT) * t_i + wj * t_j) / tot)
        bj = _round4((wi * t_i + (MIN_BARGAIN_WEIGHT + wj) * t_j) / tot)
        return bi, bj
    if interp == "S2PMax":
        di = max(0.0, p_j - p_i)
        dj = max(0.0, p_i - p_j)
        si2, sj2 = s_i**2, s_j**2
        ki = di * sj2 / (di * sj2 + MIN_BARGAIN_WEIGHT + (1 - di) * si2)
        kj = dj * si2 / (dj * si2 + MIN_BARGAIN_WEIGHT + (1 - dj) * sj2)
        return t_i + ki * (t_j - t_i), t_j + kj * (t_i - t_j)
    raise ValueError(f"unknown InterVecBrgn {interp!r}")


def _round4(x: np.ndarray) -> np.ndarray:
    # KTAB's rounding to 4 decimals: add a half, then truncate (half-up for x >= 0)
    return np.trunc(0.5 + x * 10000.0) / 10000.0


@dataclass
class Bargain:
    init: int
    rcvr: int
    pos_init: np.ndarray
    pos_rcvr: np.ndarray


@dataclass
class Turn:
    """One step: what the actors believed in the state it started from and what they did."""

    risk: np.ndarray  # R[i] in that state
    position_prob: np.ndarray  # Prob(actor i's position is the outcome), KTAB's report
    targets: np.ndarray  # each actor's chosen target, -1 for none
    win_prob: np.ndarray  # each actor's estimate that it beats its target (nan: none)
    gains: np.ndarray  # each actor's expected gain from challenging its target (nan: none)
    chosen: np.ndarray  # per actor, the bargain taken: its index in the actor's list, 0 = none
    new_pos: np.ndarray  # positions after the turn


def make_bargains(
    pos: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    A: np.ndarray,
    P: np.ndarray,
    target: np.ndarray,
    st: Settings,
) -> tuple[list[Bargain], list[list[int]]]:
    """The bargains each challenger proposes to its target, and per actor the list of bargains
    it is party to (initiators in actor order; each bargain sits in both parties' lists)."""
    n = len(cap)
    sal_total = sal.sum(axis=1)
    weight = cap * sal_total
    queues: list[list[int]] = [[] for _ in range(n)]
    bargains: list[Bargain] = []
    for i in range(n):
        j = int(target[i])
        if j < 0:
            continue
        p = float(P[i, j])
        own = Bargain(i, j, *interpolate(st.interp, pos[i], sal[i], p, pos[j], sal[j], 1.0 - p))
        if st.bargain == "InitOnlyInterp":
            made = [own]
        else:
            # The target's perspective. KTAB (2017) feeds the target's estimate of the
            # challenger's expected *gain* into the interpolation where a probability is meant;
            # kept as is so that runs match KTAB's (its logs confirm it).
            q = float(expected_gain(A, j, i, i, j, contest(A, j, i, j, weight, st), sal_total))
            # a negative "probability" can extrapolate past the scale: keep it on the scale
            bi, bj = interpolate(st.interp, pos[i], sal[i], q, pos[j], sal[j], 1.0 - q)
            other = Bargain(i, j, np.clip(bi, 0.0, 1.0), np.clip(bj, 0.0, 1.0))
            if st.bargain == "InitRcvrInterp":
                made = [own, other]
            elif st.bargain == "PWCompInterp":
                # KTAB weighs the challenger's view by c_i s_i and the target's by c_i s_j (the
                # challenger's capability in both, as its logs confirm)
                wi, wj = cap[i] * sal_total[i], cap[i] * sal_total[j]
                mix_i = (wi * own.pos_init + wj * other.pos_init) / (wi + wj)
                mix_j = (wi * own.pos_rcvr + wj * other.pos_rcvr) / (wi + wj)
                made = [Bargain(i, j, mix_i, mix_j)]
            else:
                raise ValueError(f"unknown BargnModel {st.bargain!r}")
        for b in made:
            queues[i].append(len(bargains))
            queues[j].append(len(bargains))
            bargains.append(b)
    return bargains, queues


def step(pos: np.ndarray, sal: np.ndarray, cap: np.ndarray, st: Settings, rng: np.random.Generator) -> Turn:
    """One turn: assess, challenge, bargain, and let each actor settle on one of its bargains."""
    n = len(cap)
    sal_total = sal.sum(axis=1)
    a = assess(pos, sal, cap, st)
    A = a.A
    P, G, target = best_challenges(A, cap * sal_total, sal_total, st)
    bargains, queues = make_bargains(pos, sal, cap, A, P, target, st)

    # every actor's utility for the state after each bargain: the mean of its utilities for
    # all n positions, of which a bargain changes only its two parties'
    own_util = A[np.arange(n), np.arange(n), :]  # own_util[a, m] = A[a, a, m]
    base = own_util.sum(axis=1)
    status_quo = base / n
    if bargains:
        ini = np.array([b.init for b in bargains])
        rcv = np.array([b.rcvr for b in bargains])
        u_i = utility(distance_to(pos, sal, np.array([b.pos_init for b in bargains])), a.risk[:, None])
        u_j = utility(distance_to(pos, sal, np.array([b.pos_rcvr for b in bargains])), a.risk[:, None])
        after = (base[:, None] - own_util[:, ini] - own_util[:, rcv] + u_i + u_j) / n
    else:
        after = np.zeros((n, 0))

    # each actor's options (keep its position, or one of its bargains) go to a vote of all
    # actors by capability; the likeliest one wins (or one is drawn, if stochastic)
    new_pos = pos.copy()
    chosen = np.zeros(n, dtype=int)
    for k in range(n):
        util = np.column_stack([status_quo, after[:, queues[k]]])
        p, _ = option_probabilities(st.pce, st.victory, coalitions(st.voting, cap, util))
        if st.transitions == "Deterministic":
            pick = int(np.argmax(p))  # first of equals, as KTAB
        elif st.transitions == "Stochastic":
            pick = int(rng.choice(len(p), p=p / p.sum()))
        else:
            raise ValueError(f"unknown StateTransitions {st.transitions!r}")
        chosen[k] = pick
        if pick > 0:
            b = bargains[queues[k][pick - 1]]
            new_pos[k] = b.pos_init if b.init == k else b.pos_rcvr

    has = target >= 0
    safe = np.where(has, target, 0)
    return Turn(
        risk=a.risk,
        position_prob=position_probabilities(A, cap, pos, st),
        targets=target,
        win_prob=np.where(has, P[np.arange(n), safe], np.nan),
        gains=np.where(has, G[np.arange(n), safe], np.nan),
        chosen=chosen,
        new_pos=new_pos,
    )


def position_probabilities(A: np.ndarray, cap: np.ndarray, pos: np.ndarray, st: Settings) -> np.ndarray:
    """Each actor's probability that its position is the outcome: the distinct positions (closer
    than POSITION_TOL counts as the same) go to a vote in which every actor judges by its own
    utilities, proportionally and by capability, as in KTAB's report."""
    n = len(cap)
    same = np.linalg.norm(pos[:, None, :] - pos[None, :, :], axis=2) < POSITION_TOL
    unique: list[int] = []
    for i in range(n):
        if not same[i, unique].any():
            unique.append(i)
    own = A[np.arange(n), np.arange(n), :]
    p, _ = option_probabilities(st.pce, st.victory, coalitions("Prop", cap, own[:, unique]))
    match = same[:, unique]
    last = len(unique) - 1 - np.argmax(match[:, ::-1], axis=1)  # the last distinct one it matches
    return p[last]


def state_distance(p1: np.ndarray, p2: np.ndarray) -> float:
    """Sum over actors of the Euclidean length of their moves."""
    return float(np.sum(np.linalg.norm(p1 - p2, axis=1)))


@dataclass
class Run:
    positions: list[np.ndarray]  # turn 0 (initial) first
    turns: list[Turn]
    final_risk: np.ndarray
    final_position_prob: np.ndarray
    converged: bool  # the stopping rule was met (always False when the turns were fixed)
    change_ratios: list[float]  # per turn: its move / the first move


def run(
    pos: np.ndarray,
    sal: np.ndarray,
    cap: np.ndarray,
    st: Settings,
    *,
    turns: int | None = None,
    max_turns: int = 100,
    min_turns: int = 2,
    stop_ratio: float = 0.02,
    seed: int = 0,
) -> Run:
    """Step until `turns` turns are done or, when `turns` is None, until a step moves the actors
    (summed Euclidean moves) less than `stop_ratio` times the first step did, after at least
    `min_turns` turns and at most `max_turns`."""
    rng = np.random.default_rng(seed)
    history = [np.asarray(pos, dtype=float)]
    done: list[Turn] = []
    ratios: list[float] = []
    converged = False
    limit = turns if turns is not None else max_turns
    while len(done) < limit:
        t = step(history[-1], sal, cap, st, rng)
        done.append(t)
        history.append(t.new_pos)
        # the 1e-4 keeps 0/0 away when nobody moves in the first step
        ratio = state_distance(history[-2], history[-1]) / (state_distance(history[0], history[1]) + 1e-4)
        ratios.append(ratio)
        if turns is None and len(done) >= min_turns and ratio < stop_ratio:
            converged = True
            break
    final = assess(history[-1], sal, cap, st)
    return Run(
        positions=history,
        turns=done,
        final_risk=final.risk,
        final_position_prob=position_probabilities(final.A, cap, history[-1], st),
        converged=converged,
        change_ratios=ratios,
    )

"""Bueno de Mesquita's expected-utility group decision model (BDM), as set out and replicated by
Scholz, Calbert & Smith (2011), "Unravelling Bueno De Mesquita's group decision model", Journal of
Theoretical Politics 23(4): 510-531.

One continuous issue at a time. Actor i has capability c_i, salience s_i and position x_i; every
distance is divided by the range of the initial positions, |x_max - x_min|, so it lies in [0, 1].
Each round does the following, for all actors at once, starting from the positions held at the
start of the round:

1. Votes and the chance of winning. Voter k's vote for x_i against x_j is
       v_k(i, j) = c_k s_k (U_k(x_i) - U_k(x_j)),   U_k(x) = -(|x_k - x| / range) ** r_k
   (the paper's 1 - 2(...) ** r_k differs by a factor that cancels below), and i's chance of
   winning a contest against j is the share of the votes for i:
       P_i(j) = sum_k max(0, v_k(i, j)) / N.
   The normaliser N is the sum of |v_k(a, b)| over all voters k and *all* ordered pairs (a, b),
   not over the one pair (i, j). (Reading choice: with the per-pair normaliser the median stays at
   7.0 in every round of the emission case and Table 2 cannot be reproduced; with the all-pairs
   one it is, and a public re-implementation of the authors' code reports this normaliser too.)
   Actors at the same position never contest: P = 0.

2. Utilities of i challenging j, with risk exponent r (the paper's U^s, U^f, U^sq, U^b, U^w):
       U_s  = 2 - 4 (0.5 - 0.5 d_ij) ** r          i wins, j must move to x_i
       U_f  = 2 - 4 (0.5 + 0.5 d_ij) ** r          i loses, i must move to x_j
       U_sq = 2 - 4 (0.5) ** r                     nothing changes
       U_b  = 2 - 4 (0.5 - 0.25 (d_iμ + d_ij)) ** r  things get better for i without a challenge
       U_w  = 2 - 4 (0.5 + 0.25 (d_iμ + d_ij)) ** r  things get worse for i without a challenge
   with d the range-normalised distance and μ the median voter position (defined below).

3. Expected utility of i challenging j:
       E(U_ij) = s_j [P_i(j) U_s + (1 - P_i(j)) U_f] + (1 - s_j) U_s - Q U_sq - (1 - Q)[T U_b + (1 - T) U_w]
   j resists with probability s_j; Q is the chance that nothing changes if i does not challenge,
   T the chance that an unforced change favours i (with Q = 1, the published setting, U_b and
   U_w drop out).

4. Risk exponents. With every r = 1, actor i's security is the sum over the others of their
   expected utility of challenging i, S_i = sum_{j != i} E(U_ji); then
       R_i = (2 S_i - max_k S_k - min_k S_k) / (max_k S_k - min_k S_k),   r_i = (1 - R_i/3) / (1 + R_i/3),
   so r runs from 0.5 (the most threatened actor, risk-acceptant) to 2 (the safest, risk-averse).
   Steps 1-3 are then redone with these r (each voter votes with its own r_k).

5. Offers. Actor i looks at every other position x_j through its own eyes: it computes both
   E_i(U_ij) (its own challenge) and E_i(U_ji) (j's challenge as i estimates it) with its own r_i.
       E_i(U_ji) > E_i(U_ij) > 0            conflict that i expects to lose: i moves to x_j
       E_i(U_ji) > 0 > E_i(U_ij),  E_i(U_ji) > |E_i(U_ij)|
                                            compromise: i moves to x_i + (x_j - x_i) |E_i(U_ij) / E_i(U_ji)|
       E_i(U_ji) > 0 > E_i(U_ij),  otherwise  capitulation: i moves to x_j
   (the other octants of BDM's figure ask nothing of i; what i wins is recorded on the loser's
   side). i accepts at most one offer per round: a lost conflict if it has one, taking the
   nearest (the cheapest defeat); else the compromise pressed hardest, the largest E_i(U_ji);
   else the nearest capitulation. All actors move at once, from the positions at the start of
   the round. (Reading choice: "the offer needing the least change" for compromises too reaches
   10.0 from round 4 on, unlike Table 2; taking the most pressing compromise reproduces it, and is
   symmetric under reversing the scale, unlike ranking compromises by position.)

The median voter position is the Condorcet winner among the positions held when every voter uses
r = 1: the pairwise vote total for x_a over x_b is then sum_k c_k s_k (|x_k - x_b| - |x_k - x_a|), the
difference of the capability x salience weighted distances from everyone to x_b and to x_a, so the
winner is the held position with the least weighted distance (ties: the one nearest the weighted
mean, then actor order). The forecast for an issue is the median voter position after the last
round; the mean reported beside it is the capability x salience weighted mean.

Replication (EC car-emission standards, BDM 1994, Scholz et al. Table 1, Q = 1, 8 rounds): the
medians of rounds 1 and 3-8 are those of Scholz et al. Table 2 as printed, which cuts (does not
round) to one decimal: 8.416, 9.962, 9.962, 9.962, 7.472, 8.825, 9.671 are printed as 8.4, 9.9,
9.9, 9.9, 7.4, 8.8, 9.6. The means are within 0.07 of the printed ones in every round.

Round 2 does not match: this model gives 9.611 where Table 2 prints 9.9 (0.289 lower). Belgium is
the pivotal (median) actor; its round-2 move is a compromise with France and Italy, from 8.416 to
8.416 + 1.584 |E(U_BE,FR) / E(U_FR,BE)| = 8.416 + 1.584 x 0.757, with the risk exponent 0.817 that
its round-2 security level gives. A printed 9.9 needs that ratio to be at least 0.937 (0.905 if
Table 2 rounded), which needs Belgium's risk exponent between about 0.96 and 1.02. None of the
readings tried gets there while keeping rounds 1 and 3-8: moving one actor after another instead
of all at once; the range of the current positions (no difference here: the extremes never move);
the per-pair, unordered-pair or distinct-position normaliser for P; voters at r = 1 in P; risk
exponents carried over into the next round's security levels; security from one's own challenges
instead of the others'; each side's own r in E(U_ij) and E(U_ji); offers judged from the
proposer's side; the median computed with risk exponents; choosing among all offers by least
change or by the most pressing; with and without capitulation. An independent public
replication (jmckib) also gets 9.611. From round 3 on the trajectory is again that of Table 2.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parley.forecast.models import register
from parley.forecast.models.common import continuous_issues
from parley.forecast.result import Forecast, Round
from parley.forecast.scenario import Scenario

DEFAULT_ROUNDS = 8

_KINDS = ("conflict", "compromise", "capitulation")  # codes 1, 2, 3; 0 = no move


def _check(rounds: int, q: float, t: float) -> None:
    if isinstance(rounds, bool) or not isinstance(rounds, int | np.integer) or rounds < 0:
        raise ValueError(f"rounds must be a whole number >= 0, not {rounds!r}")
    for name, v in (("q", q), ("t", t)):
        if not 0.0 <= float(v) <= 1.0:
            raise ValueError(f"{name} must lie in [0, 1], not {v!r}")


# The core works on many draws at once. Arrays keep the draws on the last axis, so that numpy's
# inner loops run over the B draws rather than the few actors: x[n, B], pair arrays [i, j, B].


def _sum0(a: np.ndarray) -> np.ndarray:
    """Sum over the first (actor) axis, one actor after another: numpy's own reductions order
    the additions by memory layout, so B = 1 and B > 1 could differ in the last bit."""
    out = a[0].copy()
    for row in a[1:]:
        out += row
    return out


def _weighted_mean(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    total = _sum0(w)
    safe = np.where(total > 0, total, 1.0)
    # Nobody with weight: fall back on the plain mean rather than 0/0.
    return np.where(total > 0, _sum0(w * x) / safe, _sum0(x) / x.shape[0])


def _median_voter(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """x, w [n, B] -> [B]: the held position that wins every pairwise vote at r = 1."""
    cost = _sum0(w[:, None, :] * np.abs(x[:, None, :] - x[None, :, :]))  # cost[m]: weighted distance to x_m
    best = cost.min(0)
    tied = cost <= best + 1e-12 * (1.0 + np.abs(best))
    near = np.where(tied, np.abs(x - _weighted_mean(x, w)), np.inf)
    return np.take_along_axis(x, np.argmin(near, 0)[None], 0)[0]


def _win_prob(d: np.ndarray, w: np.ndarray, r: np.ndarray, same: np.ndarray) -> np.ndarray:
    """P[i, j, b]: i's chance against j, the votes for i over the normaliser of all pairs."""
    # loss[k, m, b]: voter k's disutility of position m (no power needed when every r is 1)
    loss = d if np.all(r == 1.0) else d ** r[:, None, :]
    support = np.zeros_like(d)
    vote = np.empty_like(d)
    for k in range(d.shape[0]):  # one voter at a time keeps memory at n x n x B
        np.subtract(loss[k, None, :, :], loss[k, :, None, :], out=vote)  # vote[i, j] = loss_kj - loss_ki
        np.maximum(vote, 0.0, out=vote)
        vote *= w[k]
        support += vote
    # v_k(a, b) = -v_k(b, a), so the sum of |v| over all ordered pairs is twice the positive part.
    total = 2.0 * _sum0(_sum0(support))
    support /= np.where(total > 0, total, 1.0)
    support[same] = 0.0
    return support


def _status(rho: Any, q: float, t: float, dm: np.ndarray | None) -> Any:
    """Q U_sq + (1 - Q)[T U_b + (1 - T) U_w]: what the challenger expects without challenging."""
    out = q * (2.0 - 4.0 * 0.5**rho)
    if q < 1.0 and dm is not None:
        better = 2.0 - 4.0 * (0.5 - 0.25 * dm) ** rho
        worse = 2.0 - 4.0 * (0.5 + 0.25 * dm) ** rho
        out = out + (1.0 - q) * (t * better + (1.0 - t) * worse)
    return out


def _win_lose(d: np.ndarray, rho: Any) -> tuple[np.ndarray, np.ndarray]:
    """U_s and U_f of a challenge across distance d, with risk exponent rho."""
    if np.isscalar(rho) and rho == 1.0:
        return 2.0 * d, -2.0 * d  # 2 - 4(0.5 -+ 0.5 d)
    return 2.0 - 4.0 * (0.5 - 0.5 * d) ** rho, 2.0 - 4.0 * (0.5 + 0.5 * d) ** rho


def _eu(p: np.ndarray, s_target: np.ndarray, win: np.ndarray, lose: np.ndarray, status: Any) -> np.ndarray:
    """E(U) of a challenge: the target resists with probability s_target."""
    return s_target * (p * win + (1.0 - p) * lose) + (1.0 - s_target) * win - status


def _pick(mask: np.ndarray, first: np.ndarray, then: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per receiving actor i: the offer j minimising `first`, ties by `then`, then actor order."""
    a = np.where(mask, first, np.inf)
    tie = mask & (a <= a.min(1, keepdims=True) + 1e-12)
    return np.argmin(np.where(tie, then, np.inf), 1), mask.any(1)


def _round(
    x: np.ndarray, w: np.ndarray, sal: np.ndarray, span: np.ndarray, q: float, t: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One round for all draws: (new positions, offer kind 0-3, partner index, risk exponents)."""
    n = x.shape[0]
    gap = x[None, :, :] - x[:, None, :]  # gap[i, j] = x_j - x_i
    # Moves stay between positions already held, so d <= 1; the clip only guards rounding, which
    # would otherwise put a negative base under a fractional power.
    d = np.minimum(np.abs(gap) / span, 1.0)
    same = gap == 0.0
    to_mu = None
    if q < 1.0:  # U_b and U_w need each challenger's distance to the median voter position
        to_mu = np.abs(x - _median_voter(x, w)) / span

    # Step 4: security levels with every r = 1, then the risk exponents.
    p1 = _win_prob(d, w, np.ones_like(x), same)
    st1 = _status(1.0, q, t, None if to_mu is None else to_mu[:, None, :] + d)
    e1 = _eu(p1, sal[None, :, :], *_win_lose(d, 1.0), st1)  # e1[i, j]: i challenges j
    e1[np.arange(n), np.arange(n)] = 0.0  # nobody challenges itself
    sec = _sum0(e1)  # S_j: everybody else's challenge of j
    hi, lo = sec.max(0), sec.min(0)
    spread = np.where(hi > lo, hi - lo, 1.0)
    rel = np.where(hi > lo, (2.0 * sec - hi - lo) / spread, 0.0)
    r = (1.0 - rel / 3.0) / (1.0 + rel / 3.0)

    # Step 5: receiver i judges both challenges with its own r_i (row i).
    p = _win_prob(d, w, r, same)
    rho = r[:, None, :]
    st_i = _status(rho, q, t, None if to_mu is None else to_mu[:, None, :] + d)
    st_j = _status(rho, q, t, None if to_mu is None else to_mu[None, :, :] + d)
    win, lose = _win_lose(d, rho)  # the same for both challenges: same distance, same eyes
    e_ij = _eu(p, sal[None, :, :], win, lose, st_i)  # i challenges j
    e_ji = _eu(p.transpose(1, 0, 2), sal[:, None, :], win, lose, st_j)  # j challenges i

    valid = ~same
    conflict = valid & (e_ji > e_ij) & (e_ij > 0.0)
    pressed = valid & (e_ji > 0.0) & (e_ij < 0.0)
    compromise = pressed & (e_ji > -e_ij)
    capitulation = pressed & ~(e_ji > -e_ij)
    dist = np.abs(gap)
    j_conf, has_conf = _pick(conflict, dist, -e_ji)
    j_comp, has_comp = _pick(compromise, -e_ji, dist)
    j_cap, has_cap = _pick(capitulation, dist, -e_ji)

    def at(a: np.ndarray, j: np.ndarray) -> np.ndarray:
        return np.take_along_axis(a, j[:, None, :], 1)[:, 0, :]

    # Compromise: i concedes the share |E_i(U_ij) / E_i(U_ji)| of the way to x_j. This is the step
    # behind the one unmatched value of Table 2: Belgium's round-2 share is 0.757 here, while the
    # printed 9.9 needs at least 0.937 (see the module docstring).
    share = np.abs(e_ij) / np.where(e_ji != 0.0, np.abs(e_ji), 1.0)
    held = np.broadcast_to(x[None, :, :], gap.shape)  # held[i, j] = x_j, taken exactly
    conf_to = at(held, j_conf)
    comp_to = x + at(gap * share, j_comp)
    cap_to = at(held, j_cap)
    new = np.where(has_conf, conf_to, np.where(has_comp, comp_to, np.where(has_cap, cap_to, x)))
    kind = np.where(has_conf, 1, np.where(has_comp, 2, np.where(has_cap, 3, 0)))
    partner = np.where(has_conf, j_conf, np.where(has_comp, j_comp, np.where(has_cap, j_cap, -1)))
    return new, kind, partner, r


def _run(
    cap: Any, pos: Any, sal: Any, rounds: int, q: float, t: float, record: bool = False
) -> tuple[np.ndarray, np.ndarray, list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]]:
    """The shared core. cap, pos, sal [B, n] (or [n]) -> (positions [n, B] after `rounds` rounds,
    weights [n, B], and, when `record`, per round (positions, offer kind, partner, risk), [n, B])."""
    _check(rounds, q, t)
    cap, pos, sal = (np.atleast_2d(np.asarray(a, dtype=float)) for a in (cap, pos, sal))
    if not cap.shape == pos.shape == sal.shape:
        raise ValueError(
            f"capability, position and salience differ in shape: {cap.shape}, {pos.shape}, {sal.shape}"
        )
    cap, x, sal = (np.ascontiguousarray(a.T) for a in (cap, pos, sal))
    w = cap * sal
    span = x.max(0) - x.min(0)
    span = np.where(span > 0, span, 1.0)  # all agree: nothing to normalise, and nobody moves
    log: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for _ in range(rounds):
        x, kind, partner, r = _round(x, w, sal, span, float(q), float(t))
        if record:
            log.append((x, kind, partner, r))
    return x, w, log


def batch(
    cap: np.ndarray,
    pos: np.ndarray,
    sal: np.ndarray,
    *,
    rounds: int = DEFAULT_ROUNDS,
    q: float = 1.0,
    t: float = 1.0,
) -> np.ndarray:
    """B draws at once: capability, position, salience [B, n] -> the median voter position after
    the last round [B]."""
    x, w, _ = _run(cap, pos, sal, rounds, q, t)
    return _median_voter(x, w)


@register("bdm", batch=batch)
def forecast(scenario: Scenario, *, rounds: int = DEFAULT_ROUNDS, q: float = 1.0, t: float = 1.0) -> Forecast:
    """BDM's expected-utility model on every continuous issue; categorical issues by weighted
    plurality. `rounds`: bargaining rounds (default 8, the horizon of Scholz et al.'s published
    run; the model need not settle, so the horizon is fixed); `q`: the chance nothing changes
    without a challenge (Q, 1.0 as published); `t`: the chance an unforced change favours the
    challenger (T, used only when q < 1)."""
    params = {"rounds": rounds, "q": q, "t": t}
    _check(rounds, q, t)
    outcome: dict[str, float | str] = {}
    history: dict[str, list[Round]] = {}
    issues_diag: dict[str, Any] = {}
    for issue, ids, cap, pos, sal in continuous_issues(scenario, outcome):
        _, w, log = _run(cap, pos, sal, rounds, q, t, record=True)  # the batch core with B = 1
        states = [pos[:, None], *(entry[0] for entry in log)]
        medians = [float(_median_voter(s, w)[0]) for s in states]
        history[issue.id] = [
            Round(
                positions=dict(zip(ids, map(float, s[:, 0]), strict=True)),
                median=m,
                mean=float(_weighted_mean(s, w)[0]),
            )
            for s, m in zip(states, medians, strict=True)
        ]
        outcome[issue.id] = medians[-1]
        per_round = []
        for n, (new, kind, partner, r) in enumerate(log, start=1):
            moves = [
                {
                    "actor": ids[i],
                    "offer": _KINDS[kind[i, 0] - 1],
                    "from": ids[partner[i, 0]],
                    "position": round(float(new[i, 0]), 6),
                }
                for i in range(len(ids))
                if kind[i, 0]
            ]
            risk = {a: round(float(v), 6) for a, v in zip(ids, r[:, 0], strict=True)}
            per_round.append({"round": n, "risk": risk, "moves": moves})
        # A fixed point stays one (the model is deterministic): report the last round with a move
        # when the final round had none, else None (still moving, or cycling, at the horizon).
        moved = [n for n in range(1, rounds + 1) if np.any(states[n] != states[n - 1])]
        settled = rounds > 0 and (not moved or moved[-1] < rounds)
        issues_diag[issue.id] = {
            "rounds": per_round,
            "settled_after": (moved[-1] if moved else 0) if settled else None,
        }
    return Forecast(
        model="bdm",
        params=params,
        outcome=outcome,
        history=history,
        diagnostics={
            "issues": issues_diag,
            "range": "initial positions",
            "median": "Condorcet winner, r = 1",
        },
    )

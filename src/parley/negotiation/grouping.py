"""Articles into negotiations (cases): by the two parties whose positions they report, and by
time (a gap of more than GAP_DAYS between articles starts a new case). Analysts' overrides
(`parley case add/remove`) are applied on top and kept in the store.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from parley.model import Extraction

GAP_DAYS = 60


def parties_of(x: Extraction) -> tuple[str, ...]:
    """The two sides an article is about: the most frequent actors of its statements, else of
    its events."""
    counts: Counter[str] = Counter()
    for s in x.statements:
        for value in (s.actor, s.target):
            counts.update([value] if isinstance(value, str) else value or [])
    if not counts:
        for e in x.events:
            for value in (e.source, e.target):
                counts.update([value] if isinstance(value, str) else value or [])
    return tuple(sorted(c for c, _ in counts.most_common(2)))


def auto_cases(extractions: Iterable[Extraction]) -> dict[str, list[str]]:
    """Case id ("RUS-UKR-2022-02") -> article ids in date order. Articles with no statements are
    left out: a case is a negotiation, and they report none."""
    rows: list[tuple[tuple[str, ...], dt.date, str]] = []
    for x in extractions:
        if not x.statements:
            continue
        parties = parties_of(x)
        if len(parties) == 2:
            rows.append((parties, x.article.date or dt.date.min, x.article.id))
    cases: dict[str, list[str]] = {}
    last: dict[tuple[str, ...], tuple[str, dt.date]] = {}
    for parties, day, article in sorted(rows):
        current = last.get(parties)
        if current is None or (day - current[1]).days > GAP_DAYS:
            stamp = "undated" if day == dt.date.min else f"{day:%Y-%m}"
            current = (f"{'-'.join(parties)}-{stamp}", day)
        cases.setdefault(current[0], []).append(article)
        last[parties] = (current[0], day)
    return cases


def apply_overrides(
    cases: dict[str, list[str]], overrides: Iterable[tuple[str, str, str]]
) -> dict[str, list[str]]:
    """An analyst's "added" puts an article into a case (creating it), "removed" takes it out."""
    out = {k: list(v) for k, v in cases.items()}
    for case_id, article, status in overrides:
        members = out.setdefault(case_id, [])
        if status == "added" and article not in members:
            members.append(article)
        elif status == "removed" and article in members:
            members.remove(article)
    return {k: v for k, v in out.items() if v}

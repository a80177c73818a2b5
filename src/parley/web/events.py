"""The events table: filters over the stored (corrected) events, and the exports of exactly what
a filter shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields

from parley.export.csv_rows import codes
from parley.model import Codes, Event, Extraction


@dataclass
class EventFilter:
    actor: str = ""  # a code in the source, target or said_by
    type: str = ""  # a PLOVER type, or STATEMENT (a CAMEO 01 statement with none)
    dyad: str = ""  # "RUS>UKR" (source to target) or "RUS-UKR" (either way)
    date_from: str = ""  # YYYY-MM-DD, on the event's date (else the article's)
    date_to: str = ""
    article: str = ""

    @classmethod
    def from_query(cls, query: dict[str, str]) -> EventFilter:
        return cls(**{f.name: query.get(f.name, "").strip() for f in fields(cls)})

    def query(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def keeps(self, x: Extraction, e: Event) -> bool:
        src, tgt = _set(e.source), _set(e.target)
        if self.actor and self.actor.upper() not in src | tgt | _set(e.said_by):
            return False
        if self.type and e.kind != self.type.upper():
            return False
        if self.dyad:
            directed = ">" in self.dyad
            a, _, b = self.dyad.upper().replace(">", "-").partition("-")
            forward = a in src and b in tgt
            if not (forward or (not directed and b in src and a in tgt)):
                return False
        day = e.date or x.article.date
        if self.date_from and (day is None or day < _date(self.date_from)):
            return False
        if self.date_to and (day is None or day > _date(self.date_to)):
            return False
        return not (self.article and x.article.id != self.article)


def filtered(extractions: Iterable[Extraction], f: EventFilter) -> list[Extraction]:
    """Each article with only the events the filter keeps (and no statements); articles left
    without events are dropped."""
    out = []
    for x in extractions:
        events = [e for e in x.events if f.keeps(x, e)]
        if events:
            out.append(x.model_copy(update={"events": events, "statements": []}))
    return out


def _set(value: Codes) -> set[str]:
    return set(codes(value).split(";")) - {""}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {text!r}") from None

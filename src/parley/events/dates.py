"""When an event happened: a date named in its clause, resolved against the article's date.

"Russia announced on Friday" in an article of Tuesday 29 March 2022 is 25 March 2022; an event
with no date of its own takes the article's. Dates well before the article mark the event as
historical (PLOVER's auxiliary mode).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser
from spacy.tokens import Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words around a date that dateparser does not take ("late Saturday", "early on Monday").
NOISE = re.compile(r"^(?:on|late|early|by|since|until|from|in|at|overnight)\s+", re.I)
HISTORICAL_AFTER_DAYS = 90
SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": []}


@lru_cache(maxsize=4096)
def resolve(text: str, base: dt.date) -> dt.date | None:
    """A date expression read relative to `base` (the article's date); None if it is not one."""
    phrase = text.strip()
    while NOISE.match(phrase):
        phrase = NOISE.sub("", phrase, count=1)
    lower = phrase.lower().rstrip(".")
    if lower in WEEKDAYS and WEEKDAYS.index(lower) == base.weekday():
        return base  # "announced Tuesday" in Tuesday's paper: that day
    if not any(ch.isalnum() for ch in phrase):
        return None
    settings = {**SETTINGS, "RELATIVE_BASE": dt.datetime.combine(base, dt.time())}
    found = dateparser.parse(phrase, languages=["en"], settings=settings)
    return found.date() if found else None


def event_date(trigger: Token, base: dt.date | None) -> tuple[dt.date | None, bool]:
    """The event's date and whether it is historical, from DATE entities in the trigger's clause."""
    if base is None:
        return None, False
    for t in _clause(trigger):
        if t.ent_type_ == "DATE" and t.ent_iob_ == "B":
            ent = next((e for e in t.doc.ents if e.start == t.i), None)
            if ent is None:
                continue
            day = resolve(ent.text, base)
            if day is not None:
                return day, (base - day).days > HISTORICAL_AFTER_DAYS
    return base, False


def _clause(trigger: Token) -> list[Token]:
    """The trigger's own modifiers, not nested clauses: "on Friday", "Tuesday", "in 1988"."""
    out: list[Token] = []
    stack = [c for c in trigger.children if c.dep_ in {"npadvmod", "prep", "tmod", "advmod", "obl"}]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in {"pobj", "compound", "amod", "nummod", "prep"})
    return sorted(out, key=lambda t: t.i)

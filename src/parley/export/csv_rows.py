"""CSV, one row per event (GDELT-style columns), for spreadsheets and R/pandas."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from parley.model import Codes, Extraction

COLUMNS = [
    "doc_id",
    "article_date",
    "event_date",
    "source",
    "source_sector",
    "target",
    "target_sector",
    "type",
    "mode",
    "cameo",
    "goldstein",
    "aux",
    "said_by",
    "location",
    "sentence",
    "start",
    "end",
    "quote",
    "rule",
    "correction",  # what an analyst did to the row (edit, add, right, merge); empty for machine output
    "sources",  # how many outlets reported the story (near-duplicates stored once); 1 outside the store
]


def codes(value: Codes) -> str:
    """A compound actor is written as codes joined by ';'."""
    if value is None:
        return ""
    return ";".join(value) if isinstance(value, list) else value


def write(extractions: Iterable[Extraction], stream: IO[str]) -> int:
    out = csv.writer(stream)
    out.writerow(COLUMNS)
    n = 0
    for x in extractions:
        a = x.article
        for e in x.events:
            out.writerow(
                [
                    a.id,
                    a.date or "",
                    e.date or "",
                    codes(e.source),
                    e.source_sector or "",
                    codes(e.target),
                    e.target_sector or "",
                    e.type or "",
                    e.mode or "",
                    e.cameo or "",
                    "" if e.goldstein is None else e.goldstein,
                    e.aux or "",
                    codes(e.said_by),
                    e.location or "",
                    e.evidence.sentence,
                    e.evidence.start,
                    e.evidence.end,
                    e.evidence.exact,
                    e.rule,
                    (e.correction or {}).get("action", ""),
                    x.source_count,
                ]
            )
        n += 1
    return n

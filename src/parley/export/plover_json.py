"""PLOVER-style JSON: one record per event with the field names of the PLOVER event data
specification (event_type, event_mode, actor/recipient with their roles), plus Parley's
evidence, as a JSON array."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from parley.export.csv_rows import codes
from parley.model import Extraction


def records(extractions: Iterable[Extraction]) -> Iterable[dict[str, Any]]:
    for x in extractions:
        a = x.article
        for n, e in enumerate(x.events):
            if e.type is None:
                continue  # a public statement (CAMEO 01) has no PLOVER event type
            yield {
                "id": f"{a.id}-{n}",
                "event_date": (e.date or a.date).isoformat() if (e.date or a.date) else None,
                "event_type": e.type,
                "event_mode": e.mode or "",
                "event_context": "",
                "actor": codes(e.source),
                "actor_role": e.source_sector or "",
                "recipient": codes(e.target),
                "recipient_role": e.target_sector or "",
                "cameo": e.cameo,
                "goldstein": e.goldstein,
                "aux": e.aux,
                "said_by": codes(e.said_by),
                "location": e.location,
                "story_id": a.id,
                "story_date": a.date.isoformat() if a.date else None,
                "story_title": a.title,
                "text": e.evidence.exact,
                "sentence": e.evidence.sentence,
                "start": e.evidence.start,
                "end": e.evidence.end,
                "rule": e.rule,
                "sources": x.source_count,  # outlets that reported the story (see Store: near-duplicates)
                **({"correction": e.correction} if getattr(e, "correction", None) else {}),
            }


def write(extractions: Iterable[Extraction], stream: IO[str]) -> int:
    xs = list(extractions)
    json.dump(list(records(xs)), stream, ensure_ascii=False, indent=1)
    stream.write("\n")
    return len(xs)

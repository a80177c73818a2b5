"""Conversion between the pydantic model and table rows (plain dicts), in both directions.

Kept apart from the SQL so the mapping can be read, and tested, on its own: `to_rows` and
`from_rows` must be exact inverses for everything the model holds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from parley.model import Actor, Article, Codes, Event, Evidence, Extraction, Statement

Row = dict[str, Any]

_ARTICLE_FIELDS = ("id", "text", "title", "date", "source", "url", "origin", "lang")
_EVIDENCE_FIELDS = ("sentence", "start", "end", "exact", "prefix", "suffix")
# Columns a model does not hold (keys and derived values), dropped on the way back.
_NOT_IN_MODEL = {
    "article_id",
    "idx",
    "source_key",
    "content_hash",
    "extraction_hash",
    "ingested_at",
    "updated_at",
}


# Analysts' marks on items (Event/Statement.correction) live in the corrections table, never in the
# machine output's rows, and do not count towards the fingerprint either; nor do a story's other
# sources (Extraction.sources), which live in story_sources and are attached when read.
_NOT_STORED = {"evidence", "correction"}
_NOT_HASHED: dict[str, Any] = {
    "events": {"__all__": {"correction"}},
    "statements": {"__all__": {"correction"}},
    "sources": True,
}


def extraction_hash(extraction: Extraction) -> str:
    """Fingerprint of the machine output in the Extraction: equal hashes mean there is nothing to write."""
    return hashlib.sha256(extraction.model_dump_json(exclude=_NOT_HASHED).encode("utf-8")).hexdigest()


def source_key(source: Codes) -> str | None:
    """Indexable form of an event source: the code itself, or the codes of a compound joined by '+'."""
    if isinstance(source, list):
        return "+".join(source)
    return source


def _evidence_to_columns(evidence: Evidence) -> Row:
    return {f"ev_{f}": getattr(evidence, f) for f in _EVIDENCE_FIELDS}


def _evidence_from_columns(row: Mapping[str, Any]) -> tuple[Evidence, Row]:
    """The Evidence in a row, and the rest of the row without the ev_* columns."""
    evidence = Evidence(**{f: row[f"ev_{f}"] for f in _EVIDENCE_FIELDS})
    rest = {k: v for k, v in row.items() if not k.startswith("ev_")}
    return evidence, rest


def to_rows(extraction: Extraction) -> tuple[Row, list[Row], list[Row], list[Row]]:
    """The article row (without timestamps) and the actor, event and statement rows."""
    a = extraction.article
    article_id = a.id
    article: Row = {f: getattr(a, f) for f in _ARTICLE_FIELDS}
    article["content_hash"] = a.content_hash
    article["extraction_hash"] = extraction_hash(extraction)

    actors = [
        {
            "article_id": article_id,
            "idx": i,
            **x.model_dump(exclude={"evidence"}),
            "evidence": [e.model_dump() for e in x.evidence],
        }
        for i, x in enumerate(extraction.actors)
    ]
    events = [
        {
            "article_id": article_id,
            "idx": i,
            **x.model_dump(exclude=_NOT_STORED),
            "source_key": source_key(x.source),
            **_evidence_to_columns(x.evidence),
        }
        for i, x in enumerate(extraction.events)
    ]
    statements = []
    for i, x in enumerate(extraction.statements):
        row = {
            "article_id": article_id,
            "idx": i,
            **x.model_dump(exclude=_NOT_STORED),
            **_evidence_to_columns(x.evidence),
        }
        row["statement_id"] = row.pop("id")
        statements.append(row)
    return article, actors, events, statements


def _model_fields(row: Mapping[str, Any]) -> Row:
    return {k: v for k, v in row.items() if k not in _NOT_IN_MODEL}


def from_rows(
    article: Mapping[str, Any],
    actors: Sequence[Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]],
    statements: Sequence[Mapping[str, Any]],
) -> Extraction:
    """Rebuild the Extraction; child rows must already be in idx order."""
    out_events = []
    for row in events:
        evidence, rest = _evidence_from_columns(_model_fields(row))
        out_events.append(Event(**rest, evidence=evidence))
    out_statements = []
    for row in statements:
        evidence, rest = _evidence_from_columns(_model_fields(row))
        rest["id"] = rest.pop("statement_id")
        out_statements.append(Statement(**rest, evidence=evidence))
    return Extraction(
        article=Article(**_model_fields(article)),
        actors=[
            Actor(**{**_model_fields(r), "evidence": [Evidence(**e) for e in r["evidence"]]}) for r in actors
        ],
        events=out_events,
        statements=out_statements,
    )

"""The tables: one row per article, and its actors, events and statements as child rows.

Child rows are keyed by (article_id, idx), idx being the item's position in the Extraction, so a
read gives the lists back in order; that primary key is also the index for lookups by article.
Fields that may hold a code or a list of codes are JSON. Evidence is flattened into `ev_*` columns
(the `ev_` prefix also keeps `start`/`end` clear of SQL keywords); an actor's evidence is a list,
stored as JSON.

This module describes the head schema; the database is only ever changed by the migrations in
`migrations/versions`, and a test checks that the two agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeEngine

# Fixed constraint names, so later migrations can refer to them on every backend.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def json_type() -> TypeEngine[object]:
    """JSON; JSONB on PostgreSQL (indexable, compact). Python None is stored as SQL NULL."""
    return JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


def _evidence_columns() -> list[Column[object]]:
    return [
        Column("ev_sentence", Integer, nullable=False),
        Column("ev_start", Integer, nullable=False),
        Column("ev_end", Integer, nullable=False),
        Column("ev_exact", Text, nullable=False),
        Column("ev_prefix", Text, nullable=False),
        Column("ev_suffix", Text, nullable=False),
    ]


def _article_fk() -> Column[str]:
    # Deleting an article takes its machine output with it.
    return Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),  # the doc id
    Column("content_hash", String(64), nullable=False, unique=True),  # sha256 of the normalised text
    Column("extraction_hash", String(64), nullable=False),  # sha256 of the whole Extraction: "unchanged"
    Column("title", Text),
    Column("date", Date),
    Column("source", Text),
    Column("url", Text),
    Column("origin", Text),
    Column("lang", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),  # first stored
    Column("updated_at", DateTime(timezone=True), nullable=False),  # machine output last replaced
)

actors = Table(
    "actors",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),
    Column("code", Text),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("sector", Text),
    Column("role", Text),
    Column("evidence", json_type(), nullable=False),  # list of Evidence objects
)

events = Table(
    "events",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),
    Column("source", json_type()),
    # Derived from `source` for indexed lookups: the root code, or "A+B" for a compound source.
    Column("source_key", Text),
    Column("target", json_type()),
    Column("type", Text),  # None: a CAMEO 01 public statement, which PLOVER has no type for
    Column("source_sector", Text),
    Column("target_sector", Text),
    Column("mode", Text),
    Column("cameo", Text),
    Column("goldstein", Double),
    Column("aux", Text),
    Column("date", Date),
    Column("location", Text),
    Column("said_by", json_type()),
    *_evidence_columns(),
    Column("rule", Text, nullable=False),
    Column("trigger", Text),
    Column("path", Text),
    Index("ix_events_source_key_type", "source_key", "type"),
)

statements = Table(
    "statements",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),
    Column("statement_id", Text, nullable=False),  # Statement.id, e.g. "s1"; unique only per article
    Column("actor", json_type()),
    Column("act", Text, nullable=False),
    Column("issue", Text, nullable=False),
    Column("object", Text),
    Column("target", json_type()),
    Column("guarantors", json_type(), nullable=False),
    Column("conditional_on", json_type(), nullable=False),
    *_evidence_columns(),
    Column("rule", Text, nullable=False),
)

# Machine output of one article. Analyst corrections live in a table of their own (below), keyed on
# the article and never written by Store.save, so re-extracting cannot lose them.
CHILD_TABLES: tuple[Table, ...] = (actors, events, statements)

# An analyst's grouping of articles into negotiations: overrides of the automatic grouping by
# parties and time. Never written by Store.save, so re-extraction keeps them.
case_members = Table(
    "case_members",
    metadata,
    Column("case_id", Text, primary_key=True),
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("status", String(16), nullable=False),  # added | removed
)

# Analysts' corrections of the machine output (see corrections.py), applied when read. Items are
# named by a key taken from their evidence, not by idx, so a correction outlives re-extraction.
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # also the order they apply in
    # NULL: a merge of actor codes in every article.
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), index=True),
    Column("action", String(16), nullable=False),  # right | wrong | edit | add | merge
    Column("kind", String(16), nullable=False),  # event | statement | actor
    Column("item", Text),  # the corrected item's key; NULL for add and merge
    Column("data", json_type(), nullable=False),
    Column("note", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Near-duplicate stories (see stories.py). Every row of `articles` is a story. The MinHash and LSH
# bands of each copy of a story (the story itself, and each other source) are kept to find later
# copies, which are recorded as sources instead of being stored again. Everything here cascades from
# the story, and none of it is touched by re-extraction.
story_minhashes = Table(
    "story_minhashes",
    metadata,
    Column("article_id", Text, primary_key=True),  # the copy's own doc id
    Column("story_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("signature", LargeBinary, nullable=False),  # NUM_PERM little-endian uint32
)

story_bands = Table(
    "story_bands",
    metadata,
    Column("article_id", Text, primary_key=True),  # the copy's own doc id
    Column("band", Integer, primary_key=True),
    Column("band_hash", BigInteger, nullable=False),
    Column("story_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Index("ix_story_bands_band_band_hash", "band", "band_hash"),  # the candidate lookup
)

# The other copies of a story: one row per article id that was not stored because its text is the
# story's, or near enough. A copy's own id and text hash let a resumed ingest skip it.
story_sources = Table(
    "story_sources",
    metadata,
    Column("article_id", Text, primary_key=True),  # the copy's own doc id
    Column("story_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("source", Text),
    Column("url", Text),
    Column("date", Date),
    Column("title", Text),
    # Estimated Jaccard similarity with the closest copy of the story stored before it (1: same text).
    Column("similarity", Double, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

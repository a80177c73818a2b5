"""Initial schema: articles and their actors, events and statements.

Revision ID: 0001
Revises:
Create Date: 2024-12-01

Written out in full rather than built from schema.py, so that this migration stays what it was
when schema.py moves on.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


def _article_fk(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], ondelete="CASCADE", name=f"fk_{table}_article_id_articles"
        ),
        sa.PrimaryKeyConstraint("article_id", "idx", name=f"pk_{table}"),
    ]


def _evidence() -> list[sa.Column[object]]:
    return [
        sa.Column("ev_sentence", sa.Integer(), nullable=False),
        sa.Column("ev_start", sa.Integer(), nullable=False),
        sa.Column("ev_end", sa.Integer(), nullable=False),
        sa.Column("ev_exact", sa.Text(), nullable=False),
        sa.Column("ev_prefix", sa.Text(), nullable=False),
        sa.Column("ev_suffix", sa.Text(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("extraction_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("date", sa.Date()),
        sa.Column("source", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("origin", sa.Text()),
        sa.Column("lang", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_table(
        "actors",
        *_article_fk("actors"),
        sa.Column("code", sa.Text()),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("sector", sa.Text()),
        sa.Column("role", sa.Text()),
        sa.Column("evidence", _json(), nullable=False),
    )
    op.create_table(
        "events",
        *_article_fk("events"),
        sa.Column("source", _json()),
        sa.Column("source_key", sa.Text()),
        sa.Column("target", _json()),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("source_sector", sa.Text()),
        sa.Column("target_sector", sa.Text()),
        sa.Column("mode", sa.Text()),
        sa.Column("cameo", sa.Text()),
        sa.Column("goldstein", sa.Double()),
        sa.Column("aux", sa.Text()),
        sa.Column("date", sa.Date()),
        sa.Column("location", sa.Text()),
        sa.Column("said_by", _json()),
        *_evidence(),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("trigger", sa.Text()),
        sa.Column("path", sa.Text()),
    )
    op.create_index("ix_events_source_key_type", "events", ["source_key", "type"])
    op.create_table(
        "statements",
        *_article_fk("statements"),
        sa.Column("statement_id", sa.Text(), nullable=False),
        sa.Column("actor", _json()),
        sa.Column("act", sa.Text(), nullable=False),
        sa.Column("issue", sa.Text(), nullable=False),
        sa.Column("object", sa.Text()),
        sa.Column("target", _json()),
        sa.Column("guarantors", _json(), nullable=False),
        sa.Column("conditional_on", _json(), nullable=False),
        *_evidence(),
        sa.Column("rule", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("statements")
    op.drop_index("ix_events_source_key_type", table_name="events")
    op.drop_table("events")
    op.drop_table("actors")
    op.drop_table("articles")

"""Near-duplicate stories: MinHash signatures and LSH bands of every copy, and each story's sources.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

The tables are written out in full. The signatures of articles already stored are computed here
with parley.store.stories, as Store.save computes them, so later copies of those articles are found
too; articles already stored twice over are left as they are (nothing is merged after the fact).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from parley.store import stories

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 200


def _story_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["story_id"], ["articles.id"], ondelete="CASCADE", name=f"fk_{table}_story_id_articles"
    )


def upgrade() -> None:
    op.create_table(
        "story_minhashes",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        _story_fk("story_minhashes"),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_minhashes"),
    )
    op.create_index("ix_story_minhashes_story_id", "story_minhashes", ["story_id"])
    op.create_table(
        "story_bands",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("band_hash", sa.BigInteger(), nullable=False),
        sa.Column("story_id", sa.Text(), nullable=False),
        _story_fk("story_bands"),
        sa.PrimaryKeyConstraint("article_id", "band", name="pk_story_bands"),
    )
    op.create_index("ix_story_bands_band_band_hash", "story_bands", ["band", "band_hash"])
    op.create_index("ix_story_bands_story_id", "story_bands", ["story_id"])
    op.create_table(
        "story_sources",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("date", sa.Date()),
        sa.Column("title", sa.Text()),
        sa.Column("similarity", sa.Double(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        _story_fk("story_sources"),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_sources"),
    )
    op.create_index("ix_story_sources_story_id", "story_sources", ["story_id"])
    op.create_index("ix_story_sources_content_hash", "story_sources", ["content_hash"])
    _backfill()


def _backfill() -> None:
    """Signatures and bands for the articles stored before this revision, a batch at a time."""
    conn = op.get_bind()
    articles = sa.table("articles", sa.column("id", sa.Text()), sa.column("text", sa.Text()))
    minhashes = sa.table(
        "story_minhashes", sa.column("article_id"), sa.column("story_id"), sa.column("signature")
    )
    bands = sa.table(
        "story_bands",
        sa.column("article_id"),
        sa.column("band"),
        sa.column("band_hash"),
        sa.column("story_id"),
    )
    last: str | None = None
    while True:
        query = sa.select(articles.c.id, articles.c.text).order_by(articles.c.id).limit(_BATCH)
        if last is not None:
            query = query.where(articles.c.id > last)
        batch = conn.execute(query).all()
        if not batch:
            return
        sig_rows, band_rows = [], []
        for article_id, text in batch:
            sig = stories.signature(text)
            if sig.shingles:
                sig_rows.append(
                    {"article_id": article_id, "story_id": article_id, "signature": sig.to_bytes()}
                )
                band_rows += [
                    {"article_id": article_id, "band": i, "band_hash": h, "story_id": article_id}
                    for i, h in enumerate(sig.bands)
                ]
        if sig_rows:
            conn.execute(sa.insert(minhashes), sig_rows)
            conn.execute(sa.insert(bands), band_rows)
        last = batch[-1][0]


def downgrade() -> None:
    op.drop_index("ix_story_sources_content_hash", table_name="story_sources")
    op.drop_index("ix_story_sources_story_id", table_name="story_sources")
    op.drop_table("story_sources")
    op.drop_index("ix_story_bands_story_id", table_name="story_bands")
    op.drop_index("ix_story_bands_band_band_hash", table_name="story_bands")
    op.drop_table("story_bands")
    op.drop_index("ix_story_minhashes_story_id", table_name="story_minhashes")
    op.drop_table("story_minhashes")

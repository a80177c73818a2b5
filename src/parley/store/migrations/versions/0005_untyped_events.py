"""Events may have no PLOVER type: CAMEO 01 public statements (comments, claims of responsibility,
options considered) are kept with their CAMEO code only.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.alter_column("type", existing_type=sa.Text(), nullable=True)


def downgrade() -> None:
    # the untyped statements cannot be kept under the old rule
    op.execute("DELETE FROM events WHERE type IS NULL")
    with op.batch_alter_table("events") as batch:
        batch.alter_column("type", existing_type=sa.Text(), nullable=False)

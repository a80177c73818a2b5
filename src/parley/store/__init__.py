"""Storage of extractions: SQLite by default, PostgreSQL with the same code.

    with Store.open() as store:          # db argument, else $PARLEY_DB, else ./parley.db
        store.save(extraction)           # "new" | "updated" | "unchanged" | "duplicate" | "near-duplicate"
        store.get("some-doc-id")
        store.add_correction(Correction(...))   # an analyst's correction, see corrections.py
        store.get("some-doc-id", corrected=True)

The schema lives in `schema.py`; it is created and upgraded only through the Alembic migrations in
`migrations/`, which `Store.open` runs to head.
"""

from parley.store.corrections import Correction
from parley.store.engine import resolve_url
from parley.store.repository import SaveResult, Store

__all__ = ["Correction", "SaveResult", "Store", "resolve_url"]

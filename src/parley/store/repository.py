"""The Store: save and read back Extractions, one transaction per article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any, Literal, Self

from sqlalchemy import Connection, Engine, Select, Table, delete, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from parley.model import Article, Extraction, StorySource
from parley.store import rows, stories, story_index
from parley.store.corrections import Correction, apply, validate
from parley.store.engine import WRITE_OPTION, make_engine, resolve_url
from parley.store.migrate import upgrade_to_head
from parley.store.schema import (
    CHILD_TABLES,
    actors,
    articles,
    case_members,
    events,
    statements,
    story_sources,
)
from parley.store.schema import corrections as corrections_table

SaveResult = Literal["new", "updated", "unchanged", "duplicate", "near-duplicate"]

# A save that lost a race (another writer stored the same id or text first, or PostgreSQL broke a
# deadlock) is rolled back whole and looked at again; the second look classifies it.
_ATTEMPTS = 3
_RETRY_SQLSTATES = {"40001", "40P01"}  # serialization failure, deadlock detected


class Store:
    """Extractions in a SQL database. Use `Store.open()`; close it (or use `with`) when done."""

    def __init__(self, engine: Engine, *, near_duplicates: float | None = stories.THRESHOLD) -> None:
        """Wrap an engine whose schema is already at head (Store.open takes care of that).

        `near_duplicates`: the estimated Jaccard similarity (of word pairs, see stories.py) from
        which a new article is taken as a copy of a stored story; None: only identical texts are.
        """
        if near_duplicates is not None and not 0 < near_duplicates <= 1:
            raise ValueError(f"near_duplicates must be in (0, 1], not {near_duplicates}")
        self.engine = engine
        self.near_duplicates = near_duplicates
        self._writer = engine.execution_options(**{WRITE_OPTION: True})

    @classmethod
    def open(cls, db: str | None = None, *, near_duplicates: float | None = stories.THRESHOLD) -> Store:
        """Connect to `db` (see `resolve_url`) and migrate its schema to head."""
        engine = make_engine(resolve_url(db))
        try:
            upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, near_duplicates=near_duplicates)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # -- writing ---------------------------------------------------------------------------------

    def save(self, extraction: Extraction) -> SaveResult:
        """Store one article and its machine output, all of it or none of it.

        "duplicate": another stored article has the same text; "near-duplicate": a stored article
        has nearly the same text (see `near_duplicates`). Either way the article is recorded as
        another source of that story, and its own extraction is not stored, so events are counted
        once. "unchanged": this id holds exactly this Extraction (nothing written). "updated": this
        id held other text or output, now replaced (a story keeps its other sources). "new": stored.

        An id recorded as a copy stays one when saved again with the same text (same outcome,
        nothing written); with another text it is looked at afresh.
        """
        article, *children = rows.to_rows(extraction)
        sig = stories.signature(extraction.article.text)  # CPU work, done outside the transaction
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                return self._save_once(extraction.article, article, children, sig)
            except DBAPIError as exc:
                if attempt == _ATTEMPTS or not _retryable(exc):
                    raise
        raise AssertionError("unreachable")

    def _save_once(
        self, a: Article, article: rows.Row, children: Sequence[list[rows.Row]], sig: stories.Signature
    ) -> SaveResult:
        article_id = article["id"]
        with self._writer.begin() as conn:
            story_index.lock(
                conn,
                [
                    stories.lock_key("id", article_id),
                    stories.lock_key("text", article["content_hash"]),
                    *(sig.bands if sig.shingles else []),
                ],
            )
            twin = conn.execute(
                select(articles.c.id)
                .where(articles.c.content_hash == article["content_hash"], articles.c.id != article_id)
                .limit(1)
            ).first()
            # FOR UPDATE (PostgreSQL) queues concurrent saves of the same id; SQLite is already serialised.
            stored = conn.execute(
                select(articles.c.content_hash, articles.c.extraction_hash)
                .where(articles.c.id == article_id)
                .with_for_update()
            ).first()
            if stored is not None:
                # A story keeps its id and its sources, whatever text it is given; another story's
                # text leaves it as it was.
                return "duplicate" if twin is not None else self._update(conn, article, children, sig, stored)

            known = story_index.copy_row(conn, article_id)
            if known is not None and known["content_hash"] == article["content_hash"]:
                # Saved before, as a copy: the same outcome again, nothing written.
                story_text = conn.scalar(
                    select(articles.c.content_hash).where(articles.c.id == known["story_id"])
                )
                return "duplicate" if story_text == article["content_hash"] else "near-duplicate"
            if twin is not None:
                story_index.record_copy(conn, twin[0], a, 1.0, sig)
                return "duplicate"
            copy = story_index.copy_with_text(conn, article["content_hash"], article_id)
            if copy is not None:
                # Word for word another source of a story: that story, and as similar to it.
                story_index.record_copy(conn, copy["story_id"], a, copy["similarity"], sig)
                return "near-duplicate"
            if self.near_duplicates is not None:
                match = story_index.best_match(conn, sig, self.near_duplicates)
                if match is not None:
                    story_index.record_copy(conn, match[0], a, match[1], sig)
                    return "near-duplicate"
            if known is not None:
                story_index.forget_copy(conn, article_id)  # its new text is a story of its own

            now = dt.datetime.now(dt.UTC)
            conn.execute(insert(articles).values(**article, ingested_at=now, updated_at=now))
            self._insert_children(conn, children)
            story_index.index_copy(conn, article_id, article_id, sig)
            return "new"

    def _update(
        self,
        conn: Connection,
        article: rows.Row,
        children: Sequence[list[rows.Row]],
        sig: stories.Signature,
        stored: Any,
    ) -> SaveResult:
        if tuple(stored) == (article["content_hash"], article["extraction_hash"]):
            return "unchanged"
        article_id = article["id"]
        # Replace the machine output only. The article row is updated, not deleted, so the cascade
        # does not fire: analysts' corrections, case members and the story's other sources, in
        # tables of their own referencing the article, stay as they are.
        for table in CHILD_TABLES:
            conn.execute(delete(table).where(table.c.article_id == article_id))
        conn.execute(
            update(articles)
            .where(articles.c.id == article_id)
            .values(**article, updated_at=dt.datetime.now(dt.UTC))
        )
        self._insert_children(conn, children)
        if stored[0] != article["content_hash"]:
            story_index.index_copy(conn, article_id, article_id, sig)
        return "updated"

    @staticmethod
    def _insert_children(conn: Connection, children: Sequence[list[rows.Row]]) -> None:
        for table, table_rows in zip(CHILD_TABLES, children, strict=True):
            if table_rows:
                conn.execute(insert(table), table_rows)

    # -- reading ---------------------------------------------------------------------------------

    def get(self, article_id: str, corrected: bool = False, *, keep_wrong: bool = False) -> Extraction | None:
        """The stored article; `corrected`: the reader's view, with the analysts' corrections applied
        (items marked wrong dropped, or kept and marked with `keep_wrong`) and, for a story reported
        more than once, its sources."""
        with self.engine.connect() as conn:
            found = self._load(conn, select(articles).where(articles.c.id == article_id))
            if corrected:
                found = self._corrected(conn, found, keep_wrong)
        return found[0] if found else None

    def iter_extractions(self, batch_size: int = 100, corrected: bool = False) -> Iterator[Extraction]:
        """Every Extraction in article id order, read `batch_size` articles at a time; `corrected`:
        the reader's view, as for `get` (items marked wrong dropped).

        Pages by key (id > last id seen), each page in its own short read, so a long iteration
        holds no transaction or cursor open while the caller works.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        last: str | None = None
        while True:
            query = select(articles).order_by(articles.c.id).limit(batch_size)
            if last is not None:
                query = query.where(articles.c.id > last)
            with self.engine.connect() as conn:
                batch = self._load(conn, query)
                if corrected:
                    batch = self._corrected(conn, batch, keep_wrong=False)
            yield from batch
            if len(batch) < batch_size:
                return
            last = batch[-1].article.id

    # -- analysts' case membership ----------------------------------------------------------------

    def set_case_member(self, case_id: str, article_id: str, status: Literal["added", "removed"]) -> None:
        """Record that an analyst put an article into a case, or took it out."""
        with self._writer.begin() as conn:
            if conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is None:
                raise KeyError(article_id)
            conn.execute(
                delete(case_members).where(
                    (case_members.c.case_id == case_id) & (case_members.c.article_id == article_id)
                )
            )
            conn.execute(insert(case_members).values(case_id=case_id, article_id=article_id, status=status))

    def case_overrides(self) -> list[tuple[str, str, str]]:
        """(case id, article id, added|removed), as analysts set them."""
        with self.engine.connect() as conn:
            rows_ = conn.execute(
                select(case_members.c.case_id, case_members.c.article_id, case_members.c.status).order_by(
                    case_members.c.case_id, case_members.c.article_id
                )
            )
            return [(r[0], r[1], r[2]) for r in rows_]

    # -- analysts' corrections -------------------------------------------------------------------

    def add_correction(self, c: Correction) -> Correction:
        """Check `c` against the article as it now stands and store it; returns it with its id and
        created_at. ValueError when it does not fit (see corrections.validate), KeyError when its
        article is not stored."""
        with self._writer.begin() as conn:
            if c.article_id is None:
                validate(c, None)
            else:
                found = self._load(conn, select(articles).where(articles.c.id == c.article_id))
                if not found:
                    raise KeyError(c.article_id)
                validate(c, found[0], self._corrections(conn, [c.article_id]))
            values = c.model_dump(exclude={"id"})
            values["created_at"] = c.created_at or dt.datetime.now(dt.UTC)
            new_id = conn.execute(insert(corrections_table).values(**values)).inserted_primary_key[0]
        return c.model_copy(update={"id": new_id, "created_at": _aware(values["created_at"])})

    def corrections(self, article_id: str | None = None) -> list[Correction]:
        """In the order they were made: an article's own and the global merges; all, without an id."""
        with self.engine.connect() as conn:
            return self._corrections(conn, None if article_id is None else [article_id])

    @staticmethod
    def _corrections(conn: Connection, article_ids: list[str] | None) -> list[Correction]:
        t = corrections_table
        query = select(t).order_by(t.c.id)
        if article_ids is not None:
            query = query.where(or_(t.c.article_id.in_(article_ids), t.c.article_id.is_(None)))
        return [
            Correction(**{**r, "created_at": _aware(r["created_at"])}) for r in conn.execute(query).mappings()
        ]

    def _corrected(self, conn: Connection, found: list[Extraction], keep_wrong: bool) -> list[Extraction]:
        """The reader's view: analysts' corrections applied, and each story reported more than once
        carrying its sources (Extraction.sources). Uncorrected reads stay exactly what was saved."""
        if not found:
            return found
        known = self._corrections(conn, [x.article.id for x in found])
        copies = story_index.sources_of(conn, [x.article for x in found])
        out = []
        for x in found:
            x = apply(x, known, keep_wrong=keep_wrong)
            if x.article.id in copies:
                x = x.model_copy(update={"sources": copies[x.article.id]})
            out.append(x)
        return out

    def known(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Of these article ids, those already stored (as a story, or as a copy of one), with their
        content hash: a resumed ingest skips an article whose id and text it already holds."""
        out: dict[str, str] = {}
        ids = list(dict.fromkeys(article_ids))
        with self.engine.connect() as conn:
            for k in range(0, len(ids), 500):  # keep IN lists short for every backend
                chunk = ids[k : k + 500]
                for id_col, hash_col in (
                    (articles.c.id, articles.c.content_hash),
                    (story_sources.c.article_id, story_sources.c.content_hash),
                ):
                    rows_ = conn.execute(select(id_col, hash_col).where(id_col.in_(chunk)))
                    out.update({r[0]: r[1] for r in rows_})
        return out

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(articles.c.id).order_by(articles.c.id)))

    def count(self) -> dict[str, int]:
        """Rows per table: articles, actors, events, statements."""
        with self.engine.connect() as conn:
            return {
                t.name: conn.scalar(select(func.count()).select_from(t)) or 0
                for t in (articles, actors, events, statements)
            }

    def count_stories(self) -> dict[str, int]:
        """stories: articles stored with their extraction; articles: every article id seen, the
        stories and the copies recorded as their other sources."""
        with self.engine.connect() as conn:
            n = conn.scalar(select(func.count()).select_from(articles)) or 0
            return {"stories": n, "articles": n + story_index.count_copies(conn)}

    def sources(self, article_id: str) -> list[StorySource]:
        """Every copy of the story `article_id` belongs to (as the story or as a copy), the story
        first; [] for an unknown id."""
        with self.engine.connect() as conn:
            story_id = story_index.story_id_of(conn, article_id)
            if story_id is None:
                return []
            row = conn.execute(select(articles).where(articles.c.id == story_id)).mappings().one()
            story = Article(**{k: row[k] for k in Article.model_fields})
            found = story_index.sources_of(conn, [story])
        return found.get(story_id) or [story_index.as_source(story)]

    @staticmethod
    def _load(conn: Connection, article_query: Select[Any]) -> list[Extraction]:
        """Extractions for the articles `article_query` selects, in its order: four queries in all."""
        article_rows = [dict(r) for r in conn.execute(article_query).mappings()]
        if not article_rows:
            return []
        ids = [r["id"] for r in article_rows]
        children: dict[str, dict[Table, list[dict[str, Any]]]] = {
            i: {t: [] for t in CHILD_TABLES} for i in ids
        }
        for table in CHILD_TABLES:
            query = select(table).where(table.c.article_id.in_(ids)).order_by(table.c.article_id, table.c.idx)
            for r in conn.execute(query).mappings():
                children[r["article_id"]][table].append(dict(r))
        return [rows.from_rows(a, *(children[a["id"]][t] for t in CHILD_TABLES)) for a in article_rows]


def _retryable(exc: DBAPIError) -> bool:
    return isinstance(exc, IntegrityError) or getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES


def _aware(t: dt.datetime) -> dt.datetime:
    """SQLite hands timestamps back without their zone; they are stored in UTC."""
    return t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)

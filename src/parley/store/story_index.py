"""The stories' tables, on an open connection: the MinHash index of every copy of every story, the
LSH candidate lookup, and the other sources of each story. Store.save calls these inside its one
transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, delete, func, insert, or_, select, text

from parley.model import Article, StorySource
from parley.store.schema import articles, story_bands, story_minhashes, story_sources
from parley.store.stories import BANDS, Signature


def lock(conn: Connection, keys: Iterable[int]) -> None:
    """PostgreSQL: take transaction-scoped advisory locks on `keys`, in ascending order so that two
    writers never wait on each other in a cycle. Two saves whose texts share an LSH band (or an id,
    or a text) so run one after the other, and the second sees the first as a stored story. SQLite
    needs none: its writers are serialised by BEGIN IMMEDIATE."""
    if conn.dialect.name != "postgresql":
        return
    ordered = sorted(set(keys))
    # unnest yields the array in order, and the locks are taken row by row as it does.
    conn.execute(
        text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS t(k)"),
        {"keys": ordered},
    )


def index_copy(conn: Connection, article_id: str, story_id: str, sig: Signature) -> None:
    """Index one copy of a story (the story itself, or another source) under its text, replacing
    what was indexed for that id before."""
    unindex(conn, article_id)
    if not sig.shingles:
        return  # no words: nothing another text could be similar to
    conn.execute(
        insert(story_minhashes).values(article_id=article_id, story_id=story_id, signature=sig.to_bytes())
    )
    conn.execute(
        insert(story_bands),
        [
            {"article_id": article_id, "band": i, "band_hash": h, "story_id": story_id}
            for i, h in enumerate(sig.bands)
        ],
    )


def unindex(conn: Connection, article_id: str) -> None:
    conn.execute(delete(story_bands).where(story_bands.c.article_id == article_id))
    conn.execute(delete(story_minhashes).where(story_minhashes.c.article_id == article_id))


def _candidates_query() -> Select[Any]:
    # Built once: one (band = i AND band_hash = :h<i>) term per band, each an index lookup.
    b, m = story_bands.c, story_minhashes.c
    hits = or_(*(and_(b.band == i, b.band_hash == bindparam(f"h{i}")) for i in range(BANDS)))
    return select(m.story_id, m.signature).where(m.article_id.in_(select(b.article_id).where(hits)))


_CANDIDATES = _candidates_query()


def best_match(conn: Connection, sig: Signature, threshold: float) -> tuple[str, float] | None:
    """The story with the copy most similar to `sig` (ties: the smallest story id), if that copy is
    at least `threshold` similar: (story id, estimated Jaccard similarity)."""
    if not sig.comparable:
        return None
    best: tuple[str, float] | None = None
    for story_id, data in conn.execute(_CANDIDATES, {f"h{i}": h for i, h in enumerate(sig.bands)}):
        sim = sig.similarity(Signature.values_from_bytes(bytes(data)))
        if sim >= threshold and (best is None or (-sim, story_id) < (-best[1], best[0])):
            best = (story_id, sim)
    return best


def copy_row(conn: Connection, article_id: str) -> Mapping[str, Any] | None:
    """The story_sources row of an article id recorded as a copy of a story, if it is one."""
    query = select(story_sources).where(story_sources.c.article_id == article_id)
    return conn.execute(query).mappings().first()


def copy_with_text(conn: Connection, content_hash: str, article_id: str) -> Mapping[str, Any] | None:
    """A copy recorded under another id with exactly this text, if there is one."""
    query = (
        select(story_sources)
        .where(story_sources.c.content_hash == content_hash, story_sources.c.article_id != article_id)
        .order_by(story_sources.c.article_id)
        .limit(1)
    )
    return conn.execute(query).mappings().first()


def record_copy(conn: Connection, story_id: str, article: Article, similarity: float, sig: Signature) -> None:
    """Record `article` as another source of the story, replacing what its id was recorded as."""
    conn.execute(delete(story_sources).where(story_sources.c.article_id == article.id))
    conn.execute(
        insert(story_sources).values(
            article_id=article.id,
            story_id=story_id,
            content_hash=article.content_hash,
            source=article.source,
            url=article.url,
            date=article.date,
            title=article.title,
            similarity=similarity,
            added_at=dt.datetime.now(dt.UTC),
        )
    )
    index_copy(conn, article.id, story_id, sig)


def forget_copy(conn: Connection, article_id: str) -> None:
    conn.execute(delete(story_sources).where(story_sources.c.article_id == article_id))
    unindex(conn, article_id)


def sources_of(conn: Connection, stories: Sequence[Article]) -> dict[str, list[StorySource]]:
    """For each story, every copy of it: the story first, then the others by date and id. Only
    stories with more than one source are in the result."""
    ids = [a.id for a in stories]
    found: dict[str, list[StorySource]] = {}
    for k in range(0, len(ids), 500):  # keep IN lists short for every backend
        query = select(story_sources).where(story_sources.c.story_id.in_(ids[k : k + 500]))
        for r in conn.execute(query).mappings():
            found.setdefault(r["story_id"], []).append(
                StorySource(
                    id=r["article_id"], source=r["source"], url=r["url"], date=r["date"], title=r["title"]
                )
            )
    out = {}
    for story in stories:
        others = found.get(story.id)
        if others:
            others.sort(key=lambda s: (s.date is None, s.date or dt.date.min, s.id))
            out[story.id] = [as_source(story), *others]
    return out


def as_source(a: Article) -> StorySource:
    return StorySource(id=a.id, source=a.source, url=a.url, date=a.date, title=a.title)


def story_id_of(conn: Connection, article_id: str) -> str | None:
    """The story an article id belongs to: itself when stored, its story when a copy, else None."""
    if conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is not None:
        return article_id
    return conn.scalar(select(story_sources.c.story_id).where(story_sources.c.article_id == article_id))


def count_copies(conn: Connection) -> int:
    return conn.scalar(select(func.count()).select_from(story_sources)) or 0

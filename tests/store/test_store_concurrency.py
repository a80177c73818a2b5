"""Concurrent writers: processes (spawned) and threads saving overlapping articles into one database.

Every worker saves every article (the same ids, identical texts under other ids, light copies), each
in its own order. However the saves interleave, each article must end up stored once, as a story or
as a source of one, each group of copies as one story, and no save may fail.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select
from stories_text import edited, story_text

from parley.model import Article, Extraction
from parley.store import Store
from parley.store.schema import articles, story_sources

WORKERS = 4
GROUPS = 6  # stories that come with copies
SINGLES = 6  # stories without


def _items() -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(id, text) of every article, and the group each belongs to."""
    items: list[tuple[str, str]] = []
    group: dict[str, str] = {}
    for g in range(GROUPS):
        body = story_text(100 + g)
        members = [
            (f"g{g}-wire", body),
            (f"g{g}-copy", body),  # word for word
            *((f"g{g}-reprint{k}", edited(body, 10 * g + k)) for k in range(3)),
        ]
        for doc_id, _ in members:
            group[doc_id] = f"g{g}"
        items += members
    for s in range(SINGLES):
        items.append((f"single{s}", story_text(200 + s)))
        group[f"single{s}"] = f"single{s}"
    return items, group


def _extraction(doc_id: str, body: str) -> Extraction:
    return Extraction(article=Article(id=doc_id, text=body, source=doc_id, date=dt.date(2024, 3, 4)))


def _shuffled(items: list[tuple[str, str]], seed: int) -> list[tuple[str, str]]:
    out = list(items)
    random.Random(seed).shuffle(out)
    return out


def save_all(db_url: str, seed: int) -> list[tuple[str, str]]:
    """One process's work (module level, so a spawned process can import it): (id, outcome) pairs."""
    items, _ = _items()
    with Store.open(db_url) as store:
        return [(doc_id, store.save(_extraction(doc_id, body))) for doc_id, body in _shuffled(items, seed)]


def _in_processes(db_url: str) -> list[tuple[str, str]]:
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        return [
            r for part in pool.starmap(save_all, [(db_url, seed) for seed in range(WORKERS)]) for r in part
        ]


def _in_threads(db_url: str) -> list[tuple[str, str]]:
    items, _ = _items()
    with Store.open(db_url) as store:

        def work(seed: int) -> list[tuple[str, str]]:
            return [(i, store.save(_extraction(i, body))) for i, body in _shuffled(items, seed)]

        with ThreadPoolExecutor(WORKERS) as pool:
            return [r for part in pool.map(work, range(WORKERS)) for r in part]


@pytest.mark.parametrize("run", [_in_processes, _in_threads], ids=["processes", "threads"])
def test_concurrent_saves_store_every_article_once(db_url: str, run) -> None:  # type: ignore[no-untyped-def]
    with Store.open(db_url):
        pass  # migrate once, before the writers start

    outcomes = run(db_url)  # a failed save raises here

    items, group = _items()
    assert len(outcomes) == WORKERS * len(items)
    with Store.open(db_url) as store:
        with store.engine.connect() as conn:
            stored = set(conn.scalars(select(articles.c.id)))
            copies = dict(conn.execute(select(story_sources.c.article_id, story_sources.c.story_id)).all())
        # Every article once: a story or a copy, never both, never neither.
        assert not stored & copies.keys()
        assert stored | copies.keys() == {i for i, _ in items}
        # Each group is one story, held by one of its own articles.
        story_of = {i: copies.get(i, i) for i, _ in items}
        for doc_id, story in story_of.items():
            assert group[story] == group[doc_id], (doc_id, story)
        assert len(stored) == GROUPS + SINGLES
        assert store.count_stories() == {"stories": GROUPS + SINGLES, "articles": len(items)}

    counts = Counter(outcome for _, outcome in outcomes)
    assert counts["new"] == GROUPS + SINGLES  # each story stored by exactly one save
    assert counts["updated"] == 0
    # A story saved again by another worker is "unchanged"; a copy saved again keeps its outcome.
    first: dict[str, str] = {}
    for doc_id, outcome in outcomes:
        if doc_id in stored:
            assert outcome in ("new", "unchanged")
        else:
            assert first.setdefault(doc_id, outcome) == outcome
            assert outcome in ("duplicate", "near-duplicate")

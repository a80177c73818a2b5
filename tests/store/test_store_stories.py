"""Near-duplicate stories: copies are stored once, as sources of the story, on every backend."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from alembic import command
from sqlalchemy import func, insert, select, text
from stories_text import edited, story_text

from parley.model import Article, Extraction
from parley.store import Store, stories
from parley.store.engine import make_engine, resolve_url
from parley.store.migrate import alembic_config
from parley.store.schema import articles, story_bands, story_minhashes, story_sources

WIRE = story_text(1)
OTHER = story_text(2)


def _x(doc_id: str, body: str, source: str | None = None, day: int = 4) -> Extraction:
    return Extraction(
        article=Article(
            id=doc_id,
            text=body,
            title=f"title of {doc_id}",
            date=dt.date(2024, 3, day),
            source=source or f"outlet {doc_id}",
            url=f"https://news.example.org/{doc_id}",
        )
    )


def _rows(store: Store, table) -> int:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table)) or 0


# -- signatures ------------------------------------------------------------------------------------


def test_made_up_texts_are_what_the_tests_need() -> None:
    # Long enough to be compared, copies above the threshold, unrelated stories far below it.
    assert stories.signature(WIRE).comparable
    assert stories.signature(WIRE).similarity(stories.signature(edited(WIRE, 1)).values) > 0.8
    assert stories.signature(WIRE).similarity(stories.signature(OTHER).values) < 0.2


def test_shingles_ignore_case_punctuation_and_spacing() -> None:
    assert stories.shingles("Talks resumed, in  Oslo.") == stories.shingles("talks resumed in\nOSLO")
    assert stories.shingles("one") == {b"one"}
    assert stories.shingles("") == set()


def test_signature_is_the_same_in_another_process() -> None:
    code = (
        "from parley.store import stories; import sys; print(stories.signature(sys.argv[1]).to_bytes().hex())"
    )
    out = subprocess.run([sys.executable, "-c", code, WIRE], check=True, capture_output=True, text=True)
    assert bytes.fromhex(out.stdout.strip()) == stories.signature(WIRE).to_bytes()
    assert len(stories.signature(WIRE).bands) == stories.BANDS


def test_near_duplicates_must_be_a_fraction() -> None:
    with pytest.raises(ValueError):
        Store(make_engine("sqlite://"), near_duplicates=1.5)


# -- saving copies ---------------------------------------------------------------------------------


def test_light_copy_is_recorded_as_a_source_not_stored(store: Store) -> None:
    assert store.save(_x("wire", WIRE)) == "new"
    assert store.save(_x("reprint", edited(WIRE, 1))) == "near-duplicate"
    assert store.save(_x("unrelated", OTHER)) == "new"
    assert store.article_ids() == ["unrelated", "wire"]
    assert store.get("reprint") is None
    assert store.count_stories() == {"stories": 2, "articles": 3}
    assert store.count()["articles"] == 2
    assert [s.id for s in store.sources("wire")] == ["wire", "reprint"]
    assert [s.id for s in store.sources("reprint")] == ["wire", "reprint"]  # asked by the copy's id
    assert [s.id for s in store.sources("unrelated")] == ["unrelated"]
    assert store.sources("nowhere") == []
    with store.engine.connect() as conn:
        (row,) = conn.execute(select(story_sources)).mappings()
    assert (row["story_id"], row["article_id"], row["source"]) == ("wire", "reprint", "outlet reprint")
    assert row["url"] == "https://news.example.org/reprint" and row["title"] == "title of reprint"
    assert 0.8 < row["similarity"] < 1


def test_exact_copy_is_a_duplicate_and_a_source(store: Store) -> None:
    store.save(_x("wire", WIRE))
    assert store.save(_x("copy", WIRE)) == "duplicate"
    (wire, copy) = store.sources("wire")
    assert (wire.id, copy.id) == ("wire", "copy")
    with store.engine.connect() as conn:
        assert conn.scalar(select(story_sources.c.similarity)) == 1.0


def test_copy_of_a_copy_joins_the_same_story(store: Store) -> None:
    # "b" is nearer to the reprint "a" than to the story: it still joins the story, through "a".
    first = edited(WIRE, 1, changes=14)
    second = edited(first, 2, changes=14)
    sim = lambda x, y: stories.signature(x).similarity(stories.signature(y).values)  # noqa: E731
    assert (
        sim(first, WIRE) >= stories.THRESHOLD > sim(second, WIRE) and sim(second, first) >= stories.THRESHOLD
    )
    store.save(_x("story", WIRE))
    assert store.save(_x("a", first)) == "near-duplicate"
    assert store.save(_x("b", second)) == "near-duplicate"
    assert store.save(_x("c", first)) == "near-duplicate"  # word for word "a": same story, not a new one
    assert [s.id for s in store.sources("story")] == ["story", "a", "b", "c"]


def test_resaving_a_copy_is_idempotent(store: Store) -> None:
    store.save(_x("wire", WIRE))
    store.save(_x("copy", WIRE))
    store.save(_x("reprint", edited(WIRE, 1)))
    with store.engine.connect() as conn:
        before = conn.execute(select(story_sources).order_by(story_sources.c.article_id)).all()
    assert store.save(_x("copy", WIRE)) == "duplicate"
    assert store.save(_x("reprint", edited(WIRE, 1))) == "near-duplicate"
    with store.engine.connect() as conn:
        assert conn.execute(select(story_sources).order_by(story_sources.c.article_id)).all() == before
    assert store.count_stories() == {"stories": 1, "articles": 3}


def test_copy_given_a_new_text_is_looked_at_afresh(store: Store) -> None:
    store.save(_x("wire", WIRE))
    store.save(_x("reprint", edited(WIRE, 1)))
    assert store.save(_x("reprint", OTHER)) == "new"  # now another story altogether
    assert store.article_ids() == ["reprint", "wire"]
    assert store.sources("wire") == store.sources("wire")[:1]
    assert store.count_stories() == {"stories": 2, "articles": 2}


def test_story_given_a_new_text_keeps_its_sources(store: Store) -> None:
    store.save(_x("wire", WIRE))
    store.save(_x("reprint", edited(WIRE, 1)))
    assert store.save(_x("wire", edited(WIRE, 7))) == "updated"
    assert [s.id for s in store.sources("wire")] == ["wire", "reprint"]
    # Its index follows the new text: a copy of the new text is found.
    assert store.save(_x("later", edited(edited(WIRE, 7), 8))) == "near-duplicate"


def test_story_cannot_become_a_copy(store: Store) -> None:
    # A stored story keeps its id: given another story's text it stays as it was ("duplicate").
    store.save(_x("wire", WIRE))
    store.save(_x("other", OTHER))
    assert store.save(_x("other", WIRE)) == "duplicate"
    assert store.get("other") == _x("other", OTHER)
    assert store.count_stories() == {"stories": 2, "articles": 2}


def test_unrelated_and_rewritten_stories_are_not_merged(store: Store) -> None:
    store.save(_x("wire", WIRE))
    half = " ".join(WIRE.split(" ")[: len(WIRE.split(" ")) // 2])
    assert store.save(_x("half", half + " " + story_text(3, 80))) == "new"  # half of it, then other news
    assert store.save(_x("other", OTHER)) == "new"
    assert store.count_stories() == {"stories": 3, "articles": 3}


def test_short_texts_are_never_merged(store: Store) -> None:
    brief = story_text(4, words=40)
    assert not stories.signature(brief).comparable
    assert store.save(_x("brief", brief)) == "new"
    assert store.save(_x("brief-2", brief + " More soon.")) == "new"
    assert store.save(_x("brief-3", brief)) == "duplicate"  # identical texts still are


def test_detection_can_be_turned_off(db_url: str) -> None:
    with Store.open(db_url, near_duplicates=None) as store:
        store.save(_x("wire", WIRE))
        assert store.save(_x("reprint", edited(WIRE, 1))) == "new"
        assert store.save(_x("copy", WIRE)) == "duplicate"


def test_detection_holds_across_sessions(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save(_x("wire", WIRE))
    with Store.open(db_url) as store:
        assert store.save(_x("reprint", edited(WIRE, 1))) == "near-duplicate"


def test_known_reports_copies_for_a_resumed_ingest(store: Store) -> None:
    store.save(_x("wire", WIRE))
    store.save(_x("copy", WIRE))
    reprint = _x("reprint", edited(WIRE, 1))
    store.save(reprint)
    assert store.known(["wire", "copy", "reprint", "missing"]) == {
        "wire": _x("wire", WIRE).article.content_hash,
        "copy": _x("copy", WIRE).article.content_hash,
        "reprint": reprint.article.content_hash,
    }


def test_deleting_a_story_takes_its_sources_and_index(store: Store) -> None:
    store.save(_x("wire", WIRE))
    store.save(_x("reprint", edited(WIRE, 1)))
    assert _rows(store, story_bands) == 2 * stories.BANDS and _rows(store, story_minhashes) == 2
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = 'wire'"))
    assert (_rows(store, story_sources), _rows(store, story_bands), _rows(store, story_minhashes)) == (
        0,
        0,
        0,
    )


# -- reading ---------------------------------------------------------------------------------------


def test_reader_view_carries_the_sources_raw_reads_do_not(store: Store) -> None:
    wire = _x("wire", WIRE, day=4)
    store.save(wire)
    store.save(_x("late", edited(WIRE, 1), day=9))
    store.save(_x("early", edited(WIRE, 2), day=5))
    store.save(_x("other", OTHER))

    assert store.get("wire") == wire  # the machine output exactly as saved
    shown = store.get("wire", corrected=True)
    assert shown is not None and shown.sources is not None
    assert [s.id for s in shown.sources] == ["wire", "early", "late"]  # the story, then by date
    assert shown.source_count == 3
    assert shown.sources[1].model_dump(mode="json") == {
        "id": "early",
        "source": "outlet early",
        "url": "https://news.example.org/early",
        "date": "2024-03-05",
        "title": "title of early",
    }
    listed = {x.article.id: x for x in store.iter_extractions(corrected=True)}
    assert listed["wire"].sources == shown.sources
    assert listed["other"].sources is None and listed["other"].source_count == 1

    record = shown.record()
    assert [s["id"] for s in record["sources"]] == ["wire", "early", "late"]
    assert "sources" not in listed["other"].record()
    assert json.dumps(listed["other"].record()) == json.dumps(store.get("other").record())  # type: ignore[union-attr]

    # What was read can be saved back unchanged: the sources are no part of the stored output.
    assert store.save(shown) == "unchanged"


# -- an older database -----------------------------------------------------------------------------


def test_upgrade_indexes_articles_stored_before(db_url: str) -> None:
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0003")
            now = dt.datetime.now(dt.UTC)
            conn.execute(
                insert(articles).values(
                    id="old",
                    content_hash=Article(id="old", text=WIRE).content_hash,
                    extraction_hash="0" * 64,
                    text=WIRE,
                    ingested_at=now,
                    updated_at=now,
                )
            )
    finally:
        engine.dispose()
    with Store.open(db_url) as store:
        assert _rows(store, story_bands) == stories.BANDS
        assert store.save(_x("reprint", edited(WIRE, 1))) == "near-duplicate"
        assert [s.id for s in store.sources("old")] == ["old", "reprint"]

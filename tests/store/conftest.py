"""Fixtures for the store tests: a database per test on each backend, and a rich Extraction.

SQLite always runs (a file under tmp_path). PostgreSQL runs when PARLEY_TEST_PG_URL is set, e.g.
`postgresql+psycopg://postgres@localhost/parley_test`; each test gets a schema of its own (via
search_path), dropped afterwards, so tests neither see nor leave each other's tables.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from parley.model import Actor, Article, Event, Evidence, Extraction, Statement
from parley.store import Store

PG_ENV = "PARLEY_TEST_PG_URL"

ARTICLE_TEXT = (
    "Harbour talks resume — Envoys from Norway and Iceland sat down in Tórshavn on Monday to "
    "settle the long quarrel over mackerel quotas. Norway offered to cut its catch by a tenth if "
    "Iceland stopped landing fish in Faroese ports. Iceland's fisheries minister, Anna Jónsdóttir, "
    "rejected the offer and accused Oslo of bad faith. The European Union said it would stand "
    "behind any deal and would send observers."
)


def _span(text_: str, quote: str, sentence: int) -> Evidence:
    start = text_.index(quote)
    return Evidence.from_span(text_, sentence, start, start + len(quote))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> Iterator[str]:
    """What a user would pass to Store.open: a file path (SQLite) or a URL (PostgreSQL)."""
    if request.param == "sqlite":
        yield os.path.join(tmp_path, "parley.db")
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(
            f"PostgreSQL store tests need {PG_ENV}, e.g. postgresql+psycopg://postgres@localhost/parley_test"
        )
    schema = f"parley_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


MakeExtraction = Callable[..., Extraction]


@pytest.fixture
def make_extraction() -> MakeExtraction:
    """Build an Extraction with every field set, varied by `doc_id`, `tail` (added to the text), `variant`."""

    def make(doc_id: str = "faroe-talks-2024-03-04", tail: str = "", variant: int = 0) -> Extraction:
        text_ = ARTICLE_TEXT + tail
        ev = lambda quote, sentence: _span(text_, quote, sentence)  # noqa: E731
        article = Article(
            id=doc_id,
            text=text_,
            title="Harbour talks resume",
            date=dt.date(2024, 3, 4),
            source="Example Wire",
            url=f"https://news.example.org/{doc_id}",
            origin="corpus/sample.jsonl:17",
            lang="en",
        )
        actors = [
            Actor(code="NOR", name="Norway", kind="state", evidence=[ev("Norway", 0), ev("Oslo", 2)]),
            Actor(
                code="ISL",
                name="Anna Jónsdóttir",
                kind="person",
                sector="GOV",
                role="fisheries minister",
                evidence=[ev("Anna Jónsdóttir", 2)],
            ),
            Actor(code=None, name="observers", kind="collective"),
        ]
        events = [
            Event(
                source=["NOR", "ISL"],
                target=None,
                type="CONSULT",
                mode="third-party",
                cameo="043",
                goldstein=2.8,
                date=dt.date(2024, 3, 4),
                location="Tórshavn",
                evidence=ev("Envoys from Norway and Iceland sat down in Tórshavn on Monday", 0),
                rule="consult.meet",
                trigger="sat",
                path="Envoys <nsubj< sat",
            ),
            Event(
                source="ISL",
                source_sector="GOV",
                target="NOR",
                type="REJECT",
                cameo="125",
                goldstein=-5.0 + 0.1 * variant,
                said_by="ISL",
                evidence=ev("rejected the offer", 2),
                rule="reject.offer",
            ),
            Event(
                source="ISL",
                target="NOR",
                target_sector="GOV",
                type="ACCUSE",
                cameo="112",
                goldstein=0.1 + 0.2,  # not exactly 0.3: checks floats come back bit for bit
                evidence=ev("accused Oslo of bad faith", 2),
                rule="accuse.verb",
            ),
            Event(
                source="EU",
                target=["NOR", "ISL"],
                type="AGREE",
                aux="future",
                cameo="057",
                goldstein=4.5,
                said_by=["EU"],
                evidence=ev("would send observers", 3),
                rule="agree.future",
            ),
        ]
        statements = [
            Statement(
                id="s1",
                actor="NOR",
                act="OFFER",
                issue="fishing_quota",
                object="mackerel",
                target="ISL",
                conditional_on=["s2"],
                evidence=ev("Norway offered to cut its catch by a tenth", 1),
                rule="offer.conditional",
            ),
            Statement(
                id="s2",
                actor="ISL",
                act="DEMAND" if variant == 0 else "DEFER",
                issue="port_access",
                evidence=ev("Iceland stopped landing fish in Faroese ports", 1),
                rule="offer.condition",
            ),
            Statement(
                id="s3",
                actor=["ISL"],
                act="REJECT",
                issue="fishing_quota",
                target=["NOR"],
                evidence=ev("rejected the offer", 2),
                rule="reject.offer",
            ),
            Statement(
                id="s4",
                actor="EU",
                act="OFFER",
                issue="security_guarantees",
                object="deal",
                guarantors=["EU", "UN"],
                evidence=ev("stand behind any deal", 3),
                rule="guarantee",
            ),
        ]
        return Extraction(article=article, actors=actors, events=events, statements=statements)

    return make


@pytest.fixture
def rich_extraction(make_extraction: MakeExtraction) -> Extraction:
    return make_extraction()

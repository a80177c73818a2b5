"""The extraction pipeline: ingest -> nlp -> actors -> events -> ... -> Extraction.

Stages after parsing are registered by name (like spaCy components) and run in the order of
`DEFAULT_STAGES`; each takes the `ArticleState` of one article and adds to it. The spaCy model is
loaded once and applied with `nlp.pipe` in batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from parley import nlp
from parley.actors.mentions import MentionIndex, find_mentions
from parley.actors.resolve import Resolver
from parley.events.coder import EventCoder
from parley.ingest import read as read_inputs
from parley.model import Actor, Article, Event, Evidence, Extraction, InputError, Statement
from parley.negotiation.statements import StatementReader


@dataclass
class ArticleState:
    """What the stages know about one article while it moves through the pipeline."""

    article: Article
    doc: Doc
    mentions: MentionIndex | None = None
    resolver: Resolver | None = None
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # stated positions that name no other party: not events, but read by the negotiation layer
    positions: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def extraction(self) -> Extraction:
        return Extraction(
            article=self.article, actors=self.actors, events=self.events, statements=self.statements
        )


Stage = Callable[[ArticleState], None]
STAGES: dict[str, Stage] = {}


def stage(name: str) -> Callable[[Stage], Stage]:
    """Register a pipeline stage under a name."""

    def register(fn: Stage) -> Stage:
        STAGES[name] = fn
        return fn

    return register


@stage("actors")
def actors_stage(state: ArticleState) -> None:
    state.mentions = find_mentions(state.doc, state.article.date)
    state.resolver = Resolver(state.doc, state.mentions)
    sent_of = _sentence_index(state.doc)
    text = state.doc.text  # Doc.text rebuilds the string on every access
    seen: dict[tuple[str | None, str, str], Actor] = {}
    for m in state.mentions.mentions:
        if m.code is None and m.kind != "person":
            continue
        span = state.doc[m.start : m.end]
        ev = Evidence.from_span(text, sent_of[m.start], span.start_char, span.end_char)
        for code in m.codes or (None,):  # one Actor per code and name, with up to five quotes
            key = (code, m.name, m.kind)
            if key in seen:
                if len(seen[key].evidence) < 5:
                    seen[key].evidence.append(ev)
                continue
            seen[key] = Actor(
                code=code, name=m.name, kind=m.kind, sector=m.sector, role=m.role, evidence=[ev]
            )
    state.actors = list(seen.values())


@lru_cache(maxsize=1)
def _coder() -> EventCoder:
    return EventCoder()


@lru_cache(maxsize=1)
def _statement_reader() -> StatementReader:
    return StatementReader()


@stage("events")
def events_stage(state: ArticleState) -> None:
    assert state.resolver is not None, "the actors stage runs before the events stage"
    # the other party of a negotiation is a target only in an article about one
    talks = _statement_reader().about_negotiation(state.doc)
    state.events = _coder().code(
        state.doc, state.resolver, state.article.date, positions=state.positions, counterparts=talks
    )


@stage("negotiation")
def negotiation_stage(state: ArticleState) -> None:
    assert state.resolver is not None, "the actors stage runs before the negotiation stage"
    # in text order, each sentence's events before its untargeted positions
    stated = sorted([*state.events, *state.positions], key=lambda e: e.evidence.sentence)
    state.statements = _statement_reader().read(state.doc, stated, state.resolver)


DEFAULT_STAGES: tuple[str, ...] = ("actors", "events", "negotiation")


def _sentence_index(doc: Doc) -> list[int]:
    out = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            out[t] = i
    return out


def extract_articles(
    articles: Iterable[Article],
    stages: Sequence[str] = DEFAULT_STAGES,
    batch_size: int = nlp.BATCH_SIZE,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Extraction]:
    """Run the stages over articles, parsing them in batches. A stage that fails on one article
    is reported through `on_error` (or raised, without one); the article keeps what the stages
    before it found, and the batch goes on."""
    for doc, article in nlp.parse_with(((a.text, a) for a in articles), batch_size=batch_size):
        state = ArticleState(article=article, doc=doc)
        for name in stages:
            try:
                STAGES[name](state)
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(
                    InputError(
                        origin=article.origin or article.id,
                        message=f"the {name} stage failed on this article: {exc!r}"[:300],
                    )
                )
                break
        yield state.extraction()


def extract(
    paths: Iterable[str | Path], *, date: dt.date | None = None, stages: Sequence[str] = DEFAULT_STAGES
) -> Iterator[Extraction | InputError]:
    """Read inputs and extract each article; bad inputs come through as `InputError`, in order."""
    errors: list[InputError] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, date=date):
            if isinstance(item, InputError):
                errors.append(item)
            else:
                yield item

    for extraction in extract_articles(articles(), stages, on_error=errors.append):
        while errors:
            yield errors.pop(0)
        yield extraction
    yield from errors


_WARM_UP = "Russia and Ukraine held talks in Istanbul on Tuesday, and Turkey offered to host another round."


@lru_cache(maxsize=1)
def warm() -> None:
    """Load the spaCy model, the actor dictionary and the coders now, by extracting one sentence:
    a worker process pays for them once, before its first article (later calls cost nothing)."""
    # A stage failing here fails on real articles too, and is reported there, per article.
    for _ in extract_articles([Article(id="warm-up", text=_WARM_UP)], on_error=lambda e: None):
        pass

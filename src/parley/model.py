"""The data model: what flows between the pipeline stages and what `parley extract` serialises.

`Extraction` is the main seam: one article with its actors, events and statements, every item
carrying `Evidence` that points into the stored (normalised) article text. `Extraction.record()`
gives the interchange object of ../shared/spec/EXTRACTION.md section 1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

# A participant: one root code, a list of codes (compound actor), or None (unknown / generic).
Codes = str | list[str] | None

PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)
Aux = Literal["future", "hypothetical", "negation", "historical"]
Act = Literal["DEMAND", "OFFER", "ACCEPT", "REJECT", "DEFER"]
ActorKind = Literal["state", "organization", "group", "person", "collective"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Evidence(_Model):
    """Where an item was read: a W3C TextQuoteSelector plus offsets into the stored text."""

    sentence: int = Field(ge=0, description="index of the sentence in the article (0-based)")
    start: int = Field(ge=0, description="character offset of the quote in the stored text")
    end: int = Field(ge=0)
    exact: str
    prefix: str = ""
    suffix: str = ""

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Evidence:
        if self.end - self.start != len(self.exact):
            raise ValueError(
                f"evidence span {self.start}-{self.end} does not fit quote of {len(self.exact)} chars"
            )
        return self

    @classmethod
    def from_span(cls, text: str, sentence: int, start: int, end: int, context: int = 32) -> Evidence:
        """Quote text[start:end] with up to `context` characters either side."""
        return cls(
            sentence=sentence,
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - context) : start],
            suffix=text[end : end + context],
        )

    def check(self, text: str) -> bool:
        """True when the quote is exactly what the stored text holds at the offsets."""
        return text[self.start : self.end] == self.exact


class Article(_Model):
    """One article as stored: `text` is already normalised, and every offset refers to it."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = Field(None, description="file (and line) the article was read from")
    lang: str | None = None

    @property
    def content_hash(self) -> str:
        """Identity for idempotent re-ingest: the same normalised text is the same article."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Actor(_Model):
    """An actor the article involves, resolved to a root code (see EXTRACTION.md section 2)."""

    code: str | None
    name: str
    kind: ActorKind
    sector: str | None = None
    role: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Event(_Model):
    """A PLOVER event with CAMEO code and Goldstein score; `rule` names the pattern that fired.
    A CAMEO 01 public statement has no PLOVER type (`type` None)."""

    source: Codes
    target: Codes = None
    # None for a public statement (CAMEO 01: comment, claim responsibility, consider an option),
    # which PLOVER has no type for; `cameo` still says what it is.
    type: PloverType | None
    source_sector: str | None = None
    target_sector: str | None = None
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    aux: Aux | None = None
    date: dt.date | None = None
    location: str | None = None
    said_by: Codes = None
    evidence: Evidence
    rule: str
    trigger: str | None = Field(None, description="the word that triggered the pattern")
    path: str | None = Field(None, description="dependency path source -> trigger -> target, for explain")
    correction: dict[str, Any] | None = Field(
        None, description="what an analyst did to this item (set by corrections.apply; never stored)"
    )

    @property
    def kind(self) -> str:
        """The PLOVER type, or STATEMENT for a public statement that has none (CAMEO 01)."""
        return self.type or "STATEMENT"


class Statement(_Model):
    """A party's stated position in a negotiation (EXTRACTION.md section 4)."""

    id: str
    actor: Codes
    act: Act
    issue: str
    object: str | None = None
    target: Codes = None
    guarantors: list[str] = Field(default_factory=list)
    conditional_on: list[str] = Field(default_factory=list)
    evidence: Evidence
    rule: str
    correction: dict[str, Any] | None = Field(
        None, description="what an analyst did to this item (set by corrections.apply; never stored)"
    )


class StorySource(_Model):
    """One outlet's copy of a story: the stored article itself, or a near-duplicate of it."""

    id: str
    source: str | None = None
    url: str | None = None
    date: dt.date | None = None
    title: str | None = None


class Extraction(_Model):
    """One article and everything read from it: what every later stage consumes."""

    article: Article
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    sources: list[StorySource] | None = Field(
        None,
        description="every copy of the story, this article first, when the store holds more than one "
        "(set by Store when read; never stored)",
    )

    def record(self) -> dict[str, Any]:
        """The interchange object of EXTRACTION.md section 1 (one JSONL line)."""
        a = self.article
        return {
            "doc_id": a.id,
            "date": a.date.isoformat() if a.date else None,
            "title": a.title,
            "actors": [
                x.model_dump(mode="json", exclude_none=True, exclude={"evidence"}) for x in self.actors
            ],
            "events": [x.model_dump(mode="json", exclude_none=True) for x in self.events],
            "statements": [x.model_dump(mode="json", exclude_none=True) for x in self.statements],
            # Only a story reported more than once says so: single-source records keep the contract's shape.
            **(
                {"sources": [s.model_dump(mode="json") for s in self.sources]}
                if self.sources is not None and len(self.sources) > 1
                else {}
            ),
        }

    @property
    def source_count(self) -> int:
        """How many outlets reported this story (1 unless the store found near-duplicates)."""
        return len(self.sources) if self.sources else 1


class InputError(_Model):
    """Why one input (a file, or one line of a corpus file) could not be read."""

    origin: str
    line: int | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.message}"

"""The actor dictionary: names, demonyms and seats of power mapped to root codes.

The language data lives in `data/*.tsv` (see data/README.md); this module only reads it.
Users extend it with their own TSV files of the same shape (`extra_dirs`).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

# Which TSV file holds which kind of actor, and which of its columns hold names.
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "countries.tsv": ("state", ("name", "aliases", "demonyms", "capitals")),
    "organizations.tsv": ("organization", ("name", "aliases")),
    "groups.tsv": ("group", ("name", "aliases")),
    "people.tsv": ("person", ("name", "aliases")),
    # Places inside a state stand for it, as its capital does ("Delhi Police", "an Istanbul court").
    "places.tsv": ("state", ("places",)),
}


@dataclass(frozen=True)
class Entry:
    """One way of naming an actor: `alias` resolves to `code` (within its validity period)."""

    alias: str
    code: str
    name: str
    kind: str  # state | organization | group
    field: str  # the column it came from: name, aliases, demonyms, capitals, places
    ambiguous: bool = False
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    sector: str | None = None
    role: str | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            # Undated text: prefer the open-ended (current) entry.
            return self.valid_until is None
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True)
class SectorCue:
    cue: str  # lower-case lemma or phrase
    sector: str
    role: str | None


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV file with a header; lines starting with '#' are comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _entries(path: Path, kind: str, columns: tuple[str, ...]) -> Iterator[Entry]:
    for row in read_tsv(path):
        for column in columns:
            for alias in filter(None, (a.strip() for a in row.get(column, "").split("|"))):
                yield Entry(
                    alias=alias,
                    code=row["code"],
                    name=row["name"],
                    kind=kind,
                    field=column,
                    ambiguous=row.get("ambiguous", "") == "1",
                    valid_from=_date(row.get("valid_from", "")),
                    valid_until=_date(row.get("valid_until", "")),
                    sector=row.get("sector") or None,
                    role=row.get("role") or None,
                )


class ActorDictionary:
    """All entries, and the sector cues used for titles ("Defense Minister" -> MIL)."""

    def __init__(
        self,
        entries: Iterable[Entry],
        sectors: Iterable[SectorCue],
        anaphors: dict[str, list[tuple[str, ...]]] | None = None,
    ) -> None:
        self.entries = list(entries)
        self.sectors = {s.cue: s for s in sectors}
        # descriptions that refer back to a group an article names ("world powers" -> P5+1)
        self.anaphors = anaphors or {}
        self.by_alias: dict[str, list[Entry]] = {}
        for e in self.entries:
            self.by_alias.setdefault(e.alias, []).append(e)
        # Root codes of states: only a state has a domestic side ("Nigerian police" -> NGA/COP).
        self.states = frozenset(e.code for e in self.entries if e.kind == "state")
        # People by surname, for "President Bush" where the bare surname is too common to list.
        self.by_surname: dict[str, list[Entry]] = {}
        for e in self.entries:
            if e.kind == "person" and e.alias == e.name and " " in e.name:
                self.by_surname.setdefault(e.name.split()[-1], []).append(e)

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> ActorDictionary:
        entries: list[Entry] = []
        dirs = [DATA_DIR, *extra_dirs]
        for d in dirs:
            for fname, (kind, columns) in SOURCES.items():
                if (d / fname).exists():
                    entries.extend(_entries(d / fname, kind, columns))
        sectors = [
            SectorCue(r["cue"].lower(), r["sector"], r.get("role") or None)
            for d in dirs
            if (d / "sectors.tsv").exists()
            for r in read_tsv(d / "sectors.tsv")
        ]
        anaphors: dict[str, list[tuple[str, ...]]] = {}
        for d in dirs:
            if (d / "anaphors.tsv").exists():
                for r in read_tsv(d / "anaphors.tsv"):
                    phrases = [tuple(a.lower().split()) for a in r["anaphors"].split("|") if a.strip()]
                    anaphors.setdefault(r["code"], []).extend(phrases)
        return cls(entries, sectors, anaphors)

    def lookup(self, alias: str, day: dt.date | None = None) -> Entry | None:
        """The entry an exact alias names on `day`, or None.

        A person outside all of their dated roles still acts for the same code, without the
        role: Kerry in 2019 is still American, no longer Secretary of State."""
        entries = self.by_alias.get(alias, [])
        for e in entries:
            if e.valid_on(day):
                return e
        people = [e for e in entries if e.kind == "person"]
        if people and len({e.code for e in people}) == 1:
            e = min(people, key=lambda e: _distance(e, day))
            # undated text: a person who only ever held one kind of office keeps its sector
            # (Theresa May is GOV whenever the article was written)
            sectors = {p.sector for p in people}
            sector = sectors.pop() if day is None and len(sectors) == 1 else None
            return Entry(e.alias, e.code, e.name, e.kind, e.field, e.ambiguous, sector=sector)
        return None

    def titled(self, surname: str, title: list[str], day: dt.date | None) -> Entry | None:
        """The one person with this surname who held an office named by `title` (lower-case words:
        "president", "prime minister") on `day`: "President Bush" in 2008 is George W. Bush.

        Undated text: the office's holders by that surname, if they all acted for one code
        ("President Bush" is American, whichever Bush it was); named by the surname if several."""
        if not title:
            return None
        held = [
            e for e in self.by_surname.get(surname, []) if e.role and all(w in e.role.lower() for w in title)
        ]
        if day is None:
            if not held or len({(e.code, e.sector) for e in held}) > 1:
                return None
            return held[0] if len({e.name for e in held}) == 1 else replace(held[0], name=surname)
        found = {e.name: e for e in held if e.valid_on(day)}
        return next(iter(found.values())) if len(found) == 1 else None

    def sector_of(self, words: list[str]) -> SectorCue | None:
        """The longest sector cue found in a run of lower-case words (a title or head noun)."""
        best: SectorCue | None = None
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                cue = self.sectors.get(" ".join(words[i:j]))
                if cue and (best is None or len(cue.cue) > len(best.cue)):
                    best = cue
                    break
        return best


def _distance(e: Entry, day: dt.date | None) -> int:
    """Days between `day` and an entry's validity period (0 when undated)."""
    if day is None:
        return 0
    if e.valid_until is not None and day > e.valid_until:
        return (day - e.valid_until).days
    if e.valid_from is not None and day < e.valid_from:
        return (e.valid_from - day).days
    return 0


def user_dir() -> Path:
    """The user's own actor files: `PARLEY_ACTORS`, else ~/.local/share/parley/actors."""
    return Path(os.environ.get("PARLEY_ACTORS") or Path.home() / ".local" / "share" / "parley" / "actors")


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """Built-in entries, then the user's own (`parley actors add`)."""
    return ActorDictionary.load(extra_dirs=[user_dir()] if user_dir().is_dir() else [])

"""Coding patterns, read from `data/verbs.tsv`, `data/nouns.tsv` and `data/refinements.tsv`.

The files are the language data; `coder.py` is the algorithm that applies them. Each pattern has
a unique name, which every event it codes carries as its `rule`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parley.actors.dictionary import read_tsv
from parley.model import PLOVER_TYPES

DATA_DIR = Path(__file__).parent / "data"
FRAMES = {
    "act",
    "commit",
    "direct",
    "threat",
    "refuse",
    "obligation",
    "speech",
    "aspect",
    "deliberate",
    "participants",
    "instrument",
    "receive",
}
# Frames whose complement is their content, coded once with them and not again on its own.
CONTENT_FRAMES = {"commit", "direct", "threat", "refuse"}
# Event types by what they do: force used or threatened on someone, and protest.
MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"}
HOSTILE = MATERIAL_CONFLICT | {"PROTEST"}


@dataclass(frozen=True)
class Pattern:
    name: str
    lemmas: frozenset[str]
    particles: frozenset[str]  # empty: no particle; "-" inside: particle optional
    objects: frozenset[str]  # empty: any object
    type: str | None
    cameo: str | None
    mode: str | None
    targets: tuple[str, ...]
    frame: str

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.particles - {"-"})


def _set(cell: str) -> frozenset[str]:
    return frozenset() if cell in {"", "-"} else frozenset(x.strip().lower() for x in cell.split("|"))


def _read(path: Path) -> Iterator[Pattern]:
    for row in read_tsv(path):
        particles = (
            frozenset(x.strip() for x in row["particle"].split("|"))
            if row["particle"] != "-"
            else frozenset()
        )
        p = Pattern(
            name=row["name"],
            lemmas=_set(row["lemma"]),
            particles=particles,
            objects=_set(row["object"]),
            type=None if row["type"] == "-" else row["type"],
            cameo=None if row["cameo"] == "-" else row["cameo"],
            mode=None if row["mode"] == "-" else row["mode"],
            targets=tuple(_set(row["target"]) and row["target"].split("|")),
            frame=row["frame"],
        )
        if p.frame not in FRAMES or (p.type is not None and p.type not in PLOVER_TYPES):
            raise ValueError(f"{path.name}: pattern {p.name!r} has a bad frame or type")
        yield p


@dataclass(frozen=True)
class PatternSet:
    verbs: dict[str, list[Pattern]]  # lemma -> patterns, most specific first
    nouns: dict[str, Pattern]
    refinements: dict[tuple[str, str], str]  # (frame, content type) -> cameo

    def for_verb(self, lemma: str) -> list[Pattern]:
        return self.verbs.get(lemma, [])


@lru_cache(maxsize=1)
def load(data_dir: Path = DATA_DIR) -> PatternSet:
    verbs: dict[str, list[Pattern]] = {}
    names: set[str] = set()
    for p in _read(data_dir / "verbs.tsv"):
        if p.name in names:
            raise ValueError(f"verbs.tsv: duplicate pattern name {p.name!r}")
        names.add(p.name)
        for lemma in p.lemmas:
            verbs.setdefault(lemma, []).append(p)
    for plist in verbs.values():
        plist.sort(key=lambda p: -p.specificity)
    nouns: dict[str, Pattern] = {}
    for p in _read(data_dir / "nouns.tsv"):
        for lemma in p.lemmas:
            if lemma in nouns:
                raise ValueError(f"nouns.tsv: {lemma!r} is in both {nouns[lemma].name} and {p.name}")
            nouns[lemma] = p
    refinements = {(r["frame"], r["content"]): r["cameo"] for r in read_tsv(data_dir / "refinements.tsv")}
    unknown = {name for frame, name in refinements if frame == "negated"} - names
    if unknown:
        raise ValueError(f"refinements.tsv: negated rows name unknown patterns {sorted(unknown)}")
    return PatternSet(verbs, nouns, refinements)

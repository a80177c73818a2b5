"""Listing, adding and checking actor dictionary entries (`parley actors list|add|check`).

Built-in data lives in the package (`data/`); a user's own entries go to TSV files of the same
shape in their actor directory (`PARLEY_ACTORS`, default ~/.local/share/parley/actors), which the
dictionary reads after the built-in files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from parley.actors.dictionary import DATA_DIR, SOURCES, Entry, default_dictionary, read_tsv, user_dir

CODE = re.compile(r"^[A-Z0-9]{2,12}(\+[A-Z0-9]{2,12})*$")  # "DPR+LPR": a name for several actors
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB", "BUS", "MED", "CVL"}
KIND_FILE = {kind: fname for fname, (kind, _cols) in SOURCES.items()}
HEADERS = {
    "countries.tsv": ["code", "name", "aliases", "demonyms", "capitals", "ambiguous"],
    "organizations.tsv": ["code", "name", "aliases", "kind"],
    "groups.tsv": ["code", "name", "aliases", "valid_from", "valid_until", "notes"],
    "people.tsv": ["code", "name", "aliases", "sector", "role", "valid_from", "valid_until"],
}


@dataclass(frozen=True)
class ActorRow:
    """One actor as listed: all its names together."""

    code: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    valid_from: dt.date | None
    valid_until: dt.date | None
    sector: str | None
    role: str | None


def list_actors(
    *, kind: str | None = None, code: str | None = None, search: str | None = None
) -> list[ActorRow]:
    """Actors, one row per entry period, filtered by kind, code or a name substring."""
    grouped: dict[tuple, list[Entry]] = defaultdict(list)
    for e in default_dictionary().entries:
        grouped[(e.code, e.name, e.kind, e.valid_from, e.valid_until, e.sector, e.role)].append(e)
    rows = [
        ActorRow(k[0], k[1], k[2], tuple(dict.fromkeys(e.alias for e in es)), k[3], k[4], k[5], k[6])
        for k, es in grouped.items()
    ]
    needle = (search or "").lower()
    return [
        r
        for r in rows
        if (kind is None or r.kind == kind)
        and (code is None or r.code == code.upper())
        and (not needle or any(needle in a.lower() for a in r.aliases))
    ]


def add_actor(
    code: str,
    name: str,
    *,
    kind: str = "person",
    aliases: Iterable[str] = (),
    sector: str | None = None,
    role: str | None = None,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
) -> Path:
    """Append an entry to the user's file for `kind`; returns the file. Raises ValueError."""
    if kind not in KIND_FILE:
        raise ValueError(f"kind must be one of {', '.join(KIND_FILE)}")
    if not CODE.match(code):
        raise ValueError(f"code {code!r} is not an upper-case code of 2-12 letters or digits")
    if sector and sector not in SECTORS:
        raise ValueError(f"sector must be one of {', '.join(sorted(SECTORS))}")
    if valid_from and valid_until and valid_from > valid_until:
        raise ValueError("valid_from is after valid_until")
    if any("\t" in x or "|" in x or "\n" in x for x in [name, *aliases, role or ""]):
        raise ValueError("names may not contain tabs, newlines or '|'")
    fname = KIND_FILE[kind]
    path = user_dir() / fname
    path.parent.mkdir(parents=True, exist_ok=True)
    values = {
        "code": code,
        "name": name,
        "aliases": "|".join(aliases),
        "sector": sector or "",
        "role": role or "",
        "valid_from": valid_from.isoformat() if valid_from else "",
        "valid_until": valid_until.isoformat() if valid_until else "",
        "kind": kind,
    }
    header = HEADERS[fname]
    new = not path.exists()
    with path.open("a", encoding="utf-8") as fh:
        if new:
            fh.write("# Your own actor entries, added with `parley actors add`\n" + "\t".join(header) + "\n")
        fh.write("\t".join(values.get(col, "") for col in header) + "\n")
    default_dictionary.cache_clear()  # the next extraction in this process sees the new entry
    return path


def check_dictionary(dirs: Iterable[Path] | None = None) -> list[str]:
    """Problems in the dictionary files, one line each naming the file: malformed codes, bad or
    reversed dates, unknown sectors, people acting for unknown codes, and one name that means two
    different actors at the same time."""
    dirs = list(dirs) if dirs is not None else [DATA_DIR] + ([user_dir()] if user_dir().is_dir() else [])
    problems: list[str] = []
    known: set[str] = set()
    by_alias: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
    people: list[tuple[str, int, str]] = []
    for d in dirs:
        for fname, (kind, columns) in SOURCES.items():
            path = d / fname
            if not path.exists():
                continue
            for n, row in enumerate(read_tsv(path), start=2):
                where = f"{path}:{row.get('code', '?')}/{row.get('name', '?')}"
                code = row.get("code", "")
                if not CODE.match(code):
                    problems.append(f"{where}: bad code {code!r}")
                    continue
                if kind != "person":
                    known.update(code.split("+"))
                else:
                    people.append((where, n, code))
                if row.get("sector") and row["sector"] not in SECTORS:
                    problems.append(f"{where}: unknown sector {row['sector']!r}")
                try:
                    start = dt.date.fromisoformat(row["valid_from"]) if row.get("valid_from") else None
                    end = dt.date.fromisoformat(row["valid_until"]) if row.get("valid_until") else None
                except ValueError as exc:
                    problems.append(f"{where}: bad date ({exc})")
                    continue
                if start and end and start > end:
                    problems.append(f"{where}: valid_from {start} is after valid_until {end}")
                for column in columns:
                    for alias in filter(None, (a.strip() for a in row.get(column, "").split("|"))):
                        entry = Entry(
                            alias, code, row.get("name", ""), kind, column, valid_from=start, valid_until=end
                        )
                        by_alias[alias.removeprefix("the ")].append((entry, where))
    problems += [
        f"{where}: acts for unknown code {code!r}"
        for where, _n, code in people
        if not set(code.split("+")) <= known
    ]
    for d in dirs:  # descriptions of a group need a group to refer back to
        path = d / "anaphors.tsv"
        if path.exists():
            problems += [
                f"{path}:{row.get('code', '?')}: anaphors for unknown code {row.get('code', '')!r}"
                for row in read_tsv(path)
                if not set(row.get("code", "").split("+")) <= known
            ]
    for alias, entries in sorted(by_alias.items()):
        for i, (a, wa) in enumerate(entries):
            for b, wb in entries[i + 1 :]:
                if a.code != b.code and _overlap(a, b):
                    problems.append(f"{wb}: {alias!r} also names {a.code} ({wa})")
    return problems


def _overlap(a: Entry, b: Entry) -> bool:
    lo_a, hi_a = a.valid_from or dt.date.min, a.valid_until or dt.date.max
    lo_b, hi_b = b.valid_from or dt.date.min, b.valid_until or dt.date.max
    return lo_a <= hi_b and lo_b <= hi_a

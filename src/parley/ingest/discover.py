"""Which files to read and how: walking directories and choosing a reader by suffix."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from parley.ingest.checks import os_reason


class Kind(Enum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    CSV = "csv"


_KINDS = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".jsonl": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".csv": Kind.CSV,
}


@dataclass(frozen=True)
class Source:
    """One file to read, or a reason it cannot be (`problem` set, then `kind` is meaningless)."""

    path: Path
    kind: Kind = Kind.TEXT
    gz: bool = False
    problem: str | None = None


def kind_of(path: Path) -> tuple[Kind | None, bool]:
    """(kind by suffix or None if unknown, whether gzip-compressed)."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes.pop()
    return (_KINDS.get(suffixes[-1]) if suffixes else None), gz


def article_id(path: Path) -> str:
    """File name without its extensions: the compression suffix and then the type suffix.

    Only those two go, so dots inside a name ("talks.v2.txt" -> "talks.v2") are kept.
    """
    name = path.name
    for _ in range(2):
        stem, dot, ext = name.rpartition(".")
        if not dot or not stem:
            break
        name = stem
        if ext.lower() != "gz":
            break
    return name


def sources(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Each named file (any suffix: unknown reads as text), and the known-kind files under directories."""
    for p in paths:
        if not str(p):
            yield Source(Path(), problem="empty path")  # Path("") would mean ".", the whole cwd
            continue
        path = Path(p)
        try:
            is_dir = path.is_dir()
            if not is_dir:
                os.stat(path)  # raises for missing / unreadable paths, with the OS reason
        except OSError as e:
            yield Source(path, problem=os_reason(e))
            continue
        if is_dir:
            yield from _walk(path)
        elif not path.is_file():
            yield Source(path, problem="not a regular file")
        else:
            kind, gz = kind_of(path)
            yield Source(path, kind or Kind.TEXT, gz)


def _walk(directory: Path) -> Iterator[Source]:
    # Sorted by name, descending into sub-directories where they fall: the same order on every run.
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as e:
        yield Source(directory, problem=os_reason(e))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, editor swap files) are never articles
        path = Path(entry.path)
        try:
            # Symlinked folders are not followed, so a link loop cannot walk forever.
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
                continue
            if not entry.is_file():
                continue
        except OSError as e:
            yield Source(path, problem=os_reason(e))
            continue
        kind, gz = kind_of(path)
        if kind is not None:
            yield Source(path, kind, gz)

"""Plain-text files (.txt, .text, .md, or any unknown suffix named explicitly): one article each."""

from __future__ import annotations

import datetime as dt

from parley.ingest.article import make_article
from parley.ingest.dates import date_in_name
from parley.ingest.discover import Source, article_id
from parley.ingest.normalize import normalize_text
from parley.ingest.single import load
from parley.model import Article, InputError

MAX_TITLE_CHARS = 200


def title_of(text: str) -> str | None:
    """The first line, when it reads as a headline: short, set off by a blank line, no final period.

    The title stays in the text too, so offsets into the text cover it.
    """
    first, sep, _ = text.partition("\n\n")
    if not sep or "\n" in first or len(first) >= MAX_TITLE_CHARS or first.endswith("."):
        return None
    return first or None


def read_text_file(src: Source, date: dt.date | None = None) -> Article | InputError:
    raw = load(src)
    if isinstance(raw, InputError):
        return raw
    text = normalize_text(raw)
    if not text:
        return InputError(origin=str(src.path), message="empty file")
    return make_article(
        text=text,
        id=article_id(src.path),
        path=str(src.path),
        title=title_of(text),
        date=date or date_in_name(src.path.name),
    )

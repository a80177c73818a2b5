"""The last step shared by every reader: language check, then the `Article` itself."""

from __future__ import annotations

import datetime as dt

from parley.ingest.checks import one_line
from parley.ingest.lang import not_english
from parley.ingest.normalize import normalize_text
from parley.model import Article, InputError


def clean_field(value: object) -> str | None:
    """A one-line metadata value (title, source, url), or None when absent or blank."""
    if value is None or isinstance(value, (dict, list)):
        return None
    s = one_line(normalize_text(str(value)))
    return s or None


def make_article(
    *,
    text: str,
    id: str,
    path: str,
    line: int | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article | InputError:
    """`text` must already be normalised and non-empty; `path`/`line` say where it came from."""
    reason = not_english(text)
    if reason:
        return InputError(origin=path, line=line, message=reason)
    return Article(
        id=id,
        text=text,
        title=title,
        date=date,
        source=source,
        url=url,
        origin=path if line is None else f"{path}:{line}",
        lang="en",
    )

"""One corpus record (a JSON object or a CSV row as a dict) to an article."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from parley.ingest.article import clean_field, make_article
from parley.ingest.checks import MAX_ARTICLE_BYTES, too_big
from parley.ingest.dates import parse_date
from parley.ingest.normalize import normalize_text
from parley.model import Article, InputError

# Field names in order of preference: corpora from different tools name the body differently.
TEXT_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
NO_TEXT = "record has no text field"


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value is not None and value != "":
            return value
    return None


def from_record(record: Mapping[str, Any], *, path: str, line: int, stem: str) -> Article | InputError:
    """`stem` names the corpus file, for ids of records that carry none (`<stem>:<line>`)."""

    def error(message: str) -> InputError:
        return InputError(origin=path, line=line, message=message)

    raw = _first(record, TEXT_FIELDS)
    if not isinstance(raw, str):
        return error(NO_TEXT)
    if len(raw) > MAX_ARTICLE_BYTES // 4 and len(raw.encode("utf-8")) > MAX_ARTICLE_BYTES:
        return error(too_big(len(raw.encode("utf-8"))))
    text = normalize_text(raw)
    if not text:
        return error(NO_TEXT)
    rid = clean_field(record.get("id"))
    return make_article(
        text=text,
        id=rid or f"{stem}:{line}",
        path=path,
        line=line,
        title=clean_field(_first(record, TITLE_FIELDS)),
        # An unreadable date loses the date, not the article.
        date=parse_date(record.get("date")),
        source=clean_field(record.get("source")),
        url=clean_field(record.get("url")),
    )

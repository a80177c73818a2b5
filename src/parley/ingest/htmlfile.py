"""HTML files (.html, .htm, optionally .gz): one article each, its body found by trafilatura."""

from __future__ import annotations

import datetime as dt
from typing import Any

from parley.ingest.article import clean_field, make_article
from parley.ingest.checks import one_line
from parley.ingest.dates import date_in_name, parse_date
from parley.ingest.discover import Source, article_id
from parley.ingest.normalize import normalize_text
from parley.ingest.single import load
from parley.model import Article, InputError

NO_BODY = "no article body found in HTML"
# trafilatura falls back to any text it finds, so a page of menus still yields "Home\nWorld".
# A body has at least one line that reads like a sentence rather than a link label.
MIN_WORDS_IN_A_LINE = 6


def _extract(html: str) -> Any:
    import trafilatura  # imported on first HTML file: it pulls in lxml and friends

    # favor_recall: a missed paragraph is a missed event; comments are readers', not the article.
    return trafilatura.bare_extraction(html, favor_recall=True, include_comments=False, with_metadata=True)


def has_body(text: str) -> bool:
    return any(len(line.split()) >= MIN_WORDS_IN_A_LINE for line in text.splitlines())


def read_html_file(src: Source, date: dt.date | None = None) -> Article | InputError:
    raw = load(src)
    if isinstance(raw, InputError):
        return raw
    try:
        doc = _extract(raw)
    except Exception as e:  # a parser failure on one odd page must not end the whole run
        return InputError(origin=str(src.path), message=f"could not parse HTML: {one_line(str(e))}")
    body = getattr(doc, "text", None) or ""
    # trafilatura puts one paragraph per line; a blank line between them matches plain-text input.
    text = normalize_text(body.replace("\n", "\n\n"))
    if not has_body(text):
        return InputError(origin=str(src.path), message=NO_BODY)
    return make_article(
        text=text,
        id=article_id(src.path),
        path=str(src.path),
        title=clean_field(getattr(doc, "title", None)),
        # The page's own date comes last: htmldate can guess, a name or an explicit --date does not.
        date=date or date_in_name(src.path.name) or parse_date(getattr(doc, "date", None)),
        source=clean_field(getattr(doc, "sitename", None)),
        url=clean_field(getattr(doc, "url", None)),
    )

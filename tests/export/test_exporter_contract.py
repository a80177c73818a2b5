"""The contract every exporter in `parley.export.FORMATS` keeps; a new format is tested automatically.

`write(extractions, stream) -> int`: it takes any one-pass iterable of Extractions (the CLI hands it
a generator), writes to a text stream, returns the number of articles, copes with none at all, and
writes the same bytes for the same input.
"""

from __future__ import annotations

import datetime as dt
import inspect
import io
from collections.abc import Iterator

import pytest

from parley.export import FORMATS
from parley.model import Actor, Article, Event, Evidence, Extraction

KHARTOUM = (
    "Army and militia envoys met in Jeddah on Saturday under Saudi and American mediation. "
    "Both sides agreed to let aid convoys reach Khartoum."
)
DOHA = "Qatar hosted a new round of talks. The envoys did not meet the press afterwards."


def _ev(text: str, quote: str, sentence: int) -> Evidence:
    start = text.index(quote)
    return Evidence.from_span(text, sentence, start, start + len(quote))


def _extractions() -> list[Extraction]:
    jeddah = Extraction(
        article=Article(
            id="jeddah-talks-2023-05-06", text=KHARTOUM, title="Jeddah talks", date=dt.date(2023, 5, 6)
        ),
        actors=[
            Actor(code="SAU", name="Saudi Arabia", kind="state", evidence=[_ev(KHARTOUM, "Saudi", 0)]),
            Actor(code="USA", name="United States", kind="state"),
        ],
        events=[
            Event(
                source=["SDNMIL", "SDNREB"],  # a compound source
                target=None,
                type="CONSULT",
                cameo="040",
                goldstein=1.0,
                location="Jeddah",
                said_by=["SAU", "USA"],
                evidence=_ev(KHARTOUM, "Army and militia envoys met in Jeddah on Saturday", 0),
                rule="consult.meet",
            ),
            Event(
                source=["SDNMIL", "SDNREB"],
                target=None,
                type="AGREE",
                aux="future",
                evidence=_ev(KHARTOUM, "Both sides agreed to let aid convoys reach Khartoum.", 1),
                rule="agree.verb",
            ),
        ],
    )
    doha = Extraction(
        article=Article(id="doha-round", text=DOHA),  # no date, no title, no actors
        events=[
            Event(
                source="QAT",
                target=None,
                type="CONSULT",
                evidence=_ev(DOHA, "Qatar hosted a new round of talks.", 0),
                rule="consult.host",
            )
        ],
    )
    return [jeddah, doha]


def _run(writer, extractions: list[Extraction]) -> tuple[int, str]:
    consumed: list[str] = []

    def once() -> Iterator[Extraction]:  # a generator, like the CLI's: it can be read only once
        for x in extractions:
            consumed.append(x.article.id)
            yield x

    stream = io.StringIO()
    n = writer(once(), stream)
    assert consumed == [x.article.id for x in extractions]  # every article read, none twice
    return n, stream.getvalue()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_exporter_contract(name: str) -> None:
    writer = FORMATS[name]
    assert callable(writer)
    params = list(inspect.signature(writer).parameters)
    assert len(params) >= 2, f"{name}: write(extractions, stream) takes two arguments"

    both = _extractions()

    # One extraction: something is written, and the count is returned.
    n, out = _run(writer, both[:1])
    assert n == 1
    assert isinstance(n, int)
    assert out.strip(), f"{name} wrote nothing for one extraction"
    assert "jeddah-talks-2023-05-06" in out, f"{name} does not name the article"

    # Several: the count is the number of articles (not events), and each article is named.
    n, out_both = _run(writer, both)
    assert n == 2
    assert "jeddah-talks-2023-05-06" in out_both and "doha-round" in out_both

    # None at all: no crash, a count of 0.
    n, _ = _run(writer, [])
    assert n == 0

    # Deterministic: the same input gives the same output, from fresh objects too.
    assert _run(writer, _extractions())[1] == out_both
    assert _run(writer, both)[1] == out_both

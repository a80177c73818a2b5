"""Article text shown in the terminal is text, not rich markup: square brackets are kept as written.

A title with "[/]" must not crash rich, and "[the Kremlin]" must not vanish.
"""

from __future__ import annotations

import io

from rich.console import Console

from parley.export import FORMATS
from parley.model import Article, Event, Evidence, Extraction
from parley.report.show import show

TEXT = "Moscow [the Kremlin] said talks would go on. A spokesman wrote [/] in his notes and left."


def _extraction(title: str) -> Extraction:
    quote = "Moscow [the Kremlin] said talks would go on."
    ev = Evidence.from_span(TEXT, 0, 0, len(quote))
    return Extraction(
        article=Article(id="kremlin-note", text=TEXT, title=title),
        events=[Event(source="RUS", type="CONSULT", evidence=ev, rule="consult.talks")],
    )


def test_table_keeps_brackets_in_quotes_and_titles() -> None:
    out = io.StringIO()
    FORMATS["table"]([_extraction("Talks [draft] go on")], out)
    assert "[the Kremlin]" in out.getvalue()
    assert "Talks [draft] go on" in out.getvalue()


def test_table_survives_closing_tag_in_title() -> None:
    out = io.StringIO()
    FORMATS["table"]([_extraction("Notes [/] leaked")], out)
    assert "Notes [/] leaked" in out.getvalue()


def test_show_survives_closing_tag_in_title() -> None:
    out = io.StringIO()
    show(_extraction("Notes [/] leaked"), Console(file=out, width=200))
    assert "Notes [/] leaked" in out.getvalue()

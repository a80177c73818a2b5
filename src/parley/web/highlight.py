"""An article's text with every evidence span marked and linked to its item.

Spans may overlap (an event inside a statement's quote), so the text is cut at every span
boundary and each piece is marked with all the items that cover it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass
class Span:
    start: int
    end: int
    anchor: str  # the id of the item's row on the page
    kind: str  # "event" or "statement"
    label: str


def render(text: str, spans: list[Span]) -> Markup:
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b]).replace("\n", "<br>")
        covering = [s for s in spans if s.start <= a and b <= s.end]
        if not covering:
            out.append(piece)
            continue
        first = covering[0]
        kinds = " ".join(sorted({s.kind for s in covering}))
        title = escape("; ".join(s.label for s in covering))
        out.append(
            f'<a class="mark {kinds}" href="#{first.anchor}" title="{title}" '
            f'data-items="{" ".join(s.anchor for s in covering)}">{piece}</a>'
        )
    return Markup("".join(out))

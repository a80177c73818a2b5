"""Statements being built (`Draft`), merged into one per party, act, issue and object, and
linked when a sentence opens with an exchange cue ("In exchange, ...")."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from parley.model import Statement
from parley.negotiation.lexicon import Lexicon


@dataclass
class Draft:
    """A statement being built, with what linking needs to know."""

    statement: Statement
    sentence: int
    trigger: Token
    lemmas: list[str] = field(default_factory=list)
    requires: list[Draft] = field(default_factory=list)  # its conditions ("only if ...")


def merge(drafts: list[Draft]) -> tuple[list[Draft], dict[int, Draft]]:
    """One statement per party, act, issue and object; guarantor lists are joined. Returns the
    kept drafts and, for every draft, the one it was kept as."""
    out: list[Draft] = []
    kept: dict[int, Draft] = {}
    for d in drafts:
        s = d.statement
        same = next(
            (
                o
                for o in out
                if (o.statement.actor, o.statement.act, o.statement.issue) == (s.actor, s.act, s.issue)
                and _same_object(o.statement.object, s.object, s.issue)
            ),
            None,
        )
        if same is None:
            out.append(d)
            kept[id(d)] = d
            continue
        kept[id(d)] = same
        same.requires.extend(r for r in d.requires if r not in same.requires)
        same.statement.guarantors = list(dict.fromkeys([*same.statement.guarantors, *s.guarantors]))
        if s.object and (same.statement.object is None or len(s.object) > len(same.statement.object)):
            same.statement.object = s.object  # "Kyiv and Chernihiv" says more than "Kyiv"
    return out, kept


def _same_object(a: str | None, b: str | None, issue: str) -> bool:
    if issue == "security_guarantees" or a is None or b is None:
        return True
    na, nb = _norm(a), _norm(b)
    return na in nb or nb in na


def _norm(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isalnum())


def link_exchanges(drafts: list[Draft], sents: list[Span], lexicon: Lexicon) -> None:
    """ "Under the deal, Ukraine would vow ... In exchange, Ukraine wants ...": the earlier
    sentence's positions are conditional on the ones that open with the exchange cue."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence, []).append(d)
    for i, sent in enumerate(sents):
        opening = [t.lemma_.lower() for t in sent[:4]]
        if i not in by_sentence or not lexicon.has("exchange", opening):
            continue
        prev = max((j for j in by_sentence if j < i), default=None)
        if prev is None:
            continue
        for earlier in by_sentence[prev]:
            ids = [d.statement.id for d in by_sentence[i] if d.statement.actor == earlier.statement.actor]
            earlier.statement.conditional_on = list(dict.fromkeys([*earlier.statement.conditional_on, *ids]))

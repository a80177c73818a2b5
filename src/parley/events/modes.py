"""PLOVER auxiliary modes of an event: did it happen, or is it future, hypothetical, negated?"""

from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = {"will", "would", "shall", "'ll", "wo", "’ll"}
HYPOTHETICAL_AUX = {"could", "might", "may"}
CONDITIONAL_MARKS = {"if", "unless"}
# "Under the (potential) deal, Ukraine would ...": a term of a deal, not something done.
DEAL_NOUNS = {"deal", "agreement", "plan", "proposal", "accord", "arrangement", "framework", "terms"}
# "Putin is expected to meet Erdogan" (future); "Russia expects Ukraine to withdraw" (only hoped for).
EXPECTING = {"expect", "anticipate"}


def aux_mode(trigger: Token, future_from_head: bool = False) -> str | None:
    """negation > hypothetical > future; None when the event simply happened."""
    if any(c.dep_ == "neg" for c in trigger.children) or any(
        c.dep_ == "dobj" and no_determiner(c) for c in trigger.children
    ):
        return "negation"  # "did not meet", "offered no concessions"
    if _hypothetical(trigger):
        return "hypothetical"
    if trigger.dep_ in {"xcomp", "ccomp"} and trigger.head.lemma_.lower() in EXPECTING:
        passive = any(c.dep_ == "nsubjpass" for c in trigger.head.children)
        return "future" if passive else "hypothetical"
    if future_from_head or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in trigger.children):
        return "future"
    if any(c.dep_ == "aux" and c.lower_ == "going" for c in trigger.children):
        return "future"
    return None


def no_determiner(noun: Token) -> bool:
    """ "no evidence", "no concessions": the noun is said not to exist."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _hypothetical(trigger: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in trigger.children):
        return True
    node: Token | None = trigger
    while node is not None:
        for c in node.children:
            if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS and node.i != trigger.sent.root.i:
                return True
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children
            ):
                # "X would withdraw if Y ..." : the main clause is conditional.
                return True
            if (
                c.dep_ == "prep"
                and c.lower_ == "under"
                and any(p.lemma_.lower() in DEAL_NOUNS for p in c.children if p.dep_ == "pobj")
            ):
                return True
        if node.dep_ in {"ccomp", "ROOT"} or node.head.i == node.i:
            break
        node = node.head
    return False

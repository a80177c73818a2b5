"""The content of a stated position: which words it is about, split into one unit per item
("not to join NATO ... and not to host foreign bases" is two), and the thing at stake in them
("NATO", "Crimea", "foreign military bases"). Works on the dependency parse only."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from parley.actors.mentions import MentionIndex
from parley.model import Event

# Words that point back at what was just spoken of ("resolve the issue", "discuss it").
ANAPHORIC = {
    "issue",
    "matter",
    "question",
    "dispute",
    "it",
    "this",
    "that",
    "problem",
    "peninsula",
    "region",
    "territory",
    "area",
}
NAMED = {"GPE", "LOC", "ORG", "FAC", "LAW", "EVENT"}
# Heads whose own phrase names the thing at stake better than any name in it ("security guarantees
# similar to NATO's Article 5" is about guarantees, not about NATO).
OWN_PHRASE = {"guarantee", "assurance", "meeting", "summit", "proposal", "plan"}


def complement_verbs(trigger: Token) -> list[Token]:
    return [c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}]


def units(trigger: Token, ev: Event) -> list[list[Token]]:
    """The content of the position, one unit per coordinated item: "not to join NATO ... and
    not to host foreign bases or develop nuclear weapons" is three units."""
    listed = _semicolon_items(trigger)
    if listed:
        return listed
    comps = [c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"}]
    comps += [x for a in trigger.children if a.dep_ == "acomp" for x in a.children if x.dep_ == "xcomp"]
    if any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in trigger.children):
        # "proposed a halt to hostilities to pave the way ...": the object is what is proposed,
        # the infinitive only says what for
        comps = [c for c in comps if c.dep_ == "ccomp"]
    heads: list[Token] = []
    for c in comps:
        heads.extend(verb_conjuncts(c))
        # "... and vow not to host bases or develop weapons", parsed under a noun: more promised acts
        # (but not a purpose clause of an act already counted: "use force to resolve ...")
        for t in c.subtree:
            # its own promised item: negated on its own ("and not to host ..."), or listed after one
            own_item = any(x.dep_ == "neg" for x in t.children) or (t.dep_ == "conj" and _infinitive(t.head))
            if t.pos_ == "VERB" and _infinitive(t) and own_item and t.i not in {h.i for h in heads}:
                heads.append(t)
    heads += [x for h in list(heads) for x in verb_conjuncts(h) if x.i not in {y.i for y in heads}]
    if not heads:
        # "called for an end to airstrikes, an exchange of detainees and observers": one unit per item
        nouns = [
            p
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ in {"for", "to"}
            for p in c.children
            if p.dep_ == "pobj"
        ] or [c for c in trigger.children if c.dep_ == "dobj"]
        items = [n for head in nouns for n in [head, *noun_conjuncts(head)]]
        if len(items) > 1:
            later = {n.i: {t.i for t in n.subtree} for n in items}
            return [
                [t for t in n.subtree if not any(t.i in later[m.i] for m in items if m.i > n.i)]
                for n in items
            ]
        # "wants guarantees from X", "reduce operations near Kyiv": the act itself, without its doer
        dropped = {"nsubj", "advcl", "relcl", "mark", "punct", "ccomp", "conj", "cc", "agent"}
        # "Under the plan", "despite the cease-fire deal", "Aside from the cease-fire": frames, not content
        frame = {
            c.i
            for c in trigger.children
            if c.dep_ in {"prep", "advmod"} and c.lower_ in {"under", "despite", "aside", "besides", "apart"}
        }
        return [
            [
                t
                for t in trigger.subtree
                if not _in_subtree_of(t, trigger, dropped)
                and not any(a.i in frame for a in [t, *t.ancestors])
            ]
        ]
    heads = sorted({h.i: h for h in heads}.values(), key=lambda h: h.i)
    units = []
    head_ids = {h.i for h in heads}
    for h in heads:
        # the head's subtree without the other coordinated items
        skip = {t.i for other in heads if other.i > h.i for t in other.subtree}
        units.append([t for t in h.subtree if t.i not in skip and (t.i == h.i or t.i not in head_ids)])
    return units


def clause_after(trigger: Token, is_speech: Callable[[Token], bool]) -> list[Token]:
    """The words after the trigger in its own clause (for a predicate adjective, "is willing to",
    the clause of its verb), without coordinated clauses that have a subject of their own or
    report something else ("urged caution and said fighting was continuing"). A
    position noun's clause is the rest of its sentence: the parser often hangs what it asks for
    elsewhere ("Iran's insistence that it define an end result, up front, that permits ...")."""
    if trigger.pos_ == "NOUN":
        return [t for t in trigger.sent if t.i > trigger.i and not t.is_punct]
    clause = trigger.head if trigger.dep_ == "acomp" else trigger
    own_subject = {
        c.i
        for c in clause.subtree
        if c.dep_ == "conj"
        and c.head.i == clause.i
        and (any(x.dep_ in {"nsubj", "nsubjpass"} for x in c.children) or is_speech(c))
    }
    return [
        t
        for t in clause.subtree
        if t.i > trigger.i and not t.is_punct and not any(a.i in own_subject for a in [t, *t.ancestors])
    ]


def headline(sent: Span) -> bool:
    """A headline in title case ("Moscow Promises to Scale Back Near Kyiv"), which the parser
    reads as a run of names: its words are no guide to objects or to a cut-short clause."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.8 * len(words)


def _semicolon_items(trigger: Token) -> list[list[Token]]:
    """ "called for A; B; C; and D": a list whose items are split by semicolons, which the parser
    often hangs on the wrong heads; each segment after the trigger is one item."""
    sent = trigger.sent
    after = [t for t in sent if t.i > trigger.i]
    if sum(t.text == ";" for t in after) < 2:
        return []
    # the trigger's own words are not an item: "put forward by Serbia ..."
    own = {x.i for c in trigger.children if c.dep_ in {"prt", "agent"} for x in c.subtree}
    after = [t for t in after if t.i not in own]
    items: list[list[Token]] = [[]]
    for t in after:
        if t.text == ";":
            items.append([])
        elif not (t.is_punct and t.i == sent.end - 1):
            items[-1].append(t)
    # drop the list's glue: a leading "for"/"and", a trailing "and"
    items = [[t for t in item if not (t.dep_ in {"cc", "prep"} and t is item[0])] for item in items]
    return [item for item in items if any(t.pos_ in {"NOUN", "VERB", "PROPN"} for t in item)]


def listed_items(unit: list[Token]) -> list[list[Token]]:
    """The items of the first list of objects in a unit ("capping levels of enrichment,
    stockpiles of material, and verification"), each without the items after it; [] if none."""
    ids = {t.i for t in unit}
    for t in unit:
        if t.dep_ not in {"dobj", "pobj"}:
            continue
        items = [t, *(c for c in noun_conjuncts(t) if c.i in ids)]
        # "include limits on enrichment, and inspections": the parser may hang an item on the verb
        items += [
            c for c in t.head.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} and c.i in ids
        ]
        if len(items) < 2:
            continue
        later = {n.i: {x.i for x in n.subtree} for n in items}
        return [
            [x for x in n.subtree if x.i in ids and not any(x.i in later[m.i] for m in items if m.i > n.i)]
            for n in items
        ]
    return []


def verb_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for c in token.children:
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}:
            out.extend(verb_conjuncts(c))
    return out


def noun_conjuncts(token: Token) -> list[Token]:
    out: list[Token] = []
    for c in token.children:
        if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}:
            out += [c, *noun_conjuncts(c)]
    return out


def _infinitive(token: Token) -> bool:
    """ "to host", or a verb conjoined to one ("... or develop")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True
    return token.dep_ == "conj" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.head.children)


def _in_subtree_of(token: Token, root: Token, deps: set[str]) -> bool:
    """Whether `token` hangs under one of `root`'s children with a dependency in `deps`."""
    node = token
    while node.i != root.i and node.head.i != node.i:
        if node.head.i == root.i:
            return node.dep_ in deps
        node = node.head
    return False


def object_of(unit: list[Token], index: MentionIndex, ev: Event) -> str | None:
    """What is at stake: a named place, organisation or thing in the content ("NATO", "Crimea",
    "Kyiv and Chernihiv"), else the content's object noun phrase ("foreign military bases")."""
    ids = {t.i for t in unit}
    for t in unit:
        if t.dep_ in {"dobj", "pobj"} and t.lemma_.lower() in OWN_PHRASE:
            # the phrase as written, modifiers included: "a Putin-Zelensky meeting"
            left = [
                x for x in t.subtree if x.i <= t.i and x.i in ids and x.dep_ not in {"det", "poss", "case"}
            ]
            start = min(x.i for x in left)
            return t.doc[start : t.i + 1].text
    names: list[str] = []
    for t in unit:
        m = index.at(t)
        if m is not None and m.kind != "person" and t.dep_ not in {"nsubj", "nsubjpass"}:
            if t.i == m.end - 1 and m.text not in names and _in_place_or_object(t):
                names.append(m.text)
        elif t.ent_iob_ == "B" and t.ent_type_ in NAMED and m is None:
            ent = next((e for e in t.doc.ents if e.start == t.i), None)
            if ent is not None and all(x.i in ids for x in ent) and ent.text not in names:
                names.append(ent.text.removeprefix("the "))
    if names:
        return " and ".join(names[:3])
    for t in unit:
        if (
            t.dep_ in {"dobj", "pobj", "nsubjpass"}
            and t.pos_ in {"NOUN", "PROPN"}
            and t.lemma_ not in ANAPHORIC
        ):
            words = [
                x
                for x in t.subtree
                if x.i <= t.i and x.dep_ not in {"det", "poss", "case", "punct"} and x.i in ids
            ]
            if words:
                return " ".join(x.text for x in words)
    return None


def _in_place_or_object(token: Token) -> bool:
    """A mention that is the thing at stake, not the party addressed: an object or under a
    preposition ("join NATO", "near Kyiv", "its EU bid")."""
    node = token
    while node.dep_ == "compound" and node.head.i != node.i:  # "its EU bid"
        node = node.head
    return token.dep_ in {"dobj", "pobj", "poss", "conj", "appos"} or node.dep_ in {"dobj", "pobj"}

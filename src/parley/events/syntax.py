"""What the dependency parse says about a trigger: its subject, objects, complements, particles,
prepositional phrases, modals and clause, and the path `parley explain` shows. No actors here:
these read spaCy tokens only (places aside, which `participants` resolves)."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Token

from parley.actors.resolve import ActorRef
from parley.events import modes
from parley.events.patterns import Pattern
from parley.events.words import load as load_words

WORDS = load_words()
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
INHERITS_SUBJECT = {"xcomp", "conj", "advcl", "acomp", "pcomp"}
STANCE_PASSIVES = WORDS["stance_passives"]
QUOTING_PASSIVES = WORDS["quoting_passives"]
DOING_BY = WORDS["doing_by"]
OBJECT_CONTROL = WORDS["object_control"]
RAISING_PASSIVES = WORDS["raising_passives"]
NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"}
PROPOSALS = WORDS["proposals"]
LIGHT_HEADS = WORDS["light_heads"]
RECIPROCAL_PRONOUNS = {("each", "other"), ("one", "another")}
CLAUSE_BOUNDARIES = {"nsubj", "nsubjpass", "csubj", "ccomp", "advcl", "relcl", "parataxis", "conj", "mark"}


def depth(token: Token) -> int:
    d = 0
    while token.head.i != token.i:
        token, d = token.head, d + 1
    return d


def chain(token: Token) -> list[Token]:
    """The verb and the verbs it is coordinated with or complements ("considering sending aid
    and deploying troops"), up to the first clause of another kind."""
    out = [token]
    while out[-1].dep_ in {"conj", "xcomp"} and len(out) < 4:
        out.append(out[-1].head)
    return out


def modal(token: Token) -> bool:
    """The verb carries will / would / shall: a stance on the future, not a report of the past."""
    return any(c.dep_ == "aux" and c.lower_ in modes.FUTURE_AUX for c in token.children)


def self_complement(token: Token) -> bool:
    """ "wants to attack X": an infinitive with no subject of its own and no one asked."""
    if any(c.dep_ in {"dobj", "dative", "iobj"} for c in token.children):
        return False
    return any(c.dep_ == "xcomp" and not any(s.dep_ in SUBJECTS for s in c.children) for c in token.children)


def unless(token: Token, marks: frozenset[str] = frozenset({"unless"})) -> Token | None:
    """The "unless" clause an act is held over someone with: it happens unless they do something
    (or, with `marks` {"if"}, the condition it is held over: "may halt mediation if ...")."""
    return next(
        (
            c
            for t in (token, token.head)
            for c in t.children
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        ),
        None,
    )


DENYING = {"deny", "reject", "dismiss", "refute", "rebut"}


def answerable_for(noun: Token, adjectives: frozenset[str]) -> Token | None:
    """Who a copula says answers for an act: "X was responsible for the killing", "X is guilty of
    violating the ceasefire" -> X."""
    prep = noun.head if noun.dep_ in {"pobj", "pcomp"} else None
    if prep is None or prep.lower_ not in {"for", "of"} or prep.head.lemma_.lower() not in adjectives:
        return None
    adjective = prep.head
    verb = adjective.head if adjective.dep_ == "acomp" else adjective
    if any(c.dep_ == "neg" for t in (adjective, verb) for c in t.children):
        return None  # "Russia is not responsible for the attack"
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DENYING:
        return None  # "Russia denied it was responsible for the attack"
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def prevented(token: Token, preventing: frozenset[str]) -> bool:
    """The verb is what a verb of preventing keeps from happening: "stopped them from attacking"."""
    prep = token.head if token.dep_ == "pcomp" else None
    return prep is not None and prep.lower_ == "from" and prep.head.lemma_.lower() in preventing


def hearsay(token: Token, nouns: frozenset[str]) -> bool:
    """The verb is in the "that" clause of a noun of hearsay ("accusations that it had used radios
    to aid the rebels", "reports that Russia attacked"), directly or through its infinitives."""
    node = token
    for _ in range(4):
        if node.dep_ in {"acl", "ccomp"} and node.head.pos_ == "NOUN":
            return node.head.lemma_.lower() in nouns and any(c.dep_ == "mark" for c in node.children)
        if node.dep_ not in {"xcomp", "advcl", "conj"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def conditional(token: Token) -> bool:
    """The verb heads an "if" or "unless" clause."""
    return any(c.dep_ == "mark" and c.lower_ in modes.CONDITIONAL_MARKS for c in token.children)


def subject_of(token: Token) -> Token | None:
    """The subject, inherited from the governing verb when the clause has none of its own."""
    node: Token | None = token
    for _ in range(6):
        if node is None:
            return None
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subj is not None and subj.tag_ in {"VBG", "VBN"}:
            # "The Red Cross operating in Iraq said": a participle parsed as the subject
            subj = next((c for c in subj.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), subj)
        if subj is None:  # "The UK and France however have opposed": the parser hangs it on "have"
            subj = next(
                (s for a in node.children if a.dep_ == "aux" for s in a.children if s.dep_ == "nsubj"), None
            )
        if subj is None:
            passive = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
            agent = next(
                (p for c in node.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None
            )
            if agent is not None:
                return agent
            if passive is not None and node.lemma_.lower() in STANCE_PASSIVES and node.tag_ == "VBN":
                return passive  # "Israel is opposed to French mediation": a stance, not a deed
            if passive is not None and node.i != token.i and node.lemma_.lower() in RAISING_PASSIVES:
                return passive  # "Putin is expected to meet Erdogan": Putin meets
            if passive is not None:
                return None  # "X was attacked": the doer is not named
        if subj is not None and subj.pos_ == "PRON" and node.dep_ == "conj" and subj.lower_ in {"it", "they"}:
            # "Washington said ..., but it urged caution": the pronoun is the first verb's subject.
            first = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            if first is not None and first.pos_ != "PRON":
                return first
        if subj is not None:
            return subj
        if node.dep_ == "acl":
            return node.head  # "Argentine veterans protested ...", parsed as a clause on the noun
        infinitive = node.dep_ == "xcomp" or (
            node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        )
        if infinitive and node.head.i != node.i:
            # object control: "called on Arabs to mobilize", "urged Russia to withdraw": the one
            # called on does it, not the caller
            head = node.head
            controller = next((c for c in head.children if c.dep_ in {"dobj", "dative"}), None)
            if controller is None and head.lemma_.lower() in OBJECT_CONTROL:
                controller = next((p for p in pobjs(head, "on")), None)
            if controller is not None and head.lemma_.lower() in OBJECT_CONTROL:
                return controller
        if node.dep_ in INHERITS_SUBJECT and node.head.i != node.i:
            node = node.head
        elif node.dep_ == "prep" and node.head.pos_ == "ADJ" and node.head.dep_ == "acomp":
            node = node.head  # "the army was guilty of violating the ceasefire"
        elif (
            node.dep_ == "prep"
            and node.head.lemma_.lower() == "be"
            and any(c.dep_ == "acomp" for c in node.head.children)
        ):
            node = node.head  # "the U.S. was irresponsible in accusing Beijing": the U.S. accuses
        elif node.dep_ == "prep" and node.head.lemma_.lower() in DOING_BY and node.head.pos_ == "VERB":
            # "youths resorted to throwing stones"; not "refrained from attacking", "insisted on talks"
            node = node.head
        elif node.lower_ == "as" and node.head.lemma_.lower() in QUOTING_PASSIVES:
            # "the king was quoted as saying ...": the one quoted is the speaker
            return next((c for c in node.head.children if c.dep_ == "nsubjpass"), None)
        else:
            return None
    return None


def agentless_passive(token: Token) -> bool:
    """A passive verb that names no doer ("Y was indicted")."""
    children = {c.dep_ for c in token.children}
    return "nsubjpass" in children and "agent" not in children


def quoted(token: Token) -> bool:
    """The word is inside a direct quotation: "'I want you to vote for me again'"."""
    before = token.doc[token.sent.start : token.i].text
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def complements(token: Token) -> list[Token]:
    comps = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"}]
    comps += [x for a in token.children if a.dep_ == "acomp" for x in a.children if x.dep_ == "xcomp"]
    out: list[Token] = []
    for c in comps:
        out.append(c)
        out.extend(x for x in c.children if x.dep_ == "conj" and x.pos_ in {"VERB", "AUX"})
    return out


def particle(token: Token, p: Pattern) -> Token | None:
    for c in token.children:
        if c.dep_ in {"prt", "prep", "advmod"} and c.lower_ in p.particles and not dated(c):
            return c
    # "let free dozens of activists": the parser hangs a resultative adjective right after the
    # verb on the object that follows it
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    resultative = nxt is not None and nxt.dep_ in {"amod", "acomp", "oprd", "ccomp"}
    if resultative and nxt.lower_ in p.particles and token.i in {nxt.head.i, nxt.head.head.i}:
        return nxt
    return None


def dated(prep: Token) -> bool:
    """ "called his counterpart on Tuesday": a preposition of time is no particle ("call on")."""
    return any(x.ent_type_ in {"DATE", "TIME"} for x in prep.children if x.dep_ == "pobj")


def for_clause(token: Token) -> bool:
    """ "for the UN to deliver aid": a clause whose subject is introduced by "for"."""
    return token.dep_ in {"advcl", "acl"} and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in token.children
    )


def has_particle(token: Token) -> bool:
    # "kidnapped up to 16 advisers": "up to" counts, it is no particle
    return any(c.dep_ == "prt" and not up_to(c) for c in token.children)


def up_to(prt: Token) -> bool:
    doc = prt.doc
    return (
        prt.lower_ == "up"
        and prt.i + 2 < len(doc)
        and doc[prt.i + 1].lower_ == "to"
        and doc[prt.i + 2].like_num
    )


def counted(token: Token) -> list[Token]:
    """The object of "kidnapped up to 16 advisers", which the parser hangs on "to"."""
    doc = token.doc
    return [
        x
        for c in token.children
        if c.dep_ == "prt" and up_to(c)
        for x in doc[c.i + 1].children
        if x.dep_ == "pobj"
    ]


def object_lemmas(token: Token) -> set[str]:
    heads = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
    heads += [c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]  # "stopped fighting"
    # "allow UN agencies access", parsed as a clause whose head is the noun
    heads += [c for c in token.children if c.dep_ == "ccomp" and c.pos_ == "NOUN"]
    # "a phone conversation he had with Putin", "the talks that Russia held": the noun a relative
    # clause with its own subject hangs on is that clause's object
    if token.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"} and c.lower_ != "that" for c in token.children
    ):
        relative = [h for h in heads if h.tag_ in {"WDT", "WP"} or h.lower_ == "that"]
        if relative or not heads:
            heads = [h for h in heads if h not in relative] + [token.head]
    # "all of its troops", "10 days of war games": the thing counted is the object too
    heads += [x for h in list(heads) for x in pobjs(h, "of")]
    heads += [x for h in list(heads) for x in pobjs(h, "as")]  # "held families as human shields"
    heads += [p for c in token.children if c.dep_ in {"prep", "prt"} for p in c.children if p.dep_ == "pobj"]
    heads += [c for x in heads for c in x.children if c.dep_ == "conj"]
    # "ended mediation efforts", "joined the peace process": a light head names its modifier's act
    heads += [c for x in heads if x.lemma_.lower() in LIGHT_HEADS for c in x.children if c.dep_ == "compound"]
    lemmas = {h.lemma_.lower() for h in heads if h.ent_type_ not in {"DATE", "TIME"}}  # not "13 March"
    # "donated USD1 million": a sum of money
    lemmas |= {
        c.lemma_.lower() for h in heads for c in h.children if c.lemma_.lower() in {"million", "billion"}
    }
    # "a hunger strike", "a general strike": a compound names its own kind of act
    lemmas |= {
        f"{c.lemma_.lower()} {h.lemma_.lower()}" for h in heads for c in h.children if c.dep_ == "compound"
    }
    # "cease-fire", which the tokenizer splits into "cease", "-", "fire"
    lemmas |= {
        f"{c.lemma_.lower()}-{h.lemma_.lower()}"
        for h in heads
        for c in h.children
        if c.dep_ == "compound" and c.i + 2 == h.i and c.nbor(1).text == "-"
    }
    lemmas |= {
        f"{c.lemma_.lower()} {h.lemma_.lower()}" for h in heads for c in h.children if c.dep_ == "amod"
    }
    # an infinitive complement is matched as "to <verb>" ("declined to comment")
    return lemmas | {"to " + c.lemma_.lower() for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VB"}


def each_other(token: Token) -> bool:
    """ "carried out attacks against each other", "shelled one another": a mutual act."""
    words = [t.lower_ for t in token.subtree]
    return any(pair in RECIPROCAL_PRONOUNS for pair in itertools.pairwise(words))


def users_of(noun: Token) -> list[Token]:
    """Who an act or a weapon belongs to: "Israeli shelling", "a bombing by the Islamic State
    group", "missiles fired by the army", "a missile believed to be fired by rebels"."""
    fired = [c for c in noun.children if c.dep_ == "acl"]
    fired += [x for c in fired for x in c.children if x.dep_ == "xcomp"]
    owners = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"}] + pobjs(noun, "by")
    return owners + [x for c in fired for x in pobjs(c, "by")]


def conjuncts(token: Token) -> list[Token]:
    """The conjuncts after a word, which spaCy chains: "artillery, mortar, and rocket fire"."""
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def pobjs(token: Token, prep: str | None) -> list[Token]:
    return [
        p
        for c in token.children
        if c.dep_ in {"prep", "dative", "agent"} and (prep is None or c.lower_ == prep)
        for p in c.children
        if p.dep_ in {"pobj", "pcomp"}
    ]


def governed_by(token: Token, heads: set[int]) -> bool:
    node = token
    for _ in range(3):
        if node.i in heads:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def path(doc: Doc, source: ActorRef, trigger: Token, target: ActorRef | None) -> str:
    """The dependency path source -> trigger -> target, for `parley explain`:
    `Ukraine <nsubj< wants >dobj> guarantees >prep> from >pobj> Russia`. An actor that came
    from discourse rather than the parse (a counterpart, a speaker) is shown by its rule."""
    left = (
        dep_path(doc[source.token], trigger)
        if source.token is not None
        else (f"({source.rule.removeprefix('actor.')}: {'+'.join(source.codes)}) {trigger.text}")
    )
    if target is None:
        return left
    if target.token is None:
        return f"{left} ({target.rule.removeprefix('actor.')}: {'+'.join(target.codes)})"
    return left + dep_path(trigger, doc[target.token]).removeprefix(trigger.text)


def dep_path(a: Token, b: Token) -> str:
    """Up from `a` to the lowest common head, then down to `b`."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = [t.i for t in up_b]
    lca = next((t for t in up_a if t.i in ids_b), None)
    if lca is None:  # different sentences: no path
        return f"{a.text} ~ {b.text}"
    out = a.text
    for t in up_a[: [t.i for t in up_a].index(lca.i)]:
        out += f" <{t.dep_}< {t.head.text}"
    for t in reversed(up_b[: ids_b.index(lca.i)]):
        out += f" >{t.dep_}> {t.text}"
    return out


def location(anchor: Token) -> str | None:
    """Where the act took place: the first place named after "in", "at" or "near" in its own
    clause ("talks between the warring sides in Istanbul")."""
    stack = [c for c in anchor.children if c.dep_ not in CLAUSE_BOUNDARIES]
    while stack:
        t = stack.pop(0)
        if t.dep_ == "prep" and t.lower_ in {"in", "near", "at"}:
            for x in t.subtree:
                if x.ent_type_ in {"GPE", "LOC", "FAC"} and x.ent_iob_ == "B":
                    ent = next(e for e in x.doc.ents if e.start == x.i)
                    return ent.text
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_BOUNDARIES)
    return None


def has_content(token: Token, frame: str) -> bool:
    """A promise needs something promised ("offered to meet", "offered Kyiv a deal"); a demand
    something demanded ("wants talks", "urged X to stop"). "offered any guesses" and "what it wants"
    are neither."""
    if frame == "commit":  # "offered to meet", "offered Kyiv a deal", "offered its troops to Lebanon"
        return bool(complements(token) or pobjs(token, "to")) or any(
            c.dep_ in {"dative", "iobj"} for c in token.children
        )
    if frame in {"direct", "threat", "refuse"}:
        objects = [
            c for c in token.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}
        ]
        # "called on all sides to reduce casualties", which the parser may hang as a clause of purpose
        infinitive = any(
            c.dep_ == "advcl"
            and c.tag_ == "VB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in token.children
        )
        return bool(complements(token) or objects or pobjs(token, "for") or infinitive)
    return True


def proposed(token: Token) -> bool:
    """The verb is (inside) the complement of a proposal noun: "an offer to host a summit to
    hammer out a deal", "its demand that Israel ease restrictions"."""
    node = token
    for _ in range(4):
        head = node.head
        if node.dep_ not in {"xcomp", "acl", "ccomp", "advcl", "conj"} or head.i == node.i:
            return False
        # an infinitive or that-clause is the content; "a proposal put forward by X" describes it
        content = node.dep_ != "acl" or node.tag_ == "VB" or any(c.dep_ == "mark" for c in node.children)
        if content and node.dep_ != "conj" and head.lemma_.lower() in PROPOSALS and head.dep_ in NOMINAL_DEPS:
            return True
        if (
            node.dep_ == "advcl"
            and node.tag_ == "VB"
            and any(o.dep_ == "dobj" and o.lemma_.lower() in PROPOSALS for o in head.children)
        ):
            return True  # "give permission to Russia to help Israel": the infinitive hangs on the verb
        node = head
    return False

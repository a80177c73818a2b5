"""Who takes part in an act when the parse alone does not say: the state where it happened, the
state's own people as a domestic target, a doer known only by its kind, a speaker we cannot place,
and whether a targetless act's slots name someone we failed to resolve."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from parley.actors.mentions import PUBLIC_SECTORS
from parley.actors.resolve import ActorRef, Resolver
from parley.events import syntax
from parley.events.patterns import HOSTILE
from parley.events.words import load as load_words

WORDS = load_words()
PROTESTERS = WORDS["protesters"]
STRIKERS = WORDS["strikers"]
# Sectors through which a state acts on its own people (and the state named as such): an unmarked
# patient of their acts is domestic. Rebels, militants or a bare nationality are not (but a
# people's protest with no named target is against its own government).
DOMESTIC_ACTORS = PUBLIC_SECTORS
NAMED = {"PERSON", "ORG", "GPE", "NORP"}
FIRED = WORDS["fired"]
# What a state does to a named person it alone has power over (arrest, convict, pardon, release):
# a person with no other country is its own. Meeting or praising a person says no such thing.
PERSON_ACTS = {"COERCE", "RETREAT"}
AGENT_NOUNS = WORDS["agent_nouns"]
PEOPLE = WORDS["people"]
PUBLICATIONS = WORDS["publications"]
# Doers recalled or guessed rather than named in the sentence.
WEAK_DOERS = {"actor.pronoun", "actor.sole_state", "person.sole_state", "actor.counterpart"}
CONDITIONS = WORDS["conditions"]
# Prepositions that only say where ("in", "near"), not also to or against whom ("to", "on").
LOCATIVE = {"in", "near", "around", "outside", "inside", "across", "throughout", "within"}
PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "county",
    "capital",
    "port",
    "enclave",
}
SLOT_MODIFIERS = {"conj", "compound", "amod", "poss", "nmod"}
PLACE_PREPS = {
    "near",
    "in",
    "on",
    "from",
    "around",
    "outside",
    "into",
    "at",
    "across",
    "inside",
    "toward",
    "towards",
    "to",
    "against",
    "over",
}
TROOPS = WORDS["troops"]
DISPATCH = WORDS["dispatch"]
HELPING = WORDS["helping"]
CASUALTY_VERBS = WORDS["casualty_verbs"]


def place_of(token: Token, resolver: Resolver) -> ActorRef | None:
    """An actor named where the act happens: "reduce operations near Kyiv" -> UKR.

    Searches the verb's own clause (not its subject, nor nested clauses) for a state or group
    inside a place phrase (near, in, from, ...)."""
    stack = [(c, False) for c in token.children if c.dep_ not in syntax.CLAUSE_BOUNDARIES]
    while stack:
        t, in_place = stack.pop(0)
        in_place = in_place or (t.dep_ == "prep" and t.lower_ in PLACE_PREPS)
        m = resolver.index.at(t)
        if in_place and m is not None and m.code and m.kind in {"state", "group"}:
            return ActorRef(m.codes, None, "actor.place", token=t.i)
        stack.extend((c, in_place) for c in t.children if c.dep_ not in syntax.CLAUSE_BOUNDARIES)
    return None


def authority_of_place(token: Token, resolver: Resolver) -> ActorRef | None:
    """The state where a doer-less arrest, trial or ban happened ("was arrested in Niger")."""
    if not syntax.agentless_passive(token):
        return None
    place = place_of(token, resolver)
    if place is None or len(place.codes) != 1:
        return None
    return replace(place, sector="COP", rule="actor.place_authority")


def people_of_place(token: Token, resolver: Resolver) -> ActorRef | None:
    """Protesters, strikers or workers of no named state, where a place in their phrase or the
    act's clause names one: its people (CVL, or their sector: "workers" LAB)."""
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in {"NOUN", "NUM"} or any(t.dep_ == "poss" for t in subj.subtree):
        return None
    words = {t.lemma_.lower() for t in subj.subtree if t.dep_ in {"nsubj", "compound", "pobj"} or t == subj}
    if not words & (PROTESTERS | STRIKERS):
        return None
    place = place_of(subj, resolver) or place_of(token, resolver)
    if place is None or len(place.codes) != 1:
        return None
    cue = resolver.dictionary.sector_of([subj.lemma_.lower()])
    return replace(place, sector=cue.sector if cue else "CVL", rule="actor.place_people", token=subj.i)


def unknown_doer(token: Token, resolver: Resolver) -> ActorRef | None:
    """ "Insurgents bombarded the Syrian city of Aleppo": a non-state doer named only by its kind
    (CAMEO's "---REB"), when nothing in its phrase names an owner or a country we failed to
    resolve. Soldiers, police or officials of no named state are a state we missed: not coded."""
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subj is None and token.tag_ == "VBN":
        # "was blown up by rebels", "by a missile believed to be fired by rebels"
        agent = next(iter(syntax.pobjs(token, "by")), None)
        if agent is not None and agent.lemma_.lower() in FIRED:
            agent = next((o for o in syntax.users_of(agent) if o.dep_ == "pobj"), None)
        subj = agent
    if subj is None or subj.pos_ != "NOUN":
        return None
    if any(
        (t.pos_ == "PROPN" or t.ent_type_ in NAMED or t.dep_ == "poss") and not _stance(t)
        for t in subj.subtree
    ):
        return None  # "its fighters attacked": the owner is named, just not resolved
    cue = resolver.dictionary.sector_of([subj.lemma_.lower()])
    if cue is None or cue.sector in DOMESTIC_ACTORS:
        return None
    return ActorRef((), cue.sector, "actor.unknown", token=subj.i)


def _stance(token: Token) -> bool:
    """ "pro-Russia rebels": a side they take, not whose they are."""
    doc = token.doc
    i = token.i
    for start in (i, i - 1, i - 2):  # the token is "pro", "-" or the name after them
        if 0 <= start < len(doc) - 1 and doc[start].lower_ in {"pro", "anti"} and doc[start + 1].text == "-":
            return True
    return False


def troops_sender(token: Token, resolver: Resolver) -> ActorRef | None:
    """ "2,000 Russian soldiers were deployed to Karabakh": troops sent with no sender named were
    sent by their own state."""
    if token.lemma_.lower() not in DISPATCH:
        return None
    for sent_off in (c for c in token.children if c.dep_ == "nsubjpass"):
        if any(h.lemma_.lower() in TROOPS for h in [sent_off, *syntax.pobjs(sent_off, "of")]):
            ref = resolver.resolve(sent_off)
            return replace(ref, rule="actor.troops_owner") if ref is not None else None
    return None


def fired_from(token: Token, resolver: Resolver) -> ActorRef | None:
    """A weapon fired or launched with no one named as firing it, from a named place: the actor
    that holds the place ("rockets were fired at Israel from Lebanon" is LBN; from the Gaza Strip,
    its authorities)."""
    weapons = [
        c
        for c in token.children
        if c.dep_ == "nsubjpass" and (c.lemma_.lower() in FIRED or c.lower_.removesuffix("s") in FIRED)
    ]  # "Rockets were fired", which the tagger may take for a name
    if not weapons or any(c.dep_ == "agent" for c in token.children):
        return None
    for place in syntax.pobjs(token, "from"):
        ref = resolver.resolve(place)
        if ref is not None and len(ref.codes) == 1:
            return replace(ref, rule="actor.fired_from")
    return None


def unresolved_speaker(token: Token, resolver: Resolver, offices: bool = False) -> ActorRef | None:
    """A subject that is a name (a person, an organisation), or with `offices` a word for an office,
    that we cannot place: unknown, by its kind where a word for it says ("spokeswoman" GOV)."""
    subj = syntax.subject_of(token)
    if subj is None or subj.pos_ == "PRON":
        return None
    cue = resolver.dictionary.sector_of([t.lemma_.lower() for t in subj.subtree])
    # a name, a named owner ("Governor Holcomb's office") or a word for an office ("the governor's
    # office", "officials") says who spoke, even where we cannot place them
    named = subj.pos_ == "PROPN" or subj.ent_type_ in NAMED
    owned = any(
        c.dep_ in {"poss", "compound"} and (c.pos_ == "PROPN" or c.ent_type_ in NAMED) for c in subj.children
    )
    if not (named or owned or (offices and cue is not None)):
        return None
    return ActorRef((), cue.sector if cue else None, "actor.unresolved", token=subj.i)


def domestic(
    token: Token, source: ActorRef, resolver: Resolver, ev_type: str | None = None
) -> ActorRef | None:
    """A state acting on people named only by their role ("Nigerian police arrested dozens of
    protesters", "the government accepted the rebels' demands"): in news text a foreign patient is
    marked by its nationality or its place, so an unmarked one is the same state's own (a domestic
    dyad, as in "Syrian troops shelled Syrian civilians")."""
    if len(source.codes) != 1 or source.codes[0] not in resolver.dictionary.states:
        return None
    # "the US tanks want Obama to head back", "Iraq attacked themselves": someone of the same
    # state asked to act (or a reflexive object) makes the act a domestic one
    for slot in token.children:
        if slot.dep_ == "dobj" and slot.lower_ in REFLEXIVES:
            return ActorRef(source.codes, None, "actor.domestic_named", token=slot.i)
        clause = slot.dep_ in {"ccomp", "xcomp"} and ev_type == "REQUEST"  # not "denied that Moscow ..."
        for person in (s for s in slot.children if clause and s.dep_ == "nsubj" and s.pos_ == "PROPN"):
            ref = resolver.resolve(person)
            if ref is not None and ref.codes == source.codes:
                return ActorRef(source.codes, ref.sector, "actor.domestic_named", token=person.i)
    # a named person of no known office who protests ("Navalny began a hunger strike") is one of
    # the people, not the state
    protester = ev_type == "PROTEST" and source.person is not None and source.sector is None
    if protester or (
        source.sector not in DOMESTIC_ACTORS
        and not (source.sector is None and source.rule.startswith("dictionary."))
    ):
        place = place_of(token, resolver)
        if ev_type == "PROTEST" and (place is None or source.codes[0] in place.codes):
            # "Egyptian demonstrators rioted", "activists began a hunger strike in Cairo": a people
            # protests against its own government
            return ActorRef(source.codes, "GOV", "actor.domestic_protest")
        return None  # "Palestinian suicide bombers killed 23 people": not their own
    place = place_of(token, resolver)
    if place is not None and source.codes[0] not in place.codes:
        return None  # "killed three people in Gaza": placed in another actor's land
    for noun in patients(token):
        if noun.dep_ == "dobj" and noun.lemma_.lower() in FIRED:
            continue  # "launched a missile": the weapon, not its target
        words = [c.lemma_.lower() for c in noun.lefts if c.dep_ in {"compound", "amod"}]
        cue = resolver.dictionary.sector_of([*words, noun.lemma_.lower()])
        if cue is not None and not person_noun(noun, resolver):
            cue = None  # "an official statement" is a statement, not officials
        if cue is not None and cue.sector != source.sector:
            return ActorRef(source.codes, cue.sector, "actor.domestic", token=noun.i)
        if ev_type in PERSON_ACTS and unmarked_person(noun, resolver):
            # "police arrested Anna Petrova, an opposition activist": the state's own citizen
            role = resolver.dictionary.sector_of(role_words(noun))
            sector = role.sector if role is not None and role.sector != source.sector else None
            return ActorRef(source.codes, sector, "actor.domestic_person", token=noun.i)
        if unmarked_body(noun, resolver):
            return ActorRef(source.codes, None, "actor.domestic_body", token=noun.i)
    if place is not None:  # "imposed a curfew in Ahmedabad": an act in the state's own land
        return ActorRef(source.codes, None, "actor.domestic_place", token=place.token)
    if source.sector == "COP" and ev_type in HOSTILE:
        # "Egyptian police opened fire to disperse demonstrators": police act on their own people
        return ActorRef(source.codes, "CVL", "actor.domestic_police")
    return None


def unmarked_body(noun: Token, resolver: Resolver) -> bool:
    """A named organisation or people that no actor code covers ("outlawed the Northern Branch
    of the Movement", "detained Uighurs"): with no foreign marker it is the state's own."""
    return noun.ent_type_ in {"ORG", "NORP"} and resolver.resolve(noun) is None


def unmarked_person(noun: Token, resolver: Resolver) -> bool:
    """A person named by name alone, whom no title or earlier mention ties to a state."""
    if noun.ent_type_ != "PERSON" or noun.pos_ != "PROPN":
        return False
    m = resolver.index.at(noun)
    return (m is None or not m.code) and resolver.resolve(noun) is None


def role_words(noun: Token) -> list[str]:
    """The words of a person's apposition ("Anna Petrova, an opposition activist")."""
    return [
        t.lemma_.lower()
        for a in noun.children
        if a.dep_ == "appos"
        for t in a.subtree
        if t.pos_ in {"NOUN", "ADJ", "PROPN"}
    ]


REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves"}


def patients(token: Token) -> list[Token]:
    """Nouns the act is done to: objects, a passive subject, prepositional objects, and what
    they are of or from ("dozens of supporters", "demands from rebels")."""
    heads = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "dative"}]
    heads += syntax.pobjs(token, None)
    heads += [x for h in list(heads) for prep in ("of", "from", "by") for x in syntax.pobjs(h, prep)]
    heads += [g for h in list(heads) for g in h.children if g.dep_ == "poss"]
    return [h for h in heads if h.pos_ in {"NOUN", "PROPN"}]


def is_unit(ref: ActorRef) -> bool:
    """One actor, or one name for several ("the separatists": DPR+LPR), as opposed to a list
    ("Russia and Ukraine") whose members can act towards each other."""
    return len(ref.codes) == 1 or ref.rule not in {
        "actor.conjunction",
        "actor.participants",
        "actor.both_sides",
        "actor.modifier",
    }


def names_an_object(verb: Token, resolver: Resolver, skip: Token | None = None) -> bool:
    """The verb's object, dative or prepositional object (outside `skip`'s clause) names an actor."""
    avoid = set() if skip is None else {t.i for t in skip.subtree}
    slots = [c for c in verb.children if c.dep_ in {"dobj", "dative"}] + syntax.pobjs(verb, None)
    return any(c.i not in avoid and resolver.resolve(c) is not None for c in slots)


def aims_at_people(token: Token, resolver: Resolver) -> bool:
    """A hostile act's object names people we could not place ("crush the terrorists' heads",
    "attacked the militants"): then it is aimed at them, not at the article's other party."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [g for o in objects for g in o.children if g.dep_ == "poss"]
    return any(o.pos_ == "NOUN" and person_noun(o, resolver) and resolver.resolve(o) is None for o in objects)


def person_noun(noun: Token, resolver: Resolver) -> bool:
    """A word for people: a sector's own word ("police", "rebels") or one for persons."""
    lemma = noun.lemma_.lower()
    return resolver.dictionary.sector_of([lemma]) is not None or lemma in PEOPLE or lemma in AGENT_NOUNS


def people_released(token: Token) -> bool:
    """What is released is not a publication: "released a video", "released its report" free no
    one ("released the mayor", "freed two ex-ministers", "released the ship" do)."""
    what = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    return not any(w.lemma_.lower() in PUBLICATIONS for w in what)


def named_here(token: Token, source: ActorRef, speaker: ActorRef | None = None) -> bool:
    """The doer is named in the sentence itself, not recalled by a pronoun ("he", "I", "we") or
    guessed as the sentence's one state: a targetless act needs at least a sure doer. A pronoun
    for the speaker named in the same sentence is named here ("Kenya said it is concerned")."""
    subj = syntax.subject_of(token)
    if source.rule in WEAK_DOERS:
        return False
    if subj is None or subj.pos_ != "PRON":
        return True
    return (
        speaker is not None
        and speaker.codes == source.codes
        and speaker.rule not in WEAK_DOERS
        and speaker.token is not None
        and token.doc[speaker.token].pos_ != "PRON"
    )


def no_one_else(token: Token, source: ActorRef, resolver: Resolver) -> bool:
    """A verbal act whose slots name no one at all ("denied the allegations", "called for calm",
    "expressed concern about the talks"): reported with no target rather than not at all. A slot
    holding a name, a nationality or a word for people ("urged European countries", "welcomed
    Reagan's statement", "opened its borders to West Africans") names a target we could not
    resolve: then nothing is reported."""
    slots = [c for c in token.children if c.dep_ in {"dobj", "dative", "attr", "nsubjpass"}]
    slots += [x for c in token.children if c.dep_ in {"prep", "prt"} for x in c.children if x.dep_ == "pobj"]
    # one step down: "allegations by Rwanda", "the rights of Croatian Serb refugees"
    slots += [
        x for o in list(slots) for c in o.children if c.dep_ == "prep" for x in c.children if x.dep_ == "pobj"
    ]
    slots += [x for o in list(slots) for x in o.children if x.dep_ == "appos"]
    # "in the department of Pando": a place we cannot place is where, not whom
    where = {x.i for c in token.subtree if c.dep_ == "prep" and c.lower_ in LOCATIVE for x in c.subtree}
    for slot in slots:
        for t in [slot, *(x for x in slot.children if x.dep_ in SLOT_MODIFIERS)]:
            if t.ent_type_ in {"DATE", "TIME"}:
                continue  # "on Monday"
            if t.lemma_.lower() in {"party", "side"} and any(
                c.lower_ in {"two", "both", "all"} for c in t.children
            ):
                continue  # "a mediation effort between the two parties": no one in particular
            if t.i in where and t.ent_type_ not in {"PERSON", "NORP", "ORG"} and resolver.resolve(t) is None:
                continue
            if (
                t.head.lower_ == "of"
                and t.head.head.lemma_.lower() in PLACE_NOUNS
                and resolver.resolve(t) is None
            ):
                continue  # "the eastern town of Soroti" (which NER may take for an organisation)
            if t.lemma_.lower() in {"country", "nation"} and any(
                c.lower_ in {"the", "its", "their", "his", "her"} for c in t.children
            ):
                continue  # "called for peace in the country": the actor's own
            if t.lemma_.lower() == "state" and {x.lemma_.lower() for x in syntax.pobjs(t, "of")} & CONDITIONS:
                continue  # "lifted the state of emergency": a condition, not a state
            if t.pos_ == "PROPN" or t.ent_type_ in NAMED or t.lemma_.lower() in AGENT_NOUNS:
                ref = resolver.resolve(t)
                if ref is not None and set(ref.codes) <= set(source.codes):
                    continue  # "defended Mexico's immigration policy": the actor's own
                return False
    return True


def names_someone_else(token: Token, resolver: Resolver | None = None, nouns: bool = False) -> bool:
    """The verb's object (or its complement's subject) names someone we could not resolve
    ("threatened the Kurds", "urged its partners to ..."): then neither the article's other
    party nor another actor named further on is a safe guess for the target."""
    slots = [c for c in token.children if c.dep_ in {"dobj", "dative"}]
    slots += [
        s for c in token.children if c.dep_ in {"ccomp", "xcomp"} for s in c.children if s.dep_ == "nsubj"
    ]
    # the recipient: "gave the files to his aide, Ulrich Brechbuhl"; the one called on
    recipients = syntax.pobjs(token, "to") + (
        syntax.pobjs(token, "on") if token.lemma_.lower() == "call" else []
    )
    slots += recipients + [a for r in recipients for a in r.children if a.dep_ == "appos"]
    for c in slots:
        if c.ent_type_ in {"DATE", "TIME"}:
            continue  # "called on Monday for sanctions": a day, not someone called on
        agentive = c.pos_ == "PROPN" or (nouns and c.lemma_.lower() in AGENT_NOUNS)
        if agentive and (resolver is None or resolver.resolve(c) is None):
            return True
    return False


def one_of(ref: ActorRef | None, source: ActorRef) -> bool:
    """The target is one member of a compound doer ("Syrian and Russian forces bombarded Aleppo"):
    the others did it to that one."""
    return ref is not None and len(ref.codes) == 1 and len(source.codes) > 1 and ref.codes[0] in source.codes


def without(ref: ActorRef | None, source: ActorRef) -> ActorRef | None:
    """The target minus the source's own codes, except a domestic dyad: the same state's
    other sector ("Syrian forces killed Syrian civilians" is SYR/MIL -> SYR/CVL)."""
    if ref is None:
        return None
    if ref.sector and ref.sector != source.sector and len(ref.codes) == 1:
        return ref
    codes = tuple(c for c in ref.codes if c not in source.codes)
    if not codes:
        return None
    return replace(ref, codes=codes) if codes != ref.codes else ref


# -- parse helpers ------------------------------------------------------------------------------
def troops(token: Token) -> bool:
    """The subject is a body of armed men ("hundreds of British troops", "Chinese peacekeepers")."""
    subj = syntax.subject_of(token)
    heads = [subj, *syntax.pobjs(subj, "of")] if subj is not None else []
    return any(h.lemma_.lower() in TROOPS for h in heads)


def purposes(token: Token) -> list[Token]:
    """Purpose clauses of helping ("to support", "to help"): their object is who is helped."""
    return [c for c in aims(token) if c.lemma_.lower() in HELPING]


def aims(token: Token) -> list[Token]:
    """Infinitive clauses saying what a gift is for, on the verb or on what is given ("gave
    funds to promote investment in Ethiopia", "earmarked aid to help Haiti")."""
    holders = [token, *(c for c in token.children if c.dep_ in {"dobj", "nsubjpass"})]
    clauses = [c for h in holders for c in h.children if c.dep_ in {"xcomp", "advcl", "acl"}]
    return [c for c in clauses if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def casualty_verb(noun: Token) -> Token | None:
    """The verb of harm an event noun is the cause in: "killed in an Israeli airstrike"."""
    if noun.dep_ == "nsubj":  # "an Israeli airstrike killed five people"
        return noun.head if noun.head.lemma_.lower() in CASUALTY_VERBS else None
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"in", "during", "by"} or prep.head.i == prep.i:
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in CASUALTY_VERBS else None


def protesters(token: Token) -> bool:
    """The doer of the act is a crowd of protesters, named as such."""
    subj = syntax.subject_of(token)
    if subj is None and token.dep_ == "ROOT":
        agents = [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        subj = agents[0] if agents else None
    return subj is not None and subj.lemma_.lower() in PROTESTERS


def named_in_clause(token: Token, resolver: Resolver) -> ActorRef | None:
    """The first actor among the verb's objects and complements (not its subject, nor clauses
    that report or qualify something else)."""
    stack = [c for c in token.children if c.dep_ in {"dobj", "prep", "xcomp", "ccomp", "dative", "prt"}]
    seen: list[Token] = []
    while stack:
        t = stack.pop(0)
        seen.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"nsubj", "nsubjpass", "relcl", "advcl", "mark"})
    for t in sorted(seen, key=lambda t: t.i):
        m = resolver.index.at(t)
        if m is not None and m.codes:
            return ActorRef(m.codes, m.sector, "actor.in_clause", m.name if m.kind == "person" else None, t.i)
    return None


# Prepositions that place a protest when they name a place: "rallied in Hong Kong" (but "outside
# the US embassy" names whom it is aimed at).
WHERE_ONLY = {"in", "across", "throughout", "inside", "within"}


def protested(token: Token, source: ActorRef, resolver: Resolver) -> ActorRef | None:
    """Whom a protest with no target slot is aimed at: the first other actor its clause names,
    its purpose included ("blocked a road to show their disapproval of the United States'
    policies", "in defiance of Chinese authorities", "demanding independence from Indonesia")."""
    deps = {"dobj", "prep", "xcomp", "ccomp", "advcl", "pcomp", "npadvmod"}
    stack = [c for c in token.children if c.dep_ in deps]
    seen: list[Token] = []
    while stack:
        t = stack.pop(0)
        if (
            t.dep_ == "prep"
            and t.lower_ in WHERE_ONLY
            and any(
                x.ent_type_ in {"GPE", "LOC", "FAC"} or x.pos_ == "PROPN"
                for x in t.children
                if x.dep_ == "pobj"
            )
        ):
            continue  # "in Hong Kong" (but not "in defiance of Chinese authorities")
        seen.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"nsubj", "nsubjpass", "relcl", "mark"})
    for t in sorted(seen, key=lambda t: t.i):
        m = resolver.index.at(t)
        if m is not None and m.codes and not set(m.codes) & set(source.codes):
            return ActorRef(m.codes, m.sector, "actor.protested", None, t.i)
    return None


# Doers read from a place or a crowd: people, not a state speaking.
CROWD_RULES = {"actor.place_people", "actor.located", "actor.unknown"}


def official_protest(token: Token, source: ActorRef) -> bool:
    """ "Pyongyang protested the exercises", "the ministry protested the decision": a state or its
    government protests something (a direct object), which is an official complaint (CAMEO 114),
    not a demonstration; people, activists or a crowd in a place demonstrate."""
    return (
        any(c.dep_ == "dobj" for c in token.children)
        and source.sector in {None, "GOV"}
        and source.rule.split("/")[0] not in CROWD_RULES
        and not protesters(token)
    )

"""Resolve a syntactic argument (a token) to the actor(s) it names.

Used by the event coder: "Russia's military" -> RUS/MIL, "US officials" -> USA/GOV,
"Russia and Ukraine" -> [RUS, UKR], "it" -> the actor last spoken of, "the two sides" -> the
article's two main parties.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from parley.actors.dictionary import ActorDictionary, default_dictionary
from parley.actors.mentions import NP_MODIFIERS, STATE_SECTORS, Mention, MentionIndex

PERSONAL = {"he", "she", "him", "her", "his"}
IMPERSONAL = {"it", "its", "they", "them", "their", "we", "us", "our"}
# "the two sides", "both countries": the article's two main parties.
BOTH_SIDES = {"side", "party", "country", "nation", "government", "delegation"}
BOTH_MARKERS = {"two", "both", "warring", "opposing", "rival"}
# Heads whose "of" phrase names the actor ("the government of Ukraine", "the head of Ukraine's team").
OF_HEADS = {
    "head",
    "government",
    "leader",
    "president",
    "minister",
    "army",
    "military",
    "forces",
    "troops",
    "people",
    "delegation",
    "team",
    "representative",
    "member",
    "members",
    "officials",
    "chief",
    "ambassador",
    "envoy",
    "ministry",
    "capital",
    "city",
    "parliament",
    "diplomat",
    "negotiator",
    "group",
    "band",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "force",
    "soldier",
    "official",
    # counts: "hundreds of UN troops", "dozens of Iranian hackers"
    "hundreds",
    "thousands",
    # "opponents of the Maldives government", "the president of the nation of Kyrgyzstan"
    "opponent",
    "critic",
    "prosecutor",
    "nation",
    "country",
    "republic",
    "kingdom",
    # "Druze inhabitants of the Syrian Golan Heights", "residents of Gaza"
    "inhabitant",
    "resident",
    "citizen",
    "national",
    # units: "the first deployment of NATO peacekeeping troops", "a batch of Bangladeshi peacekeepers"
    "deployment",
    "batch",
    "wave",
    "unit",
    "battalion",
    "brigade",
    "detachment",
    # rulers: "the king of Morocco", "the emir of Qatar"
    "king",
    "queen",
    "emir",
    "sultan",
    "monarch",
    "ruler",
    "dozens",
    "scores",
    "tens",
    "hundred",
    "thousand",
    "dozen",
    "contingent",
}


# Documents and proposals that speak for whoever put them forward.
AUTHORED = {
    "plan",
    "proposal",
    "statement",
    "declaration",
    "letter",
    "resolution",
    "initiative",
    "offer",
    "draft",
    "document",
    "communique",
    "roadmap",
    "paper",
    "memorandum",
    "note",
    "report",
}
# Organs of a state named without it ("the government", "authorities", "the police"): in a
# sentence that names one state and no other, they are that state's.
STATE_ORGANS = {
    "government",
    "administration",
    "authority",
    "police",
    "army",
    "military",
    "regime",
    "cabinet",
    "ministry",
    "force",
    "troop",
    "official",
}
# Ties by which a group acts for another ("fighters loyal to X"); "backed by" is left out: a
# sponsor is not the same actor ("US-backed rebels" are not the US).
AFFILIATED = {"loyal", "allied", "affiliated", "aligned", "linked", "tied", "connected"}
# Prepositions of a place inside an act's object ("a curfew across Tbilisi").
LOCATIVE = {"in", "across", "throughout", "inside", "within", "near", "at"}
# Prepositions that introduce the other party of an act, not the place it happens in.
PARTY_PREPS = {"with", "against", "to", "toward", "towards", "on", "for", "over", "from"}
# Verbs by which an actor puts out a document that then speaks for it ("HRW issued a statement
# calling on ...", "the parliament approved a resolution criticizing ...").
ISSUING = {
    "issue",
    "release",
    "publish",
    "put",
    "adopt",
    "approve",
    "pass",
    "send",
    "present",
    "unveil",
    "submit",
}


@dataclass(frozen=True)
class ActorRef:
    """Who an argument names: one or more root codes, with the sector when it is known."""

    codes: tuple[str, ...]
    sector: str | None = None
    rule: str = ""
    person: str | None = None
    token: int | None = None  # the argument's head token in the Doc, for explain's parse path

    @property
    def value(self) -> str | list[str] | None:
        """One code, a list of codes, or None for a doer known only by its kind ("insurgents")."""
        if not self.codes:
            return None
        return self.codes[0] if len(self.codes) == 1 else list(self.codes)


class Resolver:
    """Argument resolution for one article; keeps the discourse memory used for pronouns."""

    def __init__(self, doc: Doc, index: MentionIndex, dictionary: ActorDictionary | None = None) -> None:
        self.doc = doc
        self.index = index
        self.dictionary = dictionary or default_dictionary()
        self.last_person: ActorRef | None = None
        self.last_actor: ActorRef | None = None
        # The article's parties are the actors it names, not the places its events happen in.
        counts = Counter(
            c
            for m in index.mentions
            if m.rule != "dictionary.places" and not _locative(doc, m)
            for c in m.codes
        )
        self.parties = tuple(c for c, n in counts.most_common(2) if n >= 2)

    # -- memory -------------------------------------------------------------------------------
    def remember(self, ref: ActorRef | None) -> None:
        if ref is None:
            return
        if ref.person:
            self.last_person = ref
        else:
            self.last_actor = ref

    # -- resolution ---------------------------------------------------------------------------
    def sides(self, token: Token) -> list[ActorRef]:
        """Each conjunct of a noun phrase resolved on its own: "Iran and the P5+1" is two sides,
        one of them six states."""
        tokens = [token, *_conjuncts(token), *self._split_conjuncts(token)]
        refs = [self._one(t) for t in tokens]
        return [replace(r, token=t.i) for r, t in zip(refs, tokens, strict=True) if r]

    def _subject_before(self, pronoun: Token) -> tuple[ActorRef | None, bool]:
        """ "if Russia invaded a member nation, it would face the full force of NATO": a subject "it"
        is the nearest subject before it in its sentence that names a state or organisation, and
        "they" one that names several or a group ("the rebels"). Returns (actor, decided): not
        decided leaves it to the discourse memory; decided with no actor is a pronoun we cannot
        place ("the US sanctioned Iran after it attacked ...": the US or Iran)."""
        for t in reversed(self.doc[pronoun.sent.start : pronoun.i]):
            if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ != "PRON":
                m = self.index.at(t)
                ref = self._from_mention(m, t) if m is not None else None
                if ref is None or ref.person:
                    return None, False  # the nearest subject is someone or something else
                plural = (
                    len(ref.codes) > 1 or t.tag_ in {"NNS", "NNPS"} or (m is not None and m.kind == "group")
                )
                if (pronoun.lower_ == "they") != plural:
                    return None, False
                verb = t.head
                slots = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
                slots += [
                    p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                ]
                others = [
                    o for o in slots if o.i < pronoun.i and (r := self._mentioned(o)) and r != ref.codes
                ]
                if others:
                    return None, True  # two actors before it: no guess
                return ActorRef(ref.codes, ref.sector, "actor.pronoun_in_sentence", token=t.i), True
        return None, False

    def _mentioned(self, token: Token) -> tuple[str, ...] | None:
        m = self.index.at(token)
        return m.codes if m is not None and m.codes else None

    def _split_conjuncts(self, token: Token) -> list[Token]:
        """ "Iran and world powers": the parser may hang "Iran" on "powers" as a modifier, with
        "world" as its conjunct; the modifier is then a conjunct of the whole name."""
        m = self.index.at(token)
        if m is None:
            return []
        inside = range(m.start, m.end)
        return [
            t.head
            for t in self.doc[m.start : m.end]
            if t.dep_ == "conj"
            and t.head.i not in inside
            and t.head.head.i in inside
            and t.head.dep_ in {"nmod", "compound"}
        ]

    def resolve(self, token: Token | None) -> ActorRef | None:
        """The actor(s) named by the noun phrase headed by `token`, conjuncts included."""
        if token is None:
            return None
        # A name the parser split ("Barack" as head, "Obama and Putin" below it) keeps its conjuncts.
        m = self.index.at(token)
        heads = [self.doc[i] for i in range(m.start, m.end)] if m is not None else [token]
        conj = [c for h in heads for c in _conjuncts(h) if c not in heads] + self._split_conjuncts(token)
        refs = [r for r in (self._one(t) for t in [token, *conj]) if r]
        if not refs:
            return None
        codes: list[str] = []
        for r in refs:
            codes.extend(c for c in r.codes if c not in codes)
        first = refs[0]
        if len(refs) == 1:
            return replace(first, token=token.i)
        # one sector among them names the compound ("Kagame and his party" acts for the government)
        sectors = {r.sector for r in refs if r.sector}
        sector = sectors.pop() if len(sectors) == 1 else None
        return ActorRef(tuple(codes), sector, "actor.conjunction", token=token.i)

    def _one(self, token: Token) -> ActorRef | None:
        m = self.index.at(token)
        if m is not None:
            return self._from_mention(m, token)
        lower = token.lower_
        if lower in PERSONAL:
            return self.last_person and ActorRef(
                self.last_person.codes, self.last_person.sector, "actor.pronoun", self.last_person.person
            )
        if lower in IMPERSONAL:
            if lower in {"it", "they"} and token.dep_ in {"nsubj", "nsubjpass"}:
                near, decided = self._subject_before(token)
                if decided:
                    return near
            return self.last_actor and ActorRef(
                self.last_actor.codes, self.last_actor.sector, "actor.pronoun"
            )
        if (
            token.lemma_.lower() in BOTH_SIDES
            and (any(c.lower_ in BOTH_MARKERS for c in token.children) or token.lower_ == "sides")
            and len(self.parties) == 2
        ):
            return ActorRef(self.parties, None, "actor.both_sides")
        # Modifiers inside the noun phrase: "Russia's military", "Russian and Ukrainian delegations".
        for child in token.children:
            if child.dep_ in NP_MODIFIERS and child.i < token.i:
                codes = []
                for mod in [child, *_conjuncts(child), *_hyphenated(child)]:
                    m = self.index.at(mod) or _mention_in(mod, self.index)
                    if m is not None:
                        codes.extend(c for c in m.codes if c not in codes)
                if codes:
                    return ActorRef(tuple(codes), self._sector(token), "actor.modifier")
        # "rebels loyal to Riek Machar", "militias allied with the government": they act for them
        for tie in (
            c for c in token.children if c.dep_ in {"amod", "acl"} and c.lemma_.lower() in AFFILIATED
        ):
            for prep in (c for c in tie.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    ref = self._one(pobj)
                    if ref is not None:
                        return ActorRef(ref.codes, self._sector(token) or ref.sector, "actor.affiliated")
        # also any people named by their role: "exiled dissidents from Myanmar"
        if token.lemma_.lower() in OF_HEADS or self.dictionary.sector_of([token.lemma_.lower()]) is not None:
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    ref = self._one(pobj)
                    if ref is not None:
                        return ActorRef(ref.codes, self._sector(token) or ref.sector, "actor.of")
        located = self._located(token)
        if located is not None:
            return located
        named = self._apposed(token)
        if named is not None:
            return named
        if self._bare_organ(token):
            return self._sole_state(token, self._sector(token), "actor.sole_state")
        if token.lemma_.lower() in AUTHORED:
            # "the plan laid out by Mr. Putin called for ...": a document speaks for its author
            for clause in (c for c in token.children if c.dep_ in {"acl", "relcl"}):
                for agent in (a for a in clause.children if a.dep_ == "agent"):
                    for pobj in (x for x in agent.children if x.dep_ == "pobj"):
                        ref = self._one(pobj)
                        if ref is not None:
                            return ActorRef(ref.codes, ref.sector, "actor.author")
            # "a report released in the Rwandan capital": put out where its author sits
            for clause in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in ISSUING):
                for pobj in (
                    x for p in clause.children if p.dep_ == "prep" and p.lower_ == "in" for x in p.children
                ):
                    ref = self._one(pobj) if pobj.dep_ == "pobj" else None
                    if ref is not None and len(ref.codes) == 1 and ref.codes[0] in self.dictionary.states:
                        return ActorRef(ref.codes, None, "actor.issued_in")
            return self._issuer(token)
        return None

    def _issuer(self, document: Token) -> ActorRef | None:
        """Who put out a document named as the object of an issuing verb."""
        verb = document.head
        if document.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        ref = self._one(subject) if subject is not None and subject.i != document.i else None
        return ActorRef(ref.codes, ref.sector, "actor.author") if ref is not None else None

    def _located(self, token: Token) -> ActorRef | None:
        """People named by their role and their state's land: "protesters in Kirkuk", "the police
        in the Gaza Strip", "security forces in Guinea" act for (or as people of) that state."""
        cue = self.dictionary.sector_of([token.lemma_.lower()])
        if cue is None:
            return None
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                ref = self._one(pobj)
                if ref is not None and self._rules_there(ref, pobj, cue.sector):
                    return ActorRef(ref.codes, self._sector(token) or cue.sector, "actor.located")
        return None

    def _rules_there(self, ref: ActorRef, place: Token, sector: str) -> bool:
        """Whether people of a role in a place act for the place's actor: any role in a state; a
        state organ also in a land held by a de-facto authority ("the police in the Gaza Strip")."""
        if all(c in self.dictionary.states for c in ref.codes):
            return True
        m = self.index.at(place)
        return sector in STATE_SECTORS and m is not None and m.kind == "group"

    def _bare_organ(self, token: Token) -> bool:
        """A state organ that names no state ("the government", "authorities", "Prime Minister
        X's government"): no pronoun owner, no capitalised modifier naming another polity ("the
        Victorian government"); a person owner of unknown country is allowed."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in STATE_ORGANS:
            return False
        for child in token.children:
            if child.i > token.i or child.dep_ not in NP_MODIFIERS - {"det", "nummod"}:
                continue
            m = self.index.at(child)
            if m is not None and m.kind == "person":
                continue  # "Hun Sen's government", "the Bush administration"
            if child.pos_ == "PRON" or child.text[:1].isupper():
                return False
        return True

    def _sole_state(self, token: Token, sector: str | None, rule: str) -> ActorRef | None:
        """The one state a sentence names outside the other party of the act ("authorities in
        Kabul said ..."), and no other actor: a state organ named without its state is its."""
        sent = token.sent
        own = {t.i for t in token.subtree}
        party: set[int] = set()  # the act's other party: objects and "with/against/to ..." phrases
        verb = token.head if token.dep_ in {"nsubj", "nsubjpass"} else None
        if verb is not None:
            for c in verb.children:
                if c.dep_ in {"dobj", "dative", "attr", "oprd"} or (
                    c.dep_ == "prep" and c.lower_ in PARTY_PREPS
                ):
                    party.update(t.i for t in c.subtree)
        codes: set[str] = set()
        for m in self.index.mentions:
            if not (sent.start <= m.start < sent.end) or m.start in own or not m.codes:
                continue
            if m.start in party and not self._owns_a_thing(m):
                continue
            if not all(c in self.dictionary.states for c in m.codes):
                return None  # another kind of actor is named: the organ may be its
            codes.update(m.codes)
        if len(codes) != 1:
            return None
        return ActorRef(tuple(codes), sector, rule)

    def _owns_a_thing(self, m: Mention) -> bool:
        """A state named inside the act's object as its place or as the owner of a thing, not of
        people ("a curfew across Tbilisi", "defended Brazil's air traffic system"): the state is
        not the other party there."""
        last = self.doc[m.end - 1]
        head = last.head
        if m.kind != "state":
            return False
        if last.dep_ == "pobj":
            return head.lower_ in LOCATIVE
        if last.dep_ not in {"poss", "compound", "amod"} or self.index.at(head):
            return False
        return head.pos_ == "NOUN" and self._sector(head) is None

    def _apposed(self, token: Token) -> ActorRef | None:
        """A common noun named by its apposition: "its neighbour Kyrgyzstan", "the capital
        Mogadishu", "the group al-Nusra Front"."""
        if token.pos_ == "PROPN" and self.index.at(token) is None:
            return self._unlisted_name(token)
        if token.pos_ != "NOUN":
            return None
        for appos in (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
            m = self.index.at(appos)
            if m is not None and m.code and m.kind != "person":
                return ActorRef(m.codes, self._sector(token) or m.sector, "actor.apposition")
            if m is not None and m.code and self.dictionary.sector_of([token.lemma_.lower()]) is not None:
                # a title and its holders: "the then president, Goodluck Jonathan", "Presidents
                # Vladimir Putin and Hassan Rouhani"
                codes = list(m.codes)
                for other in (self.index.at(c) for c in _conjuncts(appos)):
                    codes += [c for c in (other.codes if other else ()) if c not in codes]
                person = m.name if len(codes) == 1 else None
                return ActorRef(tuple(codes), m.sector or self._sector(token), "actor.apposition", person)
            if m is None and self.dictionary.sector_of([token.lemma_.lower()]) is None:
                # "regional rival Japan's Prime Minister Shinzo Abe": the apposition's own phrase
                ref = self._one(appos)
                if ref is not None:
                    return replace(ref, rule="actor.apposition")
        # "the capital Mogadishu" is often parsed as a compound head with the name as head noun
        return None

    def _unlisted_name(self, token: Token) -> ActorRef | None:
        """A name NER missed, placed by its title in apposition: "Kenzo Oshima, the United Nations
        Emergency Relief Coordinator" (an organisation's, or a state's where the title is an office)."""
        for appos in (c for c in token.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}):
            office = self.dictionary.sector_of([appos.lemma_.lower()])
            for t in appos.subtree:
                m = self.index.at(t)
                if m is None or not m.code or m.kind == "person" or t.i == appos.i:
                    continue
                if m.kind == "organization" or (office is not None and office.sector in STATE_SECTORS):
                    return ActorRef(m.codes, office.sector if office else None, "actor.apposition")
        return None

    def _from_mention(self, m: Mention, token: Token) -> ActorRef | None:
        if not m.code:
            # "President Cardoso" with no country in his title: the one state of the sentence
            if m.kind == "person" and m.sector in STATE_SECTORS:
                ref = self._sole_state(token, m.sector, "person.sole_state")
                return ref and replace(ref, person=m.name)
            return None
        if m.kind == "person":
            return ActorRef(m.codes, m.sector, m.rule, person=m.name)
        # A mention that only modifies this token is handled by the caller; here the token is
        # inside the mention itself, so the head noun outside it may still add a sector.
        sector = self._sector(self.doc[m.end - 1].head) if token.dep_ in {"amod", "compound"} else None
        return ActorRef(m.codes, sector, m.rule)

    def _sector(self, head: Token) -> str | None:
        words = [
            t.lemma_.lower()
            for t in head.lefts
            if t.dep_ in {"compound", "amod"} and t.i not in self.index.by_token
        ]
        cue = self.dictionary.sector_of([*words, head.lemma_.lower()])
        return cue.sector if cue else None


def _conjuncts(token: Token) -> list[Token]:
    """All conjuncts of a noun ("Russia, the US, ... and Israel"), which spaCy chains."""
    out: list[Token] = []
    # A list of names is sometimes parsed as an apposition ("The US, Russia, and Switzerland met").
    listed = token.pos_ == "PROPN" and any(
        c.dep_ == "conj" for a in token.children if a.dep_ == "appos" for c in a.children
    )
    stack = [c for c in token.children if c.dep_ == "conj" or (listed and c.dep_ == "appos")]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _hyphenated(token: Token) -> list[Token]:
    """The other name of a hyphenated pair ("U.S.-South Korea exercises", "US-China talks")."""
    doc = token.doc
    return [
        c
        for c in token.children
        if c.dep_ in {"compound", "nmod"} and c.i + 1 < token.i and doc[c.i + 1].text == "-"
    ]


def _mention_in(token: Token, index: MentionIndex) -> Mention | None:
    """A mention anywhere among a modifier's own modifiers ("the Kremlin's chief negotiator")."""
    for t in token.subtree:
        m = index.at(t)
        if m is not None:
            return m
    return None


# Only prepositions that place: "weapons from the US", "an inquiry into Russia" name actors.
LOCATIVE_PREPS = {"in", "inside", "across", "near", "throughout"}


def _locative(doc: Doc, m: Mention) -> bool:
    """A state named as where something happens ("troops in Afghanistan", "withdraw from Syria")."""
    head = doc[m.end - 1]
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS and m.kind == "state"

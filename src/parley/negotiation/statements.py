"""Statements: each party's stated positions (EXTRACTION.md section 4), read off the events.

A demand (REQUEST from `want`, `urge`, "X must ..."), a promise or proposal (AGREE, CONCEDE), a
refusal (REJECT) is a position; its content (the complement clause, or the object) says what is at
stake. The content's lemmas are matched against data/issue_cues.tsv for the issue; its named
things give the object ("NATO", "Crimea"). Positions traded against each other ("In exchange,
...", "only if ...") are linked with `conditional_on`.

`content.py` splits a position's content into units and finds the thing at stake; `drafts.py`
merges and links the statements being built.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley.actors.resolve import Resolver
from parley.events.patterns import load as load_patterns
from parley.events.syntax import subject_of
from parley.model import Event, Evidence, Statement
from parley.negotiation.case import TIMEFRAME
from parley.negotiation.content import (
    ANAPHORIC,
    clause_after,
    complement_verbs,
    headline,
    listed_items,
    object_of,
    units,
    verb_conjuncts,
)
from parley.negotiation.drafts import Draft, link_exchanges, merge
from parley.negotiation.lexicon import Lexicon, forms
from parley.negotiation.lexicon import load as load_lexicon

# Which act a coded event states, by the name of the pattern that coded it.
ACT_OF_PATTERN = {
    "request": "DEMAND",
    "agree.offer": "OFFER",
    "agree.willing": "OFFER",
    "agree.put_forward": "OFFER",
    "agree.deliver_proposal": "OFFER",
    "agree.offer_terms": "OFFER",
    "agree.agree": "OFFER",
    "agree.accept": "ACCEPT",
    "agree.reach": "ACCEPT",
    "concede.meet_demands": "ACCEPT",
    "concede": "OFFER",
    "retreat": "OFFER",
    "reject": "REJECT",
}
# Nouns that name a position, with the act they state when an owner is named on them.
POSITION_NOUNS = {
    "demand": "DEMAND",
    "insistence": "DEMAND",
    "request": "DEMAND",
    "ultimatum": "DEMAND",
    "offer": "OFFER",
    "proposal": "OFFER",
    "pledge": "OFFER",
    "promise": "OFFER",
    "refusal": "REJECT",
    "rejection": "REJECT",
}
# A truce named with its makers ("a cease-fire brokered by X and Y") is accepted by each of them.
TRUCE_NOUNS = {"ceasefire", "cease-fire", "truce", "fire", "armistice"}
MAKING_VERBS = {"broker", "reach", "agree", "sign", "negotiate", "strike", "forge", "announce", "declare"}
# A party that keeps a truce ("honoring a cease-fire", "abide by the truce") accepts it.
KEEPING_VERBS = {"honor", "honour", "observe", "respect", "uphold", "abide", "maintain", "keep"}
# Cues that name a deal without saying anything about its terms.
GENERIC_DEAL = {"deal", "agreement", "peace deal"}
ACCEPTING_LEMMAS = {"accept", "agree", "approve", "endorse", "sign", "welcome"}
# An article is about a negotiation when it names talks, deals or truces at least this often, and
# at least this many times per 1,000 words: a long piece on domestic politics that mentions "a
# deal" three times is not (articles on talks run at 8-45 per 1,000).
MIN_NEGOTIATION_CUES = 3
MIN_CUES_PER_1000 = 5
OBLIGATION_MODALS = {"must", "should"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


class StatementReader:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.patterns = load_patterns()  # the reporting verbs of the event coder's data
        self.mode_issue = dict(
            c.split("=") for c in (" ".join(p) for p in self.lexicon.cues.get("mode_issue", ()))
        )

    def about_negotiation(self, doc: Doc) -> bool:
        """The article names talks, deals or truces often enough to be about a negotiation."""
        lemmas = [t.lemma_.lower() for t in doc]
        cues = self.lexicon.count("negotiation", lemmas)
        return cues >= MIN_NEGOTIATION_CUES and cues * 1000 >= MIN_CUES_PER_1000 * len(lemmas)

    def read(self, doc: Doc, events: list[Event], resolver: Resolver) -> list[Statement]:
        if not self.about_negotiation(doc):
            return []  # not an article about a negotiation: positions need talks to be positions
        sents = list(doc.sents)
        drafts: list[Draft] = []
        for ev in events:
            act = _act_of(ev)
            if ev.type == "THREATEN" and ev.source is not None:
                # "threatened to crush them if they don't fall back": the condition is a demand
                trigger = _trigger_token(doc, ev)
                if trigger is not None:
                    drafts.extend(self._conditions(ev, trigger, resolver, sents, drafts))
                    if self._persists(trigger):
                        # "has vowed to continue bombing": a refusal to stop, of the truce it is asked for
                        drafts.extend(
                            d
                            for unit in units(trigger, ev)
                            for d in self._draft(ev, "REJECT", trigger, unit, resolver, sents, drafts)
                        )
                continue
            if act is None or ev.source is None:
                continue
            trigger = _trigger_token(doc, ev)
            if trigger is None:
                continue
            if (
                act == "OFFER"
                and trigger.lemma_.lower() in ACCEPTING_LEMMAS
                and not complement_verbs(trigger)
            ):
                act = "ACCEPT"  # "agreed to a temporary cease-fire": agreeing to a thing on the table
            made = [
                d
                for unit in units(trigger, ev)
                for d in self._draft(ev, act, trigger, unit, resolver, sents, drafts)
            ]
            if act == "OFFER" and self._persists(trigger):
                # "vowed to continue shelling": to keep up the fighting refuses the truce
                for d in made:
                    if d.statement.issue == "ceasefire":
                        d.statement.act, d.statement.rule = (
                            "REJECT",
                            d.statement.rule.replace("offer.", "reject.", 1),
                        )
            drafts.extend(made)
            if act in {"OFFER", "ACCEPT", "REJECT"} and made:
                # "would halt if ...", "reluctant to open the borders unless ...": the conditions
                demands = self._conditions(ev, trigger, resolver, sents, drafts)
                for d in made:
                    d.requires.extend(demands)
                drafts.extend(demands)
        doers: dict[int, Event] = {}
        for ev in events:  # the first event of a trigger is its doer's ("+mutual" mirrors follow)
            if ev.source is not None and (t := _trigger_token(doc, ev)) is not None:
                doers.setdefault(t.i, ev)
        drafts.extend(self._noun_positions(doc, resolver, sents, drafts, doers))
        drafts.extend(self._reported_obligations(doc, resolver, sents, drafts))
        drafts.extend(self._agreed_truces(doc, resolver, sents, drafts, doers))
        drafts, kept = merge(drafts)
        for i, d in enumerate(drafts, 1):
            d.statement.id = f"s{i}"
        for d in drafts:
            ids = [kept[id(r)].statement.id for r in d.requires if kept[id(r)] is not d]
            d.statement.conditional_on = list(dict.fromkeys([*d.statement.conditional_on, *ids]))
        link_exchanges(drafts, sents, self.lexicon)
        return [d.statement for d in drafts]

    def _reported_obligations(
        self, doc: Doc, resolver: Resolver, sents: list[Span], earlier: list[Draft]
    ) -> list[Draft]:
        """What a party says must or should be done: "the first step, the official said, must include
        capping enrichment", "Putin said statehood should be considered for the region". The
        event coder codes such a demand when the one who must act is a party; here it is a
        position even when the subject is a thing."""
        out: list[Draft] = []
        for s_index, sent in enumerate(sents):
            for modal in sent:
                if modal.tag_ != "MD" or modal.lower_ not in OBLIGATION_MODALS or modal.dep_ != "aux":
                    continue
                verb = modal.head
                speech = self._reporting_verb(verb)
                if speech is None:
                    continue
                speaker = resolver.resolve(subject_of(speech))
                subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                who = resolver.resolve(subject) if subject is not None else None
                if speaker is None or (who is not None and set(who.codes) & set(speaker.codes)):
                    continue  # "we must defend ourselves": a party's own resolve, not a demand
                # a thing as subject is what is asked for ("statehood should be considered")
                skip = {
                    t.i
                    for c in verb.children
                    if c.i == speech.i or (c.dep_ in SUBJECTS and who is not None)
                    for t in c.subtree
                }
                unit = [t for t in verb.subtree if t.i not in skip and not t.is_punct]
                start, end = min(t.idx for t in unit), max(t.idx + len(t.text) for t in unit)
                ev = Event(
                    source=speaker.value,
                    target=who.value if who is not None else None,
                    type="REQUEST",
                    trigger=modal.text,
                    rule=f"request.reported_obligation/{speaker.rule}",
                    evidence=Evidence.from_span(doc.text, s_index, start, end),
                )
                # "must include capping enrichment, stockpiles, and verification": one demand per item
                for item in listed_items(unit) or [unit]:
                    out.extend(self._draft(ev, "DEMAND", verb, item, resolver, sents, earlier + out))
        return out

    def _declared_over(self, noun: Token) -> Token | None:
        """The reporting verb by which a party declares a truce ended: "announced that the
        ceasefire was over", "declared the truce dead"."""
        over = {p[0] for p in self.lexicon.cues.get("ended", ())}
        pred = noun.head
        if noun.dep_ == "nsubj" and any(
            c.lower_ in over for c in pred.children if c.dep_ in {"acomp", "advmod", "attr"}
        ):
            return pred.head if pred.dep_ == "ccomp" and self._is_speech(pred.head) else None
        if (
            noun.dep_ == "dobj"
            and self._is_speech(pred)
            and any(c.lower_ in over for c in pred.children if c.dep_ == "oprd")
        ):
            return pred
        return None

    def _reporting_verb(self, verb: Token) -> Token | None:
        """The verb that reports a clause: the one it is the complement of ("said statehood should
        be ..."), or one set inside it ("the first step, the official said, must include ...")."""
        if verb.dep_ == "ccomp" and self._is_speech(verb.head):
            return verb.head
        return next(
            (c for c in verb.children if c.dep_ in {"parataxis", "ccomp"} and self._is_speech(c)), None
        )

    def _is_speech(self, token: Token) -> bool:
        plist = self.patterns.for_verb(token.lemma_.lower())
        return token.pos_ == "VERB" and bool(plist) and plist[-1].frame == "speech"

    def _persists(self, trigger: Token) -> bool:
        """Whether a vow's content is to keep up what it is doing ("vowed to continue fighting")."""
        persist = {p[0] for p in self.lexicon.cues.get("persist", ())}
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in persist for c in trigger.children)

    def _noun_positions(
        self, doc: Doc, resolver: Resolver, sents: list[Span], earlier: list[Draft], doers: dict[int, Event]
    ) -> list[Draft]:
        """Positions named by a noun with their owner: "a Trump demand that the nation pay more",
        "Iran's insistence that it keep enrichment", "Russia's offer of talks". A party that
        dismisses another's offer ("denounced Park's offer of dialogue") rejects what it offers."""
        out: list[Draft] = []
        for s_index, sent in enumerate(sents):
            for noun in sent:
                act = POSITION_NOUNS.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
                if act is None:
                    continue
                owners = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod"} and c.i < noun.i]
                owner = next((r for r in (resolver.resolve(c) for c in owners) if r is not None), None)
                if owner is None:
                    continue
                clauses = [
                    c
                    for c in noun.children
                    if c.dep_ in {"acl", "ccomp", "relcl"}
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ]
                clauses += [
                    p
                    for c in noun.children
                    if c.dep_ == "prep" and c.lower_ in {"for", "of", "to"}
                    for p in c.children
                    if p.dep_ in {"pobj", "pcomp"}
                ]
                if not clauses:
                    continue
                content = clauses[0]
                subject = next((x for x in content.children if x.dep_ in {"nsubj", "nsubjpass"}), None)
                named = resolver.resolve(subject) if subject is not None else None
                others = [c for c in resolver.parties if c not in owner.codes]
                target: str | list[str] | None = None
                if named is not None and named.codes != owner.codes:
                    target = named.value
                elif len(resolver.parties) == 2 and len(others) == 1:
                    target = others[0]
                tokens = [t for t in noun.subtree if not t.is_space]
                start, end = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
                ev = Event(
                    source=owner.value,
                    target=target,
                    type="REQUEST",
                    evidence=Evidence.from_span(doc.text, s_index, start, end),
                    rule=f"noun.{noun.lemma_.lower()}/{owner.rule}",
                    trigger=noun.text,
                )
                out.extend(self._draft(ev, act, noun, list(content.subtree), resolver, sents, earlier + out))
                verb = noun.head
                if (
                    act != "OFFER"
                    or noun.dep_ != "dobj"
                    or not self.lexicon.has("dismissal", [verb.lemma_.lower()])
                ):
                    continue
                doer = doers.get(verb.i)
                subject = subject_of(verb)
                ref = resolver.resolve(subject) if subject is not None and subject.pos_ != "PRON" else None
                rejecter = doer.source if doer is not None else ref.value if ref is not None else None
                if rejecter is None or set(_codes(rejecter)) & set(owner.codes):
                    continue
                refusal = ev.model_copy(
                    update={"source": rejecter, "target": owner.value, "type": "REJECT", "trigger": verb.text}
                )
                refusal.rule = f"noun.{noun.lemma_.lower()}+dismissed/" + (
                    doer.rule if doer else "actor.subject"
                )
                out.extend(
                    self._draft(
                        refusal, "REJECT", verb, list(content.subtree), resolver, sents, earlier + out
                    )
                )
        return out

    def _agreed_truces(
        self, doc: Doc, resolver: Resolver, sents: list[Span], earlier: list[Draft], doers: dict[int, Event]
    ) -> list[Draft]:
        """A ceasefire named with the parties who made it: "a 120-hour cease-fire brokered by
        Turkey and the U.S.", "a truce between Israel and Hamas": each of them accepts it. So does
        a party that keeps one: "they have stopped fighting, honoring a cease-fire" (its doer is the
        doer of the event it hangs on, else its own named subject)."""
        out: list[Draft] = []
        for s_index, sent in enumerate(sents):
            for noun in sent:
                if noun.lemma_.lower() not in TRUCE_NOUNS or noun.pos_ not in {"NOUN", "PROPN"}:
                    continue
                makers = [
                    p
                    for c in noun.children
                    if c.dep_ == "acl" and c.lemma_.lower() in MAKING_VERBS
                    for a in c.children
                    if a.dep_ == "agent"
                    for p in a.children
                    if p.dep_ == "pobj"
                ]
                makers += [
                    p
                    for c in noun.children
                    if c.dep_ == "prep" and c.lower_ == "between"
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                refs = [r for r in (resolver.resolve(m) for m in makers) if r is not None]
                codes = list(dict.fromkeys(c for r in refs for c in r.codes))
                rule, act = "noun.truce/actor.makers", "ACCEPT"
                keeper = _keeping_verb(noun)
                ender = self._declared_over(noun)
                if len(codes) < 2 and ender is not None:
                    # "Damascus announced that the ceasefire was over": the speaker ends the truce
                    ref = resolver.resolve(subject_of(ender))
                    codes, rule, act = (list(ref.codes) if ref else []), "noun.truce/actor.ender", "REJECT"
                elif len(codes) < 2 and keeper is not None:
                    doer = _governing_event(keeper, doers)
                    subject = subject_of(keeper)
                    ref = (
                        resolver.resolve(subject) if subject is not None and subject.pos_ != "PRON" else None
                    )
                    codes = _codes(doer.source) if doer is not None else list(ref.codes) if ref else []
                    rule = "noun.truce/actor.keeper"
                elif len(codes) < 2:
                    continue
                if not codes:
                    continue
                tokens = [t for t in noun.subtree if not t.is_space]
                start, end = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
                ev = Event(
                    source=codes[0] if len(codes) == 1 else codes,
                    type="AGREE" if act == "ACCEPT" else "REJECT",
                    trigger=noun.text,
                    rule=rule,
                    evidence=Evidence.from_span(doc.text, s_index, start, end),
                )
                out.extend(self._draft(ev, act, noun, tokens, resolver, sents, earlier + out))
        return out

    def _conditions(
        self, ev: Event, trigger: Token, resolver: Resolver, sents: list[Span], earlier: list[Draft]
    ) -> list[Draft]:
        """ "Russia would halt its operation if Ukraine wrote neutrality into its constitution and
        recognized Crimea": the conditions are the offering party's demands of the other."""
        out: list[Draft] = []
        holders = [trigger, *[c for c in trigger.children if c.dep_ in {"xcomp", "ccomp", "conj"}]]
        if trigger.dep_ == "acomp":
            holders.append(trigger.head)  # "is reluctant to open the borders unless ...": hung on "is"
        if trigger.dep_ == "ccomp":
            # "said the U.S. would not rule out talks, but would only consider such a move if ...":
            # the condition hangs on a verb coordinated with the report
            holders += [c for c in trigger.head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        clauses = [c for h in holders for c in h.children if c.dep_ == "advcl"]
        # the parser often hangs the condition on the last verb before it ("threatened to walk away
        # from talks aimed at reinstating the truce if Russia does not stop ..."): any in the content
        clauses += [
            c
            for h in holders[1:]
            for c in h.subtree
            if c.dep_ == "advcl" and c.head.i != h.i and c not in clauses
        ]
        for clause in clauses:
            marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
            if not marks & {"if", "unless", "provided", "once"}:
                continue
            subject = next((x for x in clause.children if x.dep_ in {"nsubj", "nsubjpass"}), None)
            who = resolver.resolve(subject)
            if who is None and (subject is None or subject.pos_ not in {"NOUN", "PROPN"}):
                continue  # "if it is approved": nothing is asked of anyone we can name
            if who is not None and set(who.codes) & set(_codes(ev.source)):
                continue
            start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
            demand = ev.model_copy(
                update={
                    "type": "REQUEST",
                    "target": who.value if who is not None else None,
                    "rule": "request.condition/" + ev.rule.split("/")[-1],
                    "evidence": Evidence.from_span(clause.doc.text, ev.evidence.sentence, start, end),
                }
            )
            for verb in verb_conjuncts(clause):
                # the verb's own words, without the other verbs of the condition and their words
                others = {
                    t.i
                    for c in verb.children
                    if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                    for t in c.subtree
                }
                unit = [t for t in verb.subtree if t.i not in others]
                out.extend(self._draft(demand, "DEMAND", verb, unit, resolver, sents, earlier + out))
        return out

    def _draft(
        self,
        ev: Event,
        act: str,
        trigger: Token,
        unit: list[Token],
        resolver: Resolver,
        sents: list[Span],
        earlier: list[Draft],
    ) -> list[Draft]:
        # "guaranteeing the protection of Russian culture": a verb that only says "ensure" is no cue
        light = {p[0] for p in self.lexicon.cues.get("light_verb", ())}
        words = [
            forms(t.lemma_.lower(), t.lower_)
            if not (t.pos_ == "VERB" and t.lemma_.lower() in light)
            else set()
            for t in unit
        ]
        lemmas = [t.lemma_.lower() for t in unit]
        text = " ".join(t.text for t in unit)
        # put off to later talks: a cue, or a span of years to settle it in ("over fifteen years")
        defer = self.lexicon.has("defer", words) or (
            TIMEFRAME.search(text)
            and set(lemmas) & {"talk", "negotiation", "resolve", "settle", "discuss"}
            and "timeframe"
        )
        if defer and act in {"OFFER", "ACCEPT", "DEMAND"}:
            act = "DEFER"
        # the content's own head: its verb, else its noun ("the withdrawal of U.S. troops")
        ids = {t.i for t in unit}
        root = next((t for t in unit if t.head.i not in ids or t.head.i == t.i), None)
        head = next(
            (t.lemma_.lower() for t in unit if t.pos_ == "VERB"), root.lemma_.lower() if root else None
        )
        # "resolve the issue", "discuss it": a word that points back at what was just spoken of (a
        # pronoun subject is the party itself: "insists that it define ...")
        refers_back = any(
            t.lemma_.lower() in ANAPHORIC
            and t.pos_ in {"NOUN", "PRON"}
            and t.dep_ not in {"mark", "nsubj", "nsubjpass", "expl"}
            for t in unit
        )
        # phrases are also matched with possessors left out: "open Gaza's borders" is "open borders"
        bare = [w for w, t in zip(words, unit, strict=True) if t.dep_ not in {"poss", "case"}]
        issue, cues = self.lexicon.issue_of([*words, set(), *bare], head)
        if issue is None and ev.mode in self.mode_issue:
            issue = self.mode_issue[ev.mode]
        if issue is None and not refers_back and not headline(trigger.sent):
            # the parser cut the content short ("willing to halt its production, and convert its
            # stockpile ..."): the rest of the trigger's own clause says what is at stake
            rest = [forms(t.lemma_.lower(), t.lower_) for t in clause_after(trigger, self._is_speech)]
            issue, cues = self.lexicon.issue_of(rest)
        if issue == "talks_process" and set(cues) <= GENERIC_DEAL and act != "DEFER":
            return []  # "eager to seal a deal", "wants to make a deal": no term is stated
        if act == "DEFER" and issue == "talks_process":
            # what is put off is the issue, not the talks it is put off to
            issue, _cues = self.lexicon.issue_of([w for w in words if not w & {"talk", "meeting"}])
            if issue == "talks_process":
                issue = None
        obj = None if headline(trigger.sent) else object_of(unit, resolver.index, ev)
        if (issue is None or act == "DEFER") and earlier and refers_back:
            # "offered to resolve the issue over 15-year talks": the issue just spoken of
            prev = earlier[-1].statement
            issue = issue or prev.issue
            if refers_back and prev.object and prev.issue == issue:
                obj = prev.object
        if issue is None:
            return []
        target = ev.target
        guarantors: list[str] = []
        if issue == "security_guarantees":
            # the guarantors are those the guarantees are asked from ("guarantees from X, Y and Z"),
            # else the party the demand is addressed to
            asked = [
                c
                for t in unit
                if t.dep_ == "pobj" and t.head.lower_ in {"from", "by"}
                for c in (resolver.resolve(t).codes if resolver.resolve(t) else ())
            ]
            # "... from a group of states that would include Britain, China and France"
            listed = [
                c
                for t in unit
                for m in [resolver.index.at(t)]
                if m is not None and t.i == m.end - 1 and m.kind == "state"
                for c in m.codes
                if c not in _codes(ev.source)
            ]
            addressed = [] if target is None else [target] if isinstance(target, str) else list(target)
            named = asked or listed or addressed
            guarantors = list(dict.fromkeys(named))
            target = None
        if act == "OFFER" and isinstance(ev.source, list) and not ev.target:
            act = "ACCEPT"  # "France and Iran have agreed to ...": each accepts the other's terms
        st = Statement(
            id="s0",
            actor=ev.source,
            act=act,
            issue=issue,
            object=obj,
            target=target,
            guarantors=guarantors,
            evidence=ev.evidence,
            rule=f"{act.lower()}.{ev.rule.split('/')[0]}" + (f"+defer({defer})" if act == "DEFER" else ""),
        )
        return [Draft(st, ev.evidence.sentence, trigger, lemmas)]


def _keeping_verb(noun: Token) -> Token | None:
    """The verb by which a party keeps a truce: "honoring a cease-fire", "abide by the truce"."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "by" else noun.head
    if noun.dep_ not in {"dobj", "pobj"} or verb.pos_ != "VERB" or verb.lemma_.lower() not in KEEPING_VERBS:
        return None
    return None if any(c.dep_ == "neg" for c in verb.children) else verb


def _governing_event(token: Token, doers: dict[int, Event]) -> Event | None:
    """The event of the verb a clause hangs on ("stopped shelling the towns, honoring a truce")."""
    node = token
    for _ in range(3):
        if node.dep_ not in {"advcl", "conj", "xcomp"} or node.head.i == node.i:
            return None
        node = node.head
        if node.i in doers:
            return doers[node.i]
    return None


def _codes(value: str | list[str] | None) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


# Acts of cooperation that, announced for later, put the doer's cooperation on offer.
FUTURE_COOPERATION = {"SUPPORT", "COOPERATE", "AID", "CONSULT"}


def _act_of(ev: Event) -> str | None:
    name = ev.rule.split("/")[0]
    base = name.split("+")[0]
    if "+refused" in name or (name.endswith("+negated") and ev.type == "REJECT"):
        return "REJECT"  # "will not lift the embargo", "would not give permission"
    if name.endswith("+negated"):
        return "OFFER"  # "would not rule out talks"
    if ev.type == "THREATEN":
        return None
    if name.endswith("+promise") and ev.type == "AGREE":
        return "OFFER"  # "said it will hold talks", "pledged to support": a promised act of cooperation
    if ev.aux in {"future", "hypothetical"} and ev.type in FUTURE_COOPERATION:
        return "OFFER"  # "Egypt plans to start shuttling between the delegations": cooperation on offer
    for prefix in (base, base.split(".")[0]):
        if prefix in ACT_OF_PATTERN:
            act = ACT_OF_PATTERN[prefix]
            if prefix in {"concede", "retreat"} and "+promise" not in name and not base.startswith("concede"):
                return None  # a withdrawal that happened is an event, not a stated position
            return act
    return None


def _trigger_token(doc: Doc, ev: Event) -> Token | None:
    span = doc.char_span(ev.evidence.start, ev.evidence.end, alignment_mode="expand")
    if span is None:
        return None
    return next((t for t in span if t.text == ev.trigger), None)

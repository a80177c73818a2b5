"""The event coder: PLOVER events from dependency parses, with patterns kept as data.

For each sentence, every verb (or predicate adjective) whose lemma has a pattern in
data/verbs.tsv is a trigger. Its source is its subject (inherited through xcomp/conj/advcl, or the
speaker for a pronoun inside reported speech), its target is read from the places the pattern
names. Promises (`commit`) and demands (`direct`) take their complement as content and are coded
once, as AGREE or REQUEST refined by what is promised or demanded. Reporting verbs (`speech`)
are not coded themselves: the event they report is, with the reporter in `said_by`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from parley.actors.resolve import ActorRef, Resolver
from parley.events import codebook as codebook_mod
from parley.events import dates, modes, participants, syntax
from parley.events.patterns import CONTENT_FRAMES, HOSTILE, MATERIAL_CONFLICT, Pattern, PatternSet
from parley.events.patterns import load as load_patterns
from parley.events.words import load as load_words
from parley.model import Event, Evidence

WORDS = load_words()  # the word lists of data/words.tsv, by name
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
INSTRUMENT_PREPS = {"with", "through", "by", "via"}
# A promise to withdraw or de-escalate is a verbal concession (PLOVER CONCEDE), not yet a retreat.
PROMISED_RETREAT = {"future", "hypothetical"}
# Acts that need no one to be done to: "the rebels surrendered", "the president resigned",
# "X declared a unilateral ceasefire", "Y put its forces on alert". Coded with no target when the
# sentence has no dyadic event (other types without a target are mostly an unresolved target).
UNILATERAL = {"RETREAT", "CONCEDE", "MOBILIZE"}
# Acts that often have no one named they are aimed at ("denied the allegations", "called for
# calm", "violated the ceasefire 80 times"): with no one named in their slots, a sentence's only
# event is reported with no target. Aid and cooperation are left out: they nearly always have a
# recipient, and one we failed to read is better not guessed at.
TARGETLESS = {"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN", "AGREE", "ASSAULT", "COERCE", "SANCTION"}
# Clauses of purpose, manner or description: their verb is not the act a sentence reports.
SIDE_CLAUSES = {"advcl", "acl", "relcl", "pcomp", "amod", "npadvmod"}
# Types whose events are stated positions: each trigger word is its own position.
POSITION_TYPES = {"REQUEST", "AGREE", "REJECT", "CONCEDE"}
# Targets read from where an act happened or from discourse memory: too weak beside a doer we
# know only by its kind.
GUESSED_TARGETS = {"actor.place", "actor.pronoun", "actor.placed_role", "actor.counterpart"}
SELF_INTENT = WORDS["self_intent"]
PREVENTING = WORDS["preventing"]
ANSWERABLE = WORDS["answerable"]
# Verbs with no object whose subject suffered them: "12 tourists killed in a bombing" (a headline).
VICTIM_VERBS = {"kill", "wound", "injure"}
HEARSAY_NOUNS = WORDS["hearsay_nouns"]
ORIGIN_VERBS = {"import", "make", "produce", "manufacture", "ship", "export", "originate"}
# Acts CAMEO has no "intent to" code for: wanting to do them is coded as the act, hypothetical.
WANTED_ACTS = {"ACCUSE", "REJECT", "PROTEST"}
# Promises and threats ("said it is prepared to lift the ban", "said they would blockade Paris") are
# most often aimed at the speaker's own people, whom the sentence does not name: there its "it" is
# no sure doer of a targetless act.
COMMITMENTS = {"AGREE", "THREATEN"}
ABILITY = WORDS["ability"]
# Verbs of offering: "offered to send troops to Jordan" is an offer of help, never a threat.
OFFERING = {"offer", "propose", "volunteer"}
ALLEGING = WORDS["alleging"]
ACCUSING_SPEECH = WORDS["accusing_speech"]
# Acts that are mutual: meet (040), negotiate (046), and signing an agreement with someone
# (ratifying one is each side's own act).
MUTUAL_CAMEO = {"040", "046"}
MUTUAL_PATTERNS = ("support.sign/", "support.sign+")
# Acts that are held over someone when they come with an "unless" ("will withdraw its force
# unless ..."); an offer or refusal with an "unless" stays what it is.
HELD_OVER = {"RETREAT", "CONCEDE", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
# A future act of cooperation that a speaker announces is a promise to cooperate: PLOVER codes it
# AGREE. One the article itself reports as coming ("X will visit Y") keeps its type, aux future.
PROMISED_COOPERATION = {"SUPPORT", "COOPERATE", "AID", "CONSULT"}
# Types that a compound actor can do together with no target ("Russia and Ukraine met"); a
# compound that "protested" or "demanded" with no target is not an event we can code.
RECIPROCAL = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "RETREAT",
    "ACCUSE",
    "REJECT",
    "SANCTION",
    "ASSAULT",
}

# Of these, only acts done *with* someone ("fought", "clashed with") or "against each other" are
# mutual for a compound doer.
ONE_WAY = {"ASSAULT"}


@dataclass
class Trigger:
    token: Token
    pattern: Pattern
    particle: Token | None = None
    # Other patterns that match the same word, tried in order when this one codes nothing
    # ("conduct exercises" with a partner is COOPERATE, alone near a border it is MOBILIZE).
    alternatives: list[Trigger] = field(default_factory=list)


class EventCoder:
    """Codes the events of one parsed article."""

    def __init__(self, patterns: PatternSet | None = None) -> None:
        self.patterns = patterns or load_patterns()
        self._text = ""
        self._positions: list[Event] | None = None
        self._counterparts = True
        # token index -> CAMEO code of the deliberation it is the object of ("considering sending aid")
        self._considered: dict[int, str] = {}
        self._speaking: dict[int, ActorRef] = {}  # who reports each token of the sentence in hand
        self.codebook = codebook_mod.load()

    # -- entry point ----------------------------------------------------------------------------
    def code(
        self,
        doc: Doc,
        resolver: Resolver,
        day: dt.date | None,
        positions: list[Event] | None = None,
        counterparts: bool = True,
    ) -> list[Event]:
        """The article's events. Given a `positions` list, stated positions that name no other
        party ("the delegation demands an end to the closure") are put there: they are not
        dyadic events, but the negotiation layer reads them as positions. With `counterparts`
        (an article about a negotiation), an act that names no other party may take the article's
        other main party as its target ("Kyiv rejected the offer")."""
        events: list[Event] = []
        self._positions = positions
        self._counterparts = counterparts
        self._text = doc.text  # Doc.text rebuilds the string on every access: once per article
        for s_index, sent in enumerate(doc.sents):
            try:
                events.extend(self._sentence(sent, s_index, resolver, day))
            except Exception:
                continue
            _remember(sent, resolver)
        return events

    # -- one sentence ---------------------------------------------------------------------------
    def _sentence(self, sent: Span, s_index: int, resolver: Resolver, day: dt.date | None) -> list[Event]:
        speakers = self._speakers(sent, resolver)
        future_heads = {
            c.i
            for t in sent
            if self._frame(t) == "aspect"
            for c in t.children
            if c.dep_ in {"xcomp", "ccomp"}
        }
        self._considered = self._deliberated(sent)
        self._speaking = speakers
        absorbed: set[int] = set()  # complements already coded as the content of a promise or demand
        found: list[tuple[int, Event]] = []
        tried: list[Trigger] = []
        triggers = [tr for tr in (self._trigger(t) for t in sent) if tr is not None]
        # Obligations first: "X said Y must hand over Z" is X's demand, and Y's handing over is its
        # content, not an event of its own.
        triggers.sort(key=lambda tr: (tr.pattern.frame != "obligation", syntax.depth(tr.token)))
        for tr in triggers:
            if tr.token.i in absorbed:
                continue
            if tr.pattern.frame == "obligation":
                ev = self._obligation(tr, sent, s_index, resolver, speakers, day)
                if ev is not None:
                    absorbed.update(t.i for t in tr.token.head.subtree)
                    found.append((syntax.depth(tr.token.head), ev))
                continue
            if tr.pattern.type == "PROTEST":  # "rioted, setting fire to their mattresses": how they protested
                absorbed.update(c.i for c in tr.token.children if c.dep_ == "advcl" and c.tag_ == "VBG")
            if tr.pattern.type == "AID" and tr.pattern.objects:  # "sent aid to support refugees": one act
                absorbed.update(c.i for c in participants.purposes(tr.token))
            if tr.pattern.frame in CONTENT_FRAMES:
                absorbed.update(t.i for c in syntax.complements(tr.token) for t in c.subtree)
            elif tr.pattern.objects:  # "stopped fighting": the gerund is the object, not an event
                absorbed.update(c.i for c in tr.token.children if c.dep_ == "xcomp" and c.tag_ == "VBG")
            tried.append(tr)
            for candidate in [tr, *tr.alternatives]:
                ev = self._event(candidate, sent, s_index, resolver, speakers, future_heads, day)
                if ev is not None:
                    found.append((syntax.depth(tr.token), ev))
                    break
        coded_objects = {c.i for tr in triggers for c in tr.token.children} | absorbed
        for token in sent:
            noun = self.patterns.nouns.get(token.lemma_.lower())
            if noun is None or token.pos_ not in {"NOUN", "PROPN"} or token.i in coded_objects:
                continue
            ev = self._noun_event(token, noun, sent, s_index, resolver, speakers, triggers, day)
            if ev is not None:
                found.append((syntax.depth(token), ev))
        if not found:
            lone = self._lone_event(tried, sent, s_index, resolver, speakers, future_heads, day)
            if lone is None:
                lone = self._comment(tried, sent, s_index, resolver, speakers, day)
            if lone is None:
                return []
            return self._with_allegations([lone], sent, s_index, resolver, day)
        events = [ev for _, ev in sorted(found, key=lambda x: x[0])]
        return self._with_allegations(_mutual(events), sent, s_index, resolver, day)

    def _with_allegations(
        self, events: list[Event], sent: Span, s_index: int, resolver: Resolver, day: dt.date | None
    ) -> list[Event]:
        """An alleged hostile act is coded as the accusation, not as a fact: "the US claimed that
        ISIL had attacked Iraq" is the US accusing ISIL; the attack is only what it says."""
        alleged: list[Event] = []
        claims = self._allegations(sent, s_index, resolver, events, day, alleged)
        return _dedup(claims + [ev for ev in events if not any(ev is a for a in alleged)])

    def _allegations(
        self,
        sent: Span,
        s_index: int,
        resolver: Resolver,
        events: list[Event],
        day: dt.date | None,
        alleged: list[Event],
    ) -> list[Event]:
        """ "The US claimed that ISIL had attacked Iraq": the claim is the US accusing ISIL (CAMEO
        112), and the attack goes into `alleged`. Only for verbs of alleging, not plain "said";
        claiming one's own act is a claim of it (CAMEO 015), and the act stays coded."""
        out: list[Event] = []
        for verb in (t for t in sent if t.lemma_.lower() in ALLEGING and t.pos_ == "VERB"):
            speaker = resolver.resolve(syntax.subject_of(verb))
            for comp in (c for c in verb.children if c.dep_ == "ccomp"):
                lo, hi = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge.text)
                for ev in events:
                    if ev.type not in HOSTILE or not (lo <= ev.evidence.start < hi) or speaker is None:
                        continue
                    if ev.source is None:
                        continue  # a doer known only by its kind cannot be accused by name
                    accused = ActorRef(
                        tuple(ev.source) if isinstance(ev.source, list) else (ev.source,),
                        ev.source_sector,
                        "actor.accused",
                    )
                    if set(accused.codes) & set(speaker.codes):
                        # "claimed that they had attacked Iraq": a claim of responsibility (CAMEO 015)
                        target = (
                            ActorRef(_codes(ev.target), ev.target_sector, "actor.claimed")
                            if ev.target
                            else None
                        )
                        out.append(
                            self._make(
                                None,
                                "015",
                                None,
                                speaker,
                                target,
                                None,
                                None,
                                verb,
                                sent,
                                s_index,
                                "statement.claim_act+statement",
                                day,
                            )
                        )
                        continue
                    alleged.append(ev)
                    out.append(
                        self._make(
                            "ACCUSE",
                            "112",
                            None,
                            speaker,
                            accused,
                            None,
                            None,
                            verb,
                            sent,
                            s_index,
                            "accuse.allege",
                            day,
                        )
                    )
        return out

    def _deliberated(self, sent: Span) -> dict[int, str]:
        """Acts a sentence says are only considered: the complement of "consider" ("is considering
        sending aid")."""
        out: dict[int, str] = {}
        for t in sent:
            if self._frame(t) != "deliberate":
                continue
            code = next(p.cameo for p in self.patterns.for_verb(t.lemma_.lower()) if p.frame == "deliberate")
            out.update((c.i, code or "014") for c in t.children if c.dep_ in {"xcomp", "ccomp"})
        return out

    def _lone_event(
        self,
        tried: list[Trigger],
        sent: Span,
        s_index: int,
        resolver: Resolver,
        speakers: dict[int, ActorRef],
        future_heads: set[int],
        day: dt.date | None,
    ) -> Event | None:
        """A sentence with no dyadic event still reports what its main actor did: the shallowest
        main-clause trigger whose source resolves is coded against the state's own people
        ("Nigerian police arrested dozens of protesters": NGA/COP -> NGA/CVL), or with no target
        for a unilateral act ("the Peruvian president resigned")."""
        for tr in tried:
            if tr.token.dep_ in SIDE_CLAUSES:
                continue  # "... to end the fighting", "forces that withdrew": not what the sentence reports
            for candidate in [tr, *tr.alternatives]:
                ev = self._event(candidate, sent, s_index, resolver, speakers, future_heads, day, lone=True)
                if ev is not None:
                    return ev
        return None

    def _comment(
        self,
        tried: list[Trigger],
        sent: Span,
        s_index: int,
        resolver: Resolver,
        speakers: dict[int, ActorRef],
        day: dt.date | None,
    ) -> Event | None:
        """A sentence that reports no act may still report what a named actor said: a public
        statement (CAMEO 01), which PLOVER has no type for. The statement's own kind wins ("declined
        to comment" 011, "expressed optimism" 013, "is considering" 014, "claimed responsibility"
        015); a bare "said" is a plain statement (010)."""
        # reporting and deliberating verbs are not triggers of their own: read them here
        speech = [
            Trigger(t, p)
            for t in sent
            for p in self.patterns.for_verb(t.lemma_.lower())
            if p.frame in {"speech", "deliberate"}
        ]
        statements = [
            c
            for tr in [*tried, *speech]
            if tr.token.dep_ not in SIDE_CLAUSES
            for c in [tr, *tr.alternatives]
            if c.pattern.type is None and (c.pattern.cameo or "").startswith("01") and _comment_fits(c)
        ]
        # a statement's own kind before a bare "said"; the main clause first
        statements.sort(key=lambda c: (c.pattern.frame == "speech", syntax.depth(c.token)))
        for c in statements:
            if c.pattern.frame == "speech" and syntax.agentless_passive(c.token):
                continue
            cameo, name = c.pattern.cameo, c.pattern.name
            if c.pattern.frame == "speech" and c.token.lemma_.lower() in ALLEGING and self._own_act(c.token):
                cameo, name = "015", name + "+own_act"  # "claimed that they had attacked": responsibility
            bare = cameo == "010"
            source = self._source(c.token, resolver, speakers)
            if source is None and not bare:
                # "the Farm Bureau declined to comment": a speaker named but not in our dictionary is
                # kept as unknown; a bare "said" needs a known speaker to be worth reporting
                # an office by its title only for what offices say: no comment, hope (011, 013)
                source = participants.unresolved_speaker(c.token, resolver, offices=cameo in {"011", "013"})
            if source is None:
                continue
            target = (
                self._target(c.token, c.pattern, source, resolver, c.particle) if c.pattern.targets else None
            )
            if bare and (
                target is None or target.rule in GUESSED_TARGETS or set(target.codes) <= set(source.codes)
            ):
                continue  # a bare "said" is worth reporting as a comment to or about someone else named
            aux = modes.aux_mode(c.token)
            said_by = speakers.get(c.token.i)
            ev_type = None
            if (
                c.pattern.frame == "speech"
                and c.token.lemma_.lower() in ACCUSING_SPEECH
                and target is not None
                and target.rule not in GUESSED_TARGETS
                and not set(target.codes) <= set(source.codes)
            ):
                # "the report alleged that France was aware of the plans": an accusation of France
                ev_type, cameo, name = "ACCUSE", "112", "accuse.allege"
            return self._make(
                ev_type,
                cameo,
                None,
                source,
                target,
                aux,
                said_by,
                c.token,
                sent,
                s_index,
                name if ev_type else name + "+statement",
                day,
            )
        return None

    def _own_act(self, verb: Token) -> bool:
        """ "claimed that they had attacked the base": what the speaker claims is its own hostile act."""
        for comp in (c for c in verb.children if c.dep_ == "ccomp"):
            for t in comp.subtree:
                tr = self._trigger(t)
                subj = syntax.subject_of(t) if tr is not None and tr.pattern.type in HOSTILE else None
                if subj is not None and subj.lower_ in {"they", "we", "it", "he", "she"}:
                    return True
        return False

    def _frame(self, token: Token) -> str | None:
        plist = self.patterns.for_verb(token.lemma_.lower())
        if not plist or token.pos_ not in {"VERB", "AUX", "ADJ"}:
            return None
        # "go" is an aspect verb ("is going to attack") and, with "strike", an act: the aspect wins
        return "aspect" if any(p.frame == "aspect" for p in plist) else plist[0].frame

    # -- triggers -------------------------------------------------------------------------------
    def _trigger(self, token: Token) -> Trigger | None:
        """The pattern that fits the word best, with the other fitting patterns as alternatives."""
        found = self._triggers(token)
        if not found:
            return None
        found[0].alternatives = [t for t in found[1:] if t.pattern.frame == found[0].pattern.frame]
        return found[0]

    def _triggers(self, token: Token) -> list[Trigger]:
        if token.pos_ not in {"VERB", "AUX", "ADJ"}:
            return []
        if token.dep_ == "aux":  # only a modal of obligation is a trigger among auxiliaries
            plist = [p for p in self.patterns.for_verb(token.lower_) if p.frame == "obligation"]
            return [Trigger(token, plist[0])] if plist else []
        if (
            token.tag_ == "VBG"
            and token.dep_ in {"csubj", "nsubj", "pobj", "dobj"}
            and not any(c.dep_ in syntax.SUBJECTS for c in token.children)
        ):
            return []  # a gerund used as a noun ("Lifting all sanctions can be the beginning")
        if syntax.proposed(token):
            return []  # "rejected calls to release prisoners": what is asked for, not done
        if any(a.lemma_.lower() in ABILITY for a in token.ancestors if a.pos_ == "ADJ"):
            return []  # "hackers capable of launching cyber warfare": a capacity, not a deed
        if token.dep_ in {"dobj", "pobj", "compound"} and not any(
            c.dep_ in syntax.SUBJECTS or c.dep_ == "aux" for c in token.children
        ):
            return []  # a noun the tagger took for a verb: "would not meet hostage-takers demands"
        if token.pos_ == "ADJ" and token.dep_ not in {"acomp", "amod"}:
            return []
        if (
            token.pos_ == "VERB"
            and token.dep_ == "amod"
            and not any(c.pos_ == "PROPN" or c.ent_type_ in participants.NAMED for c in token.children)
        ):
            return []  # "the internationally recognised government": a description; "US-backed" names a doer
        if any(c.dep_ == "oprd" for c in token.children):
            return []  # "called the fighters defenders", "named him envoy": a naming, not an act
        out: list[Trigger] = []
        for p in self.patterns.for_verb(token.lemma_.lower()):
            if p.frame in {"speech", "aspect", "deliberate"}:
                continue
            particle = syntax.particle(token, p)
            if p.particles and "-" not in p.particles and particle is None:
                continue
            if not p.particles and syntax.has_particle(token):
                continue
            lemmas = syntax.object_lemmas(token)
            intransitive = not any(c.dep_ == "dobj" for c in token.children)
            passive = any(c.dep_ == "nsubjpass" for c in token.children)
            if p.objects and not (
                lemmas & p.objects
                or ("none" in p.objects and intransitive)
                or ("any" in p.objects and not (intransitive and not passive))
            ):
                continue
            if not syntax.has_content(token, p.frame):
                continue
            out.append(Trigger(token, p, particle))
        return out

    def _speakers(self, sent: Span, resolver: Resolver) -> dict[int, ActorRef]:
        """Token index -> who reports it, for every token inside reported speech."""
        out: dict[int, ActorRef] = {}
        for token in sent:
            plist = self.patterns.for_verb(token.lemma_.lower())
            if not plist or plist[-1].frame != "speech" or token.pos_ not in {"VERB", "AUX"}:
                continue
            speaker = resolver.resolve(syntax.subject_of(token))
            if speaker is None:
                continue
            for comp in (c for c in token.children if c.dep_ in {"ccomp", "xcomp", "dobj"}):
                for t in comp.subtree:
                    out.setdefault(t.i, speaker)
        return out

    # -- one event ------------------------------------------------------------------------------
    def _event(
        self,
        tr: Trigger,
        sent: Span,
        s_index: int,
        resolver: Resolver,
        speakers: dict[int, ActorRef],
        future_heads: set[int],
        day: dt.date | None,
        lone: bool = False,
    ) -> Event | None:
        p, token = tr.pattern, tr.token
        if p.frame == "receive":
            return self._received(tr, sent, s_index, resolver, speakers, day)
        if p.mode == "release" and not p.objects and not participants.people_released(token):
            return None  # "released a statement": a release needs people released
        if syntax.conditional(token) and any(c.dep_ == "neg" for c in token.children):
            return None  # "if they don't pull back": a condition, not something done or refused
        if syntax.hearsay(token, HEARSAY_NOUNS):
            return None  # "rejected accusations that it had used radios to aid the rebels"
        if syntax.prevented(token, PREVENTING):
            return None  # "to prevent hawks in Congress from imposing more sanctions"
        source = self._source(token, resolver, speakers)
        if source is None and lone and p.type == "PROTEST":
            # "workers at a mine in Peru went on strike": people protest in the state they are in
            source = participants.people_of_place(token, resolver)
        unknown = None
        if source is None and lone and p.type == "ASSAULT":
            # "a mortar bomb was fired at Israel from the Gaza Strip": fired from where its owner holds
            source = participants.fired_from(token, resolver)
        if source is None and lone and p.type in HOSTILE:
            unknown = participants.unknown_doer(token, resolver)
            source = unknown
        if source is None and lone and p.type == "COERCE" and (p.cameo or "").startswith("17"):
            # "a missionary was arrested in Lebanon": only the state there arrests or tries people
            source = participants.authority_of_place(token, resolver)
        if source is None or p.type is None:
            return None
        target = self._target(token, p, source, resolver, tr.particle)
        if target is not None and target.rule == "actor.one_of_the_doers":
            # "Syrian and Russian forces bombarded Aleppo": Russia bombarded Syria
            source = replace(source, codes=tuple(c for c in source.codes if c not in target.codes))
        if target is None and "required" in p.targets:
            return None
        if unknown is not None and (target is None or target.rule in GUESSED_TARGETS):
            return None  # an unknown doer needs a target named as such, not a place or a pronoun
        if target is None and lone and p.type == "PROTEST":
            target = participants.protested(token, source, resolver)
        content = self._content_type(token) if p.frame in CONTENT_FRAMES else None
        # "agreed to resign without returning to Kyrgyzstan": a promise to step down or pull back
        # is no act on one's own state
        yielding = p.frame == "commit" and content in {"RETREAT", "CONCEDE"}
        if target is None and lone and not yielding:
            target = participants.domestic(token, source, resolver, p.type)
        if target is None and lone and content is not None and not yielding:
            # "is prepared to lift the ban on the Front": the content's patient is the target
            target = next(
                (
                    t
                    for c in syntax.complements(token)
                    if (t := participants.domestic(c, source, resolver, content))
                ),
                None,
            )
        # "the president agreed to resign": a promise to step down or pull out needs no target
        # and so does agreeing to a ceasefire, an intent to yield (CAMEO 035x)
        # "wants to attack Switzerland", "seeks to deepen a partnership": an intent of one's own,
        # not an appeal to anyone
        wish = p.frame == "direct" and token.lemma_.lower() in SELF_INTENT and syntax.self_complement(token)
        intent = (
            wish
            and content is not None  # "want to start with the facts" intends no act we code
            and not any(c.dep_ == "neg" for c in token.children)  # "didn't want to answer"
        )
        if wish and not intent:
            return None  # a wish of one's own is no appeal to anyone
        if intent and content == "REQUEST":
            return None  # "I want to ask, 'why ...'": a question announced, no appeal to anyone
        if intent and content in WANTED_ACTS:
            # "inspectors want to re-examine the sites in Iran": CAMEO has no intent code for
            # investigating, accusing, rejecting or protesting; the act is coded, as hypothetical
            wanted = next(
                (
                    w
                    for c in syntax.complements(token)
                    if (w := self._trigger(c)) and w.pattern.type == content
                ),
                None,
            )
            ev = (
                None
                if wanted is None
                else self._event(wanted, sent, s_index, resolver, speakers, future_heads, day)
            )
            if ev is None:
                return None
            pattern_rule, _, actor_rule = ev.rule.partition("/")
            return ev.model_copy(
                update={"aux": "hypothetical", "rule": f"{pattern_rule}+wanted/{actor_rule}"}
            )
        unilateral = (
            # "released a video" releases no one: a release needs people released
            (p.type in UNILATERAL and (p.mode != "release" or participants.people_released(token)))
            or p.mode == "third-party"  # "launched a mediation effort": between parties it may not name
            or (p.frame == "commit" and content == "RETREAT")
            or (p.cameo or "").startswith("035")
        )
        if target is None and len(source.codes) > 3 and ("AGREE" if intent else p.type) in RECIPROCAL:
            # "Iran and the P5+1 held talks": two sides, one of them a group of states, act
            # towards each other (not each of the seven states towards every other)
            subject = syntax.subject_of(token)
            pair = resolver.sides(subject) if subject is not None else []
            if len(pair) == 2 and not set(pair[0].codes) & set(pair[1].codes):
                source, target = pair
        untargeted = (
            target is None
            and not (
                2 <= len(source.codes) <= 3
                and ("AGREE" if intent else p.type) in RECIPROCAL
                # "X and Y clashed" is mutual; "X and Y began a bombardment" is not
                and (p.type not in ONE_WAY or "with" in p.targets or syntax.each_other(token))
                and not participants.is_unit(source)
            )
            and not (
                lone
                and participants.is_unit(source)
                and (
                    unilateral
                    or (
                        p.type in TARGETLESS
                        and participants.named_here(
                            token,
                            source,
                            None if p.type in COMMITMENTS or syntax.modal(token) else speakers.get(token.i),
                        )
                        and not syntax.quoted(token)
                    )
                )
                and participants.no_one_else(token, source, resolver)
            )
        )
        if untargeted and (self._positions is None or p.type not in POSITION_TYPES):
            # a lone actor needs a target (but for a unilateral act in a sentence with no other
            # event); "the six powers put forward" is not reciprocal
            return None
        aux = modes.aux_mode(token, future_from_head=syntax.governed_by(token, future_heads))
        ev_type, cameo, mode, rule = p.type, p.cameo, p.mode, p.name
        considered = next(
            (self._considered[t.i] for t in syntax.chain(token) if t.i in self._considered), None
        )
        # "will not lift the ban", "did not release the hostages": a refusal to yield (CAMEO 124x);
        # "if they don't pull back" is a condition, not a refusal
        refusal = (
            self.patterns.refinements.get(("negated", p.name))
            if aux == "negation" and not syntax.conditional(token)
            else None
        )
        if refusal is None and aux == "negation" and not syntax.conditional(token) and syntax.modal(token):
            # "would not provide support to Israel", "will not meet the envoy": a refusal (CAMEO
            # 121, 125); "did not meet" only says what did not happen
            refusal = self.patterns.refinements.get(("refused", p.type or ""))
        frame = p.frame
        if intent:
            frame, ev_type, cameo, rule = "commit", "AGREE", "030", rule + "+intent"
        if lone:  # say why a sentence's only event has this target (or none)
            rule += "+domestic" if target is not None and target.rule.startswith("actor.domestic") else ""
            rule += "+unilateral" if target is None else ""
        if frame in CONTENT_FRAMES:
            # an appeal (CAMEO 02: urge, ask) is refined within 02, a demand (10) within 10
            key = "appeal" if frame == "direct" and (cameo or "").startswith("02") else frame
            cameo = self.patterns.refinements.get((key, content or ""), cameo)
        if considered is not None:  # "is considering sending aid": an option weighed (CAMEO 014)
            cameo, aux, rule = considered, aux or "hypothetical", rule + "+considered"
        elif frame == "commit" and (yielding := self._refused_content(token)) is not None:
            # "vowed not to return the Golan Heights": a refusal to yield (CAMEO 124x)
            ev_type, cameo, aux, rule = "REJECT", yielding, None, rule + "+refused"
        elif (
            frame == "commit"
            and content in MATERIAL_CONFLICT
            and not self._content_negated(token)
            and token.lemma_.lower() not in OFFERING
        ):
            # "vowed to continue bombing" ("pledged not to attack" is a promise of restraint)
            ev_type, cameo, rule = "THREATEN", "13", rule + "+conflict"
        elif ev_type == "REJECT" and aux == "negation":
            ev_type, cameo, aux, rule = "AGREE", "03", None, rule + "+negated"  # "would not rule out talks"
        elif refusal is not None:
            ev_type, cameo, aux, rule = "REJECT", refusal, None, rule + "+refused"
        elif ev_type == "RETREAT" and p.mode == "access" and aux == "negation":
            # "would not give permission to Russia": a refusal to allow involvement (CAMEO 1245)
            ev_type, cameo, aux, rule = "REJECT", "1245", None, rule + "+negated"
        elif aux in {"future", "hypothetical"} and ev_type in HELD_OVER and syntax.unless(token) is not None:
            # "will withdraw its force unless the president arranges a ceasefire": a threat, held
            # over whoever must act
            ev_type, cameo, rule = "THREATEN", "13", rule + "+unless"
            held = participants.without(resolver.resolve(syntax.subject_of(syntax.unless(token))), source)
            if held is not None:
                target, rule = held, rule.replace("+domestic", "")
        elif (
            aux in {"future", "hypothetical"}
            and ev_type in MATERIAL_CONFLICT
            and not syntax.conditional(token)  # the condition itself ("if Russia invades")
            and (condition := syntax.unless(token, IF)) is not None
            and condition.i != token.i
        ):
            # "may halt mediation if cooperation founders", "will impose sanctions if Russia
            # invades": a hostile act held over a condition is a threat
            ev_type, cameo, rule = "THREATEN", "13", rule + "+if"
            held = participants.without(resolver.resolve(syntax.subject_of(condition)), source)
            if held is not None and target is None:
                target = held
        elif ev_type == "RETREAT" and aux in PROMISED_RETREAT:
            # CAMEO codes the promise as an intent to yield (035x): "will free the prisoners" 0353
            promised = self.patterns.refinements
            cameo = promised.get(
                ("promised", cameo or ""), promised.get(("promised", (cameo or "")[:3]), "035")
            )
            ev_type, rule = "CONCEDE", rule + "+promise"
        elif ev_type in HOSTILE and aux == "future":
            # "they would boycott all contact with X": announcing a hostile act is a threat
            ev_type, cameo, rule = "THREATEN", "13", rule + "+threat"
        elif ev_type in PROMISED_COOPERATION and aux in {"future", "hypothetical"} and token.i in speakers:
            # "Portugal said it will support Turkey": a promise to cooperate (PLOVER AGREE)
            cameo = self.patterns.refinements.get(("commit", ev_type), "030")
            ev_type, rule = "AGREE", rule + "+promise"
        if p.mode == "visit" and source.sector == "MIL" and participants.troops(token):
            # "British troops arrived in Mali to join the UN mission": troops do not visit, they deploy
            if any(t.lemma_.lower().startswith("peacekeep") for t in sent):
                ev_type, cameo, mode, rule = "AID", "074", "peacekeeping", rule + "+troops"
            else:
                ev_type, cameo, mode, rule = "MOBILIZE", "154", None, rule + "+troops"
        if (
            ev_type == "PROTEST"
            and token.lemma_.lower() == "protest"
            and participants.official_protest(token, source)
        ):
            # "Pyongyang protested the US-South Korea exercises": a state's protest is a complaint
            ev_type, cameo, mode, rule = "ACCUSE", "114", None, rule + "+official"
        if ev_type == "COERCE" and (cameo or "").startswith("171") and participants.protesters(token):
            ev_type, cameo, rule = "PROTEST", "145", rule + "+riot"  # "protesters torched the embassy"
        said_by = speakers.get(token.i)
        ev = self._make(ev_type, cameo, mode, source, target, aux, said_by, token, sent, s_index, rule, day)
        if untargeted and self._positions is not None:
            if not any(x.evidence == ev.evidence and x.rule == ev.rule for x in self._positions):
                self._positions.append(
                    ev.model_copy(update={"rule": ev.rule.replace("/", "+untargeted/", 1)})
                )
            return None
        return ev

    def _received(
        self,
        tr: Trigger,
        sent: Span,
        s_index: int,
        resolver: Resolver,
        speakers: dict[int, ActorRef],
        day: dt.date | None,
    ) -> Event | None:
        """ "Ukraine received weapons from the United States": the giver (the "from" phrase) acts on
        the receiver (the subject)."""
        token, p = tr.token, tr.pattern
        receiver = self._source(token, resolver, speakers)
        # "from" on the verb or on what is received ("received assurances from X", "came under
        # fire from X", "under attack by X")
        things = [c for c in token.children if c.dep_ == "dobj"] + syntax.pobjs(token, "under")
        givers = [o for t in [token, *things] for prep in ("from", "by") for o in syntax.pobjs(t, prep)]
        giver = next((r for o in givers if (r := resolver.resolve(o)) is not None), None)
        # a domestic dyad stays ("demonstrators received weapons from the government")
        receiver = participants.without(receiver, giver) if giver is not None else None
        if receiver is None or giver is None:
            return None
        aux = modes.aux_mode(token)
        return self._make(
            p.type,
            p.cameo,
            p.mode,
            giver,
            receiver,
            aux,
            speakers.get(token.i),
            token,
            sent,
            s_index,
            p.name,
            day,
        )

    def _obligation(
        self,
        tr: Trigger,
        sent: Span,
        s_index: int,
        resolver: Resolver,
        speakers: dict[int, ActorRef],
        day: dt.date | None,
    ) -> Event | None:
        """A demand reported as an obligation: the speaker demands it of the clause's subject."""
        source = speakers.get(tr.token.i)
        verb = tr.token.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        target = (
            participants.without(resolver.resolve(subject), source)
            if source is not None and subject is not None
            else None
        )
        if source is None or target is None:
            return None
        content = self._trigger(verb)
        cameo = (
            self.patterns.refinements.get(("direct", content.pattern.type or ""), tr.pattern.cameo)
            if (content is not None)
            else tr.pattern.cameo
        )
        aux = modes.aux_mode(verb) if any(c.dep_ == "neg" for c in verb.children) else None
        return self._make(
            tr.pattern.type or "REQUEST",
            cameo,
            None,
            source,
            target,
            aux,
            None,
            verb,
            sent,
            s_index,
            tr.pattern.name,
            day,
        )

    def _noun_event(
        self,
        noun: Token,
        p: Pattern,
        sent: Span,
        s_index: int,
        resolver: Resolver,
        speakers: dict[int, ActorRef],
        triggers: list[Trigger],
        day: dt.date | None,
    ) -> Event | None:
        if p.frame == "participants":
            between: list[str] = []  # "talks between X and Y": the surest participants
            others: list[str] = []  # "US-China talks", "talks with X" (a modifier may be a venue)
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ in {"between", "with", "among"}:
                    for pobj in (x for x in c.children if x.dep_ == "pobj"):
                        ref = resolver.resolve(pobj)
                        (between if c.lower_ != "with" else others).extend(ref.codes if ref else ())
                elif c.dep_ in {"poss", "compound", "amod", "nmod"}:
                    ref = resolver.resolve(c)
                    if ref is not None and ref.rule == "dictionary.places" and c.dep_ != "poss":
                        continue  # "the Istanbul talks": a venue, not a participant
                    others.extend(ref.codes if ref else ())
            codes = list(dict.fromkeys(between if len(set(between)) >= 2 else others + between))
            if len(codes) == 1 and noun.dep_ in {"dobj", "pobj"}:
                # "Macron, during a phone call with Rouhani, said ...": the clause's subject took part
                verb = noun.head.head if noun.dep_ == "pobj" else noun.head
                subject = self._source(verb, resolver, speakers) if verb.pos_ in {"VERB", "AUX"} else None
                codes += [c for c in (subject.codes if subject else ()) if c not in codes]
            if not codes:
                # "Iran and world powers are upbeat after nuclear talks resumed": talks that name
                # no parties are those of the two sides the reporting clause names
                for verb in [a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}][:3]:
                    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i != noun.i), None)
                    pair = resolver.sides(subject) if subject is not None else []
                    if len(pair) == 2 and not set(pair[0].codes) & set(pair[1].codes):
                        source, target = pair
                        return self._make(
                            p.type or "CONSULT",
                            p.cameo,
                            p.mode,
                            source,
                            target,
                            None,
                            speakers.get(noun.i),
                            noun,
                            sent,
                            s_index,
                            p.name + "+reported_sides",
                            day,
                        )
            if len(codes) < 2:
                return None
            source, target = ActorRef(tuple(codes), None, "actor.participants"), None
            pairs = [
                resolver.sides(x)
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "between"
                for x in c.children
                if x.dep_ == "pobj"
            ]
            if len(codes) > 3 and len(pairs) == 1 and len(pairs[0]) == 2:
                # "talks between Iran and the six powers": two sides, not seven parties
                source, target = pairs[0]
            return self._make(
                p.type or "CONSULT",
                p.cameo,
                p.mode,
                source,
                target,
                None,
                speakers.get(noun.i),
                noun,
                sent,
                s_index,
                p.name,
                day,
            )
        # instrument: the noun is the object or means of an uncoded verb
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in INSTRUMENT_PREPS else noun.head
        if noun.dep_ not in {"dobj", "pobj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
            return self._owned_noun_event(noun, p, sent, s_index, resolver, speakers, day)
        if verb.tag_ == "VBG" and verb.dep_ in {"csubj", "nsubj", "pobj", "dobj"}:
            return None  # "removing the sanctions is out of the question": an act named, not done
        if modes.no_determiner(noun) or any(c.dep_ == "neg" for c in verb.children):
            return None  # "found no evidence of al Qaeda involvement", "did not send weapons"
        if any(tr.token.i == verb.i for tr in triggers) or any(
            not p.objects and p.frame != "speech" for p in self.patterns.for_verb(verb.lemma_.lower())
        ):
            return None  # a verb with a general pattern of its own says what its object means
        source = self._source(verb, resolver, speakers)
        if source is None:
            return None
        target = None
        for role in p.targets:
            target = self._role(verb, role, source, resolver, exclude=noun) or self._role(
                noun, role, source, resolver
            )
            if target is not None:
                break
        if target is None:
            return None
        aux = modes.aux_mode(verb)
        return self._make(
            p.type or "AID",
            p.cameo,
            p.mode,
            source,
            target,
            aux,
            speakers.get(verb.i),
            verb,
            sent,
            s_index,
            p.name,
            day,
        )

    def _owned_noun_event(
        self,
        noun: Token,
        p: Pattern,
        sent: Span,
        s_index: int,
        resolver: Resolver,
        speakers: dict[int, ActorRef],
        day: dt.date | None,
    ) -> Event | None:
        """An event noun whose doer is named on it: "Palestinian riots against Israeli policies",
        "the US sanctions on Iran". The doer is its possessor or national modifier; the target
        comes from its own phrases (against, on, into, of)."""
        casualty = participants.casualty_verb(noun)
        answerable = syntax.answerable_for(noun, ANSWERABLE)
        if (
            noun.dep_ not in {"nsubj", "nsubjpass", "dobj", "attr", "ROOT"}
            and casualty is None
            and not answerable
        ):
            return None  # "negotiations on an Israeli troop pullback": a topic, not an event
        doers = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i < noun.i]
        # "Britain was responsible for the killing of 24 civilians": who answers for it did it
        doers = [answerable] if answerable is not None else doers
        doers += syntax.pobjs(noun, "by")  # "a car bombing by the Islamic State group"
        # "a Russian missile attack": the owner may modify the noun's own modifier
        doers += [g for c in doers if c.dep_ == "compound" for g in c.children if g.dep_ in {"amod", "poss"}]
        source = next((r for r in (resolver.resolve(c) for c in doers) if r is not None), None)
        if source is None:
            return None
        target = None
        # "responsible for the killing of 24 civilians": then "of" names whom it was done to
        roles = ["of"] if answerable is not None else []
        for role in roles + [r for r in p.targets if r not in {"dobj", "poss"}]:
            target = self._role(noun, role, source, resolver)
            if target is not None:
                break
        if target is None and casualty is not None:
            # "five Palestinians were killed in an Israeli airstrike", "Syrian air strikes hit the
            # enclave": the victims, or their place
            slots = {"dobj"} if noun.dep_ == "nsubj" else {"nsubjpass", "nsubj"}
            victims = next((c for c in casualty.children if c.dep_ in slots), None)
            target = participants.without(resolver.resolve(victims), source) or participants.without(
                participants.place_of(casualty, resolver), source
            )
        if target is None:
            return None
        return self._make(
            p.type or "ASSAULT",
            p.cameo,
            p.mode,
            source,
            target,
            None,
            speakers.get(noun.i),
            noun,
            sent,
            s_index,
            p.name + "+owned",
            day,
        )

    def _make(
        self,
        ev_type: str | None,
        cameo: str | None,
        mode: str | None,
        source: ActorRef,
        target: ActorRef | None,
        aux: str | None,
        said_by: ActorRef | None,
        anchor: Token,
        sent: Span,
        s_index: int,
        rule: str,
        day: dt.date | None,
    ) -> Event:
        doc = sent.doc
        if ev_type == "MOBILIZE" and any(t.lemma_.lower().startswith("peacekeep") for t in sent):
            # "Japan is sending troops to the UN peacekeeping force": a deployment to keep the peace
            ev_type, cameo, mode, rule = "AID", "074", "peacekeeping", rule + "+peacekeeping"
        tokens = [t for t in anchor.subtree if sent.start <= t.i < sent.end and not t.is_space] or [anchor]
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        if said_by is not None and said_by.codes == source.codes:
            said_by = None
        when, historical = dates.event_date(anchor, day)
        if historical and aux is None:
            aux = "historical"
        return Event(
            source=source.value,
            source_sector=source.sector,
            target=target.value if target else None,
            target_sector=target.sector if target else None,
            type=ev_type,
            mode=mode,
            cameo=cameo,
            goldstein=self.codebook.goldstein(cameo),
            aux=aux,
            date=when,
            said_by=said_by.value if said_by else None,
            location=syntax.location(anchor),
            evidence=Evidence.from_span(self._text, s_index, start, end),
            rule=f"{rule}/{source.rule or 'actor'}",
            trigger=anchor.text,
            path=syntax.path(doc, source, anchor, target),
        )

    # -- participants ---------------------------------------------------------------------------
    def _source(self, token: Token, resolver: Resolver, speakers: dict[int, ActorRef]) -> ActorRef | None:
        subj = syntax.subject_of(token)
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
            subj = token.head
        if (
            subj is not None
            and token.lemma_.lower() in VICTIM_VERBS
            and token.tag_ in {"VBN", "VBD"}
            and (subj.i == token.head.i or subj.head.i == token.i)
            and not any(c.dep_ in {"dobj", "attr", "agent"} for c in token.children)
        ):
            # "12 German tourists killed in a suicide bombing" (a headline's reduced passive, or a
            # participle on the noun): the victims, not the doers
            subj = None
        if subj is None:
            sender = participants.troops_sender(token, resolver)
            if sender is not None:
                return sender
            if syntax.agentless_passive(token):
                return None  # "X said Y would be indicted": the reporter is not the doer
            return speakers.get(token.i) if token.i in speakers else None
        if subj.pos_ == "PRON" and token.i in speakers:
            speaker = speakers[token.i]
            # "Poroshenko said he is prepared": he is the speaker; "Kyiv said he ..." is someone else
            if subj.lower_ not in {"he", "she"} or speaker.person is not None:
                return speaker
        if (
            subj.lower_ in {"it", "they"}
            and subj.head.i == token.i
            and token.dep_ == "advcl"
            and not participants.names_an_object(token.head, resolver, skip=token)
        ):
            # "Beijing's white paper came a day after it introduced new tariffs": the pronoun of a
            # clause of time or reason is the main clause's actor, before any earlier sentence's
            # (not when the main clause names another: "sanctioned Iran after it attacked")
            main = next((c for c in token.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            owner = None if main is None else resolver.resolve(main)
            if owner is None and main is not None:
                owner = next(
                    (r for c in main.children if c.dep_ == "poss" and (r := resolver.resolve(c))), None
                )
            if owner is not None and not owner.person:
                return replace(owner, rule="actor.main_clause", token=subj.i)
        ref = resolver.resolve(subj)
        if ref is None and subj.pos_ == "PRON" and token.i in speakers:
            return speakers[token.i]
        if ref is None and token.i in speakers:
            # "the Bosnian Serbs said their forces had completed the withdrawal": the speaker's own
            own = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS), None)
            cue = resolver.dictionary.sector_of([subj.lemma_.lower()]) if own is not None else None
            if cue is not None and (own.lower_ not in {"his", "her"} or speakers[token.i].person):
                return replace(speakers[token.i], sector=cue.sector, rule="actor.speakers_own", token=subj.i)
        if ref is None and (
            subj.lemma_.lower() in self.patterns.nouns or subj.lemma_.lower() in participants.FIRED
        ):
            # "a car bombing by the Islamic State group killed 75 people", "missiles fired by the
            # Israeli military struck": the act's or the weapon's owner did it
            owners = syntax.users_of(subj)
            ref = next((r for r in (resolver.resolve(o) for o in owners) if r is not None), None)
        return ref

    def _target(
        self, token: Token, p: Pattern, source: ActorRef, resolver: Resolver, particle: Token | None
    ) -> ActorRef | None:
        roles = [r for r in p.targets if r not in {"counterpart", "required"}]
        for role in roles:
            ref = self._role(token, role, source, resolver, particle=particle)
            if ref is not None:
                return ref
        # The content may name the target itself: "agreed to hold talks with X", "offered to meet X",
        # "threatened to walk away from talks with X" (but not "vowed not to join NATO": joining is not
        # an act towards NATO, and "join" has no pattern).
        # (not for an appeal to someone we cannot name: "called on the Arabs to mobilize against
        # Israel" asks the Arabs, not Israel)
        addressed = p.frame == "direct" and participants.names_someone_else(token, resolver)
        if p.frame != "speech" and not addressed:
            for t in (t for comp in syntax.complements(token) for t in comp.subtree):
                tr = self._trigger(t)
                if tr is not None and tr.pattern.type is not None:
                    ref = self._target(t, tr.pattern, source, resolver, tr.particle)
                    if ref is not None:
                        return ref
                noun = self.patterns.nouns.get(t.lemma_.lower()) if t.pos_ == "NOUN" else None
                if noun is not None and noun.frame == "instrument":
                    for role in noun.targets:
                        ref = self._role(t, role, source, resolver)
                        if ref is not None:
                            return ref
        # A threat names its target in its condition: "threatened to stop the talks if the US ...",
        # and so does a hostile act held over one: "will impose sanctions if Russia invades"
        if p.frame == "threat" or (p.type in MATERIAL_CONFLICT and not syntax.conditional(token)):
            holders = [token, *syntax.complements(token)]
            for cond in (c for h in holders for c in h.children if c.dep_ == "advcl"):
                if any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in cond.children):
                    subject = next((s for s in cond.children if s.dep_ in {"nsubj", "nsubjpass"}), None)
                    ref = participants.without(resolver.resolve(subject), source)
                    if ref is not None:
                        return ref
        # Last, for a promise, demand, threat or refusal: any actor named in what it is about
        # ("threatened further action against Russia", "called for sanctions against Nigeria").
        if p.frame in CONTENT_FRAMES and not participants.names_someone_else(token, resolver, nouns=True):
            ref = participants.without(participants.named_in_clause(token, resolver), source)
            if ref is not None:
                return ref
        # A participle clause shares its head's target: "signed a deal with China, agreeing to ..."
        if token.dep_ == "advcl" and token.tag_ == "VBG":
            head = self._trigger(token.head)
            if head is not None and head.pattern.type is not None:
                ref = self._target(token.head, head.pattern, source, resolver, head.particle)
                if ref is not None and ref.rule != "actor.counterpart":
                    return ref
        if "counterpart" in p.targets and not participants.names_someone_else(token):
            if p.type in HOSTILE and participants.aims_at_people(token, resolver):
                return None  # "vowed to crush the terrorists' heads": not the other party's
            return self._role(token, "counterpart", source, resolver)
        return None

    def _role(
        self,
        token: Token,
        role: str,
        source: ActorRef,
        resolver: Resolver,
        exclude: Token | None = None,
        particle: Token | None = None,
    ) -> ActorRef | None:
        candidates: list[Token] = []
        objects = [
            c for c in token.children if c.dep_ in {"dobj", "attr"} and (exclude is None or c.i != exclude.i)
        ]
        # "kidnapped up to 16 Russian advisers": the parser hangs the object on "up to"
        objects += syntax.counted(token)
        if token.dep_ == "acomp":  # "be willing to": read the targets off the complement too
            objects += [
                c for x in token.children if x.dep_ == "xcomp" for c in x.children if c.dep_ == "dobj"
            ]
        if role == "dobj":
            heads = objects or [c for c in token.children if c.dep_ == "nsubjpass"]
            # then the object's owner: "welcomed Iran's decision", "defended the right of Russia"
            candidates = heads + [g for o in heads for g in o.children if g.dep_ == "poss"]
            # "rejected an appeal by X", "an offer from X", "the right of X", "a camp for Congolese refugees"
            candidates += [
                x
                for o in heads
                for prep in ("of", "by", "from", "with", "for")
                for x in syntax.pobjs(o, prep)
            ]
            # "destroyed a network of tunnels built by Hamas": the maker or holder of the thing
            things = heads + [x for o in heads for x in syntax.pobjs(o, "of")]
            candidates += [
                p
                for o in things
                for c in o.children
                if c.dep_ == "acl" and c.tag_ == "VBN"
                for a in c.children
                if a.dep_ == "agent"
                for p in a.children
                if p.dep_ == "pobj"
            ]
        elif role == "dative":
            candidates = [c for c in token.children if c.dep_ in {"dative", "iobj"}]
        elif role == "purpose":
            # "provided $1.7 billion to support Syrian refugees": whom the help is for
            helping = participants.purposes(token)
            candidates = [o for c in helping for o in c.children if o.dep_ == "dobj"]
            # "to help Haiti cope": the one helped to do something
            candidates += [
                s
                for c in helping
                for x in c.children
                if x.dep_ in {"ccomp", "xcomp"}
                for s in x.children
                if s.dep_ == "nsubj"
            ]
            for cand in candidates:
                ref = participants.without(resolver.resolve(cand), source)
                if ref is not None:
                    return ref
            # then the state the aid is for is the place it is spent in: "to promote investment in Ethiopia"
            for aim in participants.aims(token):
                ref = participants.without(participants.place_of(aim, resolver), source)
                if ref is not None:
                    return ref
            return None
        elif role == "csubj":
            # "wants Russia to stop", "renewed its demand that Peru lift the tariffs"
            clauses = [c for c in token.children if c.dep_ in {"ccomp", "xcomp"} or syntax.for_clause(c)]
            clauses += [c for o in objects for c in o.children if c.dep_ in {"acl", "ccomp"}]
            candidates = [s for c in clauses for s in c.children if s.dep_ in syntax.SUBJECTS]
        elif role == "origin":
            # "began buying U.S. soybeans", "imports Iranian oil": goods named by their maker
            goods = objects + [c for o in objects for c in o.children if c.dep_ == "conj"]
            # "tariffs on goods imported from the United States": the goods a tariff is laid on
            goods += [g for o in objects for g in syntax.pobjs(o, "on")]
            candidates = [m for o in goods for m in o.children if m.dep_ in {"compound", "amod", "nmod"}]
            # "goods imported from the United States", "steel made in China"
            candidates += [
                x
                for o in goods
                for c in o.children
                if c.dep_ == "acl" and c.lemma_.lower() in ORIGIN_VERBS
                for x in syntax.pobjs(c, "from") + syntax.pobjs(c, "in")
            ]
        elif role == "poss":
            candidates = [
                g for o in objects + syntax.pobjs(token, None) for g in o.children if g.dep_ == "poss"
            ]
        elif role == "place":
            return participants.without(participants.place_of(token, resolver), source)
        elif role == "counterpart":
            if not self._counterparts:
                return None
            others = [c for c in resolver.parties if c not in source.codes]
            if len(resolver.parties) == 2 and len(others) == 1 and participants.is_unit(source):
                return ActorRef((others[0],), None, "actor.counterpart")
            return None
        else:  # a preposition, on the verb, its particle or its object ("talks with X")
            holders = [token, *objects] + ([particle] if particle is not None else [])
            # "sent vehicles and a team of paratroopers to Lebanon": the phrase may hang on a conjunct
            holders += [c for o in objects for c in syntax.conjuncts(o)]
            # one step further: "a round of talks between X and Y", "walk away from talks with X"
            holders += [x for h in list(holders) for x in syntax.pobjs(h, None) if x.pos_ == "NOUN"]
            candidates = [pobj for h in holders for pobj in syntax.pobjs(h, role)]
            if particle is not None and particle.lower_ == role:
                candidates += [c for c in particle.children if c.dep_ == "pobj"]
            # then a thing's owner: "hacked into the computers of X", "set fire to X's offices"
            candidates += [
                g for c in list(candidates) for g in c.children if g.dep_ == "poss" and g.pos_ != "PRON"
            ]
            candidates += [x for c in list(candidates) if c.pos_ == "NOUN" for x in syntax.pobjs(c, "of")]
        for cand in candidates:
            if cand.lower_ in SPEAKER_OBJECTS and cand.i in self._speaking:
                # "Israel said rockets were fired at it": the speaker is the target
                ref = participants.without(self._speaking[cand.i], source)
            else:
                resolved = resolver.resolve(cand)
                ref = participants.without(resolved, source)
                if ref is None and participants.one_of(resolved, source):
                    ref = replace(resolved, rule="actor.one_of_the_doers")
            if ref is not None:
                return ref
        for cand in candidates:  # "killed 23 civilians in Yemen": people named by role, placed
            cue = resolver.dictionary.sector_of([cand.lemma_.lower()])
            place = (
                participants.place_of(token, resolver) if cue is not None and cand.pos_ == "NOUN" else None
            )
            if place is not None and cue is not None:
                return participants.without(
                    replace(place, sector=cue.sector, rule="actor.placed_role", token=cand.i), source
                )
        return None

    def _content_negated(self, token: Token) -> bool:
        return any(c.dep_ == "neg" for comp in syntax.complements(token) for c in comp.children)

    def _refused_content(self, token: Token) -> str | None:
        """The CAMEO refusal code of a promise not to yield ("vowed not to withdraw": 1246)."""
        for comp in syntax.complements(token):
            tr = self._trigger(comp)
            if tr is not None and any(c.dep_ == "neg" for c in comp.children):
                return self.patterns.refinements.get(("negated", tr.pattern.name))
        return None

    def _content_type(self, token: Token) -> str | None:
        """The PLOVER type the complement of a promise or demand would have on its own."""
        for comp in syntax.complements(token):
            tr = self._trigger(comp)
            if tr is not None and tr.pattern.type:
                return tr.pattern.type
            # "vowed to continue bombing", "to keep fighting": the aspect verb's own complement
            for then in (c for c in comp.children if c.dep_ == "xcomp" and c.tag_ == "VBG"):
                tr = self._trigger(then)
                if tr is not None and tr.pattern.type:
                    return tr.pattern.type
            for obj in comp.children:
                noun = self.patterns.nouns.get(obj.lemma_.lower())
                if noun is not None and noun.type:
                    return noun.type
        return None


IF = frozenset({"if"})
OWN_PRONOUNS = {"its", "their", "our", "his", "her"}
SPEAKER_OBJECTS = {"it", "us"}  # not "itself": a reflexive is its own clause's subject


def _codes(value: str | list[str] | None) -> tuple[str, ...]:
    return () if value is None else tuple(value) if isinstance(value, list) else (value,)


def _comment_fits(tr: Trigger) -> bool:
    """A statement verb used as one: "said" with something said, not "the said agreement"; an
    option considered, not "considered a terrorist group"."""
    token = tr.token
    if token.pos_ not in {"VERB", "AUX", "ADJ"}:
        return False
    if tr.pattern.frame == "speech" and tr.pattern.cameo != "010":
        return True  # "hoped for more talks": the verb is the comment
    if any(c.dep_ == "oprd" for c in token.children):
        return False  # "considered the group a threat": a naming
    if tr.pattern.frame in {"speech", "deliberate"}:
        # what is said or weighed; '"...", he said' hangs the verb on the quotation
        return token.dep_ == "parataxis" or any(
            c.dep_ in {"ccomp", "xcomp", "dobj", "parataxis"} for c in token.children
        )
    return True


def _remember(sent: Span, resolver: Resolver) -> None:
    """Discourse memory for pronouns: the last person and the last other actor spoken of."""
    for token in sent:
        if token.dep_ in {"nsubj", "nsubjpass"} or resolver.index.at(token) is not None:
            if token.pos_ == "PRON":
                continue
            ref = resolver.resolve(token)
            if ref is not None and (token.dep_ in {"nsubj", "nsubjpass"} or ref.person):
                resolver.remember(ref)


def _mutual(events: list[Event]) -> list[Event]:
    """A meeting, negotiation or signed agreement is the other side's too: "X held talks with Y" is
    also Y's consultation with X (a visit, a call or a mediation has a direction and stays one
    event)."""
    out: list[Event] = []
    for ev in events:
        out.append(ev)
        if (
            ((ev.type == "CONSULT" and ev.cameo in MUTUAL_CAMEO) or ev.rule.startswith(MUTUAL_PATTERNS))
            and ev.target is not None  # "Putin met Xi and Modi": Xi and Modi met Putin
            # "Iran and the P5+1 held talks": the six held them with Iran too
            and (isinstance(ev.source, str) or isinstance(ev.target, str))
            and not set(_codes(ev.source)) & set(_codes(ev.target))
        ):
            out.append(
                ev.model_copy(
                    update={
                        "source": ev.target,
                        "source_sector": ev.target_sector,
                        "target": ev.source,
                        "target_sector": ev.source_sector,
                        "rule": ev.rule.replace("/", "+mutual/", 1),
                    }
                )
            )
    return out


def _dedup(events: list[Event]) -> list[Event]:
    """One event per dyad, type and trigger word: "demanded a ceasefire and wants Russia to
    withdraw" are two demands (two positions), "talks ... held talks" one meeting."""
    seen: set[tuple[str, str, str | None, str | None]] = set()
    out: list[Event] = []
    for ev in events:
        key = (str(ev.source), str(ev.target), ev.type, ev.trigger if ev.type in POSITION_TYPES else None)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out

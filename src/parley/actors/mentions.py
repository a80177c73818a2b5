"""Find actor mentions in a parsed article: dictionary names, and people named with a title.

A mention is a token span resolved to a root code. Dictionary names are matched case-sensitively
(proper names), so "us" is never the United States and "turkey" never Turkey; a name of a state,
organisation or group that is no English word is also found in capitals ("SYRIA" in a headline)
or in odd case ("iSrael"), never all in lower case.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from parley.actors.dictionary import ActorDictionary, default_dictionary

# Dependency labels that keep a modifier inside its noun phrase ("Russia's military",
# "Russian President Putin", "US officials").
NP_MODIFIERS = {"amod", "compound", "poss", "nmod", "npadvmod", "det", "nummod"}
# Entity labels under which a place name (places.tsv) is the place, not a namesake person or word.
PLACE_ENTS = {"GPE", "LOC", "FAC", "ORG", "NORP"}
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP"}
# Nouns for a tongue: "the Russian language" names no state.
LANGUAGES = {"language", "dialect", "alphabet", "script"}
# The US press tags a member of Congress with party and state: "Adam Schiff (D-Calif.)".
US_PARTY_TAG = re.compile(r"\s*\((?:D|R|I)[-\u2013](?:[A-Z][a-z]*\.?\s?){1,3}\)")


@dataclass
class Mention:
    start: int  # token index in the Doc
    end: int
    code: str | None
    kind: str  # state | organization | group | person
    name: str
    text: str
    sector: str | None = None
    role: str | None = None
    rule: str = "dictionary"

    @property
    def codes(self) -> tuple[str, ...]:
        """A dictionary entry may name several actors at once ("pro-Russian separatists": DPR+LPR)."""
        return tuple(self.code.split("+")) if self.code else ()


@dataclass
class MentionIndex:
    """All mentions of one Doc, and which token belongs to which mention."""

    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    people: dict[str, Mention] = field(default_factory=dict)  # name or surname -> first resolved mention

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        for i in range(m.start, m.end):
            self.by_token[i] = m

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


# Sectors of public office: a place in such a title is the state the office belongs to.
PUBLIC_SECTORS = {"GOV", "LEG", "JUD", "COP", "MIL"}


@lru_cache(maxsize=4)
def _matcher(nlp: Language, dictionary: ActorDictionary) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    aliases = {e.alias.removeprefix("the ").removeprefix("The ") for e in dictionary.entries}
    # A lower-case alias may open a sentence: "Pro-Russian separatists said ..."
    aliases |= {a[0].upper() + a[1:] for a in aliases if a[:1].islower()}
    # British style writes acronyms of four letters or more as words: "Nato", "Farc", "Asean"
    aliases |= {a.capitalize() for a in aliases if _acronym(a)}
    # Typeset text writes the apostrophe curly: "Tigray People’s Liberation Front"
    aliases |= {a.replace("'", "\u2019") for a in aliases if "'" in a}
    # and some papers dot every acronym: "T.P.L.F.", "N.A.T.O."
    aliases |= {".".join(a) + "." for a in aliases if a.isalpha() and a.isupper() and 3 <= len(a) <= 6}
    for alias in sorted(aliases):
        matcher.add(alias, [nlp.make_doc(alias)])
    return matcher


@lru_cache(maxsize=4)
def _caseless(nlp: Language, dictionary: ActorDictionary) -> tuple[PhraseMatcher, dict[str, str]]:
    """Names matched whatever their case ("SYRIA", "iSrael"), each lower-case form with its alias:
    the names, demonyms and capitals of states, organisations and groups, of four letters or more,
    not acronyms and not ambiguous with a word (Turkey, Chad, Jordan, Niger are flagged
    `ambiguous`)."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    forms: dict[str, str] = {}
    for e in dictionary.entries:
        alias = e.alias.removeprefix("the ")
        if e.kind == "person" or e.field == "places" or e.ambiguous:
            continue  # people's and minor places' names are words too often ("Lawrence")
        if len(alias) < 4 or not any(c.islower() for c in alias):
            continue
        forms.setdefault(alias.lower(), e.alias)
    for form in sorted(forms):
        matcher.add(form, [nlp.make_doc(form)])
    return matcher, forms


def _odd_case(span: Span, forms: dict[str, str]) -> bool:
    """A name in capitals ("NORTH KOREA") or odd case ("iSrael"), not as written (the case-sensitive
    matcher has that) and not a phrase of words: "an Islamic state", "Russia's Security council"."""
    text = span.text
    if text.isupper():
        return True
    if text == text.lower() or text.istitle():
        return False
    alias = forms.get(text.lower(), "").split()
    words = text.split()
    if len(alias) != len(words):
        return False
    # a word written in lower case where the name has a capital is an ordinary word
    return not any(a[:1].isupper() and w == w.lower() for a, w in zip(alias, words, strict=True))


def _alias_of(span: Span, dictionary: ActorDictionary) -> str:
    text = span.text.replace("\u2019", "'")
    for alias in (text, "the " + text, text[0].lower() + text[1:]):
        if alias in dictionary.by_alias:
            return alias
    from parley import nlp as nlp_mod

    if (alias := _caseless(nlp_mod.load(), dictionary)[1].get(text.lower())) is not None:
        return alias  # "SYRIA", "iSrael"
    if _acronym(text.upper()) and text.upper() in dictionary.by_alias:
        return text.upper()
    if text.endswith(".") and text.replace(".", "") in dictionary.by_alias:
        return text.replace(".", "")  # "T.P.L.F." is TPLF
    return text


def _based(token: Token) -> bool:
    """ "a Kyiv-based analyst": where someone works, not whom they act for."""
    doc = token.doc
    nxt = [doc[i].lower_ for i in range(token.i + 1, min(token.i + 3, len(doc)))]
    return nxt[:2] == ["-", "based"] or nxt[:1] == ["based"]


def _acronym(alias: str) -> bool:
    return len(alias) >= 4 and alias.isalpha() and alias.isupper() and alias not in _word_acronyms()


@lru_cache(maxsize=1)
def _word_acronyms() -> frozenset[str]:
    """Acronyms whose word form is an English word ("Pace"): kept in capitals only."""
    path = Path(__file__).parent / "data" / "acronym_words.txt"
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _after_pro_or_anti(span: Span) -> bool:
    """'pro-Russian', 'anti-American', 'ethnic Albanian': a stance or a people, not the state."""
    doc = span.doc
    if span.start >= 1 and doc[span.start - 1].lower_ == "ethnic":
        return True
    return (
        span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in {"pro", "anti"}
    )


def _speech(span: Span) -> bool:
    """'the Russian language', 'Russian-speaking residents': a tongue, not the state."""
    doc = span.doc
    if span.root.dep_ in {"amod", "compound"} and span.root.head.lemma_.lower() in LANGUAGES:
        return True
    nxt = [doc[i].lower_ for i in range(span.end, min(span.end + 2, len(doc)))]
    return nxt == ["-", "speaking"] or nxt[:1] == ["speaking"]


def _is_place(span: Span, dictionary: ActorDictionary) -> bool:
    """A place name is the place where NER says so ("Jackson said" is a person). Inside an
    organisation's name it stands for the state only when the organisation is a state organ
    ("Delhi Police", "an Istanbul court"), not a namesake ("the Los Angeles Times")."""
    label = span.root.ent_type_
    if label not in PLACE_ENTS:
        return False
    if label != "ORG":
        return True
    ent = next((e for e in span.doc.ents if e.start <= span.start < e.end), None)
    rest = [t.lemma_.lower() for t in (ent or span) if t.i < span.start or t.i >= span.end]
    cue = dictionary.sector_of(rest)
    return cue is not None and cue.sector in STATE_SECTORS


def _title_words(tokens: list[Token]) -> list[str]:
    """Lower-case lemmas of a title, the form sector cues are written in."""
    return [t.lemma_.lower() for t in tokens if t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.lower_ == "of"]


def find_mentions(doc: Doc, day: dt.date | None, dictionary: ActorDictionary | None = None) -> MentionIndex:
    """Dictionary mentions first, then people whose title or apposition names a country."""
    dictionary = dictionary or default_dictionary()
    from parley import nlp as nlp_mod

    matcher = _matcher(nlp_mod.load(), dictionary)
    spans = [Span(doc, s, e, label=m) for m, s, e in matcher(doc)]
    caseless, forms = _caseless(nlp_mod.load(), dictionary)
    spans += [Span(doc, s, e) for _m, s, e in caseless(doc) if _odd_case(doc[s:e], forms)]
    index = MentionIndex()
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    # Tokens inside a multi-word person name ("Jordan Peterson"); a lone "Azerbaijan" that NER
    # takes for a person is still the state.
    person_of = {t.i: ent for ent in people if len(ent) > 1 for t in ent}
    for span in filter_spans(spans):
        entry = dictionary.lookup(_alias_of(span, dictionary), day)
        if entry is None:
            continue
        if entry.ambiguous and entry.field == "name" and span.root.pos_ != "PROPN":
            continue
        if entry.field == "places" and not _is_place(span, dictionary):
            continue
        if entry.field == "demonyms" and _after_pro_or_anti(span):
            continue  # "pro-Russian separatists" are not Russia, "ethnic Albanians" not Albania
        if entry.field == "demonyms" and _speech(span):
            continue
        ent = person_of.get(span.start)
        # ("Sri Lanka's police chief", which NER may take for a name, is still the state)
        named = ent is not None and len(span) < sum(t.tag_ != "POS" for t in ent)
        if named and entry.field != "demonyms" and entry.kind != "person":
            continue  # "Jordan Peterson", "Georgia Meloni": part of a person's name
        rule = "dictionary.person" if entry.kind == "person" else f"dictionary.{entry.field}"
        m = Mention(
            span.start,
            span.end,
            entry.code,
            entry.kind,
            entry.name,
            span.text,
            entry.sector,
            entry.role,
            rule=rule,
        )
        index.add(m)
        if entry.kind == "person":
            index.people.setdefault(span.text, m)
            index.people.setdefault(span[-1].text, m)
            # a family name written first: "Park Geun-hye" is later "Park", "Xi Jinping" "Xi"
            if len(span) > 1 and span[0].text[:1].isupper():
                index.people.setdefault(span[0].text, m)
    for ent in people:
        already = any(i in index.by_token for i in range(ent.start, ent.end))
        if already or (len(ent) == 1 and ent.root.pos_ != "PROPN"):
            continue
        if all(t.is_upper for t in ent if t.is_alpha):
            continue  # a headline in capitals: "US JETS DESTROY BASE" is no one's name
        _add_person(ent, index, dictionary, day)
    _add_surnames(doc, index)
    _add_head_anaphora(doc, index)
    _add_group_anaphors(doc, index, dictionary)
    return index


def _add_group_anaphors(doc: Doc, index: MentionIndex, dictionary: ActorDictionary) -> None:
    """ "Iran and world powers ... the P5+1": a description listed in anaphors.tsv for a group the
    article names is that group, anywhere in the article."""
    named = {m.code: m for m in index.mentions if m.kind == "group" and m.code in dictionary.anaphors}
    for code, first in named.items():
        for phrase in dictionary.anaphors[code]:
            for token in doc:
                start = token.i - len(phrase) + 1
                if token.pos_ != "NOUN" or start < 0 or token.lemma_.lower() != phrase[-1]:
                    continue
                words = doc[start : token.i + 1]
                if [t.lemma_.lower() for t in words] != list(phrase) or any(
                    t.i in index.by_token for t in words
                ):
                    continue
                if any(c.dep_ in {"amod", "compound"} and c.i < start for c in token.children):
                    continue  # "nuclear-armed world powers" may be others
                index.add(
                    Mention(
                        start,
                        token.i + 1,
                        code,
                        first.kind,
                        first.name,
                        words.text,
                        first.sector,
                        first.role,
                        rule="actor.group_anaphor",
                    )
                )


def _add_head_anaphora(doc: Doc, index: MentionIndex) -> None:
    """Where an article says "pro-Russian separatists", a bare "separatists" (or "the
    separatists") is the same group, before the full name as well as after it (a lede often
    names the group in full only later): a noun with the head lemma of a multi-word group name
    takes its code (the first such name in the article, and the latest one before the noun)."""
    heads: dict[str, Mention] = {}
    for token in doc:
        m = index.at(token)
        if (
            m is not None
            and m.kind == "group"
            and m.end - m.start > 1
            and token.i == m.end - 1
            and token.pos_ == "NOUN"
        ):
            heads.setdefault(token.lemma_.lower(), m)
    for token in doc:
        m = index.at(token)
        if m is not None:
            if m.kind == "group" and m.end - m.start > 1 and token.i == m.end - 1 and token.pos_ == "NOUN":
                heads[token.lemma_.lower()] = m
            continue
        earlier = heads.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
        if earlier is not None and not any(c.dep_ in {"amod", "compound"} for c in token.children):
            index.add(
                Mention(
                    token.i,
                    token.i + 1,
                    earlier.code,
                    earlier.kind,
                    earlier.name,
                    token.text,
                    earlier.sector,
                    earlier.role,
                    rule="actor.head_anaphora",
                )
            )


def _add_surnames(doc: Doc, index: MentionIndex) -> None:
    """Later bare mentions of a resolved person ("Medinsky said ...") that NER missed."""
    for token in doc:
        if token.i in index.by_token or token.pos_ != "PROPN":
            continue
        known = index.people.get(token.text)
        if known is not None and known.start < token.i:
            index.add(
                Mention(
                    token.i,
                    token.i + 1,
                    known.code,
                    "person",
                    known.name,
                    token.text,
                    known.sector,
                    known.role,
                    rule="person.earlier_mention",
                )
            )


def _add_person(ent: Span, index: MentionIndex, dictionary: ActorDictionary, day: dt.date | None) -> None:
    """A person: code and sector from their title ("Russian Deputy Defense Minister Alexander
    Fomin") or apposition ("Vladimir Medinsky, Russia's head negotiator"), or from an earlier
    mention of the same name in the article."""
    root = ent.root
    surname = ent[-1].text
    known = index.people.get(ent.text) or index.people.get(surname)
    if known is not None:
        index.add(
            Mention(
                ent.start,
                ent.end,
                known.code,
                "person",
                known.name,
                ent.text,
                known.sector,
                known.role,
                rule="person.earlier_mention",
            )
        )
        return
    title = [t for t in root.subtree if t.i < ent.start and t.dep_ in NP_MODIFIERS | {"prep", "pobj"}]
    # "President Bush", "Prime Minister Johnson": a listed person by surname and office held that day
    office_words: list[str] = []
    in_title = {t.i for t in title}
    i = ent.start - 1
    while i in in_title and i not in index.by_token and ent.doc[i].pos_ in {"NOUN", "PROPN", "ADJ"}:
        office_words.insert(0, ent.doc[i].lower_)
        i -= 1
    listed = dictionary.titled(surname, office_words, day) if len(ent) == 1 else None
    if listed is not None:
        m = Mention(
            ent.start,
            ent.end,
            listed.code,
            "person",
            listed.name,
            ent.text,
            listed.sector,
            listed.role,
            rule="person.titled_surname",
        )
        index.add(m)
        index.people.setdefault(ent.text, m)
        return
    # "King Hassan of Morocco", "Abdullah II of Jordan"
    title += [t for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    appos = [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
    code, rule = None, "person.unresolved"
    cue = dictionary.sector_of(_title_words(title)) or dictionary.sector_of(
        _title_words([t for t in appos if t.dep_ not in {"poss", "case"}])
    )
    # A place in a title says where someone is ("a Kunduz shopkeeper"), not whom they act for,
    # unless the title is a public office there ("New York Governor", "Kabul police chief").
    office = (
        cue is not None
        and cue.sector in PUBLIC_SECTORS
        and dictionary.sector_of(
            [root.head.lemma_.lower()] if root.dep_ == "appos" else _title_words(title)[-1:]
        )
        is not None
        and not any(t.lower_ == "based" for t in title)  # "Kyiv-based military analyst"
    )
    for tokens, how in ((title, "person.title"), (appos, "person.apposition")):
        codes = [
            m.code
            for t in tokens
            if (m := index.by_token.get(t.i)) is not None
            and (office or m.rule != "dictionary.places")
            and not _based(t)
            # "Bob Smith, a Russia expert" studies Russia: an apposition places a person by an
            # office or an organisation, not by a subject of expertise
            and (how == "person.title" or cue is not None or m.kind in {"organization", "group"})
        ]
        if codes:
            code, rule = codes[0], how
            break
    if code is None and US_PARTY_TAG.match(ent.doc.text, ent.end_char):
        code, rule = "USA", "person.us_party_tag"
        cue = cue or dictionary.sector_of(["congressman"])
    m = Mention(
        ent.start,
        ent.end,
        code,
        "person",
        ent.text,
        ent.text,
        cue.sector if cue else None,
        cue.role if cue else None,
        rule=rule,
    )
    index.add(m)
    if code is not None:
        index.people.setdefault(ent.text, m)
        index.people.setdefault(surname, m)

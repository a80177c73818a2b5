"""The event coder on sentences written for these tests: types, targets, modes, attribution."""

import datetime as dt

import pytest

from parley.model import Article
from parley.pipeline import extract_articles

DAY = dt.date(2021, 5, 4)


def code(text: str) -> list:
    article = Article(id="t", text=text, date=DAY)
    return next(extract_articles([article])).events


def _key(value: str | list[str] | None) -> str | tuple[str, ...] | None:
    return tuple(value) if isinstance(value, list) else value


def keys(text: str) -> set[tuple]:
    out = set()
    for e in code(text):
        src = tuple(e.source) if isinstance(e.source, list) else e.source
        tgt = tuple(e.target) if isinstance(e.target, list) else e.target
        out.add((src, e.type, tgt))
    return out


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Armenia agreed to hold talks with Azerbaijan.", ("ARM", "AGREE", "AZE")),
        ("The Egyptian foreign minister met his Jordanian counterpart in Cairo.", ("EGY", "CONSULT", "JOR")),
        ("Chile praised Peru for the border accord.", ("CHL", "SUPPORT", "PER")),
        ("Colombia and the FARC signed a peace agreement.", (("COL", "FARC"), "SUPPORT", None)),
        ("Spain cooperated with Morocco on migration.", ("ESP", "COOPERATE", "MAR")),
        ("Spain said it will cooperate with Morocco on migration.", ("ESP", "AGREE", "MAR")),
        ("Japan sent humanitarian aid to the Philippines.", ("JPN", "AID", "PHL")),
        ("Kenya withdrew its troops from Somalia.", ("KEN", "RETREAT", "SOM")),
        ("Norway urged Sudan to open the corridor.", ("NOR", "REQUEST", "SDN")),
        ("Serbia accused Kosovo of provoking clashes.", ("SRB", "ACCUSE", "XKX")),
        ("Venezuela rejected Guyana's proposal.", ("VEN", "REJECT", "GUY")),
        ("Pakistan threatened India with retaliation.", ("PAK", "THREATEN", "IND")),
        ("Australia imposed sanctions on Myanmar.", ("AUS", "SANCTION", "MMR")),
        ("Thailand deployed troops near Cambodia.", ("THA", "MOBILIZE", "KHM")),
        ("Ethiopian police arrested Eritrean nationals.", ("ETH", "COERCE", "ERI")),
        ("Israeli warplanes bombed Hamas positions in Gaza.", ("ISR", "ASSAULT", "HAMAS")),
        ("Ecuador and Peru reached an agreement on the border.", (("ECU", "PER"), "AGREE", None)),
        ("Moldova summoned Russia's ambassador over the drills.", ("MDA", "ACCUSE", "RUS")),
        ("Serbia lodged a protest with Croatia on Monday.", ("SRB", "ACCUSE", "HRV")),
        ("Japan halted economic aid to Myanmar.", ("JPN", "SANCTION", "MMR")),
        ("Armenia said Azerbaijan must withdraw its troops.", ("ARM", "REQUEST", "AZE")),
        ("Turkey threatened to cut ties with Sweden.", ("TUR", "THREATEN", "SWE")),
        ("Kenya refused to meet Somalia's envoy.", ("KEN", "REJECT", "SOM")),
        ("Nepal threatened to close the border if India kept the tariffs.", ("NPL", "THREATEN", "IND")),
        ("Bolivian protests against Chilean port fees continued.", ("BOL", "PROTEST", "CHL")),
        ("King Idris of Libya received the British envoy.", ("LBY", "CONSULT", "GBR")),
    ],
)
def test_common_verbs_of_each_type(text, key):
    assert key in keys(text)


def test_protest_type():
    assert ("ARG", "PROTEST", "GBR") in keys("Argentine veterans protested against Britain in Buenos Aires.")


def test_concede_type_for_a_promised_withdrawal():
    events = code("Kenya said it would withdraw its troops from Somalia.")
    e = next(e for e in events if e.source == "KEN")
    assert e.type == "CONCEDE" and e.aux == "future" and e.rule.startswith("retreat.withdraw+promise")


def test_reported_event_keeps_the_reporter_in_said_by():
    events = code(
        "Ukrainian officials told reporters that Belarus has started moving troops"
        " away from the Ukrainian border."
    )
    assert all(e.type != "CONSULT" for e in events)  # the reporting itself is not coded
    e = next(e for e in events if e.source == "BLR")
    assert e.type == "RETREAT" and e.said_by == "UKR"


def test_pronoun_inside_reported_speech_is_the_speaker():
    events = code("Moldova said it expelled Russian diplomats.")
    assert ("MDA", "SANCTION", "RUS") in {(e.source, e.type, e.target) for e in events}


def test_an_announced_hostile_act_is_a_threat():
    events = code("Moldova said it would expel Russian diplomats.")
    assert [(e.source, e.type, e.target, e.aux) for e in events] == [("MDA", "THREATEN", "RUS", "future")]


def test_promise_is_one_agree_event_not_also_its_content():
    events = code("Iran offered to meet the European Union in Vienna.")
    assert [(e.source, e.type, e.target, e.cameo) for e in events] == [("IRN", "AGREE", "EU", "036")]


def test_demand_with_an_embedded_subject_targets_that_subject():
    assert ("ISR", "REQUEST", "HAMAS") in keys("Israel wants Hamas to release the hostages.")


def test_negation_and_hypothetical_modes():
    neg = code("Turkey did not attack Syria.")
    assert neg[0].aux == "negation"
    hyp = code("Syria could attack Turkey if talks fail.")
    assert hyp[0].aux == "hypothetical"


def test_place_named_in_the_act_is_the_target():
    assert ("RUS", "RETREAT", "UKR") in keys("Russian forces pulled back from areas near Kyiv.")


def test_no_event_without_actors():
    assert code("The weather was cold and the markets closed early.") == []


def test_evidence_points_into_the_text_and_names_its_rule():
    text = "Headline about talks\n\nGhana urged Togo to reopen the border. Togo refused."
    for e in code(text):
        assert text[e.evidence.start : e.evidence.end] == e.evidence.exact
        assert e.rule and e.goldstein is not None and e.date == DAY


def test_line_breaks_end_sentences():
    text = "Ghana Urges Togo\n\nTogo rejected the plan."
    sentences = {e.evidence.sentence for e in code(text)}
    assert 0 not in sentences or len(sentences) > 1


def test_event_dates_are_resolved_against_the_article_date():
    article = Article(
        id="t",
        text="On Friday, Chile praised Peru. Chile criticized Bolivia on Tuesday.",
        date=dt.date(2022, 3, 29),
    )  # a Tuesday
    events = next(extract_articles([article])).events
    dates = {e.target: e.date for e in events}
    assert dates == {"PER": dt.date(2022, 3, 25), "BOL": dt.date(2022, 3, 29)}


def test_events_long_before_the_article_are_historical():
    article = Article(id="t", text="Iraq invaded Kuwait in 1990.", date=dt.date(2022, 3, 29))
    (e,) = next(extract_articles([article])).events
    assert e.aux == "historical" and e.date.year == 1990


def test_domestic_dyads_keep_the_same_state_in_another_sector():
    assert ("SYR", "ASSAULT", "SYR") in keys("Syrian troops shelled Syrian civilians near the border.")
    e = next(e for e in code("Syrian troops shelled Syrian civilians near the border."))
    assert (e.source_sector, e.target_sector) == ("MIL", "CVL")


def test_a_group_name_that_ner_takes_for_a_person_is_still_the_group():
    assert ("BOKOHARAM", "ASSAULT", "NGA") in keys("Boko Haram attacked Nigerian soldiers in Borno.")


def test_a_state_organ_acting_on_unmarked_people_is_a_domestic_dyad():
    (e,) = code("Kenyan police arrested dozens of protesters in the capital.")
    assert (e.source, e.source_sector, e.type, e.target, e.target_sector) == (
        "KEN",
        "COP",
        "COERCE",
        "KEN",
        "CVL",
    )
    assert e.rule.startswith("coerce.arrest+domestic/")
    (e,) = code("The Bolivian government accepted the demands of the miners.")
    assert (e.source, e.type, e.target) == ("BOL", "CONCEDE", "BOL")


def test_no_domestic_guess_for_armed_groups_or_people_placed_abroad():
    assert code("Palestinian gunmen killed three people on Friday.") == []
    assert ("KEN", "ASSAULT", "SOM") in keys("Kenyan troops killed four people in Somalia.")


def test_unilateral_acts_need_no_target():
    assert keys("The Ugandan opposition conceded on Friday.") == {("UGA", "CONCEDE", None)}
    assert keys("Moldovan troops withdrew on Tuesday.") == {("MDA", "RETREAT", None)}
    (e,) = code("Peru's president resigned on Sunday.")
    assert (e.source, e.type, e.target, e.cameo, e.mode) == ("PER", "RETREAT", None, "0831", "resign")
    assert e.rule.startswith("retreat.resign+unilateral/")


def test_no_targetless_event_for_other_types_or_side_clauses():
    assert code("The Kenyan government protested.") == []
    assert code("The Chilean government sent envoys to end the fighting.") == []
    # a sentence with a dyadic event gets no extra targetless one
    assert keys("Kenya withdrew its troops from Somalia.") == {("KEN", "RETREAT", "SOM")}


def test_a_place_stands_for_its_state_but_a_venue_is_no_participant():
    assert ("NGA", "COERCE", "NGA") in keys("A Lagos court jailed two journalists on Monday.")
    assert keys("The Geneva talks between Iran and Oman ended.") == {(("IRN", "OMN"), "CONSULT", None)}


def test_an_appeal_is_cameo_02_and_a_demand_10():
    urged = code("Germany urged Serbia to hold talks with Kosovo.")[0]
    demanded = code("Germany demanded that Serbia withdraw its police from Kosovo.")[0]
    assert urged.type == demanded.type == "REQUEST"
    assert urged.cameo == "026"  # appeal to meet
    assert demanded.cameo.startswith("10")


def test_a_time_phrase_is_not_the_particle_of_a_phrasal_verb():
    # "called ... on Tuesday" is no "call on"; "called X its partner" names, it does not act
    assert not any(e.type == "REQUEST" for e in code("Chile's president called Peru's leader on Tuesday."))
    assert code("Chile called Peru its closest partner.") == []


@pytest.mark.parametrize(
    ("text", "key", "cameo"),
    [
        ("Peru expressed its condolences to Bolivia after the floods.", ("PER", "SUPPORT", "BOL"), "018"),
        ("Ghana voiced its support for Togo on Friday.", ("GHA", "SUPPORT", "TGO"), "051"),
        ("Italy returned three stolen paintings to Greece.", ("ITA", "RETREAT", "GRC"), "0842"),
        ("Nepal said it will deploy peacekeepers to Lebanon.", ("NPL", "AGREE", "LBN"), "033"),
        ("Chile launched an investigation into Bolivia's border guards.", ("CHL", "ACCUSE", "BOL"), "090"),
        ("Azerbaijan violated the ceasefire with Armenia.", ("AZE", "ASSAULT", "ARM"), "196"),
        ("Belarus violated Poland's airspace on Monday.", ("BLR", "MOBILIZE", "POL"), "150"),
        ("Japan slashed its aid to Cambodia.", ("JPN", "SANCTION", "KHM"), "162"),
        ("Norway provided $5 million to Sudan.", ("NOR", "AID", "SDN"), "070"),
        ("Sweden suspended arms deliveries to Turkey.", ("SWE", "SANCTION", "TUR"), "16"),
    ],
)
def test_statement_return_investigation_violation_and_aid_patterns(text, key, cameo):
    found = {k: e for e in code(text) for k in [(e.source, e.type, e.target)]}
    assert key in found
    assert found[key].cameo == cameo


def test_violating_a_law_or_ban_is_defiance():
    (e,) = code("Serbia violated the UN arms embargo.")
    assert (e.source, e.type, e.target, e.cameo) == ("SRB", "REJECT", "UN", "128")


def test_curfews_courts_and_unmarked_bodies_are_domestic():
    (e,) = code("Indian police imposed a curfew in Ahmedabad on Sunday.")
    assert (e.source, e.type, e.target, e.cameo) == ("IND", "COERCE", "IND", "1723")
    assert e.rule.startswith("coerce.curfew+domestic/")
    (e,) = code("A Kenyan court convicted six activists on Monday.")
    assert (e.source, e.type, e.target, e.cameo) == ("KEN", "COERCE", "KEN", "173")
    (e,) = code("The Egyptian government outlawed the Popular Front for Justice.")
    assert (e.source, e.type, e.target) == ("EGY", "COERCE", "EGY")


def test_a_protest_with_no_named_target_is_against_its_own_government():
    (e,) = code("Chilean students rioted on Thursday.")
    assert (e.source, e.type, e.target, e.target_sector) == ("CHL", "PROTEST", "CHL", "GOV")
    # abroad, the place is the target, not their own government
    assert keys("Chilean students rioted in Peru on Thursday.") == {("CHL", "PROTEST", "PER")}


def test_a_reporter_is_not_the_doer_of_a_passive_act():
    # "would be indicted" names no doer: Kenya, who said it, is not the one indicting
    events = code("Kenya said Ugandan officers would be indicted soon.")
    assert not any(e.source == "KEN" and e.type for e in events)


@pytest.mark.parametrize(
    ("text", "key", "cameo", "rule"),
    [
        ("Latvia contributed 20 million euros to Moldova.", ("LVA", "AID", "MDA"), "070", "aid.provide"),
        ("Chile issued an urgent plea to Peru for help.", ("CHL", "REQUEST", "PER"), "02", "request.plea"),
        (
            "Morocco renewed its call to Spain for talks.",
            ("MAR", "REQUEST", "ESP"),
            "02",
            "request.issue_call",
        ),
        (
            "Chad gave Niger a deadline to close its camps.",
            ("TCD", "THREATEN", "NER"),
            "13",
            "threaten.deadline",
        ),
        (
            "Austria gave Hungary permission to use its airspace.",
            ("AUT", "RETREAT", "HUN"),
            "086",
            "retreat.permission",
        ),
        (
            "Sudan gave approval for the UN to deliver food.",
            ("SDN", "RETREAT", "UN"),
            "086",
            "retreat.permission",
        ),
        (
            "Kenya denied permission to Somalia's minister to land.",
            ("KEN", "REJECT", "SOM"),
            "120",
            "reject.deny_permission",
        ),
        (
            "Oman ended mediation efforts between Qatar and Bahrain.",
            ("OMN", "SANCTION", ("QAT", "BHR")),
            "165",
            "sanction.halt_mediation",
        ),
        (
            "Chile denied accusations by Peru over the border.",
            ("CHL", "ACCUSE", "PER"),
            "016",
            "accuse.deny_charges",
        ),
        (
            "The US returned the smuggled birds to Peru.",
            ("USA", "RETREAT", "PER"),
            "0842",
            "retreat.return_property",
        ),
    ],
)
def test_aid_plea_deadline_permission_mediation_and_denial_patterns(text, key, cameo, rule):
    tup = lambda x: tuple(x) if isinstance(x, list) else x  # noqa: E731
    found = {(tup(e.source), e.type, tup(e.target)): e for e in code(text)}
    assert key in found
    assert found[key].cameo == cameo
    assert found[key].rule.startswith(rule)


def test_a_refused_permission_is_a_rejection():
    (e,) = code("Chile said it would not give permission to Bolivia to use the port.")
    assert (e.source, e.type, e.target, e.cameo) == ("CHL", "REJECT", "BOL", "1245")


def test_declining_to_comment_is_no_rejection():
    assert not any(e.type == "REJECT" for e in code("Peru declined to comment on the Chilean report."))


def test_let_free_is_a_release():
    (e,) = code("Kenya let free dozens of activists on Monday.")
    assert (e.source, e.type, e.target, e.target_sector, e.cameo) == ("KEN", "RETREAT", "KEN", "OPP", "0841")
    assert e.rule.startswith("retreat.let_free+domestic/")


def test_a_named_person_of_no_other_country_is_the_states_own():
    (e,) = code("Ukrainian police arrested Olena Marchuk on Friday.")
    assert (e.source, e.type, e.target) == ("UKR", "COERCE", "UKR")
    (e,) = code("The Kenyan president pardoned Jane Wanjiru, an opposition activist.")
    assert (e.source, e.type, e.target, e.target_sector) == ("KEN", "RETREAT", "KEN", "OPP")
    # praising or meeting a person says nothing of where they are from
    assert not code("The Kenyan president praised Jane Wanjiru.")


def test_a_promise_to_step_down_needs_no_target():
    (e,) = code("The Peruvian president agreed to resign on Friday.")
    assert (e.source, e.type, e.target, e.cameo) == ("PER", "AGREE", None, "035")
    assert e.rule.startswith("agree.agree+unilateral/")


def test_an_aspect_verb_with_an_object_pattern_still_makes_its_complement_future():
    # "go" codes a strike with "on strike", but "is going to" still marks what follows as future
    (e,) = code("Chile is going to impose sanctions on Peru.")
    assert (e.source, e.type, e.target) == ("CHL", "THREATEN", "PER")


def first(text: str):
    events = code(text)
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("Chile will not lift the embargo on Bolivia.", "1241", "CHL", "BOL"),
        ("Ecuador did not release the Colombian fishermen.", "1243", "ECU", "COL"),
        ("Chad will not withdraw its troops from Niger.", "1246", "TCD", "NER"),
        ("Denmark will not accept Eritrean refugees.", "12", "DNK", "ERI"),
    ],
)
def test_a_negated_act_of_yielding_is_a_refusal_to_yield(text, cameo, source, target):
    ev = first(text)
    assert (ev.type, ev.cameo, ev.source, ev.target) == ("REJECT", cameo, source, target)
    assert "+refused" in ev.rule and ev.aux is None


def test_a_negated_retreat_in_a_condition_is_no_refusal():
    assert all(
        e.type != "REJECT" for e in code("Chad threatened Niger if it does not withdraw from the border.")
    )


def test_a_refusal_of_a_concession_or_a_meeting_is_refined():
    assert first("Uruguay refused to lift the sanctions on Paraguay.").cameo == "124"
    assert first("The Estonian president refused to meet the Latvian prime minister.").cameo == "125"


def test_agreeing_to_a_ceasefire_is_an_intent_to_de_escalate():
    ev = first("Mali has agreed to a ceasefire with Burkina Faso.")
    assert (ev.type, ev.cameo, ev.target) == ("AGREE", "0356", "BFA")
    lone = first("Mali has agreed to a ceasefire.")  # a promise to yield needs no target
    assert (lone.source, lone.cameo, lone.target) == ("MLI", "0356", None)


def test_a_pledge_of_aid_or_support_is_a_promise():
    assert (first("Brazil pledged $20 million in aid to Haiti.").cameo, "AGREE") == ("033", "AGREE")
    ev = first("Japan pledged full support for Seoul's reforms.")
    assert (ev.type, ev.cameo, ev.target) == ("AGREE", "032", "KOR")


def test_accepting_refugees_is_granting_asylum():
    ev = first("Canada accepted 2,000 Syrian refugees last year.")
    assert (ev.source, ev.type, ev.cameo, ev.target) == ("CAN", "AID", "075", "SYR")


def test_an_act_under_consideration_is_a_policy_option():
    ev = first("Norway is considering sending aid to Peru.")
    assert (ev.source, ev.type, ev.cameo, ev.aux, ev.target) == ("NOR", "AID", "014", "hypothetical", "PER")
    assert first("Norway sent aid to Peru.").cameo == "070"


def test_a_verbal_act_aimed_at_no_one_is_reported_without_a_target():
    (e,) = code("The Moldovan government denied the allegations on Monday.")
    assert (e.source, e.type, e.target) == ("MDA", "ACCUSE", None)
    assert "+unilateral/" in e.rule
    (e,) = code("Chile called for calm after the vote.")
    assert (e.source, e.type, e.target) == ("CHL", "REQUEST", None)


def test_a_verbal_act_at_someone_we_cannot_resolve_is_not_reported():
    # the slot names people (a nationality, a word for a group, a name): a target we missed
    assert code("The Moldovan government criticised Zorblatian officials on Monday.") == []
    assert code("Chile called on its partners to act.") == []


def test_what_a_proposal_asks_for_is_not_done():
    assert keys("Chile rejected Peru's offer to withdraw its troops from the border.") == {
        ("CHL", "REJECT", "PER")
    }
    assert ("PER", "RETREAT", "CHL") not in keys(
        "Chile rejected calls for Peru to withdraw its troops from Chilean soil."
    )


def test_renewing_a_demand_is_a_demand_on_the_clause_subject():
    (e,) = code("Chile renewed its demand that Peru lift the tariffs.")
    assert (e.source, e.type, e.target) == ("CHL", "REQUEST", "PER")
    assert e.rule.startswith("request.renew_demand")


def test_an_act_held_over_someone_unless_they_yield_is_a_threat():
    (e,) = code("Kenya said it will withdraw its troops from Somalia unless the talks resume.")
    assert (e.source, e.type, e.target, e.cameo) == ("KEN", "THREATEN", "SOM", "13")
    assert "+unless/" in e.rule


def test_a_gerund_subject_names_an_act_that_is_not_done():
    assert not any(
        e.type == "SANCTION"
        for e in code("Chile said removing the sanctions on Peru is out of the question.")
    )


@pytest.mark.parametrize(
    ("text", "key", "cameo"),
    [
        ("Croatia opened its borders to refugees from Serbia.", ("HRV", "RETREAT", "SRB"), "086"),
        ("Ghana closed its borders with Togo.", ("GHA", "COERCE", "TGO"), "172"),
        (
            "Qatar's emir launched a mediation effort between Chad and Sudan.",
            ("QAT", "CONSULT", ("TCD", "SDN")),
            "045",
        ),
        ("The Kenyan army destroyed several militant camps in Somalia.", ("KEN", "ASSAULT", "SOM"), "190"),
        ("Islamic State militants held Iraqi civilians as human shields.", ("ISIL", "ASSAULT", "IRQ"), "181"),
        ("Japan handed over medical supplies to the Philippine government.", ("JPN", "AID", "PHL"), "070"),
        ("Chile said it is skeptical about Peruvian motives.", ("CHL", "ACCUSE", "PER"), "012"),
        ("The Kenyan army stepped up attacks on Somali militants.", ("KEN", "ASSAULT", "SOM"), "190"),
        ("Chilean police opened fire on Bolivian smugglers.", ("CHL", "ASSAULT", "BOL"), "190"),
    ],
)
def test_light_verbs_and_border_acts(text, key, cameo):
    def hashable(code: str | list[str] | None) -> str | tuple[str, ...] | None:
        return tuple(code) if isinstance(code, list) else code

    found = {(hashable(e.source), e.type, hashable(e.target)): e.cameo for e in code(text)}
    assert found.get(key) == cameo, found


def test_british_style_acronyms_name_their_group():
    assert ("FARC", "ASSAULT", "COL") in keys("Farc fighters attacked Colombian troops.")
    assert ("NATO", "ASSAULT", "SRB") in keys("Nato jets attacked Serbian positions.")


def test_a_meeting_is_both_sides_consultation_but_a_visit_has_a_direction():
    assert keys("Chile held talks with Peru in Lima.") >= {
        ("CHL", "CONSULT", "PER"),
        ("PER", "CONSULT", "CHL"),
    }
    assert ("PER", "CONSULT", "CHL") not in keys("The Chilean president visited Peru.")


def test_a_cooperative_act_its_actor_will_not_do_is_a_refusal():
    (e,) = code("Chile said it would not provide aid to Peru.")
    assert (e.source, e.type, e.target, e.cameo) == ("CHL", "REJECT", "PER", "121")
    assert "+refused/" in e.rule
    (e,) = code("Chile will not meet Peru.")
    assert (e.type, e.cameo) == ("REJECT", "125")
    # what did not happen is no refusal
    assert all(e.type == "CONSULT" for e in code("Chile did not meet Peru."))


def test_wanting_to_act_oneself_is_an_intent_not_an_appeal():
    (e,) = code("Chile wants to attack Peru.")
    assert (e.source, e.type, e.target) == ("CHL", "THREATEN", "PER")
    (e,) = code("Chile wants to help Peru.")
    assert (e.source, e.type, e.target) == ("CHL", "AGREE", "PER")
    (e,) = code("Chile wants Peru to withdraw its troops.")
    assert (e.source, e.type, e.target) == ("CHL", "REQUEST", "PER")


def test_protesters_destroying_property_is_a_violent_protest():
    (e,) = code("The Chilean embassy was torched by Peruvian protesters.")
    assert (e.source, e.type, e.target, e.cameo) == ("PER", "PROTEST", "CHL", "145")


def test_travel_warnings_and_arrest_warrants():
    assert ("USA", "SANCTION", "TUN") in keys("The US State Department advised against travel to Tunisia.")
    assert ("GUY", "COERCE", "BRA") in keys("A court in Guyana issued arrest warrants for two Brazilian men.")


def test_an_allegation_of_a_hostile_act_is_an_accusation_of_its_doer():
    found = keys("Ukraine alleged that Russian troops shelled Kharkiv.")
    assert ("UKR", "ACCUSE", "RUS") in found
    # what is alleged is not coded as a fact: the shelling is only what Ukraine says
    assert ("RUS", "ASSAULT", "UKR") not in found
    assert ("RUS", "ASSAULT", "UKR") in keys("Ukraine said that Russian troops shelled Kharkiv.")
    # claiming one's own act is no accusation
    assert not any(e.type == "ACCUSE" for e in code("Chile claimed that it had attacked Peru."))
    # plain reporting is not an allegation
    assert not any(e.type == "ACCUSE" for e in code("Ukraine said that Russian troops shelled Kharkiv."))


def test_a_doer_known_only_by_its_kind_has_no_source_code():
    (e,) = code("Insurgents bombarded the Syrian city of Aleppo.")
    assert (e.source, e.source_sector, e.type, e.target) == (None, "REB", "ASSAULT", "SYR")
    assert e.rule.endswith("/actor.unknown")
    # only for a hostile act against someone we can name
    assert code("Insurgents bombarded the city.") == []
    assert code("Insurgents praised the Syrian government.") == []


def test_casualties_of_an_owned_attack_are_its_targets():
    assert ("ISR", "ASSAULT", "PSE") in keys("Five Palestinians were killed in an Israeli airstrike.")
    assert ("TUR", "ASSAULT", "IRQ") in keys("Three people were wounded in a Turkish raid in northern Iraq.")
    # a topic is not an attack
    assert not any(e.type == "ASSAULT" for e in code("Chile and Peru held talks on the Bolivian attack."))


def test_counts_of_people_take_the_actor_they_count():
    assert ("UN", "RETREAT", "SYR") in keys("Hundreds of UN troops withdrew from Syria.")
    assert ("SYR", "ASSAULT", "PHL") in keys("Syrian rebels engaged Filipino peacekeepers in a firefight.")


def test_what_one_is_given_permission_to_do_is_not_done():
    found = keys("Obama said he would not give permission to Russia to help Israel.")
    assert ("USA", "REJECT", "RUS") in found
    assert not any(t == "AID" for _, t, _ in found)


def test_an_attack_that_kills_is_done_by_its_owner():
    assert ("ISIL", "ASSAULT", "SYR") in keys(
        "A car bombing by the Islamic State group killed 75 people in eastern Syria."
    )


def test_stances_written_as_passives_belong_to_their_subject():
    assert ("ISR", "REJECT", "FRA") in keys("Israel is opposed to French mediation in the talks.")


def test_a_doerless_arrest_is_by_the_state_where_it_happened():
    (e,) = code("A Canadian missionary was arrested in Lebanon.")
    assert (e.source, e.source_sector, e.type, e.target) == ("LBN", "COP", "COERCE", "CAN")
    assert code("Five Britons were arrested.") == []


def test_a_military_surrender_is_a_retreat_and_compensation_returns_property():
    assert keys("The Ugandan rebels surrendered on Friday.") == {("UGA", "RETREAT", None)}
    assert ("UGA", "RETREAT", "GBR") in keys("Uganda paid compensation to British nationals.")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Russia launched cyber warfare against Estonia.", ("RUS", "ASSAULT", "EST")),
        ("Saudi Arabia imposed a blockade on Yemen's ports.", ("SAU", "COERCE", "YEM")),
        ("France suspended its digital tax on American companies.", ("FRA", "CONCEDE", "USA")),
        ("Japan lifted travel curbs on North Korea.", ("JPN", "CONCEDE", "PRK")),
        ("A Dutch court approved the extradition of a militant to France.", ("NLD", "COOPERATE", "FRA")),
        ("Kenyan workers staged a protest against Uganda.", ("KEN", "PROTEST", "UGA")),
        ("Israeli soldiers distributed food to Syrian refugees.", ("ISR", "AID", "SYR")),
    ],
)
def test_more_light_verb_acts(text, key):
    assert key in keys(text)


def test_a_labour_strike_is_no_attack_and_a_capacity_no_deed():
    assert not any(
        e.type == "ASSAULT" for e in code("Kenyan workers staged a strike against the government.")
    )
    assert not any(
        e.type == "ASSAULT" for e in code("Iran trained hackers capable of launching attacks against Israel.")
    )


def test_defending_ones_own_policy_names_no_one_else():
    (e,) = code("The Mexican president defended Mexico's immigration policy.")
    assert (e.source, e.type, e.target) == ("MEX", "SUPPORT", None)


def test_laying_down_arms_returning_weapons_and_leading_a_visit():
    assert ("AFG", "CONCEDE", None) in keys("The Afghan fighters will lay down their arms on Sunday.")
    assert ("PAK", "RETREAT", None) in keys("Pakistan returned the seized weapons.")
    assert ("NGA", "AGREE", "RUS") in keys(
        "The Nigerian foreign minister said he will lead a delegation on a visit to Russia."
    )


def test_the_country_in_a_slot_is_the_actors_own():
    assert keys("The Thai king called for peace in the country.") == {("THA", "REQUEST", None)}


def test_two_parties_seeking_to_act_together_agree_with_each_other():
    (e,) = code("Brazil and Argentina are seeking to deepen their partnership in energy.")
    assert (e.source, e.type, e.target) == (["BRA", "ARG"], "AGREE", None)


def test_a_promised_retreat_carries_cameos_intent_to_yield_code():
    (e,) = code("Israel announced it would free 150 Palestinian prisoners.")
    assert (e.type, e.cameo) == ("CONCEDE", "0353")
    (e,) = code("Russia will withdraw its troops from Ukraine.")
    assert (e.type, e.cameo) == ("CONCEDE", "0356")


def test_hostile_acts_at_no_one_named_and_police_fire():
    assert keys("Azerbaijani forces violated the ceasefire 80 times this morning.") == {
        ("AZE", "ASSAULT", None)
    }
    (e,) = code("Egyptian police opened fire to disperse the crowd.")
    assert (e.source, e.type, e.target, e.target_sector) == ("EGY", "ASSAULT", "EGY", "CVL")


@pytest.mark.parametrize(
    "text",
    [
        "Trump didn't want to answer questions from Mexican reporters.",
        "We want to start with the facts on Mexico.",
        "Ukraine turned to the United States for help.",
        "Biden made a call to Putin.",
        "Trump held a rally in Ohio.",
        "Trump launched a trade war against China.",
        "France leads the EU mission in Mali.",
        "Soldiers shelled a Syrian village.",
        "Gunmen attacked a police station in Kenya.",
    ],
)
def test_ordinary_sentences_that_are_no_events(text):
    assert code(text) == []


def test_an_act_held_over_someone_targets_whoever_must_act():
    (e,) = code("Russia will withdraw its troops unless Ukraine agrees to talks.")
    assert (e.source, e.type, e.target) == ("RUS", "THREATEN", "UKR")


def test_a_mutual_meeting_with_several_is_mirrored_and_keyed_apart():
    from parley.store.corrections import key

    events = code("Putin met Xi and Modi in Moscow.")
    assert {(str(e.source), str(e.target)) for e in events} == {
        ("RUS", "['CHN', 'IND']"),
        ("['CHN', 'IND']", "RUS"),
    }
    assert len({key(e) for e in events}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Trump fired the official who reported the complaint.",
        "On Monday, the Kenyan government released a video of the ceremony.",
        "He denied the allegations on Monday.",
        'Kenya\'s president said: "We want peace and we demand calm."',
    ],
)
def test_targetless_acts_need_a_named_doer_and_no_quotation(text):
    # what the president said is a public statement (no PLOVER type), not a targetless act
    assert not any(e.type and e.target is None and not isinstance(e.source, list) for e in code(text))


def test_a_release_of_people_needs_no_named_target():
    events = code("Twelve prisoners were released yesterday by the Russian president.")
    assert any(e.source == "RUS" and e.type == "RETREAT" for e in events)


def test_the_other_main_party_is_a_target_only_in_an_article_about_a_negotiation():
    plain = "Chile criticized Peru on Monday. Peru criticized Chile on Tuesday. Chile rejected the notion."
    talks = (
        "Chile and Peru held peace talks on Monday to negotiate a ceasefire deal. Peru proposed a "
        "truce and talks on a peace agreement. Chile rejected the notion."
    )
    last = [e for e in code(plain) if e.evidence.sentence == 2]
    assert [(e.source, e.target) for e in last] == [("CHL", None)]
    last = [e for e in code(talks) if e.evidence.sentence == 2]
    assert [(e.source, e.target) for e in last] == [("CHL", "PER")]


def test_a_publication_released_frees_no_one_and_a_statement_is_no_official():
    assert code("The White House released an official statement from the president on Tuesday.") == []
    assert ("KEN", "COERCE", "KEN") in keys("Kenyan security forces detained opposition activists.")
    assert ("ISR", "RETREAT", "PSE") in keys("Israel released the Palestinian mayor of Nablus.")


@pytest.mark.parametrize(
    ("text", "source", "cameo"),
    [
        ("The Eritrean government declined to comment on the dispute.", "ERI", "011"),
        ("Canada's prime minister expressed optimism on Wednesday about the vaccine timeline.", "CAN", "013"),
        ("The Kenyan government said it is confident the vote will be calm.", "KEN", "013"),
        (
            "The Norwegian government is considering the possibility of paying for later sessions.",
            "NOR",
            "014",
        ),
        ("The Taliban claimed responsibility for the blast in the capital.", "TALIBAN", "015"),
        ("Chile's president laid a wreath at the memorial on Sunday.", "CHL", "017"),
        ("Germany told Poland the talks had been useful.", "DEU", "010"),
    ],
)
def test_a_sentence_with_no_act_reports_a_public_statement(text, source, cameo):
    # CAMEO 01 has no PLOVER type: the event keeps its CAMEO code and has type None
    (ev,) = code(text)
    assert (ev.source, ev.type, ev.cameo) == (source, None, cameo)
    assert ev.kind == "STATEMENT" and ev.rule.split("/")[0].endswith("+statement")


def test_a_statement_is_only_reported_when_the_sentence_codes_no_act():
    events = code("Germany said Russia attacked Ukraine on Monday.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_a_named_but_unknown_speaker_is_kept_only_for_a_statement_of_a_kind():
    # "declined to comment" by an organisation we cannot place: source unknown; a bare "said" by
    # someone unknown is not worth reporting
    (ev,) = code("The Wheat Growers Federation declined to comment on the plan.")
    assert (ev.source, ev.cameo, ev.rule.split("/")[1]) == (None, "011", "actor.unresolved")
    assert code("The Wheat Growers Federation said the harvest was late.") == []
    assert code("Officials said the harvest was late.") == []


def test_a_bare_said_is_a_statement_only_to_or_about_someone_named():
    assert code("Germany said the talks had been useful.") == []
    assert code("The White House told Americans the plan was ready.") == []  # said to one's own
    (ev,) = code("France said Russia's plan was a good basis for talks.")
    assert (ev.source, ev.target, ev.cameo) == ("FRA", "RUS", "010")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hong Kong's government said it hoped for more talks.", ("HKG", None, None, "013")),
        ("The Israelis claimed that they had attacked a weapons depot.", ("ISR", None, None, "015")),
    ],
)
def test_hopes_and_claims_of_ones_own_attack_are_statements(text, expected):
    ev = code(text)[0]
    assert (ev.source, ev.type, ev.target, ev.cameo) == expected


def test_a_pronoun_for_the_speaker_named_in_the_sentence_is_a_named_doer():
    (ev,) = code("The South Korean government said it is skeptical of the death toll.")
    assert (ev.source, ev.type, ev.target, ev.cameo) == ("KOR", "ACCUSE", None, "012")
    # but not for a promise or threat, usually aimed at the speaker's own people
    assert not any(
        e.type for e in code("Farmers' leader Jean Dupont of France said they would blockade Paris.")
    )


@pytest.mark.parametrize(
    ("text", "source", "cameo"),
    [
        ("Workers at a copper mine in Peru went on strike for better pay on Thursday.", "PER", "143"),
        ("Activists have launched a hunger strike in Cairo to protest the policy.", "EGY", "143"),
        ("Thousands of students demonstrated in Jakarta on Saturday.", "IDN", "14"),
    ],
)
def test_people_of_no_named_state_protest_where_they_are(text, source, cameo):
    (ev,) = code(text)
    assert (ev.source, ev.type, ev.cameo) == (source, "PROTEST", cameo)
    assert ev.rule.endswith("actor.place_people")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine has received weapons and ammunition from Poland.", ("POL", "AID", "UKR")),
        ("Ukraine received assurances from the United States.", ("USA", "AGREE", "UKR")),
    ],
)
def test_what_is_received_is_the_givers_act(text, expected):
    (ev,) = code(text)
    assert (ev.source, ev.type, ev.target) == expected


def test_missiles_launched_at_someone_are_an_attack_but_a_launch_alone_is_not():
    (ev,) = code("Georgian rebels launched missiles at the Russian embassy.")
    assert (ev.type, ev.target, ev.cameo) == ("ASSAULT", "RUS", "195")
    assert not any(e.type == "ASSAULT" for e in code("North Korea launched a mid-range missile on Friday."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt has lifted a three-month-old state of emergency.", ("EGY", "CONCEDE", None)),
        ("New Zealand donated USD1 million to the World Food Program in Afghanistan.", ("NZL", "AID", "UN")),
        ("The UAE lifted the travel restrictions between it and Israel.", ("ARE", "CONCEDE", "ISR")),
        (
            "Myanmar Government has said it would allow UN agencies access to Rakhine state.",
            ("MMR", "CONCEDE", "UN"),
        ),
        (
            "The Polish foreign ministry summoned Germany's charge d'affaires on Wednesday.",
            ("POL", "ACCUSE", "DEU"),
        ),
    ],
)
def test_conditions_sums_and_small_clauses(text, expected):
    (ev,) = code(text)
    assert (ev.source, ev.type, ev.target) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Islamic State forces hold several hundred families as human shields in Falluja, Iraq.",
            ("ISIL", "ASSAULT", "IRQ"),
        ),
        (
            "The missiles fired by the Israeli military struck an arms depot of the Syrian army.",
            ("ISR", "ASSAULT", "SYR"),
        ),
        ("The United States hit China with new tariffs on Friday.", ("USA", "SANCTION", "CHN")),
        ("Russia hit out at NATO on Monday.", ("RUS", "ACCUSE", "NATO")),
        (
            "Bolivian authorities declared a state of siege in the eastern department of Pando.",
            ("BOL", "COERCE", None),
        ),
    ],
)
def test_weapons_owners_shields_and_unplaced_places(text, expected):
    ev = code(text)[0]
    assert (ev.source, ev.type, ev.target) == expected


def test_a_place_that_resolves_is_still_someone_named():
    # "suspended aid deliveries in Baghdad": Iraq is named, so no targetless sanction is reported
    assert not any(
        e.target is None and e.type for e in code("Red Cross officials suspended aid deliveries in Baghdad.")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States provided 1.7 billion dollars to support Syrian refugees in Jordan.",
            ("USA", "AID", "SYR", "070"),
        ),
        (
            "Hundreds of British troops arrived in Mali to join the UN peacekeeping mission.",
            ("GBR", "AID", "MLI", "074"),
        ),
        ("Russian troops arrived in Belarus on Monday.", ("RUS", "MOBILIZE", "BLR", "154")),
        ("The Chinese foreign minister arrived in Kenya on Monday.", ("CHN", "CONSULT", "KEN", "042")),
        (
            "Jordan and the United States began a new round of joint military exercises.",
            (["JOR", "USA"], "COOPERATE", None, "062"),
        ),
    ],
)
def test_purposes_of_aid_troops_that_arrive_and_rounds_of_exercises(text, expected):
    (ev,) = code(text)
    assert (ev.source, ev.type, ev.target, ev.cameo) == expected


def test_a_participle_describing_a_body_is_no_event():
    events = code("Libya's internationally recognised government announced a ceasefire on Friday.")
    assert [e.type for e in events] == ["CONCEDE"]


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("The United States threatened China with new tariffs on Friday.", "SANCTION"),
        ("Israel struck back at Hezbollah positions on Sunday.", "ACCUSE"),
    ],
)
def test_threats_and_strikes_back_are_not_words_or_sanctions(text, unwanted):
    assert not any(e.type == unwanted for e in code(text))


def test_bearing_responsibility_is_no_claim_of_it():
    assert not any(
        e.cameo == "015" for e in code("Israel bears full responsibility for the attack, Egypt said.")
    )


def test_a_narrated_future_act_keeps_its_type_and_a_reported_one_is_a_promise():
    # the narrator's "will": a scheduled act, coded as itself with aux future (as PETRARCH and
    # the article gold do); a speaker's "said it will": the speaker's promise (PLOVER AGREE)
    (e,) = code("Spain will cooperate with Morocco on migration.")
    assert (e.source, e.type, e.target, e.aux) == ("ESP", "COOPERATE", "MAR", "future")
    (e,) = code("The United States will supply arms to Israel.")
    assert (e.source, e.type, e.target, e.aux) == ("USA", "AID", "ISR", "future")
    assert ("ESP", "AGREE", "MAR") in keys("Spain said it will cooperate with Morocco on migration.")
    # a promised withdrawal stays a verbal concession either way (spec: CONCEDE)
    assert ("AFG", "CONCEDE", None) in keys("The Afghan fighters will lay down their arms on Sunday.")


def test_a_name_split_by_the_parser_keeps_its_conjuncts():
    # spaCy may make "Barack" the head and hang "Obama and Vladimir Putin" below it
    events = code("Barack Obama and Vladimir Putin will meet in Zurich to discuss their music tastes")
    assert any(e.source == ["USA", "RUS"] and e.type == "CONSULT" for e in events)


def test_coming_under_fire_from_someone_is_their_attack():
    assert keys("Israeli forces came under attack from Hamas fighters.") == {("HAMAS", "ASSAULT", "ISR")}
    assert keys("Russian troops were under fire from Ukrainian artillery.") == {("UKR", "ASSAULT", "RUS")}


def test_putting_the_blame_on_someone_accuses_them():
    assert keys("Putin put the blame for the fighting squarely on Kiev.") == {("RUS", "ACCUSE", "UKR")}
    # with no one to blame named, no event
    assert keys("Putin put the blame for the fighting on the weather.") == set()


def test_beginning_an_offensive_launches_it_and_a_joint_attack_is_not_mutual():
    assert ("RUS", "ASSAULT", "UKR") in keys("Russia began a bombardment of Ukrainian cities on Monday.")
    # two doers of one attack on someone unnamed do not attack each other
    assert code("The Syrian and Russian militaries began an all-out bombardment.") == []
    # but "against each other" is mutual
    both = code("Armenia and Azerbaijan carried out attacks against each other.")
    assert any(e.source == ["ARM", "AZE"] and e.type == "ASSAULT" and e.target is None for e in both)


def test_a_domestic_giver_and_receiver_are_both_kept():
    (e,) = code("Georgian demonstrators received weapons from the Georgian government.")
    assert (e.source, e.type, e.target) == ("GEO", "AID", "GEO")
    assert e.source_sector == "GOV"


def test_an_ultimatum_is_a_threat():
    assert keys("Peru issued an ultimatum to Ecuador to halt attacks on the border.") == {
        ("PER", "THREATEN", "ECU")
    }


def test_up_to_a_number_is_no_particle():
    assert ("AFG", "COERCE", "RUS") in keys(
        "Afghan rebels kidnapped up to 16 Russian advisers from a bazaar."
    )


def test_the_owner_of_what_a_preposition_names_is_the_target():
    assert keys("North Korea tried to hack into the computers of South Korean army officers.") == {
        ("PRK", "COERCE", "KOR")
    }
    assert ("ISR", "COERCE", "PSE") in keys(
        "Israeli settlers set fire to the offices of the Palestinian council."
    )
    # but not a pronoun's: "gave the files to his aide" is no act towards his own state
    assert not any(
        e.target == "USA" for e in code("Pompeo gave the files to his close aide Ulrich Brechbuhl.")
    )


def test_a_protest_is_aimed_at_whom_its_purpose_names_not_where_it_is():
    assert ("HKG", "PROTEST", "CHN") in keys(
        "Thousands of people blocked streets in Hong Kong in defiance of Chinese authorities."
    )
    assert ("IRQ", "PROTEST", "USA") in keys(
        "Demonstrators in Baghdad blocked a road to show their anger at the United States' policies."
    )
    # with no one else named, a people protests against its own government
    assert keys("Thousands of Pakistanis rallied in Lahore on Friday.") == {("PAK", "PROTEST", "PAK")}
    # how the rioters protested is part of the protest, not an act of its own
    assert keys("Palestinian prisoners rioted at a jail in Israel, setting fire to their mattresses.") == {
        ("PSE", "PROTEST", "ISR")
    }


def test_a_named_person_on_hunger_strike_protests_against_their_own_state():
    events = code("Russian opposition leader Alexei Navalny started a hunger strike in prison.")
    assert any((e.source, e.type, e.target) == ("RUS", "PROTEST", "RUS") for e in events)


def test_a_negated_promise_refuses_to_yield_or_promises_restraint():
    (e,) = code("Russia pledged not to withdraw its troops from Syria.")
    assert (e.source, e.type, e.target, e.cameo) == ("RUS", "REJECT", "SYR", "1246")
    (e,) = code("Russia pledged not to attack Ukraine.")
    assert (e.source, e.type, e.target) == ("RUS", "AGREE", "UKR")
    (e,) = code("Russia vowed to continue bombing Aleppo.")
    assert (e.source, e.type) == ("RUS", "THREATEN")


def test_denying_a_request_rejects_it_and_denying_a_charge_does_not():
    (e,) = code("Russia denied Ukraine's request for talks.")
    assert (e.source, e.type, e.target) == ("RUS", "REJECT", "UKR")
    (e,) = code("Russia denied the accusations by Ukraine.")
    assert (e.source, e.type, e.target) == ("RUS", "ACCUSE", "UKR")


def test_the_european_community_is_the_eu():
    assert ("EU", "AID", "CIV") in keys("The European Community gave the Ivory Coast $5 million of aid.")


def test_a_compound_takes_the_one_sector_its_members_name():
    # "Kagame and his party" act for the government: the rebels' demand of them is a domestic dyad
    (e,) = code("Rwandan rebels said President Kagame and his Rwandan Patriotic Front must agree to changes.")
    assert (e.source, e.type, e.target, e.target_sector) == ("RWA", "REQUEST", "RWA", "GOV")


def test_a_subject_the_parser_hangs_on_the_auxiliary_is_still_the_subject():
    (e,) = code("The United Kingdom and France however have opposed the resolution on Syria.")
    assert e.source == ["GBR", "FRA"] and e.type == "REJECT"


def test_troops_sent_are_sent_by_their_own_state():
    assert keys("France sent 500 soldiers to Mali.") == {("FRA", "MOBILIZE", "MLI")}
    assert keys("Hundreds of British troops were sent to Mali.") == {("GBR", "MOBILIZE", "MLI")}
    # troops to whom something is done did not do it
    assert keys("Russian soldiers were killed in Syria.") == set()
    # sending troops to a peacekeeping force keeps the peace (CAMEO 074)
    (e,) = code("Japan is sending troops to the United Nations peacekeeping force in South Sudan.")
    assert (e.source, e.type, e.cameo) == ("JPN", "AID", "074")


def test_an_offer_to_send_troops_is_an_offer_not_a_threat():
    (e,) = code("Australia has offered to send troops to the Philippines.")
    assert (e.source, e.type, e.target) == ("AUS", "AGREE", "PHL")
    assert ("RUS", "THREATEN", "UKR") in keys("Russia vowed to send more troops to the border with Ukraine.")


@pytest.mark.parametrize(
    "text,key,cameo",
    [
        ("Israeli troops apprehended a Lebanese man near the border.", ("ISR", "COERCE", "LBN"), "173"),
        (
            "The Yemeni army hit positions in Saudi Arabia with a ballistic missile.",
            ("YEM", "ASSAULT", "SAU"),
            "195",
        ),
        (
            "The European Commission launched legal action against the Polish government.",
            ("EU", "ACCUSE", "POL"),
            "115",
        ),
        ("The South African government refuted Donald Trump's comments.", ("ZAF", "ACCUSE", "USA"), "111"),
        (
            "King Salman sent a condolence message to President Ashraf Ghani.",
            ("SAU", "SUPPORT", "AFG"),
            "018",
        ),
        ("The US embassy conveyed its concerns to the Greek government.", ("USA", "ACCUSE", "GRC"), "012"),
        (
            "The United States completed its withdrawal of troops from Iraq.",
            ("USA", "RETREAT", "IRQ"),
            "0874",
        ),
        ("Sudan declared a cessation of hostilities with South Sudan.", ("SDN", "CONCEDE", "SSD"), "0871"),
        (
            "Nigeria announced the deployment of 230 troops to Liberia on a peacekeeping mission.",
            ("NGA", "AID", "LBR"),
            "074",
        ),
        ("Ethiopia announced a cease-fire with Eritrea.", ("ETH", "CONCEDE", "ERI"), "0871"),
    ],
)
def test_arrests_strikes_lawsuits_refutations_condolences_and_deployments(text, key, cameo):
    found = {(e.source, e.type, e.target): e for e in code(text)}
    assert key in found
    assert found[key].cameo == cameo


def test_guilty_of_an_act_did_it_and_a_warning_given_is_a_threat():
    (e,) = code("The Indian army was guilty of violating the ceasefire with Pakistan.")
    assert (e.source, e.type, e.target) == ("IND", "ASSAULT", "PAK")
    (e,) = code("Obama gave Russian President Vladimir Putin a stern warning to stop.")
    assert (e.source, e.type, e.target) == ("USA", "THREATEN", "RUS")


def test_a_mediation_between_the_two_parties_names_no_one_in_particular():
    (e,) = code("Kuwait launched a mediation effort between the two parties.")
    assert (e.source, e.type, e.target, e.cameo) == ("KWT", "CONSULT", None, "045")


def test_what_is_sent_with_something_else_keeps_the_destination():
    assert ("GBR", "AID", "LBN") in keys(
        "Britain has sent 100 armoured vehicles and a team of paratroopers to Lebanon to help the country."
    )


def test_a_state_protesting_something_complains_officially_and_people_demonstrate():
    (e,) = code("China protested the arrest of its citizens by Canada.")
    assert (e.source, e.type, e.target, e.cameo) == ("CHN", "ACCUSE", "CAN", "114")
    assert ("PRK", "ACCUSE", ("KOR", "USA")) in keys(
        "Pyongyang has protested the ongoing U.S.-South Korea military exercises."
    )
    assert all(e.type == "PROTEST" for e in code("Thousands of students protested the new law in Seoul."))


def test_a_call_on_someone_to_act_parsed_as_a_clause_of_purpose_is_still_a_call():
    (e,) = code("The United Nations has called on Israel to reduce civilian casualties.")
    assert (e.source, e.type, e.target) == ("UN", "REQUEST", "ISR")


def test_moving_on_and_sending_a_letter_deploy_no_one():
    assert keys("Russia said it can move on.") == set()
    assert keys("The letter was sent to the Saudi newspaper by his translator.") == set()
    # the recipient named but not resolved: no guessed counterpart
    assert code("Pompeo gave the materials to his close aide Ulrich Brechbuhl.") == []


def test_pressure_and_criticism_come_from_their_source():
    assert keys("Israel came under pressure from the United States to halt the offensive.") == {
        ("USA", "REQUEST", "ISR")
    }
    assert keys("Turkey has faced criticism from the EU over the arrests.") == {("EU", "ACCUSE", "TUR")}


def test_a_weapon_fired_from_a_place_is_fired_by_whoever_holds_it():
    (e,) = code("Rockets were fired at Israel from Lebanon.")
    assert (e.source, e.type, e.target) == ("LBN", "ASSAULT", "ISR")
    assert e.rule.endswith("actor.fired_from")
    # a named firer wins
    assert ("ISR", "ASSAULT", "LBN") in keys("Shells were fired at Lebanon from Israel by the Israeli army.")


def test_a_compliment_is_praise():
    assert keys("Kerry went out of his way to compliment the lead Iranian negotiator.") == {
        ("USA", "SUPPORT", "IRN")
    }


def test_an_agreement_signed_with_someone_is_signed_by_both_but_ratifying_is_ones_own():
    assert {("KOR", "SUPPORT", "CHN"), ("CHN", "SUPPORT", "KOR")} <= keys(
        "South Korea signed a new defense agreement with China."
    )
    assert keys("Ukraine ratified a sweeping agreement with the European Union.") == {
        ("UKR", "SUPPORT", "EU")
    }


def test_an_office_we_cannot_place_still_declines_to_comment():
    (e,) = code("The governor's office declined to comment on the bill.")
    assert (e.source, e.type, e.cameo) == (None, None, "011")
    assert e.rule.endswith("actor.unresolved")
    # a word for no one in particular says nothing
    assert code("Experts declined to comment.") == []


def test_inspectors_sent_investigate_and_a_hearing_opened_is_an_inquiry():
    assert ("IAEA", "ACCUSE", "IRN") in keys("The IAEA has dispatched inspectors to Iran.")
    assert keys("The OSCE sent observers to Ukraine.") == set()
    (e,) = code("The Indian court opened a hearing into the Pakistani army's role.")
    assert (e.source, e.type, e.cameo) == ("IND", "ACCUSE", "090")


def test_providing_someone_with_aid_names_them_as_the_object():
    assert keys("Germany provided Ukraine with tanks and ammunition.") == {("DEU", "AID", "UKR")}
    # "provided Russian weapons to Hezbollah": the weapons' maker is not the recipient
    assert keys("Iran provided Russian weapons to Hezbollah.") == {("IRN", "AID", "HEZBOLLAH")}


def test_goods_bought_from_abroad_name_their_maker_as_the_trading_partner():
    assert keys("China began buying U.S. crude oil, liquefied natural gas and soybeans again.") == {
        ("CHN", "COOPERATE", "USA")
    }
    assert keys("India imports Iranian oil.") == {("IND", "COOPERATE", "IRN")}
    # a partner named outright comes first
    assert keys("Japan bought Brazilian soybeans from Argentina.") == {("JPN", "COOPERATE", "ARG")}


def test_denouncing_an_offer_rejects_it_and_denouncing_an_act_criticises_it():
    assert keys("North Korea denounced the South Korean offer of dialogue as a ploy.") == {
        ("PRK", "REJECT", "KOR")
    }
    assert keys("Russia condemned the American strikes.") == {("RUS", "ACCUSE", "USA")}


def test_a_complaint_that_someone_did_something_accuses_them():
    assert ("UKR", "ACCUSE", "RUS") in keys(
        "Ukraine complained to the UN that Russian troops were shelling Kharkiv."
    )
    (e,) = code("Complaining that South Korean officials were not responsive, the American envoy left.")
    assert (e.source, e.type, e.target, e.cameo) == ("USA", "ACCUSE", "KOR", "111")


def test_the_one_quoted_as_saying_something_is_its_speaker():
    (e,) = code("The king of Morocco was quoted as saying he would be ready to host a meeting with Israel.")
    assert (e.source, e.type, e.target) == ("MAR", "AGREE", "ISR")  # "he" is the king


def test_allowing_the_return_of_inspectors_yields_to_those_who_send_them():
    (e,) = code("Iraq said it would allow the return of U.N. weapons inspectors.")
    assert (e.source, e.target, e.cameo) == ("IRQ", "UN", "0355")


def test_the_speakers_own_forces_are_the_speaker():
    assert keys("The Kremlin said its troops had pulled out of Ukraine.") == {("RUS", "RETREAT", "UKR")}
    # people the speaker does not stand for are no one we know
    assert keys("Reporters said their troops attacked Kyiv.") == set()


def test_receiving_observers_or_peacekeepers_allows_outside_involvement():
    (e,) = code("The Kyrgyz prime minister received a mission of observers from the OSCE.")
    assert (e.source, e.type, e.target, e.cameo) == ("KGZ", "RETREAT", "OSCE", "0862")
    (e,) = code("Serbia accepted UN peacekeepers in Kosovo.")
    assert (e.source, e.type, e.target, e.cameo) == ("SRB", "RETREAT", "UN", "0861")
    (e,) = code("The Kenyan president received the Chinese ambassador.")
    assert (e.type, e.cameo) == ("CONSULT", "043")


def test_who_is_expected_or_scheduled_to_act_is_the_doer_and_the_act_is_future():
    assert [(e.source, e.type, e.target, e.aux) for e in code("Putin is expected to meet Erdogan.")] == [
        ("RUS", "CONSULT", "TUR", "future"),
        ("TUR", "CONSULT", "RUS", "future"),
    ]
    assert keys("Russia is believed to have attacked Ukraine.") == {("RUS", "ASSAULT", "UKR")}
    # "were supposed to pull back" is an obligation, not an act: no doer is read through it
    assert keys("Syrian troops were supposed to pull back from Aleppo.") == set()


def test_attending_a_summit_abroad_visits_the_host():
    (e,) = code("Modi attended the G20 summit in Brazil.")
    assert (e.source, e.type, e.target, e.cameo) == ("IND", "CONSULT", "BRA", "042")
    (e,) = code("The US leader will attend the Beijing Olympics.")
    assert (e.source, e.type, e.target, e.aux) == ("USA", "CONSULT", "CHN", "future")


def test_a_phone_call_had_or_made_is_a_telephone_discussion():
    (e,) = code("Biden made a phone call to Zelensky on Monday.")
    assert (e.source, e.type, e.target, e.cameo) == ("USA", "CONSULT", "UKR", "041")
    assert ("UKR", "CONSULT", "RUS") in keys(
        "The deal was forged in a phone conversation Poroshenko had with Putin on Friday."
    )


def test_the_noun_a_relative_clause_hangs_on_is_its_object():
    assert keys("The sanctions which the US imposed on Iran hurt.") == {("USA", "SANCTION", "IRN")}
    assert ("RUS", "CONSULT", "UKR") in keys("The talks that Russia held with Ukraine failed.")


def test_war_games_peacekeeping_and_returned_property():
    assert keys("Japan joined the naval exercises with India.") == {("JPN", "COOPERATE", "IND")}
    assert keys("Kenya joined the Olympic games.") == set()
    assert keys("Azerbaijani troops participate in peacekeeping operations in Afghanistan.") == {
        ("AZE", "AID", "AFG")
    }
    (e,) = code("The ancient sarcophagus was returned to Egypt by American officials.")
    assert (e.source, e.type, e.target, e.cameo) == ("USA", "RETREAT", "EGY", "0842")
    # returning somewhere is travel, not giving anything back
    assert keys("Putin returned to Kyiv after the summit.") == set()


def test_aid_goes_to_whom_its_purpose_helps_or_where_it_is_spent():
    assert keys("Germany gave 300 million euros to promote private investment in Ethiopia.") == {
        ("DEU", "AID", "ETH")
    }
    assert keys("Germany earmarked emergency aid to help Haiti cope with the storm.") == {
        ("DEU", "AID", "HTI")
    }


def test_a_reaffirmed_commitment_is_a_promise_and_soviet_is_russia():
    (e,) = code("China reiterated its commitment to Pakistan.")
    assert (e.source, e.type, e.target, e.cameo) == ("CHN", "AGREE", "PAK", "030")
    assert ("RUS", "SUPPORT", "USA") in keys(
        "The Soviet leader expressed condolences to the American people."
    )


def test_an_allegation_accuses_whom_it_is_about_and_a_report_speaks_for_where_it_came_out():
    (e,) = code("Ukraine alleged that Russian officials knew of the plan.")
    assert (e.source, e.type, e.target, e.cameo) == ("UKR", "ACCUSE", "RUS", "112")
    (e,) = code("A report released in the Rwandan capital alleged that France was aware of the plans.")
    assert (e.source, e.type, e.target) == ("RWA", "ACCUSE", "FRA")
    # a plain "said" stays a statement
    (e,) = code("Russia said that Ukraine was ready.")
    assert (e.type, e.cameo) == (None, "010")
    assert ("RUS", "ASSAULT", "UKR") in keys("Russian forces carried out killings of Ukrainian civilians.")


def test_it_in_reported_speech_as_the_object_is_the_speaker():
    assert keys("Russia said Ukraine attacked it.") == {("UKR", "ASSAULT", "RUS")}


def test_an_act_on_oneself_or_a_request_of_ones_own_people_is_domestic():
    assert [(e.source, e.target) for e in code("The US said that Iraq had attacked itself.")] == [
        ("IRQ", "IRQ")
    ]
    (e,) = code("American lawmakers want Obama to come back.")
    assert (e.source, e.type, e.target) == ("USA", "REQUEST", "USA")
    # a denial about one's own capital is not an act on it
    (e,) = code("Putin has denied that Moscow has sent regular troops to fight in Ukraine.")
    assert (e.source, e.type, e.target) == ("RUS", "ACCUSE", None)


def test_stones_thrown_are_a_violent_protest_and_a_gerund_after_resorting_is_done():
    (e,) = code("Palestinian youths threw stones at Israeli soldiers.")
    assert (e.source, e.type, e.target, e.cameo) == ("PSE", "PROTEST", "ISR", "145")
    assert keys("Palestinian youths resorted to throwing stones at Israeli soldiers.") == {
        ("PSE", "PROTEST", "ISR")
    }
    assert keys("Israel responded by shelling Lebanon.") == {("ISR", "ASSAULT", "LBN")}
    # what is refrained from or insisted on is not done
    assert keys("Israel refrained from attacking Lebanon.") == set()


def test_a_hostile_act_held_over_a_condition_is_a_threat_against_whoever_must_act():
    (e, *_rest) = code("The EU will impose sanctions if Russia invades Ukraine.")
    assert (e.source, e.type, e.target, e.cameo) == ("EU", "THREATEN", "RUS", "13")
    (e,) = code("The EU may halt its mediation between the Serbian republics if the talks fail.")
    assert (e.source, e.type, e.target) == ("EU", "THREATEN", "SRB")


def test_people_named_by_where_they_live_or_by_an_office_in_apposition():
    assert ("SYR", "THREATEN", "ISR") in keys(
        "Druze inhabitants of the Syrian Golan Heights threatened to strike unless Israel rescinded the law."
    )
    # a name NER misses, placed by an organisation's title
    assert ("UN", "REQUEST", "IRQ") in keys(
        "Kenzo Oshima, the United Nations Emergency Relief Coordinator, urged Iraq to allow aid workers in."
    )
    # a participle the parser takes for the subject
    assert ("ICRC", "REQUEST", "USA") in keys(
        "The Red Cross operating in Iraq said US forces must ensure security."
    )
    # a subject of expertise is not an allegiance
    assert keys("Bob Smith, a Russia expert, criticized Ukraine.") == set()


def test_a_thing_built_or_held_by_someone_names_them_as_the_target():
    assert ("ISR", "ASSAULT", "HAMAS") in keys(
        "Israeli troops destroyed a network of tunnels built by Hamas."
    )


def test_one_member_of_a_compound_doer_as_the_target_is_the_others_target():
    assert keys("The Syrian and Russian militaries began a bombardment of Aleppo.") == {
        ("RUS", "ASSAULT", "SYR")
    }
    # "each other" stays a mutual act of the pair
    assert keys("Russia and Ukraine accused each other of violating the truce.") == {
        (("RUS", "UKR"), "ACCUSE", None)
    }


def test_who_is_wrong_in_doing_something_does_it():
    assert ("USA", "ACCUSE", "CHN") in keys(
        "A Chinese minister said the U.S. was irresponsible in accusing Beijing of backtracking."
    )


def test_a_negated_condition_is_neither_an_act_nor_a_refusal():
    events = code("Russia will attack if Ukraine does not pull back from Syria.")
    assert [(e.source, e.type, e.target) for e in events] == [("RUS", "THREATEN", "UKR")]


def test_who_is_called_on_or_urged_to_act_is_the_doer_of_the_infinitive():
    # the Arabs, not the newspaper, would mobilize; they are no one we know
    assert keys("A Syrian newspaper called on the Arabs to unite and mobilize against Israel.") == set()
    (e,) = code("Russia urged Ukraine to withdraw its troops.")
    assert (e.source, e.type, e.target) == ("RUS", "REQUEST", "UKR")


def test_money_lent_is_aid():
    assert keys("China lent Pakistan two billion dollars.") == {("CHN", "AID", "PAK")}


def test_joining_someone_for_talks_and_a_rival_named_by_apposition():
    assert ("KOR", "CONSULT", "JPN") in keys(
        "The South Korean president joined Japanese officials for talks."
    )
    assert ("CHN", "CONSULT", "JPN") in keys(
        "China's president met regional rival Japan's Prime Minister Shinzo Abe."
    )


def test_undated_people_who_only_held_one_kind_of_office_keep_its_sector():
    article = Article(
        id="t", text="The British parliament rejected Prime Minister Theresa May's deal.", date=None
    )
    (e,) = next(extract_articles([article])).events
    assert (e.source, e.source_sector, e.target, e.target_sector) == ("GBR", "LEG", "GBR", "GOV")


def test_confidence_in_someone_is_support_and_confidence_that_is_optimism():
    assert keys("Russia expressed confidence in China's leadership.") == {("RUS", "SUPPORT", "CHN")}
    (e,) = code("Russia expressed confidence that the talks would succeed.")
    assert (e.type, e.cameo) == (None, "013")


def test_a_camp_for_refugees_is_theirs_and_engaging_in_fighting_is_an_attack():
    assert keys("A camp for Congolese refugees was attacked by Burundian militiamen.") == {
        ("BDI", "ASSAULT", "COD")
    }
    assert keys("Russia was involved in the fighting in Ukraine.") == {("RUS", "ASSAULT", "UKR")}
    assert keys("Israeli tanks fired shell bombs at targets in Gaza.") == {("ISR", "ASSAULT", "HAMAS")}


def test_an_abbreviated_military_title_and_a_town_named_by_of_name_no_one_else():
    (e,) = code("Lt. Gen. Prosper Avril resigned to allow Haiti's first free elections.")
    assert (e.source, e.source_sector, e.type, e.target) == ("HTI", "MIL", "RETREAT", None)
    (e,) = code("Five hundred Ugandan rebels surrendered in the eastern town of Soroti.")
    assert (e.source, e.type, e.target) == ("UGA", "RETREAT", None)


def test_a_group_of_states_on_one_side_of_talks_is_one_side():
    day = dt.date(2013, 11, 7)
    for text in (
        "Iran and the P5+1 held talks in Geneva.",
        "Talks between Iran and the P5+1 resumed in Geneva.",
    ):
        events = next(extract_articles([Article(id="t", text=text, date=day)])).events
        assert {(e.source if isinstance(e.source, str) else tuple(e.source), e.type) for e in events} == {
            ("IRN", "CONSULT"),
            (("USA", "GBR", "FRA", "RUS", "CHN", "DEU"), "CONSULT"),
        }


def test_talks_naming_no_parties_are_those_of_the_two_sides_reporting_them():
    assert keys("Russia and Ukraine said the talks went well.") == {
        ("RUS", "CONSULT", "UKR"),
        ("UKR", "CONSULT", "RUS"),
    }


def test_a_dateline_is_no_subject():
    (e,) = code(
        "KABUL, Afghanistan (AP) \u2014 The Taliban's ruling council agreed on Sunday to a ceasefire."
    )
    assert e.source == "TALIBAN"


def test_an_undated_office_and_surname_name_the_state_its_holders_served():
    article = Article(id="t", text="President Obama met the Kenyan president in Nairobi.", date=None)
    found = {(e.source, e.type, e.target) for e in next(extract_articles([article])).events}
    assert ("USA", "CONSULT", "KEN") in found


def test_a_doer_known_by_kind_through_a_passive_agent_or_the_weapon_it_fired():
    (e,) = code("The Malaysian airliner was blown up by a missile believed to be fired by rebels.")
    assert (e.source, e.source_sector, e.type, e.target) == (None, "REB", "ASSAULT", "MYS")
    (e,) = code("The Indian convoy was attacked by gunmen.")
    assert (e.source, e.type, e.target) == (None, "ASSAULT", "IND")
    # "pro-Syrian" militants take Syria's side; they are not Syria's, nor of unknown owner
    (e,) = code("Pro-Syrian militants attacked a Lebanese checkpoint.")
    assert (e.source, e.target) == (None, "LBN")
    # "blow up" needs something blown up
    assert code("The talks blew up over the weekend.") == []


def test_inspecting_sites_in_a_state_investigates_it():
    (e,) = code("IAEA inspectors examined two sites in Iran on Monday.")
    assert (e.source, e.type, e.cameo, e.target) == ("IAEA", "ACCUSE", "090", "IRN")
    # something examined that is no site is no inspection
    assert code("The court in Geneva will examine the appeal.") == []


def test_wanting_an_act_cameo_has_no_intent_code_for_is_that_act_hypothetical():
    (e,) = code("Russia wants to investigate Ukraine's laboratories.")
    assert (e.source, e.type, e.target, e.aux) == ("RUS", "ACCUSE", "UKR", "hypothetical")
    assert "+wanted" in e.rule
    # wanting to help is still an intent to cooperate (AGREE)
    (e,) = code("Kenya wants to help Somalia.")
    assert (e.type, e.cameo) == ("AGREE", "033")


def test_tariffs_on_goods_made_or_imported_somewhere_are_against_that_state():
    assert ("CHN", "SANCTION", "USA") in keys(
        "China introduced new tariffs on goods imported from the United States."
    )
    assert ("USA", "SANCTION", "CHN") in keys("The US imposed tariffs on steel made in China.")


def test_a_pronoun_in_a_clause_of_time_is_the_main_clauses_actor():
    text = (
        "Canada protested to India on Monday. "
        "Beijing's white paper came a day after it introduced new tariffs on goods imported "
        "from the United States."
    )
    (e,) = [e for e in code(text) if e.type == "SANCTION"]
    assert (e.source, e.target) == ("CHN", "USA")
    assert e.rule.endswith("/actor.main_clause")


def test_talks_of_a_state_and_a_group_of_states_are_held_by_both_sides():
    text = (
        "Iran and world powers are upbeat after nuclear talks resumed in Vienna today. "
        "The P5+1 wants Iran to cap its enrichment."
    )
    events = next(extract_articles([Article(id="t", text=text, date=dt.date(2013, 11, 7))])).events
    found = {(_key(e.source), e.type, _key(e.target)) for e in events}
    six = ("USA", "GBR", "FRA", "RUS", "CHN", "DEU")
    assert ("IRN", "CONSULT", six) in found and (six, "CONSULT", "IRN") in found


def test_a_hostile_act_on_people_we_cannot_place_is_not_against_the_other_party():
    text = (
        "Turkey and the United States held talks on the ceasefire. "
        "The United States urged Turkey to show restraint. "
        "Turkey vowed to crush the terrorists' heads."
    )
    assert not [e for e in code(text) if e.type == "ASSAULT" and e.target == "USA"]


def test_what_is_prevented_or_only_alleged_in_a_noun_clause_is_not_coded():
    assert not [
        e
        for e in code("The White House moved to prevent hawks in Congress from imposing sanctions on Iran.")
        if e.type == "SANCTION"
    ]
    found = code(
        "The Red Cross rejected accusations that it had used radios to aid the rebels in Sierra Leone."
    )
    assert not [e for e in found if e.type == "AID"]


def test_it_or_they_is_the_nearest_subject_before_it_in_the_sentence():
    text = "NATO warned that if Russia invaded a member state, it would face the full force of the alliance."
    (e,) = [e for e in code(text) if e.type == "THREATEN"]
    assert (e.source, e.target) == ("NATO", "RUS")


def test_fire_at_targets_in_a_place_and_against_the_last_of_several_weapons():
    assert ("ISR", "ASSAULT", "PSE") in keys("Israeli tanks fired four shells at targets in Jericho.")
    found = keys("Vietnamese forces launched artillery, mortar, and rocket fire against Kampuchean camps.")
    assert ("VNM", "ASSAULT", "KHM") in found


def test_whoever_a_sentence_holds_responsible_for_an_attack_did_it():
    assert ("RUS", "ASSAULT", "SYR") in keys("Russia is responsible for the bombing of Aleppo.")
    assert ("GBR", "ASSAULT", "MYS") in keys(
        "Britain was responsible for the killing of 24 Malayan civilians."
    )
    # killings spoken of otherwise are not attributed to the speaker
    assert not [
        e for e in code("Putin compared the shelling of Donetsk to a genocide.") if e.type == "ASSAULT"
    ]


def test_what_is_said_not_to_exist_is_not_coded():
    assert not [
        e for e in code("Britain said it had found no evidence of Russian involvement.") if e.type == "ACCUSE"
    ]
    (e,) = code("Greece offered no concessions to Turkey.")
    assert (e.type, e.target, e.aux) == ("AGREE", "TUR", "negation")


def test_a_day_after_called_on_is_not_someone_called_on():
    text = (
        "Greece on Monday called for sanctions against Turkey, saying that the country had ignored warnings."
    )
    assert ("GRC", "REQUEST", "TUR") in keys(text)


def test_a_promise_to_step_down_is_no_act_on_ones_own_state():
    found = code("Kyrgyz President Askar Akayev has agreed to resign without returning to Kyrgyzstan.")
    assert [(e.source, e.type, e.target) for e in found] == [("KGZ", "AGREE", None)]


def test_wanting_to_ask_is_no_appeal():
    assert code("Warren said of Israel: 'I want to ask, why is it OK to talk about the lobby?'") == []


def test_a_pronoun_after_two_named_actors_is_not_guessed():
    found = keys("The United States sanctioned Iran after it attacked a Saudi oil field.")
    assert ("USA", "ASSAULT", "SAU") not in found and ("USA", "SANCTION", "IRN") in found


def test_denied_or_negated_responsibility_is_no_attack():
    for text in [
        "Russia is not responsible for the attack on the Syrian base, the Kremlin said.",
        "Russia denied it was responsible for the attack on the Syrian base.",
    ]:
        assert not [e for e in code(text) if e.type == "ASSAULT"], text


def test_the_khmer_rouge_are_not_cambodia():
    assert not [
        e for e in code("Khmer Rouge guerrillas attacked government troops in Cambodia.") if e.source == "KHM"
    ]


def test_victims_in_a_headline_are_not_the_doers():
    assert code("12 German tourists killed and 15 wounded in suicide bombing") == []

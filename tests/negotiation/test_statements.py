"""Statements (stated positions) on texts written for these tests."""

import datetime as dt

from parley.model import Article
from parley.pipeline import extract_articles

TALKS = (
    "Armenia and Azerbaijan held a new round of peace talks in Vienna on Monday.\n\n"
    "Under the draft deal, Armenia would vow not to join any military alliance and not to host "
    "foreign military bases. In exchange, Armenia wants Azerbaijan to withdraw its troops from the border "
    "and wants security guarantees from France, Iran and Russia.\n\n"
    "Azerbaijan wants Armenia to recognize its sovereignty over Karabakh, but Armenia offered to "
    "resolve the issue over ten-year talks. The negotiators will meet again next month."
)


def statements(text: str, day: dt.date = dt.date(2023, 5, 8)) -> list:
    return next(extract_articles([Article(id="t", text=text, date=day)])).statements


def test_offers_demands_and_deferral_with_issues():
    got = {(s.actor, s.act, s.issue) for s in statements(TALKS)}
    assert {
        ("ARM", "OFFER", "alliance_membership"),
        ("ARM", "OFFER", "foreign_military_presence"),
        ("ARM", "DEMAND", "withdrawal"),
        ("ARM", "DEMAND", "security_guarantees"),
        ("AZE", "DEMAND", "territory"),
        ("ARM", "DEFER", "territory"),
    } <= got


def test_guarantors_objects_and_exchange_links():
    sts = statements(TALKS)
    by_issue = {s.issue: s for s in sts if s.actor == "ARM"}
    assert set(by_issue["security_guarantees"].guarantors) == {"FRA", "IRN", "RUS"}
    assert next(s for s in sts if s.act == "DEFER").object == "Karabakh"
    offer = next(s for s in sts if s.issue == "alliance_membership")
    demands = {s.id for s in sts if s.act == "DEMAND" and s.actor == "ARM"}
    assert set(offer.conditional_on) == demands
    for s in sts:
        assert s.evidence.exact and s.rule


def test_no_statements_in_an_article_that_is_not_about_a_negotiation():
    text = (
        "Turkey's central bank raised interest rates on Thursday. Turkey wants lower inflation by the end of "
        "the year, the governor said, and Ankara urged banks to lend less."
    )
    assert statements(text) == []


def test_a_truce_named_with_its_makers_is_accepted_by_each():
    text = (
        "Fighting eased in the north on Friday.\n\n"
        "A 72-hour truce brokered by Egypt and Qatar took effect at dawn, and negotiators said talks on a "
        "longer ceasefire and a prisoner exchange would follow in Cairo."
    )
    got = {
        (s.actor if isinstance(s.actor, str) else tuple(s.actor), s.act, s.issue) for s in statements(text)
    }
    assert (("EGY", "QAT"), "ACCEPT", "ceasefire") in got


def test_each_item_of_a_semicolon_list_is_its_own_demand():
    text = (
        "Serbian and Kosovo negotiators met for talks in Brussels on Thursday.\n\n"
        "The proposal put forward by Serbia called for Kosovo police to withdraw from the north; "
        "a release of all detainees; reopening the border crossings for trade; and the return of "
        "displaced families."
    )
    got = [(s.actor, s.issue) for s in statements(text)]
    assert {("SRB", "withdrawal"), ("SRB", "prisoners"), ("SRB", "humanitarian")} <= set(got)
    assert not any(s.object == "Serbia" for s in statements(text))


def _keys(text: str) -> set[tuple]:
    """(actor, act, issue) of the statements of a text about a negotiation: a sentence on the talks
    is added so that every text names enough of them."""
    text += "\n\nNegotiators said the next round of talks on a peace deal would follow."
    return {
        (s.actor if isinstance(s.actor, str) else tuple(s.actor), s.act, s.issue) for s in statements(text)
    }


def test_a_party_that_keeps_a_truce_accepts_it():
    text = (
        "Negotiators from Sudan and South Sudan met for talks in Addis Ababa on Monday.\n\n"
        "Sudan and South Sudan say they have stopped shelling the border towns, honoring a truce that "
        "began at midnight."
    )
    assert (("SDN", "SSD"), "ACCEPT", "ceasefire") in _keys(text)


def test_the_condition_of_a_threat_is_a_demand_wherever_the_parser_hangs_it():
    text = (
        "Talks between Ethiopia and Egypt on the dam resumed in Cairo.\n\n"
        "Egypt has threatened to walk away from negotiations aimed at reaching a deal if Ethiopia does not "
        "halt the filling of the reservoir and allow in international observers."
    )
    got = _keys(text)
    assert ("EGY", "DEMAND", "monitoring") in got
    assert not any(k[1] == "DEMAND" and k[2] == "talks_process" for k in got)


def test_a_verb_of_making_sure_names_no_issue_and_ties_go_to_the_first_named():
    text = (
        "Moldova and Transnistria held a round of talks in Chisinau on Friday.\n\n"
        "Moldova said it is ready to guarantee the protection of the Russian language in the region. "
        "Moldova also wants Transnistria to admit observers along the cease-fire line."
    )
    got = _keys(text)
    assert ("MDA", "OFFER", "rights") in got
    assert ("MDA", "DEMAND", "monitoring") in got
    assert not any(k[2] == "security_guarantees" for k in got)


def test_the_rest_of_the_clause_names_the_issue_when_the_parse_cuts_the_content_short():
    text = (
        "Iran and the European Union held nuclear talks in Vienna on Tuesday.\n\n"
        "Iran has said it is willing to halt its work at one site, and ship its stockpile of "
        "enriched uranium abroad."
    )
    assert ("IRN", "OFFER", "arms_control") in _keys(text)


def test_dismissing_another_party_s_offer_rejects_it():
    text = (
        "Serbia and Kosovo resumed talks in Brussels this week.\n\n"
        "Serbia denounced Kosovo's offer of a prisoner exchange as a stunt."
    )
    got = _keys(text)
    assert ("KOS", "OFFER", "prisoners") in got or ("XKX", "OFFER", "prisoners") in got
    assert ("SRB", "REJECT", "prisoners") in got


def test_a_vow_to_keep_up_the_fighting_rejects_a_truce():
    text = (
        "Armenian and Azerbaijani envoys held talks in Moscow on a truce.\n\n"
        "Azerbaijan has vowed to continue shelling, accusing Armenia of using the talks to regroup."
    )
    assert ("AZE", "REJECT", "ceasefire") in _keys(text)


def test_a_refusal_unless_something_is_done_demands_it():
    text = (
        "Israel and the Palestinians resumed indirect talks in Cairo.\n\n"
        "Israel is reluctant to open Gaza's crossings to the Palestinians unless the militants are disarmed."
    )
    got = _keys(text)
    assert ("ISR", "REJECT", "sanctions") in got  # opening crossings is lifting a closure
    assert ("ISR", "DEMAND", "ddr") in got


def test_what_a_party_says_must_or_should_be_done_is_its_demand():
    text = (
        "Iran and the six powers began a new round of nuclear talks in Geneva.\n\n"
        "Any first step, the American official said, must include a cap on uranium enrichment. "
        "Russia's envoy said that autonomy should be considered for the breakaway region."
    )
    got = _keys(text)
    assert ("USA", "DEMAND", "arms_control") in got
    assert ("RUS", "DEMAND", "territory") in got


def test_a_position_that_names_no_other_party_is_still_a_statement():
    text = (
        "Yemen's government and the Houthis opened a new round of peace talks in Stockholm.\n\n"
        "The Houthi delegation demands an end to the blockade of the port, and Saudi Arabia "
        "urged Iran to stop arming the rebels."
        "\n\nNegotiators said the next round of talks on a peace deal would follow."
    )
    x = next(extract_articles([Article(id="t", text=text, date=dt.date(2018, 12, 6))]))
    assert ("HOUTHIS", "DEMAND", "sanctions") in {(s.actor, s.act, s.issue) for s in x.statements}
    # a sentence with a dyadic event reports no targetless one: the demand is a position only
    assert not any(e.source == "HOUTHIS" and e.type == "REQUEST" for e in x.events)
    assert any(e.source == "SAU" and e.type == "REQUEST" and e.target == "IRN" for e in x.events)


def test_a_truce_a_party_declares_over_is_one_it_rejects():
    text = (
        "Talks between Colombia and the ELN rebels stalled in Havana this week.\n\n"
        "The ELN announced that the ceasefire was over."
    )
    assert ("ELN", "REJECT", "ceasefire") in _keys(text)


def test_each_item_of_a_reported_obligation_is_its_own_demand():
    text = (
        "Iran and the six powers began a new round of nuclear talks in Geneva.\n\n"
        "Any deal, the American official said, must include limits on enrichment, "
        "and inspections of every site."
    )
    got = _keys(text)
    assert {("USA", "DEMAND", "arms_control"), ("USA", "DEMAND", "monitoring")} <= got


def test_a_title_case_headline_gives_no_object_and_a_reported_aside_no_issue():
    text = (
        "Moscow Pledges to Pull Back Near Kharkiv After Geneva Round\n\n"
        "Russian and Ukrainian negotiators met in Geneva for a new round of peace talks.\n\n"
        "Later, Washington said the talks were useful, but it urged caution and said fighting in the "
        "south was continuing."
    )
    sts = statements(text + "\n\nNegotiators said the next round of talks on a peace deal would follow.")
    assert not any(s.evidence.sentence == 0 and s.object for s in sts)
    assert not any(s.actor == "USA" and s.issue == "ceasefire" for s in sts)


def test_a_refusal_to_yield_is_a_rejection():
    text = (
        "Iran and the European Union held a new round of nuclear talks in Vienna.\n\n"
        "Washington said it will not lift the oil embargo on Iran."
    )
    got = _keys(text)
    assert ("USA", "REJECT", "sanctions") in got
    assert ("USA", "OFFER", "sanctions") not in got


def test_a_mediation_announced_for_later_is_an_offer():
    # a narrated future act of cooperation keeps its type (CONSULT, aux future) and still puts
    # the doer's cooperation on offer
    got = _keys("Egypt plans to start shuttling between the Israeli and Palestinian delegations in Cairo.")
    assert ("EGY", "OFFER", "talks_process") in got

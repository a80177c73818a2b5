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

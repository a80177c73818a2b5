"""The shared spaCy pipeline: tokenization details the coder relies on."""

import pytest

from parley import nlp


def test_a_hyphen_after_an_abbreviation_is_split_like_after_a_word():
    doc = next(nlp.parse(["The U.S.-South Korea exercises and the US-led talks."]))
    words = [t.text for t in doc]
    assert words[1:4] == ["U.S.", "-", "South"]
    assert "US" in words and "led" in words
    # a lower-case word after the hyphen stays one token, as spaCy has it ("U.S.-led")
    assert "U.S.-led" in [t.text for t in next(nlp.parse(["The U.S.-led coalition."]))]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("KABUL, Afghanistan (AP) \u2014 The council agreed to a truce.", "KABUL, Afghanistan (AP) \u2014"),
        ("WASHINGTON (Reuters) - The president urged Congress to act.", "WASHINGTON (Reuters) -"),
        ("GAZA CITY, Palestinian Territories: Two men were hurt.", "GAZA CITY, Palestinian Territories:"),
        ("LYON: Interpol said it will send a team.", "LYON:"),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(text, first):
    assert next(next(nlp.parse([text])).sents).text == first


def test_capitals_without_a_spaced_dash_or_colon_are_no_dateline():
    for text in ["NATO said on Monday that talks would go on.", "US-LED TALKS RESUME IN GENEVA today."]:
        assert len(list(next(nlp.parse([text])).sents)) == 1


def test_a_dateline_may_carry_a_date():
    doc = next(nlp.parse(["KABUL, Afghanistan, Jan. 5 (AP) \u2014 The council agreed to a truce."]))
    assert next(doc.sents).text == "KABUL, Afghanistan, Jan. 5 (AP) \u2014"

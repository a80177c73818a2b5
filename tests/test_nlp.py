"""The shared spaCy pipeline: tokenization details the coder relies on."""

from parley import nlp


def test_a_hyphen_after_an_abbreviation_is_split_like_after_a_word():
    doc = next(nlp.parse(["The U.S.-South Korea exercises and the US-led talks."]))
    words = [t.text for t in doc]
    assert words[1:4] == ["U.S.", "-", "South"]
    assert "US" in words and "led" in words
    # a lower-case word after the hyphen stays one token, as spaCy has it ("U.S.-led")
    assert "U.S.-led" in [t.text for t in next(nlp.parse(["The U.S.-led coalition."]))]

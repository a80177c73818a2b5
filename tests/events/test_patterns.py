"""The pattern files are well-formed and cover every PLOVER type."""

from parley.events import codebook, patterns
from parley.model import PLOVER_TYPES


def test_every_plover_type_has_a_pattern():
    ps = patterns.load()
    types = {p.type for plist in ps.verbs.values() for p in plist} | {p.type for p in ps.nouns.values()}
    assert set(PLOVER_TYPES) <= types


def test_every_cameo_code_is_in_the_codebook_and_has_a_goldstein_score():
    ps = patterns.load()
    cb = codebook.load()
    all_patterns = [p for plist in ps.verbs.values() for p in plist] + list(ps.nouns.values())
    for p in all_patterns:
        if p.cameo:
            assert cb.is_code(p.cameo), p.name
            assert cb.goldstein(p.cameo) is not None, p.name
    for cameo in ps.refinements.values():
        assert cb.is_code(cameo)


def test_goldstein_falls_back_to_parent_code():
    cb = codebook.load()
    assert cb.goldstein("190") == -10.0
    assert cb.goldstein("0874") == cb.goldstein_scores["0874"]
    assert cb.goldstein("19999") == cb.goldstein("19")

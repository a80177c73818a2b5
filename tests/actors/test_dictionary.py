"""The actor dictionary data files load, are consistent and cover the spec's codes."""

import datetime as dt
import re

from parley.actors.dictionary import ActorDictionary, default_dictionary

SPEC_ORGS = {
    "NATO",
    "EU",
    "UN",
    "IAEA",
    "OSCE",
    "AU",
    "ARL",
    "ASEAN",
    "ICRC",
    "WHO",
    "IMF",
    "WB",
    "OPEC",
    "ICC",
    "IGAD",
}
SPEC_GROUPS = {
    "HAMAS",
    "PIJ",
    "HEZBOLLAH",
    "TALIBAN",
    "FARC",
    "ELN",
    "TPLF",
    "RSF",
    "HTS",
    "ISIL",
    "HOUTHIS",
    "DPR",
    "LPR",
    "NKR",
    "PKK",
    "SDF",
    "AQ",
}


def test_every_code_is_well_formed_and_spec_codes_exist():
    d = default_dictionary()
    codes = {e.code for e in d.entries}
    assert all(re.fullmatch(r"[A-Z0-9]{2,12}(\+[A-Z0-9]{2,12})*", c) for c in codes)
    assert codes >= SPEC_ORGS
    assert codes >= SPEC_GROUPS
    assert {"RUS", "UKR", "USA", "GBR", "CHN", "TUR", "FRA", "PSE", "PRK", "KOR", "IRN"} <= codes


def test_names_demonyms_and_seats_of_power():
    d = default_dictionary()
    assert d.lookup("Ukrainians").code == "UKR"
    assert d.lookup("the Kremlin").code == "RUS" or d.lookup("Kremlin").code == "RUS"
    assert (d.lookup("the White House") or d.lookup("White House")).code == "USA"
    assert d.lookup("Britain").code == "GBR"
    assert d.lookup("Brussels").code == "EU"


def test_validity_periods_pick_the_code_of_the_article_date():
    d = default_dictionary()
    assert d.lookup("Taliban", dt.date(2019, 12, 29)).code == "TALIBAN"
    assert d.lookup("Taliban", dt.date(2022, 3, 1)).code == "AFG"


def test_sector_cues_prefer_the_longest():
    d = default_dictionary()
    assert d.sector_of(["defense", "minister"]).sector == "MIL"
    assert d.sector_of(["minister"]).sector == "GOV"


def test_user_extension_directory(tmp_path):
    (tmp_path / "groups.tsv").write_text(
        "# a user's own group\ncode\tname\taliases\tvalid_from\tvalid_until\tnotes\n"
        "ZZG\tZed Guard\tZed Guardians\t\t\t\n",
        encoding="utf-8",
    )
    d = ActorDictionary.load(extra_dirs=[tmp_path])
    assert d.lookup("Zed Guardians").code == "ZZG"
    assert d.lookup("Ukraine").code == "UKR"

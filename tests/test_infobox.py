"""The infobox family on real phrases (from the seed and the development articles)."""

import pytest

from pipeline.extract.infobox import read_evidence


def claims(evidence: str) -> list[tuple]:
    reading = read_evidence(evidence)
    return [(d.property, d.value, evidence[d.start:d.end], dict(d.qualifiers))
            for d in reading.drafts]


def skips(evidence: str) -> list[tuple]:
    return [(evidence[s.start:s.end], s.reason) for s in read_evidence(evidence).skips]


def test_list_with_qualifiers_becomes_one_claim_per_item():
    assert claims("Headquarters: Laiza (since 2005), Pajau (former)") == [
        ("headquarters", "Laiza", "Laiza", {"start_time": "2005"}),
        ("headquarters", "Pajau", "Pajau", {"status": "former"}),
    ]


def test_place_in_a_region_is_one_place_with_located_in():
    got = claims("Headquarters: Laiza, Kachin State (currently), Mrauk-U, Rakhine State (planned)")
    assert got == [
        ("headquarters", "Laiza", "Laiza", {"status": "current"}),
        ("located_in", "Kachin State", "Kachin State", {}),
        ("headquarters", "Mrauk-U", "Mrauk-U", {"status": "planned"}),
        ("located_in", "Rakhine State", "Rakhine State", {}),
    ]


def test_regions_in_a_list_stay_apart():
    got = claims("Active regions: Chin State, Kachin State, Bangladesh–Myanmar border")
    assert [c[1] for c in got] == ["Chin State", "Kachin State", "Bangladesh–Myanmar border"]


def test_numbered_pair_gives_role_to_each_name():
    got = claims("Leader2 Title: Deputy chairmen\n- Leader2 Name: Gun Maw, Zong Buk Htan")
    assert got == [
        ("leader", "Gun Maw", "Gun Maw", {"role": "deputy chairman"}),
        ("leader", "Zong Buk Htan", "Zong Buk Htan", {"role": "deputy chairman"}),
    ]


def test_wing_pair_title_chooses_the_property():
    assert claims("Wing1 Title: Armed wing\n- Wing1: Kachin Independence Army") == [
        ("armed_wing", "Kachin Independence Army", "Kachin Independence Army", {})]


def test_stray_commas_bullets_and_orphan_qualifiers():
    evidence = "Allies: , (until 2023), * Tatmadaw, Arakan Army"
    assert [c[1] for c in claims(evidence)] == ["Tatmadaw", "Arakan Army"]
    assert skips(evidence) == [("(until 2023)", "a qualifier with no value before it (the value "
                                                "is missing from the source)")]


def test_unknown_parenthesis_stays_in_the_name():
    assert claims("Opponents: Shan State Army (RCSS), Mong Tai Army (until 1996)") == [
        ("opponent", "Shan State Army (RCSS)", "Shan State Army (RCSS)", {}),
        ("opponent", "Mong Tai Army", "Mong Tai Army", {"end_time": "1996"}),
    ]


@pytest.mark.parametrize("evidence, reason", [
    ("Flag: 200px", "image width"),
    ("image_size: 250", "template parameter"),
    ("Mascot: Tiger", "no infobox rule for the key 'mascot'"),
    ("Ideology:", "no value"),
])
def test_layout_and_unknown_keys_are_skipped_with_a_reason(evidence, reason):
    (skip,) = skips(evidence)
    assert reason in skip[1]
    assert not claims(evidence)


def test_size_with_plus_and_self_claimed_date():
    assert claims("Size: 30,000+ (self-claimed in December 2021)") == [
        ("member_count", "30000", "30,000+",
         {"quantity_qualifier": "at least", "point_in_time": "2021-12", "note": "self-claimed"})]


def test_date_written_twice_is_read_once():
    assert claims("Dates of operation: 10 April 2009 (2009-04-10) – present") == [
        ("active_period", "2009-04-10/..", "10 April 2009 (2009-04-10) – present", {})]


def test_colour_logo_and_list_values():
    assert claims("Colorcode: #37736B") == [("colour", "#37736b", "#37736B", {})]
    assert claims("Logo: KIO coat of arms.PNG") == [
        ("logo", "KIO coat of arms.PNG", "KIO coat of arms.PNG", {})]
    assert [c[1] for c in claims("Ideology: Kachin self-determination, Federalism")] == [
        "Kachin self-determination", "Federalism"]


def test_rank_is_kept_apart_from_the_name():
    assert claims("Leaders: Major General Twan Mrat Naing") == [
        ("leader", "Twan Mrat Naing", "Twan Mrat Naing", {"rank": "Major General"})]

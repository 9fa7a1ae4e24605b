"""The infobox family on phrases of the kinds real infoboxes hold: armed groups, parties,
companies, universities, unions, charities, federations and intergovernmental bodies."""

from pathlib import Path

import pytest

from pipeline.extract import extract, rederive
from pipeline.extract.infobox import read_evidence
from pipeline.read import read_bytes
from pipeline.segment import segment


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


def test_numbered_pair_gives_role_to_each_name_and_claims_the_office_from_its_title_line():
    got = claims("Leader2 Title: Deputy chairmen\n- Leader2 Name: Gun Maw, Zong Buk Htan")
    assert got == [
        ("leader", "Gun Maw", "Gun Maw", {"role": "deputy chairman"}),
        ("leader", "Zong Buk Htan", "Zong Buk Htan", {"role": "deputy chairman"}),
        ("office", "deputy chairman", "Deputy chairmen", {}),
    ]


@pytest.mark.parametrize(("title", "office"), [
    ("Vice-Chancellor", "vice-chancellor"), ("General secretaries ", "general secretary"),
    ("Chief Executive Officer", "chief executive officer")])
def test_title_line_of_a_pair_is_the_office_of_any_kind_of_body(title, office):
    evidence = f"Leader1 Title: {title}\n- Leader1 Name: Ada Okafor"
    got = claims(evidence)
    assert got[0][:2] == ("leader", "Ada Okafor")
    assert got[1] == ("office", office, title.strip(), {})


def test_pair_without_a_title_line_claims_no_office():
    assert [c[0] for c in claims("Leader1 Name: Ada Okafor")] == ["leader"]


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
    ("2021–22: 5th", "names no property"),
    ("Website: www", "truncated web address"),
    ("Width: class=nowrap", "layout attribute"),
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


@pytest.mark.parametrize("evidence, expected", [
    ("Mascot: Tiger", [("mascot", "Tiger", "string")]),
    ("Website: example.org", [("website", "example.org", "url")]),
    ("Opened: 3 March 1998", [("opened", "1998-03-03", "edtf")]),
    ("Undergraduates: 10,052", [("undergraduates", "10052", "integer")]),
    ("Campus area: 1.45 square kilometres", [("campus_area", "1.45", "decimal")]),
    ("Seal: Seal of the Union.svg", [("seal", "Seal of the Union.svg", "file")]),
    ("Demonym: African, Africans", [("demonym", "African", "string"),
                                    ("demonym", "Africans", "string")]),
])
def test_a_key_no_rule_maps_is_published_under_its_own_name_typed_by_shape(evidence, expected):
    reading = read_evidence(evidence)
    assert [(d.property, d.value, d.value_type) for d in reading.drafts] == expected


def test_a_year_in_the_key_is_the_point_in_time():
    assert claims("Membership (2015): 769,000") == [
        ("member_count", "769000", "769,000", {"point_in_time": "2015"})]
    assert claims("Population 2013 estimate: 1,053,136,000") == [
        ("population_estimate", "1053136000", "1,053,136,000", {"point_in_time": "2013"})]


def test_seats_are_the_number_held_of_the_whole():
    assert claims("National Assembly seats: 230 / 400") == [
        ("national_assembly_seats", "230", "230", {"note": "of 400"})]


@pytest.mark.parametrize("evidence, expected", [
    ("President: Cyril Ramaphosa", [("Cyril Ramaphosa", "president")]),
    ("Deputy Secretary General: Jessie Duarte", [("Jessie Duarte", "deputy secretary general")]),
    ("Vice-Chancellor: Ian Young AO", [("Ian Young", "vice-chancellor")]),
    ("Head coach: Carlo Ancelotti", [("Carlo Ancelotti", "head coach")]),
    ("Chancellor: The Hon Gareth Evans AC", [("Gareth Evans", "chancellor")]),
    ("Vice Presidents: Ana Ruiz (1st), Tomás Gil (2nd)",
     [("Ana Ruiz", "vice president"), ("Tomás Gil", "vice president")]),
])
def test_a_key_that_names_an_office_gives_its_holders_that_role(evidence, expected):
    got = claims(evidence)
    assert [(c[0], c[1], c[3]["role"]) for c in got] == [("leader", n, r) for n, r in expected]


def test_an_ordinal_after_an_office_holder_is_its_order():
    got = claims("Vice Presidents: Ana Ruiz (1st), Tomás Gil (2nd)")
    assert [c[3]["series_ordinal"] for c in got] == ["1", "2"]


@pytest.mark.parametrize("evidence, expected", [
    ("Key people: Jorma Ollila (Chairman), Timo Ihamuotila (CFO)",
     [("Jorma Ollila", "chairman"), ("Timo Ihamuotila", "cfo")]),
    ("Key people: Richard Roe, president", [("Richard Roe", "president")]),
    ("Key people: Sam Ray, general president, Flo Ash, general secretary-treasurer",
     [("Sam Ray", "general president"), ("Flo Ash", "general secretary-treasurer")]),
    ("Key people: Ada Ito (President and CEO), Ben Ono (Chairman), Cal Uda (President & CEO)",
     [("Ada Ito", "president and ceo"), ("Ben Ono", "chairman"), ("Cal Uda", "president & ceo")]),
    ("Key people: Ann Lee, Gen.Sec., Bo Ray, Assistant Gen.Sec., Cy Dunn, President",
     [("Ann Lee", "gen.sec"), ("Bo Ray", "assistant gen.sec"), ("Cy Dunn", "president")]),
])
def test_key_people_take_the_title_written_with_them_as_role(evidence, expected):
    assert [(c[1], c[3].get("role")) for c in claims(evidence)] == expected
    assert not any("(" in c[1] or "," in c[1] for c in claims(evidence))


@pytest.mark.parametrize("evidence, expected", [
    ("Founded: December 4, 1955; 61 years ago (1955-12-04)", [("inception", "1955-12-04")]),
    ("Founded: 7 January 1970;52 years ago (1970-01-07)", [("inception", "1970-01-07")]),
    ("Founded: July 1961; 56 years ago (1961-07), United Kingdom",
     [("inception", "1961-07"), ("founding_location", "United Kingdom")]),
    ("Founded: 1868 at Mechanics' Institute, Manchester",
     [("inception", "1868"), ("founding_location", "Mechanics' Institute"),
      ("founding_location", "Manchester")]),
])
def test_a_founding_date_loses_the_copys_age_and_keeps_its_place(evidence, expected):
    assert [(c[0], c[1]) for c in claims(evidence)] == expected
    assert any("ago" in text for text, _ in skips(evidence)) == ("ago" in evidence)


@pytest.mark.parametrize("evidence, value, qualifiers", [
    ("Revenue: US$43.910 billion (2018)", "43910000000",
     {"unit": "USD", "point_in_time": "2018"}),
    ("Net income: €891 million (2009)", "891000000", {"unit": "EUR", "point_in_time": "2009"}),
    ("Endowment: A$1.13 billion", "1130000000", {"unit": "AUD"}),
    ("Members: More than 7 million members and supporters", "7000000",
     {"quantity_qualifier": "over", "unit": "members and supporters"}),
    ("Area Total: 29,865,860 km2 (11,531,270 sq mi)", "29865860",
     {"unit": "km2", "note": "11,531,270 sq mi"}),
])
def test_amounts_are_numbers_with_their_currency_scale_and_unit(evidence, value, qualifiers):
    ((_, got, _, got_qualifiers),) = claims(evidence)
    assert (got, got_qualifiers) == (value, qualifiers)


def test_a_range_is_two_bounds():
    assert [(c[1], c[3]) for c in claims("Size: 7,000–10,000 (2013)")] == [
        ("7000", {"quantity_qualifier": "lower bound", "point_in_time": "2013"}),
        ("10000", {"quantity_qualifier": "upper bound", "point_in_time": "2013"})]


def test_a_flags_label_is_not_part_of_a_name_or_a_place():
    assert [c[1] for c in claims("Leaders: Chad Idriss Déby, Cameroon Roger Nkodo Dang")] == [
        "Idriss Déby", "Roger Nkodo Dang"]
    assert [c[1] for c in claims("Largest city: Nigeria Lagos")] == ["Lagos"]
    assert skips("Largest city: Nigeria Lagos") == [
        ("Nigeria ", "a flag's label copied before the value")]


@pytest.mark.parametrize("evidence, expected", [
    ("Motto: Latin: Spes Bona", [("motto", "Spes Bona", {"language": "la"})]),
    ('Motto: "One Vision, One Identity, One Community"',
     [("motto", "One Vision, One Identity, One Community", {})]),
    ("Motto: Naturam Primum Cognoscere Rerum (Latin), First to learn the nature of things",
     [("motto", "Naturam Primum Cognoscere Rerum", {"language": "la"}),
      ("motto_translation", "First to learn the nature of things", {})]),
])
def test_a_motto_is_one_text_with_its_language_and_translation_apart(evidence, expected):
    assert [(c[0], c[1], c[3]) for c in claims(evidence)] == expected


@pytest.mark.parametrize("evidence, expected", [
    ("Colours: Black, Green and Gold", ["Black", "Green", "Gold"]),
    ("Colors: Cardinal red and steel gray", ["Cardinal red", "steel gray"]),
    ("Merger of: ADAV and SDAP", ["ADAV", "SDAP"]),
    ("Services: Automotive design, engineering and outsourcing services, Vehicle leasing",
     ["Automotive design, engineering and outsourcing services", "Vehicle leasing"]),
    ("Services: Services and Software, Online services", ["Services and Software",
                                                          "Online services"]),
    ("Nickname(s): AmaKhosi; Glamour Boys", ["AmaKhosi", "Glamour Boys"]),
    ("Type: PublicOyj", ["Public", "Oyj"]),
])
def test_lists_split_as_english_writes_them(evidence, expected):
    assert [c[1] for c in claims(evidence)] == expected


@pytest.mark.parametrize("evidence, reason", [
    ("Internet TLD: .africa c", "footnote letter"),
    ("Allies: Armed groups", "sub-heading"),
    ("Products: Mobile phones, (See products listing)", "remark in parentheses"),
    ("Products: Mobile phones, See products listing", "navigation"),
    ("Secretariat: Jakarta, 6°14.3353′S 106°47.9554′E", "coordinates"),
    ("Location: Cape Town 33°57′27″S 18°27′38″E", "coordinates"),
    ("International affiliation: Socialist International (observer)", None),
])
def test_copy_artefacts_never_become_values(evidence, reason):
    values = [c[1] for c in claims(evidence)]
    assert not any(part in value for value in values
                   for part in (" c", "Armed", "See", "(", "°"))
    if reason:
        assert any(reason in r for _, r in skips(evidence))


def test_a_key_that_names_a_language_is_a_native_label():
    assert claims("Malay: Persatuan Negara-negara Asia Tenggara") == [
        ("native_label", "Persatuan Negara-negara Asia Tenggara",
         "Persatuan Negara-negara Asia Tenggara", {"language": "ms"})]


def test_a_sentence_written_in_the_infobox_gives_only_its_names():
    got = claims("Area of operations: Active in northern and eastern Ruritania. Raids into "
                 "Borduria, Syldavia and Carpania.")
    assert [c[1] for c in got] == ["Ruritania", "Borduria", "Syldavia", "Carpania"]
    assert {text for text, _ in skips("Area of operations: Active in northern and eastern "
                                      "Ruritania. Raids into Borduria, Syldavia.")} == {
        "Active in northern and eastern ", ". Raids into "}


def test_a_remark_after_a_date_or_a_text_is_its_note():
    assert claims("Active: 1964–present (dissidents still active)") == [
        ("active_period", "1964/..", "1964–present", {"note": "dissidents still active"})]
    assert claims("Colors: Red, black and green (Pan-Arab colors)")[-1] == (
        "colour_name", "green", "green", {"note": "Pan-Arab colors"})


def test_a_gloss_after_a_name_is_its_note_but_an_abbreviation_stays():
    assert claims("Nickname(s): Los Blancos (The Whites)") == [
        ("also_known_as", "Los Blancos", "Los Blancos", {"note": "The Whites"})]
    assert [c[1] for c in claims("Other names: Northern Army (NA)")] == ["Northern Army (NA)"]
    assert claims("Awards: Nobel Peace Prize (1917, 1944, 1963)")[0][1:] == (
        "Nobel Peace Prize", "Nobel Peace Prize", {"note": "1917, 1944, 1963"})


def test_a_dotted_abbreviation_of_a_region_keeps_its_dot_and_holds_the_place():
    assert claims("Headquarters: Redmond, Washington, U.S.") == [
        ("headquarters", "Redmond", "Redmond", {}),
        ("headquarters", "Washington", "Washington", {}),
        ("located_in", "U.S.", "U.S.", {})]


def test_a_founding_place_after_the_copys_age_is_read():
    assert claims("Founded: April 4, 1975; 46 years ago in Albuquerque")[:2] == [
        ("inception", "1975-04-04", "April 4, 1975", {}),
        ("founding_location", "Albuquerque", "Albuquerque", {})]


def test_two_places_joined_by_and_are_two_unless_one_country_is_named_so():
    assert [c[1] for c in claims("Country: England and Wales")] == ["England", "Wales"]
    assert [c[1] for c in claims("Country: Trinidad and Tobago")] == ["Trinidad and Tobago"]


def test_a_quoted_value_is_one_item_without_its_marks():
    assert [c[1] for c in claims('Mission: "To feed, house and teach"')] == [
        "To feed, house and teach"]
    assert [c[1] for c in claims('Anthem: "Hymn of the Union"')] == ["Hymn of the Union"]


# The infobox's name lines (issue 21).


SEED = Path(__file__).resolve().parent.parent / "seeds" / "kachin-independence-organisation.txt"


def infobox_drafts(text: str) -> list[tuple]:
    document = read_bytes(text.encode(), "a.txt")
    return [(found.rule_id, draft.property, draft.value) for found in
            extract(document, segment(document)) for draft in found.reading.drafts
            if found.rule_id.startswith("infobox/")]


def test_a_second_name_line_is_another_name_and_keeps_every_infobox_claim():
    text = SEED.read_text(encoding="utf-8")
    plain = infobox_drafts(text)
    assert len(plain) == 15  # 13 values, and the office of each of the two Leader Title lines
    named = infobox_drafts(text.replace(
        "Organisation\n- ", "Organisation\nWunpawng Mungdan Shang Lawt Hpung\n- ", 1))
    assert sorted(named) == sorted(plain + [("infobox/name_lines", "also_known_as",
                                             "Wunpawng Mungdan Shang Lawt Hpung")])
    assert infobox_drafts(text.replace("=\n", "=\n= Kachin Independence Organisation =\n",
                                       1)) == plain


@pytest.mark.parametrize("line, value", [
    ("Front du Nord", "Front du Nord"),
    ("The Northern Front", None),  # the title, with its article
    ("northern  front", None),  # the title, spaced and cased otherwise
    ("Frente Polisario جبهة البوليساريو", None),  # several names in several scripts: skipped
])
def test_a_name_line_other_than_the_title_is_an_alias(line, value):
    text = f"= Northern Front =\n\n{line}\n- Abbreviation: NF\n\nThe Northern Front is a group.\n"
    names = [draft for draft in infobox_drafts(text) if draft[0] == "infobox/name_lines"]
    assert names == ([("infobox/name_lines", "also_known_as", value)] if value else [])
    if value:  # the validator reads the line again, alone
        assert [d.value for d in rederive("infobox/name_lines", line).drafts] == [value]

"""The relations family on real phrases (from the seed and the development articles)."""


import pytest
from extraction import read_sentence

from pipeline.extract import relations
from pipeline.package import read_table


def claims(text: str) -> list[tuple]:
    """(subject, property, value, quote, qualifiers) of every claim read from one sentence."""
    return [(d.subject, d.property, d.value, quote, dict(d.qualifiers))
            for d, quote in read_sentence(relations, text)[0]]


def test_its_armed_wing_is_the_document_subjects():
    got = claims("Its armed wing, the Kachin Independence Army (KIA), is one of Myanmar’s most "
                 "powerful ethnic armed groups, operating in Kachin and Shan States.")
    assert got == [(None, "armed_wing", "Kachin Independence Army", "Kachin Independence Army",
                    {})]


def test_army_reorganised_into_an_armed_wing_starts_on_the_date():
    got = claims("A year later on 5 February 1961, the KIO's 100-strong private army was "
                 "reorganised into the Kachin Independence Army (KIA) and became the KIO's armed "
                 "wing, with Zau Seng as commander in chief.")
    assert got == [("KIO", "armed_wing", "Kachin Independence Army", "Kachin Independence Army",
                    {"start_time": "1961-02-05"})]


def test_military_wing_of_is_the_political_wing_of_the_wing():
    assert claims("Founded on 10 April 2009, the AA is the military wing of the United League "
                  "of Arakan (ULA).") == [
        ("AA", "political_wing", "United League of Arakan", "United League of Arakan", {})]


def test_military_wing_after_a_long_parenthesis_and_abbreviations():
    got = claims("The United Wa State Army (Parauk: Kru' Naing' Rob Rom' Hak Tiex Praog, ; "
                 "ဝပြည် သွေးစည်းညီညွတ်ရေး တပ်မတော်, /my/), abbreviated as the UWSA or the UWS "
                 "Army, is the military wing of the United Wa State Party (UWSP), the de facto "
                 "ruling party of Wa State")
    assert got == [("United Wa State Army", "political_wing", "United Wa State Party",
                    "United Wa State Party", {})]


def test_organisation_with_an_armed_wing():
    got = claims("The Karen National Union (Burmese: ကရင် အမျိုးသား အစည်းအရုံး; abbreviated "
                 "KNU) is a political organisation with an armed wing, the Karen National "
                 "Liberation Army (KNLA) that represents the Karen people of Burma.")
    assert got == [("Karen National Union", "armed_wing", "Karen National Liberation Army",
                    "Karen National Liberation Army", {})]


@pytest.mark.parametrize("text, subject, parent, when", [
    ("In 1989, the New Democratic Army – Kachin split from the KIO due to its political and "
     "ethnic differences", "New Democratic Army – Kachin", "KIO", "1989"),
    ("The MNDAA split from the Communist Party of Burma in 1989.", "MNDAA",
     "Communist Party of Burma", "1989"),
    ("In 1994, a group of Buddhist soldiers in the KNLA, citing discrimination by the KNU's "
     "overwhelmingly Christian leadership against the Buddhist Karen majority, broke away and "
     "established the Democratic Karen Buddhist Army (DKBA).", "Democratic Karen Buddhist Army",
     "KNLA", "1994"),
])
def test_split_from_with_its_date_before_or_after(text, subject, parent, when):
    assert claims(text) == [(subject, "split_from", parent, parent, {"point_in_time": when})]


def test_training_that_formed_other_organisations():
    assert claims("Their training eventually formed major ethnic armed organizations, most "
                  "notably the Arakan Army.") == [
        (None, "trained", "Arakan Army", "Arakan Army", {})]


def test_trained_by_names_the_trainer_as_subject():
    assert claims("The TNLA was trained by the KIA.") == [("KIA", "trained", "TNLA", "TNLA", {})]


def test_formed_after_the_collapse_of_a_predecessor():
    got = claims("The UWSA was formed after the collapse of the armed wing of the Communist "
                 "Party of Burma (CPB) in 1989.")
    assert got == [("UWSA", "predecessor", "Communist Party of Burma",
                    "Communist Party of Burma", {"point_in_time": "1989"})]


def test_fighting_until_a_ceasefire_between_the_two_sides():
    got = claims("Soldiers from Myanmar's Tatmadaw (armed forces) fought KIA insurgents for "
                 "over 33 years until a ceasefire was brokered between the two opposing sides in "
                 "1994.")
    assert got == [("Tatmadaw", "opponent", "KIA", "KIA", {"end_time": "1994"}),
                   ("Tatmadaw", "ceasefire_with", "KIA", "KIA", {"point_in_time": "1994"})]


def test_operations_resumed_against_a_party():
    got = claims("The ceasefire lasted for 17 years until June 2011, when the Tatmadaw resumed "
                 "operations against the KIA.")
    assert got == [("Tatmadaw", "opponent", "KIA", "KIA", {"point_in_time": "2011-06"})]


def test_fought_alongside_an_ally_against_an_enemy():
    got = claims("In the early 2010s, the Arakan Army fought alongside the Kachin Independence "
                 "Army (KIA) against the Tatmadaw (Myanmar Armed Forces) in the Kachin conflict.")
    when = {"point_in_time": "201X"}
    assert got == [
        ("Arakan Army", "allied_with", "Kachin Independence Army", "Kachin Independence Army",
         when),
        ("Arakan Army", "opponent", "Tatmadaw", "Tatmadaw", when),
        ("Kachin Independence Army", "opponent", "Tatmadaw", "Tatmadaw", when),
    ]


def test_allied_to_fight_against_named_groups():
    got = claims("the Tatmadaw (Myanmar Armed Forces) has frequently allied with the UWSA to "
                 "fight against Shan nationalist militia groups, such as the Shan State Army "
                 "(RCSS).")
    assert got == [
        ("Tatmadaw", "allied_with", "UWSA", "UWSA", {}),
        ("Tatmadaw", "opponent", "Shan State Army (RCSS)", "Shan State Army (RCSS)", {}),
        ("UWSA", "opponent", "Shan State Army (RCSS)", "Shan State Army (RCSS)", {}),
    ]


def test_ceasefire_signed_by_a_government_described():
    got = claims("In January 2012, Burma's military-backed civilian government signed a "
                 "ceasefire deal with the KNU in Hpa-an, the capital of eastern Kayin State.")
    assert got == [("Government of Burma", "ceasefire_with", "KNU", "KNU",
                    {"point_in_time": "2012-01"})]


def test_ceasefire_with_an_army_described():
    got = claims("The DKBA quickly agreed to a ceasefire with the Burmese army and was granted "
                 "business concessions.")
    assert got == [("DKBA", "ceasefire_with", "Burmese army", "Burmese army", {})]


def test_two_parties_in_regular_fighting():
    assert claims("The KNU and DKBA have since been in regular fighting, with the DKBA actively "
                  "supported by the Burmese army.") == [("KNU", "opponent", "DKBA", "DKBA", {})]


def test_both_parties_fighting_a_state_military_named_in_parenthesis():
    got = claims("Since then, the KNU and KNLA have continued to fight the Burma state military "
                 "(Tatmadaw) by forming guerrilla units.")
    assert sorted(got) == [("KNLA", "opponent", "Tatmadaw", "Tatmadaw", {}),
                           ("KNU", "opponent", "Tatmadaw", "Tatmadaw", {})]


@pytest.mark.parametrize("written, name", [
    ("the Kachin Independence Army (KIA)", "Kachin Independence Army"),
    ("the Tatmadaw (armed forces)", "Tatmadaw"),
    ("the Burma state military (Tatmadaw)", "Tatmadaw"),
    ("the Shan State Army (RCSS)", "Shan State Army (RCSS)"),
    ("the New Democratic Army – Kachin (NDA-K)", "New Democratic Army – Kachin"),
])
def test_a_partys_own_name_is_read_out_of_what_surrounds_it(written, name):
    start, end = relations.name_span(written, 0, len(written))
    assert written[start:end] == name


@pytest.mark.parametrize("text", [
    "The KIO also became a safe haven for smaller insurgent groups.",
    "The AA reached a ceasefire in late 2020 after eroding the central government's control.",
    "In 1989 the two parties signed a ceasefire agreement, and in 2013 signed a peace deal.",
    "Zau Seng joined the KIO in 1960.",
    "They were trained by Chinese advisers.",
    "Burma separated from India in 1937.",
    "He fought against the British in World War II.",
    "Some of the Karen, led primarily by the Karen National Union (KNU), have waged a war "
    "against the central government since early 1949.",
    "The groups were offered the choice of cooperating with the military junta or being "
    "destroyed.",
    "The KIO funds most of its armed wing's activities through the cross-border trade.",
])
def test_no_relation_without_two_named_parties(text):
    assert claims(text) == []


def test_published_relations_resolve_abbreviations(built_package):
    rows = [(c["subject_id"], c["property_id"], c["object_id"])
            for c in read_table(built_package, "claims") if c["rule_id"].startswith("relations/")]
    assert ("northern-hills-liberation-front", "armed_wing", "northern-hills-army") in rows

"""The places and resources family on real phrases (from the seed and the development articles)."""

from types import SimpleNamespace

import pytest
from extraction import read_sentence

from pipeline.extract import places
from pipeline.package import read_table


def claims(text: str) -> list[tuple]:
    """(subject, property, value, quote, qualifiers) of every claim read from one sentence."""
    return [(d.subject, d.property, d.value, quote, dict(d.qualifiers))
            for d, quote in read_sentence(places, text)[0]]


def values(text: str, prop: str) -> list[str]:
    return [value for _, p, value, _, _ in claims(text) if p == prop]


def test_moved_headquarters_ends_one_and_starts_the_other():
    assert claims("In 2005, the KIO moved its headquarters from Pajau to Laiza, and established "
                  "a military academy and training school.") == [
        ("KIO", "headquarters", "Laiza", "Laiza", {"start_time": "2005"}),
        ("KIO", "headquarters", "Pajau", "Pajau", {"end_time": "2005"}),
    ]


def test_fall_of_its_headquarters_ends_it():
    assert claims("The KNU's effectiveness was severely diminished after the fall of its "
                  "headquarters at Manerplaw, near the Thai border, in 1995.") == [
        (None, "headquarters", "Manerplaw", "Manerplaw", {"end_time": "1995"})]


def test_a_plural_region_word_belongs_to_each_place_of_the_list():
    got = claims("Its armed wing, the Kachin Independence Army (KIA), is one of Myanmar’s most "
                 "powerful ethnic armed groups, operating in Kachin and Shan States.")
    assert got == [
        ("Kachin Independence Army", "operating_area", "Kachin State", "Kachin", {}),
        ("Kachin Independence Army", "operating_area", "Shan State", "Shan States", {}),
    ]


def test_a_compass_word_stays_in_the_region_an_adjective_does_not():
    assert claims("It operates in mountainous eastern Burma, and has underground networks in "
                  "other areas of Burma.") == [
        (None, "operating_area", "eastern Burma", "eastern Burma", {})]


@pytest.mark.parametrize("text, prop, value", [
    ("The Arakan Army is an ethnic armed organisation based in Rakhine State (Arakan).",
     "operating_area", "Rakhine State"),
    ("The front is a small group based in Mae Sot.", "headquarters", "Mae Sot"),
])
def test_based_in_a_region_is_where_it_operates_in_a_town_its_headquarters(text, prop, value):
    assert [(p, v) for _, p, v, _, _ in claims(text)] == [(prop, value)]


def test_took_control_of_towns_each_with_the_date():
    when = {"point_in_time": "2024"}
    assert claims("In 2024, it took control of the towns of Panwa and Chipwe, which are rare "
                  "earth mining hubs.") == [(None, "controls", "Panwa", "Panwa", when),
                                            (None, "controls", "Chipwe", "Chipwe", when)]


def test_ruling_party_controls_the_place():
    assert claims("the United Wa State Party (UWSP), the de facto ruling party of Wa State") == [
        ("United Wa State Party", "controls", "Wa State", "Wa State", {})]


def test_funding_sources_resources_and_trade_partner_from_one_sentence():
    got = claims("The KIO funds its operations through local taxation, control of natural "
                 "resource extraction—including jade, gold, timber, and rare earths—and "
                 "cross-border trade with China.")
    assert [(p, v) for _, p, v, _, _ in got] == [
        ("resource", "jade"), ("resource", "gold"), ("resource", "timber"),
        ("resource", "rare earths"),
        ("trade_partner", "China"),
        ("funding_source", "local taxation"),
        ("funding_source", "control of natural resource extraction"),
        ("funding_source", "cross-border trade"),
    ]


def test_resource_words_are_named_by_their_canonical_name():
    got = claims("The KIO funds most of its armed wing's activities through the cross-border "
                 "trade with China of jade, timber, gold and rare-earth elements.")
    resources = [(v, quote) for _, p, v, quote, _ in got if p == "resource"]
    assert resources == [("jade", "jade"), ("timber", "timber"), ("gold", "gold"),
                         ("rare earths", "rare-earth elements")]


def test_funding_phrases_skip_verbs_and_prepositions():
    text = ("The KNU was for many years able to fund its activities by controlling black market "
            "trade across the border with Thailand, and through local taxation.")
    assert values(text, "funding_source") == ["black market trade", "local taxation"]
    assert values(text, "trade_partner") == ["Thailand"]


@pytest.mark.parametrize("text, expected", [
    ("By working with the KIA, the Tatmadaw capitalized on the lands under KIO control "
     "providing limited recognition in exchange for access to and security of resources like "
     "jade, teak and rubber.", ["jade", "teak", "rubber"]),
    ("The KIO imposes taxes on the jade trade, but the organization has not provided clear "
     "information.", ["jade"]),
    ("The revenues generated from jade mining have been used to fund military activities.",
     ["jade"]),
])
def test_resources_named_in_their_trade(text, expected):
    assert values(text, "resource") == expected


def test_mining_halted_in_a_district():
    assert claims("In 2023, KIO halted rare earth mining operations in Bhamo District due to "
                  "local opposition.") == [
        ("KIO", "resource", "rare earths", "rare earth", {}),
        ("KIO", "operating_area", "Bhamo District", "Bhamo District", {"point_in_time": "2023"}),
    ]


def test_tax_collection_resumed_in_a_place_after_an_aside():
    assert claims("In 2010, following the end of a ceasefire, the KIO resumed tax collection in "
                  "Hpakant.") == [
        ("KIO", "operating_area", "Hpakant", "Hpakant", {"point_in_time": "2010"})]


@pytest.mark.parametrize("text, subject, group", [
    ("KIO is dominated by members of the Jinghpaw ethnic group, which is the largest subgroup.",
     "KIO", "Jinghpaw"),
    ("while the NDA-K is led by members of the Lacid subgroup.", "NDA-K", "Lacid"),
])
def test_dominated_by_members_of_an_ethnic_group(text, subject, group):
    assert claims(text) == [(subject, "dominant_group", group, group, {})]


def test_represents_a_people_after_the_organisation_described():
    got = claims("The Karen National Union (Burmese: ကရင် အမျိုးသား အစည်းအရုံး; abbreviated "
                 "KNU) is a political organisation with an armed wing, the Karen National "
                 "Liberation Army (KNLA) that represents the Karen people of Burma.")
    assert got == [("Karen National Union", "represents", "Karen", "Karen", {})]


@pytest.mark.parametrize("text", [
    "The flag which represents the Kachin people has a red field.",
    "Padoh Mahn Sha La Phan, the secretary-general of the union was shot dead in his home in "
    "Mae Sot, Thailand, on 14 February 2008.",
    "The KNU was dominated for three decades by its longtime leader Bo Mya.",
    "Various economic concessions were offered to China in exchange for weapons.",
    "He moved his headquarters from Pajau to Laiza.",
    "The KIO operate an education system in areas under their control.",
    "The jade is green.",
    "The AA would launch attacks on state security forces.",
    "The front carried out cross-border trade with the KNLA.",
])
def test_no_place_or_resource_claim(text):
    assert claims(text) == []


@pytest.mark.parametrize("text, expected", [
    ("It was established on 26 May 2001 in Addis Ababa, Ethiopia and launched on 9 July 2002.",
     [(None, "founding_location", "Addis Ababa", {"point_in_time": "2001-05-26"}),
      ("Addis Ababa", "located_in", "Ethiopia", {})]),
    ("The charity was founded at 12 Market Street in Leeds, Yorkshire, in 1950 by Quakers.",
     [(None, "founding_location", "12 Market Street", {}),
      ("12 Market Street", "located_in", "Leeds", {})]),
    ("The front was formally constituted on 10 May 1973 at Bir Lahlou by students.",
     [(None, "founding_location", "Bir Lahlou", {"point_in_time": "1973-05-10"})]),
    ("The club was founded in Soweto, South Africa, in 1970.",
     [(None, "founding_location", "Soweto", {"point_in_time": "1970"}),
      ("Soweto", "located_in", "South Africa", {})]),
])
def test_where_it_was_founded_and_the_larger_place_after_it(text, expected):
    assert [(s, p, v, q) for s, p, v, _, q in claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Nokia Corporation (Finnish pronunciation: [ˈnɔkiɑ]) (NYSE: NOK) is a Finnish "
     "multinational communications corporation that is headquartered in Keilaniemi, Espoo, a "
     "city neighbouring Helsinki.",
     [("Nokia Corporation", "headquarters", "Keilaniemi"),
      ("Keilaniemi", "located_in", "Espoo")]),
    ("Tata Motors Limited (formerly TELCO) is an Indian multinational automotive manufacturing "
     "company headquartered in Mumbai.", [("Tata Motors Limited", "headquarters", "Mumbai")]),
    ("The federation is the largest union headquartered in Geneva.",
     [(None, "headquarters", "Geneva")]),
    ("Amnesty International (commonly known as Amnesty) is a London-based non-governmental "
     "organization.", [("Amnesty International", "headquarters", "London")]),
    ("Kaizer Chiefs Football Club (often known as Chiefs) is a South African professional "
     "football club based in Naturena, Johannesburg South, that plays in the league.",
     [("Kaizer Chiefs Football Club", "headquarters", "Naturena"),
      ("Naturena", "located_in", "Johannesburg South")]),
])
def test_headquarters_of_the_body_described(text, expected):
    assert [(s, p, v) for s, p, v, _, _ in claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The AU has its headquarters in Addis Ababa, Ethiopia.",
     [("AU", "headquarters", "Addis Ababa", {}), ("Addis Ababa", "located_in", "Ethiopia", {})]),
    ("The headquarters of the union are in Brussels.", [(None, "headquarters", "Brussels", {})]),
    ("The bank is headquartered in Frankfurt, Germany.",
     [(None, "headquarters", "Frankfurt", {}), ("Frankfurt", "located_in", "Germany", {})]),
    ("In 1990, the party moved its headquarters to Johannesburg.",
     [(None, "headquarters", "Johannesburg", {"start_time": "1990"})]),
])
def test_headquarters_had_moved_to_or_of_the_body(text, expected):
    assert [(s, p, v, q) for s, p, v, _, q in claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The African National Congress (ANC) is a social-democratic political party in South "
     "Africa.", [("African National Congress", "country", "South Africa")]),
    ("The KNU is a political organisation in Burma.", [("KNU", "country", "Burma")]),
    ("The University of Cape Town (UCT) (Afrikaans: Universiteit van Kaapstad) is a public "
     "research university in Cape Town, South Africa.",
     [("University of Cape Town", "location", "Cape Town"),
      ("Cape Town", "located_in", "South Africa")]),
    ("It is the continental governing body of football in South America.",
     [(None, "location", "South America")]),
])
def test_a_body_described_in_a_place_is_located_there_or_of_that_country(text, expected):
    assert [(s, p, v) for s, p, v, _, _ in claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The university is located in Canberra.", [(None, "headquarters", "Canberra")]),
    ("The Secretariat is located in Jakarta, Indonesia.",
     [("Secretariat", "headquarters", "Jakarta"), ("Jakarta", "located_in", "Indonesia")]),
    ("It was located in Laiza until 2005.", [(None, "headquarters", "Laiza")]),
    ("The charity is located in France.", [(None, "location", "France")]),  # a country: not a seat
])
def test_located_in_a_place_is_the_seat(text, expected):
    assert [(s, p, v) for s, p, v, _, _ in claims(text)] == expected


def test_sites_in_places_each_with_the_kind_of_site():
    got = claims("Tata Motors has auto manufacturing and assembly plants in Jamshedpur, Pune and "
                 "Sanand in India, as well as in Argentina and Great Britain.")
    note = {"note": "auto manufacturing and assembly plants"}
    assert [(s, p, v, q) for s, p, v, _, q in got] == [
        ("Tata Motors", "location", place, note)
        for place in ("Jamshedpur", "Pune", "Sanand", "India", "Argentina", "Great Britain")]
    campuses = claims("Home to 30,000 students, it encompasses six campuses in the Capetonian "
                      "suburbs of Rondebosch, Observatory, and the Waterfront.")
    assert [(v, quote) for _, _, v, quote, _ in campuses] == [
        ("Rondebosch", "Rondebosch"), ("Observatory", "Observatory"),
        ("Waterfront", "Waterfront")]
    assert values("The bank has branches in London, Paris and New York.", "location") == [
        "London", "Paris", "New York"]


@pytest.mark.parametrize("text", [
    "The first overseas Oxfam was founded in Canada in 1963.",
    "It was founded in January 1912.",
    "It was founded in response to the famine.",
    "The FARC is a guerrilla movement involved in the continuing Colombian armed conflict.",
    "The ANC is a member of the Socialist International in Europe.",
    "The party has offices in most states.",
    "The company has plants in several countries.",
    "Its armed wing has bases in Laiza and Mai Ja Yang.",
    "The militia, known by the acronym CONMEBOL or CSF, is the largest union in Peru.",
    "The club is located in the heart of Soweto.",
    "ASEAN's secretariat is located in Jakarta.",
])
def test_no_founding_place_headquarters_or_site_claim(text):
    assert claims(text) == []


def test_funds_through_with_no_funding_phrase_is_skipped_with_a_reason():
    text = "The group funds its operations through its friends."
    (found,) = places.find(SimpleNamespace(text=text, title=""), [SimpleNamespace(
        char_start=0, char_end=len(text), sentence_id="s", kind="prose")])
    assert not found.reading.drafts
    assert "no funding phrase" in found.reading.skips[0].reason


def test_published_places_of_the_fixture(built_package):
    rows = [(c["subject_id"], c["property_id"], c["value"], c["start_time"], c["end_time"])
            for c in read_table(built_package, "claims") if c["rule_id"].startswith("places/")]
    front = "northern-hills-liberation-front"
    assert rows == [(front, "country", "Myanmar", None, None),
                    (front, "headquarters", "Loi Sam", None, "1998"),
                    (front, "headquarters", "Mai Hka", "1998", None)]


@pytest.mark.parametrize("text, seats", [
    # where the sentence names the head office, "located in" is only where it is
    ("Orbis is a wine maker located in Arnes, some 5 km from Tolva, where the company has its "
     "head office.", ["Tolva"]),
    ("Orbis is a wine maker located in Arnes, near Tolva, where its headquarters are.", []),
    ("Orbis is a wine maker located in Arnes, near Tolva.", ["Arnes"]),
    ("Orbis is a wine maker based in Arnes, where it has its head office.", ["Arnes"]),
])
def test_located_in_gives_way_to_a_head_office_named_after_it(text, seats):
    drafts, _ = read_sentence(places, text, "Orbis")
    assert [d.value for d, _ in drafts if d.property == "headquarters"] == seats


@pytest.mark.parametrize("text, expected", [
    ("Vela Motors is a truck maker producing trucks, originally based in Ocala, Florida, then "
     "in Dayton, Ohio, and now in Austin, Texas.",
     {"Ocala": "former", "Dayton": "former", "Austin": None}),
    ("Vela Radio was a radio station based out of Redding, California, and now in Hilo, Hawaii.",
     {"Redding": "former", "Hilo": None}),
    # the last seat is no place the rule reads: the one before it is still a former one
    ("Vela Motors is a truck maker producing trucks, originally based in Ocala, Florida, then "
     "in Dayton, Ohio, and now in the enterprise zone in Austin, Texas.",
     {"Ocala": "former", "Dayton": "former"}),
    # "now in its tenth year" names no later seat
    ("Vela Radio is a radio station based in Redding, California, now in its tenth year.",
     {"Redding": None}),
    # a seat it had first is a former one, though the sentence names no later one
    ("Vela Wealth Limited was set up in 1985 and was originally based in Arnes, Kent.",
     {"Arnes": "former"}),
    ("Vela Radio, initially based in Redding, is a radio station.", {"Redding": "former"}),
    ("Vela Radio is a radio station currently based in Redding.", {"Redding": None}),
])
def test_seats_one_after_another_are_former_but_the_last(text, expected):
    seats = {value: q.get("status") for _, p, value, _, q in claims(text) if p == "headquarters"}
    assert seats == expected


def test_an_adverb_opening_the_sentence_is_no_actor_of_the_seat():
    text = ("Originally located in Arnes on Mill Street, Vela Realty relocated in 1991 to a "
            "building in Tolva.")
    assert [(s, v, q) for s, p, v, _, q in claims(text) if p == "headquarters"][:1] == [
        ("Vela Realty", "Arnes", {"status": "former"})]

"""The offerings and honours family: products and services listed in prose, awards received."""

import re
from re import _parser as sre_parse

import pytest
from extraction import read_sentence

from pipeline.extract import offerings


def claims(text: str) -> list[tuple]:
    """(subject, property, value, quote, qualifiers) of every claim read from one sentence."""
    return [(d.subject, d.property, d.value, quote, dict(d.qualifiers))
            for d, quote in read_sentence(offerings, text)[0]]


def values(text: str) -> list[tuple[str, str]]:
    return [(prop, value) for _, prop, value, _, _ in claims(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Its products include passenger cars, trucks, vans, sports cars, construction equipment "
     "and military vehicles.",
     [("product", v) for v in ("passenger cars", "trucks", "vans", "sports cars",
                               "construction equipment", "military vehicles")]),
    ("The bank's main services include retail banking, wealth management and insurance.",
     [("service", v) for v in ("retail banking", "wealth management", "insurance")]),
    ("The company's products are milk, cheese and butter, among others.",
     [("product", v) for v in ("milk", "cheese", "butter")]),
    ("Their services consist of legal aid, counselling, and emergency shelter.",
     [("service", v) for v in ("legal aid", "counselling", "emergency shelter")]),
])
def test_each_item_of_a_list_of_products_or_services(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The company manufactures cars, trucks and buses.",
     [(None, v) for v in ("cars", "trucks", "buses")]),
    ("Nokia designs and manufactures phones and network equipment.",
     [("Nokia", "phones"), ("Nokia", "network equipment")]),
    ("In 1950, the Amul Dairy Cooperative produces milk and cheese.",
     [("Amul Dairy Cooperative", "milk"), ("Amul Dairy Cooperative", "cheese")]),
])
def test_what_the_maker_manufactures_or_produces(text, expected):
    assert [(s, v) for s, p, v, _, _ in claims(text) if p == "product"] == expected


def test_a_named_owner_is_the_subject():
    assert claims("Nokia's products are phones and network equipment.") == [
        ("Nokia", "product", "phones", "phones", {}),
        ("Nokia", "product", "network equipment", "network equipment", {})]


def test_awards_each_with_its_year_before_or_after():
    got = claims("The organization was awarded the 1977 Nobel Peace Prize for its \"defence of "
                 "human dignity against torture\", and the United Nations Prize in the Field of "
                 "Human Rights in 1978.")
    assert got == [
        (None, "award_received", "Nobel Peace Prize", "Nobel Peace Prize",
         {"point_in_time": "1977"}),
        (None, "award_received", "United Nations Prize in the Field of Human Rights",
         "United Nations Prize in the Field of Human Rights", {"point_in_time": "1978"})]
    assert claims("In 2005, the club won the Africa Fair Play Trophy.") == [
        (None, "award_received", "Africa Fair Play Trophy", "Africa Fair Play Trophy",
         {"point_in_time": "2005"})]
    assert values("The university has received the Queen's Anniversary Prize.") == [
        ("award_received", "Queen's Anniversary Prize")]


@pytest.mark.parametrize("text", [
    "Five alumni, staff members, and researchers associated with UCT have won the Nobel Prize.",
    "Its products include those that its partners make under licence in many of the markets.",
    "The company's products were sold in 120 countries.",
    "The club won the league in 2005.",
    "It was awarded a grant by the government.",
    "It produces a weekly newspaper that is read by millions of people in the region.",
    "The KIO produces jade in Hpakant with forced labour.",
])
def test_no_list_item_or_award_that_is_not_the_subject_s(text):
    assert claims(text) == []


def test_award_dates_are_read_as_the_exact_date_rule_reads_them():
    from test_extract_rules import readings, unchecked_groups  # the engine's own checks

    regex = offerings.RULES.rules["offerings/awarded"].regex
    checks = {regex.shaped.groupindex[g] for g in regex.dates}
    assert checks and not checks & set(unchecked_groups(sre_parse.parse(regex.shaped.pattern)))
    exact = re.compile(regex.exact)
    for text in ("It was awarded the 1977 Nobel Peace Prize, and the Right Livelihood Award in "
                 "1990, 1991.", "The club won the Fair Play Trophy in the 1990s."):
        assert readings(regex.finditer(text)) == readings(exact.finditer(text)), text

"""What a rule needs (pipeline/extract/needs.py): texts every match contains, read from the
pattern, never more than a match must contain."""

import re

import pytest

from pipeline.extract.needs import DIGITS, Prefilter, folded, rule_needs


def needs(pattern: str, macros: dict[str, str] | None = None) -> set[frozenset[str]]:
    return {frozenset(clause) for clause in rule_needs(pattern, macros or {})}


def satisfied(clauses, text: str) -> bool:
    """Whether a prefilter of this one rule picks it for the text."""
    return Prefilter([clauses]).candidates(folded(text)) == [0]


def test_letters_in_a_row_are_one_text_and_a_class_of_one_letter_is_that_letter():
    assert needs(r"[Tt]he army (?:was|is) founded") == {
        frozenset(["the army "]), frozenset(["was", "is"]), frozenset([" founded"])}


def test_optional_parts_and_lookbehinds_need_nothing():
    assert needs(r"(?<=fought )(?:with )?(?:allies)*[A-Z]\w+") == set()


def test_an_alternative_that_needs_nothing_makes_the_choice_need_nothing():
    assert needs(r"(?:army|\w+) of") == {frozenset([" of"])}


def test_macros_are_read_where_they_are_defined_and_dates_need_a_digit():
    macros = {"FOUGHT": "(?:fought|battled)", "WHEN": r"\s+in (?P<date>{DATE})"}
    assert needs(r"{FOUGHT} the army{WHEN}{NOT_DATE}", macros) == {
        frozenset(["fought", "battled"]), frozenset([" the army"]), frozenset(["in "]), DIGITS}


def test_digit_classes_need_a_digit():
    assert needs(r"[12][0-9]{3}|\d+") == {DIGITS}


def test_a_choice_needs_the_rarest_text_of_each_alternative():
    assert needs(r"[12][0-9]{3}|\d+ troops") == {DIGITS | {" troops"}}


@pytest.mark.parametrize(("pattern", "text"), [
    ("(?i:kachin state)", "KACHIN ſTATE"),  # IGNORECASE matches ſ with s; lower() does not
    ("(?i:militia)", "MİLİTIA"),  # İ is lowered to two characters
    ("(?i:in) 1", "ın 1"),  # dotless i
    (r"in \d\d", "in ١٩"),  # digits that are not ASCII
])
def test_what_ignorecase_and_unicode_match_is_found_in_the_folded_text(pattern, text):
    assert re.fullmatch(pattern, text)
    assert satisfied(rule_needs(pattern, {}), text)


def test_a_text_lacking_a_clause_is_not_searched():
    clauses = rule_needs(r"(?:merged|joined) into the \w+ in {DATE}", {})
    assert satisfied(clauses, "It merged into the KNU in 1996")
    assert not satisfied(clauses, "It merged into the KNU")
    assert not satisfied(clauses, "It split from the KNU in 1996")


def test_a_prefilter_picks_in_order_the_rules_whose_every_clause_the_text_holds():
    prefilter = Prefilter([
        rule_needs(r"founded in {DATE}", {}),
        rule_needs(r"[A-Z]\w+", {}),  # needs nothing: always tried
        rule_needs(r"(?:merged|joined) into", {}),
        rule_needs(r"founded by", {}),
        rule_needs(r"the (?:army|militia) was founded", {}),
    ])
    assert prefilter.candidates(folded("The Militia was founded in 1960.")) == [0, 1, 4]
    assert prefilter.candidates(folded("It joined into the KNU, founded by Ko Ko.")) == [1, 2, 3]
    assert prefilter.candidates(folded("It fought.")) == [1]


def test_a_prefilter_of_rules_that_need_nothing_picks_them_all():
    assert Prefilter([(), ()]).candidates("any text") == [0, 1]
    assert Prefilter([]).candidates("any text") == []

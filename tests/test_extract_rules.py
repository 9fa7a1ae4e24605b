"""The rule engine's promise (pipeline/extract/patterns.py, RuleRegex): a rule compiled with
DATE_SHAPE and SURE_DATE, its dates checked after each match, reads exactly what the same rule
compiled with DATE_PATTERN reads."""

import re
from pathlib import Path
from re import _constants as sre
from re import _parser as sre_parse

import pytest

from pipeline.extract import FAMILIES
from pipeline.extract.needs import folded
from pipeline.read import read_bytes
from pipeline.segment import segment

ROOT = Path(__file__).resolve().parent.parent
RULESETS = {rule_id: family.RULES for family in FAMILIES.values() if hasattr(family, "RULES")
            for rule_id in family.RULES.rules}
RULES = {rule_id: rules.rules[rule_id].regex for rule_id, rules in RULESETS.items()}
DATED = {rule_id: regex for rule_id, regex in RULES.items() if regex.dates or regex.not_dates}


def article_sentences() -> list[str]:
    texts = []
    for path in sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/fixtures/articles/*.txt")]):
        document = read_bytes(path.read_bytes(), path.name)
        texts += [document.text[s.char_start:s.char_end] for s in segment(document)
                  if s.kind == "prose"]
    return texts


# Sentences with dates of every form, lists of years and counts that are dates: where the shape
# matches more than a date and the exact regex must search again.
DATED_SENTENCES = [
    "In 2011, 2012, the KIO moved its headquarters from Pajau to Laiza.",
    "The group was founded in 1990, 1991 by Ko Ko and Aung Aung.",
    "On 10 April 2009 (2009-04-10) – the present, the AA fought the Tatmadaw in Rakhine State.",
    "The ceasefire lasted for 17 years until June 2011, when the Tatmadaw resumed operations.",
    "In the mid-1960s through 1994, the KNU had seventeen years until 2011 and 30,000 troops.",
    "By 1960 the dissent had grown; in 1948–50 it split from the Sample Front in 1951.",
    "In a December 2021 interview, Twan Mrat Naing claimed that the AA had 30,000 troops.",
    "The UWSA was formed after the collapse of the Communist Party of Burma (CPB) in 1989, 1990.",
    "Between 1962 and 1988 the group fought the army, and in 2013 signed a peace deal.",
    "In 1960 two Kachin dissidents, Zau Seng and Zau Tu, founded the KIO with 27 members.",
]


def readings(matches) -> list[tuple]:
    """What a rule reads from its matches: spans and its own groups (not the date checks')."""
    return [(m.span(), {k: v for k, v in m.groupdict().items() if not k.startswith("_")})
            for m in matches]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return article_sentences() + DATED_SENTENCES


@pytest.mark.parametrize("rule_id", sorted(DATED))
def test_shaped_rule_reads_what_the_exact_rule_reads(rule_id, texts):
    regex = DATED[rule_id]
    exact = re.compile(regex.exact)
    for text in texts:
        assert readings(regex.finditer(text)) == readings(exact.finditer(text)), text
        for match in exact.finditer(text):
            evidence = match.group()
            assert readings([regex.fullmatch(evidence)]) == readings([exact.fullmatch(evidence)])


def test_a_match_that_is_no_date_is_searched_again_exactly():
    regex = RULES["events/founded-on-date"]
    text = "The group was founded in 1990, 1991"
    assert regex.shaped.search(text)["date"] == "1990, 1991"
    assert [m["date"] for m in regex.finditer(text)] == ["1990"]


def unchecked_groups(items, guarded: bool = False):
    """The groups of a parsed pattern that stand where a match does not tell what they matched:
    in a repetition, a negative lookaround, a lookbehind or an atomic group."""
    for op, value in items:
        if op is sre.SUBPATTERN:
            yield from [value[0]] if guarded else []
            yield from unchecked_groups(value[3], guarded)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, sub = value
            yield from unchecked_groups(sub, guarded or high > 1 or op is sre.POSSESSIVE_REPEAT)
        elif op is sre.BRANCH:
            for alternative in value[1]:
                yield from unchecked_groups(alternative, guarded)
        elif op is sre.ATOMIC_GROUP:
            yield from unchecked_groups(value, True)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from unchecked_groups(value[1], guarded or op is sre.ASSERT_NOT or value[0] < 0)
        elif op is sre.GROUPREF_EXISTS:
            for branch in value[1:]:
                yield from unchecked_groups(branch or [], guarded)


@pytest.mark.parametrize("rule_id", sorted(DATED))
def test_dates_stand_where_a_match_can_be_checked(rule_id):
    regex = DATED[rule_id]
    parsed = sre_parse.parse(regex.shaped.pattern)
    checks = {regex.shaped.groupindex[g] for g in regex.dates + regex.not_dates}
    assert not checks & set(unchecked_groups(parsed))
    assert parsed.getwidth()[0] > 0  # no empty match, so finditer can hand over to the exact one


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_a_rule_matches_only_where_its_family_picks_it(rule_id, texts):
    """The prefilter never leaves out a rule that matches: each match's own text picks it."""
    regex, rules = RULES[rule_id], RULESETS[rule_id]
    index = list(rules.rules).index(rule_id)
    for text in texts:
        for match in regex.finditer(text):
            assert index in rules.prefilter.candidates(folded(match.group())), (
                rule_id, match.group())


def test_preparing_again_reads_the_sample_article_no_more(monkeypatch):
    """A build sets the rules up here, then prepares its forked workers with the same call:
    the second call compiles what is new but extracts from the sample article no more."""
    import pipeline.extract as extraction

    extraction.prepare()
    monkeypatch.setattr(extraction, "extract", lambda *args: pytest.fail("read the sample"))
    extraction.prepare()

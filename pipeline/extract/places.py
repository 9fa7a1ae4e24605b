"""Places and resources family: headquarters over time, places controlled or acted in,
resources extracted or taxed, funding sources, trade partners.

Rules are data in `pipeline/rules/places.yaml`, read by the pattern engine (patterns.py) the
way the relations family reads its own (a date qualifier may name a list of groups: see
relations.py), with this family's macros added: those in the file's `macros:`, and
{PLACES_RESOURCE}, one word of the resource vocabulary in `pipeline/rules/resources.yaml` (kept
there as a plain list, so that adding a resource is not a regex edit).

After the engine has read a claim, this module reads its value's items, because a value as
written is often several values:

- a place list is one place per item, and a plural region word belongs to every item: "Chin
  and Shan States" is Chin State (quote "Chin") and Shan State (quote "Shan States");
  `if_region: P` in a claim spec claims a region or country as P instead ("based in Rakhine
  State" is where it operates, "based in Mae Sot" where its headquarters are), and
  `if_country: P` a country only (one of ISO 3166 or CLDR: "a political party in South
  Africa" is its country, "a university in Canberra" its location);
- a resource list is one resource per vocabulary word, by its canonical name ("rare-earth
  elements" -> rare earths);
- a list of funding sources is one source per funding phrase (words ending in a `funding_heads`
  word), read outside asides between dashes or in parentheses, which name examples, not sources.

`find` and `rederive` read the same way, so each value re-derives from its evidence alone.
"""

import re
from dataclasses import replace
from functools import cache

from pipeline import rulebook
from pipeline.extract import patterns
from pipeline.extract.engine import Rule, RuleSet
from pipeline.extract.model import Draft, Reading, Skip
from pipeline.normalise.codes import is_country, states_and_countries, territory_kind
from pipeline.normalise.lists import is_region
from pipeline.normalise.names import clean_name, trim_span
from pipeline.spans import pieces

FAMILY = "places"
# Asides that give examples inside a list of sources: "extraction—including jade, gold—and".
ASIDE = re.compile(r"—[^—]*—|\([^()]*\)")
MASK = "|"  # stands in for an aside's characters: no word, no space, so no phrase crosses it


@cache
def _config() -> dict:
    return rulebook.load(FAMILY)


def _form_key(form: str) -> str:
    return " ".join(form.lower().replace("-", " ").split())


@cache
def resource_names() -> dict[str, str]:
    """Each written form of a resource (lower case, single spaces) -> its canonical name."""
    vocabulary = rulebook.load("resources")["resources"]
    return {_form_key(form): name for name, forms in vocabulary.items() for form in forms}


def _form_pattern(form: str) -> str:
    words = re.split(r"[ -]", form)
    first = f"[{form[0].upper()}{form[0]}]"
    return first + r"[\s-]".join([re.escape(words[0][1:]), *map(re.escape, words[1:])])


@cache
def family_macros() -> dict[str, str]:
    forms = sorted(resource_names(), key=len, reverse=True)
    resource = r"\b(?:" + "|".join(_form_pattern(f) for f in forms) + r")\b"
    return {"PLACES_RESOURCE": resource}


@cache
def _resource_regex() -> re.Pattern:
    return re.compile(family_macros()["PLACES_RESOURCE"])


@cache
def _funding_regex() -> re.Pattern:
    """A funding phrase: up to three words (an "of" may follow each), then a funding word."""
    stop = "|".join(map(re.escape, _config()["funding_stop_words"]))
    heads = "|".join(map(re.escape, _config()["funding_heads"]))
    word = rf"(?!(?:{stop})\b)(?![\w-]*ing\b)[\w-]+"
    return re.compile(rf"(?<![\w-])(?:{word}\s+(?:of\s+)?){{0,3}}(?:{heads})\b")


@cache
def _plurals() -> dict[str, str]:
    """Plural region words and their singular: States -> State, Counties -> County."""
    return {(s[:-1] + "ies" if s.endswith("y") else s + "s"): s
            for s in _config()["region_suffixes"]}


def with_region_word(name: str, plural: str, singular: str) -> str:
    """"Shan States" -> "Shan State"; "Chin" -> "Chin State"; "Chin State" stays."""
    if name.endswith(" " + plural):
        return name[:-len(plural)] + singular
    return name if name.endswith(" " + singular) else f"{name} {singular}"


def property_for(name: str, draft: Draft, spec: dict) -> str:
    """The property a place is claimed as: the spec's `if_region` or `if_country` property
    where the place is one, else the draft's own."""
    if spec.get("if_region") and is_region(name):
        return spec["if_region"]
    if spec.get("if_country") and is_country(name):
        return spec["if_country"]
    return draft.property


@cache
def _larger_after() -> re.Pattern:
    """A place with its state, province or country after it and no comma ("Tulsa Oklahoma",
    "Austin TX", "Wimbach Germany": codes.states_and_countries), or a city "of" its province
    ("Taizhou City of Zhejiang Province")."""
    states = sorted(states_and_countries(tuple(_config()["states_of"])), key=len, reverse=True)
    regions = "|".join(_config()["region_suffixes"])
    return re.compile(rf"(?P<place>.*\S)\s+(?:{'|'.join(map(re.escape, states))})"
                      rf"|(?P<city>.*\s(?:City|Town|Village))\s+of\s+.*\s(?:{regions})")


def without_larger(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the place alone where its larger place is written after it (see
    `_larger_after`); a word that starts place names keeps the two one name ("Port
    Washington", "West Virginia", "Township of Washington"), and so does a name that is a
    country's or a territory's whole ("Equatorial Guinea", "Northern Ireland")."""
    match = _larger_after().fullmatch(text, start, end)
    last = match["place"].split()[-1] if match and match["place"] else ""
    if match is None or last in _config()["place_prefixes"] or last.islower() or \
            territory_kind(text[start:end]):
        return start, end
    return start, match.end("place") if match["place"] else match.end("city")


def place_drafts(draft: Draft, evidence: str, spec: dict) -> list[Draft]:
    """One draft per place of a list, without a larger place written after it; a plural region
    word ending the list belongs to each."""
    spans = [without_larger(evidence, *trim_span(evidence, a, b))
             for a, b in pieces(evidence, draft.start, draft.end, patterns.LIST_SEPARATOR)]
    names = [clean_name(evidence[a:b]) for a, b in spans]
    plural = names[-1].rsplit(" ", 1)[-1]
    if len(names) > 1 and plural in _plurals():
        names = [with_region_word(n, plural, _plurals()[plural]) for n in names]
    drafts = []
    for (start, end), name in zip(spans, names, strict=True):
        drafts.append(replace(draft, property=property_for(name, draft, spec), value=name,
                              start=start, end=end))
    return drafts


def resource_drafts(draft: Draft, evidence: str) -> list[Draft]:
    """One draft per resource word, named by its canonical name."""
    return [replace(draft, value=resource_names()[_form_key(m.group())], start=m.start(),
                    end=m.end())
            for m in _resource_regex().finditer(evidence, draft.start, draft.end)]


def funding_reading(draft: Draft, evidence: str) -> Reading:
    """One draft per funding phrase outside asides; a skip if there is none."""
    masked = ASIDE.sub(lambda m: MASK * len(m.group()), evidence)
    drafts = tuple(replace(draft, value=clean_name(m.group()), start=m.start(), end=m.end())
                   for m in _funding_regex().finditer(masked, draft.start, draft.end))
    if drafts:
        return Reading(drafts)
    return Reading(skips=(Skip(draft.start, draft.end,
                               "no funding phrase (a phrase ending in a word of funding_heads "
                               "in pipeline/rules/places.yaml)"),))


def read_items(draft: Draft, evidence: str, spec: dict) -> Reading:
    """The drafts a draft's value stands for (see the module docstring)."""
    if draft.object_type == "place":
        return Reading(tuple(place_drafts(draft, evidence, spec)))
    if draft.object_type == "resource":
        return Reading(tuple(resource_drafts(draft, evidence)))
    if draft.property == "funding_source":
        return funding_reading(draft, evidence)
    start, end = trim_span(evidence, draft.start, draft.end)
    return Reading((replace(draft, start=start, end=end),))


def read_match(rule: Rule, match: re.Match) -> Reading:
    """Every claim of the rule from one match; offsets relative to the match (the evidence)."""
    evidence = match.group()
    drafts, skips = [], []
    for spec in rule.claims:
        reading = patterns.read_claim(match, spec, match.start(), definite=True)
        skips += reading.skips
        for draft in reading.drafts:
            items = read_items(draft, evidence, spec)
            drafts += items.drafts
            skips += items.skips
    return Reading(tuple(drafts), tuple(skips))


RULES = RuleSet(FAMILY, read_match, family_macros)
find, rederive = RULES.find, RULES.rederive

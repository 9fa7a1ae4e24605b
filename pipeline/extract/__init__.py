"""Stage 3, extract: rules read candidate facts from the sentences, one module per fact family.

Each family module has `find(document, sentences) -> list[Found]` (where its evidence is, and
what it read there) and `rederive(rule_id, evidence) -> Reading` (what the rule reads from that
evidence alone), so that the validator can re-derive every published value from its text.
"""

from dataclasses import replace
from functools import cache, lru_cache

from pipeline import rulebook
from pipeline.extract import (
    definitions,
    events,
    gates,
    infobox,
    names,
    offerings,
    patterns,
    people,
    places,
    quantities,
    relations,
)
from pipeline.extract.engine import scopes
from pipeline.extract.model import Found, Reading, Skip
from pipeline.read import read_bytes
from pipeline.segment import segment

SAMPLE = b"""= Sample Front =

Sample Front
- Abbreviation: SF

The Sample Front (SF) is a group. In 1990, it was founded by Ko Ko.

== History ==
It fought the Sample Army in 1991.
"""

FAMILIES = {"infobox": infobox, "names": names, "events": events, "people": people,
            "relations": relations, "places": places, "quantities": quantities,
            "offerings": offerings, "definitions": definitions}
FAMILY_SEPARATOR = "/"


def extract(document, sentences) -> list[Found]:
    """Every family's findings in one document, each value through its gate (gates.py), in a
    stable order; none about the subject of an article on no organisation (`not_on_one`)."""
    spans = {s.sentence_id: (s.char_start, s.char_end) for s in sentences}
    found = [gated(f, document.text, spans[f.sentence_id]) for family in FAMILIES.values()
             for f in family.find(document, sentences)]
    if kind := not_on_one(document.title, document.text, sentences):
        found = [not_the_subjects(f, kind) for f in found]
    return sorted(found, key=lambda f: (f.evidence_start, f.evidence_end, f.rule_id,
                                        f.sentence_id))


def not_on_one(title: str, text: str, sentences) -> str | None:
    """What the article is on where that is no organisation: a list, a creative work, a person
    (definitions.not_an_organisation, from its title and lead); its subject's facts are no
    organisation's. The validator asks the same of each published document."""
    lead = [text[start:end] for _, start, end in scopes("lead", sentences)]
    return definitions.not_an_organisation(title, lead[0] if lead else "")


def not_the_subjects(found: Found, kind: str) -> Found:
    """The finding without its drafts about the article's own subject, each reported."""
    drafts = tuple(d for d in found.reading.drafts if d.subject is not None)
    skips = tuple(Skip(d.start, d.end, f"{d.property} {d.value!r}: the article is on {kind}, "
                       "not an organisation") for d in found.reading.drafts
                  if d.subject is None)
    return replace(found, reading=Reading(drafts, found.reading.skips + skips))


def gated(found: Found, text: str, sentence: tuple[int, int]) -> Found:
    """The finding with its values through their gates, which see the sentence around the
    evidence (one end of a range may lie outside it)."""
    start, end = min(sentence[0], found.evidence_start), max(sentence[1], found.evidence_end)
    return replace(found, reading=gates.gated(found.reading, text[start:end],
                                              found.evidence_start - start))


def prepare(compile_many=None, remember=None) -> None:
    """Compile every family's rules now, by reading a small sample article. Compiling the rules
    costs more than extracting from a small corpus; worker processes forked afterwards share
    the compiled rules instead of compiling their own, and validation needs them anyway.
    `compile_many` and `remember` are patterns.compile_all's (stores of compiled regexes and
    of the rules' needs): the families' rules are made first, so that reading the sample
    compiles none of them one by one."""
    for family in FAMILIES.values():
        if hasattr(family, "RULES"):
            family.RULES.rules  # noqa: B018 (made once and kept)
    patterns.compile_all(compile_many, remember)
    read_sample()
    patterns.compile_all(compile_many, remember)


@cache
def read_sample() -> None:
    """Extract from the sample article, once in a process: it makes the regexes a family makes
    as it reads (a build that has set up here then prepares its forked workers with the same
    call, and they inherit what the first made)."""
    document = read_bytes(SAMPLE, "sample.txt")
    extract(document, segment(document))


def family_of(rule_id: str) -> str:
    return rule_id.split(FAMILY_SEPARATOR, 1)[0]


@lru_cache(maxsize=4096)
def rederive(rule_id: str, evidence: str, context: str | None = None,
             offset: int = 0) -> Reading:
    """What the rule reads from the evidence text alone, through the gates, which see the
    `context` around it as when it was read (the sentence, the evidence at `offset` in it;
    see `gated`), else the evidence alone; unknown rules read nothing."""
    family = FAMILIES.get(family_of(rule_id))
    if family is None:
        return Reading()
    return gates.gated(family.rederive(rule_id, evidence),
                       evidence if context is None else context, offset)


def rule_rows() -> list[dict]:
    """Every rule, for the package's `rules` table: each claim's rule_id is one of its rows,
    with the file and line where the rule is written."""
    rows = infobox.rule_rows()
    for family in FAMILIES:
        if family == infobox.RULE_ID or "rules" not in rulebook.load(family):
            continue
        patterns = {spec["id"]: spec["pattern"] for spec in rulebook.load(family)["rules"]}
        rows += [{"rule_id": f"{family}{FAMILY_SEPARATOR}{entry.name}", "file": entry.file,
                  "line": entry.line, "sha256": entry.sha256,
                  "description": entry.comment or patterns[entry.name]}
                 for entry in rulebook.located(family, "rules")]
    return sorted(rows, key=lambda row: row["rule_id"])

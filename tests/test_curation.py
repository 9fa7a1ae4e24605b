"""A reviewer's decisions (seeds/<stem>.curation.yaml): applied, traced, and refused cleanly
when they no longer fit the article."""

import csv
import shutil
from pathlib import Path

import pytest

from pipeline.publish import publish
from pipeline.validate import validate_package
from tests.conftest import FIXTURES, quiet
from tests.test_validate import rewrite_table

ARTICLE = "northern-hills-front.txt"
CURATION = "northern-hills-front.curation.yaml"
VIEWS = ("organisations", "names", "roles", "events", "relations", "quantities")


def table(package: Path, name: str) -> list[dict]:
    with (package / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def claim(package: Path, property_id: str, value: str, **cells) -> dict:
    (found,) = [c for c in table(package, "claims") if c["property_id"] == property_id
                and c["value"] == value and all(c[k] == v for k, v in cells.items())]
    return found


@pytest.fixture(scope="module")
def uncurated(tmp_path_factory) -> Path:
    """The article published without a curation file: the claims a reviewer looks at."""
    seeds = tmp_path_factory.mktemp("uncurated") / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / ARTICLE, seeds / ARTICLE)
    publish(seeds, seeds.parent / "package", report=quiet)
    return seeds.parent / "package"


def decisions(uncurated: Path) -> str:
    ceasefire = claim(uncurated, "significant_event", "The ceasefire lasted")
    resumed = claim(uncurated, "significant_event", "fighting resumed")
    headquarters = claim(uncurated, "headquarters", "Mai Hka", rule_id="infobox/headquarters")
    history = next(s for s in table(uncurated, "sentences")
                   if s["text"].startswith("In 1974 three veterans"))
    return f"""\
reject:
  - claim: {ceasefire['claim_id']}
    reason: a duration, not an event
correct:
  - claim: {resumed['claim_id']}
    value: fighting resumed in the hills
    reason: the event needs its place
  - claim: {headquarters['claim_id']}
    qualifiers: {{start_time: "1998-05"}}
    reason: the move was in May 1998
add:
  - subject: NHLF
    property: founded_by
    value: Naw Mya
    quote: Naw Mya
    sentence: {history['sentence_id']}
    reason: a founder the rules missed
"""


@pytest.fixture(scope="module")
def curated(uncurated, tmp_path_factory) -> tuple[Path, Path]:
    seeds = tmp_path_factory.mktemp("curated") / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / ARTICLE, seeds / ARTICLE)
    (seeds / CURATION).write_text(decisions(uncurated), encoding="utf-8")
    publish(seeds, seeds.parent / "package", report=quiet)
    return seeds, seeds.parent / "package"


def test_a_rejected_claim_is_kept_deprecated_with_its_reason(uncurated, curated):
    _, package = curated
    rejected = claim(package, "significant_event", "The ceasefire lasted")
    assert rejected["claim_id"] == claim(uncurated, "significant_event",
                                         "The ceasefire lasted")["claim_id"]
    assert rejected["statement_rank"] == "deprecated"
    assert rejected["deprecation_reason"] == "a duration, not an event"
    assert rejected["rule_id"].startswith("events/")  # still the rule that read it


def test_a_rejected_claim_is_in_no_view(curated):
    _, package = curated
    rejected = claim(package, "significant_event", "The ceasefire lasted")["claim_id"]
    for view in VIEWS:
        for row in table(package, view):
            cited = {row.get("claim_id")} | {i for k, v in row.items() if k.endswith("_claims")
                                             for i in (v or "").split()}
            assert rejected not in cited, view


def test_a_corrected_value_keeps_id_span_and_extracted_value(uncurated, curated):
    _, package = curated
    before = claim(uncurated, "significant_event", "fighting resumed")
    after = claim(package, "significant_event", "fighting resumed in the hills")
    assert after["claim_id"] == before["claim_id"]
    assert (after["char_start"], after["char_end"]) == (before["char_start"], before["char_end"])
    assert after["extracted_value"] == "fighting resumed"
    assert after["rule_id"] == "curation/northern-hills-front.curation.yaml:5"
    rule = next(r for r in table(package, "rules") if r["rule_id"] == after["rule_id"])
    assert (rule["file"], rule["line"]) == ("seeds/northern-hills-front.curation.yaml", "5")
    assert after["claim_id"] in {e["claim_id"] for e in table(package, "events")}


def test_a_corrected_date_qualifier(uncurated, curated):
    _, package = curated
    moved = claim(package, "headquarters", "Mai Hka", start_time="1998-05")
    assert moved["claim_id"] == claim(uncurated, "headquarters", "Mai Hka",
                                      rule_id="infobox/headquarters")["claim_id"]
    assert moved["extracted_value"] == "Mai Hka" and moved["value"] == "Mai Hka"


def test_an_addition_whose_quote_occurs_twice_uses_its_sentence(curated):
    seeds, package = curated
    added = claim(package, "founded_by", "Naw Mya")
    sentence = next(s for s in table(package, "sentences")
                    if s["sentence_id"] == added["sentence_id"])
    assert sentence["text"].startswith("In 1974 three veterans")
    text = (seeds / ARTICLE).read_text(encoding="utf-8")
    assert text.count("Naw Mya") == 2
    assert text[int(added["char_start"]):int(added["char_end"])] == "Naw Mya"
    assert added["rule_id"] == "curation/northern-hills-front.curation.yaml:12"
    assert added["subject_id"] == "northern-hills-liberation-front"
    assert added["object_id"] == "naw-mya"


def test_the_curation_table_lists_every_entry(curated):
    _, package = curated
    rows = table(package, "curation")
    assert [(r["decision"], r["line"]) for r in rows] == [
        ("reject", "2"), ("correct", "5"), ("correct", "8"), ("add", "12")]
    assert rows[0]["reason"] == "a duration, not an event"
    assert rows[2]["qualifiers"] == '{"start_time": "1998-05"}'


def test_the_curated_package_is_valid(curated):
    _, package = curated
    assert validate_package(package) == []


def problems_after(package: Path, folder: Path, table_name: str, change) -> str:
    """The validator's report on a copy of the package with `change` made to one table."""
    copy = folder / "package"
    shutil.copytree(package, copy)
    rewrite_table(copy, table_name, change)
    return "\n".join(validate_package(copy, frictionless=False))


def change_corrected_claim(**cells):
    def change(rows):
        for row in rows:
            if row["value"] == "fighting resumed in the hills":
                row.update(cells)
    return change


def test_the_validator_checks_a_correction_against_its_entry(curated, tmp_path):
    _, package = curated
    problems = problems_after(package, tmp_path, "claims",
                              change_corrected_claim(value="fighting never resumed"))
    assert "is not the curation entry's 'fighting resumed in the hills'" in problems


def test_a_corrected_claims_extracted_value_still_re_derives_by_its_rule(curated, tmp_path):
    _, package = curated
    entry = next(e for e in table(package, "curation") if e["line"] == "5")
    assert entry["extracted_by"] == "events/date-when"
    problems = problems_after(package, tmp_path, "claims",
                              change_corrected_claim(extracted_value="fighting stopped"))
    assert ("extracted_value 'fighting stopped' does not re-derive from the evidence by rule "
            "events/date-when") in problems


def test_the_validator_refuses_a_deprecation_without_an_entry(curated, tmp_path):
    _, package = curated
    problems = problems_after(package, tmp_path, "curation", lambda rows: rows.pop(0))
    assert "are not what the curation table records" in problems


STALE = {
    "unknown claim": ("reject:\n  - claim: northern-hills-liberation-front:c-00000000\n"
                      "    reason: gone\n", 2, "no claim northern-hills-liberation-front:c-0000"),
    "quote not found": ("add:\n  - subject: NHLF\n    property: founded_by\n    value: Ko Tun\n"
                        "    quote: Ko Tunn\n    reason: typo\n", 2, "is not in"),
    "quote twice": ("add:\n  - subject: NHLF\n    property: founded_by\n    value: Naw Mya\n"
                    "    quote: Naw Mya\n    reason: twice\n", 2, "occurs 2 times"),
    "unknown property": ("add:\n  - subject: NHLF\n    property: founder_of\n    value: Ko Tun\n"
                         "    quote: Ko Tun\n    reason: x\n", 2, "unknown property"),
    "unknown subject": ("add:\n  - subject: Southern Front\n    property: founded_by\n"
                        "    value: Ko Tun\n    quote: Ko Tun\n    reason: x\n", 2,
                        "unknown subject"),
    "value of the wrong type": ("add:\n  - subject: NHLF\n    property: inception\n"
                                "    value: sometime\n    quote: Founded in 1975\n"
                                "    reason: x\n", 2, "is not a edtf"),
    "bad date qualifier": ("add:\n  - subject: NHLF\n    property: founded_by\n"
                           "    value: Ko Tun\n    quote: Ko Tun\n"
                           "    qualifiers: {point_in_time: soon}\n    reason: x\n", 2,
                           "qualifier point_in_time"),
    "value its gate refuses": ("add:\n  - subject: NHLF\n    property: founded_by\n"
                               "    value: Vacant\n    quote: Ko Tun\n    reason: x\n", 2,
                               "'Vacant' is a placeholder, not a person"),
    "YAML": ("reject:\n  - claim: [unclosed\n", 3, "not YAML"),
    "schema": ("reject:\n  - claim: northern-hills-liberation-front:c-00000000\n"
               "    reasn: misspelt\n", 2, "'reasn' was unexpected"),
}


@pytest.mark.parametrize("case", sorted(STALE))
def test_a_stale_entry_stops_the_publish_and_keeps_the_package(case, built_package, tmp_path,
                                                               cli):
    text, line, words = STALE[case]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / ARTICLE, seeds / ARTICLE)
    (seeds / CURATION).write_text(text, encoding="utf-8")
    out = tmp_path / "package"
    shutil.copytree(built_package, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result = cli("publish", "--seeds", seeds, "--out", out, "--no-cache")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: seeds/{CURATION}:{line}: "), result.stderr
    assert words in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_curation_file_without_its_article(tmp_path, cli):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / ARTICLE, seeds / ARTICLE)
    (seeds / "elsewhere.curation.yaml").write_text("reject: []\n", encoding="utf-8")
    result = cli("publish", "--seeds", seeds, "--out", tmp_path / "package", "--no-cache")
    assert result.returncode == 2
    assert result.stderr.startswith("error: seeds/elsewhere.curation.yaml: curates no article")


def test_only_the_curated_article_is_rebuilt(tmp_path):
    from pipeline import publish as publishing
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES, seeds)
    cache, out = tmp_path / "cache", tmp_path / "package"
    publishing.publish(seeds, out, report=quiet, cache_folder=cache)
    (seeds / CURATION).write_text("reject: []\n", encoding="utf-8")
    jobs, curations = publishing.plan(seeds, cache, publishing.Limits())
    fresh = [job.source for job in jobs
             if not publishing.ArticleCache(cache).holds(job.key)]
    assert fresh == [f"seeds/{ARTICLE}"] and len(curations) == 1
    assert publishing.publish(seeds, out, report=quiet, cache_folder=cache) is not None

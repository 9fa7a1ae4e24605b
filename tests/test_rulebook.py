"""Rule files are data checked at load, and every rule can be found from the claims it made."""

import csv
import shutil

import pytest

from pipeline import rulebook
from pipeline.errors import InputError


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    """A copy of pipeline/rules/ that a test may break; the loader reads it instead."""
    folder = tmp_path / "rules"
    shutil.copytree(rulebook.RULES_DIR, folder)
    monkeypatch.setattr(rulebook, "RULES_DIR", folder)
    for cached in (rulebook.load, rulebook._lines, rulebook.properties, rulebook.located):
        cached.cache_clear()
    yield folder
    for cached in (rulebook.load, rulebook._lines, rulebook.properties, rulebook.located):
        cached.cache_clear()


def replace_once(path, old, new) -> int:
    """Replace the first `old` in the file; the 1-based line it was on."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    return text.count("\n", 0, index) + 1


def test_a_typo_in_a_prose_rule_names_its_file_and_line(rules_copy):
    line = replace_once(rules_copy / "relations.yaml", "{property: ", "{propery: ")
    with pytest.raises(InputError) as error:
        rulebook.load("relations")
    assert str(error.value).startswith(f"pipeline/rules/relations.yaml:{line}: ")
    assert "propery" in str(error.value)


def test_an_unknown_way_to_read_an_infobox_key_names_its_line(rules_copy):
    line = replace_once(rules_copy / "infobox.yaml", "read: places}", "read: placse}")
    with pytest.raises(InputError) as error:
        rulebook.load("infobox")
    assert f"infobox.yaml:{line}:" in str(error.value)


def test_a_property_listed_twice_is_an_error(rules_copy):
    path = rules_copy / "properties.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: inception\n  label: again\n"
                    "  description: twice\n  value_type: edtf\n  wikidata: P571\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="'inception' is listed twice"):
        rulebook.properties()


def test_each_rule_row_points_at_the_line_where_its_rule_is_written():
    from pipeline.extract import rule_rows

    rows = rule_rows()
    assert len({row["rule_id"] for row in rows}) == len(rows)
    for row in rows:
        line = (rulebook.RULES_DIR.parent.parent / row["file"]).read_text(
            encoding="utf-8").splitlines()[row["line"] - 1]
        name = row["rule_id"].split("/")[-1]
        assert name in line or line.split(":")[0].strip() in ("offices", "keys", "template_keys")


def test_every_published_claim_names_a_rule_of_the_rules_table(built_package):
    def read(table):
        with open(built_package / "data" / f"{table}.csv", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    rules = {row["rule_id"]: row for row in read("rules")}
    claims = read("claims")
    assert claims and all(claim["rule_id"] in rules for claim in claims)
    assert any(claim["rule_id"].startswith("infobox/") and claim["rule_id"] != "infobox/unmapped"
               for claim in claims)


def test_a_word_macro_is_its_vocabulary_list_less_the_named_parts():
    def words(file: str, macro: str) -> list[str]:
        return rulebook.load(file)["macros"][macro].replace("\\", "").split("|")
    kinds, heads = words("prose", "KINDS"), words("definitions", "DEFINITIONS_HEAD")
    assert set(heads) == set(rulebook.words("organisation_kinds"))
    assert set(kinds) == set(heads) - set(rulebook.words("state_bodies"))
    assert kinds.index("organisation") < kinds.index("union")  # longest first


def test_a_word_list_may_be_read_in_the_rule_file_that_owns_it():
    owned = rulebook.load("names")["entity_heads"]["organisation"]
    assert rulebook.words("names/entity_heads/organisation") == tuple(owned)
    assert "Front" in rulebook.load("prose")["macros"]["ORGANISATION_HEADS"].split("|")


def test_one_list_of_office_titles_serves_prose_roles_and_infobox_offices():
    """vocabulary.yaml office_titles is the one list; each reader leaves out only what its own
    file names (people.yaml roles and other_offices, infobox.yaml offices)."""
    from pipeline.normalise.names import office, role_titles

    titles = rulebook.words("office_titles")
    assert set(role_titles()) < set(titles)
    assert all(office().fullmatch(t) or t in role_titles() for t in titles)
    assert "chief executive officer" in role_titles()
    assert office().fullmatch("Chief Executive Officers")
    assert "prime minister" not in role_titles() and office().fullmatch("Deputy Prime Minister")
    assert "founder" in role_titles() and not office().fullmatch("Founder")
    assert office().fullmatch("Assistant Gen.Sec") and office().fullmatch("Vice-Chairpeople")

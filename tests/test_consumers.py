"""What a package offers the tools people open it with: each JSON file's own JSON Schema (for
check-jsonschema and any other validator), Datasette's metadata, and spreadsheet warnings
that mean something."""

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from pipeline.datasette_metadata import canned_queries, datasette_metadata
from pipeline.package import (
    fragment_warnings,
    make_fragments,
    runs_in_a_spreadsheet,
    spreadsheet_warnings,
)
from pipeline.schemas import json_file_schema, json_schema
from pipeline.validate import validate_package

REPO = Path(__file__).resolve().parent.parent
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def descriptor_of(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def test_every_json_file_passes_the_json_schema_published_beside_it(built_package):
    for resource in descriptor_of(built_package)["resources"]:
        table = resource["name"]
        schema = json.loads((built_package / "json" / f"{table}.schema.json").read_text())
        assert schema == json_file_schema(table)
        Draft202012Validator.check_schema(schema)
        rows = json.loads((built_package / "json" / f"{table}.json").read_text())
        assert not list(Draft202012Validator(schema).iter_errors(rows)), table


def test_a_json_file_schema_is_the_row_schema_for_each_item(built_package):
    schema = json_file_schema("claims")
    assert schema["type"] == "array" and schema["items"] == {"$ref": "#/$defs/claims"}
    row = {k: v for k, v in json_schema("claims").items() if k != "$schema"}
    assert schema["$defs"]["claims"] == row
    rows = json.loads((built_package / "json" / "claims.json").read_text())
    rows[0]["char_start"] = "seven"
    del rows[-1]["quote"]
    messages = [e.message for e in Draft202012Validator(schema).iter_errors(rows)]
    assert len(messages) == 2 and any("'quote' is a required property" in m for m in messages)


@pytest.mark.skipif(not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is not installed")
def test_check_jsonschema_checks_a_json_file_as_published(package_copy):
    json_dir = package_copy / "json"
    command = [str(CHECK_JSONSCHEMA), "--schemafile", str(json_dir / "claims.schema.json"),
               str(json_dir / "claims.json")]
    assert subprocess.run(command, capture_output=True).returncode == 0
    rows = json.loads((json_dir / "claims.json").read_text())
    rows[0]["value_type"] = 7
    (json_dir / "claims.json").write_text(json.dumps(rows))
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1 and "value_type" in result.stdout + result.stderr


def readme_queries() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Three questions", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```sql\n(.*?)\n```", section, re.DOTALL)


def test_the_canned_queries_are_the_readmes_three_questions_as_written():
    assert [query["sql"] for query in canned_queries()] == readme_queries()


def test_datasette_metadata_describes_every_table_and_column(built_package):
    descriptor = descriptor_of(built_package)
    metadata = json.loads((built_package / "metadata.json").read_text(encoding="utf-8"))
    assert metadata == datasette_metadata(descriptor)
    assert metadata["title"] == descriptor["title"]
    assert metadata["license"] == descriptor["licenses"][0]["title"]
    assert metadata["license_url"] == descriptor["licenses"][0]["path"]
    assert metadata["source"].startswith("Wikipedia contributors")
    database = metadata["databases"]["datapackage"]
    assert list(database["tables"]) == [r["name"] for r in descriptor["resources"]]
    for resource in descriptor["resources"]:
        table = database["tables"][resource["name"]]
        assert table["description"] == resource["description"]
        assert table["columns"] == {field["name"]: field["description"]
                                    for field in resource["schema"]["fields"]}
    assert database["tables"]["entities"]["label_column"] == "label"
    assert {q["title"] for q in database["queries"].values()} == {
        q["title"] for q in canned_queries()}


def test_the_canned_queries_run_on_the_database(built_package):
    metadata = json.loads((built_package / "metadata.json").read_text(encoding="utf-8"))
    connection = sqlite3.connect(f"file:{built_package / 'datapackage.sqlite'}?mode=ro", uri=True)
    try:
        for query in metadata["databases"]["datapackage"]["queries"].values():
            connection.execute(query["sql"]).fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("path", ["metadata.json", "json/claims.schema.json"])
def test_a_generated_file_that_was_edited_is_a_problem(package_copy, path):
    file = package_copy / path
    file.write_text(file.read_text().replace('"description": "', '"description": "Edited. ', 1))
    problems = validate_package(package_copy, frictionless=False)
    assert any(p.startswith(f"{path}: not the file generated") for p in problems), problems


def test_a_missing_generated_file_is_a_problem(package_copy):
    (package_copy / "metadata.json").unlink()
    problems = validate_package(package_copy, frictionless=False)
    assert any(p.startswith("metadata.json: cannot be read") for p in problems), problems


@pytest.mark.parametrize("value, runs", [
    ("=HYPERLINK(\"x\")", True), ("@risk", True), ("+44 20 7946 0000", True),
    ("-0500-03", True), ("\t=1+1", True), ("- Key: Value", True),
    ("-5", False), ("+1.5e3", False), ("-", False), ("Laiza", False), ("a=b", False), ("", False),
])
def test_a_value_runs_in_a_spreadsheet_when_it_is_a_formula_not_a_number(value, runs):
    assert runs_in_a_spreadsheet(value) is runs


def test_the_articles_text_as_written_is_not_warned_about_but_a_formula_value_is():
    tables = {
        "documents": [{"document_id": "d", "title": "T", "source": "s/d.txt", "sha256": "0",
                       "characters": 9, "text": "= T =\n\nx"}],
        "sentences": [{"sentence_id": "d:sen-1", "document_id": "d", "section_id": "d:sec-1",
                       "ordinal": 1, "kind": "infobox", "line": 3, "char_start": 0,
                       "char_end": 5, "text": "- Motto: =1+1"}],
        "names": [{"claim_id": "d:c-1", "entity_id": "e", "name": "-12", "kind": "alias",
                   "language": None, "script": None, "valid_from": None, "valid_to": None,
                   "status": None, "sentence_id": "d:sen-1"},
                  {"claim_id": "d:c-2", "entity_id": "e", "name": "=1+1", "kind": "alias",
                   "language": None, "script": None, "valid_from": None, "valid_to": None,
                   "status": None, "sentence_id": "d:sen-1"}],
    }
    warnings = spreadsheet_warnings(tables)
    assert warnings == ["data/names.csv column name: 1 value(s) a spreadsheet would run as a "
                        "formula (first in data row 2: '=1+1'); import the column as text"]


def alias(document: str, number: int, name: str) -> dict:
    return {"claim_id": f"{document}:c-{number}", "entity_id": "e", "name": name,
            "kind": "alias", "language": None, "script": None, "valid_from": None,
            "valid_to": None, "status": None, "sentence_id": f"{document}:sen-1"}


def test_the_warnings_kept_with_each_run_of_rows_are_those_of_the_whole_table():
    """A rebuild takes the formula-like cells of the runs it has met from their fragments:
    counted over every run, the first numbered by its row in the whole table."""
    tables = {"names": [alias("a", 1, "Laiza"), alias("a", 2, "-12"), alias("b", 1, "@x"),
                        alias("b", 2, "Mai Ja Yang"), alias("c", 1, "=1+1")]}
    fragments = make_fragments(tables)
    assert [fragment.formulas for fragment in fragments["names"]] == [
        (), (("name", 1, 0, "@x"),), (("name", 1, 0, "=1+1"),)]
    assert fragment_warnings(["names"], fragments) == spreadsheet_warnings(tables) == [
        "data/names.csv column name: 2 value(s) a spreadsheet would run as a formula (first "
        "in data row 3: '@x'); import the column as text"]


def test_runs_of_rows_without_formulas_warn_of_nothing():
    tables = {"names": [alias("a", 1, "-12"), alias("b", 1, "+1.5")]}
    assert fragment_warnings(["names"], make_fragments(tables)) == []


def test_publishing_the_seed_prints_no_warning(tmp_path, cli):
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    assert (seeds / "kachin-independence-organisation.txt").read_text().startswith("=")
    result = cli("publish", "--seeds", seeds, "--out", tmp_path / "p", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(f"published {tmp_path / 'p'}: ")

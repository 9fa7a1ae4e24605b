"""Views, JSON, SQLite and the data dictionary: derived from the claims, and checked."""

import json
import sqlite3

from test_validate import problems_mentioning, rewrite_table

from pipeline.derive import VIEWS
from pipeline.formats import DATABASE
from pipeline.manifest import write_manifest
from pipeline.package import read_table
from pipeline.rows import row_problems
from pipeline.schemas import columns


def test_every_view_row_cites_existing_claims_and_sentences(built_package):
    claims = {c["claim_id"]: c for c in read_table(built_package, "claims")}
    for view in VIEWS:
        for row in read_table(built_package, view):
            cited = (row.get("claim_id") or "").split() + [
                i for name, value in row.items() if name.endswith("_claims") and value
                for i in value.split()]
            assert all(claim_id in claims for claim_id in cited), (view, row)
            assert row["sentence_id"]


def test_profile_of_an_organisation(built_package):
    rows = {r["organisation_id"]: r for r in read_table(built_package, "organisations")}
    profile = rows["northern-hills-liberation-front"]
    assert profile["abbreviation"] == "NHLF"
    assert profile["colour"] == "#1a2b3c"
    assert profile["headquarters"] == "Mai Hka | Loi Sam"
    assert len(profile["headquarters_claims"].split()) >= 2


def test_roles_from_a_numbered_infobox_pair(built_package):
    roles = [(r["person"], r["role"]) for r in read_table(built_package, "roles")]
    assert ("Naw Mya", "vice chairman") in roles and ("Ko Tun", "vice chairman") in roles


def test_timeline_is_sorted_with_bounds(built_package):
    events = read_table(built_package, "events")
    assert events, "the fixture has dated facts"
    keys = [(e["earliest"] or "") for e in events]
    assert keys == sorted(keys)
    for event in events:
        assert event["precision"] in {"day", "month", "year", "decade", "century"}


def test_a_view_value_that_its_claim_does_not_state(package_copy):
    def change(rows):
        rows[0]["colour"] = "#ffffff"
    rewrite_table(package_copy, "organisations", change)
    problems_mentioning(package_copy, "organisations.csv", "not what the cited claims state")


def test_json_rows_validate_against_the_json_schemas(built_package):
    for view in ("documents", "claims", *VIEWS):
        objects = json.loads((built_package / "json" / f"{view}.json").read_text())
        assert objects == read_table(built_package, view)
        assert row_problems(view, objects) == []
        assert all(list(o) == columns(view) for o in objects)


def test_sqlite_has_keys_and_answers_queries(built_package):
    connection = sqlite3.connect(built_package / DATABASE)
    connection.execute("PRAGMA foreign_keys = ON")
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    (count,) = connection.execute("SELECT count(*) FROM claims").fetchone()
    assert count == len(read_table(built_package, "claims"))
    row = connection.execute(
        "SELECT c.quote, s.text FROM claims c JOIN sentences s USING (sentence_id) "
        "WHERE c.property_id = 'colour'").fetchone()
    assert row[0] in row[1]
    sql = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
    assert "PRIMARY KEY (claim_id)" in sql and 'REFERENCES "entities"' in sql


def test_sqlite_with_a_broken_foreign_key_is_caught(package_copy):
    connection = sqlite3.connect(package_copy / DATABASE)
    connection.execute("UPDATE claims SET subject_id = 'nobody' WHERE rowid = 1")
    connection.commit()
    connection.close()
    write_manifest(package_copy)  # the database as changed, so that only the key is wrong
    problems_mentioning(package_copy, DATABASE, "foreign key")


def test_data_dictionary_documents_every_column(built_package):
    text = (built_package / "README.md").read_text()
    descriptor = json.loads((built_package / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        assert f"### {resource['name']}" in text
        for field in resource["schema"]["fields"]:
            assert f"`{field['name']}`" in text
    assert "CC-BY-SA-4.0" in text and "sha256" in text

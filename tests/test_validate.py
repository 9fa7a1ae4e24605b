"""The validator must catch every kind of corruption: each test breaks one thing in a copy."""

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from pipeline.manifest import write_manifest
from pipeline.validate import validate_package


def rewrite_table(package: Path, table: str, change) -> None:
    """Apply `change(rows)` to a table and re-hash it, so only the change itself is wrong."""
    path = package / "data" / f"{table}.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    header = list(rows[0])
    change(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    content = buffer.getvalue().encode("utf-8")
    path.write_bytes(content)
    edit_descriptor(package, lambda d: rehash(d, table, content))


def rehash(descriptor: dict, table: str, content: bytes) -> None:
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    resource["bytes"] = len(content)
    resource["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()


def edit_descriptor(package: Path, change) -> None:
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    write_manifest(package)  # the files as changed, so that only the change itself is wrong


def problems_mentioning(package: Path, *words: str) -> list[str]:
    """The pipeline's own checks catch the corruption alone, and with frictionless too."""
    for problems in (validate_package(package, frictionless=False), validate_package(package)):
        assert problems, "the validator found nothing wrong"
        joined = "\n".join(problems)
        for word in words:
            assert word in joined, joined
    return problems


def set_cell(table_rows: list[dict], index: int, field: str, value: str) -> None:
    table_rows[index][field] = value


def test_sentence_text_that_is_not_the_document_slice(package_copy):
    rewrite_table(package_copy, "sentences", lambda r: set_cell(r, 5, "text", "Invented."))
    problems_mentioning(package_copy, "sentences.csv:7", "does not equal the document text")


def test_sentence_span_outside_its_section(package_copy):
    def move(rows):
        same_document = [r for r in rows if r["document_id"] == rows[0]["document_id"]]
        rows[0]["section_id"] = same_document[-1]["section_id"]
    rewrite_table(package_copy, "sentences", move)
    problems_mentioning(package_copy, "sentences.csv:2", "not inside its container")


def test_span_past_the_end_of_the_document(package_copy):
    rewrite_table(package_copy, "sentences", lambda r: set_cell(r, 0, "char_end", "999999"))
    problems_mentioning(package_copy, "sentences.csv:2")


def test_broken_foreign_key(package_copy):
    rewrite_table(package_copy, "sentences",
                  lambda r: set_cell(r, 3, "section_id", "nowhere:sec-99"))
    problems_mentioning(package_copy, "foreign key")


def test_duplicate_primary_key(package_copy):
    rewrite_table(package_copy, "sentences",
                  lambda r: set_cell(r, 1, "sentence_id", r[0]["sentence_id"]))
    problems_mentioning(package_copy, "primary key")


def test_value_outside_the_schema(package_copy):
    rewrite_table(package_copy, "sentences", lambda r: set_cell(r, 2, "kind", "poem"))
    problems_mentioning(package_copy, "sentences", "poem")


def test_wrong_character_count(package_copy):
    rewrite_table(package_copy, "documents", lambda r: set_cell(r, 0, "characters", "3"))
    problems_mentioning(package_copy, "documents.csv:2 field characters")


def test_file_changed_without_its_hash(package_copy):
    path = package_copy / "data" / "sections.csv"
    path.write_bytes(path.read_bytes().replace(b"History", b"Histor"))
    problems_mentioning(package_copy, "hash")


def test_renamed_column(package_copy):
    path = package_copy / "data" / "sections.csv"
    content = path.read_bytes().replace(b"section_id", b"section", 1)
    path.write_bytes(content)
    edit_descriptor(package_copy, lambda d: rehash(d, "sections", content))
    problems_mentioning(package_copy, "sections")


def test_table_that_is_not_utf8(package_copy):
    path = package_copy / "data" / "sections.csv"
    content = path.read_bytes() + b"\xff\xfe broken\n"
    path.write_bytes(content)
    edit_descriptor(package_copy, lambda d: rehash(d, "sections", content))
    problems_mentioning(package_copy, "sections")


def test_misspelt_descriptor_key(package_copy):
    edit_descriptor(package_copy, lambda d: d.update(licences=d["licenses"]))
    problems_mentioning(package_copy, "unknown key 'licences'")


def test_table_schema_edited_by_hand(package_copy):
    def edit(descriptor):
        descriptor["resources"][0]["schema"]["fields"][0]["description"] = "changed"
    edit_descriptor(package_copy, edit)
    problems_mentioning(package_copy, "not the one generated")


def test_descriptor_that_breaks_the_profile(package_copy):
    edit_descriptor(package_copy, lambda d: d.update(resources="none"))
    problems_mentioning(package_copy, "resources")


def test_a_file_the_manifest_does_not_list(package_copy):
    (package_copy / "json" / "notes.txt").write_text("mine\n", encoding="utf-8")
    problems_mentioning(package_copy, "json/notes.txt: not listed in manifest.json")


def test_a_file_changed_since_the_manifest(package_copy):
    path = package_copy / "index.html"  # the review page: no descriptor hash covers it
    path.write_bytes(path.read_bytes().replace(b"<html", b"<html data-edited", 1))
    problems_mentioning(package_copy, "index.html: changed since it was published")


def test_a_file_the_manifest_lists_that_is_missing(package_copy):
    (package_copy / "CHANGELOG.md").unlink(missing_ok=True)
    (package_copy / "README.md").unlink()
    problems_mentioning(package_copy, "README.md: listed in manifest.json but missing")


def test_a_package_without_its_manifest(package_copy):
    (package_copy / "manifest.json").unlink()
    problems_mentioning(package_copy, "manifest.json: missing")


def test_missing_descriptor(tmp_path):
    assert "no datapackage.json" in validate_package(tmp_path)[0]


def claim_index(rows: list[dict], prop: str) -> int:
    return next(i for i, row in enumerate(rows) if row["property_id"] == prop)


def test_claim_quote_that_is_not_the_document_slice(package_copy):
    def change(rows):
        rows[claim_index(rows, "headquarters")]["quote"] = "Elsewhere"
    rewrite_table(package_copy, "claims", change)
    problems_mentioning(package_copy, "claims.csv", "quote does not equal the document text")


def test_claim_value_that_does_not_rederive(package_copy):
    def change(rows):
        rows[claim_index(rows, "colour")]["value"] = "#000000"
    rewrite_table(package_copy, "claims", change)
    problems_mentioning(package_copy, "claims.csv", "do not re-derive")


def test_claim_qualifier_that_does_not_rederive(package_copy):
    def change(rows):
        rows[claim_index(rows, "headquarters")]["start_time"] = "1999"
    rewrite_table(package_copy, "claims", change)
    problems_mentioning(package_copy, "claims.csv", "do not re-derive")


def test_claim_span_outside_its_sentence(package_copy):
    def change(rows):
        row = rows[claim_index(rows, "colour")]
        row["sentence_id"] = rows[claim_index(rows, "headquarters")]["sentence_id"]
    rewrite_table(package_copy, "claims", change)
    problems_mentioning(package_copy, "claims.csv", "not inside its container")


def test_claim_about_an_unknown_entity(package_copy):
    rewrite_table(package_copy, "claims", lambda r: set_cell(r, 0, "subject_id", "nobody"))
    problems_mentioning(package_copy, "foreign key", "subject_id")


def test_claim_with_a_property_outside_the_catalogue(package_copy):
    rewrite_table(package_copy, "claims", lambda r: set_cell(r, 0, "property_id", "invented"))
    problems_mentioning(package_copy, "foreign key", "property_id")


def test_one_sided_conflict(package_copy):
    def change(rows):
        rows[0]["conflicts_with"] = rows[1]["claim_id"]
    rewrite_table(package_copy, "claims", change)
    problems_mentioning(package_copy, "does not name it back")


def test_skipped_quote_that_is_not_the_document_slice(package_copy):
    rewrite_table(package_copy, "skipped", lambda r: set_cell(r, 0, "quote", "999px"))
    problems_mentioning(package_copy, "skipped.csv:2")


def test_remembered_claim_checks_still_catch_a_changed_claim(package_copy, tmp_path):
    from pipeline.cache import Memo
    memo = Memo(tmp_path, "claims")
    assert validate_package(package_copy, frictionless=False, memo=memo) == []
    memo.close()

    def change(rows):
        rows[claim_index(rows, "colour")]["value"] = "#000000"
    rewrite_table(package_copy, "claims", change)
    problems = validate_package(package_copy, frictionless=False, memo=Memo(tmp_path, "claims"))
    assert any("do not re-derive" in problem for problem in problems), problems


def test_remembered_document_checks_still_catch_an_id_not_made_from_its_content(
        package_copy, tmp_path):
    """Ids are checked by document with the claims, in the memo: a skipped span renumbered
    after a build that found its document valid is caught, with its line."""
    from pipeline.cache import Memo
    memo = Memo(tmp_path, "claims")
    assert validate_package(package_copy, frictionless=False, memo=memo) == []
    memo.close()

    def renumber(rows):
        rows[0]["skip_id"] = rows[0]["document_id"] + ":k-00000000"
    rewrite_table(package_copy, "skipped", renumber)
    problems = validate_package(package_copy, frictionless=False, memo=Memo(tmp_path, "claims"))
    assert any("skipped.csv:2 field skip_id" in problem for problem in problems), problems


def test_a_value_that_does_not_read_back_from_csv_is_caught():
    """An empty string is written as an empty cell, which reads back as missing (None); the
    schema allows both in a section's title."""
    from pipeline.package import make_fragment
    row = {"section_id": "d:sec-00", "document_id": "d", "parent_id": None, "ordinal": 0,
           "level": 1, "title": "", "char_start": 0, "char_end": 10}
    assert make_fragment("sections", [row | {"title": None}]).problems == ()
    problems = make_fragment("sections", [row]).problems
    assert problems and "do not read back from CSV" in problems[0]


def test_rows_are_cut_into_runs_by_document():
    from pipeline.package import document_runs
    rows = [{"document_id": "a"}, {"document_id": "a"}, {"sentence_id": "b:sen-1"},
            {"document_id": "a"}]
    assert [len(run) for run in document_runs(rows)] == [2, 1, 1]


GOOD_PROPERTY = {"property_id": "p", "label": "P", "description": "d", "value_type": "string",
                 "object_type": None, "wikidata": None, "mapped": True}


def test_row_checks_find_one_bad_row_among_many_valid_ones():
    """Columns are checked by distinct value first; a failing table is read row by row."""
    from pipeline.rows import row_problems
    rows = [GOOD_PROPERTY | {"property_id": f"p_{'x' * (n % 7)}"} for n in range(1000)]
    assert row_problems("properties", rows) == []
    cases = {"value_type": ("poem", "poem"), "label": (1, "is not of type"),
             "object_type": (True, "is not of type"), "wikidata": (["Q1"], "is not of type")}
    for field, (value, words) in cases.items():
        bad = rows[:500] + [rows[0] | {field: value}] + rows[500:]
        problems = row_problems("properties", bad)
        assert problems and "properties.csv:502" in problems[0], (field, problems)
        assert words in problems[0], (field, problems)


def test_a_value_equal_to_a_valid_one_of_another_type_is_still_checked():
    """1 == True in Python; a boolean is not an integer in JSON Schema."""
    from pipeline.rows import row_problems
    row = {"section_id": "d:sec-01", "document_id": "d", "parent_id": None, "ordinal": 1,
           "level": 1, "title": "T", "char_start": 0, "char_end": 1}
    assert row_problems("sections", [row]) == []
    problems = row_problems("sections", [row, row | {"level": True}])
    assert problems and "sections.csv:3 field level" in problems[0], problems


def test_row_checks_find_a_missing_and_an_unknown_column():
    from pipeline.rows import row_problems
    missing = {k: v for k, v in GOOD_PROPERTY.items() if k != "label"}
    assert "'label' is a required property" in row_problems("properties", [missing])[0]
    extra = GOOD_PROPERTY | {"colour": "red"}
    assert "colour" in row_problems("properties", [GOOD_PROPERTY, extra])[0]


def test_row_checks_tell_a_boolean_from_an_equal_integer():
    """True == 1 in Python, but JSON Schema tells them apart: a cache of checked values must."""
    from pipeline.rows import row_problems
    rows = [{"section_id": "d:sec-00", "document_id": "d", "parent_id": None, "ordinal": 0,
             "level": 1, "title": "D", "char_start": 0, "char_end": 10}]
    assert row_problems("sections", rows) == []
    problems = row_problems("sections", rows + [rows[0] | {"level": True}])
    assert problems and "sections.csv:3 field level" in problems[0], problems


def test_writing_a_table_reports_rows_that_break_their_schema(tmp_path):
    """Publish checks the merged tables' rows as it writes them, a run of rows at a time."""
    from pipeline.package import make_fragments, write_tables

    def written(folder, tables):
        folder.mkdir(exist_ok=True)
        return write_tables(folder, tables, make_fragments(tables))
    bad = GOOD_PROPERTY | {"property_id": "q", "value_type": "poem"}
    resources, problems = written(tmp_path, {"properties": [GOOD_PROPERTY, bad]})
    assert any("properties.csv:3 field value_type" in problem for problem in problems), problems
    missing = {name: value for name, value in GOOD_PROPERTY.items() if name != "label"}
    resources, problems = written(tmp_path / "again", {"properties": [missing]})
    assert any("'label' is a required property" in problem for problem in problems), problems


def test_an_id_not_made_from_its_content(package_copy):
    """Ids are made from what a row is: one made otherwise would not survive a rebuild."""
    def renumber(rows):
        rows[0]["skip_id"] = rows[0]["document_id"] + ":k-00000000"
    rewrite_table(package_copy, "skipped", renumber)
    problems_mentioning(package_copy, "skipped.csv:2 field skip_id",
                        "is not the id its content makes")


def test_two_claims_with_each_others_ids(package_copy):
    def swap(rows):
        rows[0]["claim_id"], rows[1]["claim_id"] = rows[1]["claim_id"], rows[0]["claim_id"]
    rewrite_table(package_copy, "claims", swap)
    problems_mentioning(package_copy, "claims.csv:2 field claim_id", "claims.csv:3 field claim_id")


def test_a_published_value_its_gate_refuses(package_copy):
    """The validator runs each claim's value gate again: a placeholder published as a person,
    a count as a place (the descriptor's hashes updated, so that the gate refuses them)."""
    def change(rows):
        rows[claim_index(rows, "leader")]["value"] = "Vacant"
        rows[claim_index(rows, "headquarters")]["value"] = "40 countries"
    rewrite_table(package_copy, "claims", change)
    problems_mentioning(package_copy, "does not pass its gate",
                        "'Vacant' is a placeholder, not a person",
                        "'40 countries' is a count, not a place")


@pytest.mark.parametrize("doc, title, lead, kind", [
    ("lyra", "Lyra (Vela song)", '"Lyra" is a song by the band Vela.', "a creative work"),
    ("ann-vela", "Ann Vela", "Ann Vela was an American trial lawyer.", "a person"),
    ("list-of-vela-awards", "List of Vela awards", "Vela is a band.", "a list"),
])
def test_a_claim_about_the_subject_of_an_article_on_no_organisation(doc, title, lead, kind):
    """The validator asks again whether an article is on a creative work, a person or a list
    (its title and lead), and refuses a rule's claim about its subject; a reviewer's added
    claim stands."""
    from pipeline.validate import work_problems
    text = f"= {title} =\n\n{lead}\n"
    heading = {"document_id": doc, "section_id": f"{doc}:sec-00", "kind": "heading",
               "text": title, "char_start": 2, "char_end": 2 + len(title)}
    start = text.index(lead)
    sentence = heading | {"kind": "prose", "text": lead, "char_start": start,
                          "char_end": start + len(lead)}
    claim = {"claim_id": f"{doc}:c-1", "document_id": doc, "subject_id": doc,
             "property_id": "official_name", "rule_id": "names/title"}
    tables = {"documents": [{"document_id": doc, "title": title, "text": text}],
              "sentences": [heading, sentence], "claims": [claim]}
    problems = work_problems(tables)
    assert len(problems) == 1 and f"on {kind}," in problems[0], problems
    tables["claims"] = [claim | {"rule_id": f"curation/{doc}-1"}]
    assert work_problems(tables) == []


def test_the_manifest_the_writers_hashed_is_the_files_as_they_are(built_package):
    """Each writer hashes the bytes it wrote (manifest.digest), so that a publish need not read
    the package back: those entries must be what hashing the files on disk gives."""
    from pipeline.manifest import listing, read_manifest
    recorded = read_manifest(built_package)
    assert recorded == listing(built_package)
    assert any(name.startswith("review/") for name in recorded)
    assert {"datapackage.sqlite", "data/claims.csv", "json/claims.json"} <= set(recorded)


def test_a_writers_entry_for_a_file_of_another_size_is_hashed_again(tmp_path):
    from pipeline.manifest import digest, listing
    (tmp_path / "a.txt").write_bytes(b"as written later")
    assert listing(tmp_path, {"a.txt": digest(b"as written")}) == {
        "a.txt": digest(b"as written later")}

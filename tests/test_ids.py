"""Ids are made from content: an edit to one part of an article leaves every other id alone,
and `diff` reports exactly what the edit added and removed."""

import csv
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.diff import diff_packages
from pipeline.ids import Apart, slugify
from pipeline.publish import publish
from pipeline.read import read_article
from pipeline.segment import segment
from tests.conftest import FIXTURES, quiet

SEED = next((Path(__file__).parents[1] / "seeds").glob("*.txt"))
INSERTED = "Its history is long. "


def blocks(text: str) -> list[tuple[int, int]]:
    """The spans of the article's blank-line separated blocks."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]


def prose(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in blocks(text)
            if not text.startswith(("=", "- "), a) and "\n- " not in text[a:b]]


def edit(text: str) -> tuple[str, tuple[int, int]]:
    """A sentence inserted at the start of the lead, and a later paragraph (the fifth of prose,
    on the ceasefire) deleted; also the deleted paragraph's span in the original text. (The
    fourth tells of a renaming: without it the names before it are no longer former names, so
    their claims rightly change too.)"""
    paragraphs = prose(text)
    lead, deleted = paragraphs[0], paragraphs[4]
    edited = (text[:lead[0]] + INSERTED + text[lead[0]:deleted[0]]
              + text[deleted[1]:].lstrip("\n"))
    return edited, deleted


def table(package: Path, name: str) -> list[dict]:
    with (package / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    root = tmp_path_factory.mktemp("ids")
    text = SEED.read_text(encoding="utf-8")
    edited, deleted = edit(text)
    for name, content in (("before", text), ("after", edited)):
        (root / name).mkdir()
        (root / name / SEED.name).write_text(content, encoding="utf-8")
        publish(root / name, root / f"{name}-package", report=quiet)
    return root / "before-package", root / "after-package", deleted


def content(package: Path) -> dict[str, tuple]:
    """Each claim's id -> what it says and where in its sentence (its sentence's text, not id)."""
    sentences = {s["sentence_id"]: s for s in table(package, "sentences")}
    keys = {}
    for claim in table(package, "claims"):
        sentence = sentences[claim["sentence_id"]]
        offset = int(sentence["char_start"])
        keys[claim["claim_id"]] = (sentence["text"], claim["property_id"], claim["value"],
                                   int(claim["char_start"]) - offset)
    return keys


def deleted_claims(package: Path, deleted: tuple[int, int]) -> set[str]:
    return {c["claim_id"] for c in table(package, "claims")
            if deleted[0] <= int(c["char_start"]) < deleted[1]}


def test_the_edit_is_real(before_and_after):
    before, after, deleted = before_and_after
    assert deleted_claims(before, deleted), "the deleted paragraph should hold claims"
    assert INSERTED.strip() in {s["text"] for s in table(after, "sentences")}


def test_claims_with_unchanged_content_keep_their_ids(before_and_after):
    before, after, _ = before_and_after
    old, new = content(before), content(after)
    new_ids = {key: claim_id for claim_id, key in new.items()}
    unchanged = {claim_id: key for claim_id, key in old.items() if key in new_ids}
    kept = [claim_id for claim_id, key in unchanged.items() if new_ids[key] == claim_id]
    assert len(unchanged) >= 0.8 * len(old)
    assert len(kept) >= 0.98 * len(unchanged)


def test_sentences_with_unchanged_text_keep_their_ids(before_and_after):
    before, after, _ = before_and_after
    new = {(s["text"], s["sentence_id"]) for s in table(after, "sentences")}
    texts = {text for text, _ in new}
    unchanged = [s for s in table(before, "sentences") if s["text"] in texts]
    kept = [s for s in unchanged if (s["text"], s["sentence_id"]) in new]
    assert len(kept) >= 0.98 * len(unchanged) and len(unchanged) > 50


def test_every_entity_keeps_its_id(before_and_after):
    before, after, _ = before_and_after
    new = {e["label"]: e["entity_id"] for e in table(after, "entities")}
    old = {e["label"]: e["entity_id"] for e in table(before, "entities")}
    assert {label: new[label] for label in old if label in new} == \
        {label: old[label] for label in old if label in new}


def test_diff_lists_exactly_the_deleted_paragraphs_claims(before_and_after):
    before, after, deleted = before_and_after
    claims = diff_packages(before, after).as_json()["claims"]
    assert set(claims["removed"]) == deleted_claims(before, deleted)
    untouched = set(content(before)) - deleted_claims(before, deleted)
    assert not untouched & {*claims["added"], *claims["changed"], *claims["removed"]}


def test_diff_of_a_package_with_itself_is_empty(built_package, cli):
    result = cli("diff", built_package, built_package, "--json")
    assert result.returncode == 0
    tables = json.loads(result.stdout)
    assert tables and all(not any(lists.values()) for lists in tables.values())


def test_diff_of_a_folder_that_is_not_a_package(built_package, tmp_path, cli):
    result = cli("diff", tmp_path, built_package)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


def test_diff_markdown_groups_claims_by_document_with_sentences(before_and_after, cli):
    before, after, deleted = before_and_after
    result = cli("diff", before, after)
    assert "Verdict: **MINOR**" in result.stdout
    assert "| claims | 0 | " in result.stdout
    removed = deleted_claims(before, deleted)
    claim = next(c for c in table(before, "claims") if c["claim_id"] in removed)
    document, short = claim["claim_id"].split(":")
    assert f"### {document}" in result.stdout and f"`{short}` {claim['property_id']}" in \
        result.stdout


def test_repeated_ids_are_suffixed_in_order():
    mint = Apart()
    assert [mint(x) for x in ("a:sen-1", "a:sen-2", "a:sen-1", "a:sen-1")] == \
        ["a:sen-1", "a:sen-2", "a:sen-1.2", "a:sen-1.3"]


def test_a_suffixed_id_never_meets_a_slug():
    """'History 2' is a heading's slug; a second 'History' must not take it."""
    assert slugify("History 2") == "history-2"
    mint = Apart()
    assert len({mint("d:sec-history-2"), mint("d:sec-history"), mint("d:sec-history")}) == 3


WORDS = ["the", "front", "council", "river", "signed", "a", "treaty", "in", "1990", "and",
         "moved", "north", "its", "leaders", "met"]


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_a_paragraph_inserted_anywhere_renames_no_other_sentence(data, tmp_path_factory):
    """Sentence ids depend on their own text only, wherever a new paragraph goes (after the
    infobox, which must follow the title: a paragraph before it makes it prose)."""
    text = (FIXTURES / "northern-hills-front.txt").read_text(encoding="utf-8")
    lead = prose(text)[0][0]
    gaps = [m.end() for m in re.finditer(r"\n\n|\n(?==)", text) if m.end() >= lead]
    at = data.draw(st.sampled_from(gaps))
    words = data.draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
    inserted = " ".join(words).capitalize() + ".\n\n"
    folder = tmp_path_factory.mktemp("insert")
    before, after = folder / "before.txt", folder / "after.txt"
    before.write_text(text, encoding="utf-8")
    after.write_text(text[:at] + inserted + text[at:], encoding="utf-8")
    old = {s.sentence_id: s.text for s in segment(read_article(before, "before.txt"))}
    new = {s.sentence_id: s.text for s in segment(read_article(after, "after.txt"))}
    assert {i: t for i, t in old.items() if i in new} == old  # every old id, same text

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.read import canonical_text, read_article, slugify


def read_text(tmp_path: Path, text: str, name: str = "a.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return read_article(path, name)


ARTICLE = """= Test Front =

Test Front
- Abbreviation: TF
- Country: Myanmar

The Test Front is a group. It was founded in 1990.

== History ==
Some history.

=== Early years ===
Early years.

== Later ==
Later text.
"""


def test_canonical_text_normalises_bom_line_endings_and_nfc():
    raw = "\ufeff= T =\r\nline\rmore e\u0301\n".encode()
    assert canonical_text(raw, "x") == "= T =\nline\nmore \u00e9\n"


def test_invalid_utf8_names_file_and_line():
    with pytest.raises(InputError) as caught:
        canonical_text(b"= T =\nok\n\xff\xfe", "bad.txt")
    assert caught.value.line == 3
    assert "bad.txt:3" in str(caught.value)


def test_utf16_is_recognised_in_the_message():
    with pytest.raises(InputError, match="UTF-16"):
        canonical_text("= T =\n".encode("utf-16"), "u16.txt")


def test_sections_levels_and_parents(tmp_path):
    document = read_text(tmp_path, ARTICLE)
    assert document.document_id == "test-front"
    rows = [s.row() for s in document.sections]
    assert [(r["level"], r["title"]) for r in rows] == [
        (1, "Test Front"), (2, "History"), (3, "Early years"), (2, "Later")]
    assert rows[2]["parent_id"] == rows[1]["section_id"]
    assert rows[3]["parent_id"] == rows[0]["section_id"]
    for row in rows:
        assert document.text[row["char_start"]:row["char_end"]].strip()


def test_infobox_lines_are_blocks_without_the_bullet(tmp_path):
    document = read_text(tmp_path, ARTICLE)
    lead = document.sections[0]
    infobox = [document.text[b.char_start:b.char_end] for b in lead.blocks
               if b.kind == "infobox"]
    assert infobox == ["Abbreviation: TF", "Country: Myanmar"]
    assert [b.kind for b in lead.blocks] == [
        "heading", "infobox-name", "infobox", "infobox", "paragraph"]


def test_article_without_infobox(tmp_path):
    document = read_text(tmp_path, "= No Box =\n\nJust prose.\n\nMore prose.\n")
    assert [b.kind for b in document.sections[0].blocks] == ["heading", "paragraph", "paragraph"]


def test_a_bulleted_list_after_prose_is_prose_not_an_infobox(tmp_path):
    document = read_text(tmp_path, "= L =\n\nProse first.\n\nL\n- Key: Value\n")
    assert [b.kind for b in document.sections[0].blocks] == ["heading", "paragraph", "paragraph"]


def test_odd_infobox_line_and_skipped_heading_level_are_warnings(tmp_path):
    text = "= W =\n\nW\n- Key without separator\n- Size: 3\n\n== A ==\n\n==== Deep ====\nx.\n"
    document = read_text(tmp_path, text)
    codes = [(d.code, d.line) for d in document.diagnostics]
    assert ("infobox-no-key", 4) in codes
    assert ("heading-skips-level", 9) in codes


@pytest.mark.parametrize("text, message", [
    ("", "empty"),
    ("  \n\n\t\n", "empty"),
    ("No title here\n", "title"),
    ("== Not a title ==\ntext\n", "title"),
])
def test_bad_articles_raise_input_error(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        read_text(tmp_path, text)


@pytest.mark.parametrize("title, slug", [
    ("Kachin Independence Organisation", "kachin-independence-organisation"),
    ("New Democratic Army – Kachin", "new-democratic-army-kachin"),
    ("../../etc/passwd", "etc-passwd"),
    ("Ōtomo Clan", "otomo-clan"),
])
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_slug_of_non_latin_title_is_a_stable_hash():
    assert slugify("ကချင်") == slugify("ကချင်")
    assert slugify("ကချင်").startswith("doc-")

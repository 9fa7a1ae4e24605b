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
    document = read_text(tmp_path, "= L =\n\nProse first.\n\nThe parts:\n- one\n- two\n")
    assert [b.kind for b in document.sections[0].blocks] == ["heading", "paragraph", "paragraph"]
    assert document.diagnostics == []


# Reading survives real copies (issue 21): each departure is read as a careful reader would,
# and leaves a warning with its line.

def blocks(document) -> list[tuple[str, str]]:
    return [(b.kind, document.text[b.char_start:b.char_end].strip())
            for section in document.sections for b in section.blocks]


def warnings(document) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in document.diagnostics]


INFOBOX = [("infobox", "Abbreviation: TF"), ("infobox", "Country: Myanmar")]


def test_a_title_line_written_twice_is_read_once(tmp_path):
    document = read_text(tmp_path, ARTICLE.replace("=\n\n", "=\n= Test Front =\n\n", 1))
    assert blocks(document)[:5] == [("heading", "Test Front"), ("infobox-name", "Test Front"),
                                    *INFOBOX, ("paragraph", blocks(document)[4][1])]
    assert warnings(document) == [("title-repeated", 2)]


@pytest.mark.parametrize("names", [["Test Front", "Front d'Essai"],
                                   ["Test Front", "Front d'Essai", "Trial Front (1990–2001)"]])
def test_two_or_three_name_lines_head_the_infobox(tmp_path, names):
    text = ARTICLE.replace("Test Front\n-", "\n".join(names) + "\n-", 1)
    document = read_text(tmp_path, text)
    assert blocks(document)[1:len(names) + 3] == [("infobox-name", n) for n in names] + INFOBOX
    assert warnings(document) == []


def test_four_lines_before_the_items_are_not_an_infobox_and_say_so(tmp_path):
    text = ARTICLE.replace("Test Front\n-", "One\nTwo\nThree\nFour\n-", 1)
    document = read_text(tmp_path, text)
    assert "infobox" not in [kind for kind, _ in blocks(document)]
    assert warnings(document) == [("infobox-as-prose", 7)]


def test_blank_lines_between_the_items_do_not_end_the_infobox(tmp_path):
    document = read_text(tmp_path, ARTICLE.replace("\n- Country", "\n\n\n- Country", 1))
    assert blocks(document)[1:4] == [("infobox-name", "Test Front"), *INFOBOX]
    assert warnings(document) == [("infobox-blank-line", 5)]


def test_an_infobox_after_the_lead_is_read_as_the_infobox(tmp_path):
    text = ("= Test Front =\n\nThe Test Front is a group.\n\nTest Front\n- Abbreviation: TF\n"
            "- Country: Myanmar\n\nMore lead.\n\n== History ==\nSome history.\n")
    document = read_text(tmp_path, text)
    assert blocks(document)[:6] == [
        ("heading", "Test Front"), ("paragraph", "The Test Front is a group."),
        ("infobox-name", "Test Front"), *INFOBOX, ("paragraph", "More lead.")]
    assert warnings(document) == [("infobox-after-lead", 5)]


def test_an_infobox_under_a_heading_is_prose_but_never_silently(tmp_path):
    text = "= T =\n\nLead.\n\n== Facts ==\nT\n- Abbreviation: TF\n- Country: Myanmar\n"
    document = read_text(tmp_path, text)
    assert "infobox" not in [kind for kind, _ in blocks(document)]
    assert warnings(document) == [("infobox-as-prose", 7)]


@pytest.mark.parametrize("line", ["- Country : Myanmar", "-Country: Myanmar",
                                  "  - Country: Myanmar", "- Country:Myanmar",
                                  "- Country:   Myanmar", "-\tCountry: Myanmar"])
def test_oddly_spaced_key_value_lines_are_read_with_a_warning(tmp_path, line):
    document = read_text(tmp_path, ARTICLE.replace("- Country: Myanmar", line, 1))
    kind, text = blocks(document)[3]
    assert kind == "infobox" and text.startswith("Country") and text.endswith("Myanmar")
    assert warnings(document) == [("infobox-spacing", 5)]


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

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.read import read_article
from pipeline.rows import row_problems
from pipeline.segment import segment, split_paragraph

PARAGRAPH = ("Founded in 1961, the KIO seeks autonomy. It runs over 200 schools, e.g. in "
             "Laiza. Dr. Zau Seng became the first leader. In the U.S. it is known too.")


def test_paragraph_spans_round_trip_and_cover_all_text():
    spans = split_paragraph(PARAGRAPH, 0, len(PARAGRAPH))
    assert [PARAGRAPH[a:b] for a, b in spans] == [
        "Founded in 1961, the KIO seeks autonomy.",
        "It runs over 200 schools, e.g. in Laiza.",
        "Dr. Zau Seng became the first leader.",
        "In the U.S. it is known too."]


def test_no_sentence_opens_with_a_legal_form_or_a_lower_case_word_after_an_abbreviation():
    text = ("Kite Golf, Inc. is a unit of Kite Sports Co. Ltd., whose offices are in Osaka. "
            "It fills a 9,000 sq. ft. plant.")
    assert [text[a:b] for a, b in split_paragraph(text, 0, len(text))] == [
        "Kite Golf, Inc. is a unit of Kite Sports Co. Ltd., whose offices are in Osaka.",
        "It fills a 9,000 sq. ft. plant."]


def test_repeated_sentences_get_distinct_spans():
    text = "It rained. It rained. It rained."
    spans = split_paragraph(text, 0, len(text))
    assert spans == [(0, 10), (11, 21), (22, 32)]


def test_pysbd_reserved_symbols_do_not_lose_text():
    text = "One ∯ two. Three ȸ four. Five ♨ six."
    spans = split_paragraph(text, 0, len(text))
    outside = set(range(len(text))) - {i for a, b in spans for i in range(a, b)}
    assert all(text[i].isspace() for i in outside)


def test_sentences_of_an_article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("= T =\n\nT\n- Key: Value\n\nFirst one. Second one.\n== H ==\nThird.\n",
                    encoding="utf-8")
    document = read_article(path, "a.txt")
    sentences = segment(document)
    assert [(s.kind, s.text, s.line) for s in sentences] == [
        ("heading", "T", 1), ("infobox", "T", 3), ("infobox", "Key: Value", 4),
        ("prose", "First one.", 6), ("prose", "Second one.", 6),
        ("heading", "H", 7), ("prose", "Third.", 8)]
    assert sentences[-1].section_id == "t:sec-h"
    assert sentences[1].sentence_id == sentences[0].sentence_id + ".2"  # "T" twice


LINE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["== H ==", "=== Deep ===", "- Key: Value", "- odd", "", "=", "==",
                     "Dr. X met Mr. Y. Then he left!", "∯ ȸ ♨ ☝ ✂ ⎋ ᓰ ᓱ", "\u200b\u202e"]),
)


@settings(max_examples=150, deadline=None)
@given(title=st.text(min_size=1, max_size=20), lines=st.lists(LINE, max_size=12),
       newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_text_reads_cleanly_and_every_span_round_trips(tmp_path_factory, title, lines,
                                                           newline):
    raw = newline.join([f"= {title} =", *lines]).encode("utf-8")
    path = tmp_path_factory.mktemp("prop") / "a.txt"
    path.write_bytes(raw)
    try:
        document = read_article(path, "a.txt")
    except InputError as error:
        assert str(error).startswith("a.txt")
        return
    assert document.text == unicodedata.normalize("NFC", document.text)
    sentences = segment(document)
    for sentence in sentences:
        assert document.text[sentence.char_start:sentence.char_end] == sentence.text
    assert not row_problems("sentences", [s.row() for s in sentences])
    assert not row_problems("sections", [s.row() for s in document.sections])


def test_a_bracket_glued_to_a_full_stop_opens_no_sentence():
    text = "Kite Polymer Co.,ltd.(KPC), founded in 2001, is a maker. It has a plant."
    assert [text[a:b] for a, b in split_paragraph(text, 0, len(text))] == [
        "Kite Polymer Co.,ltd.(KPC), founded in 2001, is a maker.", "It has a plant."]


@pytest.mark.parametrize("mark", [";", ",", ":"])
def test_a_mark_after_an_abbreviation_opens_no_sentence(mark):
    text = (f"Shares are offered through Kite Securities, Inc.{mark} member of the Vela "
            "Exchange, a unit of Kite Bank, is a broker. It has a plant.")
    assert [text[a:b] for a, b in split_paragraph(text, 0, len(text))] == [
        text[:text.index(" It has")], "It has a plant."]


def test_pysbds_patterns_stay_compiled_while_other_patterns_come_and_go(monkeypatch):
    """A paragraph split again after others' patterns (more than re's default cache holds)
    have been used compiles none of pysbd's patterns again."""
    paragraph = "Dr. Ko met Mr. Aung at 5 p.m. in St. Paul, Minn. on Jan. 3. It was 1990."
    first = split_paragraph(paragraph, 0, len(paragraph))
    for number in range(600):
        re.search(f"another pattern {number}", "")
    compiled = []
    compile_pattern = re._compiler.compile
    monkeypatch.setattr(re._compiler, "compile",
                        lambda *args: compiled.append(args[0]) or compile_pattern(*args))
    assert split_paragraph(paragraph, 0, len(paragraph)) == first
    assert compiled == []

"""Spans narrowed and split by offsets, so that every value keeps its place in the text."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalise.dates import time_of
from pipeline.spans import pieces, trimmed, written_whole


def test_a_span_is_trimmed_of_white_space_or_of_the_characters_given():
    text = " \u00a0Acme Ltd ,"
    assert text[slice(*trimmed(text, 0, len(text)))] == "Acme Ltd ,"
    assert text[slice(*trimmed(text, 0, len(text), " \u00a0,"))] == "Acme Ltd"
    assert text[slice(*trimmed(text, 0, len(text), "", " ,"))] == " \u00a0Acme Ltd"
    assert trimmed(" , ", 0, 3, " ,") == (3, 3)


def test_a_list_splits_into_the_spans_between_its_separators_empty_ones_kept():
    text = "Laos, Burma and  Thailand, "
    spans = pieces(text, 0, len(text), re.compile(r"\s*,\s*|\s+and\s+"))
    assert [text[a:b] for a, b in spans] == ["Laos", "Burma", "Thailand", ""]


def test_a_word_is_found_where_it_is_written_whole():
    text = "Acme B.C. and Acme B.C) won; Acme B.Cx did not, nor did &Acme B.C."
    assert written_whole(text, "Acme B.C.", "&", dot_optional=True) == [(0, 9), (14, 22)]
    assert written_whole("Acme's Acme-2 Acme", "Acme", "'’-") == [(14, 18)]
    assert written_whole("Acme", "", "&") == []


# Characters at the edges of words: word characters (a digit of another script too), joining
# characters, and others.
EDGES = st.sampled_from(list("aA.B_-&' ’é1٣x"))


@settings(max_examples=300)
@given(st.text(EDGES, max_size=14), st.text(EDGES, min_size=1, max_size=4),
       st.sampled_from(["&", "'’-"]), st.booleans())
def test_a_word_written_whole_is_what_the_regex_of_its_edges_finds(text, word, joins, dot):
    edge = f"[\\w{re.escape(joins)}]"
    stem = word.rstrip(".") if dot else word
    written = re.escape(stem) + (r"\.?" if len(stem) < len(word) else "")
    expected = [m.span() for m in re.finditer(f"(?<!{edge}){written}(?!{edge})", text)] \
        if stem else []
    assert written_whole(text, word, joins, dot) == expected


def test_an_interval_is_split_into_start_and_end_and_an_unknown_end_left_out():
    assert time_of("2005") == {"point_in_time": "2005"}
    assert time_of("2005", "start_time") == {"start_time": "2005"}
    assert time_of("1994/2000") == {"start_time": "1994", "end_time": "2000"}
    assert time_of("2005/..") == {"start_time": "2005"}
    assert time_of("../2010") == {"end_time": "2010"}

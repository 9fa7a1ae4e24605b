"""Spans narrowed and split by offsets, so that every value keeps its place in the text."""

import re

from pipeline.normalise.dates import time_of
from pipeline.spans import pieces, trimmed


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


def test_an_interval_is_split_into_start_and_end_and_an_unknown_end_left_out():
    assert time_of("2005") == {"point_in_time": "2005"}
    assert time_of("2005", "start_time") == {"start_time": "2005"}
    assert time_of("1994/2000") == {"start_time": "1994", "end_time": "2000"}
    assert time_of("2005/..") == {"start_time": "2005"}
    assert time_of("../2010") == {"end_time": "2010"}

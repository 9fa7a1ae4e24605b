"""The review site (pipeline/site.py) and its article pages (pipeline/review.py): highlights that
equal their quotes even where spans overlap, escaped text, facts, timeline, conflicts and
skipped values, an index and entity pages, every relative link resolving; the site as a real
browser renders it is in tests/test_review_browser.py."""

import json
import posixpath
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from pipeline.package import read_table
from pipeline.review import pieces, year_position
from pipeline.site import INDEX, article_path, site_parts

MAX_BYTES = 1_000_000
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
QUALIFIERS = ("start_time", "end_time", "point_in_time", "role", "rank", "series_ordinal",
              "quantity_qualifier", "unit", "status", "language", "script", "note")


class Page(HTMLParser):
    """What a test reads from a page: the text under each claim's and skip's marks, the text of
    each article's text block, ids, links, marks and timeline shapes."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.claims: dict[str, str] = defaultdict(str)
        self.skips: dict[str, str] = defaultdict(str)
        self.texts: dict[str, str] = defaultdict(str)
        self.ids: list[str] = []
        self.hrefs: list[str] = []  # and every src
        self.marks: list[dict] = []
        self.elements: list[tuple[str, dict]] = []
        self.feed(markup)
        self.close()

    def _element(self, tag: str, attrs: list) -> dict:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        self.hrefs += [attributes[name] for name in ("href", "src") if name in attributes]
        if tag == "mark" and attributes.get("data-tip"):
            self.marks.append(attributes)
        return attributes

    def handle_starttag(self, tag, attrs):
        attributes = self._element(tag, attrs)
        if tag not in VOID:
            self.stack.append((tag, attributes))

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        claims, skips = set(), set()
        for _, attributes in self.stack:
            claims.update(attributes.get("data-claims", "").split())
            skips.update(attributes.get("data-skips", "").split())
            if "data-document" in attributes:
                self.texts[attributes["data-document"]] += data
        for claim_id in claims:
            self.claims[claim_id] += data
        for skip_id in skips:
            self.skips[skip_id] += data

    def shapes(self, css_class: str) -> list[dict]:
        return [a for tag, a in self.elements if css_class in a.get("class", "").split()]


# --- small hand-made tables ---------------------------------------------------------------

DOC = "alpha-front"
TEXT = ('= Alpha & <Omega> =\n\n'
        'Founded in 1961 at <script>alert("x")</script> Laiza, the **front** fought from 1994 '
        "until June 2011.\nIts `code` & <b>bold</b> stay text.\n")


def _at(fragment: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def _claim(number: int, fragment: str, prop: str, value: str, **extra) -> dict:
    start, end = _at(fragment)
    row = {"claim_id": f"{DOC}:c-{number:04d}", "document_id": DOC, "subject_id": DOC,
           "property_id": prop, "value": value, "value_type": "string", "object_id": None,
           "quote": TEXT[start:end], "char_start": start, "char_end": end,
           "sentence_id": f"{DOC}:sen-0002", "evidence_start": start, "evidence_end": end,
           **dict.fromkeys(QUALIFIERS), "rule_id": "test.rule", "conflicts_with": None}
    row.update(extra)
    return row


def _sentence(number: int, fragment: str, kind: str) -> dict:
    start, end = _at(fragment)
    return {"sentence_id": f"{DOC}:sen-{number:04d}", "document_id": DOC,
            "section_id": f"{DOC}:sec-00", "ordinal": number, "kind": kind, "line": 1,
            "char_start": start, "char_end": end, "text": TEXT[start:end]}


def _event(claim: dict, date: str, earliest, latest, precision: str, summary: str) -> dict:
    return {"claim_id": claim["claim_id"], "date": date, "earliest": earliest, "latest": latest,
            "precision": precision, "summary": summary, "property_id": claim["property_id"],
            "actors": DOC, "places": None, "sentence_id": claim["sentence_id"]}


def small_tables() -> dict[str, list[dict]]:
    """One article whose claims overlap, nest, share characters, conflict and quote markup."""
    clause = 'Founded in 1961 at <script>alert("x")</script> Laiza'
    claims = [
        _claim(1, clause, "significant_event", clause, point_in_time="1961", note="as written"),
        _claim(2, "1961", "inception", "1961", value_type="edtf",
               conflicts_with=f"{DOC}:c-0006"),
        _claim(3, '<script>alert("x")</script>', "motto", '<script>alert("x")</script>'),
        _claim(4, "Laiza", "headquarters", "Laiza", value_type="entity", object_id="laiza",
               start_time="1961", status="former"),
        _claim(5, "Laiza", "located_in", "Laiza", value_type="entity", object_id="laiza"),
        _claim(6, "Laiza, the **front** fought from 1994", "inception", "1994",
               value_type="edtf", conflicts_with=f"{DOC}:c-0002", rank="General",
               series_ordinal=1),
        _claim(7, "from 1994 until June 2011", "active_period", "1994/2011-06",
               value_type="edtf", quantity_qualifier="over", unit="years"),
        _claim(8, "&", "name_translation", "and", sentence_id=f"{DOC}:sen-0001"),
    ]
    skipped = [{"skip_id": f"{DOC}:k-001", "document_id": DOC, "sentence_id": f"{DOC}:sen-0002",
                "rule_id": "test.skip", "char_start": _at("**front**")[0],
                "char_end": _at("**front**")[1], "quote": "**front**",
                "reason": "markdown <em>, not a value"}]
    events = [
        _event(claims[6], "1994/2011-06", "1994-01-01", "2011-06-30", "month",
               "period of activity: 1994/2011-06"),
        _event(claims[1], "1961", "1961-01-01", "1961-12-31", "year", "inception: 1961"),
        _event(claims[0], "../1960", None, "1960-12-31", "year", "founded <i>before</i>"),
        _event(claims[3], "1961/..", "1961-01-01", None, "year", "headquarters: Laiza"),
    ]
    return {
        "documents": [{"document_id": DOC, "title": "Alpha & <Omega>", "source": "seeds/a.txt",
                       "sha256": "0" * 64, "characters": len(TEXT), "text": TEXT}],
        "sentences": [_sentence(1, "Alpha & <Omega>", "heading"),
                      _sentence(2, clause + ", the **front** fought from 1994 until June 2011.",
                                "prose"),
                      _sentence(3, "Its `code` & <b>bold</b> stay text.", "prose")],
        "entities": [{"entity_id": DOC, "label": "Alpha <Front>", "type": "organisation",
                      "first_sentence_id": f"{DOC}:sen-0001"},
                     {"entity_id": "laiza", "label": "Laiza", "type": "place",
                      "first_sentence_id": f"{DOC}:sen-0002"}],
        "properties": [{"property_id": "inception", "label": "founded"},
                       {"property_id": "headquarters", "label": "headquarters location"}],
        "claims": claims,
        "skipped": skipped,
        "events": events,
        "warnings": [],
    }


DESCRIPTOR = {"name": "test-package", "title": "Test <package>", "version": "1.0.0",
              "description": "A package made by hand.", "licenses": [{"name": "CC0-1.0"}]}


def site(tables: dict[str, list[dict]], descriptor: dict = DESCRIPTOR) -> dict[str, str]:
    """The review site of some tables: its files by path."""
    fixed, pages = site_parts(tables, descriptor)
    return dict(fixed) | {path: render(*inputs) for path, render, inputs in pages}


def review_page(tables: dict[str, list[dict]], descriptor: dict = DESCRIPTOR) -> str:
    """The page of the tables' first article."""
    return site(tables, descriptor)[article_path(tables["documents"][0]["document_id"])]


def assert_highlights_equal_quotes(page: Page, tables: dict[str, list[dict]],
                                   document_id: str | None = None) -> None:
    """On an article's page (by default the only article's), every claim's and skip's
    highlight is its quote, and the text block is the document's text."""
    for table, key, found in (("claims", "claim_id", page.claims),
                              ("skipped", "skip_id", page.skips)):
        for row in tables.get(table, []):
            if document_id in (None, row["document_id"]):
                assert found.get(row[key]) == row["quote"], row[key]
    for document in tables["documents"]:
        if document_id in (None, document["document_id"]):
            assert page.texts[document["document_id"]] == document["text"]


def broken_links(files: dict[str, str]) -> list[str]:
    """Every link or source on every page of a site (files by path) that leads nowhere: out
    of the site, to a file it does not hold, or to an id its page does not have."""
    pages = {path: Page(text) for path, text in files.items() if path.endswith(".html")}
    broken = []
    for path, page in pages.items():
        if len(page.ids) != len(set(page.ids)):
            broken.append(f"{path}: ids are not unique")
        for link in page.hrefs:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or parts.path.startswith("/"):
                broken.append(f"{path}: {link} leaves the site")
                continue
            target = (posixpath.normpath(posixpath.join(posixpath.dirname(path),
                                                        unquote(parts.path)))
                      if parts.path else path)
            if target not in files:
                broken.append(f"{path}: {link}: no file {target}")
            elif parts.fragment and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{path}: {link}: no id {parts.fragment} on {target}")
    return broken


def test_the_link_checker_finds_what_is_broken():
    files = {INDEX: '<a href="review/a.html#x">a</a> <a href="https://example.org">out</a>',
             "review/a.html": '<p id="x"><a href="../index.html#nowhere">back</a>'
                              '<a href="b.html">b</a><a href="#x">here</a></p>'}
    assert broken_links(files) == ["index.html: https://example.org leaves the site",
                                   "review/a.html: ../index.html#nowhere: no id nowhere on "
                                   "index.html",
                                   "review/a.html: b.html: no file review/b.html"]


def test_pieces_cut_at_every_boundary():
    spans = [(0, 10, "a"), (3, 6, "b"), (5, 12, "c"), (20, 20, "empty"), (-4, 2, "d")]
    assert pieces(14, spans) == [(0, 2, ["a", "d"]), (2, 3, ["a"]), (3, 5, ["a", "b"]),
                                 (5, 6, ["a", "b", "c"]), (6, 10, ["a", "c"]), (10, 12, ["c"]),
                                 (12, 14, [])]
    assert pieces(0, []) == []


def test_overlapping_and_nested_spans_each_equal_their_quote():
    tables = small_tables()
    page = Page(review_page(tables))
    assert_highlights_equal_quotes(page, tables)
    year = next(m for m in page.marks if "alpha-front:c-0002" in m["data-claims"].split())
    assert year["data-claims"].split() == ["alpha-front:c-0001", "alpha-front:c-0002"]
    assert "d2" in year["class"].split() and "conflict" in year["class"].split()
    laiza = [m for m in page.marks if "alpha-front:c-0005" in m["data-claims"].split()]
    assert [m["data-claims"].split() for m in laiza] == [
        ["alpha-front:c-0001", "alpha-front:c-0004", "alpha-front:c-0005", "alpha-front:c-0006"]]
    assert "d3" in laiza[0]["class"].split()


def test_marks_are_flat_so_no_claim_text_is_counted_twice():
    markup = review_page(small_tables())
    body = markup[markup.index('<div class="text"'):]
    depth = 0
    for tag in re.finditer(r"<(/?)mark\b", body):
        depth += -1 if tag.group(1) else 1
        assert depth in (0, 1)


def test_article_text_and_values_are_escaped():
    tables = small_tables()
    markup = review_page(tables)
    assert "<script" not in markup.lower() and "<b>bold" not in markup
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in markup
    assert "<Omega>" not in markup and "Alpha &amp; &lt;Omega&gt;" in markup
    assert "<em>" not in markup and "markdown &lt;em&gt;, not a value" in markup
    page = Page(markup)
    assert page.texts[DOC] == TEXT
    motto = next(m for m in page.marks if "alpha-front:c-0003" in m["data-claims"].split())
    assert '\n\nmotto = <script>alert("x")</script>' in motto["data-tip"]
    assert "Alpha &amp; &lt;Omega&gt;" in site(tables)[INDEX]


def test_a_highlight_tells_property_value_qualifiers_and_rule():
    files = site(small_tables())
    page = Page(files[article_path(DOC)])
    laiza = next(m for m in page.marks if "alpha-front:c-0004" in m["data-claims"].split())
    tip = laiza["data-tip"]
    block = next(b for b in tip.split("\n\n") if "(alpha-front:c-0004)" in b)
    assert block.splitlines() == ["headquarters location [headquarters] = Laiza",
                                  "  start_time: 1961", "  status: former",
                                  "  rule_id: test.rule", "  (alpha-front:c-0004)"]
    general = next(b for m in page.marks for b in m["data-tip"].split("\n\n")
                   if "(alpha-front:c-0006)" in b)
    assert "  rank: General" in general and "  series_ordinal: 1" in general
    assert "conflicts with: alpha-front:c-0002" in general
    assert "end_time" not in tip and "point_in_time: 1961" in tip
    assert laiza["tabindex"] == "0"
    assert "mark[data-tip]:is(:hover,:focus," in files["review/review.css"]


def test_sentences_are_anchors_and_every_link_resolves():
    files = site(small_tables())
    page = Page(files[article_path(DOC)])
    assert {f"{DOC}:sen-0001", f"{DOC}:sen-0002", f"{DOC}:sen-0003"} <= set(page.ids)
    assert {f"{DOC}:c-{n:04d}" for n in range(1, 9)} <= set(page.ids)
    assert f"#{DOC}:sen-0002" in page.hrefs
    assert broken_links(files) == []


def test_ids_and_rule_names_fit_their_cells():
    """A sentence id is cut with an ellipsis if its column is narrow; a rule's name breaks only
    after its "/" (the browser test looks at it)."""
    markup = review_page(small_tables())
    assert f'<a class="id" href="#{DOC}:sen-0002">sen-0002</a>' in markup
    assert '<code class="rule">test.rule</code>' in markup
    tables = small_tables()
    tables["claims"][0]["rule_id"] = "infobox/abbreviation"
    assert '<code class="rule">infobox/<wbr>abbreviation</code>' in review_page(tables)


def test_facts_are_grouped_by_entity_and_property():
    tables = small_tables()
    tables["claims"].append(_claim(9, "Laiza", "located_in", "Myanmar", subject_id="laiza",
                                   value_type="entity", object_id=None))
    markup = review_page(tables)
    facts = markup[markup.index('id="facts.alpha-front"'):markup.index('id="timeline.')]
    headings = re.findall(r'<h4 id="entity\.alpha-front\.([a-z-]+)">([^<]*)', facts)
    assert headings == [("alpha-front", "Alpha &lt;Front&gt; "), ("laiza", "Laiza ")]
    inception = re.search(r'rowspan="2">founded <code>inception</code>', facts)
    assert inception, "the two inception claims share one property cell"
    assert facts.count('href="#alpha-front:sen-0002"') == 8
    assert 'href="#alpha-front:sen-0001"' in facts


def test_timeline_draws_bars_dots_open_ends_and_years():
    markup = review_page(small_tables())
    page = Page(markup)
    assert len(page.shapes("event")) == 4
    assert len(page.shapes("interval")) == 3 and len(page.shapes("point")) == 1
    assert len(page.shapes("bar")) == 3 and len(page.shapes("dot")) == 1
    assert len(page.shapes("open")) == 2, "one open start, one open end"
    assert len(page.shapes("band")) == 1, "1961 is a year: the dot has its band"
    years = re.findall(r'<text class="year"[^>]*>(-?[0-9]+)</text>', markup)
    assert years and int(years[0]) <= 1960 and int(years[-1]) >= 2011
    assert years == [str(y) for y in sorted(int(y) for y in years)]
    assert "founded &lt;i&gt;before&lt;/i&gt;" in markup
    assert [e["data-claim"] for e in page.shapes("event")] == [
        f"{DOC}:c-0007", f"{DOC}:c-0002", f"{DOC}:c-0001", f"{DOC}:c-0004"]


def test_year_position():
    assert year_position("2000-01-01") == 2000
    assert year_position("2000-12-31", end=True) == 2001
    assert 1961.49 < year_position("1961-07-01") < 1961.5
    assert year_position(None) is None and year_position("1961") is None


def test_conflicts_and_skipped_values_are_listed():
    markup = review_page(small_tables())
    conflicts = markup[markup.index('id="conflicts.alpha-front"'):markup.index('id="skipped.')]
    assert "Alpha &lt;Front&gt; · founded" in conflicts
    assert conflicts.index('href="#alpha-front:c-0002"') < conflicts.index(
        'href="#alpha-front:c-0006"')
    skipped = markup[markup.index('id="skipped.alpha-front"'):]
    assert 'href="#alpha-front:k-001"' in skipped and "test.skip" in skipped
    assert "conflicts 1</a>" in markup and "skipped 1</a>" in markup


def test_a_quote_that_is_not_its_span_is_reported():
    tables = small_tables()
    tables["claims"][1] = {**tables["claims"][1], "quote": "1962"}
    files = site(tables)
    assert "Provenance problems" in files[INDEX]
    assert "alpha-front:c-0002: the quote" in files[INDEX]
    assert "⚠ span" in files[article_path(DOC)]


@pytest.mark.parametrize("tables", [
    {},
    {name: [] for name in ("documents", "sentences", "claims", "skipped", "events")},
    {"documents": [{"document_id": "empty", "title": "Empty", "text": ""}]},
    {"documents": [{"document_id": "bare", "title": "Bare", "source": "s/b.txt",
                    "sha256": "1" * 64, "characters": 5, "text": "Bare."}],
     "sentences": [], "claims": [], "skipped": [], "events": [], "entities": []},
])
def test_empty_tables_give_a_valid_site(tables):
    files = site(tables, {})
    assert broken_links(files) == []
    for markup in (text for path, text in files.items() if path.endswith(".html")):
        assert markup.startswith("<!DOCTYPE html>") and markup.endswith("</html>\n")
    if not tables.get("documents"):
        assert "The package has no documents." in files[INDEX]
    for document in tables.get("documents", []):
        markup = files[article_path(document["document_id"])]
        page = Page(markup)
        assert not page.claims and not page.marks
        assert page.texts.get(document["document_id"], "") == document["text"]
        assert "No facts were read" in markup and "No dated facts" in markup


def test_events_that_cannot_be_drawn_are_still_listed():
    tables = small_tables()
    tables["events"] = [{**tables["events"][0], "earliest": None, "latest": None}]
    markup = review_page(tables)
    assert "<svg" not in markup and "period of activity: 1994/2011-06" in markup


def test_a_highlight_names_the_file_and_line_of_its_rule():
    tables = small_tables()
    tables["rules"] = [{"rule_id": "test.rule", "file": "pipeline/rules/test.yaml", "line": 12,
                        "sha256": "0" * 64, "description": "a test rule"}]
    page = Page(review_page(tables))
    laiza = next(m for m in page.marks if "alpha-front:c-0004" in m["data-claims"].split())
    assert "  rule_id: test.rule (pipeline/rules/test.yaml:12)" in laiza["data-tip"].splitlines()


# --- several articles: the index and the entities they share ---------------------------


def two_articles() -> dict[str, list[dict]]:
    """The small article, and a second one that names Laiza too (and conflicts with it)."""
    tables = small_tables()
    other = "beta-front"
    text = "Beta moved to Laiza in 1970."
    start = text.index("Laiza")
    tables["documents"].append({"document_id": other, "title": "Beta Front",
                                "source": "seeds/b.txt", "sha256": "2" * 64,
                                "characters": len(text), "text": text})
    tables["sentences"].append({"sentence_id": f"{other}:sen-0001", "document_id": other,
                                "section_id": f"{other}:sec-00", "ordinal": 1, "kind": "prose",
                                "line": 1, "char_start": 0, "char_end": len(text),
                                "text": text})
    tables["claims"].append({**tables["claims"][3], "claim_id": f"{other}:c-0001",
                             "document_id": other, "subject_id": other,
                             "sentence_id": f"{other}:sen-0001", "char_start": start,
                             "char_end": start + 5, "evidence_start": start,
                             "evidence_end": start + 5, "start_time": "1970",
                             "conflicts_with": f"{DOC}:c-0002"})
    tables["entities"].append({"entity_id": other, "label": "Beta Front",
                               "type": "organisation", "first_sentence_id": f"{other}:sen-0001"})
    return tables


def test_an_entity_named_in_two_articles_has_a_page_listing_both():
    tables = two_articles()
    files = site(tables)
    assert broken_links(files) == []
    laiza = files["review/entities/laiza.html"]
    assert [a for a in Page(laiza).hrefs if "sen-" in a] == [
        f"../articles/{DOC}.html#{DOC}:sen-0002", f"../articles/{DOC}.html#{DOC}:sen-0002",
        "../articles/beta-front.html#beta-front:sen-0001"]
    assert "3 claims about it or naming it, in 2 articles." in laiza
    assert "review/entities/alpha-front.html" not in files, "named in one article only"
    assert 'href="../entities/laiza.html"' in files[article_path(DOC)]
    assert 'href="../entities/laiza.html"' in files[article_path("beta-front")]
    assert ('href="entities/laiza.html">Laiza</a> <small>place</small></td><td>2</td><td>3</td>'
            in files["review/entities.html"])
    conflicts = files[article_path("beta-front")]
    assert f'href="{DOC}.html#{DOC}:c-0002"' in conflicts, "a conflict in another article"


def test_the_index_has_a_row_per_article_with_its_counts_and_a_filter():
    tables = two_articles()
    tables["claims"][0]["statement_rank"] = "deprecated"
    index = site(tables)[INDEX]
    rows = re.findall(r'<tr><td><a href="([^"]+)">([^<]+)</a></td>((?:<td>[0-9]+</td>)+)', index)
    assert [(link, title, re.findall("[0-9]+", counts)) for link, title, counts in rows] == [
        (f"review/articles/{DOC}.html", "Alpha &amp; &lt;Omega&gt;", ["8", "1", "1", "1"]),
        ("review/articles/beta-front.html", "Beta Front", ["1", "1", "0", "0"])]
    assert 'data-filters="articles"' in index and 'src="review/review.js"' in index
    assert "1 entity named in more than one article" in index


def test_the_site_is_deterministic_and_its_pages_load_nothing_from_elsewhere():
    tables = two_articles()
    files = site(tables)
    assert files == site(two_articles())
    for path, markup in files.items():
        if not path.endswith(".html"):
            continue
        for tag, attributes in Page(markup).elements:
            assert tag not in {"iframe", "img", "object", "embed"}, (path, tag)
            assert not any(name.startswith("on") for name in attributes), (path, attributes)
            if tag == "script":  # where it leads: broken_links
                assert attributes["src"].endswith("review.js"), attributes
            if tag == "link":
                assert attributes["href"].endswith("review.css"), attributes
    assert broken_links(files) == []
    style = files["review/review.css"]
    assert "@import" not in style and "url(" not in style and "@font-face" not in style
    assert "http" not in files["review/review.js"]


def test_a_rebuild_renders_only_the_pages_whose_rows_changed(tmp_path, monkeypatch):
    """Article and entity pages an earlier build rendered from the same inputs are the replaced
    package's files, linked, not rendered again: after one article changes, only its page and
    the pages of the entities it names are rendered. A remembered page that the replaced
    package no longer holds as it was is rendered again. A label is an input of the pages
    that show it only."""
    from pipeline import site as site_module
    from pipeline.cache import Memo, PreviousPackage
    from pipeline.manifest import write_manifest
    made = []
    original = site_module.rendered

    def counted(render, *inputs):
        if render is not str:  # an article's or an entity's page
            made.append(inputs[1].get("document_id") or inputs[1]["entity_id"])
        return original(render, *inputs)
    monkeypatch.setattr(site_module, "rendered", counted)

    def build(tables, number: int) -> dict[str, str]:
        folder = tmp_path / f"package-{number}"
        folder.mkdir()
        memo = Memo(tmp_path / "cache", "review")
        replaced = PreviousPackage(tmp_path / f"package-{number - 1}")
        assert site_module.write_site(folder, tables, DESCRIPTOR, memo, replaced)
        memo.close()
        write_manifest(folder)
        return site_on_disk(folder)

    def inode(number: int, document: str) -> int:
        return (tmp_path / f"package-{number}" / article_path(document)).stat().st_ino

    tables = two_articles()
    tables["claims"][-1]["conflicts_with"] = None  # else Alpha's page shows it too
    first = build(tables, 1)
    assert sorted(made) == ["alpha-front", "beta-front", "laiza"]
    made.clear()
    assert build(tables, 2) == first and made == []
    assert inode(2, "alpha-front") == inode(1, "alpha-front")
    tables["claims"][-1]["start_time"] = "1971"  # Beta Front's claim about Laiza
    again = build(tables, 3)
    assert sorted(made) == ["beta-front", "laiza"]
    assert again == site(tables)
    made.clear()
    lost = tmp_path / "package-3" / article_path("alpha-front")
    lost.write_bytes(lost.read_bytes().replace(b"<html", b"<HTML", 1))  # its size kept
    assert build(tables, 4) == again and made == ["alpha-front"]
    made.clear()  # a property no page's claims name (a new article's infobox key, say)
    tables["properties"] = [*tables.get("properties", []), {"property_id": "slogan",
                                                            "label": "slogan"}]
    assert build(tables, 5) == site(tables) and made == []


# --- packages -----------------------------------------------------------------------------


def package_tables(folder: Path) -> tuple[dict[str, list[dict]], dict]:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: read_table(folder, r["name"]) for r in descriptor["resources"]}, descriptor


def site_on_disk(package: Path) -> dict[str, str]:
    """The review site a publish wrote: its files by path in the package."""
    paths = [package / INDEX, *sorted((package / "review").rglob("*"))]
    return {path.relative_to(package).as_posix(): path.read_text(encoding="utf-8")
            for path in paths if path.is_file()}


@pytest.mark.parametrize("package", ["built_package", "seed_package"])
def test_a_published_site_is_complete_and_every_link_resolves(package, request):
    folder = request.getfixturevalue(package)
    tables, descriptor = package_tables(folder)
    files = site_on_disk(folder)
    assert files == site(tables, descriptor), "what publish wrote is what the tables make"
    assert broken_links(files) == []
    for document in tables["documents"]:
        markup = files[article_path(document["document_id"])]
        assert len(markup.encode("utf-8")) < MAX_BYTES
        page = Page(markup)
        assert_highlights_equal_quotes(page, tables, document["document_id"])
        own = [c for c in tables["claims"] if c["document_id"] == document["document_id"]]
        assert {c["sentence_id"] for c in own} <= set(page.ids)
        events = {c["claim_id"] for c in own} & {e["claim_id"] for e in tables["events"]}
        assert len(page.shapes("event")) == len(events)
        assert f'href="{article_path(document["document_id"])}"' in files[INDEX]

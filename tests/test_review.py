"""The review page (pipeline/review.py): highlights that equal their quotes even where spans
overlap, escaped text, facts, timeline, conflicts and skipped values; and the same page as a real
browser renders it (Debian's chromium, skipped where it is not installed)."""

import json
import re
import shutil
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.package import read_table
from pipeline.publish import publish
from pipeline.review import pieces, review_page, year_position
from tests.conftest import FIXTURES

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "review"
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
        self.hrefs: list[str] = []
        self.marks: list[dict] = []
        self.elements: list[tuple[str, dict]] = []
        self.feed(markup)
        self.close()

    def _element(self, tag: str, attrs: list) -> dict:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if "href" in attributes:
            self.hrefs.append(attributes["href"])
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


def assert_highlights_equal_quotes(page: Page, tables: dict[str, list[dict]]) -> None:
    for claim in tables["claims"]:
        assert page.claims.get(claim["claim_id"]) == claim["quote"], claim["claim_id"]
    for skip in tables.get("skipped", []):
        assert page.skips.get(skip["skip_id"]) == skip["quote"], skip["skip_id"]
    for document in tables["documents"]:
        assert page.texts[document["document_id"]] == document["text"]


def assert_links_resolve(page: Page) -> None:
    assert len(page.ids) == len(set(page.ids)), "ids are unique"
    internal = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert set(internal) <= set(page.ids), set(internal) - set(page.ids)
    assert all(h.startswith("#") for h in page.hrefs), "no link leaves the page"


def test_pieces_cut_at_every_boundary():
    spans = [(0, 10, "a"), (3, 6, "b"), (5, 12, "c"), (20, 20, "empty"), (-4, 2, "d")]
    assert pieces(14, spans) == [(0, 2, ["a", "d"]), (2, 3, ["a"]), (3, 5, ["a", "b"]),
                                 (5, 6, ["a", "b", "c"]), (6, 10, ["a", "c"]), (10, 12, ["c"]),
                                 (12, 14, [])]
    assert pieces(0, []) == []


def test_overlapping_and_nested_spans_each_equal_their_quote():
    tables = small_tables()
    page = Page(review_page(tables, DESCRIPTOR))
    assert_highlights_equal_quotes(page, tables)
    year = next(m for m in page.marks if "alpha-front:c-0002" in m["data-claims"].split())
    assert year["data-claims"].split() == ["alpha-front:c-0001", "alpha-front:c-0002"]
    assert "d2" in year["class"].split() and "conflict" in year["class"].split()
    laiza = [m for m in page.marks if "alpha-front:c-0005" in m["data-claims"].split()]
    assert [m["data-claims"].split() for m in laiza] == [
        ["alpha-front:c-0001", "alpha-front:c-0004", "alpha-front:c-0005", "alpha-front:c-0006"]]
    assert "d3" in laiza[0]["class"].split()


def test_marks_are_flat_so_no_claim_text_is_counted_twice():
    markup = review_page(small_tables(), DESCRIPTOR)
    body = markup[markup.index('<div class="text"'):]
    depth = 0
    for tag in re.finditer(r"<(/?)mark\b", body):
        depth += -1 if tag.group(1) else 1
        assert depth in (0, 1)


def test_article_text_and_values_are_escaped():
    tables = small_tables()
    markup = review_page(tables, DESCRIPTOR)
    assert "<script" not in markup.lower() and "<b>bold" not in markup
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in markup
    assert "<Omega>" not in markup and "Alpha &amp; &lt;Omega&gt;" in markup
    assert "<em>" not in markup and "markdown &lt;em&gt;, not a value" in markup
    page = Page(markup)
    assert page.texts[DOC] == TEXT
    motto = next(m for m in page.marks if "alpha-front:c-0003" in m["data-claims"].split())
    assert '\n\nmotto = <script>alert("x")</script>' in motto["data-tip"]


def test_a_highlight_tells_property_value_qualifiers_and_rule():
    page = Page(review_page(small_tables(), DESCRIPTOR))
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
    assert "mark[data-tip]:focus::after" in review_page(small_tables(), DESCRIPTOR)


def test_sentences_are_anchors_and_every_link_resolves():
    page = Page(review_page(small_tables(), DESCRIPTOR))
    assert {f"{DOC}:sen-0001", f"{DOC}:sen-0002", f"{DOC}:sen-0003"} <= set(page.ids)
    assert {f"{DOC}:c-{n:04d}" for n in range(1, 9)} <= set(page.ids)
    assert f"#{DOC}:sen-0002" in page.hrefs
    assert_links_resolve(page)


def test_facts_are_grouped_by_entity_and_property():
    tables = small_tables()
    tables["claims"].append(_claim(9, "Laiza", "located_in", "Myanmar", subject_id="laiza",
                                   value_type="entity", object_id=None))
    markup = review_page(tables, DESCRIPTOR)
    facts = markup[markup.index('id="facts.alpha-front"'):markup.index('id="timeline.')]
    headings = re.findall(r'<h4 id="entity\.alpha-front\.([a-z-]+)">([^<]*)', facts)
    assert headings == [("alpha-front", "Alpha &lt;Front&gt; "), ("laiza", "Laiza ")]
    inception = re.search(r'rowspan="2">founded <code>inception</code>', facts)
    assert inception, "the two inception claims share one property cell"
    assert facts.count('href="#alpha-front:sen-0002"') == 8
    assert 'href="#alpha-front:sen-0001"' in facts


def test_timeline_draws_bars_dots_open_ends_and_years():
    markup = review_page(small_tables(), DESCRIPTOR)
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
    markup = review_page(small_tables(), DESCRIPTOR)
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
    markup = review_page(tables, DESCRIPTOR)
    assert "Provenance problems" in markup and "alpha-front:c-0002: the quote" in markup
    assert "⚠ span" in markup


@pytest.mark.parametrize("tables", [
    {},
    {name: [] for name in ("documents", "sentences", "claims", "skipped", "events")},
    {"documents": [{"document_id": "empty", "title": "Empty", "text": ""}]},
    {"documents": [{"document_id": "bare", "title": "Bare", "source": "s/b.txt",
                    "sha256": "1" * 64, "characters": 5, "text": "Bare."}],
     "sentences": [], "claims": [], "skipped": [], "events": [], "entities": []},
])
def test_empty_tables_give_a_valid_page(tables):
    markup = review_page(tables, {})
    assert markup.startswith("<!DOCTYPE html>") and markup.endswith("</html>\n")
    page = Page(markup)
    assert_links_resolve(page)
    assert not page.claims and not page.marks
    for document in tables.get("documents", []):
        assert page.texts.get(document["document_id"], "") == document["text"]
        assert "No facts were read" in markup and "No dated facts" in markup


def test_events_that_cannot_be_drawn_are_still_listed():
    tables = small_tables()
    tables["events"] = [{**tables["events"][0], "earliest": None, "latest": None}]
    markup = review_page(tables, DESCRIPTOR)
    assert "<svg" not in markup and "period of activity: 1994/2011-06" in markup


# --- the fixture package ------------------------------------------------------------------


def package_tables(folder: Path) -> tuple[dict[str, list[dict]], dict]:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: read_table(folder, r["name"]) for r in descriptor["resources"]}, descriptor


@pytest.mark.parametrize("package", ["built_package", "seed_package"])
def test_a_package_page_is_complete_deterministic_and_self_contained(package, request):
    tables, descriptor = package_tables(request.getfixturevalue(package))
    markup = review_page(tables, descriptor)
    assert markup == review_page(tables, descriptor)
    assert len(markup.encode("utf-8")) < MAX_BYTES
    page = Page(markup)
    assert_highlights_equal_quotes(page, tables)
    assert_links_resolve(page)
    for tag, attributes in page.elements:
        assert tag not in {"script", "link", "iframe", "img", "object", "embed"}, tag
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        assert "src" not in attributes
    assert "@import" not in markup and "url(http" not in markup and "@font-face" not in markup
    for document in tables["documents"]:
        assert f'href="#article.{document["document_id"]}"' in markup
    for sentence_id in {c["sentence_id"] for c in tables["claims"]}:
        assert sentence_id in page.ids
    drawable = [e for e in tables["events"] if e["earliest"] or e["latest"]]
    assert len(page.shapes("event")) == (len(tables["events"]) if drawable else 0)


@pytest.fixture(scope="module")
def curated_package(tmp_path_factory) -> Path:
    """A fixture article with a reviewer's curation file (see tests/test_curation.py)."""
    from tests.test_curation import ARTICLE, CURATION, decisions
    root = tmp_path_factory.mktemp("curated")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / ARTICLE, seeds / ARTICLE)
    publish(seeds, root / "plain", report=lambda *args, **kwargs: None)
    (seeds / CURATION).write_text(decisions(root / "plain"), encoding="utf-8")
    publish(seeds, root / "package", report=lambda *args, **kwargs: None)
    return root / "package"


# --- a real browser -----------------------------------------------------------------------

BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHROMIUM), *BROWSER_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180, check=False)


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                    "(apt-get install -y chromium)")
@pytest.mark.parametrize("source", ["seed", "fixtures", "overlaps", "curated"])
def test_a_browser_renders_every_highlight_as_its_quote(source, request, tmp_path):
    """Screenshots (1280x800) go to artifacts/review/<source>.png, which git ignores."""
    if source == "overlaps":
        tables, descriptor = small_tables(), DESCRIPTOR
    else:
        package = {"seed": "seed_package", "fixtures": "built_package",
                   "curated": "curated_package"}[source]
        tables, descriptor = package_tables(request.getfixturevalue(package))
    site = tmp_path / "site"
    site.mkdir()
    index = site / "index.html"
    index.write_bytes(review_page(tables, descriptor).encode("utf-8"))
    dumped = chromium("--dump-dom", index.as_uri(), profile=tmp_path / "profile")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    page = Page(dumped.stdout)
    assert page.marks, "the browser kept the highlights"
    assert_highlights_equal_quotes(page, tables)
    assert_links_resolve(page)

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{source}.png"
    shot.unlink(missing_ok=True)
    taken = chromium(f"--screenshot={shot}", "--window-size=1280,800", index.as_uri(),
                     profile=tmp_path / "profile-shot")
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.stat().st_size > 10_000, "a screenshot of a page, not of a blank window"
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)
    shutil.rmtree(tmp_path / "profile-shot", ignore_errors=True)


def test_a_highlight_names_the_file_and_line_of_its_rule():
    tables = small_tables()
    tables["rules"] = [{"rule_id": "test.rule", "file": "pipeline/rules/test.yaml", "line": 12,
                        "sha256": "0" * 64, "description": "a test rule"}]
    page = Page(review_page(tables, DESCRIPTOR))
    laiza = next(m for m in page.marks if "alpha-front:c-0004" in m["data-claims"].split())
    assert "  rule_id: test.rule (pipeline/rules/test.yaml:12)" in laiza["data-tip"].splitlines()


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                    "(apt-get install -y chromium)")
def test_a_browser_shows_what_a_reviewer_decided(curated_package, tmp_path):
    """A rejected claim is struck through with its reason, a corrected one shows what was
    extracted, and every other claim offers a reject entry ready to paste."""
    tables, descriptor = package_tables(curated_package)
    index = tmp_path / "index.html"
    index.write_bytes(review_page(tables, descriptor).encode("utf-8"))
    dumped = chromium("--dump-dom", index.as_uri(), profile=tmp_path / "profile")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    rejected = next(c for c in tables["claims"] if c["statement_rank"] == "deprecated")
    assert (f'<del><a href="#{rejected["claim_id"]}">{rejected["value"]}</a></del> '
            '<span class="badge curated-badge">rejected</span>'
            f'<div class="written">{rejected["deprecation_reason"]}</div>') in dom
    assert 'class="d1 deprecated"' in dom
    assert 'extracted <q>fighting resumed</q>' in dom
    entries = re.findall(r"<pre>  - claim: (\S+)\n    reason: </pre>", dom)
    assert sorted(entries) == sorted(c["claim_id"] for c in tables["claims"]
                                     if c["statement_rank"] != "deprecated")
    assert "northern-hills-front.curation.yaml" in dom

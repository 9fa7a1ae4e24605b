"""The review site as a real browser renders it (Debian's chromium; skipped where it is not
installed), on a corpus of many articles made from the repository's own articles: the index
opens and filters, article and entity pages render with every highlight equal to its quote,
and no relative link anywhere in the site leads nowhere. Screenshots (1280x800) go to
artifacts/review/, which git ignores: look at them."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.publish import publish
from pipeline.site import ENTITIES, INDEX, article_path
from tests.conftest import FIXTURES, SEEDS, quiet
from tests.test_review import (
    Page,
    assert_highlights_equal_quotes,
    broken_links,
    package_tables,
    site_on_disk,
)

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "review"
COPIES = 8  # of each article: the corpus's entities recur across articles, as a real one's do
TITLE = re.compile(r"^= (?P<title>.+?) =", re.MULTILINE)
BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
# Each test here starts a browser or needs a corpus of 24 articles: `-m "not slow"` skips them.
pytestmark = pytest.mark.slow
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
    "(apt-get install -y chromium)")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """The seed and the fixture articles, each copied COPIES times with a numbered title,
    published once for the session."""
    root = tmp_path_factory.mktemp("corpus")
    seeds = root / "seeds"
    seeds.mkdir()
    for source in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")]:
        text = source.read_text(encoding="utf-8")
        for copy in range(COPIES):
            numbered = TITLE.sub(lambda m, n=copy: f"= {m['title']} {n:02d} =", text, count=1)
            (seeds / f"{source.stem}-{copy:02d}.txt").write_text(numbered, encoding="utf-8")
    publish(seeds, root / "package", report=quiet)
    return root / "package"


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHROMIUM), *BROWSER_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180, check=False)


def rendered(url: str, tmp_path: Path) -> str:
    """The page's DOM once the browser has loaded it and run its script."""
    dumped = chromium("--dump-dom", url, profile=tmp_path / "profile")
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    return dumped.stdout


def screenshot(url: str, name: str, tmp_path: Path) -> None:
    """The page at `url` as a 1280x800 window shows it, scrolled to its fragment: in a frame,
    as headless chromium paints a scrolled page blank."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    frame = tmp_path / "frame.html"
    frame.write_text(f'<!DOCTYPE html><body style="margin:0"><iframe src="{url}" '
                     'style="width:1280px;height:800px;border:0"></iframe>', encoding="utf-8")
    taken = chromium(f"--screenshot={shot}", "--window-size=1280,800", frame.as_uri(),
                     profile=tmp_path / "profile-shot")
    shutil.rmtree(tmp_path / "profile-shot", ignore_errors=True)
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.stat().st_size > 10_000, "a screenshot of a page, not of a blank window"


def test_no_link_anywhere_in_the_site_leads_nowhere(corpus):
    files = site_on_disk(corpus)
    tables, _ = package_tables(corpus)
    assert len(tables["documents"]) == 3 * COPIES
    assert sum(path.startswith(ENTITIES + "/") for path in files) > 10
    assert broken_links(files) == []


@needs_chromium
def test_a_browser_opens_the_index_and_its_filter_keeps_the_rows_that_match(corpus, tmp_path):
    dom = rendered((corpus / INDEX).as_uri() + "?q=river%2003", tmp_path)
    rows = re.findall(r"<tr( hidden=\"\")?><td><a [^>]*>([^<]+)</a>", dom)
    assert len(rows) == 3 * COPIES
    assert [title for hidden, title in rows if not hidden] == ["River Peoples Council 03"]
    assert f'id="articles-shown">1 of {3 * COPIES}<' in dom
    screenshot((corpus / INDEX).as_uri(), "index", tmp_path)


@needs_chromium
def test_a_browser_renders_article_and_entity_pages(corpus, tmp_path):
    tables, _ = package_tables(corpus)
    seed = tables["documents"][0]["document_id"]
    for document_id in (seed, tables["documents"][-1]["document_id"]):
        page = Page(rendered((corpus / article_path(document_id)).as_uri(), tmp_path))
        assert page.marks, "the browser kept the highlights"
        assert_highlights_equal_quotes(page, tables, document_id)
    entity = sorted((corpus / ENTITIES).glob("*.html"))[0]
    dom = rendered(entity.as_uri(), tmp_path)
    assert f"in {COPIES} articles" in dom or "articles.</p>" in dom
    assert len(re.findall(r'<a class="id" href="../articles/', dom)) >= 2
    screenshot((corpus / article_path(seed)).as_uri(), "article", tmp_path)
    for part in ("facts", "conflicts"):
        screenshot((corpus / article_path(seed)).as_uri() + f"#{part}.{seed}", f"article-{part}",
                   tmp_path)
    screenshot(entity.as_uri(), "entity", tmp_path)


@pytest.fixture(scope="module")
def curated_package(tmp_path_factory) -> Path:
    """A fixture article with a reviewer's curation file (see tests/test_curation.py)."""
    from tests.test_curation import ARTICLE, CURATION, decisions
    root = tmp_path_factory.mktemp("curated")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / ARTICLE, seeds / ARTICLE)
    publish(seeds, root / "plain", report=quiet)
    (seeds / CURATION).write_text(decisions(root / "plain"), encoding="utf-8")
    publish(seeds, root / "package", report=quiet)
    return root / "package"


@needs_chromium
def test_a_browser_shows_what_a_reviewer_decided(curated_package, tmp_path):
    """A rejected claim is struck through with its reason, a corrected one shows what was
    extracted, and every other claim offers a reject entry ready to paste; the index counts
    the curated claims."""
    tables, _ = package_tables(curated_package)
    document_id = tables["documents"][0]["document_id"]
    dom = rendered((curated_package / article_path(document_id)).as_uri(), tmp_path)
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
    curated = sum(c["statement_rank"] == "deprecated" or c["extracted_value"] is not None
                  or c["rule_id"].startswith("curation/") for c in tables["claims"])
    index = (curated_package / INDEX).read_text(encoding="utf-8")
    assert index.count(f"<td>{curated}</td></tr>") == 1 and curated >= 3

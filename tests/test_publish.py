"""End to end: the CLI publishes a valid, deterministic package, and refuses bad input cleanly."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from pipeline.__main__ import main
from pipeline.schemas import PROFILE
from pipeline.validate import descriptor_problems, validate_package

REPO = Path(__file__).resolve().parent.parent


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_published_package_is_valid(built_package):
    assert validate_package(built_package) == []


def test_descriptor_has_the_contract_fields(built_package):
    descriptor = json.loads((built_package / "datapackage.json").read_text())
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    for key in ("name", "title", "description", "version", "licenses", "sources",
                "contributors"):
        assert descriptor[key], key
    assert [s["path"] for s in descriptor["sources"]] == [
        "articles/northern-hills-front.txt", "articles/river-council.txt"]
    for resource in descriptor["resources"]:
        assert resource["hash"].startswith("sha256:")
        assert {"path", "schema", "bytes", "encoding", "mediatype"} <= set(resource)
        assert resource["schema"]["primaryKey"]
        assert all(field["description"] for field in resource["schema"]["fields"])
    assert descriptor_problems(descriptor, PROFILE) == []


def test_csv_is_utf8_lf_without_bom(built_package):
    for path in (built_package / "data").glob("*.csv"):
        content = path.read_bytes()
        assert not content.startswith(b"\xef\xbb\xbf")
        assert b"\r" not in content.replace(b'"\r', b"")


def test_rebuild_is_byte_identical(built_package, tmp_path):
    assert main(["publish", "--seeds", str(FIXTURES), "--out", str(tmp_path / "again")]) == 0
    assert tree(tmp_path / "again") == tree(built_package)


def test_cli_publish_and_validate(tmp_path, cli):
    """In this process: tests/test_progress.py runs `python -m pipeline` as a process."""
    out = tmp_path / "pkg"
    result = cli("publish", "--seeds", FIXTURES, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "published" in result.stdout
    result = cli("validate", out)
    assert result.returncode == 0 and "valid" in result.stdout


def test_republish_replaces_the_package(tmp_path, seeds):
    out = tmp_path / "pkg"
    (seeds / "a.txt").write_text("= Alpha =\n\nOne.\n", encoding="utf-8")
    assert main(["publish", "--seeds", str(seeds), "--out", str(out)]) == 0
    (seeds / "b.txt").write_text("= Beta =\n\nTwo.\n", encoding="utf-8")
    assert main(["publish", "--seeds", str(seeds), "--out", str(out)]) == 0
    assert "beta" in (out / "data" / "documents.csv").read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pkg")]


BAD_INPUTS = {
    "empty": (b"", "a.txt: the article is empty"),
    "no-title": (b"Just text.\n", "a.txt:1: the first line must be the title"),
    "not-utf8": (b"= T =\n\nabc \xff\n", "a.txt:3: not valid UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_article_gives_one_line_exit_2_and_leaves_package(name, seeds, built_package,
                                                            tmp_path, cli):
    content, message = BAD_INPUTS[name]
    (seeds / "a.txt").write_bytes(content)
    out = tmp_path / "package"
    before = tree(built_package)
    shutil.copytree(built_package, out)
    result = cli("publish", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert tree(out) == before


def test_empty_seeds_folder_and_file_as_out(seeds, tmp_path, cli):
    result = cli("publish", "--seeds", str(seeds), "--out", str(tmp_path / "p"))
    assert result.returncode == 2 and "no articles" in result.stderr
    target = tmp_path / "file"
    target.write_text("keep me")
    result = cli("publish", "--seeds", str(FIXTURES), "--out", str(target))
    assert result.returncode == 2 and "not a folder" in result.stderr
    assert target.read_text() == "keep me"


def test_duplicate_titles_are_refused(seeds, tmp_path, cli):
    (seeds / "a.txt").write_text("= Same =\n\nOne.\n", encoding="utf-8")
    (seeds / "b.txt").write_text("= Same =\n\nTwo.\n", encoding="utf-8")
    result = cli("publish", "--seeds", str(seeds), "--out", str(tmp_path / "p"))
    assert result.returncode == 2 and "same document id" in result.stderr


def test_warnings_are_published_and_printed(seeds, tmp_path, cli):
    (seeds / "a.txt").write_text("= W =\n\nW\n- odd line\n\n==== Deep ====\nx.\n",
                                 encoding="utf-8")
    result = cli("publish", "--seeds", str(seeds), "--out", str(tmp_path / "p"))
    assert result.returncode == 0, result.stderr
    assert "seeds/a.txt:4: warning [infobox-no-key]" in result.stderr
    warnings = (tmp_path / "p" / "data" / "warnings.csv").read_text()
    assert "heading-skips-level" in warnings and "infobox-no-key" in warnings


def test_validate_with_a_missing_profile_is_a_clean_error(built_package, tmp_path, cli):
    result = cli("validate", str(built_package), "--profile", str(tmp_path / "nope.json"))
    assert result.returncode == 1
    assert "cannot read the profile" in result.stderr and "Traceback" not in result.stderr


def test_output_is_identical_with_one_or_two_workers(tmp_path, built_package):
    from conftest import quiet

    from pipeline.executor import LocalProcesses
    from pipeline.publish import publish
    out = tmp_path / "two"
    publish(FIXTURES, out, report=quiet, executor=LocalProcesses(2))
    assert tree(out) == tree(built_package)


def test_cache_skips_unchanged_work(tmp_path, seeds, monkeypatch):
    from conftest import quiet

    import pipeline.publish as publishing
    for name in ("a", "b", "c"):
        (seeds / f"{name}.txt").write_text(f"= Title {name} =\n\nText {name}.\n", encoding="utf-8")
    log = tmp_path / "built.log"  # a file, as articles may be built in a forked process
    real = publishing.build_article

    def logged(path, source):
        with log.open("a") as handle:
            handle.write(path.name + "\n")
        return real(path, source)

    def built() -> list[str]:
        return log.read_text().split() if log.exists() else []

    monkeypatch.setattr(publishing, "build_article", logged)
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    assert publishing.publish(seeds, out, report=quiet, cache_folder=cache) is not None
    assert sorted(built()) == ["a.txt", "b.txt", "c.txt"]
    assert publishing.publish(seeds, out, report=quiet, cache_folder=cache) is None
    (seeds / "b.txt").write_text("= Title b =\n\nChanged.\n", encoding="utf-8")
    before = len(built())
    assert publishing.publish(seeds, out, report=quiet, cache_folder=cache) is not None
    assert built()[before:] == ["b.txt"]
    assert "Changed." in (out / "data" / "documents.csv").read_text()


def test_a_changed_package_is_rebuilt_even_with_unchanged_inputs(tmp_path, seeds):
    from conftest import quiet

    from pipeline.publish import publish
    (seeds / "a.txt").write_text("= A =\n\nText.\n", encoding="utf-8")
    cache, out = tmp_path / "cache", tmp_path / "pkg"
    publish(seeds, out, report=quiet, cache_folder=cache)
    (out / "data" / "documents.csv").write_text("tampered")
    assert publish(seeds, out, report=quiet, cache_folder=cache) is not None
    assert "tampered" not in (out / "data" / "documents.csv").read_text()


def test_cache_key_changes_with_the_code(monkeypatch):
    import pipeline.cache as caching
    before = caching.article_key("seeds/a.txt", b"= A =\n")
    monkeypatch.setattr(caching, "fingerprint", lambda: "other code")
    assert caching.article_key("seeds/a.txt", b"= A =\n") != before


def test_input_error_crosses_worker_processes(seeds, tmp_path, cli):
    (seeds / "a.txt").write_text("= A =\n\nFine.\n", encoding="utf-8")
    (seeds / "b.txt").write_bytes(b"")
    result = cli("publish", "--seeds", str(seeds), "--out", str(tmp_path / "p"),
                 "--workers", "2", "--no-cache")
    assert result.returncode == 2 and "b.txt: the article is empty" in result.stderr


def test_size_limits_give_a_clear_error(seeds, tmp_path, cli):
    (seeds / "a.txt").write_text("= A =\n\n" + "Words here. " * 100 + "\n", encoding="utf-8")
    (seeds / "b.txt").write_text("= B =\n\n" + "Words here. " * 100 + "\n", encoding="utf-8")
    out = str(tmp_path / "p")
    result = cli("publish", "--seeds", str(seeds), "--out", out, "--max-article-bytes", "500")
    assert result.returncode == 2 and "over the per-article limit of 500" in result.stderr
    result = cli("publish", "--seeds", str(seeds), "--out", out, "--max-total-bytes", "1500")
    assert result.returncode == 2 and "over the total limit of 1500" in result.stderr
    assert not (tmp_path / "p").exists()


def test_formula_like_values_are_published_unchanged_and_warned(seeds, tmp_path, cli):
    (seeds / "a.txt").write_text("= F =\n\nF\n- Motto: =HYPERLINK(\"x\")\n- Status: @risk\n",
                                 encoding="utf-8")
    out = tmp_path / "p"
    result = cli("publish", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "formula-like" in result.stderr and "claims.csv column value" in result.stderr
    assert '=HYPERLINK(""x"")' in (out / "data" / "claims.csv").read_text()
    result = cli("validate", str(out))
    assert result.returncode == 0 and "formula-like" in result.stderr


def test_a_rebuild_from_the_cache_equals_a_fresh_build(tmp_path, seeds):
    """Cached articles and remembered review parts and row checks give the same bytes."""
    from conftest import quiet

    from pipeline.publish import publish
    for path in FIXTURES.glob("*.txt"):
        (seeds / path.name).write_bytes(path.read_bytes())
    cache, out, fresh = tmp_path / "cache", tmp_path / "pkg", tmp_path / "fresh"
    publish(seeds, out, report=quiet, cache_folder=cache)
    edited = sorted(seeds.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nIn 1999, it was renamed.\n",
                      encoding="utf-8")
    publish(seeds, out, report=quiet, cache_folder=cache)
    publish(seeds, fresh, report=quiet)
    assert folder_bytes(out) == folder_bytes(fresh)


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_memo_computes_only_new_inputs(tmp_path):
    from pipeline.cache import Memo
    calls = []

    def double(value):
        calls.append(value)
        return value * 2

    memo = Memo(tmp_path, "test")
    assert memo.map(double, [(1,), (2,), (1,)]) == [2, 4, 2]
    memo.close()
    assert Memo(tmp_path, "test").map(double, [(2,), (3,)]) == [4, 6]
    assert calls == [1, 2, 1, 3]  # both 1s are new in the first call; 2 is remembered


def test_memo_keeps_what_keep_makes_of_a_result_and_computes_again_on_request(tmp_path):
    """A result computed now is returned whole; a later build gets what `keep` made of it
    (a page's digest, where the page itself is kept elsewhere); `computed` remembers nothing."""
    from pipeline.cache import Memo
    calls = []

    def page(text):
        calls.append(text)
        return {"text": text, "size": len(text)}

    def size_only(result):
        return {"size": result["size"]}

    memo = Memo(tmp_path, "test")
    assert memo.map(page, [("ab",)], keep=size_only) == [{"text": "ab", "size": 2}]
    memo.close()
    memo = Memo(tmp_path, "test")
    assert memo.map(page, [("ab",), ("c",)], keep=size_only) == [
        {"size": 2}, {"text": "c", "size": 1}]
    assert memo.computed(page, [("ab",)]) == [{"text": "ab", "size": 2}]
    memo.close()
    assert calls == ["ab", "c", "ab"]
    assert Memo(tmp_path, "test").map(page, [("c",)], keep=size_only) == [{"size": 1}]


def test_memo_adds_segments_and_compacts_when_most_entries_are_stale(tmp_path):
    from pipeline.cache import Memo

    def double(value):
        return value * 2

    memo = Memo(tmp_path, "test")
    memo.map(double, [(n,) for n in range(10)])
    memo.close()
    memo.map(double, [(n,) for n in range(11)])  # one new entry: one more segment
    memo.close()
    folder = tmp_path / "memo" / "test"
    assert len(list(folder.glob("*.pickle"))) == 2
    memo.map(double, [(n,) for n in range(100, 103)])  # most entries stale: compacted
    memo.close()
    assert len(list(folder.glob("*.pickle"))) == 1
    assert Memo(tmp_path, "test").map(double, [(101,)]) == [202]


def test_a_format_that_cannot_be_written_is_a_problem_not_a_crash(tmp_path):
    from pipeline.cache import PreviousPackage
    from pipeline.formats import write_database
    from pipeline.publish import write_review_site
    for write in (write_database,
                  lambda *args: write_review_site(*args, {"title": "t"}, PreviousPackage(None))):
        problems, written = write(tmp_path / "missing", {"properties": []})
        assert problems and "could not be written" in problems[0]
        assert written == {}


def test_memo_keys_depend_on_values_not_on_which_objects_hold_them(tmp_path):
    """Rows made in this process share strings that rows read back from a cache do not: both
    must find the same memo entries, or a rebuild recomputes what it has."""
    from pipeline.cache import Memo
    text = "a quote"
    shared = [{"quote": text, "value": text}]
    apart = [{"quote": text, "value": "".join(["a ", "quote"])}]
    assert apart[0]["value"] is not text
    memo = Memo(tmp_path, "test")
    assert memo._key(len, (shared,)) == memo._key(len, (apart,))


def test_merged_rows_that_break_their_schema_are_refused_not_a_crash(tmp_path, monkeypatch):
    """A view row missing a column (a bug in deriving it) is reported, and nothing published."""
    from conftest import quiet

    from pipeline import derive as deriving
    from pipeline import publish as stage
    from pipeline.errors import PackageInvalid
    derive = deriving.derive

    def broken(tables):
        views = derive(tables)
        views["events"] = [{k: v for k, v in row.items() if k != "summary"}
                           for row in views["events"]]
        return views

    monkeypatch.setattr(deriving, "derive", broken)  # publish imports it when it merges
    with pytest.raises(PackageInvalid) as refused:
        stage.publish(FIXTURES, tmp_path / "out", report=quiet)
    assert any("'summary' is a required property" in p for p in refused.value.problems)
    assert not (tmp_path / "out").exists()


def test_memo_segments_of_another_build_are_not_read_and_are_deleted(tmp_path, monkeypatch):
    from pipeline import cache
    calls = []

    def double(value):
        calls.append(value)
        return value * 2

    memo = cache.Memo(tmp_path, "test")
    memo.map(double, [(1,)])
    memo.close()
    monkeypatch.setattr(cache, "fingerprint", lambda: "another build")
    memo = cache.Memo(tmp_path, "test")
    assert memo.map(double, [(1,)]) == [2] and calls == [1, 1]  # computed again
    memo.close()
    names = [path.name for path in (tmp_path / "memo" / "test").glob("*.pickle")]
    assert len(names) == 1 and names[0].startswith("another build"[:16])


def three_articles(seeds: Path) -> None:
    for path in [*FIXTURES.glob("*.txt"), REPO / "seeds" / "kachin-independence-organisation.txt"]:
        (seeds / path.name).write_bytes(path.read_bytes())


def edit_the_articles(seeds: Path, change: str) -> None:
    """One article edited, removed or added."""
    first = sorted(seeds.glob("*.txt"))[0]
    if change == "edited":
        first.write_text(first.read_text(encoding="utf-8") + "\nIn 1999, it was renamed.\n",
                         encoding="utf-8")
    elif change == "removed":
        first.unlink()
    else:
        (seeds / "added.txt").write_text("= Added Front =\n\nThe Added Front (AF) is a group. "
                                         "It was founded in 1990 by Ko Ko.\n", encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("change", ["edited", "removed", "added"])
def test_a_rebuild_after_an_article_changes_equals_a_cold_build(tmp_path, seeds, change):
    """What a rebuild takes from the cache and the memos (articles, compiled rules, fragments,
    pages, checks) gives the bytes a build without them gives."""
    from conftest import quiet

    from pipeline.publish import publish
    three_articles(seeds)
    cache, out, cold = tmp_path / "cache", tmp_path / "pkg", tmp_path / "cold"
    publish(seeds, out, report=quiet, cache_folder=cache)
    before = folder_bytes(out)
    edit_the_articles(seeds, change)
    assert publish(seeds, out, report=quiet, cache_folder=cache) is not None
    publish(seeds, cold, report=quiet)
    assert folder_bytes(out) == folder_bytes(cold) != before


@pytest.mark.slow
def test_a_rebuild_after_a_rule_file_changes_equals_a_cold_build(tmp_path, seeds):
    """A rule edited in a copy of the pipeline: the rebuild with the cache the original
    filled (every entry stale, compiled rules too) gives the bytes of a build without it."""
    three_articles(seeds)
    original, edited = tmp_path / "original", tmp_path / "edited"
    for code in (original, edited):
        shutil.copytree(REPO / "pipeline", code / "pipeline",
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(REPO / "schemas", code / "schemas")
    rules = edited / "pipeline" / "rules" / "places.yaml"
    text = rules.read_text(encoding="utf-8")
    assert "(?:moved|relocated|" in text
    rules.write_text(text.replace("(?:moved|relocated|", "(?:relocated|"), encoding="utf-8")
    cache = tmp_path / "cache"

    def publish_with(code: Path, out: Path, *options: str) -> None:
        subprocess.run([sys.executable, "-m", "pipeline", "publish", "--seeds", str(seeds),
                        "--out", str(out), *options], check=True, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(code)}, cwd=tmp_path)

    publish_with(original, tmp_path / "pkg", "--cache", str(cache))
    before = folder_bytes(tmp_path / "pkg")
    publish_with(edited, tmp_path / "pkg", "--cache", str(cache))
    publish_with(edited, tmp_path / "cold", "--no-cache")
    assert folder_bytes(tmp_path / "pkg") == folder_bytes(tmp_path / "cold") != before


def test_a_rebuild_after_an_alias_changes_elsewhere_equals_a_cold_build(tmp_path, seeds):
    """An article's resolved claims are remembered with the aliases of the names they give
    (resolve.names_in): an abbreviation first spelt out in another article, edited in, changes
    the entity an unchanged article's claim names, and the rebuild sees it."""
    from conftest import quiet

    from pipeline.publish import publish
    (seeds / "a.txt").write_text("= Alpha Front =\n\nThe Alpha Front is an armed group. It was "
                                 "founded in 1990 by Ko Ko. It is allied with the BDA.\n",
                                 encoding="utf-8")
    (seeds / "b.txt").write_text("= Beta Democratic Army =\n\nThe Beta Democratic Army is an "
                                 "armed group. It was founded in 1970.\n", encoding="utf-8")
    cache, out, cold = tmp_path / "cache", tmp_path / "pkg", tmp_path / "cold"
    publish(seeds, out, report=quiet, cache_folder=cache)
    before = (out / "data" / "claims.csv").read_text(encoding="utf-8")
    (seeds / "b.txt").write_text("= Beta Democratic Army =\n\nThe Beta Democratic Army (BDA) "
                                 "is an armed group. It was founded in 1970.\n", encoding="utf-8")
    publish(seeds, out, report=quiet, cache_folder=cache)
    publish(seeds, cold, report=quiet)
    assert folder_bytes(out) == folder_bytes(cold)
    after = (out / "data" / "claims.csv").read_text(encoding="utf-8")
    ally = [line for line in after.splitlines() if line.startswith("alpha-front:")
            and "BDA" in line]
    assert ally and "beta-democratic-army" in ally[0] and ally[0] not in before


def test_a_rebuild_links_the_review_pages_the_replaced_package_holds_unchanged(tmp_path, seeds):
    """The pages a rebuild would write again byte for byte are the old package's files, linked
    (the same inode), not copies; a page edited in the old package since (its size kept) is
    written anew, as is the edited article's; the package is what a cold build makes."""
    from conftest import quiet

    from pipeline.publish import publish
    three_articles(seeds)
    cache, out, cold = tmp_path / "cache", tmp_path / "pkg", tmp_path / "cold"
    publish(seeds, out, report=quiet, cache_folder=cache)
    pages = {path.name: path for path in (out / "review" / "articles").glob("*.html")}
    before = {name: (path.stat().st_ino, path.read_bytes()) for name, path in pages.items()}
    damaged = sorted(pages)[-1]
    text = before[damaged][1]
    pages[damaged].write_bytes(text.replace(b"<html", b"<HTML", 1))
    edit_the_articles(seeds, "edited")
    publish(seeds, out, report=quiet, cache_folder=cache)
    publish(seeds, cold, report=quiet)
    assert folder_bytes(out) == folder_bytes(cold)
    after = {path.name: (path.stat().st_ino, path.read_bytes())
             for path in (out / "review" / "articles").glob("*.html")}
    linked = {name for name in after if after[name][0] == before[name][0]}
    changed = {name for name in after if after[name][1] != before[name][1]}
    assert damaged not in linked and after[damaged][1] == text
    assert changed and not changed & linked
    assert linked == set(after) - changed - {damaged}

"""Input from someone else (a package, a curation file, an article) can neither read what is
not theirs nor exhaust the machine: each probe of issue 23 with a small stand-in for the big
ones, and a property-based test that mutates a valid descriptor."""

import contextlib
import io
import json
import os
import shutil
import time
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import loader
from pipeline.__main__ import main
from pipeline.errors import LINE_CHARACTERS
from pipeline.normalise.values import normalise
from pipeline.schemas import json_schema

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
ARTICLE = "northern-hills-front"
CANARY = "CANARY-5e1f0c"  # text of a file outside the package: it must never be shown
CANARY_CSV = f"root,shell\n{CANARY}-root,/bin/sh\n{CANARY}-daemon,/usr/sbin/nologin\n"


def run(*argv: str) -> tuple[int, str, str]:
    """The command's exit code, standard output and standard error (a traceback fails the
    test: main lets it through)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(code: int, out: str, err: str, expected_code: int, *words: str):
    assert code == expected_code, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert len(lines[0]) <= LINE_CHARACTERS
    for word in words:
        assert word in lines[0], lines[0]
    assert CANARY not in out + err


def assert_answered(code: int, out: str, err: str):
    """`diff` passes, or refuses in one line; either way nothing of the canary is shown."""
    assert code == 0 and err == "" or code == 2 and len(err.splitlines()) == 1, err
    assert len(err) <= LINE_CHARACTERS + 1
    assert CANARY not in out + err


def assert_invalid(code: int, out: str, err: str, *words: str):
    """`validate` refuses the package: exit 1, every line short, the words said."""
    assert code == 1, err
    assert all(len(line) <= LINE_CHARACTERS for line in err.splitlines())
    for word in words:
        assert word in err, err
    assert CANARY not in out + err


def edit_descriptor(package: Path, change) -> None:
    path = package / loader.DESCRIPTOR
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


@pytest.fixture
def canary(tmp_path) -> Path:
    """A file beside the package folder, standing in for /etc/passwd."""
    path = tmp_path / "canary.csv"
    path.write_text(CANARY_CSV, encoding="utf-8")
    return path


# --- the loader: only regular files inside the package folder --------------------------------


@pytest.mark.parametrize("path", ["../x.csv", "data/../x.csv", "data/./claims.csv", "/etc/passwd",
                                  "data\\claims.csv", "C:/x.csv", "https://example.org/x.csv",
                                  "data/", "", "a\0b", ["data/claims.csv"], {"path": "x"}, None])
def test_only_a_plain_relative_path_is_a_package_file(path):
    assert loader.path_problem(path)
    with pytest.raises(loader.Unreadable):
        loader.member(Path("."), path)


def test_a_plain_relative_path_is_one():
    assert loader.path_problem("data/claims.csv") == ""
    assert loader.path_problem("json/claims.schema.json") == ""


def test_diff_prints_nothing_of_a_file_a_symlink_leads_to(built_package, package_copy, canary):
    (package_copy / "data" / "evil.csv").symlink_to(canary)
    edit_descriptor(package_copy, lambda d: d["resources"].append(
        {"name": "evil", "path": "data/evil.csv",
         "schema": {"fields": [{"name": "root", "type": "string"}], "primaryKey": ["root"]}}))
    for argv in (["--json"], []):
        assert_one_line_error(*run("diff", str(built_package), str(package_copy), *argv),
                              2, "data/evil.csv", "leads out of the package folder")
    assert_invalid(*run("validate", str(package_copy)), "evil")


@pytest.mark.parametrize("path", ["../canary.csv", "data/../../canary.csv", "CANARY_ABSOLUTE",
                                  "file:///etc/passwd", "http://example.org/claims.csv"])
def test_a_path_outside_the_package_is_refused_unopened(built_package, package_copy, canary,
                                                         path):
    path = str(canary) if path == "CANARY_ABSOLUTE" else path
    edit_descriptor(package_copy, lambda d: resource(d, "claims").update(path=path))
    assert_one_line_error(*run("diff", str(built_package), str(package_copy), "--json"), 2)
    assert_invalid(*run("validate", str(package_copy)))


def test_validate_refuses_a_table_linked_to_dev_zero_at_once(package_copy):
    claims = package_copy / "data" / "claims.csv"
    claims.unlink()
    claims.symlink_to("/dev/zero")
    started = time.monotonic()
    assert_invalid(*run("validate", str(package_copy)), "data/claims.csv",
                   "leads out of the package folder")
    assert time.monotonic() - started < 10


def test_a_pipe_or_a_folder_in_place_of_a_table_is_refused_without_waiting(built_package,
                                                                           package_copy):
    claims = package_copy / "data" / "claims.csv"
    claims.unlink()
    os.mkfifo(claims)  # opening it for reading would wait for a writer
    assert_invalid(*run("validate", str(package_copy)), "data/claims.csv", "not a regular file")
    assert_one_line_error(*run("diff", str(built_package), str(package_copy)), 2,
                          "not a regular file")
    claims.unlink()
    claims.mkdir()
    assert_invalid(*run("validate", str(package_copy)), "data/claims.csv", "not a regular file")


def test_a_symlink_that_stays_inside_the_package_is_read(package_copy):
    data = package_copy / "data"
    (data / "claims.csv").rename(package_copy / "claims-elsewhere.csv")
    (data / "claims.csv").symlink_to(Path("..") / "claims-elsewhere.csv")
    with loader.open_member(package_copy, "data/claims.csv", loader.TABLE_BYTES) as handle:
        assert handle.readline().startswith(b"claim_id,")


def test_a_table_over_the_limit_is_refused_unread(built_package, package_copy):
    claims = package_copy / "data" / "claims.csv"
    claims.unlink()
    with claims.open("wb") as handle:  # sparse: 600 MB as the file system sees it, no disk
        handle.truncate(600 * 10**6)
    started = time.monotonic()
    assert_invalid(*run("validate", str(package_copy)), "data/claims.csv",
                   "over the limit of", "--max-table-bytes")
    assert_one_line_error(*run("diff", str(built_package), str(package_copy)), 2,
                          "over the limit of")
    assert time.monotonic() - started < 10
    assert_invalid(*run("validate", str(built_package), "--max-table-bytes", "1000"),
                   "over the limit of 1000")


def test_the_default_limit_holds_ten_thousand_articles_of_the_fixtures(built_package):
    descriptor = json.loads((built_package / loader.DESCRIPTOR).read_text(encoding="utf-8"))
    per_article = (built_package / "json" / "claims.json").stat().st_size / len(
        descriptor["sources"])
    assert 10_000 * per_article < loader.TABLE_BYTES < 589 * 10**6  # the table


UNKNOWN = "not a table this version publishes"


@pytest.mark.parametrize("change, words", [
    (lambda r: r.update(path=["data/claims.csv"]), ["not one file's path"]),
    (lambda r: r.update(name="../../../../etc/passwd"), [UNKNOWN]),
    (lambda r: r.update(name="claims\0x"), [UNKNOWN]),
    (lambda r: r.update(schema="schemas/claims.json"), ["not of type 'object'"]),
    (lambda r: r.update(schema={"fields": [{"name": "nowhere", "type": "string"}],
                                "primaryKey": ["nowhere"]}), ["nowhere"]),
])
def test_a_crafted_resource_is_one_line_not_a_traceback(built_package, package_copy, change,
                                                        words):
    edit_descriptor(package_copy, lambda d: change(resource(d, "claims")))
    assert_invalid(*run("validate", str(package_copy)))
    assert_one_line_error(*run("diff", str(built_package), str(package_copy)), 2, *words)
    assert_one_line_error(*run("release", "--since", str(built_package), "--new",
                               str(package_copy), "--metadata", "/nonexistent"), 2, *words)


@pytest.mark.parametrize("name", ["inputs", "profiles", "curation.schema"])
def test_a_table_named_after_a_schema_folder_opens_no_schema(built_package, package_copy, name):
    """`validate` knows no such table; `diff` compares it by name and rows, and opens no
    schemas/<name>.schema.json (a folder there once gave IsADirectoryError)."""
    edit_descriptor(package_copy, lambda d: resource(d, "claims").update(name=name))
    assert_invalid(*run("validate", str(package_copy)), UNKNOWN)
    with mock.patch("pipeline.diff.json_schema", wraps=json_schema) as opened:
        assert_answered(*run("diff", str(built_package), str(package_copy)))
    assert not any(call.args == (name,) for call in opened.call_args_list)


@pytest.mark.parametrize("key, value", [("mediatype", "text/html"), ("format", "xlsx"),
                                        ("encoding", "utf-16"), ("path", "data/sentences.csv")])
def test_a_resource_read_otherwise_than_as_written_is_invalid(package_copy, key, value):
    """How a consumer reads a file (its path, format, media type, encoding) is what the
    pipeline wrote: `text/html` would have a browser render a table as a page."""
    edit_descriptor(package_copy, lambda d: resource(d, "claims").update({key: value}))
    assert_invalid(*run("validate", str(package_copy)),
                   f"resource claims: {key} not as written")


def test_a_descriptor_nested_too_deeply_is_one_line(built_package, package_copy):
    (package_copy / loader.DESCRIPTOR).write_text("[" * 100_000 + "]" * 100_000)
    assert_invalid(*run("validate", str(package_copy)), "datapackage.json")
    assert_one_line_error(*run("diff", str(built_package), str(package_copy)), 2)


def test_diff_of_a_claims_table_without_sentence_id(built_package, package_copy):
    """Markdown lists the claims it can, with what the table has."""
    (package_copy / "data" / "claims.csv").write_text(
        "claim_id,document_id\nsome-front:c-00000000,some-front\n", encoding="utf-8")
    code, out, err = run("diff", str(built_package), str(package_copy))
    assert (code, err) == (0, "")
    assert "### some-front" in out and "Added (1)" in out


# --- names too long for the file system ------------------------------------------------------


def test_an_article_name_or_an_out_too_long_is_one_line(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / f"{ARTICLE}.txt", seeds / ("a" * 251 + ".txt"))
    assert_one_line_error(*run("publish", "--seeds", str(seeds), "--out",
                               str(tmp_path / "out"), "--no-cache"), 2)
    (seeds / ("a" * 251 + ".txt")).unlink()
    shutil.copy(FIXTURES / f"{ARTICLE}.txt", seeds)
    assert_one_line_error(*run("publish", "--seeds", str(seeds), "--out",
                               str(tmp_path / ("o" * 250)), "--no-cache"), 2)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["seeds"]


# --- curation files --------------------------------------------------------------------------


@pytest.fixture
def curated_seeds(tmp_path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / f"{ARTICLE}.txt", seeds)
    return seeds


def publish_curated(seeds: Path, curation: str | bytes, *options: str) -> tuple[int, str, str]:
    path = seeds / f"{ARTICLE}.curation.yaml"
    if isinstance(curation, str):
        curation = curation.encode("utf-8")
    path.write_bytes(curation)
    return run("publish", "--seeds", str(seeds), "--out", str(seeds.parent / "out"),
               "--no-cache", *options)


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_is_refused_at_once(curated_seeds):
    bomb = billion_laughs()
    assert len(bomb) < 500
    started = time.monotonic()
    assert_one_line_error(*publish_curated(curated_seeds, bomb), 2,
                          f"{ARTICLE}.curation.yaml:1", "anchors and aliases")
    assert time.monotonic() - started < 1


def test_a_curation_file_over_its_limit_is_refused_unread(curated_seeds):
    assert_one_line_error(*publish_curated(curated_seeds, "#" * (2**20 + 1)), 2,
                          "over the limit of 1048576")
    assert_one_line_error(*publish_curated(curated_seeds, "reject: []\n",
                                           "--max-curation-bytes", "5"), 2, "over the limit of 5")


def test_a_long_quote_is_shown_as_an_excerpt(curated_seeds):
    quote = "x" * 900_000
    curation = ("add:\n  - subject: NHLF\n    property: founded_by\n    value: Naw Mya\n"
                f"    quote: {quote}\n    reason: a founder\n")
    assert_one_line_error(*publish_curated(curated_seeds, curation), 2,
                          "is not in", "(900000 characters)")


def test_a_curation_file_linked_to_another_file_is_refused_unread(curated_seeds, tmp_path):
    other = tmp_path / "private.txt"
    other.write_text(" ".join([CANARY] * 20_000), encoding="utf-8")
    (curated_seeds / f"{ARTICLE}.curation.yaml").symlink_to(other)
    code, out, err = run("publish", "--seeds", str(curated_seeds), "--out",
                         str(tmp_path / "out"), "--no-cache")
    assert code == 2 and len(err.splitlines()) == 1
    assert "a link to a file outside the seeds folder" in err and CANARY not in err + out
    assert not (tmp_path / "out").exists()


def test_an_article_linked_to_a_file_outside_the_seeds_is_not_published(curated_seeds,
                                                                         tmp_path):
    other = tmp_path / "private.txt"
    other.write_text(f"= Private =\n\n{CANARY} is a company.\n", encoding="utf-8")
    (curated_seeds / "elsewhere.txt").symlink_to(other)
    code, out, err = run("publish", "--seeds", str(curated_seeds), "--out",
                         str(tmp_path / "out"), "--no-cache")
    assert code == 2 and len(err.splitlines()) == 1
    assert "elsewhere.txt: is a link to a file outside the seeds folder" in err
    assert CANARY not in err + out and not (tmp_path / "out").exists()


def test_an_article_linked_inside_the_seeds_is_read(curated_seeds, tmp_path):
    (curated_seeds / "drafts").mkdir()
    (curated_seeds / "drafts" / "draft.txt").write_text("= Draft Company =\n\nDraft Company is "
                                                       "a company.\n", encoding="utf-8")
    (curated_seeds / "draft.txt").symlink_to(Path("drafts") / "draft.txt")
    code, out, err = run("publish", "--seeds", str(curated_seeds), "--out",
                         str(tmp_path / "out"), "--no-cache")
    assert code == 0, err


# --- URLs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["https://www.example.org/about", "http://example.org",
                                  "www.example.org", "example.org", "example.org:8080/x",
                                  "mailto:press@example.org"])
def test_a_web_address_or_a_bare_host_is_a_url(text):
    assert normalise("url", text) == (text, {})


@pytest.mark.parametrize("text", ["javascript:alert(1)", "JavaScript:void(0)",
                                  "java\tscript:alert(1)", "data:text/html,<script>",
                                  "file:///etc/passwd", "vbscript:msgbox", "javascript:1"])
def test_any_other_scheme_is_not_a_url(text):
    with pytest.raises(ValueError, match="not a web address"):
        normalise("url", text)


def test_a_javascript_website_is_skipped_with_the_reason(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "test-front.txt").write_text(
        "= Test Front =\n\nTest Front\n- Website: javascript:alert(1)\n- Founded: 1990\n\n"
        "The Test Front is a political party.\n", encoding="utf-8")
    code, _, err = run("publish", "--seeds", str(seeds), "--out", str(tmp_path / "out"),
                       "--no-cache", "-q")
    assert code == 0, err
    data = tmp_path / "out" / "data"
    assert "javascript" not in (data / "claims.csv").read_text(encoding="utf-8")
    assert "javascript" not in (data / "organisations.csv").read_text(encoding="utf-8")
    skipped = (data / "skipped.csv").read_text(encoding="utf-8")
    assert "javascript:alert" in skipped and "not a web address" in skipped


# --- a valid descriptor, mutated -------------------------------------------------------------

HOSTILE_PATHS = ["../canary.csv", "data/link.csv", "data", "data/", "", "x\0y", "/etc/passwd",
                 "data/../../canary.csv", "http://example.org/a.csv", "json/../../canary.csv",
                 ["data/claims.csv", "../canary.csv"], "data/claims.csv", "data/sentences.csv"]
HOSTILE_NAMES = ["../../canary", "a\0b", "inputs", "profiles", "rules", "", "link",
                 "claims", "sentences", "x" * 300, "CLAIMS"]


def containers(inner):
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8), containers,
                    max_leaves=8)
RESOURCE_KEYS = ["path", "name", "schema", "bytes", "hash", "type", "format"]


def deeply(value, depth: int):
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mutations(draw):
    """(resource index or None for the top level, key, value): a path, a name, a type, a
    nesting, or any JSON value."""
    target = draw(st.sampled_from(["resource", "schema", "top"]))
    if target == "top":
        key = draw(st.sampled_from(["resources", "name", "version", "$schema", "sources"]))
        return None, key, draw(JSON | st.builds(deeply, JSON, st.integers(1, 400)))
    index = draw(st.integers(0, 15))
    if target == "schema":
        key = draw(st.sampled_from(["fields", "primaryKey", "foreignKeys"]))
        return index, ("schema", key), draw(JSON | st.sampled_from(HOSTILE_NAMES))
    key = draw(st.sampled_from(RESOURCE_KEYS))
    value = draw(st.sampled_from({"path": HOSTILE_PATHS, "name": HOSTILE_NAMES}.get(key, [None]))
                 | JSON)
    return index, (key,), value


def apply_mutation(descriptor: dict, mutation) -> None:
    index, key, value = mutation
    if index is None:
        descriptor[key] = value
        return
    where = descriptor["resources"][index % len(descriptor["resources"])]
    for step in key[:-1]:
        where = where[step]
    where[key[-1]] = value


@pytest.fixture(scope="module")
def hostile_package(built_package, tmp_path_factory) -> tuple[Path, str]:
    """A copy of the package with a canary beside it and a symlink to it inside."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "canary.csv").write_text(CANARY_CSV, encoding="utf-8")
    package = root / "package"
    shutil.copytree(built_package, package)
    (package / "data" / "link.csv").symlink_to(root / "canary.csv")
    return package, (package / loader.DESCRIPTOR).read_text(encoding="utf-8")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation=mutations(), markdown=st.booleans())
def test_a_mutated_descriptor_is_answered_in_one_line_or_passes(hostile_package,
                                                               built_package, mutation,
                                                               markdown):
    package, original = hostile_package
    descriptor = json.loads(original)
    apply_mutation(descriptor, mutation)
    (package / loader.DESCRIPTOR).write_text(json.dumps(descriptor), encoding="utf-8")
    with mock.patch("pipeline.validate.frictionless_problems", return_value=[]):
        code, out, err = run("validate", str(package))
    assert code in (0, 1)
    assert all(len(line) <= LINE_CHARACTERS for line in err.splitlines())
    assert CANARY not in out + err
    assert_answered(*run("diff", str(built_package), str(package),
                         *([] if markdown else ["--json"])))

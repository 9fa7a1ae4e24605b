"""Release verdicts (semver by what changed) and `make release`, which writes only on change."""

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.diff import diff_packages
from pipeline.release import bumped

ROOT = Path(__file__).parents[1]


def rewrite_claims(package: Path, change) -> None:
    path = package / "data" / "claims.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        columns, rows = reader.fieldnames, list(reader)
    rows = change(rows)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def first_claim(package: Path) -> dict:
    with (package / "data" / "claims.csv").open(encoding="utf-8", newline="") as stream:
        return next(csv.DictReader(stream))


def test_a_corrected_value_is_a_patch(built_package, package_copy):
    claim = first_claim(package_copy)
    rewrite_claims(package_copy, lambda rows: [
        {**row, "value": "Corrected"} if row["claim_id"] == claim["claim_id"] else row
        for row in rows])
    result = diff_packages(built_package, package_copy)
    claims = result.as_json()["claims"]
    assert result.verdict() == "patch"
    assert claims["changed"] == [claim["claim_id"]] and not claims["added"] + claims["removed"]
    assert claims["cells"][claim["claim_id"]] == {"value": {"old": claim["value"],
                                                            "new": "Corrected"}}


def test_a_removed_claim_is_minor(built_package, package_copy):
    claim = first_claim(package_copy)
    rewrite_claims(package_copy, lambda rows: rows[1:])
    result = diff_packages(built_package, package_copy)
    assert result.verdict() == "minor"
    assert result.as_json()["claims"]["removed"] == [claim["claim_id"]]


def test_an_incompatible_schema_change_is_major(built_package, package_copy):
    path = package_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    claims = next(r for r in descriptor["resources"] if r["name"] == "claims")
    next(f for f in claims["schema"]["fields"] if f["name"] == "char_start")["type"] = "string"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    result = diff_packages(built_package, package_copy)
    assert result.verdict() == "major"
    assert result.as_json()["claims"]["schema"] == [
        {"change": "column char_start: type integer -> string", "incompatible": True}]


def test_moved_rows_are_not_changed(built_package, package_copy):
    """Offsets say where a claim is, not what it is: a claim that only moved is not changed."""
    claim = first_claim(package_copy)
    rewrite_claims(package_copy, lambda rows: [
        {**row, "evidence_start": str(int(row["evidence_start"]) + 1)}
        if row["claim_id"] == claim["claim_id"] else row for row in rows])
    claims = diff_packages(built_package, package_copy).as_json()["claims"]
    assert claims["moved"] == [claim["claim_id"]] and claims["changed"] == []


@pytest.mark.parametrize(("verdict", "version"), [("major", "2.0.0"), ("minor", "1.3.0"),
                                                  ("patch", "1.2.4"), ("none", "1.2.3")])
def test_bumps(verdict, version):
    assert bumped("1.2.3", verdict) == version


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project with its committed package, to release in."""
    copy = tmp_path / "project"
    for name in ("pipeline", "schemas", "seeds", "datapackage"):
        shutil.copytree(ROOT / name, copy / name,
                        ignore=shutil.ignore_patterns("__pycache__", "CHANGELOG.md"))
    shutil.copy(ROOT / "Makefile", copy / "Makefile")
    return copy


def make_release(project: Path) -> str:
    result = subprocess.run(["make", "--no-print-directory", "-C", str(project), "release",
                             f"PY={sys.executable}", "RUNTIME="],
                            capture_output=True, text=True, check=True)
    return result.stdout


def version_of(project: Path) -> str:
    return json.loads((project / "datapackage" / "datapackage.json").read_text())["version"]


@pytest.mark.slow
def test_make_release_bumps_once_and_then_leaves_everything_alone(project):
    seed = next((project / "seeds").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    paragraph = text.index("\n\nIn 2023,")  # the last paragraph of the seed goes
    seed.write_text(text[:paragraph] + "\n", encoding="utf-8")
    before = version_of(project)
    assert "released" in make_release(project)
    after = version_of(project)
    major, minor, _ = map(int, before.split("."))
    assert after == f"{major}.{minor + 1}.0"
    changelog = (project / "datapackage" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {after} (" in changelog and "Removed (" in changelog
    metadata = (project / "pipeline" / "package.yaml").read_text(encoding="utf-8")
    assert f"\nversion: {after}\n" in metadata

    assert "nothing released" in make_release(project)
    assert version_of(project) == after
    assert (project / "datapackage" / "CHANGELOG.md").read_text(encoding="utf-8") == changelog
    assert (project / "pipeline" / "package.yaml").read_text(encoding="utf-8") == metadata


def test_a_release_that_cannot_be_made_writes_nothing(built_package, package_copy, tmp_path):
    """The metadata file is missing: one line, exit 2, and no changelog half-written."""
    rewrite_claims(package_copy, lambda rows: rows[1:])
    changelog = tmp_path / "CHANGELOG.md"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "release", "--since", str(built_package), "--new",
         str(package_copy), "--metadata", str(tmp_path / "missing.yaml"), "--changelog",
         str(changelog)], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr == f"error: {tmp_path / 'missing.yaml'}: cannot be read: No such file " \
                            "or directory\n"
    assert not changelog.exists()


def test_a_publish_carries_the_release_history_beside_the_articles(tmp_path):
    """seeds/CHANGELOG.md is an input: copied into the package, and a change to it is a
    change of inputs (the package is not 'up to date')."""
    from pipeline.publish import publish
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "articles", seeds)
    (seeds / "CHANGELOG.md").write_text("# Changelog\n\none\n", encoding="utf-8")
    out, cache = tmp_path / "package", tmp_path / "cache"
    publish(seeds, out, report=lambda *a, **k: None, cache_folder=cache)
    assert (out / "CHANGELOG.md").read_text(encoding="utf-8") == "# Changelog\n\none\n"
    (seeds / "CHANGELOG.md").write_text("# Changelog\n\ntwo\n", encoding="utf-8")
    assert publish(seeds, out, report=lambda *a, **k: None, cache_folder=cache) is not None
    assert (out / "CHANGELOG.md").read_text(encoding="utf-8") == "# Changelog\n\ntwo\n"

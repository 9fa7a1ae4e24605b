"""`--out` is replaced only when it is the tool's own: no user file is ever lost, whatever the
folder given (issue 21)."""

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import quiet

from pipeline.__main__ import main
from pipeline.manifest import MANIFEST
from pipeline.publish import publish

ARTICLE = "= Northern Hills Front =\n\nThe Northern Hills Front is a group founded in 1990.\n"


@pytest.fixture(scope="module")
def user_folder(tmp_path_factory) -> Path:
    """What every test's `home` holds but the link, its two packages published once per module
    (a publish of the same articles elsewhere writes the same bytes)."""
    home = tmp_path_factory.mktemp("user") / "home"
    (home / "articles").mkdir(parents=True)
    (home / "articles" / "front.txt").write_text(ARTICLE, encoding="utf-8")
    (home / "articles" / "sources.md").write_text("where I found them\n", encoding="utf-8")
    (home / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (home / "mystuff").mkdir()
    (home / "mystuff" / "notes.txt").write_text("more notes\n", encoding="utf-8")
    (home / "empty").mkdir()
    for name in ("package", "stranger"):
        publish(home / "articles", home / name, report=quiet)
    (home / "stranger" / "data" / "mine.csv").write_text("a,b\n", encoding="utf-8")
    (home / "plain.txt").write_text("a file, not a folder\n", encoding="utf-8")
    return home


@pytest.fixture
def home(user_folder, tmp_path, monkeypatch) -> Path:
    """A user's folder: articles (the seeds, with notes of their own), notes, a folder of
    their own, an empty folder, a published package, a package with a stranger in it, a plain
    file and a link to the seeds; the user works in it."""
    home = tmp_path / "home"
    shutil.copytree(user_folder, home)
    (home / "link").symlink_to(home / "articles", target_is_directory=True)
    monkeypatch.chdir(home)
    return home


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes (links are not followed)."""
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            if not path.is_symlink():
                files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


def package_files(folder: Path) -> set[str]:
    """The files that belonged to a package this tool wrote: those its manifest lists."""
    owned = set()
    for manifest in folder.rglob(MANIFEST):
        base = manifest.parent.relative_to(folder)
        listed = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        owned |= {(base / name).as_posix() for name in [*listed, MANIFEST]}
    return owned


# --out, and whether the publish goes ahead (exit 0) or is refused (exit 2, one line).
OUTS = {
    "missing": ("new-package", 0),
    "empty": ("empty", 0),
    "a package": ("package", 0),
    "a package and a stranger file": ("stranger", 2),
    "a folder of the user's": ("mystuff", 2),
    "a plain file": ("plain.txt", 2),
    "the seeds folder": ("articles", 2),
    "inside the seeds folder": ("articles/package", 2),
    "the parent of the seeds folder": ("{home}", 2),
    "the current folder": (".", 2),
    "a link to the seeds folder": ("link", 2),
}


@pytest.mark.parametrize("out, code", OUTS.values(), ids=OUTS.keys())
def test_no_user_file_is_ever_lost(home, out, code, capsys):
    out = out.format(home=home)
    before = snapshot(home)
    owned = package_files(home)
    capsys.readouterr()
    assert main(["publish", "--seeds", "articles", "--out", out]) == code
    after = snapshot(home)
    lost = [name for name, content in before.items()
            if name not in owned and after.get(name) != content]
    assert lost == []
    error = capsys.readouterr().err.splitlines()
    if code:
        assert len(error) == 1 and error[0].startswith(f"error: {out}: "), error
    else:
        assert MANIFEST in os.listdir(out)


def test_a_folder_of_the_users_is_refused_naming_its_first_file(home, capsys):
    assert main(["publish", "--seeds", "articles", "--out", "mystuff"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("error: mystuff: holds notes.txt,") and "delete" in line, line


def test_a_stranger_in_a_package_is_named(home, capsys):
    assert main(["publish", "--seeds", "articles", "--out", "stranger"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("error: stranger: holds data/mine.csv, which is not a file of the "
                           "package"), line


def test_an_empty_folder_inside_a_package_is_a_stranger(home, capsys):
    (home / "package" / "drafts").mkdir()
    assert main(["publish", "--seeds", "articles", "--out", "package"]) == 2
    assert "holds drafts," in capsys.readouterr().err


def test_the_cache_is_not_an_output(home, capsys):
    cache = home / "cache"
    assert main(["publish", "--seeds", "articles", "--out", "cache/package",
                 "--cache", str(cache)]) == 2
    assert "inside the cache" in capsys.readouterr().err
    assert not cache.exists()


def test_a_folder_that_cannot_be_renamed_is_one_line(home, capsys, monkeypatch):
    import pipeline.publish as publishing

    def busy(new, out):
        raise OSError(16, "Device or resource busy")

    monkeypatch.setattr(publishing, "swap_into_place", busy)
    assert main(["publish", "--seeds", "articles", "--out", "package"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == ("error: package: the package could not be put in place (Device or resource "
                    "busy); nothing was published")


def test_a_file_put_in_the_package_during_the_publish_is_kept(home, capsys, monkeypatch):
    import pipeline.publish as publishing
    write = publishing.write_manifest

    def meanwhile(staging, written):  # the user saves a file there while the package is built
        (home / "package" / "draft.txt").write_text("keep me\n", encoding="utf-8")
        write(staging, written)

    monkeypatch.setattr(publishing, "write_manifest", meanwhile)
    assert main(["publish", "--seeds", "articles", "--out", "package", "--no-cache"]) == 2
    assert "holds draft.txt" in capsys.readouterr().err
    assert (home / "package" / "draft.txt").read_text(encoding="utf-8") == "keep me\n"
    assert [p.name for p in home.iterdir() if ".tmp-" in p.name] == []


def test_a_link_to_a_folder_is_kept_and_the_folder_replaced(home):
    (home / "elsewhere").mkdir()
    (home / "to-elsewhere").symlink_to(home / "elsewhere", target_is_directory=True)
    assert main(["publish", "--seeds", "articles", "--out", "to-elsewhere"]) == 0
    assert (home / "to-elsewhere").is_symlink()
    assert (home / "elsewhere" / MANIFEST).is_file()

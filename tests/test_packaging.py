"""The project as a user installs it: a wheel (not an editable install) that carries its JSON
Schemas, the Data Package profile and the rules, whose console script publishes and validates
from any folder, byte for byte as the source tree does."""

import filecmp
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from conftest import quiet

from pipeline.publish import publish

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "pipeline", "schemas")
SHIPPED_SCHEMAS = "pipeline/schemata"  # where the wheel carries schemas/


def _setuptools_builds_it() -> bool:
    try:
        return int(metadata.version("setuptools").split(".")[0]) >= 77
    except metadata.PackageNotFoundError:
        return False


needs_setuptools = pytest.mark.skipif(not _setuptools_builds_it(),
                                      reason="the locked setuptools (>= 77) is not installed")


def test_the_distribution_and_its_command_are_named_article_facts():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "article-facts"
    assert project["scripts"] == {"article-facts": "pipeline.__main__:main"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the sources (a build writes beside them)."""
    folder = tmp_path_factory.mktemp("wheel")
    source = folder / "source"
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(REPO / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
                    "--no-build-isolation", "--wheel-dir", str(folder / "dist"), str(source)],
                   check=True, capture_output=True)
    (built,) = (folder / "dist").glob("article_facts-*.whl")
    return built


@needs_setuptools
def test_the_wheel_holds_every_module_the_rules_and_the_schemas(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {str(p.relative_to(REPO)) for p in (REPO / "pipeline").rglob("*")
               if p.suffix in (".py", ".yaml") and "__pycache__" not in p.parts}
    schemas = {f"{SHIPPED_SCHEMAS}/{p.relative_to(REPO / 'schemas')}"
               for p in (REPO / "schemas").rglob("*.json")}
    assert modules and schemas
    assert modules - names == set()
    assert schemas - names == set()
    assert f"{SHIPPED_SCHEMAS}/profiles/datapackage-2.0.json" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "article-facts = pipeline.__main__:main" in zipfile.ZipFile(wheel).read(
        entry_points).decode()


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True)


@pytest.mark.slow
@needs_setuptools
def test_an_installed_wheel_publishes_and_validates_from_another_folder(wheel, tmp_path):
    """The wheel installed into a new virtual environment (its dependencies taken from this
    one's site-packages, so that no registry is needed), run from a folder that is not the
    repository: it finds its schemas and rules inside itself."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                     tmp_path).stdout.strip())
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (site / "dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(REPO / "seeds", elsewhere / "seeds")

    where = _run([str(python), "-c", "import pipeline, pipeline.schemas as s; "
                  "print(pipeline.__file__); print(s.SCHEMA_DIR)"], elsewhere)
    module, schemas = where.stdout.split()
    assert module.startswith(str(venv)) and schemas.startswith(str(venv)), where.stdout
    published = _run([str(venv / "bin" / "article-facts"), "publish", "--seeds", "seeds",
                      "--out", "package"], elsewhere)
    assert published.returncode == 0, published.stderr
    assert published.stdout.startswith("published package: ") and published.stderr == ""
    validated = _run([str(python), "-m", "pipeline", "validate", "package"], elsewhere)
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout == "valid: package\n"

    from_source = tmp_path / "from-source"
    publish(REPO / "seeds", from_source, report=quiet)
    assert _same_tree(elsewhere / "package", from_source)


def _same_tree(a: Path, b: Path) -> bool:
    files = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(b)) for p in b.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(a, b, files, shallow=False)
    assert (mismatch, errors) == ([], [])
    return True

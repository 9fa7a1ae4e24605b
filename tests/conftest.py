import shutil
from pathlib import Path

import pytest

from pipeline.publish import publish

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def quiet(*args, **kwargs):
    """Swallow the warnings publish prints, so test output stays readable."""


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory):
    """Every publish the tests run, in this process or a child, caches in a temporary folder,
    never in the user's own cache."""
    folder = tmp_path_factory.mktemp("caches")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARTICLE_FACTS_CACHE", str(folder / "article-facts"))
        patch.setenv("XDG_CACHE_HOME", str(folder / "xdg"))
        yield folder


@pytest.fixture(scope="session")
def built_package(tmp_path_factory) -> Path:
    """One package of the fixture articles, built once; copy it before changing it."""
    out = tmp_path_factory.mktemp("built") / "package"
    publish(FIXTURES, out, report=quiet)
    return out


@pytest.fixture
def package_copy(built_package, tmp_path) -> Path:
    copy = tmp_path / "package"
    shutil.copytree(built_package, copy)
    return copy


@pytest.fixture
def seeds(tmp_path) -> Path:
    """An empty seeds folder to write test articles into."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    return folder

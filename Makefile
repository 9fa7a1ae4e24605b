# `make publish` (the default) sets up .venv and publishes seeds/ into datapackage/;
# `make test` runs the tests; `make check` is everything CI runs (it reads ../shared).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
RUNTIME := $(VENV)/.runtime-installed
TESTING := $(VENV)/.test-installed
SOURCES := $(shell find pipeline schemas -type f \( -name '*.py' -o -name '*.yaml' -o -name '*.json' \))
SEEDS := seeds $(wildcard seeds/*.txt)
PACKAGE := datapackage/datapackage.json

.DEFAULT_GOAL := publish
.PHONY: publish validate test lint check clean bench score release

publish: $(PACKAGE)

$(PACKAGE): $(RUNTIME) $(SEEDS) $(SOURCES)
	$(PY) -m pipeline publish --frictionless --seeds seeds --out datapackage
	@touch $@

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(TESTING): $(RUNTIME)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,dask]'
	@touch $@

validate: $(RUNTIME)
	$(PY) -m pipeline validate datapackage

test: $(TESTING)
	$(PY) -m pytest

lint: $(TESTING)
	$(PY) -m ruff check pipeline tests

# Everything CI runs: tests, lint, the committed package validated three ways, a rebuild that
# must equal it byte for byte, and the development articles published and validated.
check: test lint
	$(VENV)/bin/frictionless validate datapackage/datapackage.json
	$(PY) -m pipeline validate --profile $(SHARED)/profiles/datapackage-2.0/datapackage.json datapackage
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(PY) -m pipeline publish --seeds seeds --out "$$tmp/rebuild" && \
	  diff -r -x CHANGELOG.md "$$tmp/rebuild" datapackage && echo "rebuild: byte-identical to the committed datapackage/" && \
	  $(PY) -m pipeline publish --seeds $(SHARED)/articles --out "$$tmp/articles" && \
	  $(PY) -m pipeline validate --profile $(SHARED)/profiles/datapackage-2.0/datapackage.json "$$tmp/articles"

# Facts: the development articles published and scored against their hand-listed gold facts
# and trap values (recall per article, each miss, each trap and where it was found).
score: $(RUNTIME)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(PY) -m pipeline publish --seeds $(SHARED)/articles --out "$$tmp/articles" --no-cache >/dev/null && \
	  $(PY) $(SHARED)/tools/score.py "$$tmp/articles" $(SHARED)/gold/*.yaml

# Performance: N = 100 and 1,000 articles built from the seed and ../shared/articles.
bench: $(TESTING)
	$(PY) benchmarks/bench.py --shared $(SHARED)

# A release: publish afresh, compare with the last release (datapackage/, or the package
# committed at git ref SINCE=<tag>), bump the version in pipeline/package.yaml by the verdict
# (MAJOR schema, MINOR rows added or removed, PATCH values corrected), add a dated entry to
# datapackage/CHANGELOG.md, and publish with the new version. Nothing changed: nothing written.
release: $(RUNTIME)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && since=datapackage && \
	  if [ -n "$(SINCE)" ]; then \
	    mkdir "$$tmp/since" && git archive "$(SINCE)" datapackage | tar -x -C "$$tmp/since" && \
	    since="$$tmp/since/datapackage"; fi && \
	  $(PY) -m pipeline publish --seeds seeds --out "$$tmp/new" >/dev/null && \
	  $(PY) -m pipeline release --since "$$since" --new "$$tmp/new" && \
	  $(PY) -m pipeline publish --frictionless --seeds seeds --out datapackage

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .pipeline-cache *.egg-info

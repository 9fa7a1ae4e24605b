# `make publish` (the default) sets up .venv and publishes seeds/ into datapackage/;
# `make test` runs the tests; `make check` is everything CI runs (it reads ../shared);
# `make lock` refreshes the lock files the environment is installed from.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
SHARED ?= ../shared
RUNTIME := $(VENV)/.runtime-installed
TESTING := $(VENV)/.test-installed
# The locked environment: every package, exact version and hashes (uv pip compile).
LOCK := requirements/runtime.txt
TEST_LOCK := requirements/test.txt
LOCKER := $(VENV)/lock-tools
UV_VERSION := 0.13.8
LOCK_OPTIONS := --quiet --universal --python-version 3.11 --generate-hashes \
  --custom-compile-command 'make lock' $(if $(UPGRADE),--upgrade)
# Forks may have no ../shared: the vendored profile and no development articles then.
SHARED_PROFILE := $(wildcard $(SHARED)/profiles/datapackage-2.0/datapackage.json)
PROFILE := $(if $(SHARED_PROFILE),--profile $(SHARED_PROFILE))
SOURCES := $(shell find pipeline schemas -type f \( -name '*.py' -o -name '*.yaml' -o -name '*.json' \))
SEEDS := seeds $(wildcard seeds/*.txt seeds/*.curation.yaml seeds/CHANGELOG.md)
PACKAGE := datapackage/datapackage.json
# The repository's own builds keep their cache beside the code (a user's publish uses the
# user's cache folder).
CACHE := --cache .pipeline-cache

.DEFAULT_GOAL := publish
.PHONY: publish validate test lint check clean bench score release lock

publish: $(PACKAGE)

$(PACKAGE): $(RUNTIME) $(SEEDS) $(SOURCES)
	$(PY) -m pipeline publish --frictionless $(CACHE) --seeds seeds --out datapackage
	@touch $@

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Exactly the locked packages (hash-checked), then the project itself, built with the locked
# setuptools.
$(RUNTIME): $(LOCK) pyproject.toml | $(VENV)/bin/python
	$(PIP) --require-hashes --no-deps -r $(LOCK)
	$(PIP) --no-deps --no-build-isolation -e .
	@touch $@

$(TESTING): $(TEST_LOCK) $(RUNTIME)
	$(PIP) --require-hashes --no-deps -r $(TEST_LOCK)
	@touch $@

# The lock files from pyproject.toml (the dependencies, the test and dask extras, and the build
# backend), resolved for Python 3.11 and later on any platform; versions already locked are
# kept while they still fit. `make lock UPGRADE=1` moves every package to its newest release.
BUILD_REQUIRES := $(PY) -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))\
  ['build-system']['requires'], sep='\n')"
lock: | $(VENV)/bin/python
	@test -x $(LOCKER)/bin/uv || { $(PYTHON) -m venv $(LOCKER) && \
	  $(LOCKER)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION); }
	$(BUILD_REQUIRES) | \
	  $(LOCKER)/bin/uv pip compile pyproject.toml - --extra test --extra dask $(LOCK_OPTIONS) -o $(TEST_LOCK)
	$(BUILD_REQUIRES) | \
	  $(LOCKER)/bin/uv pip compile pyproject.toml - $(LOCK_OPTIONS) -c $(TEST_LOCK) -o $(LOCK)

validate: $(RUNTIME)
	$(PY) -m pipeline validate datapackage

test: $(TESTING)
	$(PY) -m pytest -n auto --dist worksteal

lint: $(TESTING)
	$(PY) -m ruff check pipeline tests

# Every JSON file of a package against its JSON Schema, by check-jsonschema: each table's JSON
# file against the schema published beside it, and the descriptor against the Data Package
# profile.
define check_json
	@for schema in $(1)/json/*.schema.json; do printf '%s: ' "$${schema%.schema.json}.json" && \
	  $(VENV)/bin/check-jsonschema --schemafile "$$schema" "$${schema%.schema.json}.json" || exit 1; \
	done
	$(VENV)/bin/check-jsonschema --check-metaschema $(1)/json/*.schema.json
	$(VENV)/bin/check-jsonschema --schemafile schemas/profiles/datapackage-2.0.json $(1)/datapackage.json
endef

# Everything CI runs: tests, lint, the committed package validated four ways (its JSON files by
# check-jsonschema), a rebuild that must equal it byte for byte, and the development articles
# published and validated (where ../shared has them).
check: test lint
	$(VENV)/bin/frictionless validate datapackage/datapackage.json
	$(PY) -m pipeline validate $(PROFILE) datapackage
	$(call check_json,datapackage)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(PY) -m pipeline publish $(CACHE) --seeds seeds --out "$$tmp/rebuild" && \
	  diff -r "$$tmp/rebuild" datapackage && echo "rebuild: byte-identical to the committed datapackage/" && \
	  if [ -d $(SHARED)/articles ]; then \
	    $(PY) -m pipeline publish $(CACHE) --seeds $(SHARED)/articles --out "$$tmp/articles" && \
	    $(PY) -m pipeline validate $(PROFILE) "$$tmp/articles"; \
	  else echo "no $(SHARED)/articles: the development articles are not published"; fi

# Facts, on text with gold and on text nobody tuned to: the development articles scored against
# their hand-listed facts and trap values (recall per article, each miss, each trap), the seed
# against its gold, KnowledgeNet's annotated articles scored strictly (the subject's own claim
# under a fitting property, recall per relation), and the unlabelled articles published with
# SAMPLE_N of their claims, and of KnowledgeNet's, drawn at random (SAMPLE_SEED) into
# artifacts/ as checklists to judge by hand.
SAMPLE_N ?= 40
SAMPLE_SEED ?= 1
score: $(RUNTIME)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  for set in articles knowledgenet/articles unlabelled; do \
	    $(PY) -m pipeline publish --seeds $(SHARED)/$$set --out "$$tmp/$${set%%/*}" --no-cache >/dev/null || exit 1; \
	  done && \
	  echo "## development articles" && $(PY) $(SHARED)/tools/score.py "$$tmp/articles" $(SHARED)/gold/*.yaml && \
	  echo "## the seed" && $(PY) $(SHARED)/tools/score.py datapackage $(SHARED)/seeds/*.gold.yaml && \
	  echo "## KnowledgeNet, strictly" && \
	  $(PY) $(SHARED)/tools/score_strict.py "$$tmp/knowledgenet" $(SHARED)/knowledgenet/gold/*.yaml && \
	  echo "## precision, to judge by hand" && for set in unlabelled knowledgenet; do \
	    $(PY) benchmarks/sample_claims.py "$$tmp/$$set" --n $(SAMPLE_N) --seed $(SAMPLE_SEED) \
	      --out artifacts/precision-$$set.md || exit 1; \
	  done

# Performance: N = 100 and 1,000 articles built from the seed and ../shared/articles.
bench: $(TESTING)
	$(PY) benchmarks/bench.py --shared $(SHARED)

# A release: publish afresh, compare with the last release (datapackage/, or the package
# committed at git ref SINCE=<tag>), bump the version in pipeline/package.yaml by the verdict
# (MAJOR schema, MINOR rows added or removed, PATCH values corrected), add a dated entry to
# seeds/CHANGELOG.md (published as datapackage/CHANGELOG.md), and publish with the new
# version. Nothing changed: nothing written.
release: $(RUNTIME)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && since=datapackage && \
	  if [ -n "$(SINCE)" ]; then \
	    mkdir "$$tmp/since" && git archive "$(SINCE)" datapackage | tar -x -C "$$tmp/since" && \
	    since="$$tmp/since/datapackage"; fi && \
	  $(PY) -m pipeline publish $(CACHE) --seeds seeds --out "$$tmp/new" >/dev/null && \
	  $(PY) -m pipeline release --since "$$since" --new "$$tmp/new" && \
	  $(PY) -m pipeline publish --frictionless $(CACHE) --seeds seeds --out datapackage

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .pipeline-cache *.egg-info

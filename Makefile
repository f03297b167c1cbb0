# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo lint test test-all golden bench fuzz clean schemas screenshot

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sakip-eval score evidence/mojosari-2025

lint: $(STAMP)
	$(BIN)/ruff check sakip_eval tests benchmarks tools
	$(BIN)/mypy sakip_eval

# The everyday suite: everything but the tests marked `slow` (a few minutes on 2 cores).
test: lint
	$(BIN)/python -m pytest -m "not slow"

# Every test, the slow ones included (300-copy batch, fuzzing, long property tests): what CI runs.
test-all: lint
	$(BIN)/python -m pytest

# Rewrite tests/golden/ (outputs on the bundled workspaces) after a change that moves a score on purpose;
# `git diff tests/golden` then shows what moved.
golden: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" --update-golden

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_score.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_importers.py

# The JSON Schemas editors read through the `# yaml-language-server: $schema=` line of workspace files;
# tests/test_init.py fails when they are out of date.
SCHEMA_KINDS := workspace inventory assessment lkjip followup
schemas: $(STAMP)
	mkdir -p docs/schema
	for kind in $(SCHEMA_KINDS); do $(BIN)/sakip-eval schema $$kind > docs/schema/$$kind.schema.json; done

# A PNG of the HTML report (build/report.png) through headless Chromium; needs Debian's `chromium`.
screenshot: $(STAMP)
	$(BIN)/python -m tools.chromium evidence/mojosari-2025 build/report.png

# At least 10,000 mutated workspaces through every command; not part of `make test`.
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} $(BIN)/python -m pytest -q -s tests/test_fuzz.py -p no:cacheprovider

clean:
	rm -rf $(VENV) build *.egg-info

# Two commands do everything on a fresh machine: `make demo` and `make test`.
#
# Python 3.11, 3.12 or 3.13: the first one that runs, newest first (`make PYTHON=/path/to/python` chooses).
# pyenv's interpreters are found even when they are not the active version.
SUPPORTED := 3.13 3.12 3.11
find_python = $(firstword $(foreach p,$(foreach v,$(1),python$(v) $(wildcard $(HOME)/.pyenv/versions/$(v).*/bin/python$(v))),\
  $(shell $(p) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' >/dev/null 2>&1 && echo $(p))))
PYTHON ?= $(call find_python,$(SUPPORTED))
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# durable-rules 2.0.28 calls PyEval_CallObject, which Python 3.13 removed; PyObject_CallObject is the same call.
# tools/wheel.sh builds it once per Python into dist/ with a compiler define that maps the name; every venv
# below installs it from there (`--find-links`).
PIP := -m pip --quiet --disable-pip-version-check
DIST := dist
WHEEL := $(DIST)/sakip_eval-$(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' sakip_eval/__init__.py)-py3-none-any.whl
SOURCES := pyproject.toml setup.py $(shell find sakip_eval rules -name '*.py' -o -name '*.yaml' -o -name '*.j2' -o -name '*.json' 2>/dev/null)

.PHONY: demo lint test test-fast pytest-all test-3.13 golden wheel wheel-check install bench fuzz clean schemas \
  screenshot docs letter-accuracy

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 atau 3.13 tidak ditemukan / not found; make PYTHON=..." >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)

# Quiet: pip's and setuptools' messages go to .venv/install.log and are shown only when something fails.
$(STAMP): $(BIN)/python pyproject.toml setup.py
	@echo "menyiapkan / preparing $(VENV) ($$($(BIN)/python --version)); sekali saja / once"
	@{ $(BIN)/python $(PIP) install --upgrade pip && tools/wheel.sh durable $(BIN)/python $(DIST) && \
	  $(BIN)/python $(PIP) install --find-links $(DIST) -e '.[dev]'; } >$(VENV)/install.log 2>&1 || \
	  { cat $(VENV)/install.log >&2; exit 1; }
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sakip-eval score evidence/mojosari-2025

lint: $(STAMP)
	$(BIN)/ruff check sakip_eval tests benchmarks tools
	$(BIN)/mypy sakip_eval

# The whole suite, what CI runs (.ci/run): lint; every test, the slow ones included, on this venv's Python; the
# suite on Python 3.13 (without the slow tests, which ran once already); the wheel installed in fresh venvs of
# Python 3.11, 3.12 and 3.13 and used from a folder outside the checkout. Two jobs at a time (2 cores), each
# job's output kept together. A Python that is not installed is skipped with a note, unless STRICT_PYTHONS=1
# (as in .ci/run).
test: $(STAMP)
	$(MAKE) --no-print-directory -j2 --output-sync=target lint pytest-all test-3.13 wheel-check

# The everyday suite while working and before landing: lint and every test not marked `slow` (a few minutes on
# 2 cores).
test-fast: lint
	$(BIN)/python -m pytest -m "not slow"

pytest-all: $(STAMP)
	$(BIN)/python -m pytest

# Rewrite tests/golden/ (outputs on the bundled workspaces) after a change that moves a score on purpose;
# `git diff tests/golden` then shows what moved.
golden: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" --update-golden

# Runs the rest of the recipe line only when Python $(1) is found; otherwise says so (or fails when strict).
with_python = p="$(call find_python,$(1))"; if [ -z "$$p" ]; then echo "Python $(1) tidak ditemukan / not found: \
  dilewati / skipped" >&2; [ -z "$(STRICT_PYTHONS)" ]; else

# The suite on Python 3.13 in its own venv (.venv-3.13).
.venv-3.13/.installed: pyproject.toml setup.py
	@$(call with_python,3.13) rm -rf .venv-3.13 && $$p -m venv .venv-3.13 && \
	  tools/wheel.sh durable $$p $(DIST) && \
	  .venv-3.13/bin/python $(PIP) install --find-links $(DIST) -e '.[dev]' 2>.venv-3.13/install.log || \
	  { cat .venv-3.13/install.log >&2; exit 1; }; touch $@; fi

test-3.13: .venv-3.13/.installed
	@test ! -x .venv-3.13/bin/python || .venv-3.13/bin/python -m pytest -m 'not slow' -p no:cacheprovider

# The wheel (dist/). tools/wheel.sh puts beside it a durable-rules wheel for each Python it checks or installs
# with, built with the define above, so `pip install --find-links dist dist/sakip_eval-*.whl` needs no compiler.
wheel: $(WHEEL)
$(WHEEL): $(SOURCES) $(STAMP)
	rm -rf build $(DIST)/sakip_eval-*.whl
	$(BIN)/python $(PIP) wheel --no-deps -w $(DIST) . >$(VENV)/wheel.log 2>&1 || { cat $(VENV)/wheel.log >&2; exit 1; }

# Per Python: a fresh venv, the wheel installed, every daily command run from an empty folder outside the
# checkout, and no output that refers to the checkout (tools/wheel.sh).
wheel-check: wheel-check-3.11 wheel-check-3.12 wheel-check-3.13
wheel-check-%: $(WHEEL)
	@$(call with_python,$*) tools/wheel.sh check $$p $(DIST) $(WHEEL); fi

# Daily use without a venv to activate: pipx (or `uv tool`) when present, else a venv in ~/.local/share with
# the command linked into ~/.local/bin.
PREFIX ?= $(HOME)/.local
install: $(WHEEL)
	tools/wheel.sh install $(PYTHON) $(DIST) $(WHEEL) $(PREFIX)

# Field-level accuracy of the letter reader over the real letters in ../shared/reference/lhe/ (when present):
# per field, how many values are right, withheld (null: not legible) or wrong.
letter-accuracy: $(STAMP)
	$(BIN)/python -m tests.reference_letters

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_score.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_worst.py
	$(BIN)/python benchmarks/bench_importers.py

# The JSON Schemas editors read through the `# yaml-language-server: $schema=` line of workspace files; they
# ship in the package and `init` copies them into the workspace. tests/test_init.py fails when out of date.
SCHEMA_KINDS := workspace inventory assessment lkjip followup
schemas: $(STAMP)
	for kind in $(SCHEMA_KINDS); do $(BIN)/sakip-eval schema $$kind > sakip_eval/schemas/$$kind.schema.json; done

# The tables docs/ shows of the rulebook (checks, criteria map) and of the calibration set (calibrate's
# results), generated from their data; tests/test_docs_tables.py fails when they are out of date.
docs: $(STAMP)
	$(BIN)/python -m tools.docs_tables

# A PNG of the HTML report (build/report.png) through headless Chromium; needs Debian's `chromium`.
screenshot: $(STAMP)
	$(BIN)/python -m tools.chromium evidence/mojosari-2025 build/report.png

# At least 10,000 cases: mutated workspaces through every command, mutated letters and workbooks through their
# readers, writers on restyled files, and size-scaled inputs; not part of `make test` (tests/fuzzing.py).
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py \
		tests/test_fuzz_documents.py tests/test_fuzz_writers.py tests/test_fuzz_scaling.py tests/test_fuzz_summary.py

clean:
	rm -rf $(VENV) .venv-3.13 build $(DIST) *.egg-info

# Everything needs only python3 (>= 3.11) and make. The venv is created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test test-reliability check lint typecheck imports bench schemas docs clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "leadtui needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/leadtui

# The demo team in a database of its own (scratch/demo.db, filled on first use), opened in the app.
demo: $(STAMP)
	@mkdir -p scratch
	@test -e scratch/demo.db || $(BIN)/leadtui demo --db scratch/demo.db
	$(BIN)/leadtui --db scratch/demo.db

# Two processes per core (tests/conftest.py says why): independent tests on temporary databases.
# A process that runs out of tests takes queued ones from a busy one (worksteal): screen tests
# take seconds and others milliseconds, so the run should not end on one process's queue.
# Bytecode is cached even where the environment turns it off: every test process and every
# `leadtui` a test starts would otherwise compile the same modules again.
test: $(STAMP)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -m "not reliability" -n auto --dist worksteal

# Crash, concurrency, fuzz, hostile-file and upgrade checks (about three minutes; the
# full-disk checks mount a small tmpfs and the permission checks drop root's override).
test-reliability: $(STAMP)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -m reliability tests/reliability

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# The layer contracts in pyproject.toml: front ends call services, the core never imports Textual.
imports: $(STAMP)
	$(BIN)/lint-imports

check: lint typecheck imports test

# The JSON Schema of every --json document, from the types in src/leadtui/export/json.py
# (tests/test_json_schemas.py fails while the shipped files differ from these).
schemas: $(STAMP)
	$(BIN)/python -m leadtui.export.schemas docs/schemas

# The command reference in docs/cli.md (every command's usage and --help), from the parser,
# and the binding ids in docs/design.md, from the app's classes (tests/test_docs.py fails
# while either file differs from them).
docs: $(STAMP)
	$(BIN)/python -m leadtui.cli.reference docs/cli.md
	$(BIN)/python -m leadtui.tui.keymap_reference docs/design.md

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) dist build

# Two commands for a newcomer:  `make report` (reports/ from corpora/) and `make test`.
# Each creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: report test eval lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# torch is pinned to the CPU build on this machine's disk; an unpinned torch pulls a multi-GB CUDA build.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[st,test,dev]"
	touch $@ $(VENV)/.installed-run

report: $(VENV)/.installed-run
	$(BIN)/reconcile run

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# The quality gate: figures on the seed gold, WMT22 and Tatoeba against tests/eval_floors.toml.
eval: $(VENV)/.installed-run
	$(BIN)/reconcile eval --quiet

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy reconcile

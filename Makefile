# Two commands for a newcomer:  `make report` (reports/ from corpora/) and `make test`.
# Each creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: report test eval lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# An editable install is not byte-compiled as a regular one is; where PYTHONDONTWRITEBYTECODE
# is set, every run would compile the package again (0.2 s of each cold start).
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q reconcile
	touch $@

# torch is pinned to the CPU build on this machine's disk; an unpinned torch pulls a multi-GB CUDA build.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[st,test,dev]"
	$(BIN)/python -m compileall -q reconcile
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

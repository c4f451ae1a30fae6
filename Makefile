# One Makefile: install, demo, test, lint, bench. Every target installs what it needs first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/cspctl --records records lint
	$(BIN)/cspctl --records records actions --overdue --as-of 2022-01-01
	$(BIN)/cspctl --records records render agenda 2022-03-30

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check cspctl tests
	$(BIN)/mypy cspctl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .cspctl-cache

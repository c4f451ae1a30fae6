# One Makefile: install, demo, test, lint, bench. Every target installs what it needs first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test fuzz lint docs bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@# PDF output (WeasyPrint) needs Pango and a font; install them from Debian when missing.
	@if ! ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so.0' || ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; \
		else echo "note: install Pango (libpango-1.0-0, libpangoft2-1.0-0) for PDF output"; fi; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/cspctl --records records lint
	@echo "(Each warning above is in the board's own papers: the 2022 forward plan leaves out the"
	@echo " VRU-mandated items, prints 30 June 2022 as a Wednesday, and four actions marked COMPLETED"
	@echo " have no completion date. cspctl reports them; it does not invent the missing data.)"
	@echo
	$(BIN)/cspctl --records records actions --overdue --as-of 2022-01-01
	$(BIN)/cspctl --records records render agenda 2022-03-30
	@echo
	@echo "Try next:"
	@echo "  $(BIN)/cspctl --records records render minutes 2021-09-29 -f html -o minutes.html"
	@echo "  $(BIN)/cspctl --records records render pack 2021-12-08 -f pdf -o pack.pdf"
	@echo "  $(BIN)/cspctl --records records chase --as-of 2022-01-01 --output chase/"

test: install
	$(BIN)/pytest

# Property tests with many more examples (FUZZ_EXAMPLES, default 2000) plus the hostile cases.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q tests/properties tests/hostile

lint: install
	$(BIN)/ruff check cspctl tests
	$(BIN)/mypy cspctl

# docs/records.md from the models (cspctl/records/reference.py); a test fails when it is stale.
docs: install
	$(BIN)/python -m cspctl.records.reference docs/records.md

# Timings against the peers; writes docs/performance.md. BENCH_QUICK=1 leaves out 4,000 meetings.
bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .cspctl-cache

# One Makefile: install, demo, test, lint, bench. Every target installs what it needs first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test fuzz lint docs bench clean

install: $(STAMP)

$(STAMP): pyproject.toml package.json
	@# From Debian, when missing: Pango and a font (PDF output), poppler-utils (the PDF tests read
	@# pages back), Chromium and npm (the HTML tests open every paper in a real browser with axe-core).
	@missing=""; \
	{ ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so.0' && ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; } \
		|| missing="$$missing libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			echo "installing from Debian:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else echo "note: install$$missing for PDF output and the browser tests"; fi; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@# axe-core for the accessibility tests, pinned in package.json, into node_modules/.
	@if command -v npm >/dev/null 2>&1; then npm install --silent --no-audit --no-fund --no-package-lock; \
	else echo "note: npm is missing; the browser tests will be skipped"; fi
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
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache .cspctl-cache

# union-kg: `make demo` runs the product on the bundled sample, `make test` runs every test.
# Both set up what they need on a fresh machine that has only Python 3.11.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out
DEMO_STORE := $(OUT)/demo-store

.PHONY: demo test bench setup test-setup system-deps lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# Debian chromium and a CJK font for the map's browser tests (as root; see STACK.md).
system-deps:
	@bash scripts/system-deps.sh

demo: $(STAMP)
	@rm -rf $(DEMO_STORE)
	@mkdir -p $(OUT)
	$(BIN)/kg --store $(DEMO_STORE) ingest data/sample/
	$(BIN)/kg --store $(DEMO_STORE) query who-visited-where
	$(BIN)/kg --store $(DEMO_STORE) export --format turtle -o $(OUT)/union-kg.ttl
	$(BIN)/kg --store $(DEMO_STORE) map -o $(OUT)/map.html
	$(BIN)/kg --store $(DEMO_STORE) validate
	@echo
	@echo "Store:  $(DEMO_STORE)/"
	@echo "Turtle: $(OUT)/union-kg.ttl"
	@echo "Map:    $(OUT)/map.html (open it in a browser; works offline)"

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider tests notebooks --nbmake

bench: $(STAMP) system-deps
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/mypy kg

clean:
	rm -rf $(OUT) kg-store .pytest_cache

# What the README's two commands run: `make serve` and `make test`.
# Every target installs what it needs first, so a fresh clone works.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup chromium engines serve build lint unit test bench clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The browser tests drive Debian's Chromium (Playwright can't download browsers here).
chromium:
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# The smoke suite's other engines, also Debian's (tests/engines): Firefox ESR, driven
# over its own WebDriver BiDi, and WebKitGTK's WebKitWebDriver, drawing on Xvfb.
ENGINE_COMMANDS := firefox-esr WebKitWebDriver Xvfb
engines:
	@for command in $(ENGINE_COMMANDS); do command -v $$command >/dev/null || missing=1; done; \
	[ -z "$$missing" ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb; }

serve: setup
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

build: setup
	$(BIN)/mkdocs build --strict

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node_modules/.bin/eslint --max-warnings 0 .

unit: setup
	$(BIN)/pytest tests/unit calculators benchmarks

test: lint chromium engines
	$(BIN)/pytest

# The browser benchmark: prints a table and writes benchmarks/results.json.
bench: setup chromium
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) site .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis

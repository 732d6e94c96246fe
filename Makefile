# goodfaith: two commands do all set-up on a fresh machine (Python 3.11 and make).
#   make run   create the environment, migrate SQLite, load the demo data, serve on 127.0.0.1:8000
#   make test  install what the tests need (Chromium for browser tests) and run lint, types and tests
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export GOODFAITH_DATA_DIR ?= $(CURDIR)/data
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install browser lint typecheck pytest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

install: $(VENV)/.installed

run: install
	GOODFAITH_DEBUG=1 $(BIN)/goodfaith migrate --no-input -v 0
	GOODFAITH_DEBUG=1 $(BIN)/goodfaith demo
	@echo "Serving on http://127.0.0.1:8000/  (log in with the staff login above; Ctrl-C stops)"
	GOODFAITH_DEBUG=1 $(BIN)/goodfaith runserver 127.0.0.1:8000

# browser tests drive Debian's Chromium (Playwright's own browser download is not used)
browser:
	@command -v chromium >/dev/null || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

# tests use a throw-away data folder and key; DATABASE_URL (if set) picks PostgreSQL
pytest: install browser
	GOODFAITH_SECRET_KEY=test-only-not-secret GOODFAITH_DATA_DIR=$(CURDIR)/build/testdata $(BIN)/pytest

test: lint typecheck pytest

clean:
	rm -rf $(VENV) data

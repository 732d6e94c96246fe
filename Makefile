# goodfaith: two commands do all set-up on a fresh machine (Python 3.11 and make).
#   make run   create the environment, migrate SQLite, load the demo data, serve on 127.0.0.1:8000
#   make test  install what the tests need (Chromium for browser tests) and run lint, types and tests
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export GOODFAITH_DATA_DIR ?= $(CURDIR)/data
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install system lint typecheck pytest clean bench-public

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

install: $(VENV)/.installed

run: install
	@dpkg -s fonts-noto-cjk >/dev/null 2>&1 || $(MAKE) system SYSTEM_PACKAGES=fonts-noto-cjk
	GOODFAITH_DEBUG=1 $(BIN)/goodfaith migrate --no-input -v 0
	GOODFAITH_DEBUG=1 $(BIN)/goodfaith demo
	@echo "Serving on http://127.0.0.1:8000/  (log in with the staff login above; Ctrl-C stops)"
	GOODFAITH_DEBUG=1 $(BIN)/goodfaith runserver 127.0.0.1:8000

# System packages from Debian: Chromium for the browser tests (Playwright's own browser download
# is not used), Noto CJK fonts for documents, poppler-utils (pdftotext, pdffonts) and LibreOffice
# Writer (the DOCX files must convert cleanly) for their tests.
SYSTEM_PACKAGES := chromium fonts-noto-cjk poppler-utils libreoffice-writer-nogui wrk
system:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

lint: install
	$(BIN)/ruff check src tests tools
	$(BIN)/ruff format --check src tests tools
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

# tests use a throw-away data folder and key; DATABASE_URL (if set) picks PostgreSQL
pytest: install system
	GOODFAITH_SECRET_KEY=test-only-not-secret GOODFAITH_DATA_DIR=$(CURDIR)/build/testdata $(BIN)/pytest

test: lint typecheck pytest

# public query throughput vs the bare endpoint (gunicorn + wrk, throw-away 1M-entry SQLite)
bench-public: install system
	GOODFAITH_SECRET_KEY=bench-only-not-secret GOODFAITH_DATA_DIR=$(CURDIR)/build/benchdata $(BIN)/goodfaith public_benchmark --entries 1000000

clean:
	rm -rf $(VENV) data

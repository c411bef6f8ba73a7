# CP Conference. `make run` sets everything up and serves the app; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .make
HOST ?= 127.0.0.1
PORT ?= 8000
# The tests run on SQLite, then on PostgreSQL when TEST_POSTGRES_URL is set or a server
# answers on 127.0.0.1:5432. CPCONF_REQUIRE_POSTGRES=1 (set by .ci/run) makes a skipped
# PostgreSQL run a failure.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/cpconf
POSTGRES_GIVEN := $(filter environment command line,$(origin TEST_POSTGRES_URL))
PYTEST_ARGS ?=
# Each run spreads its tests over every core (pytest-xdist; a file stays on one worker, so
# module fixtures such as the browser and the seeded demo are built once). What cannot differ
# between the databases runs once, in the SQLite run: browser journeys and the tests that
# never reach the database (tests/conftest.py marks them). Tests that need PostgreSQL run in
# the PostgreSQL run only. The longest modules are handed out first (tests/conftest.py).
TEST_WORKERS ?= auto
XDIST := -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder --durations=15
SQLITE_SELECTION := -m "not postgres"
POSTGRES_SELECTION := -m "(not browser and not once and not sqlite) or postgres"

.PHONY: help setup run test test-sqlite test-postgres lint security bench kind-model clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sort | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMPS):
	mkdir -p $(STAMPS)

$(STAMPS)/python: pyproject.toml | $(STAMPS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# What only the benchmarks and the model's training need stays out of `make test`'s set-up
# (about 20 s of a clean clone's install): each is added when its target first runs.
$(STAMPS)/python-%: $(STAMPS)/python
	$(BIN)/pip install --quiet -e '.[dev,$*]'
	touch $@

$(STAMPS)/npm: package.json package-lock.json | $(STAMPS)
	npm ci --no-fund --no-audit --ignore-scripts
	touch $@

$(STAMPS)/static: $(STAMPS)/npm $(wildcard frontend/*) | $(STAMPS)
	bash frontend/build.sh
	touch $@

# Page tests drive Debian's Chromium with Playwright (no browser download of Playwright's own):
# its headless shell (package chromium-headless-shell), the same engine built for running
# without a screen, which Playwright itself uses for headless runs; it takes about a third less
# CPU than the full browser. CHROMIUM=/usr/bin/chromium runs the page tests in the full browser.
CHROMIUM ?= /usr/bin/chromium-headless-shell
CHROMIUM_PACKAGE = $(if $(findstring headless-shell,$(CHROMIUM)),chromium-headless-shell,chromium)
$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "Install Chromium at $(CHROMIUM) (Debian package $(CHROMIUM_PACKAGE))"; exit 1; }
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(CHROMIUM_PACKAGE) fonts-liberation libpango-1.0-0 libpangoft2-1.0-0

# PDFs are drawn by WeasyPrint, which needs Pango from the system, and fonts: Liberation Sans
# and the fallbacks named in cpconf/documents/pdf.py (FONT_FAMILY) for symbols, emoji and other
# alphabets (DejaVu, Droid Sans Fallback for Chinese, Japanese and Korean, Noto, Noto Color Emoji).
PDF_DEBS = libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-liberation fonts-dejavu-core fonts-droid-fallback fonts-noto-core fonts-noto-color-emoji
$(STAMPS)/pdf-libs: | $(STAMPS)
	@{ ldconfig -p | grep -q libpangoft2-1.0 && fc-list -q "Droid Sans Fallback" && fc-list -q "Noto Color Emoji" && fc-list -q "Noto Sans Bengali" && fc-list -q "DejaVu Sans"; } 2>/dev/null || { \
		command -v apt-get >/dev/null || { echo "Install Pango and the PDF fonts (Debian: $(PDF_DEBS))"; exit 1; }; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PDF_DEBS); }
	touch $@

setup: $(STAMPS)/python $(STAMPS)/static $(STAMPS)/pdf-libs ## Create the virtualenv, install Python and npm packages and PDF libraries, build static files

# The background worker (packs, reminders) runs beside the server and stops with it.
run: setup ## Set up, migrate, add the demo data to an empty database, and serve on 127.0.0.1:8000 with the worker
	$(BIN)/cpconf migrate --no-input
	$(BIN)/cpconf seed_demo --if-empty
	trap 'kill 0' EXIT; $(BIN)/cpconf db_worker & $(BIN)/cpconf runserver $(HOST):$(PORT)

# Python here may be told not to write bytecode (PYTHONDONTWRITEBYTECODE); the test runs do
# write it (into __pycache__, ignored by git), so that each test worker, command and subprocess
# after the first reads the compiled modules and pytest's rewritten test modules instead of
# compiling them again: about 7 of the 13 CPU-seconds a worker spent collecting the tests.
test test-sqlite test-postgres: export PYTHONDONTWRITEBYTECODE =

# The two runs go side by side: each waits on its browser, database and files part of the
# time, and the other uses the cores then. Each run's output is printed whole when it ends.
test: setup $(CHROMIUM) ## Run the whole suite on SQLite and the database tests on PostgreSQL, side by side
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

test-sqlite: setup $(CHROMIUM)
	@echo "== Tests on SQLite"
	CHROMIUM_PATH=$(CHROMIUM) CPCONF_ENV=test DATABASE_URL=sqlite:///$(CURDIR)/var/test.sqlite3 $(BIN)/pytest $(XDIST) $(SQLITE_SELECTION) $(PYTEST_ARGS)

test-postgres: setup $(CHROMIUM)
	@if [ -n "$(POSTGRES_GIVEN)" ] || $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
		echo "== Tests on PostgreSQL"; \
		CPCONF_ENV=test DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/pytest $(XDIST) $(POSTGRES_SELECTION) $(PYTEST_ARGS) && echo "PostgreSQL run: passed"; \
	elif [ "$${CPCONF_REQUIRE_POSTGRES:-0}" = "1" ]; then \
		echo "PostgreSQL run: skipped, but CPCONF_REQUIRE_POSTGRES=1: failing"; exit 1; \
	else \
		echo "PostgreSQL run: skipped (no server on 127.0.0.1:5432 and TEST_POSTGRES_URL not set)"; \
	fi

# mypy keeps its incremental cache outside the checkout, as pip and npm keep theirs, so a
# clean clone checks only what changed since the last run on this machine (about 35 of the
# 40 CPU-seconds a cold check takes); MYPY_CACHE_DIR=.mypy_cache keeps it in the checkout.
MYPY_CACHE_DIR ?= $(HOME)/.cache/cpconf/mypy
lint: setup ## ruff, mypy, import-linter's contracts (pyproject.toml), hadolint on the Dockerfile, no missing migration
	$(BIN)/ruff check src tests bench training
	$(BIN)/lint-imports
	$(BIN)/hadolint Dockerfile
	$(BIN)/ruff format --check src tests bench training
	CPCONF_ENV=test $(BIN)/mypy --cache-dir $(MYPY_CACHE_DIR)
	CPCONF_ENV=test $(BIN)/cpconf makemigrations --check --dry-run

security: setup ## bandit (medium and high) on the code, pip-audit on the installed packages
	$(BIN)/bandit -ll -q -r src
	@# pip-audit asks PyPI's vulnerability data; where PyPI's JSON API cannot be reached it
	@# audits nothing, so say so loudly rather than print a clean bill of health.
	@$(BIN)/pip-audit --progress-spinner off --skip-editable 2>&1 | tee var/pip-audit.txt; \
	if grep -q "could not be audited" var/pip-audit.txt; then \
		echo "pip-audit: PyPI's vulnerability data could not be reached; packages NOT audited"; \
	fi

# The large authority and the load run need PostgreSQL on 127.0.0.1:5432 (trust auth), started
# as .ci/run starts it when it is not running. BENCH_SCALE=0.05 for a quick run.
bench: setup $(STAMPS)/python-bench ## Benchmarks, the large authority and the load run: writes bench/results/
	@if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		echo "Starting PostgreSQL"; \
		pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql | sort -V | tail -n 1)" main start; \
		for _ in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; \
	fi
	CPCONF_ENV=test $(BIN)/python bench/run.py

kind-model: setup $(STAMPS)/python-train ## Train the quality coach's kind model on the labelled sets (training/kind_model.py)
	$(BIN)/python training/kind_model.py

clean: ## Remove the virtualenv, npm packages, built files and local database
	rm -rf $(VENV) node_modules build $(STAMPS) var

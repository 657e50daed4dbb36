# onemedi-db: `make deploy` and `make test` work on a fresh Debian machine.
# `make` installs what is missing (Debian packages after one apt-get update, the Python
# package into .venv), starts PostgreSQL if it is down, and creates what the tests need.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
APT_PACKAGES := postgresql-15 postgresql-15-postgis-3 postgresql-15-pgtap postgresql-15-cron pgtap sqitch libdbd-pg-perl
export SQITCH_FULLNAME ?= onemedi-db
export SQITCH_EMAIL ?= db@onemedi.in
PGCLUSTER ?= 15 main

.PHONY: help deps system-deps python-deps postgres deploy test lint pytest bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

deps: system-deps python-deps postgres ## Install what is missing and start PostgreSQL

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
	    | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "Installing Debian packages:" $$missing; \
	    sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

python-deps: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	@$(PY) -m pip install -q -e '.[dev]' 2>&1 | grep -v '^WARNING: Location' || true
	@$(PY) -c 'import onemedi_db, pytest_pgtap' && touch $@

postgres: ## Start the local PostgreSQL 15 cluster if it is down
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	    echo "Starting PostgreSQL $(PGCLUSTER)"; \
	    pg_ctlcluster --skip-systemctl-redirect $(PGCLUSTER) start; \
	    for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }

deploy: deps ## Deploy the schema to the local default database `onemedi`
	$(BIN)/onemedi-db deploy

lint: python-deps ## ruff, mypy, and onemedi-db lint (sqlfluff and layout)
	$(BIN)/ruff check cli tests bench
	$(BIN)/mypy
	$(BIN)/onemedi-db lint

pytest: deps ## Python tests and pgTAP suites (each file reported assertion by assertion)
	$(BIN)/pytest -p no:cacheprovider tests

test: deps lint pytest ## Everything: lint, Python tests, pgTAP

.PHONY: docs
DOCS_DB ?= onemedi_docs
docs: deps ## Regenerate docs/schema from a throwaway database with the whole plan deployed
	@url=postgresql://postgres@127.0.0.1:5432/$(DOCS_DB); \
	psql -X -q -h 127.0.0.1 -U postgres -d postgres -c 'SET client_min_messages = warning' -c 'DROP DATABASE IF EXISTS "$(DOCS_DB)" WITH (FORCE)' \
	    -c 'CREATE DATABASE "$(DOCS_DB)"' && \
	$(BIN)/onemedi-db deploy --target $$url >/dev/null && $(BIN)/onemedi-db docs --target $$url; \
	rc=$$?; psql -X -q -h 127.0.0.1 -U postgres -d postgres \
	    -c 'DROP DATABASE IF EXISTS "$(DOCS_DB)" WITH (FORCE)'; exit $$rc

bench: deps ## Run the benchmarks and rewrite docs/benchmarks.md
	@$(PY) -m pip install -q -e '.[dev,bench]' 2>&1 | grep -v '^WARNING: Location' || true
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

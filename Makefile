# onemedi-db: `make deploy` and `make test` work on a fresh Debian or Ubuntu machine.
# `make` installs what is missing (Debian packages after one apt-get update, the Python
# package into .venv, the type generator into types/node_modules), starts PostgreSQL if it
# is down, and creates the PostgreSQL role of the current user when there is none.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
APT_PACKAGES := postgresql-15 postgresql-15-postgis-3 postgresql-15-pgtap postgresql-15-cron pgtap sqitch libdbd-pg-perl
export SQITCH_FULLNAME ?= onemedi-db
export SQITCH_EMAIL ?= db@onemedi.in
PGCLUSTER ?= 15 main

.PHONY: help deps db-deps system-deps python-deps node-deps postgres db-role deploy test lint \
	pytest bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

deps: db-deps node-deps ## Install what is missing, start PostgreSQL, create your role

db-deps: system-deps python-deps postgres db-role

system-deps:
	@command -v dpkg-query >/dev/null || { echo "Not Debian: skipping its packages" \
	    "(PostgreSQL 15, PostGIS, pgTAP, pg_prove, sqitch: see the README)"; exit 0; }; \
	missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
	    | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "Installing Debian packages:" $$missing; \
	    sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

python-deps: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || { echo "Creating the Python environment $(VENV)"; python3 -m venv $(VENV); }
	@echo "Installing onemedi-db and its tools into $(VENV) (a minute or two the first time)"
	@$(PY) -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	@$(PY) -m pip install -q -e '.[dev]' 2>&1 | grep -v '^WARNING: Location' || true
	@$(PY) -c 'import onemedi_db, pytest_pgtap' && touch $@

# -- the local server, as a stock Debian or Ubuntu sets it up ---------------------------------
# Every command connects the way libpq does by default: over the Unix socket, on $PGPORT
# (5432), as the role named after the current user, which the socket's peer authentication
# admits. When that role is missing, `db-role` creates it (a superuser of this local cluster:
# the Supabase stand-in creates roles and PostGIS) as the postgres account, through
# `runuser` when make runs as root, else `sudo`. 127.0.0.1 (a password on Debian) is not used.
AS_POSTGRES := $(if $(filter 0,$(shell id -u)),runuser -u postgres --,sudo -u postgres)
PG_OPTS = $${PGHOST:+-h "$$PGHOST"} $${PGPORT:+-p "$$PGPORT"}

postgres: ## Start the local PostgreSQL 15 cluster if it is down
	@pg_isready -q || { \
	    echo "Starting PostgreSQL $(PGCLUSTER)"; \
	    $(AS_POSTGRES) pg_ctlcluster --skip-systemctl-redirect $(PGCLUSTER) start; \
	    for i in $$(seq 30); do pg_isready -q && break; sleep 1; done; }

db-role: postgres ## Create your PostgreSQL role (a local superuser) when it is missing
	@user=$$(id -un); \
	if ! psql -X -q -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; then \
	    has=$$($(AS_POSTGRES) psql $(PG_OPTS) -X -q -d postgres -Atc \
	        "SELECT count(*) FROM pg_roles WHERE rolname = '$$user'"); \
	    if [ "$$has" = 0 ]; then \
	        echo "Creating PostgreSQL role $$user (superuser of this local cluster)"; \
	        $(AS_POSTGRES) createuser $(PG_OPTS) --superuser "$$user"; \
	    fi; \
	fi; \
	psql -X -q -d postgres -Atc 'SELECT 1' >/dev/null || { \
	    echo "make: cannot connect to PostgreSQL over its socket as $$user" >&2; exit 1; }; \
	[ "$$(psql -X -q -d postgres -Atc 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user')" = t ] || { \
	    echo "make: role $$user is not a superuser (the stand-in and the tests need one):" \
	         "$(AS_POSTGRES) psql -c 'ALTER ROLE $$user SUPERUSER'" >&2; exit 1; }
# -- end of the local server ------------------------------------------------------------------

deploy: db-deps ## Deploy the schema to the local default database `onemedi` (stand-in first)
	$(BIN)/onemedi-db standin install --mode $(STANDIN_MODE) --if-missing
	$(BIN)/onemedi-db deploy
	@echo "onemedi-db is installed in $(BIN)/, not on your PATH: run $(BIN)/onemedi-db COMMAND," \
	    "or 'source $(BIN)/activate' once and then onemedi-db COMMAND"

lint: python-deps ## ruff, mypy, and onemedi-db lint (sqlfluff and layout)
	$(BIN)/ruff check cli tests bench
	$(BIN)/mypy
	$(BIN)/onemedi-db lint

PYTEST_ARGS ?= tests
pytest: deps ## Python tests and pgTAP suites (each file reported assertion by assertion)
	$(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

test: deps lint pytest ## Everything: lint, Python tests, pgTAP

.PHONY: docs types
DOCS_DB ?= onemedi_docs
# Deploy the whole plan to a throwaway database, run `onemedi-db $(1)` on it, drop it.
define throwaway
	@url=postgresql:///$(DOCS_DB); \
	psql -X -q -d postgres -c 'SET client_min_messages = warning' -c 'DROP DATABASE IF EXISTS "$(DOCS_DB)" WITH (FORCE)' \
	    -c 'CREATE DATABASE "$(DOCS_DB)"' && \
	$(BIN)/onemedi-db standin install --target $$url >/dev/null && \
	$(BIN)/onemedi-db deploy --target $$url >/dev/null && $(BIN)/onemedi-db $(1) --target $$url; \
	rc=$$?; psql -X -q -d postgres \
	    -c 'DROP DATABASE IF EXISTS "$(DOCS_DB)" WITH (FORCE)'; exit $$rc
endef
docs: db-deps ## Regenerate docs/schema from a throwaway database with the whole plan deployed
	$(call throwaway,docs)

types: deps ## Regenerate types/database.ts (postgres-meta) from a throwaway deployed database
	$(call throwaway,types)

bench: deps ## Run the benchmarks and rewrite docs/benchmarks.md
	@$(PY) -m pip install -q -e '.[dev,bench]' 2>&1 | grep -v '^WARNING: Location' || true
	$(PY) bench/run.py

# -- Node.js: the type generator and the TypeScript compiler, pinned in types/package-lock.json
NODE_MIN := 20
node-deps: types/node_modules/.package-lock.json

types/node_modules/.package-lock.json: types/package.json types/package-lock.json
	@command -v node >/dev/null || { \
	    echo "Installing Debian packages: nodejs npm"; \
	    sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq nodejs npm; }
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) < $(NODE_MIN) ? 1 : 0)' || { \
	    echo "make: Node.js $$(node -v) is too old: types/ needs $(NODE_MIN) or later" \
	         "(Debian 13 and Ubuntu 24.10 or later ship it; else NodeSource or nvm)" >&2; exit 1; }
	cd types && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@
# -- end of Node.js ---------------------------------------------------------------------------

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache types/node_modules

# --- Supabase stand-in and the pgTAP harness's own cluster (docs/security.md, "Platform
# steps"). `make deploy` installs the stand-in in $(STANDIN_MODE) first. The pgTAP suite
# runs once per mode in ONEMEDI_STANDIN_MODES, each deployed by a NOSUPERUSER `postgres`
# in a cluster of its own (port $(STANDIN_PORT)), started here when missing and left running
# (`make standin-cluster-down` removes it). `make test` runs every mode; one:
# make test ONEMEDI_STANDIN_MODES=supabase-2024
STANDIN_MODE ?= plain
STANDIN_PORT ?= 5440
ONEMEDI_STANDIN_MODES ?= all
export ONEMEDI_STANDIN_MODES
export ONEMEDI_STANDIN_ADMIN_URL ?= postgresql://supabase_admin@127.0.0.1:$(STANDIN_PORT)/postgres

.PHONY: standin-cluster standin-cluster-down
standin-cluster: ## Start the harness's cluster (port 5440), creating it when missing
	@STANDIN_PORT=$(STANDIN_PORT) scripts/standin-cluster up

standin-cluster-down: ## Stop and remove the harness's cluster and its data
	@STANDIN_PORT=$(STANDIN_PORT) scripts/standin-cluster down

pytest: standin-cluster

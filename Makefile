# Two entry points a newcomer needs: `make run` and `make test`. Both set up .venv on first use.
# `make test` is the whole suite: it installs the Debian packages the real-server tests drive (as root, only
# when missing), starts the local PostgreSQL cluster, runs everything on SQLite, then the suite again on
# PostgreSQL. `make test-fast` needs only Python: everything but the nginx, PostgreSQL and Chromium tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast test-deploy test-postgres install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/timeline db upgrade
	$(BIN)/timeline seed
	$(BIN)/gunicorn -c gunicorn.conf.py

TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test

test: test-fast test-deploy test-postgres

test-fast: $(STAMP)
	$(BIN)/pytest --ignore=tests/deploy --ignore=tests/ui $(PYTEST_ARGS)

test-deploy: $(STAMP)
	bash .ci/system-packages
	bash .ci/postgres
	$(BIN)/pytest tests/deploy tests/ui $(PYTEST_ARGS)

test-postgres: $(STAMP)
	bash .ci/postgres
	TEST_DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest --ignore=tests/deploy --ignore=tests/ui $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) data .pytest_cache

# Two entry points a newcomer needs: `make run` and `make test` (Python 3.11 and pip only). Both set up .venv
# on first use. `make test-deploy` drives real nginx, PostgreSQL and Chromium (tests/deploy, tests/ui): it
# installs the Debian packages they need (as root) and starts the local PostgreSQL cluster.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-deploy install bench clean

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

test: $(STAMP)
	$(BIN)/pytest --ignore=tests/deploy --ignore=tests/ui $(PYTEST_ARGS)

test-deploy: $(STAMP)
	bash .ci/system-packages
	bash .ci/postgres
	$(BIN)/pytest tests/deploy tests/ui $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) data .pytest_cache

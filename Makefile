# One command per job: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
# `PORT=8080 make demo` serves the demo on another port (HOST likewise).
PORT ?= 8000
HOST ?= 127.0.0.1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install translations demo test lint format serve clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

# Compiled with Babel (pure Python), so no GNU gettext is needed on the machine.
translations: $(STAMP)
	$(BIN)/pybabel compile --statistics -d src/amity/locale -D django

install: $(STAMP) translations

demo: install
	$(BIN)/amity demo --host $(HOST) --port $(PORT)

serve: install
	$(BIN)/amity serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Two workers: the suite's time halves on a 2-core machine (`PYTEST_ARGS= make test` for one).
PYTEST_ARGS ?= -n 2
test: install lint
	$(BIN)/pytest $(PYTEST_ARGS)

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

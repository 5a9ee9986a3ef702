# Growth Atlas: `make run` serves the API, `make test` runs every check. Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
HOST ?= 127.0.0.1
export GROWTH_ATLAS_DATABASE_URL ?= sqlite+aiosqlite:///var/growth-atlas.db

.PHONY: run test lint typecheck pytest openapi migrate seed fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP) migrate seed
	$(BIN)/growth-atlas serve --host $(HOST) --port $(PORT)

migrate: $(STAMP)
	$(BIN)/growth-atlas migrate

seed: $(STAMP)
	$(BIN)/growth-atlas seed

openapi: $(STAMP)
	$(BIN)/growth-atlas openapi --output openapi/openapi.json

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

# Growth Atlas: `make run` serves the API, `make test` runs every check. Both bootstrap .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
HOST ?= 127.0.0.1
export GROWTH_ATLAS_DATABASE_URL ?= sqlite+aiosqlite:///var/growth-atlas.db

.PHONY: run test lint typecheck pytest openapi migrate seed fuzz clean tools compiled

# Node tools of the contract tests (Spectral, openapi-typescript, tsc), pinned by the lockfile.
NPM := $(shell command -v npm 2>/dev/null)
NODE_TOOLS := tools/npm/node_modules/.package-lock.json
DEPLOY_TOOLS := .tools/.installed

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP) compiled migrate seed
	$(BIN)/growth-atlas serve --host $(HOST) --port $(PORT)

migrate: $(STAMP)
	$(BIN)/growth-atlas migrate

seed: $(STAMP)
	$(BIN)/growth-atlas seed

openapi: $(STAMP)
	$(BIN)/growth-atlas openapi --output openapi/openapi.json

# The installs (Node tools, deployment tools) and the extractor's compilation run beside ruff
# and mypy, then the tests, which need them all, run alone on every core.
test: $(STAMP)
	$(MAKE) --no-print-directory -j3 --output-sync=target lint typecheck tools compiled
	$(MAKE) --no-print-directory pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# pytest's options (xdist over every core, the slowest 15 tests) are in pyproject.toml.
# The run starts dozens of Python processes (workers, servers, CLIs): bytecode is written even
# where PYTHONDONTWRITEBYTECODE is set, so that each one (and a rerun) need not compile again.
pytest: $(STAMP) tools compiled
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest

# The extractor compiled with mypyc into build/mypyc/ (tools/compile_extraction.py), which the
# package uses only while it matches the current .py files (service/compiled.py). Phony: the
# script hashes the sources and does nothing while the build matches them (any edit, checkout or
# deleted module rebuilds it, whatever the file times); where it cannot compile (no gcc) it is a
# warning, and the .py files run.
compiled: $(STAMP)
	@$(BIN)/python tools/compile_extraction.py || \
		echo "make compiled: the extractor is not compiled; it runs as Python" >&2

# Without npm the contract tests that need these tools skip (and fail under CI=true).
tools: $(DEPLOY_TOOLS)
ifneq ($(NPM),)
tools: $(NODE_TOOLS)
endif

# hadolint, kubectl (with kustomize) and checkov, pinned in tests/deploy/tooling.py, installed
# under .tools/ once rather than by the first test that needs them. Where one cannot be had
# (no network), its tests skip, and fail under CI=true, saying why.
$(DEPLOY_TOOLS): tests/deploy/tooling.py $(STAMP)
	$(BIN)/python -m tests.deploy.tooling && touch $@ || \
		echo "make tools: a deployment tool did not install; its tests will say why" >&2

# npm ci rewrites node_modules/.package-lock.json, so this reruns only when the lockfile
# (or package.json) is newer than the installed tree, or the tree is missing. None of the tools
# needs an install script; the one there is (@scarf/scarf, under Spectral) is install telemetry.
$(NODE_TOOLS): tools/npm/package.json tools/npm/package-lock.json
	@command -v npm >/dev/null || { echo "make tools: needs node and npm" >&2; exit 1; }
	npm ci --prefix tools/npm --no-audit --no-fund --ignore-scripts
	touch $@

# Many more generated cases than the test suite: FUZZ_EXAMPLES per operation (default 500).
fuzz: $(STAMP)
	$(BIN)/python tools/fuzz.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .tools build/mypyc build/mypyc-work

# agencynet: the two commands a newcomer needs are `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install browser lint clean

# Create the virtualenv and install agencynet with its dev extras (re-run when pyproject changes).
$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null || { echo "error: $(PY) not found; set PY=python3.11 or newer"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Headless Chromium for the browser tests (Debian package; needs root or sudo).
browser:
	@bash scripts/ensure-chromium.sh

# Main job: load the sample plans into the embedded store and serve http://127.0.0.1:8000
demo: install
	$(BIN)/agencynet load samples/plans
	$(BIN)/agencynet serve --host 127.0.0.1 --port 8000

# Whole test suite against both stores (starts the local Neo4j itself).
test: install browser
	$(BIN)/python -m pytest -q -ra

clean:
	rm -rf $(VENV) var .pytest_cache

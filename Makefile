# Liaison: two commands on a fresh machine.
#   make run   installs everything into .venv, builds the demo database, serves it on :8000
#   make test  installs everything and runs the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP := $(VENV)/.installed
DEMO_DB ?= liaison.db
export UV_COMPILE_BYTECODE := 1

.PHONY: run test install system-deps lint lock clean

$(STAMP): requirements.lock pyproject.toml
	@pkg-config --exists icu-uc 2>/dev/null || ! command -v apt-get >/dev/null || \
	  { echo "installing libicu-dev and pkg-config (PyICU, which followthemoney needs, compiles against them)"; \
	    apt-get update -qq && apt-get install -y -qq libicu-dev pkg-config >/dev/null; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(UV) pip install --python $(PY) --require-hashes -r requirements.lock
	$(UV) pip install --python $(PY) --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

# Debian packages the browser tests and the PDF report need (root, apt-get).
system-deps:
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && ldconfig -p | grep -q libpangoft2 || \
	  { apt-get update -qq && apt-get install -y -qq chromium poppler-utils libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; }

run: $(STAMP)
	@test -f $(DEMO_DB) || LIAISON_DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) $(VENV)/bin/liaison demo
	LIAISON_DEMO=1 LIAISON_DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) $(VENV)/bin/liaison serve --host 127.0.0.1 --port 8000

test: $(STAMP) system-deps
	$(VENV)/bin/pytest -n 2 --dist loadgroup -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench

lock:
	$(UV) pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -o requirements.lock --no-header

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

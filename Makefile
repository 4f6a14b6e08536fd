# Two commands on a fresh machine: `make demo` and `make test`. Both create the environment,
# install the system packages and Python dependencies they need, then run.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .make
APT_PACKAGES := fonts-dejavu-core fonts-liberation2 fonts-crosextra-carlito fonts-crosextra-caladea poppler-utils chromium tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd libreoffice-writer-nogui postgresql
DEMO_OUT ?= results/demo

.PHONY: demo test setup system-packages samples schema bench bench-scale heldout lint typecheck clean

demo: setup
	$(BIN)/cchc ingest samples/ --out $(DEMO_OUT)

test: setup
	$(BIN)/python -m pytest -q

setup: $(STAMPS)/python $(STAMPS)/system

# System packages (fonts for the sample PDFs, Chromium for the browser test, Tesseract with its
# Vietnamese model for scans, poppler's pdftotext as the benchmark's reference point).
$(STAMPS)/system:
	@mkdir -p $(STAMPS)
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@touch $@

$(STAMPS)/python: pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	@touch $@

samples: setup
	$(BIN)/python samples/build_samples.py
	$(BIN)/python samples/build_ranking.py

schema: setup
	$(BIN)/cchc schema -o schemas/record.schema.json
	CCHC_DB=sqlite:// $(BIN)/cchc serve --openapi --data-dir build/openapi > schemas/openapi.json

bench: setup
	$(BIN)/python bench/run.py

# `cchc ingest` of N mixed reports with the store, and the store step on SQLite and PostgreSQL (not in CI):
# make bench-scale            (1,000 reports)
# make bench-scale N=10000
N ?= 1000
bench-scale: setup
	$(BIN)/python bench/bench_scale.py --n $(N) --pg

# Finding recall/precision and field accuracy on the held-out reports (bench/heldout/README.md; not in CI)
heldout: setup
	$(BIN)/python bench/heldout/evaluate.py

# Both read the source tree. mypy checks the package cchc ([tool.mypy] packages), whose symlinks
# cchc/extractors -> ../extractors and so on follow [tool.setuptools] package-dir; ruff does not follow
# those symlinks, so each file is linted once.
typecheck: setup
	$(BIN)/mypy

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf $(STAMPS) results bench/corpus

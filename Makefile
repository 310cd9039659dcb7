# jixiao — 绩效. `make demo` and `make test` work on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install demo test lint bench load samples vendor clean audit-deps corpus

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,spark]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(PY) -m jixiao demo

test: install
	$(PY) -m pytest
	@# With PostgreSQL configured the suite above ran the web tests on it; run them on SQLite too.
	@if [ -n "$$JIXIAO_TEST_DATABASE_URL" ]; then env -u JIXIAO_TEST_DATABASE_URL $(PY) -m pytest tests/web -q; fi

lint: install
	$(PY) -m ruff check src tests bench
	$(PY) -m mypy src/jixiao/core src/jixiao/scoring
	PYTHONPATH=src $(VENV)/bin/lint-imports

DEMO := src/jixiao/data/demo
# Generated documents from the demo data, each released through the gate (samples/ is git-ignored).
samples: install
	rm -rf samples
	$(PY) -m jixiao report selfeval $(DEMO)/selfeval_demo.txt --out samples/selfeval --explain $(DEMO)/selfeval_explanations.json
	$(PY) -m jixiao report evaluation $(DEMO)/keyeval_demo.txt --out samples/evaluation
	$(PY) -m jixiao report summary --data $(DEMO)/work_summary_facts.json --out samples/summary --profile kunming
	$(PY) -m jixiao report disclosure --data $(DEMO)/disclosure_ledger.json --out samples/disclosure --explain $(DEMO)/disclosure_explanations.json

bench: install
	$(PY) bench/run.py

# 50 logged-in users for 5 minutes against `jixiao serve` on a fresh local PostgreSQL database (not part of
# `make test`); e.g. make load LOAD_ARGS="--users 20 --duration 60 --no-record"
# Known vulnerabilities in the installed dependencies (needs pypi.org's JSON API; --strict fails if any package
# could not be checked, so an unreachable service is never reported as "no vulnerabilities").
audit-deps: install
	$(VENV)/bin/pip-audit --strict --skip-editable --progress-spinner off

load: install
	$(PY) bench/load.py $(LOAD_ARGS)

# Real published documents (not in the repository): tests/corpus/MANIFEST.csv rows whose file is in
# $JIXIAO_CORPUS_DIR (default tests/corpus/local); prints what jixiao read against the manifest.
corpus: install
	$(PY) tests/corpus/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis

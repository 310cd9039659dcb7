# jixiao — 绩效. `make demo` and `make test` work on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
SUM := $(shell cksum < pyproject.toml | cut -d' ' -f1)
# `make install`/`make demo` install what the demo uses (extras web + documents, not Spark); `make test` installs
# every extra and the test tools. A stamp per set, renewed when pyproject.toml changes.
DEMO_STAMP := $(VENV)/.installed-demo-$(SUM)
DEV_STAMP := $(VENV)/.installed-dev-$(SUM)

.PHONY: install install-dev fonts demo test lint bench load samples vendor clean audit-deps corpus

define pip_install
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[$(1)]'
	touch $@
endef

$(DEMO_STAMP): pyproject.toml
	$(call pip_install,demo)

$(DEV_STAMP): pyproject.toml
	$(call pip_install,dev)
	touch $(DEMO_STAMP)

# Documents need a CJK font: Debian's fonts-wqy-microhei where we may install it, else the [fonts] extra.
fonts:
	@sh scripts/system-packages.sh fonts $(PY)

install: $(DEMO_STAMP)
	@$(MAKE) --no-print-directory fonts vendor

install-dev: $(DEV_STAMP)
	@$(MAKE) --no-print-directory fonts vendor
	@sh scripts/system-packages.sh test

# The pages' charts (ECharts) from npm, pinned by package-lock.json, copied into static/vendor/ (git-ignored, never
# committed). Without npm the pages keep their server-drawn charts and say so.
VENDOR := src/jixiao/web/static/vendor
$(VENDOR)/echarts/echarts.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	mkdir -p $(VENDOR)/echarts
	cp node_modules/echarts/dist/echarts.min.js node_modules/echarts/LICENSE $(VENDOR)/echarts/

vendor:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory $(VENDOR)/echarts/echarts.min.js; \
	else echo "未找到 npm：网页图表使用服务器绘制的静态图（安装 Node.js 后运行 make vendor 可启用交互图表）"; fi

demo: install
	$(PY) -m jixiao demo

test: install-dev
	$(PY) -m pytest
	@# With PostgreSQL configured the suite above ran the web tests on it; run them on SQLite too.
	@if [ -n "$$JIXIAO_TEST_DATABASE_URL" ]; then env -u JIXIAO_TEST_DATABASE_URL $(PY) -m pytest tests/web -q; fi

lint: install-dev
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

bench: install-dev
	$(PY) bench/run.py

# 50 logged-in users for 5 minutes against `jixiao serve` on a fresh local PostgreSQL database (not part of
# `make test`); e.g. make load LOAD_ARGS="--users 20 --duration 60 --no-record"
# Known vulnerabilities in the installed dependencies (needs pypi.org's JSON API; --strict fails if any package
# could not be checked, so an unreachable service is never reported as "no vulnerabilities").
audit-deps: install-dev
	$(VENV)/bin/pip-audit --strict --skip-editable --progress-spinner off

load: install-dev
	$(PY) bench/load.py $(LOAD_ARGS)

# Real published documents (not in the repository): tests/corpus/MANIFEST.csv rows whose file is in
# $JIXIAO_CORPUS_DIR (default tests/corpus/local); prints what jixiao read against the manifest.
corpus: install
	$(PY) tests/corpus/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis

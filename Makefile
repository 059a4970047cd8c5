# Trợ lý CCHC — make run | make test | make test-fast | make lint | make bench | make eval | make faults
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: install dev run ingest test test-fast lint bench eval faults eval-schedules bench-schedules clean

# each stamp holds a copy of the requirements it installed: a newer file with the same pins (a fresh checkout, a git
# worktree sharing this .venv) only refreshes the stamp instead of reinstalling
$(VENV)/.installed: requirements.txt
	@if cmp -s requirements.txt $@; then touch $@; else \
		$(PYTHON) -m venv $(VENV) && $(PY) -m pip install -q --upgrade pip && \
		$(PY) -m pip install -q -r requirements.txt && cp requirements.txt $@; fi

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	@if cmp -s requirements-dev.txt $@; then touch $@; else \
		$(PY) -m pip install -q -r requirements-dev.txt && cp requirements-dev.txt $@; fi

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

ingest: install
	$(PY) -m ingest

run: install
	@echo "Nạp kho văn bản đi kèm (CORPUS_DIR, mặc định corpus/) nếu chưa có hoặc đã đổi…"
	$(PY) -m ingest
	$(VENV)/bin/streamlit run serve.py --server.headless true --server.address 127.0.0.1 \
		--server.port $(PORT) --browser.gatherUsageStats false

# every test, on pytest-xdist workers: one a core, at most TEST_MAX_WORKERS (each loads the embedding model and
# Streamlit, ≈ 1 GB); --dist loadfile keeps a module's tests on one worker, so its module fixtures (a Streamlit
# server, Chromium, an index) start once; the session's indexes are built once for all workers, and the costliest
# modules are sent first (--no-loadscope-reorder keeps that order; both in tests/conftest.py)
TEST_WORKERS ?= auto
TEST_MAX_WORKERS ?= 4
test: dev
	$(PY) -m pytest -n $(TEST_WORKERS) --maxprocesses=$(TEST_MAX_WORKERS) --dist loadfile --no-loadscope-reorder

# the edit loop: every test that needs no embedding model, server, browser nor OCR, starts no process, indexes
# nothing of its own and runs no Streamlit page (markers set in tests/conftest.py from what a test uses)
FAST_TIER := not model and not server and not browser and not ocr and not slow and not subprocess and not index \
	and not app
test-fast: dev
	$(PY) -m pytest -m "$(FAST_TIER)" -p no:cacheprovider -n $(TEST_WORKERS) --maxprocesses=$(TEST_MAX_WORKERS) \
		--dist loadfile

lint: dev
	$(VENV)/bin/ruff check .

bench: install
	$(PY) -m bench.run_bench

# every question set (shared dev and real documents, ours in eval/), tune and check halves, over the bundled corpus
# and the shared real documents indexed together in EVAL_DIR (built once; files added to the sets since are ingested
# into it incrementally; delete it to rebuild)
EVAL_DIR ?= data-eval
eval: install
	$(PY) -m bench.eval_sets --data-dir $(EVAL_DIR)
	$(PY) -m bench.fit_abstention --data-dir $(EVAL_DIR)

faults: dev
	$(PY) -m bench.faults

# schedule questions (issue 14) over the bundled corpus plus tests/fixtures/schedules, in a private index
eval-schedules: install
	D=$$(mktemp -d) && mkdir $$D/corpus && cp corpus/* tests/fixtures/schedules/*.txt tests/fixtures/schedules/*.docx \
		$$D/corpus/ && export CORPUS_DIR=$$D/corpus DATA_DIR=$$D/data && $(PY) -m ingest >/dev/null && \
		$(PY) ../shared/eval/score.py answers --questions tests/fixtures/schedules/questions.jsonl && \
		$(PY) -m bench.schedule_eval --questions tests/fixtures/schedules/questions.jsonl; \
		status=$$?; rm -rf $$D; exit $$status

bench-schedules: install
	$(PY) -m bench.schedule_bench --passages 10000

clean:
	rm -rf data .pytest_cache .ruff_cache

# Parley: every target sets up .venv from the hash-pinned lock file first.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
SHARED  ?= ../shared
STAMP   := $(VENV)/.installed

.PHONY: demo test eval bench lint lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --no-index -e .
	touch $(STAMP)

demo: $(STAMP)  ## extract the bundled Istanbul example: its events, the brief of the talks, a forecast
	$(BIN)/parley extract examples/istanbul-round-2022-03-29.txt --format table
	$(BIN)/parley brief examples/istanbul-round-2022-03-29.txt
	$(BIN)/parley forecast examples/scenarios/istanbul-2022.yaml --model nash --draws 200

test: $(STAMP)  ## the whole test suite
	$(BIN)/python -m pytest

eval: $(STAMP)  ## score against ../shared/eval/dev
	$(BIN)/python benchmarks/run_eval.py --shared $(SHARED)

# Articles for scale_bench.py's memory run (about 20 minutes on 2 cores); 0 leaves it out.
SCALE_LIMIT ?= 10000

bench: $(STAMP)  ## forecasting speed; extraction throughput, workers, Dask and memory; duplicate detection
	$(BIN)/python benchmarks/forecast_bench.py --shared $(SHARED)
	$(BIN)/python benchmarks/run_bench.py --shared $(SHARED) --limit 1000
	$(BIN)/python benchmarks/scale_bench.py --shared $(SHARED) --limit 1000 --large $(SCALE_LIMIT)
	$(BIN)/python benchmarks/dedup_bench.py --shared $(SHARED)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

lock:  ## regenerate requirements.lock (needs network to PyPI)
	$(PY) -m venv .venv-lock && .venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .venv-lock build *.egg-info .pytest_cache .ruff_cache

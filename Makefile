# Two commands for a fresh machine: `make run` starts the bot, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONFIG ?= app.yaml

.PHONY: run test lint bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/socialbot check-config --config $(CONFIG)
	$(BIN)/socialbot serve --config $(CONFIG) --host 127.0.0.1

test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/mypy
	-tests/teams/playground/setup.sh
	$(BIN)/pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/storage.py
	$(BIN)/python benchmarks/moderation_quality.py
	$(BIN)/python benchmarks/moderation_speed.py
	$(BIN)/python benchmarks/moderation_verdicts.py
	$(BIN)/python benchmarks/slack_load.py
	$(BIN)/python benchmarks/teams_load.py
	$(BIN)/python benchmarks/scaling.py
	$(BIN)/python benchmarks/operations.py
	$(BIN)/python benchmarks/fuzz_endpoints.py
	$(BIN)/python benchmarks/notice_kill_test.py

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache

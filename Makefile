# Two entry points for a fresh machine (Python >= 3.11 on the PATH):
#   make run   sets up .venv and builds the bundled sample corpus into output/
#   make test  sets up .venv and runs the whole test suite with its style checks

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint setup clean

run: $(STAMP)
	$(BIN)/senate-ld build

test: $(STAMP)
	$(BIN)/ruff format --check converters tests bench
	$(BIN)/ruff check converters tests bench
	$(BIN)/mypy
	$(BIN)/pytest

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) output .output.lock .mypy_cache .ruff_cache .pytest_cache .hypothesis

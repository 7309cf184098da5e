# Two entry points for a fresh machine (Debian, Python >= 3.11, as root or with sudo):
#   make run   sets up .venv and builds the bundled sample corpus into output/
#   make test  sets up everything the tests use and runs them with the style checks
#
# The tests use real parts: Debian's chromium (browser tests), Java and the Nu HTML
# checker (vnu-jar from npm), nginx with njs and Apache httpd (the generated server
# rules; their services are kept from starting while they are installed), Virtuoso
# (virtuoso-t, started by the tests on a fresh database), and the oxigraph server (from
# PyPI, in .venv).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TOOLS := .tools
VNU_VERSION := 26.9.27
VNU := $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
DEBIAN_PACKAGES := chromium default-jre-headless npm nginx libnginx-mod-http-js apache2 \
	virtuoso-opensource-7-bin

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
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	[ -e /usr/lib/nginx/modules/ngx_http_js_module.so ] || missing="$$missing libnginx-mod-http-js"; \
	[ -x /usr/sbin/apache2 ] || missing="$$missing apache2"; \
	command -v virtuoso-t >/dev/null || missing="$$missing virtuoso-opensource-7-bin"; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		blocker=""; \
		if [ ! -e /usr/sbin/policy-rc.d ]; then \
			blocker=/usr/sbin/policy-rc.d; \
			printf '#!/bin/sh\nexit 101\n' | $(SUDO) tee $$blocker >/dev/null; \
			$(SUDO) chmod +x $$blocker; \
		fi; \
		$(SUDO) apt-get update -qq \
		&& $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		status=$$?; \
		[ -z "$$blocker" ] || $(SUDO) rm -f $$blocker; \
		exit $$status; \
	fi

$(VNU):
	npm install --silent --no-audit --no-fund --prefix $(TOOLS) vnu-jar@$(VNU_VERSION)

clean:
	rm -rf $(VENV) $(TOOLS) output .output.lock .mypy_cache .ruff_cache .pytest_cache .hypothesis test-artifacts

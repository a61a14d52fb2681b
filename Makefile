# netmap — the two commands of the README: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
NETMAP := .build/debug/netmap
DATA ?= data

.PHONY: demo test deps build diagrams clean

# Installs the Graphviz C library when it is missing (Debian/Ubuntu, via apt-get), plus the DejaVu fonts.
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! fc-list 2>/dev/null | grep -qi "DejaVu Sans"; then \
	  echo "netmap: installing libgraphviz-dev and fonts-dejavu-core with apt-get (needed to draw diagrams)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgraphviz-dev graphviz fonts-dejavu-core >/dev/null; \
	fi
	@pkg-config --exists libgvc || { echo "netmap: libgvc still missing; install libgraphviz-dev by hand"; exit 1; }

build: deps
	$(SWIFT) build

# The main job on the bundled data: validate, summarise, draw.
demo: build
	@mkdir -p out
	$(NETMAP) validate $(DATA)
	$(NETMAP) stats $(DATA)
	$(NETMAP) render $(DATA) -o out/norway.svg
	@for f in $(DATA)/*.yaml; do \
	  name=$$(basename $$f .yaml); \
	  [ "$$name" = shared ] || [ "$$name" = programmes ] || $(NETMAP) render $$f -o out/$$name.svg || exit 1; \
	done
	@echo "netmap: diagrams written to out/"

test: deps
	$(SWIFT) test

clean:
	rm -rf .build out

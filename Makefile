# Ensemble build entry points. `make help` lists them.

SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

# Debian packages the build and the tests need; `make deps` installs the missing ones.
APT_PACKAGES := libcurl4-openssl-dev libyaml-dev libmicrohttpd-dev libhiredis-dev libsqlite3-dev \
	pkg-config openssl redis-server python3 python3-venv
VENV := .venv
PYTHON := $(CURDIR)/$(VENV)/bin/python3
RUN_DIR := .ensemble
ARGS ?= dev apiserver --install-crds --kubeconfig-out $(RUN_DIR)/kubeconfig

.DEFAULT_GOAL := help
.PHONY: help deps build test run bench

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN { FS = ":.*## " } { printf "  make %-7s %s\n", $$1, $$2 }'

# kubectl comes from Debian's kubernetes-client only when no kubectl is on PATH: an installed kubectl
# (Google Cloud SDK, upstream packages) owns /usr/bin/kubectl and the Debian package would fail to install.
deps: ## Install the missing Debian packages, kubectl and the Python test tools (.venv); quiet when all are present
	@missing=""; \
	for package in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	command -v kubectl >/dev/null || missing="$$missing kubernetes-client"; \
	if [ -n "$$missing" ]; then \
		sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
		echo "Installing Debian packages:$$missing"; \
		$$sudo apt-get update -qq && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@[ -x $(VENV)/bin/python3 ] || python3 -m venv $(VENV)
	@$(VENV)/bin/python3 -c 'import prometheus_client, opentelemetry.proto, google.protobuf' 2>/dev/null || $(VENV)/bin/pip install -q prometheus_client opentelemetry-proto

build: deps ## Build everything in release mode (.build/release/ensemble)
	swift build -c release

test: deps ## Run all tests (Swift Testing runs them in parallel)
	ENSEMBLE_PYTHON=$(PYTHON) swift test

run: deps ## Run ensemble with ARGS; by default the local API emulator with Ensemble's CRDs (kubeconfig in .ensemble/)
	@mkdir -p $(RUN_DIR)
	swift run ensemble $(ARGS)

bench: build ## Run the benchmark programs under bench/ in release mode
	@if [ -d bench/http ]; then swift run -c release ensemble-bench-http; else echo "bench/http is not in this tree: skipped"; fi
	@if [ -d bench/runtime ]; then swift run -c release ensemble-bench-runtime; else echo "bench/runtime is not in this tree: skipped"; fi

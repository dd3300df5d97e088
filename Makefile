# AI Mastering — `make` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
DOTNET ?= dotnet
# Release by default: the engine is several times faster than in Debug (`CONFIGURATION=Debug make run` to debug).
CONFIGURATION ?= Release
WEB_PORT ?= 8080
# Settings and secrets for run/up/api/worker from .env when present (.env.example lists them).
-include .env
export $(shell sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p' .env 2>/dev/null)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NG_CLI_ANALYTICS=false
APPHOST_ENV := ASPIRE_ALLOW_UNSECURED_TRANSPORT=true WEB_PORT=$(WEB_PORT)

.PHONY: help deps build cli run up api worker test test-fast test-dotnet test-web e2e bench lint format clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

deps: ## Install what is missing to run (ffmpeg, node modules)
	@scripts/install-deps.sh run

build: deps ## Build the .NET solution and the Angular app (the web project's build runs npm; Release unless CONFIGURATION=Debug)
	@scripts/build-web.sh # once, before the solution: projects referencing the web project would otherwise run npm side by side
	$(DOTNET) build AiMastering.slnx -c $(CONFIGURATION)

cli: ## Publish the aimaster CLI, ReadyToRun, to artifacts/cli/aimaster
	$(DOTNET) publish AiMastering.Cli -c Release -r linux-x64 --self-contained false -o artifacts/cli

run: build ## Start the whole product (AppHost; embedded backends when no container engine answers)
	@echo "Web app: http://127.0.0.1:$(WEB_PORT)   Dashboard: http://127.0.0.1:15080 (login link below)"
	$(APPHOST_ENV) $(DOTNET) run --no-build -c $(CONFIGURATION) --project AiMastering.AppHost -- Infrastructure=$${INFRASTRUCTURE:-auto}

up: build ## Start the AppHost with MongoDB, RabbitMQ and MinIO containers (needs Docker or Podman)
	$(APPHOST_ENV) $(DOTNET) run --no-build -c $(CONFIGURATION) --project AiMastering.AppHost -- Infrastructure=containers

api: build ## Run the API service alone (embedded backends, http://127.0.0.1:5080)
	$(DOTNET) run --no-build -c $(CONFIGURATION) --project AiMastering.ApiService --no-launch-profile --urls http://127.0.0.1:5080

worker: build ## Run one worker alone (embedded backends, health on http://127.0.0.1:5081)
	$(DOTNET) run --no-build -c $(CONFIGURATION) --project AiMastering.Worker --no-launch-profile --urls http://127.0.0.1:5081

test: ## Install what the tests need, start the real services, run every test (unit + integration + web + e2e)
	@scripts/install-deps.sh test
	@scripts/run-tests.sh

test-fast: ## Build and run only the unit tests (AiMastering.UnitTests: no servers, no ffmpeg, no browser; < 1 min)
	$(DOTNET) build AiMastering.UnitTests -warnaserror
	$(DOTNET) test --project AiMastering.UnitTests --no-build

e2e: build ## Run the user simulation (scripts/e2e) against a freshly started app
	@CONFIGURATION=$(CONFIGURATION) scripts/run-e2e.sh

bench: ## Benchmarks (speed, memory, ratios to ffmpeg) — long; results go to the README table
	@scripts/fetch-test-music.sh
	$(DOTNET) build -c Release AiMastering.Benchmarks
	for mode in analysis processors master reference; do \
	  $(DOTNET) run --no-build -c Release --project AiMastering.Benchmarks -- $$mode || exit 1; done

lint: ## Check formatting and analyzers
	$(DOTNET) format AiMastering.slnx --verify-no-changes

format: ## Fix formatting
	$(DOTNET) format AiMastering.slnx

clean: ## Remove build outputs and local data
	rm -rf */bin */obj artifacts AiMastering.Web/wwwroot .data .test-services

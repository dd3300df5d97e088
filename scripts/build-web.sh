#!/usr/bin/env bash
# Builds the Angular app into AiMastering.Web/wwwroot (skipped when nothing changed).
set -euo pipefail
cd "$(dirname "$0")/../AiMastering.Web/ClientApp"
stamp=../wwwroot/index.html
if [[ -f "$stamp" && -z "$(find src angular.json package.json -newer "$stamp" -print -quit)" ]]; then
  exit 0
fi
NG_CLI_ANALYTICS=false npm run build

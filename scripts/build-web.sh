#!/usr/bin/env bash
# Builds the Angular app into AiMastering.Web/wwwroot. The web project's own build does the same
# (AiMastering.Web/ClientApp.targets: npm ci when needed, npm run build when a source changed); this runs
# only that step, without compiling the .NET projects.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet msbuild AiMastering.Web/AiMastering.Web.csproj -nologo -v:m -t:ClientAppBuild

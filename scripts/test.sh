#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: restores, builds in Release (warnings are errors) and tests.
# Installs what the tests need when it is missing (see "needs" below); safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi

# needs: chromium for the browser test of the web page (tests/Aderencia.Tests/Browser); skipped without it unless CI=true.
install_chromium() { # $1: "sudo -n" or "" (already root); refreshes the package lists only when the plain install fails
  $1 apt-get install -y chromium || { $1 apt-get update && $1 apt-get install -y chromium; }
}
command -v chromium >/dev/null 2>&1 || (install_chromium "sudo -n" || install_chromium "") >/dev/null 2>&1 \
  || echo "test.sh: could not install chromium; the browser test will be skipped (or fail under CI=true)" >&2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Aderencia.slnx -c Release -v quiet -nologo
dotnet test Aderencia.slnx -c Release --no-build -v quiet -nologo --logger "console;verbosity=minimal" "$@"

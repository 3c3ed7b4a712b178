#!/usr/bin/env bash
# Renders a report page with headless Chromium to a PNG, to check by eye that the HTML and its SVG charts draw.
# usage: scripts/screenshot-report.sh REPORT.html [OUT.png] [WIDTH,HEIGHT]
set -euo pipefail
report="${1:?usage: $0 REPORT.html [OUT.png] [WIDTH,HEIGHT]}"
out="${2:-${report%.*}.png}"
size="${3:-1200,2400}"
browser="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
[ -n "$browser" ] || { echo "error: no chromium found; set CHROMIUM=/path/to/chromium" >&2; exit 2; }
[ -f "$report" ] || { echo "error: $report does not exist" >&2; exit 2; }
abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size="$size" --screenshot="$out" "file://$abs" 2>/dev/null
echo "$out"

#!/usr/bin/env bash
# Makes docs/poster.png, the picture of a poster in docs/posters.md: the HTML handout for minors, in Dutch,
# rendered by headless Chromium at A4 size (794 x 1123 CSS pixels).
# Needs Debian's chromium and an installed refer (.venv/bin/refer by default; REFER=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
refer=${REFER:-.venv/bin/refer}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$refer" handout --audience minors --lang nl -o "$work/poster.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=794,1123 --force-device-scale-factor=1 --screenshot="$work/poster.png" \
  "file://$work/poster.html" 2>/dev/null
mkdir -p docs
cp "$work/poster.png" docs/poster.png
echo "wrote docs/poster.png"

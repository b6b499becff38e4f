#!/usr/bin/env bash
# docs/CLI.md is the binary's own help (scripts/cli-reference): regenerate
# it into a scratch file and fail when the committed copy differs, so a flag
# changed without rerunning the script is caught here.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
src="${ROOST_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$src/scripts/cli-reference" "$ROOST" "$tmp/CLI.md"
# The generated reference must hold every command's section (a broken
# extraction would otherwise compare two empty files equal).
for c in ingest count top; do
  grep -q "^## roost $c\$" "$tmp/CLI.md" || { echo "cli.cli_reference: no section for roost $c" >&2; exit 1; }
done
if ! diff -u "$src/docs/CLI.md" "$tmp/CLI.md" > "$tmp/diff"; then
  head -60 "$tmp/diff" >&2
  echo "cli.cli_reference: docs/CLI.md is out of date with roost --help: run scripts/cli-reference and commit docs/CLI.md" >&2
  exit 1
fi
# Deterministic: a second run, from another directory, gives the same bytes.
(cd "$tmp" && "$src/scripts/cli-reference" "$ROOST" "$tmp/again.md")
cmp -s "$tmp/CLI.md" "$tmp/again.md" || { echo "cli.cli_reference: two runs differ" >&2; exit 1; }

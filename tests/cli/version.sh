#!/usr/bin/env bash
# roost --version: the project's CMake VERSION, the git commit it was built
# from, the compiler and its version, and whether the build is profile-guided
# (as configured: ROOST_PGO in CMakeCache.txt).
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
fail() { echo "FAIL: $*" >&2; exit 1; }
src="${ROOST_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
build="$(dirname "$ROOST")"

out="$("$ROOST" --version)" || fail "--version exited non-zero: $out"
version="$(sed -n 's/^project(roost VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")"
[ -n "$version" ] || fail "no VERSION in $src/CMakeLists.txt"
[ "$(sed -n 1p <<<"$out")" = "roost $version" ] || fail "first line is not 'roost $version': $out"

commit_line="$(grep '^commit: ' <<<"$out")" || fail "no commit line: $out"
if git -C "$src" rev-parse HEAD > /dev/null 2>&1; then
  built="$(awk '{print $2}' <<<"$commit_line")"
  [[ "$built" =~ ^[0-9a-f]{40}$ ]] || fail "commit is not a hash: $commit_line"
  # The binary may predate the newest commits, never name an unknown one.
  git -C "$src" cat-file -e "$built^{commit}" 2>/dev/null || fail "commit $built is not in $src"
fi

compiler_line="$(grep '^compiler: ' <<<"$out")" || fail "no compiler line: $out"
cxx="$(sed -n 's/^CMAKE_CXX_COMPILER:FILEPATH=//p' "$build/CMakeCache.txt")"
cxx_version="$("$cxx" -dumpfullversion 2>/dev/null || "$cxx" -dumpversion)"
[[ "$compiler_line" == *"$cxx_version"* ]] || fail "compiler line lacks $cxx_version: $compiler_line"

pgo="$(sed -n 's/^ROOST_PGO:STRING=//p' "$build/CMakeCache.txt")"
pgo_line="$(grep '^profile-guided: ' <<<"$out")" || fail "no profile-guided line: $out"
case "$pgo" in
  use) [[ "$pgo_line" == "profile-guided: yes"* ]] || fail "ROOST_PGO=use but: $pgo_line" ;;
  *) [[ "$pgo_line" == "profile-guided: no"* ]] || fail "ROOST_PGO=$pgo but: $pgo_line" ;;
esac
# --version needs no subcommand and writes to stdout only.
[ -z "$("$ROOST" --version 2>&1 >/dev/null)" ] || fail "--version wrote to stderr"

#!/usr/bin/env bash
# ctest's python.pytest: PYTHON TESTDIR. Exit 77 (skipped) without pytest.
set -euo pipefail
python="$1" dir="$2"
if ! "$python" -c 'import pytest' 2>/dev/null; then
  echo "python.pytest: pytest is not installed for $python (Debian: python3-pytest): skipped"
  exit 77
fi
# Nothing written into the source tree (__pycache__, .pytest_cache).
export PYTHONDONTWRITEBYTECODE=1
exec "$python" -m pytest -q -p no:cacheprovider "$dir"

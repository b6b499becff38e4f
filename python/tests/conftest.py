"""Test archives for the roost module, made by the roost binary itself
(`roost synth` + `roost ingest`), once per test session."""
import json
import os
import shutil
import subprocess

import pytest

ROOST = os.environ.get("ROOST", "")


def run_roost(*args):
    """The roost binary's standard output, as text; fails the test on an error."""
    done = subprocess.run([ROOST, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"roost {' '.join(args)}: {done.stderr}"
    return done.stdout


def roost_json(*args):
    return json.loads(run_roost(*args, "--json"))


@pytest.fixture(scope="session")
def roost_bin():
    if not ROOST or not os.access(ROOST, os.X_OK):
        pytest.fail("ROOST must name the roost binary (ctest sets it)")
    return ROOST


@pytest.fixture(scope="session")
def archive(tmp_path_factory, roost_bin):
    """Eight days of synthetic tweets (enough history for spikes), no
    privacy.toml: exact answers."""
    base = tmp_path_factory.mktemp("roost")
    raw = base / "raw"
    run_roost("synth", "--out", str(raw), "--days", "8", "--tweets-per-day", "8000", "--seed", "11",
              "--threads", "2")
    arc = base / "archive"
    run_roost("ingest", "--archive", str(arc), "--quiet", str(raw))
    return arc


@pytest.fixture(scope="session")
def synth_dir(archive):
    """What `roost synth` wrote beside the archive (brands.toml among it)."""
    return archive.parent / "raw"


@pytest.fixture(scope="session")
def gated_archive(archive, tmp_path_factory):
    """The same archive with the default gate in its privacy.toml."""
    gated = tmp_path_factory.mktemp("gated") / "archive"
    shutil.copytree(archive, gated)
    (gated / "privacy.toml").write_text(
        "[privacy]\nenabled = true\nmin_answer_authors = 100\nmin_group_authors = 10\ncount_quantum = 10\n")
    return gated

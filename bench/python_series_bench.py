#!/usr/bin/env python3
"""A series from Python against the same series inside the roost binary.

  PYTHONPATH=build/release/python python3 bench/python_series_bench.py ARCHIVE \
      [--roost build/release/roost] [--filter F] [--interval hour] [--metrics all] [--runs 7]

Both sides answer through roost::Db's series with the archive open and its
columns cached: the binary runs `roost series --json --repeat N` and reports
each run's time inside the process; the module's time is a call of
Archive.series(), NumPy arrays included. The first run of each side (it
decodes the columns) is reported apart; the figure compared is the median of
the warm runs. The answers are checked equal before anything is timed.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import roost


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("archive")
    p.add_argument("--roost", default=os.path.join(here, "..", "build", "release", "roost"))
    p.add_argument("--filter", default="")
    p.add_argument("--interval", default="hour")
    p.add_argument("--metrics", default="all")
    p.add_argument("--runs", type=int, default=7)
    o = p.parse_args()

    cmd = [o.roost, "series", "--archive", o.archive, "--interval", o.interval, "--metrics", o.metrics,
           "--json", "--repeat", str(o.runs + 1)]
    if o.filter:
        cmd += ["--filter", o.filter]
    cli = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    cli_cold, cli_warm = cli["runs_ms"][0], cli["runs_ms"][1:]

    a = roost.open(o.archive)
    t = time.perf_counter()
    s = a.series(o.filter, interval=o.interval, metrics=o.metrics)
    py_cold = (time.perf_counter() - t) * 1000
    if list(s["tweets"]) != [b["tweets"] for b in cli["buckets"]]:
        sys.exit("python_series_bench: the module's series differs from the binary's")
    py_warm = []
    for _ in range(o.runs):
        t = time.perf_counter()
        a.series(o.filter, interval=o.interval, metrics=o.metrics)
        py_warm.append((time.perf_counter() - t) * 1000)

    cli_ms, py_ms = statistics.median(cli_warm), statistics.median(py_warm)
    print(f"archive {o.archive}: {a.count(o.filter)} tweets, {len(s['time'])} {o.interval} buckets, "
          f"filter {o.filter!r}, metrics {o.metrics}")
    print(f"roost series (in process)  cold {cli_cold:8.1f} ms  warm median {cli_ms:8.1f} ms  "
          f"({', '.join(f'{x:.1f}' for x in cli_warm)})")
    print(f"python Archive.series()    cold {py_cold:8.1f} ms  warm median {py_ms:8.1f} ms  "
          f"({', '.join(f'{x:.1f}' for x in py_warm)})")
    print(f"python / binary: {py_ms / cli_ms:.3f}")


if __name__ == "__main__":
    main()

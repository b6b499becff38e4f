#!/usr/bin/env python3
"""A series from Python against the same series inside the roost binary.

  PYTHONPATH=build/release/python python3 bench/python_series_bench.py ARCHIVE \
      [--roost build/release/roost] [--filter F] [--interval hour] [--metrics all] [--runs 7] [--rounds 3]

Both sides answer through roost::Db's series with the archive open and its
columns cached: the binary runs `roost series --json --repeat N` and reports
each run's time inside the process; the module's time is a call of
Archive.series(), NumPy arrays included. The first run of each side (it
decodes the columns) is reported apart; the figures compared are the median
and the fastest of the warm runs. The two sides take turns `rounds` times,
so a busy machine weighs on both alike. The answers are checked equal before
anything is timed.
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
    p.add_argument("--runs", type=int, default=7, help="warm runs per side and round")
    p.add_argument("--rounds", type=int, default=3)
    o = p.parse_args()

    cmd = [o.roost, "series", "--archive", o.archive, "--interval", o.interval, "--metrics", o.metrics,
           "--json", "--repeat", str(o.runs + 1)]
    if o.filter:
        cmd += ["--filter", o.filter]
    a = roost.open(o.archive)

    def python_run():
        t = time.perf_counter()
        s = a.series(o.filter, interval=o.interval, metrics=o.metrics)
        return s, (time.perf_counter() - t) * 1000

    cli_cold, cli_warm, py_warm = None, [], []
    for r in range(o.rounds):
        cli = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        cli_warm += cli["runs_ms"][1:]
        if r == 0:
            cli_cold = cli["runs_ms"][0]
            s, py_cold = python_run()
            if list(s["tweets"]) != [b["tweets"] for b in cli["buckets"]]:
                sys.exit("python_series_bench: the module's series differs from the binary's")
        py_warm += [python_run()[1] for _ in range(o.runs)]

    def line(name, cold, warm):
        return (f"{name:27} cold {cold:8.1f} ms  warm median {statistics.median(warm):8.2f} ms  "
                f"fastest {min(warm):8.2f} ms  ({len(warm)} runs)")

    print(f"archive {o.archive}: {a.count(o.filter)} tweets, {len(s['time'])} {o.interval} buckets, "
          f"filter {o.filter!r}, metrics {o.metrics}")
    print(line("roost series (in process)", cli_cold, cli_warm))
    print(line("python Archive.series()", py_cold, py_warm))
    print(f"python / binary: median {statistics.median(py_warm) / statistics.median(cli_warm):.3f}, "
          f"fastest {min(py_warm) / min(cli_warm):.3f}")


if __name__ == "__main__":
    main()

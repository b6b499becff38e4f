"""The roost module against the roost binary: the same answer layer must give
the same figures through both, under the same privacy gate."""
import datetime
import math
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import roost
from conftest import roost_json, run_roost

SOURCE_DIR = Path(__file__).resolve().parents[2]
METRICS = ["tweets", "unique_authors", "reach", "retweets", "replies", "quotes", "engagement", "scored",
           "positive", "neutral", "negative", "sentiment_mean", "net_sentiment"]


def utc_ms(iso):
    """Milliseconds since the epoch of an ISO 8601 time with its offset."""
    t = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return (t - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)) // datetime.timedelta(milliseconds=1)


def top_hashtags(arc, n):
    return [i["value"] for i in roost_json("top", "--archive", str(arc), "--target", "hashtags", "--limit", str(n))["items"]]


def test_count_equals_the_command_line(archive):
    a = roost.open(archive)
    filters = ["", "lang:fr", "#" + top_hashtags(archive, 1)[0], 'text contains "battery"', "-is:retweet lang:en"]
    for f in filters:
        cli = roost_json("count", "--archive", str(archive), "--filter", f) if f else \
            roost_json("count", "--archive", str(archive))
        assert a.count(f) == cli["tweets"], f
    assert a.count() > 50000
    detail = a.count("lang:fr", detail=True)
    assert detail["tweets"] == a.count("lang:fr") and detail["quantum"] == 1 and not detail["redacted"]


def test_times_as_strings_datetimes_and_datetime64(archive):
    a = roost.open(archive)
    cli = roost_json("count", "--archive", str(archive), "--from", "2012-03-01T06:00", "--to", "2012-03-02T09:30")
    utc = datetime.timezone.utc
    assert a.count(start="2012-03-01T06:00", end="2012-03-02T09:30") == cli["tweets"]
    assert a.count(start=datetime.datetime(2012, 3, 1, 6, tzinfo=utc),
                   end=datetime.datetime(2012, 3, 2, 9, 30, tzinfo=utc)) == cli["tweets"]
    assert a.count(start=np.datetime64("2012-03-01T06:00"), end=np.datetime64("2012-03-02T09:30")) == cli["tweets"]
    # A naive datetime is read in the call's zone, as --from/--to are with --tz.
    paris = roost_json("count", "--archive", str(archive), "--from", "2012-03-01T06:00", "--tz", "Europe/Paris")
    assert a.count(start=datetime.datetime(2012, 3, 1, 6), tz="Europe/Paris") == paris["tweets"]
    assert a.count(start=datetime.date(2012, 3, 2)) == \
        roost_json("count", "--archive", str(archive), "--from", "2012-03-02")["tweets"]
    with pytest.raises(TypeError, match="start"):
        a.count(start=1330560000)
    with pytest.raises(ValueError, match="bad time"):
        a.count(end="yesterday")


@pytest.mark.parametrize("interval,tz", [("hour", "UTC"), ("day", "Europe/Paris")])
def test_series_equals_the_command_line_bucket_by_bucket(archive, interval, tz):
    a = roost.open(archive)
    s = a.series("lang:en", interval=interval, tz=tz)
    cli = roost_json("series", "--archive", str(archive), "--filter", "lang:en", "--interval", interval, "--tz", tz)
    buckets = cli["buckets"]
    assert len(buckets) > 1
    assert s["time"].dtype == np.dtype("datetime64[ms]")
    assert list(s["time"].astype("int64")) == [utc_ms(b["start"]) for b in buckets]
    for m in METRICS:
        assert len(s[m]) == len(buckets), m
        for i, b in enumerate(buckets):
            if b[m] is None:  # no scored tweet: no mean
                assert math.isnan(s[m][i]), (m, i)
            elif isinstance(b[m], float):
                assert s[m][i] == pytest.approx(b[m], rel=1e-9), (m, i)
            else:
                assert s[m][i] == b[m], (m, i)
    assert s["tweets"].dtype == np.int64
    assert int(s["tweets"].sum()) == cli["totals"]["tweets"]


def test_series_is_a_dataframe(archive):
    pd = pytest.importorskip("pandas")
    a = roost.open(archive)
    df = pd.DataFrame(a.series("lang:en", interval="hour")).set_index("time")
    assert df.index.is_monotonic_increasing and len(df) == 8 * 24
    daily = df.tweets.resample("D").sum()
    cli = roost_json("series", "--archive", str(archive), "--filter", "lang:en", "--interval", "day")
    assert list(daily) == [b["tweets"] for b in cli["buckets"]]


def test_series_metrics_choose_the_columns(archive):
    s = roost.open(archive).series(metrics=["tweets", "engagement"], interval="day")
    assert sorted(s) == ["engagement", "time", "tweets"]
    with pytest.raises(ValueError, match="bogus"):
        roost.open(archive).series(metrics="bogus")


def test_top_equals_the_command_line(archive):
    a = roost.open(archive)
    cli = roost_json("top", "--archive", str(archive), "--target", "hashtags", "--then", "lang", "--limit", "5")
    assert a.top("hashtags", then="lang", limit=5) == cli["items"]
    cli = roost_json("top", "--archive", str(archive), "--target", "domains", "--rank-by", "reach", "--metrics",
                     "all", "--filter", "lang:en")
    got = a.top("domains", rank_by="reach", metrics="all", filter="lang:en")
    assert [i["value"] for i in got] == [i["value"] for i in cli["items"]]
    for g, c in zip(got, cli["items"]):
        for m in METRICS:
            assert g[m] == pytest.approx(c[m]) if isinstance(c[m], float) else g[m] == c[m], m


def test_count_tags_equals_the_command_line(archive, tmp_path):
    tags = tmp_path / "brands.tags"
    tags.write_text('tag.brands "Norva" { "norva" }\ntag.brands "Zelkor" { "zelkor" }\n')
    cli = roost_json("count", "--archive", str(archive), "--tags", str(tags), "--filter", "-is:retweet")
    got = roost.open(archive).count_tags(tags, "-is:retweet")
    assert got == {t["tag"]: t["tweets"] for t in cli["tags"]} and all(v > 0 for v in got.values())


def test_explain_and_sample_follow_the_command_line(archive):
    a = roost.open(archive)
    cli = roost_json("explain", "--archive", str(archive), "--filter", "lang:fr #paris")
    e = a.explain("lang:fr #paris")
    assert e["canonical"] == cli["canonical"] and e["tweets"] == a.count("lang:fr #paris")
    s = a.sample("lang:fr", limit=5)
    assert len(s["created_at"]) == 5 and s["created_at"].dtype == np.dtype("datetime64[ms]")
    assert all(np.diff(s["created_at"].astype("int64")) >= 0)  # earliest first


def test_analyses_answer_like_the_command_line(archive, synth_dir):
    a = roost.open(archive)
    f = a.forecast(interval="hour", horizon=12)
    cli = roost_json("forecast", "--archive", str(archive), "--interval", "hour", "--horizon", "12")
    assert f["model"] == cli["model"]
    assert len(f["forecast"]["time"]) == 12 and np.all(f["forecast"]["lo95"] <= f["forecast"]["hi95"])
    assert np.allclose(f["forecast"]["value"], [p["value"] for p in cli["forecast"]])
    brands = a.brands(synth_dir / "brands.toml")
    cli = roost_json("brands", "--archive", str(archive), "--brands", str(synth_dir / "brands.toml"))
    assert [b["name"] for b in brands["brands"]] == [b["name"] for b in cli["brands"]]
    assert [b["figures"]["tweets"] for b in brands["brands"]] == [b["tweets"] for b in cli["brands"]]
    assert [b["figures"]["share_of_voice"] for b in brands["brands"]] == \
        pytest.approx([b["share_of_voice"] for b in cli["brands"]])
    spikes = a.spikes(interval="hour", threshold=0.5, min_spike_z=3)
    cli = roost_json("spikes", "--archive", str(archive), "--interval", "hour", "--threshold", "0.5",
                     "--min-spike-z", "3")
    assert spikes["spikes"] and [s["peak"] for s in spikes["spikes"]] == [s["peak"] for s in cli["spikes"]]
    assert [s["excess_tweets"] for s in spikes["spikes"]] == [s["excess_tweets"] for s in cli["spikes"]]
    trends = a.trends(start="2012-03-01", end="2012-03-04")
    cli = roost_json("trends", "--archive", str(archive), "--from", "2012-03-01", "--to", "2012-03-04")
    assert trends["trends"] and [t.get("label") for t in trends["trends"]] == [t.get("label") for t in cli["trends"]]


def test_a_gated_archive_rounds_and_redacts(gated_archive, archive):
    a = roost.open(gated_archive)
    assert a.gate["enabled"] and a.gate["count_quantum"] == 10 and a.role == "analyst"
    n = a.count("lang:en")
    assert n % 10 == 0 and n == roost_json("count", "--archive", str(gated_archive), "--filter", "lang:en")["tweets"]
    assert n <= roost.open(archive).count("lang:en")
    # A hashtag of few authors: the whole answer is withheld, for the same reason as on the command line.
    rare = [i for i in roost.open(archive).top("hashtags", limit=400) if 0 < i["unique_authors"] < 20][0]["value"]
    withheld = a.count("#" + rare)
    cli = roost_json("count", "--archive", str(gated_archive), "--filter", "#" + rare)
    assert withheld == {"redacted": True, "reason": cli["reason"]} and cli["redacted"]
    assert a.series("#" + rare) == withheld and a.top(filter="#" + rare) == withheld
    # Per bucket: counts are floats, NaN where the command line says redacted.
    s = a.series("lang:en", interval="minute", start="2012-03-01T00:00", end="2012-03-01T06:00")
    cli = roost_json("series", "--archive", str(gated_archive), "--filter", "lang:en", "--interval", "minute",
                     "--from", "2012-03-01T00:00", "--to", "2012-03-01T06:00")
    assert s["tweets"].dtype == np.float64 and len(s["tweets"]) == len(cli["buckets"])
    redacted = [bool(b.get("redacted")) for b in cli["buckets"]]
    assert any(redacted) and not all(redacted)
    assert list(np.isnan(s["tweets"])) == redacted
    shown = s["tweets"][~np.isnan(s["tweets"])]
    assert np.all(shown % 10 == 0)
    assert list(shown) == [b["tweets"] for b in cli["buckets"] if not b.get("redacted")]
    # Samples show no text, handles or ids under the gate.
    assert sorted(a.sample(limit=3)) == ["created_at"]
    # An admin gets exact answers; an analyst may ask for a stricter gate, never a looser one.
    assert roost.open(gated_archive, role="admin").count("lang:en") == roost.open(archive).count("lang:en")
    assert roost.open(archive, privacy={"quantum": 1000}).count() % 1000 == 0
    assert roost.open(gated_archive, privacy={"quantum": 1}).count("lang:en") % 10 == 0


def test_errors_raise_with_roosts_message(archive, tmp_path, roost_bin):
    a = roost.open(archive)
    with pytest.raises(ValueError) as e:
        a.count("lang ==")
    done = subprocess.run([roost_bin, "count", "--archive", str(archive), "--filter", "lang =="],
                          capture_output=True, text=True, check=False)
    assert re.search(r"line 1, column \d+", str(e.value)) and str(e.value) in done.stderr
    with pytest.raises(FileNotFoundError):
        roost.open(tmp_path / "no-such-archive")
    with pytest.raises(ValueError, match="role"):
        roost.open(archive, role="root")
    with pytest.raises(ValueError, match="start before it ends"):
        a.count(start="2012-03-02", end="2012-03-01")
    with pytest.raises(FileNotFoundError, match="nope.toml"):
        a.brands(tmp_path / "nope.toml")


def calls_seen_running(call, want=3, seconds=20):
    """How many calls of `call`, run in a second thread, this thread saw
    running: it ticked at least 5 times (every ~1 ms) in the middle half of
    the call. A call holding the GIL lets this thread run only before the
    call gets going and while its result is dropped, never through its
    middle. Stops once `want` calls were seen, or after `seconds`."""
    calls, ticks, done = [], [], threading.Event()

    def seen():
        def middle(a, b):
            q = (b - a) / 4
            return sum(1 for t in ticks if a + q < t < b - q)
        return sum(1 for a, b in calls if b - a > 0.02 and middle(a, b) >= 5)

    def work():
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            t0 = time.monotonic()
            call()
            calls.append((t0, time.monotonic()))
            if seen() >= want:
                break
        done.set()

    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        while not done.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.001)
        worker.join()
    finally:
        sys.setswitchinterval(switch)
    return seen()


def test_roost_computes_without_the_gil(archive):
    """Trends over the archive take about 100 ms a call on one core, even with
    the columns cached (a series then takes a few ms)."""
    a = roost.open(archive, threads=1)
    assert calls_seen_running(lambda: a.trends(start="2012-03-01", end="2012-03-09")) >= 3
    # The same measure sees no call that holds the GIL: sorting floats in C.
    data = [float((i * 7919) % 1_000_003) for i in range(1_000_000)]
    assert calls_seen_running(lambda: sorted(data), seconds=2) == 0


def test_the_docs_example_draws_its_chart(archive, tmp_path):
    text = (SOURCE_DIR / "docs" / "PYTHON.md").read_text()
    code = re.search(r"<!-- example -->\s*```python\n(.*?)```", text, re.S).group(1)
    (tmp_path / "tweets").symlink_to(archive)
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    png = tmp_path / "norva.png"
    assert png.exists() and png.stat().st_size > 5000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_install_prefix_imports_and_answers(archive, tmp_path):
    build = os.environ["ROOST_BUILD_DIR"]
    prefix = tmp_path / "prefix"
    subprocess.run([os.environ.get("ROOST_CMAKE", "cmake"), "--install", build, "--prefix", str(prefix),
                    "--component", "roost"], check=True, capture_output=True)
    site = prefix / "lib" / "python3" / "dist-packages"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROOST_")}
    env["PYTHONPATH"] = str(site)
    # Top terms leave stopwords out: the module must find the lists in
    # PREFIX/share/roost from its own path (FileNotFoundError otherwise).
    probe = ("import roost, sys; a = roost.open(sys.argv[1]); "
             "print(roost.__file__); print(a.count('lang:fr')); print(len(a.top('terms', limit=3)))")
    done = subprocess.run([sys.executable, "-c", probe, str(archive)], cwd="/", env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    where, count, terms = done.stdout.split()
    assert Path(where).parent == site and int(count) == roost.open(archive).count("lang:fr") and terms == "3"
    assert (prefix / "share" / "roost" / "lexicons").is_dir()

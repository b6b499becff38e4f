// synth_bench: how fast `roost synth` writes a day of firehose, on one core,
// compressed as the demo writes it (zstd level 1) and uncompressed. Checks
// the run wrote what truth.json says before reporting a rate.
//   build-*/bench/synth_bench [--benchmark_filter=Zstd]
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "synth/synth.h"

namespace {

namespace fs = std::filesystem;

void RunDay(benchmark::State& state, roost::synth::Compression compression) {
  fs::path dir = fs::temp_directory_path() / fmt::format("roost_synth_bench_{}", ::getpid());
  roost::synth::SynthOptions o;
  o.out_dir = dir.string();
  o.seed = 42;
  o.days = 1;
  o.tweets_per_day = state.range(0);
  o.compression = compression;
  o.threads = 1;
  int64_t tweets = 0;
  uint64_t bytes = 0;
  double cpu = 0;
  for (auto _ : state) {
    auto r = roost::synth::RunSynth(o);
    if (!r.ok() || r->tweets < o.tweets_per_day || !fs::exists(dir / "truth.json") ||
        r->files.size() != 1 || fs::file_size(dir / r->files[0]) != r->bytes_compressed) {
      state.SkipWithError(r.ok() ? "output does not match the summary" : r.status().ToString().c_str());
      break;
    }
    tweets += r->tweets;
    bytes += r->bytes;
    cpu += r->cpu_seconds;
  }
  fs::remove_all(dir);
  state.SetItemsProcessed(tweets);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tweets_per_cpu_s"] = cpu > 0 ? tweets / cpu : 0;
  state.counters["MB_per_cpu_s"] = cpu > 0 ? bytes / cpu / 1e6 : 0;
}

void BM_SynthDayZstd(benchmark::State& state) { RunDay(state, roost::synth::Compression::kZstd); }
void BM_SynthDayUncompressed(benchmark::State& state) { RunDay(state, roost::synth::Compression::kNone); }

BENCHMARK(BM_SynthDayZstd)->Arg(100000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
BENCHMARK(BM_SynthDayUncompressed)->Arg(100000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

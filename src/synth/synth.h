// roost synth: writes a synthetic tweet archive with its ground truth.
// Start here: RunSynth(options) writes, into options.out_dir,
//   tweets-YYYY-MM-DD.jsonl[.zst|.gz]  one file per UTC day (v1.1 JSON lines,
//                                      compliance and noise lines interleaved)
//   compliance.jsonl                   every compliance message, in stream order
//   news.csv, brands.toml              what an analyst would be given
//   truth.json                         what was planted and what was written
// The output is a pure function of the options (threads do not matter).
#ifndef ROOST_SYNTH_SYNTH_H_
#define ROOST_SYNTH_SYNTH_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "roost/status.h"
#include "synth/synth_options.h"

namespace roost::synth {

struct SynthSummary {
  int days = 0;
  int64_t lines = 0;
  int64_t tweets = 0;
  int64_t public_tweets = 0;
  int64_t non_public_tweets = 0;
  int64_t compliance = 0;
  int64_t malformed = 0;
  uint64_t bytes = 0;             // uncompressed JSON written
  uint64_t bytes_compressed = 0;  // tweet files on disk
  double seconds = 0;
  double cpu_seconds = 0;  // process CPU time (all threads), for per-core rates
  std::vector<std::string> files;  // tweet files, in day order
};

// Called after each finished day (from worker threads, serialised).
using SynthProgress = std::function<void(int days_done, int days_total)>;

// Generates the archive. On failure returns the first error (bad option,
// unreadable brands file, write failure); files written so far remain.
Result<SynthSummary> RunSynth(const SynthOptions& options, const SynthProgress& progress = {});

// Parses "zstd" | "gzip" | "none" and "v1" | "v2".
Result<Compression> ParseCompression(const std::string& name);
Result<OutputFormat> ParseOutputFormat(const std::string& name);

}  // namespace roost::synth

#endif  // ROOST_SYNTH_SYNTH_H_

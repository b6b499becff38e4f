// RunIngest: reads input files, parses and enriches their records on
// several threads, and hands the results to an IngestSink in input order
// (so duplicates and counts are the same whatever the thread count).
//
//   reader thread:  files -> ByteSource -> DocumentSplitter -> batches
//   worker threads: batch -> DocumentParser -> enrich -> batch result
//   calling thread: results in order -> sink, rejects file, counts, progress
#ifndef ROOST_INGEST_INGEST_PIPELINE_H_
#define ROOST_INGEST_INGEST_PIPELINE_H_

#include <functional>
#include <string>
#include <vector>

#include "ingest/ingest_report.h"
#include "ingest/ingest_sink.h"
#include "roost/status.h"

namespace roost {

struct IngestProgress {
  uint64_t files_done = 0;
  uint64_t files_total = 0;
  uint64_t input_bytes = 0;  // compressed bytes consumed so far
  uint64_t records = 0;
  double seconds = 0;
};

struct IngestOptions {
  // Files, directories (walked recursively) or "-" for standard input.
  std::vector<std::string> inputs;
  int threads = 0;  // 0: one per core
  size_t max_record_bytes = 16u << 20;
  // Where rejected records go verbatim; empty: nowhere (counted only).
  std::string rejects_path;
  // Fills a tweet's enrichment fields; called from several worker threads
  // at once, so it must be thread-safe. Empty: no enrichment.
  std::function<void(Tweet*)> enrich;
  // Called from the calling thread about twice a second.
  std::function<void(const IngestProgress&)> progress;
  // Skip the inputs the sink says an earlier run committed completely
  // (IngestSink::Committed); false reads every input again.
  bool resume = true;
};

// Runs the whole ingest and calls sink->Commit() at the end. Returns the
// report, or an error when the run could not finish (an input that does
// not exist, a sink failure); inputs that break part-way (a truncated
// stream) are not errors: they are listed in IngestReport::input_errors.
// On an error, sink->Abandon() is called (a store created for the run and
// holding nothing committed goes away).
Result<IngestReport> RunIngest(const IngestOptions& options, IngestSink* sink);

}  // namespace roost

#endif  // ROOST_INGEST_INGEST_PIPELINE_H_

// IngestReport: the account of one ingest run. Every record read ends in
// exactly one bucket: read == accepted + duplicates + non_public +
// compliance + rejected.
#ifndef ROOST_INGEST_INGEST_REPORT_H_
#define ROOST_INGEST_INGEST_REPORT_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/stage_cost.h"
#include "parse/document_parser.h"

namespace roost {

struct IngestCounts {
  uint64_t read = 0;
  uint64_t accepted = 0;
  uint64_t duplicates = 0;
  uint64_t non_public = 0;
  uint64_t compliance = 0;
  uint64_t rejected = 0;
  std::array<uint64_t, static_cast<size_t>(RejectReason::kCount)> rejected_by_reason{};

  void Add(const IngestCounts& o);
  bool Balanced() const {
    return read == accepted + duplicates + non_public + compliance + rejected;
  }
};

struct IngestReport {
  IngestCounts counts;
  uint64_t files = 0;
  // Inputs not read because an earlier run committed them completely
  // (IngestOptions::resume), and their size as stored.
  uint64_t skipped_files = 0;
  uint64_t skipped_bytes = 0;
  uint64_t input_bytes = 0;         // as stored (compressed)
  uint64_t decompressed_bytes = 0;  // JSON bytes
  double seconds = 0;
  // CPU seconds by stage, in pipeline order: decompress, split, parse,
  // enrich, order (collecting results, rejects file), then the sink's own
  // (dedup/buffer, segment sort, columns, dictionaries, id indexes, write,
  // and fsync as wall seconds).
  std::vector<StageCost> stages;
  // Inputs that could not be read to their end ("truncated zstd stream in
  // x.zst"); the records read before the problem are counted and kept.
  std::vector<std::string> input_errors;
  std::string rejects_file;  // empty when nothing was rejected
  // The first rejected record in input order, "FILE:LINE: reason: detail"
  // (empty when none was), so a run that kept nothing can say why at once.
  std::string first_reject;
  // Tweets kept without part of themselves (an embedded retweeted_status
  // with no text, say), and the first of them as "FILE:LINE: what".
  uint64_t kept_with_notes = 0;
  std::string first_note;
};

}  // namespace roost

#endif  // ROOST_INGEST_INGEST_REPORT_H_

// The archive side of `roost ingest`: an IngestSink that buffers accepted
// tweets per time partition within a memory budget, writes them as new
// segments, skips tweet ids the archive already holds, applies compliance
// at once, and publishes progress with atomic manifest replaces: after each
// completed segment (at most every commit_interval_seconds), and at the end.
// Each commit also lists the inputs whose every record it holds, so a
// resumed ingest skips them (docs/RELIABILITY.md).
#ifndef ROOST_STORAGE_ARCHIVE_INGEST_SINK_H_
#define ROOST_STORAGE_ARCHIVE_INGEST_SINK_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ingest/ingest_sink.h"
#include "roost/status.h"

namespace roost::storage {

struct ArchiveIngestOptions {
  // "hour", "day" or "week" for a new archive; empty = the archive's own
  // (day for a new one). An explicit value different from an existing
  // archive's is kInvalidArgument.
  std::string partition;
  // Budget for buffered tweets; buffers are written out as segments (not yet
  // visible) when about a third of it is used, leaving room for the build.
  uint64_t memory_limit_bytes = 1ull << 30;
  // A partition is split into several segments past this many rows.
  uint64_t max_segment_rows = 8u << 20;
  bool create_if_missing = true;
  // Least time between two commits during the run: a completed segment
  // (or a completed input) is committed at once when this much time has
  // passed since the previous commit, else at the first moment it has.
  // 0: after every segment and every input.
  double commit_interval_seconds = kDefaultCommitIntervalSeconds;
  static constexpr double kDefaultCommitIntervalSeconds = 5;
  // Recorded on every segment this ingest writes: the brand definitions
  // whose tags the enrichment put on its tweets (SegmentEntry).
  std::vector<std::string> brand_fingerprints;
};

// Opens DIR for ingest (taking the writer lock until the sink is destroyed).
// Fails with kResourceExhausted when another writer holds the archive.
// Commit() makes everything added durable and visible; destroying the sink
// without Commit() discards what was not committed since the last commit
// (its segment files are deleted by the next writer). A rejects file that
// an interrupted earlier ingest left (Manifest::rejects_file) is cut back
// here to the rejects of the inputs that ingest committed.
Result<std::unique_ptr<IngestSink>> OpenArchiveForIngest(const std::string& dir, const ArchiveIngestOptions& options);

}  // namespace roost::storage

#endif  // ROOST_STORAGE_ARCHIVE_INGEST_SINK_H_

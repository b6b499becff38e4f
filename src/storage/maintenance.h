// Whole-archive maintenance behind `roost info | verify | compact | comply`.
// Each call opens DIR itself; writers take the archive lock.
#ifndef ROOST_STORAGE_MAINTENANCE_H_
#define ROOST_STORAGE_MAINTENANCE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"
#include "storage/manifest.h"

namespace roost::storage {

struct ArchiveInfo {
  uint64_t manifest_version = 0;
  std::string partition;
  uint64_t segments = 0;
  uint64_t tweets = 0;          // stored rows
  uint64_t visible_tweets = 0;  // after deletes and hidden users (no viewer country)
  TimestampMs min_time = 0, max_time = 0;
  uint64_t bytes_on_disk = 0;   // segments + compliance snapshot + manifest
  std::map<std::string, uint64_t> column_bytes;
  uint64_t deleted_ids = 0, hidden_users = 0, scrub_geo_users = 0, withheld_statuses = 0, withheld_users = 0;
  double bytes_per_tweet() const { return tweets ? static_cast<double>(bytes_on_disk) / tweets : 0; }
};
Result<ArchiveInfo> GetArchiveInfo(const std::string& dir);

struct SegmentCheck {
  std::string file;
  uint64_t rows = 0;
  Status status;  // kCorruption naming the segment, or OK
};
struct VerifyReport {
  Status manifest;    // the manifest and compliance snapshot
  std::vector<SegmentCheck> segments;
  // Files the manifest does not list (UnlistedFiles: a segment being
  // written by a running writer, or left by an interrupted one, which the
  // next writer removes). A warning, not damage: no answer reads them.
  std::vector<std::string> unlisted;
  uint64_t damaged() const;
  bool ok() const { return manifest.ok() && damaged() == 0; }
};
// Checks every page checksum and the structure of every segment. Damage is
// reported per segment; only an unreadable manifest is an error result.
Result<VerifyReport> VerifyArchive(const std::string& dir);

struct CompactStats {
  uint64_t segments_before = 0, segments_after = 0;
  uint64_t rows_before = 0, rows_after = 0;
  uint64_t bytes_before = 0, bytes_after = 0;
};
// Rewrites segments that hold deleted tweets or scrubbed geo (so that
// content is physically gone) and merges a partition's segments up to
// max_segment_rows. Hidden users' tweets stay (hiding is reversible).
Result<CompactStats> CompactArchive(const std::string& dir, uint64_t max_segment_rows = 8u << 20);

// Applies compliance messages and commits them atomically.
Status ApplyCompliance(const std::string& dir, const std::vector<ComplianceEvent>& events);

}  // namespace roost::storage

#endif  // ROOST_STORAGE_MAINTENANCE_H_

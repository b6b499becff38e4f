// Rewriting every segment of an archive in place of itself, for changes to
// derived columns (roost rescore recomputes sentiment from the stored text
// and language). The new segments are written beside the old ones and
// published by one manifest commit, as compaction does: a reader or a crash
// sees the archive wholly before or wholly after (docs/RELIABILITY.md).
#ifndef ROOST_STORAGE_REWRITE_H_
#define ROOST_STORAGE_REWRITE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"
#include "storage/manifest.h"

namespace roost::storage {

struct RewriteProgress {
  uint64_t segments_done = 0, segments_total = 0;
  uint64_t rows_done = 0, rows_total = 0;
};

struct RewriteStats {
  uint64_t segments = 0;  // rewritten
  uint64_t rows = 0;
  uint64_t bytes_before = 0, bytes_after = 0;
};

// Reads each listed segment's tweets, calls `edit` on them (it may change
// any stored field but the id and time, and must keep every tweet), writes
// the result as a new segment of the same partition, and commits all new
// segments at once, removing the old ones. Compliance (deletes, hidden
// users) applies to the new segments as to the old. Takes the writer lock
// (ResourceExhausted while another writer runs). Errors: those of reading and
// writing (the archive is left as it was), Internal when `edit` dropped or
// re-timed a tweet. `progress` (may be empty) is called after each segment.
// The new segments record no brand fingerprints: an edit of stored fields
// may change what a brand's filter selects (roost retag records them again).
Result<RewriteStats> RewriteSegments(const std::string& dir,
                                     const std::function<void(std::vector<Tweet>*)>& edit,
                                     const std::function<void(const RewriteProgress&)>& progress = {});

// One segment as RewriteSegmentsWith hands it to its edit.
struct SegmentEdit {
  const SegmentEntry* old = nullptr;  // the entry being replaced
  std::vector<Tweet>* tweets = nullptr;      // its tweets, in row order
  // Recorded on the new segment; starts as the old entry's.
  std::vector<std::string>* brand_fingerprints = nullptr;
};

// RewriteSegments with an edit that sees the entry, may fail (nothing is
// committed then) and sets the new segment's brand fingerprints. `only`:
// the segment files to rewrite (others are kept as they are); empty: all.
Result<RewriteStats> RewriteSegmentsWith(const std::string& dir, const std::function<Status(const SegmentEdit&)>& edit,
                                         const std::vector<std::string>& only = {},
                                         const std::function<void(const RewriteProgress&)>& progress = {});

}  // namespace roost::storage

#endif  // ROOST_STORAGE_REWRITE_H_

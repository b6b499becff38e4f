// SegmentWriter: turns a batch of enriched tweets into one immutable segment
// file (docs/FORMAT.md). Rows are sorted by (created_at, id); every column,
// dictionary, bitmap and id index is built here and written once.
#ifndef ROOST_STORAGE_SEGMENT_WRITER_H_
#define ROOST_STORAGE_SEGMENT_WRITER_H_

#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"
#include "storage/segment_format.h"

namespace roost::storage {

class SegmentWriter {
 public:
  explicit SegmentWriter(TimestampMs partition_start = 0) : partition_start_(partition_start) {}

  void Add(Tweet tweet) { tweets_.push_back(std::move(tweet)); }
  void AddAll(std::vector<Tweet> tweets) {
    if (tweets_.empty()) tweets_ = std::move(tweets);
    else for (auto& t : tweets) tweets_.push_back(std::move(t));
  }
  size_t size() const { return tweets_.size(); }

  // Writes the segment to `path` and fsyncs it (not its directory: the
  // caller fsyncs once for many files). On success returns what the manifest
  // records; on failure the file may exist half-written and must not be
  // listed. Fails with kInvalidArgument when empty or over 2^32-1 rows.
  Result<SegmentMeta> Finish(const std::string& path);

 private:
  TimestampMs partition_start_;
  std::vector<Tweet> tweets_;
};

}  // namespace roost::storage

#endif  // ROOST_STORAGE_SEGMENT_WRITER_H_

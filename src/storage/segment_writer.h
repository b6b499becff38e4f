// SegmentWriter: turns a batch of enriched tweets into one immutable segment
// file (docs/FORMAT.md). Rows are sorted by (created_at, id); every column,
// dictionary, bitmap and id index is built here and written once.
#ifndef ROOST_STORAGE_SEGMENT_WRITER_H_
#define ROOST_STORAGE_SEGMENT_WRITER_H_

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"
#include "storage/segment_format.h"

namespace roost::storage {

// Where one Finish() spent its time: CPU seconds summed over the threads
// that built each part, and the wall time of the final fsync.
struct SegmentBuildCosts {
  double sort = 0;          // ordering rows by (created_at, id)
  double columns = 0;       // plain columns: encode + zstd
  double dictionaries = 0;  // dimension dictionaries, ids, ranks, postings
  double id_indexes = 0;    // id and retweet_of indexes
  double write = 0;         // page checksums and write()
  double fsync_wall = 0;
};

class SegmentWriter {
 public:
  explicit SegmentWriter(TimestampMs partition_start = 0) : partition_start_(partition_start) {}

  void Add(Tweet tweet) {
    if (chunks_.empty() || chunks_.back().size() == chunks_.back().capacity()) chunks_.emplace_back().reserve(1024);
    chunks_.back().push_back(std::move(tweet));
    ++size_;
  }
  // Takes a vector of tweets as it is (no tweet is moved).
  void AddAll(std::vector<Tweet> tweets) {
    size_ += tweets.size();
    chunks_.push_back(std::move(tweets));
  }
  size_t size() const { return size_; }

  // Writes the segment to `path` and fsyncs it (not its directory: the
  // caller fsyncs once for many files). On success returns what the manifest
  // records; on failure the file may exist half-written and must not be
  // listed. Fails with kInvalidArgument when empty or over 2^32-1 rows.
  // Once the blocks are built the tweets are released: one Finish per writer.
  Result<SegmentMeta> Finish(const std::string& path);

  // Threads Finish() builds blocks on (the caller counts as one); the file
  // is byte-identical whatever the number.
  void set_threads(int threads) { threads_ = std::max(1, threads); }
  // Called by Finish() once every block is built, before they are written
  // and fsynced (the part that needs little CPU), or not at all when it
  // fails earlier.
  void set_on_blocks_built(std::function<void()> f) { on_blocks_built_ = std::move(f); }
  // What the last Finish() cost.
  const SegmentBuildCosts& costs() const { return costs_; }

 private:
  TimestampMs partition_start_;
  std::vector<std::vector<Tweet>> chunks_;  // in the order added
  size_t size_ = 0;
  int threads_ = 1;
  std::function<void()> on_blocks_built_;
  SegmentBuildCosts costs_;
};

}  // namespace roost::storage

#endif  // ROOST_STORAGE_SEGMENT_WRITER_H_

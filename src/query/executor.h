// Runs a parsed Query over an Archive: segments are pruned by time, each
// remaining segment starts from its visible rows (compliance applied: deleted
// tweets, retweets of them and hidden users' tweets never match), indexed
// predicates are bitmap algebra on the dictionary postings, and the rest are
// checked on the rows still in play, reading only the columns they need.
// Segments run in parallel.
#ifndef ROOST_QUERY_EXECUTOR_H_
#define ROOST_QUERY_EXECUTOR_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "common/deadline.h"
#include "query/ast.h"
#include "query/posting_cache.h"
#include "roost/status.h"
#include "storage/archive.h"
#include "storage/bitmap.h"

namespace roost::query {

struct ExecOptions {
  // Half-open time range [from, to) in epoch ms.
  TimestampMs from = std::numeric_limits<TimestampMs>::min();
  TimestampMs to = std::numeric_limits<TimestampMs>::max();
  int threads = 0;  // 0: hardware concurrency
  // Decoded postings kept between queries (a long-lived caller passes one);
  // null: every lookup decodes its posting again.
  PostingCache* postings = nullptr;
  // Checked before each segment and between granules of a scan: once it
  // passes, the query fails with kDeadlineExceeded.
  Deadline deadline;
};

struct SegmentMatches {
  size_t segment = 0;  // index in the archive
  storage::Bitmap rows;
};

// Rows in and out of each tree node, summed over segments (for explain).
struct NodeStats {
  uint64_t rows_in = 0, rows_out = 0;
  bool indexed = false;  // answered from the dictionary postings
};

struct QueryResult {
  uint64_t count = 0;
  std::vector<SegmentMatches> segments;  // segments with at least one match, in archive order
  uint64_t segments_total = 0, segments_in_range = 0;
  uint64_t rows_total = 0;          // rows of all segments
  uint64_t rows_in_segments = 0;    // rows of segments kept by time pruning
  uint64_t rows_visible = 0;        // after compliance
  uint64_t rows_in_range = 0;       // after the exact time range
  std::vector<NodeStats> nodes;     // by Node::id
};

Result<QueryResult> Execute(const storage::Archive& archive, const Query& query, const ExecOptions& options = {});

// Several queries in one pass over the segments (each column decoded once
// per segment): result q holds the rows that match every query of `filters`
// and queries[q]; a null queries[q] stands for "every row", so its result is
// the rows the filters alone keep. Null filters are skipped. Node statistics
// are kept for `queries` only. Fails on the first segment that cannot be read
// or a predicate that cannot be compiled.
Result<std::vector<QueryResult>> ExecuteMany(const storage::Archive& archive, const std::vector<const Query*>& filters,
                                             const std::vector<const Query*>& queries, const ExecOptions& options = {});

// The rows of segment `segment` that `query` matches among all its rows,
// compliance not applied (deleted rows and hidden users' rows included; geo
// targets still ignore geo-scrubbed rows), for columns derived from a query
// (brand tags) that must not depend on the compliance state of the day.
Result<storage::Bitmap> MatchSegmentRows(const storage::Archive& archive, size_t segment, const Query& query);

}  // namespace roost::query

#endif  // ROOST_QUERY_EXECUTOR_H_

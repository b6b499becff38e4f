// Shared plumbing of the burst and trend passes: the dimensions they count
// (terms, hashtags, ...) loaded per segment, and a parallel scan over the
// selected rows of a time range.
#ifndef ROOST_ANALYSIS_TRENDS_TERM_SCAN_H_
#define ROOST_ANALYSIS_TRENDS_TERM_SCAN_H_

#include <functional>
#include <string>
#include <vector>

#include "analysis/aggregate/column_cache.h"
#include "analysis/aggregate/dimension.h"
#include "query/executor.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::trends {

struct Window {
  TimestampMs from = 0, to = 0;  // half-open
};

// A value of one dimension: ("hashtags", "RagoFest").
struct TermRef {
  int dim = 0;  // index into the dimension list of the pass
  std::string value;
  bool operator==(const TermRef& o) const { return dim == o.dim && value == o.value; }
};

// Dimensions by name plus the term filter (stopwords of every language) that
// `terms` and `phrases` need.
struct Dimensions {
  std::vector<aggregate::DimensionSpec> specs;
  aggregate::TermFilter filter;
  static Result<Dimensions> Make(const std::vector<std::string>& names);
  // Whether `value` of dimension `dim` counts (what SegmentDimension::Keys
  // keeps: words without stopwords for terms, two-word values for phrases).
  bool Keep(int dim, std::string_view value) const;
  // Keep() without the stopword test (cheap; the passes test stopwords on
  // the few candidates only).
  bool KeepShape(int dim, std::string_view value) const;
};

// One stored column of a segment, read raw: `terms` and `phrases` share the
// `terms` column, so a row's list is walked once for both.
struct ColumnData {
  std::string column;
  bool multi = false;
  aggregate::ColumnCache::Ids single;
  aggregate::ColumnCache::Lists lists;
  storage::DictionaryView dict;
  std::vector<int> dims;  // Dimensions::specs indices reading this column

  // fn(id) for every value id of `row` (a value may come twice).
  template <class Fn>
  void ForEach(uint32_t row, Fn&& fn) const {
    if (!multi) {
      fn((*single)[row]);
      return;
    }
    const storage::IdLists& m = *lists;
    for (uint32_t j = m.start[row]; j < m.start[row + 1]; ++j) fn(m.ids[j]);
  }
};

// One segment's view during a scan.
struct SegmentScan {
  size_t task = 0;  // index into selected.segments
  size_t segment = 0;
  const std::vector<int64_t>* times = nullptr;
  std::vector<ColumnData> columns;
};

// Runs fn(scan, rows) for every selected segment overlapping one of
// `ranges`, in parallel; `rows` are the selected rows of that segment whose
// time falls in one of the ranges. fn runs on worker threads: it must write
// only to per-task state (scan.task).
Status ScanSegments(const storage::Archive& archive, const query::QueryResult& selected, const Dimensions& dims,
                    const std::vector<Window>& ranges, int threads, aggregate::ColumnCache* cache,
                    const std::function<Status(SegmentScan& scan, const std::vector<uint32_t>& rows)>& fn);

// One segment's view during a postings scan: the selected rows of each
// range it overlaps, and the rows holding a value, read from the segment's
// postings without decoding any row's value list (the cheap way to count a
// few known values over many rows).
struct PostingScan {
  size_t task = 0;  // index into selected.segments
  const storage::SegmentReader* reader = nullptr;
  std::vector<size_t> hit;            // indices of the ranges overlapping the segment
  std::vector<storage::Bitmap> rows;  // per hit: the selected rows inside that range
  // Rows holding `t` (empty when the segment has no such value).
  Result<storage::Bitmap> Posting(const Dimensions& dims, const TermRef& t);

 private:
  std::vector<std::pair<std::string, storage::DictionaryView>> dicts_;
};

// Runs fn(scan) for every selected segment overlapping one of `ranges`, in
// parallel (fn writes only to per-task state).
Status ScanPostings(const storage::Archive& archive, const query::QueryResult& selected,
                    const std::vector<Window>& ranges, int threads, aggregate::ColumnCache* cache,
                    const std::function<Status(PostingScan& scan)>& fn);

}  // namespace roost::trends

#endif  // ROOST_ANALYSIS_TRENDS_TERM_SCAN_H_

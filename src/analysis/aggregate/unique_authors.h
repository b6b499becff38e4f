// CountUniqueAuthors: the exact number of distinct authors of selected rows,
// as the privacy gate of counts and samples needs it: a bit per segment
// dictionary id, then a bit per AuthorIndex number, so no sort of the rows.
#ifndef ROOST_ANALYSIS_AGGREGATE_UNIQUE_AUTHORS_H_
#define ROOST_ANALYSIS_AGGREGATE_UNIQUE_AUTHORS_H_

#include <cstdint>
#include <vector>

#include "analysis/aggregate/column_cache.h"
#include "query/executor.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::aggregate {

// Rows of several selections; a row or author in more than one counts once.
Result<uint64_t> CountUniqueAuthors(
    const storage::Archive& archive,
    const std::vector<const std::vector<query::SegmentMatches>*>& selections, ColumnCache* cache);

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_UNIQUE_AUTHORS_H_

// The rows an analysis runs over: the tweets a filter matches, or, with no
// filter, every visible tweet in the time range (compliance applied either
// way), as per-segment bitmaps.
#ifndef ROOST_ANALYSIS_AGGREGATE_SELECTION_H_
#define ROOST_ANALYSIS_AGGREGATE_SELECTION_H_

#include "query/ast.h"
#include "query/executor.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::aggregate {

// `query.root == nullptr` selects everything visible in [options.from, options.to).
Result<query::QueryResult> SelectRows(const storage::Archive& archive, const query::Query& query,
                                      const query::ExecOptions& options);

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_SELECTION_H_

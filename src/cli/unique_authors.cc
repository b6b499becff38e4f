#include "cli/unique_authors.h"

#include <algorithm>
#include <vector>

#include "analysis/aggregate/column_cache.h"

namespace roost::cli {

Result<uint64_t> UniqueAuthors(const storage::Archive& archive, const query::QueryResult& r) {
  aggregate::ColumnCache cache;
  std::vector<uint64_t> authors;
  for (const auto& sm : r.segments) {
    ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* seg, archive.segment(sm.segment));
    ROOST_ASSIGN_OR_RETURN(auto ids, cache.AuthorIds(*seg));
    for (uint32_t row : sm.rows.ToVector()) authors.push_back((*ids)[row]);
  }
  std::sort(authors.begin(), authors.end());
  return static_cast<uint64_t>(std::unique(authors.begin(), authors.end()) - authors.begin());
}

}  // namespace roost::cli

#include "analysis/aggregate/selection.h"

namespace roost::aggregate {

Result<query::QueryResult> SelectRows(const storage::Archive& archive, const query::Query& query,
                                      const query::ExecOptions& options) {
  // The executor takes a null query as "every visible row in range".
  ROOST_ASSIGN_OR_RETURN(std::vector<query::QueryResult> r,
                         query::ExecuteMany(archive, {}, {query.root ? &query : nullptr}, options));
  return std::move(r[0]);
}

}  // namespace roost::aggregate

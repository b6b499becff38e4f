// The answers of include/roost/roost.h computed on an open archive and a
// parsed filter, gated by a resolved policy: what Db calls, and what the
// command line calls with the archive and filter it has already prepared.
#ifndef ROOST_ANSWER_ANSWERS_H_
#define ROOST_ANSWER_ANSWERS_H_

#include "analysis/aggregate/column_cache.h"
#include "privacy/privacy_policy.h"
#include "query/ast.h"
#include "query/executor.h"
#include "query/tags.h"
#include "roost/roost.h"
#include "storage/archive.h"

namespace roost::answer {

// `columns` (here and below): decoded columns kept between answers (the
// server's, keyed by segment file, so valid across snapshots); null: a
// cache for this answer only.

// `query.root` null: every visible tweet in the range.
Result<CountAnswer> CountTweets(const storage::Archive& archive, const query::Query& query,
                                const query::ExecOptions& exec, const privacy::PrivacyPolicy& policy,
                                aggregate::ColumnCache* columns = nullptr);

// Tweets per tag; a tag with too few unique authors is redacted, and the
// whole answer is withheld when the tagged tweets have too few.
Result<TagCountAnswer> CountTags(const storage::Archive& archive, const query::TagSet& tags,
                                 const query::Query& query, const query::ExecOptions& exec,
                                 const privacy::PrivacyPolicy& policy);

// The first `limit` matching tweets. Under the gate no ids are shown (anyone
// can look a tweet up by its id), and handles and text only as the policy
// allows; the whole sample is withheld below the answer's author minimum.
Result<SampleAnswer> SampleTweets(const storage::Archive& archive, const query::Query& query,
                                  const query::ExecOptions& exec, size_t limit, const privacy::PrivacyPolicy& policy,
                                  aggregate::ColumnCache* columns = nullptr);

// The plan with the rows each step kept. Under the gate every count is
// rounded down to the quantum, and all are withheld below the author minimum.
Result<ExplainAnswer> ExplainQuery(const storage::Archive& archive, const query::Query& query,
                                   const query::ExecOptions& exec, const privacy::PrivacyPolicy& policy,
                                   aggregate::ColumnCache* columns = nullptr);

// Why a question matched nothing, when the archive can tell (empty on a
// read error: a reason is a courtesy, never a failure).
std::vector<std::string> WhyEmpty(const storage::Archive& archive, const query::Query& query,
                                  const query::ExecOptions& exec);

// Distinct authors over the rows of `segments` (one list or several).
Result<uint64_t> UniqueAuthors(const storage::Archive& archive,
                               const std::vector<const std::vector<query::SegmentMatches>*>& segments,
                               aggregate::ColumnCache* columns = nullptr);
inline Result<uint64_t> UniqueAuthors(const storage::Archive& archive, const query::QueryResult& r,
                                      aggregate::ColumnCache* columns = nullptr) {
  return UniqueAuthors(archive, {&r.segments}, columns);
}

}  // namespace roost::answer

#endif  // ROOST_ANSWER_ANSWERS_H_

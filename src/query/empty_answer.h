// Why a question matched nothing, when the archive can tell: the time range
// lies outside the archive's tweets, or a value the filter requires is held
// by no tweet in the range. Said beside an empty answer, so a 0 always
// comes with its reason when there is one to give.
#ifndef ROOST_QUERY_EMPTY_ANSWER_H_
#define ROOST_QUERY_EMPTY_ANSWER_H_

#include <string>
#include <vector>

#include "query/ast.h"
#include "query/executor.h"
#include "storage/archive.h"

namespace roost::query {

// Reasons, most telling first; empty when none is known (the filter's
// parts each match, only not together). `query` may be null (no filter).
// Values looked up are those every match would need: predicates `==` or
// `in` on an indexed target, reached from the root through AND only.
Result<std::vector<std::string>> ExplainEmptyAnswer(const storage::Archive& archive, const Query* query,
                                                    const ExecOptions& exec);

}  // namespace roost::query

#endif  // ROOST_QUERY_EMPTY_ANSWER_H_

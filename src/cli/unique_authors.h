// The unique authors of an answer's tweets: what the privacy gate's answer
// minimum counts for the commands that print tweets (sample, export).
#ifndef ROOST_CLI_UNIQUE_AUTHORS_H_
#define ROOST_CLI_UNIQUE_AUTHORS_H_

#include <cstdint>

#include "query/executor.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::cli {

// Distinct author ids over every row of `r`; fails when a segment cannot be read.
Result<uint64_t> UniqueAuthors(const storage::Archive& archive, const query::QueryResult& r);

}  // namespace roost::cli

#endif  // ROOST_CLI_UNIQUE_AUTHORS_H_

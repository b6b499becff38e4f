// The targets a filter can test, their storage column, value type, and the
// CSDL-style dotted aliases that name them.
#ifndef ROOST_QUERY_TARGETS_H_
#define ROOST_QUERY_TARGETS_H_

#include <string>
#include <string_view>
#include <vector>

namespace roost::query {

enum class TargetKind {
  kText,      // tweet text: term index + text column
  kString,    // a plain string column (no index)
  kDim,       // single-valued dictionary column with a bitmap per value
  kMultiDim,  // multi-valued dictionary column
  kInt,       // integer column
  kTime,      // integer column of epoch milliseconds; values ISO 8601 or epoch seconds
  kFloat,     // float stored as its IEEE bits in an int column
  kBool,      // true when an int column is non-zero
  kGeo,       // coordinates (or the centre of the place box)
};

enum class Norm { kNone, kLower, kUpper };

struct TargetInfo {
  const char* name;
  TargetKind kind;
  const char* column;
  Norm norm = Norm::kNone;  // how the stored values were normalised
};

// A filter value in the form `target` stores it: hashtags, mentions and
// handles folded (storage::FoldDimValue), cashtags and countries upper-cased.
std::string NormalizeValue(const TargetInfo& target, std::string_view value);

// The target called `name` (canonical or alias, case-insensitive), or null.
const TargetInfo* FindTarget(std::string_view name);
// Every canonical name and alias (for suggestions and docs).
std::vector<std::string> AllTargetNames();

// The closest candidate within a small edit distance, or "".
std::string Suggest(std::string_view word, const std::vector<std::string>& candidates);
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace roost::query

#endif  // ROOST_QUERY_TARGETS_H_

// Tags: named filters that label tweets, in DataSift CSDL's style, kept in a
// tag file that many queries can reuse (docs/QUERY.md, "Tags"):
//
//   // brands.tags
//   tag "Rugby" { text contains "rugby" or #rwc2023 }
//   tag.brands "Acme" { brand == "acme" }
//   tag.brands "Acme" { text contains "acme corp" }   // same tag: either rule
//   tag.brands.cars "Zoom" { $ZOOM }
//   return { lang == "en" }                           // optional, last
//
// Each body is a filter in either syntax (CSDL or rule). A namespace is the
// dotted path after `tag.`; a tag's full name is "namespace.Name" ("Name"
// without one). Rules naming the same full name are OR-ed into one tag, so a
// tweet is counted once per tag. The optional `return { filter }` clause
// restricts every answer, as --filter does (both apply when both are given).
//
// Typical use, grouping any per-row answer by tag:
//   ROOST_ASSIGN_OR_RETURN(TagSet tags, ParseTags(file_text));
//   ROOST_ASSIGN_OR_RETURN(auto groups, EvaluateTags(archive, tags, options, &filter));
//   for (const TagMatches& g : groups)
//     for (const SegmentMatches& s : g.segments) ...  // rows of segment s.segment
#ifndef ROOST_QUERY_TAGS_H_
#define ROOST_QUERY_TAGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast.h"
#include "query/executor.h"
#include "query/parser.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::query {

inline constexpr size_t kMaxTags = 10000;

struct Tag {
  std::string ns;    // "brands.cars" for `tag.brands.cars`, "" for `tag`
  std::string name;  // the quoted name, as written
  std::string full_name() const { return ns.empty() ? name : ns + "." + name; }
  Query filter;      // the OR of every rule with this full name
  int rules = 0;     // how many rules were merged
  int line = 0, column = 0;  // of the first rule
};

struct TagSet {
  std::vector<Tag> tags;          // unique full names, in order of first appearance
  std::optional<Query> returned;  // the `return { ... }` clause, if any
};

// Parses a tag file. Errors are kInvalidArgument with the line and column in
// the file (errors inside a body point into the body, as for --filter):
// unknown keyword, missing name or brace, an empty or bad body, `return`
// twice or before a tag, no tags at all, more than kMaxTags rules, or a file
// over kMaxTagFileBytes.
inline constexpr size_t kMaxTagFileBytes = 4 * 1024 * 1024;
Result<TagSet> ParseTags(std::string_view text, ParseErrorInfo* error = nullptr);

struct TagMatches {
  const Tag* tag = nullptr;              // points into the TagSet passed in
  uint64_t count = 0;                    // tweets carrying the tag
  std::vector<SegmentMatches> segments;  // per-segment rows, archive order, non-empty only
};

struct TagTotals {
  uint64_t matching = 0;  // tweets that pass the filters (return clause, `filter`), tagged or not
  uint64_t tagged = 0;    // of those, tweets with at least one tag
};

// Rows of every tag, restricted to visible tweets in [options.from,
// options.to) that match tags.returned and `filter` (either may be absent),
// in the order of tags.tags. One pass over the segments: each column a tag
// needs is decoded once per segment. `totals`, when given, receives the
// counts above. Fails as Execute does.
Result<std::vector<TagMatches>> EvaluateTags(const storage::Archive& archive, const TagSet& tags,
                                             const ExecOptions& options = {}, const Query* filter = nullptr,
                                             TagTotals* totals = nullptr);

}  // namespace roost::query

#endif  // ROOST_QUERY_TAGS_H_

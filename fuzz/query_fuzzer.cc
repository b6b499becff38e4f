// A filter through the query layer: parse (both syntaxes) and bind, the
// canonical text parsed back, then planned and run over a small archive
// (segment pruning, index lookups, compiled predicates, compliance).
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "query/executor.h"
#include "query/parser.h"
#include "scratch_archive.h"

namespace {

// Counts the nodes of a tree, to hold the parser to Query::node_count.
int CountNodes(const roost::query::Node& n) {
  int count = 1;
  for (const auto& child : n.children) count += CountNodes(*child);
  return count;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  roost::fuzz::ScratchArchive();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace roost::query;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ParseErrorInfo error;
  auto query = ParseQuery(text, &error);
  if (!query.ok()) {
    FUZZ_CHECK(!query.status().message().empty());
    return 0;
  }
  FUZZ_CHECK(query->root != nullptr);
  FUZZ_CHECK(query->node_count == CountNodes(*query->root));

  // The canonical text parses back to the same tree.
  const std::string canonical = query->ToString();
  auto reparsed = ParseQuery(canonical);
  if (!reparsed.ok()) {
    std::string shown;  // control bytes visible
    for (unsigned char c : canonical) shown += c < 0x20 ? "\\x" + std::to_string(c) : std::string(1, c);
    fprintf(stderr, "canonical form %s does not parse: %s\n", shown.c_str(), reparsed.status().ToString().c_str());
  }
  FUZZ_CHECK(reparsed.ok());
  FUZZ_CHECK(reparsed->ToString() == canonical);

  ExecOptions options;
  options.threads = 1;
  auto result = Execute(roost::fuzz::ScratchArchive(), *query, options);
  if (!result.ok()) return 0;
  FUZZ_CHECK(result->nodes.size() == static_cast<size_t>(query->node_count));
  uint64_t rows = 0;
  for (const SegmentMatches& s : result->segments) rows += s.rows.Cardinality();
  FUZZ_CHECK(rows == result->count);
  FUZZ_CHECK(result->count <= result->rows_in_range);
  FUZZ_CHECK(result->rows_in_range <= result->rows_visible);
  FUZZ_CHECK(result->rows_visible <= result->rows_in_segments);
  FUZZ_CHECK(result->rows_in_segments <= result->rows_total);
  return 0;
}

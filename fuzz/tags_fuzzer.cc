// A tag file: parsed (keywords, names, namespaces, braces, the return
// clause, each body a filter), then evaluated over a small archive.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "query/tags.h"
#include "scratch_archive.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  roost::fuzz::ScratchArchive();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace roost::query;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto tags = ParseTags(text);
  if (!tags.ok()) {
    FUZZ_CHECK(!tags.status().message().empty());
    return 0;
  }
  FUZZ_CHECK(!tags->tags.empty());
  FUZZ_CHECK(tags->tags.size() <= kMaxTags);
  std::set<std::string> names;
  for (const Tag& tag : tags->tags) {
    FUZZ_CHECK(tag.rules >= 1);
    FUZZ_CHECK(tag.filter.root != nullptr);
    // Names are unique: rules of one full name were merged into one tag.
    FUZZ_CHECK(names.insert(tag.full_name()).second);
  }

  ExecOptions options;
  options.threads = 1;
  TagTotals totals;
  auto groups = EvaluateTags(roost::fuzz::ScratchArchive(), *tags, options, nullptr, &totals);
  if (!groups.ok()) return 0;
  FUZZ_CHECK(groups->size() == tags->tags.size());
  FUZZ_CHECK(totals.tagged <= totals.matching);
  for (const TagMatches& g : *groups) {
    FUZZ_CHECK(g.count <= totals.tagged);
    uint64_t rows = 0;
    for (const SegmentMatches& s : g.segments) rows += s.rows.Cardinality();
    FUZZ_CHECK(rows == g.count);
  }
  return 0;
}

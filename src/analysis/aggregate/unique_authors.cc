#include "analysis/aggregate/unique_authors.h"

#include <bit>

#include "analysis/aggregate/row_iteration.h"

namespace roost::aggregate {
namespace {

void SetBit(std::vector<uint64_t>* bits, uint32_t i) { (*bits)[i >> 6] |= uint64_t{1} << (i & 63); }

}  // namespace

Result<uint64_t> CountUniqueAuthors(
    const storage::Archive& archive,
    const std::vector<const std::vector<query::SegmentMatches>*>& selections, ColumnCache* cache) {
  // Per segment: which dictionary ids occur, then their archive-wide numbers.
  struct Seen {
    ColumnCache::Ids numbers;
    std::vector<uint64_t> ids;
  };
  std::vector<Seen> seen;
  for (const auto* list : selections)
    for (const auto& sm : *list) {
      ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* seg, archive.segment(sm.segment));
      ROOST_ASSIGN_OR_RETURN(auto user, cache->DimIds(*seg, "user"));
      ROOST_ASSIGN_OR_RETURN(auto numbers, cache->AuthorNumbers(*seg));
      Seen s{numbers, std::vector<uint64_t>((numbers->size() + 63) / 64)};
      ForEachRow(sm.rows, [&](uint32_t row) { SetBit(&s.ids, (*user)[row]); });
      seen.push_back(std::move(s));
    }
  std::vector<uint64_t> authors((cache->author_numbers() + 63) / 64);
  for (const Seen& s : seen)
    for (size_t w = 0; w < s.ids.size(); ++w)
      for (uint64_t word = s.ids[w]; word != 0; word &= word - 1)
        SetBit(&authors, (*s.numbers)[w * 64 + static_cast<size_t>(std::countr_zero(word))]);
  uint64_t count = 0;
  for (uint64_t word : authors) count += static_cast<uint64_t>(std::popcount(word));
  return count;
}

}  // namespace roost::aggregate

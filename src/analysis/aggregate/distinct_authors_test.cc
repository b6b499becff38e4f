#include "analysis/aggregate/distinct_authors.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "analysis/aggregate/author_index.h"

namespace roost::aggregate {
namespace {

TEST(DistinctAuthorsTest, GroupsMatchAMapOnRandomRows) {
  std::mt19937_64 rng(7);
  DistinctAuthors d(500);
  for (int group = 0; group < 200; ++group) {
    std::map<uint32_t, int64_t> ref;
    const int rows = static_cast<int>(rng() % 2000);
    for (int r = 0; r < rows; ++r) {
      const uint32_t a = static_cast<uint32_t>(rng() % 500);
      const int64_t f = static_cast<int64_t>(rng() % 1000) - 100;  // some negative counts
      d.Add(a, f);
      auto [it, fresh] = ref.emplace(a, f);
      if (!fresh) it->second = std::max(it->second, f);
    }
    ASSERT_EQ(d.count(), ref.size()) << group;
    uint64_t reach = 0;
    for (const auto& [a, f] : ref) {
      reach += static_cast<uint64_t>(std::max<int64_t>(f, 0));
      EXPECT_EQ(d.followers(a), std::max<int64_t>(f, 0));  // a negative count counts as 0, as in reach
    }
    EXPECT_EQ(d.Reach(), reach);
    d.Clear();
  }
}

TEST(AuthorIndexTest, SameIdSameNumberAcrossCallsAndDenseNumbers) {
  std::mt19937_64 rng(3);
  AuthorIndex index;
  std::map<uint64_t, uint32_t> seen;
  for (int call = 0; call < 30; ++call) {
    std::vector<uint64_t> ids(1 + rng() % 3000);
    for (auto& id : ids) id = (rng() % 20000) * 0x9E3779B97F4A7C15ULL;  // spread, with repeats
    const std::vector<uint32_t> numbers = index.Assign(ids);
    ASSERT_EQ(numbers.size(), ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
      auto [it, fresh] = seen.emplace(ids[i], numbers[i]);
      EXPECT_EQ(it->second, numbers[i]) << ids[i];
      if (fresh) {
        EXPECT_EQ(numbers[i], seen.size() - 1);  // first seen, next number
      }
    }
  }
  EXPECT_EQ(index.size(), seen.size());
}

}  // namespace
}  // namespace roost::aggregate

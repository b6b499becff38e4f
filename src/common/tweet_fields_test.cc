// The compact field types of include/roost: TermList (packed terms) and
// Boxed (an optional kept on the heap).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "roost/term_list.h"
#include "roost/tweet.h"

namespace roost {
namespace {

TEST(TermListTest, KeepsTermsInOrderWhateverTheirLength) {
  const std::string long_term(300, 'x');  // past the one-byte length
  const std::string edge(254, 'y');       // the longest one-byte length
  const std::string edge2(255, 'z');      // the first four-byte length
  TermList t;
  EXPECT_TRUE(t.empty());
  t.push_back("cafe");
  t.push_back(long_term);
  t.push_back("");
  t.push_back(edge);
  t.push_back(edge2);
  t.push_back("hunger games");
  EXPECT_EQ(t.size(), 6u);
  EXPECT_EQ(t.ToVector(), (std::vector<std::string>{"cafe", long_term, "", edge, edge2, "hunger games"}));
}

TEST(TermListTest, OffsetsNameTermsAcrossReallocation) {
  TermList t;
  std::vector<uint32_t> offsets;
  std::vector<std::string> want;
  for (int i = 0; i < 500; ++i) {  // grows the string many times
    want.push_back("term" + std::to_string(i) + std::string(i % 300, 'a'));
    offsets.push_back(t.end_offset());
    t.push_back(want.back());
  }
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(t.TermAtOffset(offsets[i]), want[i]) << i;
}

TEST(TermListTest, EqualityAppendAndVectorRoundTrip) {
  TermList a{"a", "bb"};
  TermList b(std::vector<std::string>{"a", "bb"});
  EXPECT_EQ(a, b);
  b.push_back("c");
  EXPECT_NE(a, b);
  TermList c;
  c.append(a);
  c.append(TermList{"c"});
  EXPECT_EQ(c, b);
  EXPECT_EQ(c.size(), 3u);
  c.clear();
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(c.begin(), c.end());
}

TEST(BoxedTest, BehavesLikeAnOptionalThatCopiesItsValue) {
  Boxed<Place> p;
  EXPECT_FALSE(p.has_value());
  EXPECT_FALSE(static_cast<bool>(p));
  Place paris;
  paris.full_name = "Paris, France";
  paris.country_code = "FR";
  p = paris;
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->country_code, "FR");
  Boxed<Place> copy = p;  // a deep copy: changing it leaves p alone
  copy->country_code = "BE";
  EXPECT_EQ(p->country_code, "FR");
  EXPECT_EQ((*copy).country_code, "BE");
  Boxed<Place> moved = std::move(copy);
  EXPECT_EQ(moved->country_code, "BE");
  moved.reset();
  EXPECT_FALSE(moved.has_value());
  moved.emplace().full_name = "Lyon";
  EXPECT_EQ(moved->full_name, "Lyon");
  EXPECT_EQ(moved->country_code, "");
  p = moved;  // copy-assign over a value
  EXPECT_EQ(p->full_name, "Lyon");
}

TEST(TweetTest, CopiedTweetOwnsItsPlaceAndTerms) {
  Tweet a;
  a.place.emplace().country_code = "US";
  a.terms.push_back("nba");
  Tweet b = a;
  b.place->country_code = "CA";
  b.terms.push_back("finals");
  EXPECT_EQ(a.place->country_code, "US");
  EXPECT_EQ(a.terms.size(), 1u);
  EXPECT_EQ(b.terms.size(), 2u);
}

}  // namespace
}  // namespace roost

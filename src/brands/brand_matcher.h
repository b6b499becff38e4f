// Many brands against one tweet in one pass: the per-tweet half of the
// brand rule (brand_query.h). Every name, alias, product and excluded
// phrase of every brand is one literal of one Hyperscan database, run over
// the tweet's tokens as the term index sees them; handles, hashtags and
// languages are table lookups. A brand with a filter is not matched here:
// its filter is a query, answered over a whole segment (brand_tagger.h).
#ifndef ROOST_BRANDS_BRAND_MATCHER_H_
#define ROOST_BRANDS_BRAND_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "brands/brand_set.h"
#include "roost/status.h"
#include "roost/tweet.h"

struct hs_database;

namespace roost::brands {

class BrandMatcher {
 public:
  // InvalidArgument (naming the file, line and phrase) when Hyperscan
  // refuses the literals, or a language code does not parse.
  static Result<std::unique_ptr<BrandMatcher>> Compile(const BrandSet& set);
  ~BrandMatcher();
  BrandMatcher(const BrandMatcher&) = delete;
  BrandMatcher& operator=(const BrandMatcher&) = delete;

  // Whether brand i is decided per tweet (it has no filter).
  bool PerTweet(size_t brand) const { return per_tweet_[brand] != 0; }
  size_t brand_count() const { return per_tweet_.size(); }

  // (*hits)[i] = 1 when brand i is decided per tweet and `t` matches its
  // rule, else 0. `t` needs its enrichment (detected language, entities).
  // Thread-safe: one Hyperscan scratch per thread.
  void Match(const Tweet& t, std::vector<uint8_t>* hits) const;

  // The tokens of `text` as the term index holds them, each between two
  // separator bytes: the stream the literals are matched against.
  static void TokenStream(std::string_view text, std::string* out);

 private:
  BrandMatcher() = default;

  struct Use {
    uint32_t brand;
    bool veto;  // an excluded phrase, not a naming word
  };
  uint64_t id_ = 0;  // unique per matcher: which one a thread's scratch fits
  hs_database* db_ = nullptr;
  std::vector<std::vector<Use>> uses_;  // by literal id
  std::unordered_map<std::string, std::vector<uint32_t>> mentions_, authors_, replied_, hashtags_;  // folded value -> brands
  std::vector<std::vector<std::string>> langs_;  // by brand, folded codes; empty: any
  std::vector<uint8_t> per_tweet_;
};

}  // namespace roost::brands

#endif  // ROOST_BRANDS_BRAND_MATCHER_H_

// Brand tags (Tweet::brand_tags, the `brand` target) as BrandQuery defines
// them. Brands without a filter are decided per tweet (BrandMatcher), at
// ingest or over a segment's stored tweets; a brand with a filter is its
// whole BrandQuery run by the query executor over the segment's rows, so
// every operator a filter may use means exactly what it means in a query.
// Tags hold the brand's name as written in the file, in file order.
#ifndef ROOST_BRANDS_BRAND_TAGGER_H_
#define ROOST_BRANDS_BRAND_TAGGER_H_

#include <memory>
#include <string>
#include <vector>

#include "brands/brand_matcher.h"
#include "brands/brand_set.h"
#include "query/ast.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::brands {

class BrandTagger {
 public:
  // InvalidArgument (file, line, brand) for a filter that tests the `brand`
  // target: tags cannot be made from tags.
  static Result<std::unique_ptr<BrandTagger>> Create(const BrandSet& set);

  const BrandSet& set() const { return set_; }
  // Some brand has a filter: TagTweet leaves it out; TagSegment tags it.
  bool NeedsSegments() const;

  // Replaces t->brand_tags with the brands decided per tweet. Thread-safe.
  void TagTweet(Tweet* t) const;
  // Fingerprints of the brands TagTweet tags completely.
  std::vector<std::string> PerTweetFingerprints() const;
  // Fingerprints of every brand of the set.
  std::vector<std::string> Fingerprints() const;

  // Replaces the brand_tags of `tweets`, the stored tweets of segment
  // `segment` of `archive` in row order, with every brand of the set, on
  // `threads` threads (0: one per core).
  Status TagSegment(const storage::Archive& archive, size_t segment, std::vector<Tweet>* tweets, int threads) const;

 private:
  BrandTagger() = default;
  void SetTags(const std::vector<uint8_t>& hits, Tweet* t) const;

  BrandSet set_;
  std::unique_ptr<BrandMatcher> matcher_;
  std::vector<std::unique_ptr<query::Query>> queries_;  // by brand: its BrandQuery when it has a filter
};

}  // namespace roost::brands

#endif  // ROOST_BRANDS_BRAND_TAGGER_H_

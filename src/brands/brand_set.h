// A brands file (brands.toml): the brands an analyst measures, validated.
// Each [[brand]] table names a brand and how tweets refer to it; the
// matching rule built from it is in brand_query.h and docs/BRANDS.md.
#ifndef ROOST_BRANDS_BRAND_SET_H_
#define ROOST_BRANDS_BRAND_SET_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "roost/status.h"

namespace roost::brands {

struct BrandDefinition {
  std::string name;                      // required; also the brand's tag
  std::vector<std::string> handles;      // accounts, without '@'
  std::vector<std::string> aliases;      // other names, matched as whole words
  std::vector<std::string> products;     // product names, matched as whole words
  std::vector<std::string> hashtags;     // without '#'
  std::vector<std::string> exclude;      // phrases that veto a word match ("apple pie")
  std::string filter;                    // a query (docs/QUERY.md), OR-ed with the rest
  std::vector<std::string> langs;        // language codes the brand is counted in; empty: all
  std::vector<std::string> competitors;  // names of other brands of the same file
  int line = 0;                          // where the table starts in the file
};

struct BrandSet {
  std::string path;
  std::vector<BrandDefinition> brands;  // file order

  // Index of the brand called `name` (case-insensitive), or npos.
  size_t Find(std::string_view name) const;
  // The brand's competitive set: itself, its competitors and the brands
  // that name it as theirs, in file order.
  std::vector<size_t> CompetitiveSet(size_t brand) const;
};

// Reads and validates a brands file. Errors name the file, line and field:
// unknown keys, a brand without a name, a duplicate name, a handle or
// hashtag that cannot be one, an unknown competitor, a filter that does not parse (with
// its column). Keys that `roost synth` writes for its own generation
// (product_words, ticker, domain, share_of_voice, sentiment) are accepted.
Result<BrandSet> LoadBrandSet(const std::string& path);
Result<BrandSet> ParseBrandSet(std::string_view text, const std::string& path);

}  // namespace roost::brands

#endif  // ROOST_BRANDS_BRAND_SET_H_

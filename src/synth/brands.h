// Brands: the fictional companies synth talks about, with the settings a
// user would put in brands.toml. The built-in set is invented (names chosen
// not to be words of any generated language) so tags cannot come from chance.
#ifndef ROOST_SYNTH_BRANDS_H_
#define ROOST_SYNTH_BRANDS_H_

#include <string>
#include <vector>

#include "roost/status.h"

namespace roost::synth {

struct Brand {
  std::string name;                      // "Norva": also the tag analyses report
  std::string handle;                    // official account, without '@'
  std::vector<std::string> aliases;      // other whole-word spellings that mean the brand
  std::vector<std::string> products;     // product names (each contains the name)
  std::vector<std::string> product_words;  // generic nouns people use with it
  std::string ticker;                    // cashtag without '$' (may be empty)
  std::string domain;                    // brand web site host
  double share_of_voice = 0;             // baseline share among brand tweets
  double sentiment = 0;                  // baseline polarity, -1..1
  std::vector<std::string> competitors;  // names of other brands
};

std::vector<Brand> BuiltinBrands();

// Parses a brands.toml ([[brand]] tables with the fields above; only `name`
// is required). Shares are normalised to sum to 1 (equal when all absent).
Result<std::vector<Brand>> LoadBrandsToml(const std::string& path);

// The TOML a user would write for `brands`.
std::string BrandsToToml(const std::vector<Brand>& brands);

// All whole-word strings that identify the brand: name, handle, aliases.
std::vector<std::string> BrandMatchTerms(const Brand& brand);

// The brand as a filter rule (docs/QUERY.md): any of its name, aliases and
// products as whole words or phrases, an @mention of its handle, or a tweet
// by its handle. `--brand NAME --brands FILE` means this filter.
std::string BrandRule(const Brand& brand);

// The brand called `name` (case-insensitive) in `brands`, or kInvalidArgument
// naming the known ones.
Result<Brand> FindBrand(const std::vector<Brand>& brands, const std::string& name);

}  // namespace roost::synth

#endif  // ROOST_SYNTH_BRANDS_H_

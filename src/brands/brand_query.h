// A brand as one query of the archive's query language: the single
// statement of the matching rule (docs/BRANDS.md). Ingest tags, retag and
// `roost brands` on an untagged archive all mean exactly this query.
#ifndef ROOST_BRANDS_BRAND_QUERY_H_
#define ROOST_BRANDS_BRAND_QUERY_H_

#include <string>
#include <vector>

#include "brands/brand_set.h"

namespace roost::brands {

// (@handle OR from:handle OR to:handle OR #hashtag OR (filter)
//  OR ("name" OR "alias" OR "product" ... AND NOT ("excluded phrase" ...)))
// AND lang in the brand's languages. Words and phrases are token-aligned,
// case- and accent-insensitive over the full text.
std::string BrandQuery(const BrandDefinition& brand);

// Every word that names the brand (name, aliases, products, handles,
// hashtags): they must carry no sentiment for or against it.
std::vector<std::string> BrandNamingWords(const BrandDefinition& brand);

// Changes whenever the brand's matching rule changes: tags made with one
// fingerprint answer for that rule only.
std::string BrandFingerprint(const BrandDefinition& brand);

}  // namespace roost::brands

#endif  // ROOST_BRANDS_BRAND_QUERY_H_

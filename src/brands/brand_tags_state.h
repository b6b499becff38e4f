// Whether an archive's brand tags answer for a brand definition: then
// `brand == "Name"` selects exactly the tweets of BrandQuery(definition),
// and answers can be bitmap lookups; otherwise they run BrandQuery.
#ifndef ROOST_BRANDS_BRAND_TAGS_STATE_H_
#define ROOST_BRANDS_BRAND_TAGS_STATE_H_

#include "brands/brand_set.h"
#include "storage/archive.h"

namespace roost::brands {

// True when every live segment records the brand's fingerprint (written by
// `roost ingest --brands` or `roost retag` with this very definition).
// True for an archive without segments (no tweet, either way). False for
// an archive tagged before
// fingerprints were recorded, segments ingested without --brands, and once
// the definition changed in anything its rule depends on.
bool TagsCurrent(const storage::Archive& archive, const BrandDefinition& brand);

}  // namespace roost::brands

#endif  // ROOST_BRANDS_BRAND_TAGS_STATE_H_

#include "brands/brand_tags_state.h"

#include <algorithm>

#include "brands/brand_query.h"

namespace roost::brands {

bool TagsCurrent(const storage::Archive& archive, const BrandDefinition& brand) {
  const std::string fp = BrandFingerprint(brand);
  for (size_t i = 0; i < archive.segment_count(); ++i) {
    const auto& fps = archive.entry(i).brand_fingerprints;
    if (std::find(fps.begin(), fps.end(), fp) == fps.end()) return false;
  }
  return true;
}

}  // namespace roost::brands

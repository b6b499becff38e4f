// Compliance masks: per segment, the rows compliance removes (deleted
// tweets, retweets of them, hidden users' tweets) and the rows whose geo
// is scrubbed. Computing them needs an index probe per deleted id and per
// hidden or scrubbed user, far too slow for the first query after open on
// a large archive, so every commit stores them (docs/FORMAT.md, "Compliance
// masks") and Archive::Open loads them; a missing or damaged file only
// means they are computed again on first use.
#ifndef ROOST_STORAGE_COMPLIANCE_MASKS_H_
#define ROOST_STORAGE_COMPLIANCE_MASKS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "roost/status.h"
#include "storage/bitmap.h"
#include "storage/compliance_state.h"
#include "storage/segment_reader.h"

namespace roost::storage {

struct SegmentMasks {
  uint64_t rows = 0;  // the segment's row count, to check the entry fits
  Bitmap removed;     // deleted, retweets of deleted, hidden users
  Bitmap scrubbed;    // geo scrubbed
};

// The masks of one segment under `cs`; `sorted_deleted` is cs.SortedDeleted().
Result<SegmentMasks> ComputeSegmentMasks(const SegmentReader& r, const ComplianceState& cs,
                                         const std::vector<uint64_t>& sorted_deleted);

// DIR/compliance/masks-<manifest version>.rmask
std::string MasksFileName(uint64_t manifest_version);
bool IsMasksFileName(std::string_view name);

// The file: magic, version, entries by segment file name, checksum.
std::string SerializeMasks(const std::map<std::string, SegmentMasks>& masks);
// kCorruption when damaged (the caller then computes instead).
Result<std::map<std::string, SegmentMasks>> ParseMasks(std::string_view bytes, const std::string& what);

}  // namespace roost::storage

#endif  // ROOST_STORAGE_COMPLIANCE_MASKS_H_

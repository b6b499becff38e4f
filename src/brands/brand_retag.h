// Recomputing the brand tags of an archive's segments from their stored
// tweets (roost retag, and the filter half of roost ingest --brands): the
// new segments, with every brand's fingerprint, are published in one
// manifest commit, so a reader sees the old tags or the new, never a mix.
#ifndef ROOST_BRANDS_BRAND_RETAG_H_
#define ROOST_BRANDS_BRAND_RETAG_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "brands/brand_tagger.h"
#include "roost/status.h"
#include "storage/rewrite.h"

namespace roost::brands {

struct RetagStats {
  uint64_t segments = 0, tweets = 0;  // rewritten, all stored rows
  // By brand (file order): visible tweets of the rewritten segments that
  // carry the tag, the count `roost count --filter 'brand == "Name"'` gives.
  std::vector<uint64_t> tagged;
  uint64_t bytes_before = 0, bytes_after = 0;
};

// Replaces the brand_tags of the listed segment files of DIR (all segments
// when `only` is empty) with the brands of `tagger`'s set, and records the
// set's fingerprints on them. Tags of brands not in the set are removed.
// Errors: those of reading and writing (the archive is left as it was),
// ResourceExhausted while another writer holds the archive.
Result<RetagStats> RetagArchive(const std::string& dir, const BrandTagger& tagger, int threads,
                                const std::vector<std::string>& only = {},
                                const std::function<void(const storage::RewriteProgress&)>& progress = {});

}  // namespace roost::brands

#endif  // ROOST_BRANDS_BRAND_RETAG_H_

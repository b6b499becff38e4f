// Constants of the segment file format (docs/FORMAT.md). Changing any of
// them changes the format: bump kFormatVersion and keep reading version 1.
#ifndef ROOST_STORAGE_SEGMENT_FORMAT_H_
#define ROOST_STORAGE_SEGMENT_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "roost/tweet.h"

namespace roost::storage {

inline constexpr char kSegmentMagic[8] = {'R', 'O', 'O', 'S', 'T', 'S', 'E', 'G'};
// Version 2: front-coded dictionaries, one-varint posting headers, `handle`
// through `user` when the two are one-to-one (docs/FORMAT.md). Version 3:
// hashtags, mentions and handles folded with FoldDimValue (Unicode, not
// ASCII only) and English possessives dropped from terms. Readers still
// read versions 1 and 2.
inline constexpr uint32_t kFormatVersion = 3;
// The first version whose dimension values and terms are folded as above.
inline constexpr uint32_t kUnicodeFoldVersion = 3;
inline constexpr size_t kHeaderSize = 16;
inline constexpr size_t kFooterSize = 64;
inline constexpr size_t kPageSize = 64 * 1024;
inline constexpr uint32_t kGranuleRows = 65536;
inline constexpr uint32_t kIndexGroup = 1024;
inline constexpr uint32_t kPostingGroup = 16;
inline constexpr uint32_t kDictBlock = 16;  // values per front-coded dictionary block (v2)
// zstd levels: not part of the format (a reader decodes frames of any
// level). Ids, counts and dictionary rank lists barely compress better at
// level 3 than at level 1 (the level ClickHouse's ZSTD codec defaults to),
// so they take the faster one; text and the free-text user columns keep
// level 3, which makes them about a fifth smaller (docs/PERFORMANCE.md).
inline constexpr int kZstdLevel = 1;
inline constexpr int kTextZstdLevel = 3;

// What a segment holds, recorded in its directory and in the manifest.
struct SegmentMeta {
  uint64_t rows = 0;
  TimestampMs min_time = 0, max_time = 0;
  uint64_t min_id = 0, max_id = 0;
  TimestampMs partition_start = 0;
};

// Dimension columns (dictionary + ids + bitmap per value), in storage order.
inline constexpr const char* kSingleDims[] = {"lang", "detected_lang", "country", "place",
                                              "user", "handle", "source"};
inline constexpr const char* kMultiDims[] = {"hashtags", "mentions", "cashtags", "urls", "domains",
                                             "brand_tags", "withheld", "terms"};

// Dims whose values come from a tweet's geo; hidden for geo-scrubbed rows.
inline bool IsGeoDim(const std::string& column) { return column == "country" || column == "place"; }

// The sentiment_scored column holds which scorer scored the row (the values
// of SentimentModel; 0 unscored), so older readers, which test for non-zero,
// still read it right. A scored tweet with no scorer named counts as lexicon,
// the only scorer before learned models.
inline int64_t SentimentScoredValue(const Tweet& t) {
  if (!t.sentiment_scored) return 0;
  return t.sentiment_model == SentimentModel::kNone ? int64_t{1} : static_cast<int64_t>(t.sentiment_model);
}
inline SentimentModel SentimentModelOfColumn(int64_t v) {
  if (v == 0) return SentimentModel::kNone;
  return v == static_cast<int64_t>(SentimentModel::kLearned) ? SentimentModel::kLearned : SentimentModel::kLexicon;
}

std::string AsciiLower(std::string s);
std::string AsciiUpper(std::string s);

// The folding of hashtags, mentions and handles (FORMAT.md), at ingest and
// in filters: NFKC with full Unicode case folding (#ÉLYSÉE2012 and
// #Élysée2012 -> élysée2012, ＡＢＣ -> abc), accents kept. ASCII values take
// a table path and equal AsciiLower (so versions 1-2 agree on them).
// Invalid UTF-8 is folded as ASCII only, never dropped.
std::string FoldDimValue(std::string_view s);
// FoldDimValue into *out (reusing its capacity).
void FoldDimValueTo(std::string_view s, std::string* out);

}  // namespace roost::storage

#endif  // ROOST_STORAGE_SEGMENT_FORMAT_H_

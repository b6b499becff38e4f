// Dimensions an analysis can group by (`roost top --target`, `--by/--then`):
// stored dimension columns (hashtags, lang, ...) and a few computed ones
// (sentiment_class, kind, verified). A SegmentDimension gives, for a row of
// one segment, the ids of its values there; ids are local to the segment and
// Name() turns them back into the values that are merged across segments.
#ifndef ROOST_ANALYSIS_AGGREGATE_DIMENSION_H_
#define ROOST_ANALYSIS_AGGREGATE_DIMENSION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/aggregate/column_cache.h"
#include "enrich/text/stopwords.h"
#include "query/tags.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::aggregate {

struct DimensionSpec {
  std::string name;         // as the user wrote it: "hashtags", "authors", ...
  std::string column;       // stored column, or "" for a computed dimension
  bool multi = false;       // several values per tweet
  bool personal = false;    // values identify people (handles): privacy-gated
  enum Filter { kAll, kWords, kPhrases } filter = kAll;  // terms vs phrases
};

// kInvalidArgument listing the known names for an unknown one.
Result<DimensionSpec> FindDimension(std::string_view name);
std::vector<std::string> DimensionNames();

// Words dropped from `terms` and `phrases` answers: the stopwords of every
// language with at least `min_share` of the selected tweets.
struct TermFilter {
  std::shared_ptr<const text::StopwordSet> stopwords;
  std::vector<const text::StopwordList*> lists;
  bool IsStopword(std::string_view term) const;
};

class SegmentDimension {
 public:
  // `tags` (EvaluateTags' answer) is needed by the "tag" dimension only.
  static Result<SegmentDimension> Load(const storage::Archive& archive, size_t segment, const DimensionSpec& spec,
                                       const TermFilter* terms, ColumnCache* cache,
                                       const std::vector<query::TagMatches>* tags = nullptr);

  // Ids of row r's values (each once, filtered values left out) into *out.
  void Keys(uint32_t row, std::vector<uint32_t>* out);
  std::string_view Name(uint32_t id) const;
  // Id of `value` in this segment, or npos.
  static constexpr uint32_t npos = UINT32_MAX;
  uint32_t Find(std::string_view value) const;
  uint32_t cardinality() const { return cardinality_; }

  // The fast path of a one-level count: raw ids of row r (unfiltered, maybe
  // repeated), whether geo scrubbing hides the row, and the value filter.
  template <typename Fn>
  void ForEachRawId(uint32_t row, Fn&& fn) const {
    if (!spec_.multi) {
      fn((*single_)[row]);
      return;
    }
    const storage::IdLists& m = *multi_;
    for (uint32_t j = m.start[row]; j < m.start[row + 1]; ++j) fn(m.ids[j]);
  }
  bool Hidden(uint32_t row) const { return has_hidden_ && hidden_.Contains(row); }
  // Tweets per id when `selected` holds most of the segment and no row is
  // hidden: one flat pass over all ids, then corrections for the rows left
  // out and for ids repeated within a row. False (nothing counted) when
  // those conditions do not hold.
  bool CountDense(const storage::Bitmap& selected, std::vector<uint64_t>* counts) const;
  // Rows of the segment (for dense walks).
  uint32_t rows() const { return rows_; }
  bool Keep(uint32_t id);
  // Rows holding `value` from the postings (stored dimensions only), minus
  // geo-scrubbed rows; nullopt for computed dimensions.
  Result<std::optional<storage::Bitmap>> Postings(const storage::SegmentReader& reader, std::string_view value) const;

 private:

  DimensionSpec spec_;
  const TermFilter* terms_ = nullptr;
  ColumnCache::Ids single_;         // stored single-valued, and computed: one id per row
  ColumnCache::Lists multi_;
  storage::DictionaryView dict_;
  std::vector<std::string> names_;  // computed dimensions
  std::vector<uint8_t> keep_;       // per id: 0 not decided, 1 keep, 2 drop
  storage::Bitmap hidden_;          // geo-scrubbed rows for geo dimensions
  bool has_hidden_ = false;
  uint32_t cardinality_ = 0;
  uint32_t rows_ = 0;
};

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_DIMENSION_H_

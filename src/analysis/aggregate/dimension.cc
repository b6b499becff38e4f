#include "analysis/aggregate/dimension.h"

#include <algorithm>
#include <bit>

#include "analysis/aggregate/metrics.h"
#include "analysis/aggregate/row_iteration.h"
#include "query/targets.h"
#include "storage/segment_format.h"

namespace roost::aggregate {
namespace {

const DimensionSpec kDimensions[] = {
    {"hashtags", "hashtags", true, false, DimensionSpec::kAll},
    {"terms", "terms", true, false, DimensionSpec::kWords},
    {"phrases", "terms", true, false, DimensionSpec::kPhrases},
    {"mentions", "mentions", true, true, DimensionSpec::kAll},
    {"cashtags", "cashtags", true, false, DimensionSpec::kAll},
    {"urls", "urls", true, false, DimensionSpec::kAll},
    {"domains", "domains", true, false, DimensionSpec::kAll},
    {"brand", "brand_tags", true, false, DimensionSpec::kAll},
    {"authors", "handle", false, true, DimensionSpec::kAll},
    // One name per field, as in filters: `lang` is the language Roost
    // detected, `platform_lang` the tag the platform gave the tweet.
    {"lang", "detected_lang", false, false, DimensionSpec::kAll},
    {"platform_lang", "lang", false, false, DimensionSpec::kAll},
    {"detected_lang", "detected_lang", false, false, DimensionSpec::kAll},  // older name of `lang`
    {"country", "country", false, false, DimensionSpec::kAll},
    {"place", "place", false, false, DimensionSpec::kAll},
    {"source", "source", false, false, DimensionSpec::kAll},
    {"sentiment_class", "", false, false, DimensionSpec::kAll},
    {"kind", "", false, false, DimensionSpec::kAll},
    {"verified", "", false, false, DimensionSpec::kAll},
    {"tag", "", true, false, DimensionSpec::kAll},  // needs a tag file (--tags)
};

// The "tag" dimension of one segment: per row, the tags whose rows hold it.
void LoadTags(const std::vector<query::TagMatches>& tags, size_t segment, uint32_t rows, storage::IdLists* lists,
              std::vector<std::string>* names) {
  std::vector<std::vector<uint32_t>> per_row(rows);
  for (uint32_t t = 0; t < tags.size(); ++t) {
    names->push_back(tags[t].tag->full_name());
    for (const auto& sm : tags[t].segments)
      if (sm.segment == segment)
        for (uint32_t row : sm.rows.ToVector()) per_row[row].push_back(t);
  }
  lists->start.assign(1, 0);
  for (const auto& r : per_row) {
    lists->ids.insert(lists->ids.end(), r.begin(), r.end());
    lists->start.push_back(static_cast<uint32_t>(lists->ids.size()));
  }
}

// Computed dimensions: one small id per row.
Status LoadComputed(const storage::SegmentReader& r, const std::string& name, ColumnCache* cache,
                    std::vector<uint32_t>* ids, std::vector<std::string>* names) {
  if (name == "sentiment_class") {
    ROOST_ASSIGN_OR_RETURN(auto scored_col, cache->IntColumn(r, "sentiment_scored"));
    ROOST_ASSIGN_OR_RETURN(auto bits_col, cache->IntColumn(r, "sentiment"));
    const auto& scored = *scored_col;
    const auto& bits = *bits_col;
    *names = {"positive", "neutral", "negative", "unscored"};
    ids->resize(scored.size());
    for (size_t i = 0; i < scored.size(); ++i) {
      const float s = std::bit_cast<float>(static_cast<uint32_t>(bits[i]));
      (*ids)[i] = static_cast<uint32_t>(ClassifySentiment(scored[i] != 0, s));
    }
  } else if (name == "kind") {
    ROOST_ASSIGN_OR_RETURN(auto rt_col, cache->IntColumn(r, "retweet_of"));
    ROOST_ASSIGN_OR_RETURN(auto quote_col, cache->IntColumn(r, "quote_of"));
    ROOST_ASSIGN_OR_RETURN(auto reply_col, cache->IntColumn(r, "reply_to"));
    const auto& rt = *rt_col;
    const auto& quote = *quote_col;
    const auto& reply = *reply_col;
    *names = {"original", "retweet", "quote", "reply"};
    ids->resize(rt.size());
    for (size_t i = 0; i < rt.size(); ++i) (*ids)[i] = rt[i] ? 1 : quote[i] ? 2 : reply[i] ? 3 : 0;
  } else {  // verified
    ROOST_ASSIGN_OR_RETURN(auto v_col, cache->IntColumn(r, "verified"));
    const auto& v = *v_col;
    *names = {"unverified", "verified"};
    ids->resize(v.size());
    for (size_t i = 0; i < v.size(); ++i) (*ids)[i] = v[i] != 0;
  }
  return Status::Ok();
}

}  // namespace

std::vector<std::string> DimensionNames() {
  std::vector<std::string> out;
  for (const auto& d : kDimensions) out.push_back(d.name);
  return out;
}

Result<DimensionSpec> FindDimension(std::string_view name) {
  for (const auto& d : kDimensions)
    if (d.name == name) return d;
  if (name == "brands" || name == "brand_tags") return FindDimension("brand");
  if (name == "author" || name == "handles") return FindDimension("authors");
  std::string known;
  for (const auto& d : kDimensions) known += (known.empty() ? "" : ", ") + d.name;
  const std::string near = query::Suggest(name, DimensionNames());
  return Status::InvalidArgument("unknown target '" + std::string(name) + "'" +
                                 (near.empty() ? "" : "; did you mean '" + near + "'?") + " (known: " + known + ")");
}

bool TermFilter::IsStopword(std::string_view term) const {
  for (const auto* l : lists)
    if (l->Contains(term)) return true;
  return false;
}

Result<SegmentDimension> SegmentDimension::Load(const storage::Archive& archive, size_t segment,
                                                const DimensionSpec& spec, const TermFilter* terms,
                                                ColumnCache* cache, const std::vector<query::TagMatches>* tags) {
  SegmentDimension d;
  d.spec_ = spec;
  d.terms_ = terms;
  ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* r, archive.segment(segment));
  if (spec.name == "tag") {
    if (tags == nullptr) return Status::InvalidArgument("target 'tag' needs a tag file (--tags FILE)");
    auto lists = std::make_shared<storage::IdLists>();
    LoadTags(*tags, segment, static_cast<uint32_t>(r->row_count()), lists.get(), &d.names_);
    d.multi_ = std::move(lists);
    d.cardinality_ = static_cast<uint32_t>(d.names_.size());
  } else if (spec.column.empty()) {
    auto ids = std::make_shared<std::vector<uint32_t>>();
    ROOST_RETURN_IF_ERROR(LoadComputed(*r, spec.name, cache, ids.get(), &d.names_));
    d.single_ = std::move(ids);
    d.cardinality_ = static_cast<uint32_t>(d.names_.size());
  } else {
    ROOST_ASSIGN_OR_RETURN(d.dict_, r->Dictionary(spec.column));
    d.cardinality_ = d.dict_.size();
    if (spec.multi) {
      ROOST_ASSIGN_OR_RETURN(d.multi_, cache->DimIdLists(*r, spec.column));
    } else {
      ROOST_ASSIGN_OR_RETURN(d.single_, cache->DimIds(*r, spec.column));
    }
    if (storage::IsGeoDim(spec.column)) {
      ROOST_ASSIGN_OR_RETURN(d.hidden_, archive.GeoScrubbedRows(segment));
      d.has_hidden_ = !d.hidden_.Empty();
    }
  }
  d.keep_.assign(d.cardinality_, 0);
  d.rows_ = static_cast<uint32_t>(r->row_count());
  return d;
}

bool SegmentDimension::Keep(uint32_t id) {
  uint8_t& k = keep_[id];
  if (k == 0) {
    const std::string_view v = Name(id);
    bool keep = !v.empty();
    if (keep && spec_.filter == DimensionSpec::kPhrases) keep = v.find(' ') != std::string_view::npos;
    if (keep && spec_.filter == DimensionSpec::kWords) {
      // Plain words, numbers, emoji: hashtags, mentions and cashtags have their
      // own targets, one-letter words carry no meaning, and "RT" is the
      // retweet marker old clients wrote before the text, not a word.
      keep = v.find(' ') == std::string_view::npos && v[0] != '#' && v[0] != '@' && v[0] != '$' && v.size() > 1 &&
             v != "rt" && (terms_ == nullptr || !terms_->IsStopword(v));
    }
    k = keep ? 1 : 2;
  }
  return k == 1;
}

Result<std::optional<storage::Bitmap>> SegmentDimension::Postings(const storage::SegmentReader& reader,
                                                                   std::string_view value) const {
  if (spec_.column.empty()) return std::optional<storage::Bitmap>();
  ROOST_ASSIGN_OR_RETURN(storage::Bitmap rows, reader.Lookup(spec_.column, value));
  if (has_hidden_) rows.AndNotWith(hidden_);
  return std::optional<storage::Bitmap>(std::move(rows));
}

void SegmentDimension::Keys(uint32_t row, std::vector<uint32_t>* out) {
  out->clear();
  if (has_hidden_ && hidden_.Contains(row)) return;
  if (!spec_.multi) {
    const uint32_t id = (*single_)[row];
    if (Keep(id)) out->push_back(id);
    return;
  }
  const storage::IdLists& m = *multi_;
  for (uint32_t j = m.start[row]; j < m.start[row + 1]; ++j)
    if (Keep(m.ids[j])) out->push_back(m.ids[j]);
  if (out->size() > 1) {
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
  }
}

std::string_view SegmentDimension::Name(uint32_t id) const {
  return spec_.column.empty() ? std::string_view(names_[id]) : dict_.value(id);
}

bool SegmentDimension::CountDense(const storage::Bitmap& selected, std::vector<uint64_t>* counts) const {
  if (has_hidden_ || !IsDense(selected, rows_)) return false;
  counts->assign(cardinality_, 0);
  const std::vector<uint32_t> left_out = RowsLeftOut(selected, rows_);
  if (!spec_.multi) {
    for (uint32_t id : *single_) ++(*counts)[id];
    for (uint32_t row : left_out) --(*counts)[(*single_)[row]];
    return true;
  }
  const storage::IdLists& m = *multi_;
  for (uint32_t id : m.ids) ++(*counts)[id];
  // A value repeated in one tweet counts once: take back the repeats.
  auto uncount_repeats = [&](uint32_t row) {
    for (uint32_t j = m.start[row] + 1; j < m.start[row + 1]; ++j)
      for (uint32_t k = m.start[row]; k < j; ++k)
        if (m.ids[k] == m.ids[j]) {
          --(*counts)[m.ids[j]];
          break;
        }
  };
  for (uint32_t row = 0; row < rows_; ++row)
    if (m.start[row + 1] - m.start[row] > 1) uncount_repeats(row);
  for (uint32_t row : left_out) {
    // The row's distinct ids: its repeats were already taken back.
    for (uint32_t j = m.start[row]; j < m.start[row + 1]; ++j) {
      bool repeat = false;
      for (uint32_t k = m.start[row]; k < j && !repeat; ++k) repeat = m.ids[k] == m.ids[j];
      if (!repeat) --(*counts)[m.ids[j]];
    }
  }
  return true;
}

uint32_t SegmentDimension::Find(std::string_view value) const {
  if (spec_.column.empty()) {
    for (uint32_t i = 0; i < names_.size(); ++i)
      if (names_[i] == value) return i;
    return npos;
  }
  const auto id = dict_.Find(value);
  return id ? *id : npos;
}

}  // namespace roost::aggregate

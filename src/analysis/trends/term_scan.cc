#include "analysis/trends/term_scan.h"

#include <algorithm>

#include "common/parallel_for.h"

namespace roost::trends {

Result<Dimensions> Dimensions::Make(const std::vector<std::string>& names) {
  Dimensions d;
  bool words = false;
  for (const auto& n : names) {
    ROOST_ASSIGN_OR_RETURN(auto spec, aggregate::FindDimension(n));
    if (spec.column.empty()) return Status::InvalidArgument("dimension '" + n + "' is computed, not stored");
    words = words || spec.filter != aggregate::DimensionSpec::kAll;
    d.specs.push_back(spec);
  }
  if (words) {
    // Every language's stopwords: a burst is never a function word.
    ROOST_ASSIGN_OR_RETURN(auto set, text::StopwordSet::LoadDefault());
    d.filter.stopwords = std::make_shared<const text::StopwordSet>(std::move(set));
    for (const auto& l : d.filter.stopwords->Languages())
      if (const auto* list = d.filter.stopwords->ForLanguage(l)) d.filter.lists.push_back(list);
  }
  return d;
}

bool Dimensions::Keep(int dim, std::string_view v) const {
  return KeepShape(dim, v) && (specs[dim].filter != aggregate::DimensionSpec::kWords || !filter.IsStopword(v));
}

bool Dimensions::KeepShape(int dim, std::string_view v) const {
  if (v.empty()) return false;
  switch (specs[dim].filter) {
    case aggregate::DimensionSpec::kPhrases:
      return v.find(' ') != std::string_view::npos;
    case aggregate::DimensionSpec::kWords:
      return v.find(' ') == std::string_view::npos && v[0] != '#' && v[0] != '@' && v[0] != '$' && v.size() > 1;
    default:
      return true;
  }
}

Status ScanSegments(const storage::Archive& archive, const query::QueryResult& selected, const Dimensions& dims,
                    const std::vector<Window>& ranges, int threads, aggregate::ColumnCache* cache,
                    const std::function<Status(SegmentScan& scan, const std::vector<uint32_t>& rows)>& fn) {
  std::vector<Status> status(selected.segments.size());
  ParallelFor(selected.segments.size(), threads, [&](size_t k) {
    const auto& m = selected.segments[k];
    const auto& meta = archive.entry(m.segment).meta;
    bool overlaps = false;
    for (const auto& w : ranges) overlaps = overlaps || (meta.min_time < w.to && meta.max_time >= w.from);
    if (!overlaps) return;
    auto run = [&]() -> Status {
      ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* reader, archive.segment(m.segment));
      ROOST_ASSIGN_OR_RETURN(auto times, cache->IntColumn(*reader, "created_at"));
      std::vector<uint32_t> rows;
      for (const uint32_t r : m.rows.ToVector()) {
        const TimestampMs t = (*times)[r];
        for (const auto& w : ranges)
          if (t >= w.from && t < w.to) {
            rows.push_back(r);
            break;
          }
      }
      if (rows.empty()) return Status::Ok();
      SegmentScan scan;
      scan.task = k;
      scan.segment = m.segment;
      scan.times = times.get();
      for (size_t d = 0; d < dims.specs.size(); ++d) {
        const auto& spec = dims.specs[d];
        ColumnData* c = nullptr;
        for (auto& x : scan.columns)
          if (x.column == spec.column) c = &x;
        if (c == nullptr) {
          scan.columns.emplace_back();
          c = &scan.columns.back();
          c->column = spec.column;
          c->multi = spec.multi;
          if (spec.multi) {
            ROOST_ASSIGN_OR_RETURN(c->lists, cache->DimIdLists(*reader, spec.column));
          } else {
            ROOST_ASSIGN_OR_RETURN(c->single, cache->DimIds(*reader, spec.column));
          }
          ROOST_ASSIGN_OR_RETURN(c->dict, reader->Dictionary(spec.column));
        }
        c->dims.push_back(static_cast<int>(d));
      }
      return fn(scan, rows);
    };
    status[k] = run();
  });
  for (auto& s : status) ROOST_RETURN_IF_ERROR(s);
  return Status::Ok();
}

Result<storage::Bitmap> PostingScan::Posting(const Dimensions& dims, const TermRef& t) {
  const std::string& column = dims.specs[t.dim].column;
  auto it = std::find_if(dicts_.begin(), dicts_.end(), [&](const auto& d) { return d.first == column; });
  if (it == dicts_.end()) {
    ROOST_ASSIGN_OR_RETURN(storage::DictionaryView dict, reader->Dictionary(column));
    it = dicts_.insert(dicts_.end(), {column, dict});
  }
  const auto id = it->second.Find(t.value);
  if (!id) return storage::Bitmap();
  return reader->ValueBitmap(column, *id);
}

Status ScanPostings(const storage::Archive& archive, const query::QueryResult& selected,
                    const std::vector<Window>& ranges, int threads, aggregate::ColumnCache* cache,
                    const std::function<Status(PostingScan& scan)>& fn) {
  std::vector<Status> status(selected.segments.size());
  ParallelFor(selected.segments.size(), threads, [&](size_t k) {
    status[k] = [&]() -> Status {
      const auto& m = selected.segments[k];
      const auto& meta = archive.entry(m.segment).meta;
      PostingScan scan;
      scan.task = k;
      for (size_t w = 0; w < ranges.size(); ++w)
        if (meta.min_time < ranges[w].to && meta.max_time >= ranges[w].from) scan.hit.push_back(w);
      if (scan.hit.empty()) return Status::Ok();
      ROOST_ASSIGN_OR_RETURN(scan.reader, archive.segment(m.segment));
      scan.rows.resize(scan.hit.size());
      const Window& only = ranges[scan.hit[0]];
      if (scan.hit.size() == 1 && meta.min_time >= only.from && meta.max_time < only.to) {
        scan.rows[0] = m.rows.Copy();  // the whole segment lies in the range
      } else {
        ROOST_ASSIGN_OR_RETURN(auto times, cache->IntColumn(*scan.reader, "created_at"));
        for (const uint32_t r : m.rows.ToVector())
          for (size_t j = 0; j < scan.hit.size(); ++j)
            if ((*times)[r] >= ranges[scan.hit[j]].from && (*times)[r] < ranges[scan.hit[j]].to) {
              scan.rows[j].Add(r);
              break;
            }
      }
      return fn(scan);
    }();
  });
  for (auto& s : status) ROOST_RETURN_IF_ERROR(s);
  return Status::Ok();
}

}  // namespace roost::trends

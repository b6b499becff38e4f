#include "analysis/trends/term_scan.h"

#include <algorithm>

#include "common/parallel_for.h"

namespace roost::trends {

Result<Dimensions> Dimensions::Make(const std::vector<std::string>& names) {
  Dimensions d;
  bool words = false;
  for (const auto& n : names) {
    ROOST_ASSIGN_OR_RETURN(auto spec, aggregate::FindDimension(n));
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
      scan.times = times.get();
      for (const auto& spec : dims.specs) {
        ROOST_ASSIGN_OR_RETURN(auto d, aggregate::SegmentDimension::Load(archive, m.segment, spec, &dims.filter, cache));
        scan.dims.push_back(std::move(d));
      }
      return fn(scan, rows);
    };
    status[k] = run();
  });
  for (auto& s : status) ROOST_RETURN_IF_ERROR(s);
  return Status::Ok();
}

}  // namespace roost::trends

#include "storage/archive.h"

#include <algorithm>

#include "storage/file_util.h"

namespace roost::storage {

struct Archive::Slot {
  std::unique_ptr<SegmentReader> reader;
  Status open_status;
  mutable std::once_flag once;
  mutable Status mask_status;
  mutable Bitmap removed;   // deleted, retweets of deleted, hidden users
  mutable Bitmap scrubbed;  // geo scrubbed
};

Archive::~Archive() = default;

Result<ComplianceState> LoadCompliance(const std::string& dir, const Manifest& manifest) {
  if (manifest.compliance_file.empty()) return ComplianceState();
  const std::string path = ComplianceDir(dir) + "/" + manifest.compliance_file;
  ROOST_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path));
  return ComplianceState::Parse(bytes, path);
}

Result<std::shared_ptr<const Archive>> Archive::Open(const std::string& dir) {
  // A compaction may delete a listed file between our reading the manifest
  // and opening it; the newer manifest then no longer lists it, so retry.
  for (int attempt = 0;; ++attempt) {
    std::shared_ptr<Archive> a(new Archive());
    a->dir_ = dir;
    ROOST_ASSIGN_OR_RETURN(a->manifest_, Manifest::Load(dir));
    auto compliance = LoadCompliance(dir, a->manifest_);
    if (!compliance.ok() && compliance.status().code() == StatusCode::kNotFound && attempt < 5) continue;
    if (!compliance.ok()) return compliance.status();
    a->compliance_ = std::move(compliance).value();
    a->sorted_deleted_ = a->compliance_.SortedDeleted();
    bool vanished = false;
    for (const auto& e : a->manifest_.segments) {
      auto slot = std::make_unique<Slot>();
      auto r = SegmentReader::Open(SegmentDir(dir) + "/" + e.file);
      if (r.ok()) {
        slot->reader = std::move(r).value();
        if (slot->reader->row_count() != e.meta.rows)
          slot->open_status = Status::Corruption("segment " + e.file + ": row count differs from the manifest");
      } else {
        if (r.status().code() == StatusCode::kNotFound) vanished = true;
        slot->open_status = r.status();
      }
      a->slots_.push_back(std::move(slot));
    }
    if (vanished && attempt < 5) continue;
    return std::shared_ptr<const Archive>(std::move(a));
  }
}

Result<const SegmentReader*> Archive::segment(size_t i) const {
  const Slot& s = *slots_[i];
  if (!s.open_status.ok()) return s.open_status;
  return s.reader.get();
}

std::vector<size_t> Archive::SegmentsOverlapping(TimestampMs from, TimestampMs to) const {
  std::vector<size_t> out;
  for (size_t i = 0; i < manifest_.segments.size(); ++i) {
    const auto& m = manifest_.segments[i].meta;
    if (m.max_time >= from && m.min_time < to) out.push_back(i);
  }
  return out;
}

Status Archive::ComputeMasks(size_t i) const {
  const Slot& s = *slots_[i];
  std::call_once(s.once, [&] {
    s.mask_status = [&]() -> Status {
      ROOST_ASSIGN_OR_RETURN(const SegmentReader* r, segment(i));
      const SegmentMeta& m = r->meta();
      // Deleted tweets stored before their delete arrived.
      auto lo = std::lower_bound(sorted_deleted_.begin(), sorted_deleted_.end(), m.min_id);
      for (auto it = lo; it != sorted_deleted_.end() && *it <= m.max_id; ++it) {
        ROOST_ASSIGN_OR_RETURN(auto row, r->FindRow(*it));
        if (row) s.removed.Add(*row);
      }
      // Retweets of deleted tweets: index lookups for few deletes, a column
      // scan when deletes outnumber a fraction of the rows.
      if (sorted_deleted_.size() < r->row_count() / 8) {
        for (uint64_t id : sorted_deleted_) {
          ROOST_ASSIGN_OR_RETURN(auto rows, r->RetweetRows(id));
          for (uint32_t row : rows) s.removed.Add(row);
        }
      } else if (!sorted_deleted_.empty()) {
        ROOST_ASSIGN_OR_RETURN(auto rt, r->ReadInts("retweet_of"));
        for (uint32_t row = 0; row < rt.size(); ++row)
          if (rt[row] != 0 && compliance_.IsDeleted(static_cast<uint64_t>(rt[row]))) s.removed.Add(row);
      }
      for (const auto& [user, flags] : compliance_.hidden_users()) {
        ROOST_ASSIGN_OR_RETURN(Bitmap b, r->Lookup("user", std::to_string(user)));
        s.removed.OrWith(b);
      }
      std::vector<int64_t> ids;
      for (const auto& [user, up_to] : compliance_.scrub_geo()) {
        ROOST_ASSIGN_OR_RETURN(Bitmap b, r->Lookup("user", std::to_string(user)));
        if (b.Empty()) continue;
        if (up_to >= m.max_id) {
          s.scrubbed.OrWith(b);
          continue;
        }
        if (ids.empty()) {
          ROOST_ASSIGN_OR_RETURN(ids, r->ReadInts("id"));
        }
        for (uint32_t row : b.ToVector())
          if (static_cast<uint64_t>(ids[row]) <= up_to) s.scrubbed.Add(row);
      }
      return Status::Ok();
    }();
  });
  return s.mask_status;
}

Result<Bitmap> Archive::VisibleRows(size_t i, std::string_view viewer_country) const {
  ROOST_RETURN_IF_ERROR(ComputeMasks(i));
  const Slot& s = *slots_[i];
  const SegmentReader* r = s.reader.get();
  Bitmap visible = Bitmap::Range(0, static_cast<uint32_t>(r->row_count()));
  visible.AndNotWith(s.removed);
  if (viewer_country.empty()) return visible;
  // "XX" withholds in every country.
  for (std::string_view c : {viewer_country, std::string_view("XX")}) {
    ROOST_ASSIGN_OR_RETURN(Bitmap b, r->Lookup("withheld", c));
    visible.AndNotWith(b);
  }
  auto lists = [&](const std::vector<std::string>& countries) {
    return std::find(countries.begin(), countries.end(), viewer_country) != countries.end() ||
           std::find(countries.begin(), countries.end(), "XX") != countries.end();
  };
  for (const auto& [tweet, countries] : compliance_.status_withheld()) {
    if (!lists(countries)) continue;
    ROOST_ASSIGN_OR_RETURN(auto row, r->FindRow(tweet));
    if (row) visible.AndNotWith(Bitmap::Range(*row, *row + 1));
  }
  for (const auto& [user, countries] : compliance_.user_withheld()) {
    if (!lists(countries)) continue;
    ROOST_ASSIGN_OR_RETURN(Bitmap b, r->Lookup("user", std::to_string(user)));
    visible.AndNotWith(b);
  }
  return visible;
}

Result<Bitmap> Archive::GeoScrubbedRows(size_t i) const {
  ROOST_RETURN_IF_ERROR(ComputeMasks(i));
  return slots_[i]->scrubbed.Copy();
}

Result<Bitmap> Archive::Lookup(size_t i, std::string_view column, std::string_view value,
                               std::string_view viewer_country) const {
  ROOST_ASSIGN_OR_RETURN(const SegmentReader* r, segment(i));
  ROOST_ASSIGN_OR_RETURN(Bitmap rows, r->Lookup(column, value));
  if (rows.Empty()) return rows;
  ROOST_ASSIGN_OR_RETURN(Bitmap visible, VisibleRows(i, viewer_country));
  rows.AndWith(visible);
  if (IsGeoDim(std::string(column))) rows.AndNotWith(slots_[i]->scrubbed);
  return rows;
}

Result<uint64_t> Archive::CountVisible(std::string_view viewer_country) const {
  uint64_t n = 0;
  for (size_t i = 0; i < slots_.size(); ++i) {
    ROOST_ASSIGN_OR_RETURN(Bitmap b, VisibleRows(i, viewer_country));
    n += b.Cardinality();
  }
  return n;
}

}  // namespace roost::storage

#include "storage/archive.h"

#include <algorithm>
#include <map>

#include "storage/compliance_masks.h"
#include "storage/file_util.h"

namespace roost::storage {

struct Archive::Slot {
  std::unique_ptr<SegmentReader> reader;
  Status open_status;
  bool masks_loaded = false;  // removed/scrubbed came from the masks file
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
    // The masks the commit stored (absent or damaged: computed on first use).
    std::map<std::string, SegmentMasks> masks;
    if (!a->compliance_.empty()) {
      const std::string name = MasksFileName(a->manifest_.version);
      auto bytes = ReadWholeFile(ComplianceDir(dir) + "/" + name);
      if (bytes.ok()) {
        auto parsed = ParseMasks(*bytes, name);
        if (parsed.ok()) masks = std::move(parsed).value();
      }
    }
    bool vanished = false;
    for (const auto& e : a->manifest_.segments) {
      auto slot = std::make_unique<Slot>();
      auto r = SegmentReader::Open(SegmentDir(dir) + "/" + e.file);
      if (r.ok()) {
        slot->reader = std::move(r).value();
        if (slot->reader->row_count() != e.meta.rows)
          slot->open_status = Status::Corruption("segment " + e.file + ": row count differs from the manifest");
        auto m = masks.find(e.file);
        if (slot->open_status.ok() && m != masks.end() && m->second.rows == e.meta.rows) {
          slot->removed = std::move(m->second.removed);
          slot->scrubbed = std::move(m->second.scrubbed);
          slot->masks_loaded = true;
        }
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

const std::vector<uint64_t>& Archive::SortedDeleted() const {
  std::call_once(sorted_once_, [&] { sorted_deleted_ = compliance_.SortedDeleted(); });
  return sorted_deleted_;
}

Status Archive::ComputeMasks(size_t i) const {
  const Slot& s = *slots_[i];
  if (s.masks_loaded) return Status::Ok();
  std::call_once(s.once, [&] {
    s.mask_status = [&]() -> Status {
      ROOST_ASSIGN_OR_RETURN(const SegmentReader* r, segment(i));
      ROOST_ASSIGN_OR_RETURN(SegmentMasks m, ComputeSegmentMasks(*r, compliance_, SortedDeleted()));
      s.removed = std::move(m.removed);
      s.scrubbed = std::move(m.scrubbed);
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

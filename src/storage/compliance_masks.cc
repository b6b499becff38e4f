#include "storage/compliance_masks.h"

#include <algorithm>
#include <cstring>

#include "storage/encoding.h"

namespace roost::storage {
namespace {

constexpr char kMasksMagic[8] = {'R', 'O', 'O', 'S', 'T', 'M', 'S', 'K'};
constexpr uint32_t kMasksVersion = 1;

void PutBitmap(std::string* out, const Bitmap& b) {
  std::string bytes(roaring_bitmap_portable_size_in_bytes(b.raw()), '\0');
  roaring_bitmap_portable_serialize(b.raw(), bytes.data());
  PutString(out, bytes);
}

bool GetBitmap(ByteReader* in, Bitmap* b) {
  std::string_view bytes;
  if (!in->GetString(&bytes)) return false;
  roaring_bitmap_t* r = roaring_bitmap_portable_deserialize_safe(bytes.data(), bytes.size());
  if (r == nullptr) return false;
  *b = Bitmap(r);
  return true;
}

}  // namespace

Result<SegmentMasks> ComputeSegmentMasks(const SegmentReader& r, const ComplianceState& cs,
                                         const std::vector<uint64_t>& sorted_deleted) {
  SegmentMasks out;
  out.rows = r.row_count();
  const SegmentMeta& m = r.meta();
  // Deleted tweets stored before their delete arrived, and retweets of
  // deleted tweets: one merge of the sorted deletes with each id index.
  ROOST_ASSIGN_OR_RETURN(auto deleted_rows, r.RowsOfIds(sorted_deleted));
  for (uint32_t row : deleted_rows) out.removed.Add(row);
  ROOST_ASSIGN_OR_RETURN(auto retweet_rows, r.RetweetRowsOf(sorted_deleted));
  for (uint32_t row : retweet_rows) out.removed.Add(row);
  for (const auto& [user, flags] : cs.hidden_users()) {
    ROOST_ASSIGN_OR_RETURN(Bitmap b, r.Lookup("user", std::to_string(user)));
    out.removed.OrWith(b);
  }
  std::vector<int64_t> ids;
  for (const auto& [user, up_to] : cs.scrub_geo()) {
    ROOST_ASSIGN_OR_RETURN(Bitmap b, r.Lookup("user", std::to_string(user)));
    if (b.Empty()) continue;
    if (up_to >= m.max_id) {
      out.scrubbed.OrWith(b);
      continue;
    }
    if (ids.empty()) {
      ROOST_ASSIGN_OR_RETURN(ids, r.ReadInts("id"));
    }
    for (uint32_t row : b.ToVector())
      if (static_cast<uint64_t>(ids[row]) <= up_to) out.scrubbed.Add(row);
  }
  return out;
}

std::string MasksFileName(uint64_t manifest_version) {
  return "masks-" + std::to_string(manifest_version) + ".rmask";
}

bool IsMasksFileName(std::string_view name) { return name.starts_with("masks-") && name.ends_with(".rmask"); }

std::string SerializeMasks(const std::map<std::string, SegmentMasks>& masks) {
  std::string out(kMasksMagic, 8);
  PutFixed32(&out, kMasksVersion);
  PutVarint(&out, masks.size());
  for (const auto& [file, m] : masks) {
    PutString(&out, file);
    PutVarint(&out, m.rows);
    PutBitmap(&out, m.removed);
    PutBitmap(&out, m.scrubbed);
  }
  PutFixed64(&out, Checksum(out));
  return out;
}

Result<std::map<std::string, SegmentMasks>> ParseMasks(std::string_view bytes, const std::string& what) {
  auto bad = [&](const char* detail) { return Status::Corruption(what + ": " + detail); };
  if (bytes.size() < 20 || std::memcmp(bytes.data(), kMasksMagic, 8) != 0) return bad("not a masks file");
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  if (Checksum(body) != LoadFixed64(bytes.data() + body.size())) return bad("checksum mismatch");
  ByteReader in(body.substr(8));
  uint32_t version;
  uint64_t count;
  if (!in.GetFixed32(&version) || version != kMasksVersion) return bad("unknown version");
  if (!in.GetVarint(&count)) return bad("truncated");
  std::map<std::string, SegmentMasks> out;
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view file;
    SegmentMasks m;
    if (!in.GetString(&file) || !in.GetVarint(&m.rows) || !GetBitmap(&in, &m.removed) || !GetBitmap(&in, &m.scrubbed))
      return bad("truncated entry");
    out.emplace(std::string(file), std::move(m));
  }
  if (!in.done()) return bad("trailing bytes");
  return out;
}

}  // namespace roost::storage

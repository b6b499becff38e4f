// SegmentReader: the parts of format version 2 (docs/FORMAT.md) that
// version 1 does not have: front-coded dictionaries, one-varint posting
// headers and the handle stored through the user column.
#include <algorithm>

#include "storage/encoding.h"
#include "storage/segment_reader.h"

namespace roost::storage {
namespace {

// Decodes value after value of one front-coded block into `*cur`.
class FrontCodedBlock {
 public:
  explicit FrontCodedBlock(std::string_view bytes) : in_(bytes) {}
  // False at the end of the block or on malformed bytes (`bad()` tells).
  bool Next(std::string* cur) {
    if (in_.done()) return false;
    uint64_t shared = 0;
    std::string_view suffix;
    if ((!first_ && !in_.GetVarint(&shared)) || shared > cur->size() || !in_.GetString(&suffix)) {
      bad_ = true;
      return false;
    }
    first_ = false;
    cur->resize(shared);
    cur->append(suffix);
    return true;
  }
  bool bad() const { return bad_; }

 private:
  ByteReader in_;
  bool first_ = true;
  bool bad_ = false;
};

}  // namespace

Result<DictionaryView> SegmentReader::DecodedDictionary(std::string_view column) const {
  const std::string block = std::string(column) + ".dict";
  {
    std::lock_guard<std::mutex> lock(dict_mu_);
    auto it = decoded_dicts_.find(block);
    if (it != decoded_dicts_.end()) {
      const std::string& d = *it->second;
      const uint32_t count = static_cast<uint32_t>(d.size() >= 4 ? LoadFixed32(d.data()) : 0);
      return DictionaryView(d.data() + 4, d.data() + 4 + 4ull * (count + 1), count, it->second);
    }
  }
  ROOST_ASSIGN_OR_RETURN(std::string_view bytes, WholeBlock(block));
  if (bytes.size() < 8) return CorruptionAt(block, "too short");
  const uint32_t count = LoadFixed32(bytes.data()), blocks = LoadFixed32(bytes.data() + 4);
  const uint64_t table = 8 + 4ull * (blocks + 1);
  if (blocks != (uint64_t{count} + kDictBlock - 1) / kDictBlock || bytes.size() < table)
    return CorruptionAt(block, "bad block table");
  const char* data = bytes.data() + table;
  const uint64_t data_len = bytes.size() - table;
  // Decoded in the v1 layout: u32 count, u32 offsets[count+1], the bytes.
  std::string offsets, values;
  offsets.reserve(4 + 4ull * (count + 1));
  values.reserve(data_len * 2);
  PutFixed32(&offsets, count);
  PutFixed32(&offsets, 0);
  std::string cur;
  for (uint32_t b = 0; b < blocks; ++b) {
    const uint64_t begin = LoadFixed32(bytes.data() + 8 + 4ull * b), end = LoadFixed32(bytes.data() + 12 + 4ull * b);
    if (begin > end || end > data_len) return CorruptionAt(block, "bad block offsets");
    FrontCodedBlock fc(std::string_view(data + begin, end - begin));
    uint32_t n = 0;
    while (fc.Next(&cur)) {
      values += cur;
      if (values.size() > UINT32_MAX) return CorruptionAt(block, "too large");
      PutFixed32(&offsets, static_cast<uint32_t>(values.size()));
      ++n;
    }
    const uint32_t want = b + 1 < blocks ? kDictBlock : count - b * kDictBlock;
    if (fc.bad() || n != want) return CorruptionAt(block, "bad block");
  }
  auto decoded = std::make_shared<std::string>(std::move(offsets));
  *decoded += values;
  std::string().swap(values);
  std::shared_ptr<const std::string> owner = std::move(decoded);
  {
    std::lock_guard<std::mutex> lock(dict_mu_);
    owner = decoded_dicts_.emplace(block, owner).first->second;  // another thread may have won
  }
  const std::string& d = *owner;
  return DictionaryView(d.data() + 4, d.data() + 4 + 4ull * (count + 1), count, owner);
}

Result<std::optional<uint32_t>> SegmentReader::FindFrontCoded(const BlockInfo& b, std::string_view value) const {
  const char* what = b.name.c_str();
  if (b.length < 8) return CorruptionAt(what, "too short");
  ROOST_ASSIGN_OR_RETURN(std::string_view head, Bytes(b.offset, 8, what));
  const uint32_t count = LoadFixed32(head.data()), blocks = LoadFixed32(head.data() + 4);
  const uint64_t table_at = b.offset + 8, data_at = table_at + 4ull * (blocks + 1);
  if (blocks != (uint64_t{count} + kDictBlock - 1) / kDictBlock || data_at > b.offset + b.length)
    return CorruptionAt(what, "bad block table");
  const uint64_t data_len = b.offset + b.length - data_at;
  auto block_at = [&](uint32_t i) { return OffsetSlice(table_at, data_at, data_len, i, what); };
  // The last block whose first value is <= `value`.
  uint32_t lo = 0, hi = blocks;
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    ROOST_ASSIGN_OR_RETURN(std::string_view bytes, block_at(mid));
    ByteReader in(bytes);
    std::string_view first;
    if (!in.GetString(&first)) return CorruptionAt(what, "bad block");
    if (first <= value) lo = mid + 1; else hi = mid;
  }
  if (lo == 0) return std::optional<uint32_t>();
  ROOST_ASSIGN_OR_RETURN(std::string_view bytes, block_at(lo - 1));
  FrontCodedBlock fc(bytes);
  std::string cur;
  for (uint32_t k = 0; fc.Next(&cur); ++k) {
    if (cur == value) return std::optional<uint32_t>((lo - 1) * kDictBlock + k);
    if (cur > value) break;
  }
  if (fc.bad()) return CorruptionAt(what, "bad block");
  return std::optional<uint32_t>();
}

Result<std::optional<std::vector<uint32_t>>> SegmentReader::HandleUsers() const {
  using Out = std::optional<std::vector<uint32_t>>;
  if (version_ < 2 || block_index_.find("handle.user") == block_index_.end()) return Out();
  ROOST_ASSIGN_OR_RETURN(std::string_view bytes, WholeBlock("handle.user"));
  if (bytes.size() < 5) return CorruptionAt("handle.user", "too short");
  const uint32_t count = LoadFixed32(bytes.data()), bits = static_cast<uint8_t>(bytes[4]);
  if (bits == 0 || bits > 32 || bytes.size() < 5 + (uint64_t{count} * bits + 7) / 8 + 8)
    return CorruptionAt("handle.user", "bad size");
  const char* p = bytes.data() + 5;
  const uint64_t mask = (uint64_t{1} << bits) - 1;
  std::vector<uint32_t> users(count);
  for (uint64_t i = 0, pos = 0; i < count; ++i, pos += bits) {
    users[i] = static_cast<uint32_t>((LoadFixed64(p + pos / 8) >> (pos % 8)) & mask);
    if (users[i] >= count) return CorruptionAt("handle.user", "user id out of range");
  }
  return Out(std::move(users));
}

Result<std::optional<uint32_t>> SegmentReader::HandleUser(uint32_t id) const {
  using Out = std::optional<uint32_t>;
  if (version_ < 2) return Out();
  auto it = block_index_.find("handle.user");
  if (it == block_index_.end()) return Out();
  const BlockInfo& b = blocks_[it->second];
  ROOST_ASSIGN_OR_RETURN(std::string_view head, Bytes(b.offset, std::min<uint64_t>(5, b.length), "handle.user"));
  if (head.size() < 5) return CorruptionAt("handle.user", "too short");
  const uint32_t count = LoadFixed32(head.data()), bits = static_cast<uint8_t>(head[4]);
  if (bits == 0 || bits > 32 || b.length < 5 + (uint64_t{count} * bits + 7) / 8 + 8)
    return CorruptionAt("handle.user", "bad size");
  if (id >= count) return CorruptionAt("handle.user", "handle id out of range");
  const uint64_t pos = uint64_t{id} * bits;
  ROOST_ASSIGN_OR_RETURN(std::string_view word, Bytes(b.offset + 5 + pos / 8, 8, "handle.user"));
  const uint64_t user = (LoadFixed64(word.data()) >> (pos % 8)) & ((uint64_t{1} << bits) - 1);
  if (user >= count) return CorruptionAt("handle.user", "user id out of range");
  return Out(static_cast<uint32_t>(user));
}

Result<std::vector<int64_t>> SegmentReader::IdsFromKeys() const {
  ROOST_ASSIGN_OR_RETURN(std::string_view bytes, WholeBlock("id.keys"));
  if (bytes.size() < 12) return CorruptionAt("id.keys", "too short");
  const uint64_t count = LoadFixed64(bytes.data());
  const uint32_t groups = LoadFixed32(bytes.data() + 8);
  const uint64_t data_at = 12 + 8ull * groups + 8ull * (groups + 1);
  if (count != meta_.rows || data_at > bytes.size() || groups != (count + kIndexGroup - 1) / kIndexGroup)
    return CorruptionAt("id.keys", "bad header");
  std::vector<int64_t> ids;
  ids.reserve(count);
  ByteReader in(bytes.substr(data_at));
  for (uint32_t g = 0; g < groups; ++g) {
    uint64_t key = LoadFixed64(bytes.data() + 12 + 8ull * g), delta;
    const uint64_t end = std::min<uint64_t>(count, uint64_t{g + 1} * kIndexGroup);
    while (ids.size() < end) {
      if (!in.GetVarint(&delta)) return CorruptionAt("id.keys", "bad group");
      key += delta;
      ids.push_back(static_cast<int64_t>(key));
    }
  }
  if (!in.done()) return CorruptionAt("id.keys", "trailing bytes");
  return ids;
}

Result<Bitmap> SegmentReader::PostingV2(std::string_view block, std::string_view group, uint32_t index) const {
  ByteReader in(group);
  for (uint32_t k = 0;; ++k) {
    uint64_t h;
    if (!in.GetVarint(&h)) return CorruptionAt(block, "truncated posting group");
    const uint64_t n = h >> 1;  // bytes
    const char* p;
    if (!in.GetBytes(n, &p)) return CorruptionAt(block, "bad posting length");
    if (k < index) continue;
    if (h & 1) {  // a portable CRoaring bitmap
      roaring_bitmap_t* r = roaring_bitmap_portable_deserialize_safe(p, n);
      if (r == nullptr) return CorruptionAt(block, "bad bitmap");
      return Bitmap(r);
    }
    // delta-varint rows
    std::vector<uint32_t> rows;
    rows.reserve(n);
    ByteReader list(p, p + n);
    uint64_t delta, row = 0;
    while (!list.done()) {
      if (!list.GetVarint(&delta)) return CorruptionAt(block, "bad posting list");
      row += delta;
      if (row >= meta_.rows) return CorruptionAt(block, "row outside the segment");
      rows.push_back(static_cast<uint32_t>(row));
    }
    return Bitmap(roaring_bitmap_of_ptr(rows.size(), rows.data()));
  }
}

}  // namespace roost::storage

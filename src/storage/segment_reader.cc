#include "storage/segment_reader.h"

#include <algorithm>
#include <bit>
#include <filesystem>

#include "storage/encoding.h"

namespace roost::storage {

std::string_view DictionaryView::value(uint32_t id) const {
  uint32_t b = LoadFixed32(offsets_ + 4 * id), e = LoadFixed32(offsets_ + 4 * (id + 1));
  return std::string_view(bytes_ + b, e - b);
}

std::optional<uint32_t> DictionaryView::Find(std::string_view v) const {
  uint32_t lo = 0, hi = count_;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (value(mid) < v) lo = mid + 1; else hi = mid;
  }
  if (lo < count_ && value(lo) == v) return lo;
  return std::nullopt;
}

std::string SegmentReader::name() const { return std::filesystem::path(file_->path()).filename().string(); }

Status SegmentReader::CorruptionAt(std::string_view what, std::string_view detail) const {
  return Status::Corruption("segment " + name() + ": " + std::string(what) + ": " + std::string(detail));
}

Result<std::unique_ptr<SegmentReader>> SegmentReader::Open(const std::string& path) {
  std::unique_ptr<SegmentReader> r(new SegmentReader());
  ROOST_ASSIGN_OR_RETURN(r->file_, MappedFile::Open(path));
  const char* base = r->file_->data();
  const size_t size = r->file_->size();
  if (size < kHeaderSize + kFooterSize || std::memcmp(base, kSegmentMagic, 8) != 0 ||
      std::memcmp(base + size - 8, kSegmentMagic, 8) != 0)
    return r->CorruptionAt("footer", "not a segment file (bad magic or too short)");
  const char* f = base + size - kFooterSize;
  r->page_table_offset_ = LoadFixed64(f);
  r->page_count_ = LoadFixed64(f + 8);
  uint64_t dir_offset = LoadFixed64(f + 16), dir_length = LoadFixed64(f + 24);
  r->meta_.rows = LoadFixed64(f + 32);
  r->version_ = LoadFixed32(f + 40);
  uint32_t page_size = LoadFixed32(f + 44);
  uint64_t meta_sum = LoadFixed64(f + 48);
  if (r->version_ > kFormatVersion)
    return Status::Unsupported("segment " + r->name() + ": format version " + std::to_string(r->version_) +
                               " is newer than this build reads (" + std::to_string(kFormatVersion) + ")");
  const uint64_t footer_at = size - kFooterSize;
  if (page_size != kPageSize || r->page_table_offset_ > footer_at ||
      r->page_count_ != (r->page_table_offset_ + kPageSize - 1) / kPageSize ||
      r->page_table_offset_ + 8 * r->page_count_ != dir_offset || dir_offset + dir_length != footer_at)
    return r->CorruptionAt("footer", "inconsistent offsets");
  std::string meta_bytes(base + r->page_table_offset_, footer_at + 48 - r->page_table_offset_);
  if (Checksum(meta_bytes) != meta_sum) return r->CorruptionAt("footer", "directory checksum mismatch");

  ByteReader dir(base + dir_offset, base + dir_offset + dir_length);
  uint64_t v[5], count;
  for (auto& x : v)
    if (!dir.GetVarint(&x)) return r->CorruptionAt("directory", "truncated");
  r->meta_.min_time = UnZigZag(v[0]);
  r->meta_.max_time = UnZigZag(v[1]);
  r->meta_.min_id = v[2];
  r->meta_.max_id = v[3];
  r->meta_.partition_start = UnZigZag(v[4]);
  if (!dir.GetVarint(&count)) return r->CorruptionAt("directory", "truncated");
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view nm;
    BlockInfo b;
    if (!dir.GetString(&nm) || !dir.GetVarint(&b.offset) || !dir.GetVarint(&b.length))
      return r->CorruptionAt("directory", "truncated");
    if (b.offset < kHeaderSize || b.offset + b.length > r->page_table_offset_)
      return r->CorruptionAt("directory", "block outside the file");
    b.name = std::string(nm);
    r->block_index_[b.name] = r->blocks_.size();
    r->blocks_.push_back(std::move(b));
  }
  r->page_state_.reset(new std::atomic<uint8_t>[r->page_count_]);
  for (uint64_t i = 0; i < r->page_count_; ++i) r->page_state_[i].store(0, std::memory_order_relaxed);
  return r;
}

std::map<std::string, uint64_t> SegmentReader::ColumnSizes() const {
  std::map<std::string, uint64_t> out;
  for (const auto& b : blocks_) out[b.name.substr(0, b.name.find('.'))] += b.length;
  return out;
}

Status SegmentReader::VerifyPage(uint64_t page, const char* what) const {
  uint8_t state = page_state_[page].load(std::memory_order_acquire);
  if (state == 0) {
    uint64_t begin = page * kPageSize;
    uint64_t len = std::min<uint64_t>(kPageSize, page_table_offset_ - begin);
    uint64_t expect = LoadFixed64(file_->data() + page_table_offset_ + 8 * page);
    state = Checksum(file_->data() + begin, len) == expect ? 1 : 2;
    page_state_[page].store(state, std::memory_order_release);
  }
  if (state == 2) {
    // Name the block the damaged page belongs to, for the report.
    std::string block = what;
    for (const auto& b : blocks_)
      if (b.offset < (page + 1) * kPageSize && b.offset + b.length > page * kPageSize) {
        block = b.name;
        break;
      }
    return CorruptionAt("page " + std::to_string(page) + " (block " + block + ")", "checksum mismatch");
  }
  return Status::Ok();
}

Status SegmentReader::VerifyAll() const {
  for (uint64_t p = 0; p < page_count_; ++p) ROOST_RETURN_IF_ERROR(VerifyPage(p, "header"));
  return Status::Ok();
}

Result<std::string_view> SegmentReader::Bytes(uint64_t offset, uint64_t length, const char* what) const {
  if (offset + length > page_table_offset_) return CorruptionAt(what, "reference outside the file");
  if (length > 0)
    for (uint64_t p = offset / kPageSize; p <= (offset + length - 1) / kPageSize; ++p)
      ROOST_RETURN_IF_ERROR(VerifyPage(p, what));
  return std::string_view(file_->data() + offset, length);
}

Result<std::string_view> SegmentReader::OffsetSlice(uint64_t table_at, uint64_t data_at, uint64_t data_len,
                                                    uint32_t i, const char* what) const {
  ROOST_ASSIGN_OR_RETURN(std::string_view offs, Bytes(table_at + 4ull * i, 8, what));
  const uint32_t begin = LoadFixed32(offs.data()), end = LoadFixed32(offs.data() + 4);
  if (begin > end || end > data_len) return CorruptionAt(what, "bad offsets");
  return Bytes(data_at + begin, end - begin, what);
}

Result<const SegmentReader::BlockInfo*> SegmentReader::FindBlock(std::string_view nm) const {
  auto it = block_index_.find(nm);
  if (it == block_index_.end()) return Status::NotFound("segment " + name() + ": no block " + std::string(nm));
  return &blocks_[it->second];
}

Result<std::string_view> SegmentReader::WholeBlock(std::string_view nm) const {
  ROOST_ASSIGN_OR_RETURN(const BlockInfo* b, FindBlock(nm));
  return Bytes(b->offset, b->length, b->name.c_str());
}

Result<std::vector<std::string>> SegmentReader::ReadGranules(std::string_view block) const {
  ROOST_ASSIGN_OR_RETURN(std::string_view bytes, WholeBlock(block));
  ByteReader in(bytes);
  uint32_t count;
  if (!in.GetFixed32(&count) || in.remaining() < 8ull * (count + 1)) return CorruptionAt(block, "bad granule table");
  const char* table = bytes.data() + 4;
  const char* data = table + 8ull * (count + 1);
  const uint64_t data_len = bytes.size() - (data - bytes.data());
  std::vector<std::string> out;
  out.reserve(count);
  for (uint32_t g = 0; g < count; ++g) {
    uint64_t b = LoadFixed64(table + 8ull * g), e = LoadFixed64(table + 8ull * (g + 1));
    if (b > e || e > data_len) return CorruptionAt(block, "bad granule offsets");
    auto raw = Decompress(std::string_view(data + b, e - b));
    if (!raw.ok()) return CorruptionAt(block, raw.status().message());
    out.push_back(std::move(raw).value());
  }
  return out;
}

namespace {
std::string BlockOf(std::string_view column, const char* part) { return std::string(column) + part; }
}  // namespace

Result<std::vector<int64_t>> SegmentReader::ReadInts(std::string_view column) const {
  if (column == "id" && HasIdKeys()) return IdsFromKeys();
  const std::string block = BlockOf(column, ".data");
  ROOST_ASSIGN_OR_RETURN(auto granules, ReadGranules(block));
  const bool delta = column == "id" || column == "created_at";
  std::vector<int64_t> out;
  out.reserve(meta_.rows);
  int64_t prev = 0;
  for (const auto& g : granules) {
    ByteReader in(g);
    uint64_t v;
    while (!in.done()) {
      if (!in.GetVarint(&v)) return CorruptionAt(block, "bad varint");
      int64_t x = UnZigZag(v);
      prev = delta ? prev + x : x;
      out.push_back(prev);
    }
  }
  if (out.size() != meta_.rows) return CorruptionAt(block, "row count mismatch");
  return out;
}

Result<std::vector<double>> SegmentReader::ReadDoubles(std::string_view column) const {
  const std::string block = BlockOf(column, ".data");
  ROOST_ASSIGN_OR_RETURN(auto granules, ReadGranules(block));
  std::vector<double> out;
  out.reserve(meta_.rows);
  for (const auto& g : granules) {
    if (g.size() % 8 != 0) return CorruptionAt(block, "bad double granule");
    for (size_t i = 0; i < g.size(); i += 8) out.push_back(std::bit_cast<double>(LoadFixed64(g.data() + i)));
  }
  if (out.size() != meta_.rows) return CorruptionAt(block, "row count mismatch");
  return out;
}

Result<std::vector<std::string>> SegmentReader::ReadStrings(std::string_view column) const {
  const std::string block = BlockOf(column, ".data");
  ROOST_ASSIGN_OR_RETURN(auto granules, ReadGranules(block));
  std::vector<std::string> out;
  out.reserve(meta_.rows);
  for (const auto& g : granules) {
    ByteReader in(g);
    std::string_view s;
    while (!in.done()) {
      if (!in.GetString(&s)) return CorruptionAt(block, "bad string");
      out.emplace_back(s);
    }
  }
  if (out.size() != meta_.rows) return CorruptionAt(block, "row count mismatch");
  return out;
}

Result<std::vector<std::vector<std::string>>> SegmentReader::ReadStringLists(std::string_view column) const {
  const std::string block = BlockOf(column, ".data");
  ROOST_ASSIGN_OR_RETURN(auto granules, ReadGranules(block));
  std::vector<std::vector<std::string>> out;
  out.reserve(meta_.rows);
  for (const auto& g : granules) {
    ByteReader in(g);
    while (!in.done()) {
      uint64_t n;
      if (!in.GetVarint(&n) || n > in.remaining()) return CorruptionAt(block, "bad list");
      auto& row = out.emplace_back();
      std::string_view s;
      for (uint64_t i = 0; i < n; ++i) {
        if (!in.GetString(&s)) return CorruptionAt(block, "bad string");
        row.emplace_back(s);
      }
    }
  }
  if (out.size() != meta_.rows) return CorruptionAt(block, "row count mismatch");
  return out;
}

Result<std::vector<std::vector<int64_t>>> SegmentReader::ReadIntLists(std::string_view column) const {
  const std::string block = BlockOf(column, ".data");
  ROOST_ASSIGN_OR_RETURN(auto granules, ReadGranules(block));
  std::vector<std::vector<int64_t>> out;
  out.reserve(meta_.rows);
  for (const auto& g : granules) {
    ByteReader in(g);
    while (!in.done()) {
      uint64_t n, v;
      if (!in.GetVarint(&n) || n > in.remaining()) return CorruptionAt(block, "bad list");
      auto& row = out.emplace_back();
      for (uint64_t i = 0; i < n; ++i) {
        if (!in.GetVarint(&v)) return CorruptionAt(block, "bad varint");
        row.push_back(UnZigZag(v));
      }
    }
  }
  if (out.size() != meta_.rows) return CorruptionAt(block, "row count mismatch");
  return out;
}

Result<DictionaryView> SegmentReader::Dictionary(std::string_view column) const {
  if (version_ >= 2) return DecodedDictionary(column);
  const std::string block = BlockOf(column, ".dict");
  ROOST_ASSIGN_OR_RETURN(std::string_view bytes, WholeBlock(block));
  if (bytes.size() < 8) return CorruptionAt(block, "too short");
  uint32_t count = LoadFixed32(bytes.data());
  const uint64_t table = 4 * (uint64_t{count} + 1);
  if (bytes.size() < 4 + table) return CorruptionAt(block, "bad offsets");
  const char* offsets = bytes.data() + 4;
  const char* values = offsets + table;
  if (LoadFixed32(offsets + 4ull * count) != bytes.size() - 4 - table) return CorruptionAt(block, "bad length");
  // Values are read straight from the file: offsets that went backwards
  // would point outside it (cheaper than the checksum of the block above).
  for (uint32_t i = 0; i < count; ++i)
    if (LoadFixed32(offsets + 4ull * i) > LoadFixed32(offsets + 4ull * (i + 1)))
      return CorruptionAt(block, "bad offsets");
  return DictionaryView(offsets, values, count);
}

Result<std::vector<uint32_t>> SegmentReader::ReadDimIds(std::string_view column) const {
  if (column == "handle") {
    ROOST_ASSIGN_OR_RETURN(auto users, HandleUsers());
    if (users) {
      // Handle ids through the user column: invert handle -> user.
      std::vector<uint32_t> handle_of(users->size(), 0);
      for (uint32_t h = 0; h < users->size(); ++h) handle_of[(*users)[h]] = h;
      ROOST_ASSIGN_OR_RETURN(std::vector<uint32_t> ids, ReadDimIds("user"));
      for (uint32_t& id : ids) {
        if (id >= handle_of.size()) return CorruptionAt("handle.user", "user id out of range");
        id = handle_of[id];
      }
      return ids;
    }
  }
  const std::string block = BlockOf(column, ".ids");
  ROOST_ASSIGN_OR_RETURN(auto granules, ReadGranules(block));
  ROOST_ASSIGN_OR_RETURN(auto ranks, RankTable(column));
  std::vector<uint32_t> out;
  out.reserve(meta_.rows);
  for (const auto& g : granules) {
    ByteReader in(g);
    uint64_t v;
    while (!in.done()) {
      if (!in.GetVarint(&v) || v >= ranks.size()) return CorruptionAt(block, "bad id");
      out.push_back(ranks[v]);
    }
  }
  if (out.size() != meta_.rows) return CorruptionAt(block, "row count mismatch");
  return out;
}

Result<IdLists> SegmentReader::ReadDimIdLists(std::string_view column) const {
  const std::string block = BlockOf(column, ".ids");
  ROOST_ASSIGN_OR_RETURN(auto granules, ReadGranules(block));
  ROOST_ASSIGN_OR_RETURN(auto ranks, RankTable(column));
  IdLists out;
  out.start.reserve(meta_.rows + 1);
  out.start.push_back(0);
  for (const auto& g : granules) {
    ByteReader in(g);
    uint64_t n, v;
    while (!in.done()) {
      if (!in.GetVarint(&n) || n > in.remaining()) return CorruptionAt(block, "bad list");
      for (uint64_t i = 0; i < n; ++i) {
        if (!in.GetVarint(&v) || v >= ranks.size()) return CorruptionAt(block, "bad id");
        out.ids.push_back(ranks[v]);
      }
      out.start.push_back(static_cast<uint32_t>(out.ids.size()));
    }
  }
  if (out.start.size() != meta_.rows + 1) return CorruptionAt(block, "row count mismatch");
  return out;
}

Result<Bitmap> SegmentReader::ValueBitmap(std::string_view column, uint32_t id) const {
  if (column == "handle") {
    ROOST_ASSIGN_OR_RETURN(std::optional<uint32_t> user, HandleUser(id));
    if (user) return ValueBitmap("user", *user);
  }
  const std::string block = BlockOf(column, ".postings");
  ROOST_ASSIGN_OR_RETURN(const BlockInfo* b, FindBlock(block));
  ROOST_ASSIGN_OR_RETURN(std::string_view head, Bytes(b->offset, std::min<uint64_t>(8, b->length), block.c_str()));
  if (head.size() < 8) return CorruptionAt(block, "too short");
  const uint32_t count = LoadFixed32(head.data()), groups = LoadFixed32(head.data() + 4);
  const uint64_t table_at = b->offset + 8, data_at = table_at + 8ull * (groups + 1);
  if (id >= count || groups != (count + kPostingGroup - 1) / kPostingGroup || data_at > b->offset + b->length)
    return CorruptionAt(block, "bad posting table");
  const uint32_t g = id / kPostingGroup;
  ROOST_ASSIGN_OR_RETURN(std::string_view range, Bytes(table_at + 8ull * g, 16, block.c_str()));
  const uint64_t begin = LoadFixed64(range.data()), end = LoadFixed64(range.data() + 8);
  if (begin > end || data_at + end > b->offset + b->length) return CorruptionAt(block, "bad posting offsets");
  ROOST_ASSIGN_OR_RETURN(std::string_view group, Bytes(data_at + begin, end - begin, block.c_str()));
  if (version_ >= 2) return PostingV2(block, group, id % kPostingGroup);
  ByteReader in(group);
  std::string_view posting;
  for (uint32_t k = g * kPostingGroup; k <= id; ++k)
    if (!in.GetString(&posting)) return CorruptionAt(block, "truncated posting group");
  if (posting.empty()) return CorruptionAt(block, "empty posting");
  if (posting[0] == 1) {
    roaring_bitmap_t* r = roaring_bitmap_portable_deserialize_safe(posting.data() + 1, posting.size() - 1);
    if (r == nullptr) return CorruptionAt(block, "bad bitmap");
    return Bitmap(r);
  }
  if (posting[0] != 0) return CorruptionAt(block, "unknown posting kind");
  ByteReader list(posting.substr(1));
  uint64_t n, delta, row = 0;
  if (!list.GetVarint(&n) || n > posting.size()) return CorruptionAt(block, "bad posting list");
  std::vector<uint32_t> rows(n);
  for (uint64_t i = 0; i < n; ++i) {
    if (!list.GetVarint(&delta)) return CorruptionAt(block, "bad posting list");
    row += delta;
    if (row >= meta_.rows) return CorruptionAt(block, "row outside the segment");
    rows[i] = static_cast<uint32_t>(row);
  }
  return Bitmap(roaring_bitmap_of_ptr(rows.size(), rows.data()));
}

Result<std::vector<uint32_t>> SegmentReader::RankTable(std::string_view column) const {
  const std::string block = BlockOf(column, ".ranks");
  ROOST_ASSIGN_OR_RETURN(std::string_view bytes, WholeBlock(block));
  auto raw = Decompress(bytes);
  if (!raw.ok()) return CorruptionAt(block, raw.status().message());
  ROOST_ASSIGN_OR_RETURN(DictionaryView dict, Dictionary(column));
  std::vector<uint32_t> out;
  out.reserve(dict.size());
  ByteReader in(*raw);
  uint64_t v;
  while (!in.done()) {
    if (!in.GetVarint(&v) || v >= dict.size()) return CorruptionAt(block, "bad rank table");
    out.push_back(static_cast<uint32_t>(v));
  }
  if (out.size() != dict.size()) return CorruptionAt(block, "rank table size differs from the dictionary");
  return out;
}

Result<std::optional<uint32_t>> SegmentReader::FindValue(std::string_view column, std::string_view value) const {
  const std::string block = BlockOf(column, ".dict");
  ROOST_ASSIGN_OR_RETURN(const BlockInfo* b, FindBlock(block));
  if (version_ >= 2) return FindFrontCoded(*b, value);
  const char* what = b->name.c_str();
  if (b->length < 8) return CorruptionAt(block, "too short");
  ROOST_ASSIGN_OR_RETURN(std::string_view head, Bytes(b->offset, 4, what));
  const uint32_t count = LoadFixed32(head.data());
  const uint64_t table_at = b->offset + 4, values_at = table_at + 4ull * (count + 1);
  if (values_at > b->offset + b->length) return CorruptionAt(block, "bad offsets");
  const uint64_t values_len = b->offset + b->length - values_at;
  // The same whole-block consistency check Dictionary() makes, on one page.
  ROOST_ASSIGN_OR_RETURN(std::string_view last, Bytes(table_at + 4ull * count, 4, what));
  if (LoadFixed32(last.data()) != values_len) return CorruptionAt(block, "bad length");
  auto value_at = [&](uint32_t i) { return OffsetSlice(table_at, values_at, values_len, i, what); };
  uint32_t lo = 0, hi = count;
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    ROOST_ASSIGN_OR_RETURN(std::string_view v, value_at(mid));
    if (v < value) lo = mid + 1; else hi = mid;
  }
  if (lo == count) return std::optional<uint32_t>();
  ROOST_ASSIGN_OR_RETURN(std::string_view found, value_at(lo));
  return found == value ? std::optional<uint32_t>(lo) : std::optional<uint32_t>();
}

Result<Bitmap> SegmentReader::Lookup(std::string_view column, std::string_view value) const {
  ROOST_ASSIGN_OR_RETURN(std::optional<uint32_t> id, FindValue(column, value));
  if (!id) return Bitmap();
  return ValueBitmap(column, *id);
}

Result<std::vector<uint32_t>> SegmentReader::IndexRows(std::string_view block, std::span<const uint64_t> sorted_keys,
                                                       bool implied_rows) const {
  ROOST_ASSIGN_OR_RETURN(const BlockInfo* b, FindBlock(block));
  ROOST_ASSIGN_OR_RETURN(std::string_view head, Bytes(b->offset, std::min<uint64_t>(12, b->length), b->name.c_str()));
  if (head.size() < 12) return CorruptionAt(block, "too short");
  const uint64_t count = LoadFixed64(head.data());
  const uint32_t groups = LoadFixed32(head.data() + 8);
  const uint64_t keys_at = b->offset + 12, offs_at = keys_at + 8ull * groups;
  const uint64_t data_at = offs_at + 8ull * (groups + 1);
  if (data_at > b->offset + b->length || count > uint64_t{groups} * kIndexGroup) return CorruptionAt(block, "bad header");
  std::vector<uint32_t> rows;
  const size_t n = sorted_keys.size();
  if (groups == 0 || n == 0) return rows;
  ROOST_ASSIGN_OR_RETURN(std::string_view keys, Bytes(keys_at, 8ull * groups, b->name.c_str()));
  ROOST_ASSIGN_OR_RETURN(std::string_view offs, Bytes(offs_at, 8ull * (groups + 1), b->name.c_str()));
  auto first_key = [&](uint32_t g) { return LoadFixed64(keys.data() + 8ull * g); };
  // The group before the first group (from `from` on) starting at >= key:
  // a key equal to a group's first key may also end the group before it.
  auto group_for = [&](uint64_t key, uint32_t from) {
    uint32_t lo = from, hi = groups;
    while (lo < hi) {
      const uint32_t mid = lo + (hi - lo) / 2;
      if (first_key(mid) < key) lo = mid + 1; else hi = mid;
    }
    return lo == 0 ? 0 : std::max(from, lo - 1);
  };
  size_t i = 0;  // sorted_keys[i..] may still be found
  uint32_t g = group_for(sorted_keys[0], 0);
  while (g < groups && i < n) {
    const uint64_t next_first = g + 1 < groups ? first_key(g + 1) : UINT64_MAX;
    if (sorted_keys[i] > next_first) {  // no wanted key in this group: jump
      g = group_for(sorted_keys[i], g + 1);
      continue;
    }
    uint64_t gb = LoadFixed64(offs.data() + 8ull * g), ge = LoadFixed64(offs.data() + 8ull * (g + 1));
    if (gb > ge || data_at + ge > b->offset + b->length) return CorruptionAt(block, "bad group offsets");
    ROOST_ASSIGN_OR_RETURN(std::string_view data, Bytes(data_at + gb, ge - gb, b->name.c_str()));
    ByteReader in(data);
    uint64_t k = first_key(g), dk, zr;
    int64_t row = implied_rows ? int64_t{g} * kIndexGroup - 1 : 0;
    size_t j = i;
    while (!in.done()) {
      if (!in.GetVarint(&dk) || (!implied_rows && !in.GetVarint(&zr))) return CorruptionAt(block, "bad group");
      k += dk;
      row += implied_rows ? 1 : UnZigZag(zr);
      while (j < n && sorted_keys[j] < k) ++j;
      if (j == n) break;
      if (sorted_keys[j] == k) rows.push_back(static_cast<uint32_t>(row));
    }
    // Keys below the next group's first key cannot be in a later group.
    while (i < n && sorted_keys[i] < next_first) ++i;
    ++g;
  }
  return rows;
}

Result<std::optional<uint32_t>> SegmentReader::FindRow(uint64_t id) const {
  if (id < meta_.min_id || id > meta_.max_id) return std::optional<uint32_t>();
  ROOST_ASSIGN_OR_RETURN(auto rows, RowsOfIds({&id, 1}));
  if (rows.empty()) return std::optional<uint32_t>();
  return std::optional<uint32_t>(rows.front());
}

Result<std::vector<uint32_t>> SegmentReader::RetweetRows(uint64_t original_id) const {
  return IndexRows("retweet_of.index", {&original_id, 1});
}

Result<std::vector<uint32_t>> SegmentReader::RowsOfIds(std::span<const uint64_t> sorted_ids) const {
  auto lo = std::lower_bound(sorted_ids.begin(), sorted_ids.end(), meta_.min_id);
  auto hi = std::upper_bound(lo, sorted_ids.end(), meta_.max_id);
  const bool keys = HasIdKeys();
  return IndexRows(keys ? "id.keys" : "id.index", {lo, hi}, keys);
}

Result<std::vector<uint32_t>> SegmentReader::RetweetRowsOf(std::span<const uint64_t> sorted_originals) const {
  return IndexRows("retweet_of.index", sorted_originals);
}

}  // namespace roost::storage

#include "storage/segment_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <time.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <charconv>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <cerrno>
#include <cstring>
#include <functional>
#include <limits>
#include <stdexcept>

// XXH3 compiled into this file: dictionary interning hashes one short
// value (a term is 7 bytes on average) per row and column, where the
// shared library's call and length dispatch cost more than the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "common/short_equal.h"
#include "storage/bitmap.h"
#include "storage/encoding.h"

namespace roost::storage {
namespace {

// Streams bytes to a file while hashing every kPageSize page, so the page
// table can be written at the end without reading anything back.
class PagedFile {
 public:
  ~PagedFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  Status Open(const std::string& path) {
    path_ = path;
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) return Status::FromErrno("open", path);
    return Status::Ok();
  }
  // Bytes covered by page checksums.
  Status Write(std::string_view bytes) {
    size_t i = 0;
    if (!page_.empty()) {
      i = std::min(kPageSize - page_.size(), bytes.size());
      page_.append(bytes.substr(0, i));
      if (page_.size() == kPageSize) {
        page_sums_.push_back(Checksum(page_));
        page_.clear();
      }
    }
    for (; bytes.size() - i >= kPageSize; i += kPageSize) page_sums_.push_back(Checksum(bytes.data() + i, kPageSize));
    page_.append(bytes.substr(i));
    return WriteRaw(bytes);
  }
  // Closes the checksummed region (the last page may be short).
  void EndPages() {
    if (!page_.empty()) page_sums_.push_back(Checksum(page_));
    page_.clear();
  }
  Status WriteRaw(std::string_view bytes) {
    buf_.append(bytes);
    offset_ += bytes.size();
    return buf_.size() >= (4u << 20) ? Flush() : Status::Ok();
  }
  Status Flush() {
    const char* p = buf_.data();
    size_t left = buf_.size();
    while (left > 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        return Status::FromErrno("write", path_);
      }
      p += n;
      left -= n;
    }
    buf_.clear();
    return Status::Ok();
  }
  Status Close() {
    ROOST_RETURN_IF_ERROR(Flush());
    if (::fsync(fd_) != 0) return Status::FromErrno("fsync", path_);
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return Status::FromErrno("close", path_);
    return Status::Ok();
  }
  uint64_t offset() const { return offset_; }
  const std::vector<uint64_t>& page_sums() const { return page_sums_; }

 private:
  int fd_ = -1;
  std::string path_;
  std::string buf_;
  std::string page_;
  std::vector<uint64_t> page_sums_;
  uint64_t offset_ = 0;
};

// Rows cut into kGranuleRows granules, each compressed on its own.
class GranuleBuilder {
 public:
  explicit GranuleBuilder(int zstd_level = kZstdLevel) : zstd_level_(zstd_level) {}
  std::string* buf() { return &cur_; }
  void EndRow() {
    if (++rows_ == kGranuleRows) Flush();
  }
  std::string Finish() {
    Flush();
    size_t total = 4 + 8 * (granules_.size() + 1);
    for (const auto& g : granules_) total += g.size();
    std::string out;
    out.reserve(total);
    PutFixed32(&out, static_cast<uint32_t>(granules_.size()));
    uint64_t off = 0;
    PutFixed64(&out, 0);
    for (const auto& g : granules_) PutFixed64(&out, off += g.size());
    for (const auto& g : granules_) out += g;
    return out;
  }

 private:
  void Flush() {
    if (rows_ == 0) return;
    granules_.push_back(Compress(cur_, zstd_level_));
    cur_.clear();
    rows_ = 0;
  }
  int zstd_level_;
  std::string cur_;
  uint32_t rows_ = 0;
  std::vector<std::string> granules_;
};

// Values of one dimension column, as per-row lists of temporary ids. An
// open-addressing table maps each distinct value to its temporary id once.
// Each distinct value is copied into an arena, in order: the passes that
// read them all (sorting, the front-coded dictionary) then read compact
// memory rather than a cache miss per value scattered over the tweets, and
// no value is allocated on its own.
//
// A slot holds the value's first bytes and hash bits, so a lookup of a
// value under 16 bytes (most terms, handles, user ids) is decided by the
// slot alone, without loading the stored view and its bytes: in a table of
// a day's million terms those are two cache misses per row and column.
class DimValues {
 public:
  // `values` is the number of values over all rows when known (a
  // multi-valued column's ids then never reallocate), else 0.
  explicit DimValues(size_t rows, size_t values = 0) {
    row_start.reserve(rows + 1);
    row_start.push_back(0);
    ids.reserve(std::max(rows, values));
    Grow();
  }
  // `v` must stay alive until Done().
  void AddValue(std::string_view v) { Add(v, false); }
  // `v` may change once this returns (a normalised temporary).
  void AddCopy(std::string_view v) { Add(v, true); }
  void EndRow() { row_start.push_back(static_cast<uint32_t>(ids.size())); }
  // Looks up the values still queued; `values` and `ids` are complete after.
  void Done() {
    while (queued_ > 0) ResolveOldest();
  }
  bool all_resolved() const { return queued_ == 0; }

  std::vector<std::string_view> values;
  std::vector<uint32_t> row_start;
  std::vector<uint32_t> ids;

 private:
  // Values are looked up kAhead values after they are added, their slot
  // prefetched meanwhile: in a table larger than the caches each lookup is
  // a miss, and queued this way several are in flight at once.
  static constexpr size_t kAhead = 8;
  // A value under 16 bytes: its bytes, zero padded, and its length in the
  // last byte (so equal heads are equal values). Longer: its first 16 bytes.
  // Twitter handles (at most 15 bytes), user ids and most terms are short.
  struct Head {
    uint64_t w0 = 0, w1 = 0;
    bool operator==(const Head& o) const { return w0 == o.w0 && w1 == o.w1; }
  };
  static constexpr size_t kShort = 16;
  struct Pending {
    std::string_view value;
    Head head;
    uint32_t hash;
    size_t at;  // index in `ids`
  };
  struct Slot {
    Head head;
    // Hash bits 32..63 with bit 0 replaced by "kShort bytes or longer"; the
    // position in the table is its top bits, so growing needs no rehash.
    uint32_t hash;
    uint32_t id1;  // temporary id + 1; 0: empty
  };
  static constexpr int kMaxBits = 31;  // positions use hash bits 1..31

  static uint64_t Load8(const unsigned char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  // Bytes p[0..n) for n < 8, as the low bytes of a word.
  static uint64_t LoadUnder8(const unsigned char* p, size_t n) {
    if (n >= 4) {  // two overlapping 4-byte loads
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      return lo | (uint64_t{hi} << (8 * (n - 4)));
    }
    if (n == 0) return 0;
    return uint64_t{p[0]} | (uint64_t{p[n / 2]} << (8 * (n / 2))) | (uint64_t{p[n - 1]} << (8 * (n - 1)));
  }
  static Head HeadOf(std::string_view v) {
    const auto* p = reinterpret_cast<const unsigned char*>(v.data());
    const size_t n = v.size();
    Head h;
    if (n >= kShort) {
      h.w0 = Load8(p);
      h.w1 = Load8(p + 8);
      return h;
    }
    if (n >= 8) {
      h.w0 = Load8(p);
      // Bytes 8..n-1, from a load that ends at the last byte.
      if (n > 8) h.w1 = Load8(p + n - 8) >> (8 * (16 - n));
    } else {
      h.w0 = LoadUnder8(p, n);
    }
    h.w1 |= uint64_t{n} << 56;
    return h;
  }
  static uint64_t Mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
  }
  // A short value is all in its head: mixing the two words is hash enough
  // and far cheaper than hashing the bytes again.
  static uint32_t SlotHash(std::string_view v, const Head& head) {
    const bool is_long = v.size() >= kShort;
    const uint64_t h = is_long ? XXH3_64bits(v.data(), v.size()) : Mix(head.w0 ^ Mix(head.w1));
    return (static_cast<uint32_t>(h >> 32) & ~1u) | (is_long ? 1u : 0u);
  }
  size_t Position(uint32_t hash) const { return hash >> (32 - bits_); }

  void Add(std::string_view v, bool temporary) {
    if (queued_ == kAhead) ResolveOldest();
    const size_t k = (first_ + queued_++) % kAhead;
    if (temporary) v = scratch_[k].assign(v);  // the caller's temporary changes before the lookup
    const Head head = HeadOf(v);
    const uint32_t hash = SlotHash(v, head);
    __builtin_prefetch(&slots_[Position(hash)]);
    queue_[k] = Pending{v, head, hash, ids.size()};
    ids.push_back(0);
  }
  void ResolveOldest() {
    const Pending& p = queue_[first_];
    ids[p.at] = Intern(p.value, p.head, p.hash);
    first_ = (first_ + 1) % kAhead;
    --queued_;
  }
  uint32_t Intern(std::string_view v, const Head& head, uint32_t hash) {
    if (values.size() * 2 >= slots_.size()) Grow();
    const bool is_long = hash & 1u;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Position(hash);; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.id1 == 0) {
        const uint32_t id = static_cast<uint32_t>(values.size());
        values.push_back(Copy(v));
        slots_[i] = Slot{head, hash, id + 1};
        return id;
      }
      if (s.hash == hash && s.head == head && (!is_long || ShortEqual(values[s.id1 - 1], v))) return s.id1 - 1;
    }
  }
  void Grow() {
    if (bits_ >= kMaxBits) throw std::length_error("too many distinct values in one segment column");
    std::vector<Slot> old = std::move(slots_);
    bits_ = old.empty() ? 6 : bits_ + 1;
    slots_.assign(size_t{1} << bits_, Slot{Head(), 0, 0});
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id1 == 0) continue;
      size_t i = Position(s.hash);
      while (slots_[i].id1 != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::string_view Copy(std::string_view v) {
    if (arena_left_ < v.size()) {
      const size_t n = std::max<size_t>(v.size(), 64 * 1024);
      arena_.push_back(std::make_unique<char[]>(n));
      arena_next_ = arena_.back().get();
      arena_left_ = n;
    }
    char* p = arena_next_;
    if (!v.empty()) std::memcpy(p, v.data(), v.size());
    arena_next_ += v.size();
    arena_left_ -= v.size();
    return std::string_view(p, v.size());
  }

  std::vector<Slot> slots_;
  int bits_ = 0;
  Pending queue_[kAhead];
  std::string scratch_[kAhead];
  size_t first_ = 0, queued_ = 0;
  std::vector<std::unique_ptr<char[]>> arena_;
  char* arena_next_ = nullptr;
  size_t arena_left_ = 0;
};

struct DimBlocks {
  std::string dict, ids, ranks, postings;
};

void AddDimBlocks(std::vector<std::pair<std::string, std::string>>* out, const std::string& name, DimBlocks b) {
  out->emplace_back(name + ".dict", std::move(b.dict));
  out->emplace_back(name + ".ids", std::move(b.ids));
  out->emplace_back(name + ".ranks", std::move(b.ranks));
  out->emplace_back(name + ".postings", std::move(b.postings));
}

// `values` at `bits` bits each, least significant bit first, then 8 zero
// bytes so a reader may always load 8 bytes at a value's first byte.
void PackBits(const std::vector<uint32_t>& values, uint32_t bits, std::string* out) {
  const size_t at = out->size();
  out->resize(at + (values.size() * bits + 7) / 8 + 8, '\0');
  uint8_t* p = reinterpret_cast<uint8_t*>(out->data() + at);
  uint64_t pos = 0;
  for (uint32_t v : values) {
    for (uint32_t b = 0; b < bits; ++b, ++pos)
      if ((v >> b) & 1) p[pos / 8] |= static_cast<uint8_t>(1u << (pos % 8));
  }
}

// A size no portable CRoaring serialisation of `rows` can be under: a
// 4-byte cookie, then per 2^16-row container a 4-byte header and at least
// the smallest of its array (2 B/row), bitmap (8 KiB) and run (2 + 4 B/run)
// forms. Lets AppendPosting skip building bitmaps that cannot win.
size_t RoaringSizeLowerBound(const uint32_t* rows, size_t n) {
  size_t total = 4;
  for (size_t i = 0; i < n;) {
    const uint32_t key = rows[i] >> 16;
    size_t card = 0, runs = 0;
    uint32_t prev = 0;
    for (; i < n && (rows[i] >> 16) == key; ++i, ++card) {
      if (card == 0 || rows[i] != prev + 1) ++runs;
      prev = rows[i];
    }
    total += 4 + std::min({2 * card, size_t{8192}, 2 + 4 * runs});
  }
  return total;
}

size_t VarintSize(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}

// One posting (format v2): one varint header, then either 2b: delta-varint
// rows in b bytes, or 2b+1: a portable CRoaring bitmap of b bytes,
// whichever is smaller. Rare values, the majority of users and terms, cost
// the header and a row or two; a reader skips any posting by its length.
void AppendPosting(std::string* out, const uint32_t* rows, size_t n, std::string* list) {
  list->clear();
  uint32_t prev = 0;
  for (size_t i = 0; i < n; ++i) {
    PutVarint(list, rows[i] - prev);
    prev = rows[i];
  }
  const size_t list_total = VarintSize(2 * list->size()) + list->size();
  // When even the bitmap's lower bound cannot beat the list, skip building it.
  if (RoaringSizeLowerBound(rows, n) + 1 < list_total) {
    Bitmap bm(roaring_bitmap_of_ptr(n, rows));
    roaring_bitmap_run_optimize(bm.raw());
    const size_t size = roaring_bitmap_portable_size_in_bytes(bm.raw());
    if (VarintSize(2 * size + 1) + size < list_total) {
      PutVarint(out, 2 * size + 1);
      const size_t at = out->size();
      out->resize(at + size);
      roaring_bitmap_portable_serialize(bm.raw(), out->data() + at);
      return;
    }
  }
  PutVarint(out, 2 * list->size());
  *out += *list;
}

// Sorted values, front-coded (format v2): blocks of kDictBlock values, the
// first whole, each next one as (shared prefix length, suffix). Block
// offsets allow a binary search over the blocks' first values.
std::string BuildDict(const std::vector<std::string_view>& values, const std::vector<uint32_t>& order) {
  const uint32_t n = static_cast<uint32_t>(order.size());
  const uint32_t blocks = (n + kDictBlock - 1) / kDictBlock;
  std::string data;
  std::string out;
  PutFixed32(&out, n);
  PutFixed32(&out, blocks);
  std::vector<uint32_t> offsets;
  offsets.reserve(blocks + 1);
  std::string_view prev;
  for (uint32_t i = 0; i < n; ++i) {
    const std::string_view v = values[order[i]];
    if (i % kDictBlock == 0) {
      offsets.push_back(static_cast<uint32_t>(data.size()));
      PutString(&data, v);
    } else {
      size_t k = 0;
      const size_t m = std::min(prev.size(), v.size());
      while (k < m && prev[k] == v[k]) ++k;
      PutVarint(&data, k);
      PutString(&data, v.substr(k));
    }
    prev = v;
  }
  offsets.push_back(static_cast<uint32_t>(data.size()));
  out.reserve(out.size() + 4 * offsets.size() + data.size());
  for (uint32_t o : offsets) PutFixed32(&out, o);
  out += data;
  return out;
}

// The value order of a dimension: final_id[temporary id] = index of the
// value in bytewise order.
std::vector<uint32_t> SortValues(const DimValues& d, std::vector<uint32_t>* order) {
  const uint32_t n = static_cast<uint32_t>(d.values.size());
  // Sorted on each value's first 8 bytes as a big-endian integer (zero
  // padded, so a shorter value sorts first, as bytewise); only values that
  // share those 8 bytes compare the rest. Integer compares on a flat array
  // instead of memcmp through two indirections.
  struct Key {
    uint64_t prefix;
    uint32_t id;
  };
  std::vector<Key> keys(n);
  for (uint32_t i = 0; i < n; ++i) {
    const std::string_view v = d.values[i];
    unsigned char b[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    if (!v.empty()) std::memcpy(b, v.data(), std::min<size_t>(8, v.size()));  // "" may have no data pointer
    uint64_t p = 0;
    for (unsigned char c : b) p = (p << 8) | c;
    keys[i] = {p, i};
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    const std::string_view x = d.values[a.id], y = d.values[b.id];
    return x.size() > 8 && y.size() > 8 ? x.substr(8) < y.substr(8) : x.size() < y.size();
  });
  order->resize(n);
  for (uint32_t i = 0; i < n; ++i) (*order)[i] = keys[i].id;
  std::vector<uint32_t> final_id(n);
  for (uint32_t i = 0; i < n; ++i) final_id[(*order)[i]] = i;
  return final_id;
}

DimBlocks BuildDim(const DimValues& d, bool multi, std::vector<uint32_t>* final_id_out = nullptr) {
  assert(d.all_resolved());
  const uint32_t n = static_cast<uint32_t>(d.values.size());
  std::vector<uint32_t> order;
  std::vector<uint32_t> final_id = SortValues(d, &order);

  DimBlocks out;
  out.dict = BuildDict(d.values, order);

  // Rows per value in one array (CSR), a row listed once per value even
  // when the value repeats within it.
  const uint32_t rows = static_cast<uint32_t>(d.row_start.size() - 1);
  std::vector<uint32_t> start(n + 1, 0), last(n, UINT32_MAX);
  for (uint32_t r = 0; r < rows; ++r)
    for (uint32_t k = d.row_start[r]; k < d.row_start[r + 1]; ++k) {
      const uint32_t id = final_id[d.ids[k]];
      if (last[id] != r) {
        last[id] = r;
        ++start[id + 1];
      }
    }
  for (uint32_t i = 0; i < n; ++i) start[i + 1] += start[i];
  std::vector<uint32_t> all(start[n]);
  {
    std::vector<uint32_t> pos(start.begin(), start.end() - 1);
    std::fill(last.begin(), last.end(), UINT32_MAX);
    for (uint32_t r = 0; r < rows; ++r)
      for (uint32_t k = d.row_start[r]; k < d.row_start[r + 1]; ++k) {
        const uint32_t id = final_id[d.ids[k]];
        if (last[id] != r) {
          last[id] = r;
          all[pos[id]++] = r;
        }
      }
  }
  auto count_of = [&](uint32_t id) { return start[id + 1] - start[id]; };

  // Ranks: frequent values get small ids in the per-row lists, so their
  // varints are short and compress well.
  std::vector<uint32_t> by_rank(n);
  for (uint32_t i = 0; i < n; ++i) by_rank[i] = i;
  std::stable_sort(by_rank.begin(), by_rank.end(), [&](uint32_t a, uint32_t b) { return count_of(a) > count_of(b); });
  std::vector<uint32_t> rank_of(n);
  std::string ranks;
  for (uint32_t r = 0; r < n; ++r) {
    rank_of[by_rank[r]] = r;
    PutVarint(&ranks, by_rank[r]);
  }
  out.ranks = Compress(ranks, kZstdLevel);
  std::string().swap(ranks);
  std::vector<uint32_t> rank_of_tmp(n);  // temporary id -> rank
  for (uint32_t i = 0; i < n; ++i) rank_of_tmp[i] = rank_of[final_id[i]];

  GranuleBuilder ids;
  for (uint32_t r = 0; r < rows; ++r) {
    uint32_t b = d.row_start[r], e = d.row_start[r + 1];
    if (multi) PutVarint(ids.buf(), e - b);
    for (uint32_t k = b; k < e; ++k) PutVarint(ids.buf(), rank_of_tmp[d.ids[k]]);
    ids.EndRow();
  }
  out.ids = ids.Finish();

  const uint32_t groups = (n + kPostingGroup - 1) / kPostingGroup;
  std::string data, list;
  out.postings.reserve(8 + 8ull * (groups + 1));
  PutFixed32(&out.postings, n);
  PutFixed32(&out.postings, groups);
  for (uint32_t id = 0; id < n; ++id) {
    if (id % kPostingGroup == 0) PutFixed64(&out.postings, data.size());
    AppendPosting(&data, all.data() + start[id], count_of(id), &list);
  }
  PutFixed64(&out.postings, data.size());
  out.postings += data;
  if (final_id_out != nullptr) *final_id_out = std::move(final_id);
  return out;
}

// Handle ids as user ids (format v2 `handle.user`), when every user of the
// segment has one handle and every handle one user: then the handle needs
// no postings, per-row ids or ranks of its own. Returns false otherwise.
bool BuildHandleByUser(const DimValues& user, const std::vector<uint32_t>& user_final, const DimValues& handle,
                       std::string* dict, std::string* map) {
  const size_t nu = user.values.size(), nh = handle.values.size();
  if (nu != nh) return false;
  std::vector<uint32_t> handle_of(nu, UINT32_MAX);  // temporary ids
  for (size_t k = 0; k < user.ids.size(); ++k) {
    uint32_t& h = handle_of[user.ids[k]];
    if (h == UINT32_MAX) h = handle.ids[k];
    else if (h != handle.ids[k]) return false;
  }
  // Same count and a function from users onto handles: one-to-one.
  std::vector<uint32_t> order;
  std::vector<uint32_t> handle_final = SortValues(handle, &order);
  *dict = BuildDict(handle.values, order);
  std::vector<uint32_t> user_of(nh, UINT32_MAX);
  for (size_t u = 0; u < nu; ++u) {
    uint32_t& x = user_of[handle_final[handle_of[u]]];
    if (x != UINT32_MAX) return false;
    x = user_final[u];
  }
  uint32_t bits = 1;
  while (bits < 32 && (uint64_t{1} << bits) < nu) ++bits;
  map->clear();
  PutFixed32(map, static_cast<uint32_t>(nh));
  map->push_back(static_cast<char>(bits));
  PackBits(user_of, bits, map);
  return true;
}

// Sorted (key, row) pairs in groups of kIndexGroup for random access. With
// `implied_rows` (format v2 `id.keys`: keys increasing with the row) a pair
// is its key delta alone; its row is its position.
std::string BuildIdIndex(std::vector<std::pair<uint64_t, uint32_t>> pairs, bool implied_rows = false) {
  if (!std::is_sorted(pairs.begin(), pairs.end())) std::sort(pairs.begin(), pairs.end());
  const uint32_t groups = static_cast<uint32_t>((pairs.size() + kIndexGroup - 1) / kIndexGroup);
  std::string first_keys, offsets, data;
  PutFixed64(&offsets, 0);
  for (uint32_t g = 0; g < groups; ++g) {
    size_t b = static_cast<size_t>(g) * kIndexGroup, e = std::min(pairs.size(), b + kIndexGroup);
    uint64_t prev_key = pairs[b].first;
    int64_t prev_row = 0;
    PutFixed64(&first_keys, prev_key);
    for (size_t i = b; i < e; ++i) {
      PutVarint(&data, pairs[i].first - prev_key);
      if (!implied_rows) PutVarint(&data, ZigZag(static_cast<int64_t>(pairs[i].second) - prev_row));
      prev_key = pairs[i].first;
      prev_row = pairs[i].second;
    }
    PutFixed64(&offsets, data.size());
  }
  std::string out;
  PutFixed64(&out, pairs.size());
  PutFixed32(&out, groups);
  return out + first_keys + offsets + data;
}

int64_t FloatBits(float f) { return std::bit_cast<uint32_t>(f); }

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

using Blocks = std::vector<std::pair<std::string, std::string>>;  // (name, bytes) in file order

// The blocks of one segment, built as independent tasks (a column group,
// one dimension, the id indexes) that several threads may run at once.
// Each task's output keeps its place, so the file is the same whatever the
// thread count.
class BlockTasks {
 public:
  enum Kind { kColumns, kDictionaries, kIdIndexes };
  // `big` tasks start first, so the longest ones do not end up alone at
  // the tail while the other threads idle.
  void Add(Kind kind, std::function<void(Blocks*)> fn, bool big = false) {
    tasks_.push_back({kind, std::move(fn), big});
  }
  // Runs every task on `threads` threads (the caller is one); adds each
  // kind's CPU seconds to *costs.
  std::vector<Blocks> Run(int threads, SegmentBuildCosts* costs) {
    std::vector<Blocks> out(tasks_.size());
    std::vector<size_t> order;
    for (int pass = 0; pass < 2; ++pass)
      for (size_t i = 0; i < tasks_.size(); ++i)
        if (tasks_[i].big == (pass == 0)) order.push_back(i);
    std::atomic<size_t> next{0};
    std::mutex mu;
    auto worker = [&] {
      for (size_t k; (k = next.fetch_add(1)) < order.size();) {
        const size_t i = order[k];
        const double t0 = ThreadCpuSeconds();
        tasks_[i].fn(&out[i]);
        const double dt = ThreadCpuSeconds() - t0;
        std::lock_guard<std::mutex> lock(mu);
        (tasks_[i].kind == kColumns ? costs->columns : tasks_[i].kind == kDictionaries ? costs->dictionaries
                                                                                       : costs->id_indexes) += dt;
      }
    };
    std::vector<std::thread> helpers;
    for (int t = 1; t < threads && static_cast<size_t>(t) < tasks_.size(); ++t) helpers.emplace_back(worker);
    worker();
    for (auto& h : helpers) h.join();
    return out;
  }

 private:
  struct Task {
    Kind kind;
    std::function<void(Blocks*)> fn;
    bool big = false;
  };
  std::vector<Task> tasks_;
};

// FoldDimValue(v) (the folding FORMAT.md gives hashtags, mentions and
// handles) in a per-thread scratch string that the next call overwrites,
// for DimValues::AddCopy: nothing is allocated once the buffer is warm.
std::string_view FoldDimScratch(std::string_view v) {
  thread_local std::string s;
  FoldDimValueTo(v, &s);
  return s;
}

// Tweets in row order without moving them: iterates as `const Tweet&`.
struct SortedTweets {
  struct Iter {
    const Tweet* const* p;
    const Tweet& operator*() const { return **p; }
    Iter& operator++() {
      ++p;
      return *this;
    }
    bool operator!=(const Iter& o) const { return p != o.p; }
  };
  std::vector<const Tweet*> rows;
  size_t size() const { return rows.size(); }
  const Tweet& operator[](size_t i) const { return *rows[i]; }
  const Tweet& front() const { return *rows.front(); }
  const Tweet& back() const { return *rows.back(); }
  Iter begin() const { return {rows.data()}; }
  Iter end() const { return {rows.data() + rows.size()}; }
};

}  // namespace

Result<SegmentMeta> SegmentWriter::Finish(const std::string& path) {
  costs_ = SegmentBuildCosts();
  if (size_ == 0) return Status::InvalidArgument("segment " + path + ": no rows");
  if (size_ >= std::numeric_limits<uint32_t>::max())
    return Status::InvalidArgument("segment " + path + ": too many rows");
  double t0 = ThreadCpuSeconds();
  // Rows are views of the tweets in (created_at, id) order: sorting compact
  // keys and never moving a Tweet saves copying and faulting in a second
  // buffer as large as the segment's tweets.
  SortedTweets ts;
  {
    std::vector<const Tweet*> added;
    added.reserve(size_);
    for (const auto& chunk : chunks_)
      for (const Tweet& t : chunk) added.push_back(&t);
    struct Key {
      TimestampMs time;
      uint64_t id;
      uint32_t index;
    };
    std::vector<Key> keys(added.size());
    for (uint32_t i = 0; i < keys.size(); ++i) keys[i] = {added[i]->created_at, added[i]->id, i};
    auto less = [](const Key& a, const Key& b) {
      return a.time != b.time ? a.time < b.time : a.id != b.id ? a.id < b.id : a.index < b.index;
    };
    if (!std::is_sorted(keys.begin(), keys.end(), less)) std::sort(keys.begin(), keys.end(), less);
    ts.rows.reserve(keys.size());
    for (const Key& k : keys) ts.rows.push_back(added[k.index]);
  }
  const uint32_t rows = static_cast<uint32_t>(ts.size());

  SegmentMeta meta;
  meta.rows = rows;
  meta.min_time = ts.front().created_at;
  meta.max_time = ts.back().created_at;
  meta.min_id = std::numeric_limits<uint64_t>::max();
  for (const Tweet& t : ts) {
    meta.min_id = std::min(meta.min_id, t.id);
    meta.max_id = std::max(meta.max_id, t.id);
  }
  meta.partition_start = partition_start_;
  // Snowflake ids grow with time, so ids usually increase with the row:
  // then `id.keys` (format v2) is both the id column and the id index.
  bool ids_increasing = true;
  for (uint32_t r = 1; r < rows && ids_increasing; ++r) ids_increasing = ts[r - 1].id < ts[r].id;
  costs_.sort = ThreadCpuSeconds() - t0;

  BlockTasks tasks;
  static const std::string kEmpty;

  // Columns are filled in one pass over the rows per task, each row feeding
  // every column of the task: the tweets are far larger than the caches, so
  // a pass per column would load every row's cache lines once per column.
  struct IntColumn {
    const char* name;
    bool delta;
    int64_t (*get)(const Tweet&);
  };
  static constexpr IntColumn kId = {"id", true, [](const Tweet& t) { return static_cast<int64_t>(t.id); }};
  static constexpr IntColumn kIntColumns[] = {
      {"created_at", true, [](const Tweet& t) { return t.created_at; }},
      {"format", false, [](const Tweet& t) { return static_cast<int64_t>(t.format); }},
      {"followers", false, [](const Tweet& t) { return t.user.followers; }},
      {"friends", false, [](const Tweet& t) { return t.user.friends; }},
      {"statuses", false, [](const Tweet& t) { return t.user.statuses; }},
      {"verified", false, [](const Tweet& t) { return int64_t{t.user.verified}; }},
      {"protected", false, [](const Tweet& t) { return int64_t{t.user.is_protected}; }},
      {"user_created_at", false, [](const Tweet& t) { return t.user.created_at; }},
      {"utc_offset", false, [](const Tweet& t) { return int64_t{t.user.utc_offset_s}; }},
      {"retweet_of", false, [](const Tweet& t) { return static_cast<int64_t>(t.retweet_of); }},
      {"retweet_of_user", false, [](const Tweet& t) { return static_cast<int64_t>(t.retweet_of_user); }},
      {"quote_of", false, [](const Tweet& t) { return static_cast<int64_t>(t.quote_of); }},
      {"quote_of_user", false, [](const Tweet& t) { return static_cast<int64_t>(t.quote_of_user); }},
      {"reply_to", false, [](const Tweet& t) { return static_cast<int64_t>(t.reply_to); }},
      {"reply_to_user", false, [](const Tweet& t) { return static_cast<int64_t>(t.reply_to_user); }},
      {"retweet_count", false, [](const Tweet& t) { return t.retweet_count; }},
      {"favorite_count", false, [](const Tweet& t) { return t.favorite_count; }},
      {"reply_count", false, [](const Tweet& t) { return t.reply_count; }},
      {"quote_count", false, [](const Tweet& t) { return t.quote_count; }},
      {"has_coordinates", false, [](const Tweet& t) { return int64_t{t.has_coordinates}; }},
      {"has_place", false, [](const Tweet& t) { return int64_t{t.place.has_value()}; }},
      {"place_has_box", false, [](const Tweet& t) { return int64_t{t.place && t.place->has_box}; }},
      {"sentiment_scored", false, [](const Tweet& t) { return SentimentScoredValue(t); }},
      {"sentiment", false, [](const Tweet& t) { return FloatBits(t.sentiment); }},
      {"lang_confidence", false, [](const Tweet& t) { return FloatBits(t.lang_confidence); }},
  };
  struct DoubleColumn {
    const char* name;
    double (*get)(const Tweet&);
  };
  static constexpr DoubleColumn kDoubleColumns[] = {
      {"longitude", [](const Tweet& t) { return t.longitude; }},
      {"latitude", [](const Tweet& t) { return t.latitude; }},
      {"place_min_lon", [](const Tweet& t) { return t.place ? t.place->min_lon : 0.0; }},
      {"place_min_lat", [](const Tweet& t) { return t.place ? t.place->min_lat : 0.0; }},
      {"place_max_lon", [](const Tweet& t) { return t.place ? t.place->max_lon : 0.0; }},
      {"place_max_lat", [](const Tweet& t) { return t.place ? t.place->max_lat : 0.0; }},
  };
  struct StringColumn {
    const char* name;
    const std::string& (*get)(const Tweet&);
  };
  static constexpr StringColumn kStringColumns[] = {
      {"user_name", [](const Tweet& t) -> const std::string& { return t.user.name; }},
      {"user_description", [](const Tweet& t) -> const std::string& { return t.user.description; }},
      {"user_location", [](const Tweet& t) -> const std::string& { return t.user.location; }},
      {"reply_to_screen_name", [](const Tweet& t) -> const std::string& { return t.reply_to_screen_name; }},
      {"place_id", [](const Tweet& t) -> const std::string& { return t.place ? t.place->id : kEmpty; }},
      {"place_type", [](const Tweet& t) -> const std::string& { return t.place ? t.place->place_type : kEmpty; }},
  };

  tasks.Add(BlockTasks::kColumns, [&](Blocks* out) {
    std::vector<IntColumn> ints;
    if (!ids_increasing) ints.push_back(kId);
    ints.insert(ints.end(), std::begin(kIntColumns), std::end(kIntColumns));
    const size_t ni = ints.size(), nd = std::size(kDoubleColumns);
    std::vector<GranuleBuilder> g(ni + nd);
    std::vector<int64_t> prev(ni, 0);
    for (const Tweet& t : ts) {
      for (size_t k = 0; k < ni; ++k) {
        const int64_t v = ints[k].get(t);
        PutVarint(g[k].buf(), ZigZag(ints[k].delta ? v - prev[k] : v));
        prev[k] = v;
        g[k].EndRow();
      }
      for (size_t k = 0; k < nd; ++k) {
        PutFixed64(g[ni + k].buf(), std::bit_cast<uint64_t>(kDoubleColumns[k].get(t)));
        g[ni + k].EndRow();
      }
    }
    for (size_t k = 0; k < ni; ++k) out->emplace_back(std::string(ints[k].name) + ".data", g[k].Finish());
    for (size_t k = 0; k < nd; ++k) out->emplace_back(std::string(kDoubleColumns[k].name) + ".data", g[ni + k].Finish());
  });
  // Text is the largest column: a task of its own.
  tasks.Add(
      BlockTasks::kColumns,
      [&](Blocks* out) {
        GranuleBuilder g(kTextZstdLevel);
        for (const Tweet& t : ts) {
          PutString(g.buf(), t.text);
          g.EndRow();
        }
        out->emplace_back("text.data", g.Finish());
      },
      /*big=*/true);
  tasks.Add(BlockTasks::kColumns, [&](Blocks* out) {
    const size_t ns = std::size(kStringColumns);
    std::vector<GranuleBuilder> g(ns, GranuleBuilder(kTextZstdLevel));
    GranuleBuilder tco, mention_ids;  // t.co links and ids: kZstdLevel
    for (const Tweet& t : ts) {
      for (size_t k = 0; k < ns; ++k) {
        PutString(g[k].buf(), kStringColumns[k].get(t));
        g[k].EndRow();
      }
      PutVarint(tco.buf(), t.urls.size());
      for (const Url& u : t.urls) PutString(tco.buf(), u.url);
      tco.EndRow();
      PutVarint(mention_ids.buf(), t.mentions.size());
      for (const Mention& m : t.mentions) PutVarint(mention_ids.buf(), ZigZag(static_cast<int64_t>(m.user_id)));
      mention_ids.EndRow();
    }
    for (size_t k = 0; k < ns; ++k) out->emplace_back(std::string(kStringColumns[k].name) + ".data", g[k].Finish());
    out->emplace_back("url_tco.data", tco.Finish());
    out->emplace_back("mention_ids.data", mention_ids.Finish());
  });

  // Dimension columns. The small ones share a task and fill their values
  // in one pass over the rows, each row feeding every dimension of the
  // group: a pass per dimension would load every tweet once per dimension.
  struct Dim {
    const char* name;
    bool multi;
    void (*fill)(const Tweet&, DimValues*);
    size_t (*count)(const Tweet&) = nullptr;  // values of a row, when known
  };
  auto dims = [&ts](std::vector<Dim> group) {
    return [&ts, group = std::move(group)](Blocks* out) {
      // Reserved: a DimValues must not move once it holds values (its
      // queued lookups point into its own scratch strings).
      std::vector<DimValues> d;
      d.reserve(group.size());
      for (const Dim& dim : group) {
        size_t values = 0;
        if (dim.count != nullptr)
          for (const Tweet& t : ts) values += dim.count(t);
        d.emplace_back(ts.size(), values);
      }
      for (const Tweet& t : ts)
        for (size_t k = 0; k < group.size(); ++k) {
          group[k].fill(t, &d[k]);
          d[k].EndRow();
        }
      for (size_t k = 0; k < group.size(); ++k) {
        d[k].Done();
        AddDimBlocks(out, group[k].name, BuildDim(d[k], group[k].multi));
      }
    };
  };
  tasks.Add(BlockTasks::kDictionaries, dims({
      {"lang", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.lang); }},
      {"detected_lang", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.detected_lang); }},
      {"country", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.place ? t.place->country_code : kEmpty); }},
      {"place", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.place ? t.place->full_name : kEmpty); }},
  }));
  // `user` and `handle` in one task: the handle is stored through the user
  // when the two are one-to-one in this segment (the usual case).
  tasks.Add(BlockTasks::kDictionaries, [&ts](Blocks* out) {
    DimValues user(ts.size()), handle(ts.size());
    for (const Tweet& t : ts) {
      char buf[24];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, t.user.id);
      user.AddCopy(std::string_view(buf, end - buf));
      user.EndRow();
      handle.AddCopy(FoldDimScratch(t.user.screen_name));
      handle.EndRow();
    }
    user.Done();
    handle.Done();
    std::vector<uint32_t> user_final;
    AddDimBlocks(out, "user", BuildDim(user, false, &user_final));
    std::string dict, map;
    if (BuildHandleByUser(user, user_final, handle, &dict, &map)) {
      out->emplace_back("handle.dict", std::move(dict));
      out->emplace_back("handle.user", std::move(map));
    } else {
      AddDimBlocks(out, "handle", BuildDim(handle, false));
    }
  }, /*big=*/true);
  tasks.Add(BlockTasks::kDictionaries, dims({
      {"source", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.source); }},
      {"hashtags", true, [](const Tweet& t, DimValues* d) {
         for (const auto& h : t.hashtags) d->AddCopy(FoldDimScratch(h.text));
       }},
      {"mentions", true, [](const Tweet& t, DimValues* d) {
         for (const auto& m : t.mentions) d->AddCopy(FoldDimScratch(m.screen_name));
       }},
      {"cashtags", true, [](const Tweet& t, DimValues* d) {
         for (const auto& c : t.cashtags) d->AddCopy(AsciiUpper(c));
       }},
      {"urls", true, [](const Tweet& t, DimValues* d) {
         for (const auto& u : t.urls) d->AddValue(u.expanded_url.empty() ? u.url : u.expanded_url);
       }},
      {"domains", true, [](const Tweet& t, DimValues* d) {
         for (const auto& s : t.domains) d->AddValue(s);
       }},
      {"brand_tags", true, [](const Tweet& t, DimValues* d) {
         for (const auto& s : t.brand_tags) d->AddValue(s);
       }},
      {"withheld", true, [](const Tweet& t, DimValues* d) {
         for (const auto& s : t.withheld_in_countries) d->AddValue(s);
       }},
  }));
  tasks.Add(BlockTasks::kDictionaries, dims({
      {"terms", true, [](const Tweet& t, DimValues* d) {
         for (std::string_view s : t.terms) d->AddValue(s);
       }, [](const Tweet& t) { return t.terms.size(); }},
  }), /*big=*/true);

  tasks.Add(BlockTasks::kIdIndexes, [&](Blocks* out) {
    std::vector<std::pair<uint64_t, uint32_t>> ids, rts;
    ids.reserve(rows);
    for (uint32_t r = 0; r < rows; ++r) {
      ids.emplace_back(ts[r].id, r);
      if (ts[r].retweet_of != 0) rts.emplace_back(ts[r].retweet_of, r);
    }
    if (ids_increasing) out->emplace_back("id.keys", BuildIdIndex(std::move(ids), /*implied_rows=*/true));
    else out->emplace_back("id.index", BuildIdIndex(std::move(ids)));
    out->emplace_back("retweet_of.index", BuildIdIndex(std::move(rts)));
  });

  std::vector<Blocks> built = tasks.Run(threads_, &costs_);
  if (on_blocks_built_) on_blocks_built_();
  // The blocks hold everything now. Freeing the tweets (a dozen
  // allocations each) runs beside the write instead of after it.
  std::jthread release([chunks = std::move(chunks_)]() mutable { chunks.clear(); });
  size_ = 0;

  t0 = ThreadCpuSeconds();
  PagedFile file;
  ROOST_RETURN_IF_ERROR(file.Open(path));
  std::string header(kSegmentMagic, 8);
  PutFixed32(&header, kFormatVersion);
  PutFixed32(&header, 0);
  ROOST_RETURN_IF_ERROR(file.Write(header));

  std::string dir;
  PutVarint(&dir, ZigZag(meta.min_time));
  PutVarint(&dir, ZigZag(meta.max_time));
  PutVarint(&dir, meta.min_id);
  PutVarint(&dir, meta.max_id);
  PutVarint(&dir, ZigZag(meta.partition_start));
  std::string entries;
  uint32_t block_count = 0;
  for (Blocks& group : built)
    for (auto& [name, bytes] : group) {
      PutString(&entries, name);
      PutVarint(&entries, file.offset());
      PutVarint(&entries, bytes.size());
      ++block_count;
      ROOST_RETURN_IF_ERROR(file.Write(bytes));
      std::string().swap(bytes);
    }

  // Page table, directory, footer.
  file.EndPages();
  const uint64_t page_table_offset = file.offset();
  std::string meta_bytes;
  for (uint64_t s : file.page_sums()) PutFixed64(&meta_bytes, s);
  PutVarint(&dir, block_count);
  dir += entries;
  const uint64_t dir_offset = page_table_offset + meta_bytes.size();
  meta_bytes += dir;
  std::string footer;
  PutFixed64(&footer, page_table_offset);
  PutFixed64(&footer, file.page_sums().size());
  PutFixed64(&footer, dir_offset);
  PutFixed64(&footer, dir.size());
  PutFixed64(&footer, rows);
  PutFixed32(&footer, kFormatVersion);
  PutFixed32(&footer, static_cast<uint32_t>(kPageSize));
  PutFixed64(&footer, Checksum(meta_bytes + footer));
  footer.append(kSegmentMagic, 8);
  ROOST_RETURN_IF_ERROR(file.WriteRaw(meta_bytes));
  ROOST_RETURN_IF_ERROR(file.WriteRaw(footer));
  ROOST_RETURN_IF_ERROR(file.Flush());
  costs_.write = ThreadCpuSeconds() - t0;
  const auto f0 = std::chrono::steady_clock::now();
  ROOST_RETURN_IF_ERROR(file.Close());
  costs_.fsync_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - f0).count();
  return meta;
}

}  // namespace roost::storage

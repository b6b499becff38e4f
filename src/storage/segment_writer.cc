#include "storage/segment_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <deque>
#include <functional>
#include <limits>
#include <unordered_map>

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
  std::string* buf() { return &cur_; }
  void EndRow() {
    if (++rows_ == kGranuleRows) Flush();
  }
  std::string Finish() {
    Flush();
    std::string out;
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
    granules_.push_back(Compress(cur_, kZstdLevel));
    cur_.clear();
    rows_ = 0;
  }
  std::string cur_;
  uint32_t rows_ = 0;
  std::vector<std::string> granules_;
};

// Values of one dimension column, as per-row lists of temporary ids.
// Values of one dimension column, as per-row lists of temporary ids. Keys
// are views into the tweets (alive until Finish returns) or into `owned`
// for normalised copies, so building a dictionary copies each value once.
struct DimValues {
  std::unordered_map<std::string_view, uint32_t> tmp_ids;
  std::vector<std::string_view> values;
  std::deque<std::string> owned;
  std::vector<uint32_t> row_start{0};
  std::vector<uint32_t> ids;

  void AddValue(std::string_view v) {
    auto [it, inserted] = tmp_ids.try_emplace(v, static_cast<uint32_t>(values.size()));
    if (inserted) values.push_back(v);
    ids.push_back(it->second);
  }
  void AddOwned(std::string v) {
    auto it = tmp_ids.find(v);
    if (it != tmp_ids.end()) {
      ids.push_back(it->second);
      return;
    }
    owned.push_back(std::move(v));
    AddValue(owned.back());
  }
  void EndRow() { row_start.push_back(static_cast<uint32_t>(ids.size())); }
};

struct DimBlocks {
  std::string dict, ids, ranks, postings;
};

// One posting: varint(length) then either a delta-varint row list (kind 0)
// or a portable CRoaring bitmap (kind 1), whichever is smaller. Rare values,
// the majority of users and terms, cost a few bytes instead of a bitmap header.
void AppendPosting(std::string* out, const std::vector<uint32_t>& rows) {
  std::string list(1, '\0');
  PutVarint(&list, rows.size());
  uint32_t prev = 0;
  for (uint32_t r : rows) {
    PutVarint(&list, r - prev);
    prev = r;
  }
  Bitmap bm(roaring_bitmap_of_ptr(rows.size(), rows.data()));
  roaring_bitmap_run_optimize(bm.raw());
  size_t size = roaring_bitmap_portable_size_in_bytes(bm.raw());
  if (size + 1 < list.size()) {
    list.assign(1, '\1');
    list.resize(1 + size);
    roaring_bitmap_portable_serialize(bm.raw(), list.data() + 1);
  }
  PutVarint(out, list.size());
  *out += list;
}

DimBlocks BuildDim(DimValues& d, bool multi) {
  const uint32_t n = static_cast<uint32_t>(d.values.size());
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return d.values[a] < d.values[b]; });
  std::vector<uint32_t> final_id(n);
  for (uint32_t i = 0; i < n; ++i) final_id[order[i]] = i;

  DimBlocks out;
  PutFixed32(&out.dict, n);
  uint32_t off = 0;
  PutFixed32(&out.dict, 0);
  for (uint32_t i = 0; i < n; ++i) PutFixed32(&out.dict, off += static_cast<uint32_t>(d.values[order[i]].size()));
  for (uint32_t i = 0; i < n; ++i) out.dict += d.values[order[i]];

  // Rows per value, then ranks: frequent values get small ids in the per-row
  // lists, so their varints are short and compress well.
  std::vector<std::vector<uint32_t>> rows_of(n);
  const uint32_t rows = static_cast<uint32_t>(d.row_start.size() - 1);
  for (uint32_t r = 0; r < rows; ++r)
    for (uint32_t k = d.row_start[r]; k < d.row_start[r + 1]; ++k) {
      uint32_t id = final_id[d.ids[k]];
      if (rows_of[id].empty() || rows_of[id].back() != r) rows_of[id].push_back(r);
    }
  std::vector<uint32_t> by_rank(n);
  for (uint32_t i = 0; i < n; ++i) by_rank[i] = i;
  std::stable_sort(by_rank.begin(), by_rank.end(),
                   [&](uint32_t a, uint32_t b) { return rows_of[a].size() > rows_of[b].size(); });
  std::vector<uint32_t> rank_of(n);
  std::string ranks;
  for (uint32_t r = 0; r < n; ++r) {
    rank_of[by_rank[r]] = r;
    PutVarint(&ranks, by_rank[r]);
  }
  out.ranks = Compress(ranks, kZstdLevel);

  GranuleBuilder ids;
  for (uint32_t r = 0; r < rows; ++r) {
    uint32_t b = d.row_start[r], e = d.row_start[r + 1];
    if (multi) PutVarint(ids.buf(), e - b);
    for (uint32_t k = b; k < e; ++k) PutVarint(ids.buf(), rank_of[final_id[d.ids[k]]]);
    ids.EndRow();
  }
  out.ids = ids.Finish();

  const uint32_t groups = (n + kPostingGroup - 1) / kPostingGroup;
  std::string data;
  PutFixed32(&out.postings, n);
  PutFixed32(&out.postings, groups);
  for (uint32_t id = 0; id < n; ++id) {
    if (id % kPostingGroup == 0) PutFixed64(&out.postings, data.size());
    AppendPosting(&data, rows_of[id]);
    std::vector<uint32_t>().swap(rows_of[id]);
  }
  PutFixed64(&out.postings, data.size());
  out.postings += data;
  return out;
}

// Sorted (key, row) pairs in groups of kIndexGroup for random access.
std::string BuildIdIndex(std::vector<std::pair<uint64_t, uint32_t>> pairs) {
  std::sort(pairs.begin(), pairs.end());
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
      PutVarint(&data, ZigZag(static_cast<int64_t>(pairs[i].second) - prev_row));
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

}  // namespace

Result<SegmentMeta> SegmentWriter::Finish(const std::string& path) {
  if (tweets_.empty()) return Status::InvalidArgument("segment " + path + ": no rows");
  if (tweets_.size() >= std::numeric_limits<uint32_t>::max())
    return Status::InvalidArgument("segment " + path + ": too many rows");
  {
    // Sort a permutation, then move each tweet once (Tweet is large).
    std::vector<uint32_t> perm(tweets_.size());
    for (uint32_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::sort(perm.begin(), perm.end(), [&](uint32_t a, uint32_t b) {
      const Tweet &x = tweets_[a], &y = tweets_[b];
      return x.created_at != y.created_at ? x.created_at < y.created_at : x.id < y.id;
    });
    if (!std::is_sorted(perm.begin(), perm.end())) {
      std::vector<Tweet> sorted;
      sorted.reserve(tweets_.size());
      for (uint32_t p : perm) sorted.push_back(std::move(tweets_[p]));
      tweets_.swap(sorted);
    }
  }
  const std::vector<Tweet>& ts = tweets_;
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
  auto add_block = [&](const std::string& name, const std::string& bytes) -> Status {
    PutString(&entries, name);
    PutVarint(&entries, file.offset());
    PutVarint(&entries, bytes.size());
    ++block_count;
    return file.Write(bytes);
  };

  auto int_col = [&](const char* name, bool delta, const std::function<int64_t(const Tweet&)>& get) {
    GranuleBuilder g;
    int64_t prev = 0;
    for (const Tweet& t : ts) {
      int64_t v = get(t);
      PutVarint(g.buf(), ZigZag(delta ? v - prev : v));
      prev = v;
      g.EndRow();
    }
    return add_block(std::string(name) + ".data", g.Finish());
  };
  auto double_col = [&](const char* name, const std::function<double(const Tweet&)>& get) {
    GranuleBuilder g;
    for (const Tweet& t : ts) {
      PutFixed64(g.buf(), std::bit_cast<uint64_t>(get(t)));
      g.EndRow();
    }
    return add_block(std::string(name) + ".data", g.Finish());
  };
  auto string_col = [&](const char* name, const std::function<const std::string&(const Tweet&)>& get) {
    GranuleBuilder g;
    for (const Tweet& t : ts) {
      PutString(g.buf(), get(t));
      g.EndRow();
    }
    return add_block(std::string(name) + ".data", g.Finish());
  };
  static const std::string kEmpty;

  ROOST_RETURN_IF_ERROR(int_col("id", true, [](const Tweet& t) { return static_cast<int64_t>(t.id); }));
  ROOST_RETURN_IF_ERROR(int_col("created_at", true, [](const Tweet& t) { return t.created_at; }));
  ROOST_RETURN_IF_ERROR(int_col("format", false, [](const Tweet& t) { return static_cast<int64_t>(t.format); }));
  ROOST_RETURN_IF_ERROR(int_col("followers", false, [](const Tweet& t) { return t.user.followers; }));
  ROOST_RETURN_IF_ERROR(int_col("friends", false, [](const Tweet& t) { return t.user.friends; }));
  ROOST_RETURN_IF_ERROR(int_col("statuses", false, [](const Tweet& t) { return t.user.statuses; }));
  ROOST_RETURN_IF_ERROR(int_col("verified", false, [](const Tweet& t) { return int64_t{t.user.verified}; }));
  ROOST_RETURN_IF_ERROR(int_col("protected", false, [](const Tweet& t) { return int64_t{t.user.is_protected}; }));
  ROOST_RETURN_IF_ERROR(int_col("user_created_at", false, [](const Tweet& t) { return t.user.created_at; }));
  ROOST_RETURN_IF_ERROR(int_col("utc_offset", false, [](const Tweet& t) { return int64_t{t.user.utc_offset_s}; }));
  ROOST_RETURN_IF_ERROR(int_col("retweet_of", false, [](const Tweet& t) { return static_cast<int64_t>(t.retweet_of); }));
  ROOST_RETURN_IF_ERROR(int_col("retweet_of_user", false, [](const Tweet& t) { return static_cast<int64_t>(t.retweet_of_user); }));
  ROOST_RETURN_IF_ERROR(int_col("quote_of", false, [](const Tweet& t) { return static_cast<int64_t>(t.quote_of); }));
  ROOST_RETURN_IF_ERROR(int_col("quote_of_user", false, [](const Tweet& t) { return static_cast<int64_t>(t.quote_of_user); }));
  ROOST_RETURN_IF_ERROR(int_col("reply_to", false, [](const Tweet& t) { return static_cast<int64_t>(t.reply_to); }));
  ROOST_RETURN_IF_ERROR(int_col("reply_to_user", false, [](const Tweet& t) { return static_cast<int64_t>(t.reply_to_user); }));
  ROOST_RETURN_IF_ERROR(int_col("retweet_count", false, [](const Tweet& t) { return t.retweet_count; }));
  ROOST_RETURN_IF_ERROR(int_col("favorite_count", false, [](const Tweet& t) { return t.favorite_count; }));
  ROOST_RETURN_IF_ERROR(int_col("reply_count", false, [](const Tweet& t) { return t.reply_count; }));
  ROOST_RETURN_IF_ERROR(int_col("quote_count", false, [](const Tweet& t) { return t.quote_count; }));
  ROOST_RETURN_IF_ERROR(int_col("has_coordinates", false, [](const Tweet& t) { return int64_t{t.has_coordinates}; }));
  ROOST_RETURN_IF_ERROR(int_col("has_place", false, [](const Tweet& t) { return int64_t{t.place.has_value()}; }));
  ROOST_RETURN_IF_ERROR(int_col("place_has_box", false, [](const Tweet& t) { return int64_t{t.place && t.place->has_box}; }));
  ROOST_RETURN_IF_ERROR(int_col("sentiment_scored", false, [](const Tweet& t) { return int64_t{t.sentiment_scored}; }));
  ROOST_RETURN_IF_ERROR(int_col("sentiment", false, [](const Tweet& t) { return FloatBits(t.sentiment); }));
  ROOST_RETURN_IF_ERROR(int_col("lang_confidence", false, [](const Tweet& t) { return FloatBits(t.lang_confidence); }));

  ROOST_RETURN_IF_ERROR(double_col("longitude", [](const Tweet& t) { return t.longitude; }));
  ROOST_RETURN_IF_ERROR(double_col("latitude", [](const Tweet& t) { return t.latitude; }));
  ROOST_RETURN_IF_ERROR(double_col("place_min_lon", [](const Tweet& t) { return t.place ? t.place->min_lon : 0.0; }));
  ROOST_RETURN_IF_ERROR(double_col("place_min_lat", [](const Tweet& t) { return t.place ? t.place->min_lat : 0.0; }));
  ROOST_RETURN_IF_ERROR(double_col("place_max_lon", [](const Tweet& t) { return t.place ? t.place->max_lon : 0.0; }));
  ROOST_RETURN_IF_ERROR(double_col("place_max_lat", [](const Tweet& t) { return t.place ? t.place->max_lat : 0.0; }));

  ROOST_RETURN_IF_ERROR(string_col("text", [](const Tweet& t) -> const std::string& { return t.text; }));
  ROOST_RETURN_IF_ERROR(string_col("user_name", [](const Tweet& t) -> const std::string& { return t.user.name; }));
  ROOST_RETURN_IF_ERROR(string_col("user_description", [](const Tweet& t) -> const std::string& { return t.user.description; }));
  ROOST_RETURN_IF_ERROR(string_col("user_location", [](const Tweet& t) -> const std::string& { return t.user.location; }));
  ROOST_RETURN_IF_ERROR(string_col("reply_to_screen_name", [](const Tweet& t) -> const std::string& { return t.reply_to_screen_name; }));
  ROOST_RETURN_IF_ERROR(string_col("place_id", [](const Tweet& t) -> const std::string& { return t.place ? t.place->id : kEmpty; }));
  ROOST_RETURN_IF_ERROR(string_col("place_type", [](const Tweet& t) -> const std::string& { return t.place ? t.place->place_type : kEmpty; }));
  {
    GranuleBuilder tco, mention_ids;
    for (const Tweet& t : ts) {
      PutVarint(tco.buf(), t.urls.size());
      for (const Url& u : t.urls) PutString(tco.buf(), u.url);
      tco.EndRow();
      PutVarint(mention_ids.buf(), t.mentions.size());
      for (const Mention& m : t.mentions) PutVarint(mention_ids.buf(), ZigZag(static_cast<int64_t>(m.user_id)));
      mention_ids.EndRow();
    }
    ROOST_RETURN_IF_ERROR(add_block("url_tco.data", tco.Finish()));
    ROOST_RETURN_IF_ERROR(add_block("mention_ids.data", mention_ids.Finish()));
  }

  // Dimension columns.
  auto dim = [&](const char* name, bool multi, const std::function<void(const Tweet&, DimValues*)>& fill) -> Status {
    DimValues d;
    d.ids.reserve(ts.size());
    d.row_start.reserve(ts.size() + 1);
    for (const Tweet& t : ts) {
      fill(t, &d);
      d.EndRow();
    }
    DimBlocks b = BuildDim(d, multi);
    ROOST_RETURN_IF_ERROR(add_block(std::string(name) + ".dict", b.dict));
    ROOST_RETURN_IF_ERROR(add_block(std::string(name) + ".ids", b.ids));
    ROOST_RETURN_IF_ERROR(add_block(std::string(name) + ".ranks", b.ranks));
    return add_block(std::string(name) + ".postings", b.postings);
  };
  ROOST_RETURN_IF_ERROR(dim("lang", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.lang); }));
  ROOST_RETURN_IF_ERROR(dim("detected_lang", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.detected_lang); }));
  ROOST_RETURN_IF_ERROR(dim("country", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.place ? t.place->country_code : kEmpty); }));
  ROOST_RETURN_IF_ERROR(dim("place", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.place ? t.place->full_name : kEmpty); }));
  ROOST_RETURN_IF_ERROR(dim("user", false, [](const Tweet& t, DimValues* d) { d->AddOwned(std::to_string(t.user.id)); }));
  ROOST_RETURN_IF_ERROR(dim("handle", false, [](const Tweet& t, DimValues* d) { d->AddOwned(AsciiLower(t.user.screen_name)); }));
  ROOST_RETURN_IF_ERROR(dim("source", false, [](const Tweet& t, DimValues* d) { d->AddValue(t.source); }));
  ROOST_RETURN_IF_ERROR(dim("hashtags", true, [](const Tweet& t, DimValues* d) {
    for (const auto& h : t.hashtags) d->AddOwned(AsciiLower(h.text));
  }));
  ROOST_RETURN_IF_ERROR(dim("mentions", true, [](const Tweet& t, DimValues* d) {
    for (const auto& m : t.mentions) d->AddOwned(AsciiLower(m.screen_name));
  }));
  ROOST_RETURN_IF_ERROR(dim("cashtags", true, [](const Tweet& t, DimValues* d) {
    for (const auto& c : t.cashtags) d->AddOwned(AsciiUpper(c));
  }));
  ROOST_RETURN_IF_ERROR(dim("urls", true, [](const Tweet& t, DimValues* d) {
    for (const auto& u : t.urls) d->AddValue(u.expanded_url.empty() ? u.url : u.expanded_url);
  }));
  ROOST_RETURN_IF_ERROR(dim("domains", true, [](const Tweet& t, DimValues* d) {
    for (const auto& s : t.domains) d->AddValue(s);
  }));
  ROOST_RETURN_IF_ERROR(dim("brand_tags", true, [](const Tweet& t, DimValues* d) {
    for (const auto& s : t.brand_tags) d->AddValue(s);
  }));
  ROOST_RETURN_IF_ERROR(dim("withheld", true, [](const Tweet& t, DimValues* d) {
    for (const auto& s : t.withheld_in_countries) d->AddValue(s);
  }));
  ROOST_RETURN_IF_ERROR(dim("terms", true, [](const Tweet& t, DimValues* d) {
    for (const auto& s : t.terms) d->AddValue(s);
  }));

  // Id indexes.
  {
    std::vector<std::pair<uint64_t, uint32_t>> ids, rts;
    ids.reserve(rows);
    for (uint32_t r = 0; r < rows; ++r) {
      ids.emplace_back(ts[r].id, r);
      if (ts[r].retweet_of != 0) rts.emplace_back(ts[r].retweet_of, r);
    }
    ROOST_RETURN_IF_ERROR(add_block("id.index", BuildIdIndex(std::move(ids))));
    ROOST_RETURN_IF_ERROR(add_block("retweet_of.index", BuildIdIndex(std::move(rts))));
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
  ROOST_RETURN_IF_ERROR(file.Close());
  return meta;
}

}  // namespace roost::storage

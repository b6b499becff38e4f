// SegmentReader: read access to one immutable segment file through a
// read-only mmap. Opening checks the footer and directory; each 64 KiB page
// is checksummed the first time anything on it is read, so a lookup hashes
// only what it touches. Any mismatch is kCorruption naming the file. Safe to
// use from several threads at once.
#ifndef ROOST_STORAGE_SEGMENT_READER_H_
#define ROOST_STORAGE_SEGMENT_READER_H_

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"
#include "storage/bitmap.h"
#include "storage/file_util.h"
#include "storage/segment_format.h"

namespace roost::storage {

// Per-row lists of dictionary ids (CSR): row r holds ids[start[r], start[r+1]).
struct IdLists {
  std::vector<uint32_t> start;
  std::vector<uint32_t> ids;
};

// A sorted dictionary: straight on the mapped file (format v1), or on the
// decoded copy of a front-coded one (v2), which `owner` keeps alive.
class DictionaryView {
 public:
  DictionaryView() = default;
  DictionaryView(const char* offsets, const char* bytes, uint32_t count,
                 std::shared_ptr<const std::string> owner = nullptr)
      : offsets_(offsets), bytes_(bytes), count_(count), owner_(std::move(owner)) {}
  uint32_t size() const { return count_; }
  std::string_view value(uint32_t id) const;
  // The id of `value`, or nullopt when this segment does not hold it.
  std::optional<uint32_t> Find(std::string_view value) const;

 private:
  const char* offsets_ = nullptr;
  const char* bytes_ = nullptr;
  uint32_t count_ = 0;
  std::shared_ptr<const std::string> owner_;
};

class SegmentReader {
 public:
  struct BlockInfo {
    std::string name;
    uint64_t offset = 0, length = 0;
  };

  // Maps and checks the footer, directory and format version. kCorruption
  // when they are damaged, kUnsupported for a newer format version.
  static Result<std::unique_ptr<SegmentReader>> Open(const std::string& path);

  const std::string& path() const { return file_->path(); }
  std::string name() const;  // file name without directory
  uint64_t row_count() const { return meta_.rows; }
  const SegmentMeta& meta() const { return meta_; }
  uint32_t format_version() const { return version_; }
  uint64_t file_size() const { return file_->size(); }
  const std::vector<BlockInfo>& blocks() const { return blocks_; }
  // Bytes per column (blocks grouped by the part of their name before '.').
  std::map<std::string, uint64_t> ColumnSizes() const;

  // Hashes every page; the first damaged page is reported.
  Status VerifyAll() const;

  // Whole columns, one value per row.
  Result<std::vector<int64_t>> ReadInts(std::string_view column) const;
  Result<std::vector<double>> ReadDoubles(std::string_view column) const;
  Result<std::vector<std::string>> ReadStrings(std::string_view column) const;
  Result<std::vector<std::vector<std::string>>> ReadStringLists(std::string_view column) const;
  Result<std::vector<std::vector<int64_t>>> ReadIntLists(std::string_view column) const;
  // A string column granule by granule, without copying values: for each
  // granule holding a row of `rows`, fn(first_row, values) where values[k] is
  // row first_row + k (views valid during the call). Other granules are not
  // decompressed. Stops at fn's first error (segment_reader_scan.cc).
  using StringGranuleFn = std::function<Status(uint32_t first_row, const std::vector<std::string_view>& values)>;
  Status ScanStrings(std::string_view column, const Bitmap& rows, const StringGranuleFn& fn) const;

  // Dimension columns (kSingleDims, kMultiDims).
  Result<DictionaryView> Dictionary(std::string_view column) const;
  Result<std::vector<uint32_t>> ReadDimIds(std::string_view column) const;  // single-valued
  Result<IdLists> ReadDimIdLists(std::string_view column) const;           // multi-valued
  Result<Bitmap> ValueBitmap(std::string_view column, uint32_t id) const;
  // The dictionary id of `value` in `column`, or nullopt. Unlike
  // Dictionary(), which checks the whole block, this checks only the pages
  // its binary search reads (a first lookup after open stays cheap).
  Result<std::optional<uint32_t>> FindValue(std::string_view column, std::string_view value) const;
  // Rows holding `value`; an empty bitmap when the segment does not hold it.
  Result<Bitmap> Lookup(std::string_view column, std::string_view value) const;

  // Row of tweet `id`, or nullopt.
  Result<std::optional<uint32_t>> FindRow(uint64_t id) const;
  // Rows that retweet `original_id`.
  Result<std::vector<uint32_t>> RetweetRows(uint64_t original_id) const;
  // The same for many ids at once, given in increasing order: one pass over
  // the index groups that can hold one of them, where a lookup per id
  // would decode a group each (compliance masks look up every deleted id).
  Result<std::vector<uint32_t>> RowsOfIds(std::span<const uint64_t> sorted_ids) const;
  Result<std::vector<uint32_t>> RetweetRowsOf(std::span<const uint64_t> sorted_originals) const;

  // Every row as a Tweet (values normalised as FORMAT.md says). Used by
  // compaction and tests; queries read only the columns they need.
  Result<std::vector<Tweet>> ReadAllTweets() const;

 private:
  SegmentReader() = default;
  Result<const BlockInfo*> FindBlock(std::string_view name) const;
  // Bytes [offset, offset+length) of the file, checking the pages they span.
  Result<std::string_view> Bytes(uint64_t offset, uint64_t length, const char* what) const;
  Result<std::string_view> WholeBlock(std::string_view name) const;
  // Entry `i` of a table of u32 offsets at `table_at` into `data_len` bytes
  // at `data_at`, checking only the pages it reads.
  Result<std::string_view> OffsetSlice(uint64_t table_at, uint64_t data_at, uint64_t data_len, uint32_t i,
                                       const char* what) const;
  Status VerifyPage(uint64_t page, const char* what) const;
  Result<std::vector<std::string>> ReadGranules(std::string_view block) const;
  // Dictionary id of each rank (the per-row lists store ranks).
  Result<std::vector<uint32_t>> RankTable(std::string_view column) const;
  // Rows of the keys `sorted_keys` (increasing) in an id index block.
  // `implied_rows`: format v2 `id.keys`, where a pair's row is its position.
  Result<std::vector<uint32_t>> IndexRows(std::string_view block, std::span<const uint64_t> sorted_keys,
                                          bool implied_rows = false) const;
  // Format v2 `id.keys` decoded as the id column (segment_reader_v2.cc).
  Result<std::vector<int64_t>> IdsFromKeys() const;
  bool HasBlock(std::string_view name) const { return block_index_.find(name) != block_index_.end(); }
  // Format v2 `id.keys`: the id column and the id index in one block.
  bool HasIdKeys() const { return version_ >= 2 && HasBlock("id.keys"); }
  Status CorruptionAt(std::string_view what, std::string_view detail) const;
  // Format v2 (segment_reader_v2.cc): a front-coded dictionary decoded to
  // the v1 layout (u32 offsets[count+1], then the bytes), cached per column.
  Result<DictionaryView> DecodedDictionary(std::string_view column) const;
  Result<std::optional<uint32_t>> FindFrontCoded(const BlockInfo& b, std::string_view value) const;
  // Format v2 `handle.user`: the user id of each handle id (nullopt when the
  // segment stores the handle as a dimension of its own).
  Result<std::optional<std::vector<uint32_t>>> HandleUsers() const;
  // The user id of handle `id` alone (a lookup reads a few bytes).
  Result<std::optional<uint32_t>> HandleUser(uint32_t id) const;
  Result<Bitmap> PostingV2(std::string_view block, std::string_view group, uint32_t index) const;

  std::unique_ptr<MappedFile> file_;
  SegmentMeta meta_;
  uint32_t version_ = 0;
  uint64_t page_table_offset_ = 0, page_count_ = 0;
  std::vector<BlockInfo> blocks_;
  std::map<std::string, size_t, std::less<>> block_index_;
  std::unique_ptr<std::atomic<uint8_t>[]> page_state_;  // 0 unchecked, 1 good, 2 bad
  mutable std::mutex dict_mu_;
  mutable std::map<std::string, std::shared_ptr<const std::string>, std::less<>> decoded_dicts_;
};

}  // namespace roost::storage

#endif  // ROOST_STORAGE_SEGMENT_READER_H_

// Arbitrary bytes opened as a segment file, then read every way a query or
// `roost verify` reads one: dictionaries, ids, postings, lookups, whole
// columns, every tweet. It must fail with kCorruption, never crash.
//
// Checksums guard every page, so a mutated segment is mostly turned away
// at the first read. The first input byte chooses: even, the bytes as they
// are; odd, the bytes "resealed" (page checksums and the directory checksum
// recomputed), which reaches the decoders behind the checksums the way a
// writer bug or a colliding checksum would.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "storage/encoding.h"
#include "storage/segment_format.h"
#include "storage/segment_reader.h"

namespace {

using namespace roost::storage;

uint64_t Load64(const std::string& s, size_t at) {
  uint64_t v;
  std::memcpy(&v, s.data() + at, 8);
  return v;
}
void Store64(std::string* s, size_t at, uint64_t v) { std::memcpy(s->data() + at, &v, 8); }

// Recomputes the checksums a writer would have stored, where the footer's
// offsets allow it (the layout is docs/FORMAT.md's).
void Reseal(std::string* file) {
  if (file->size() < kHeaderSize + kFooterSize) return;
  const size_t footer_at = file->size() - kFooterSize;
  const uint64_t table = Load64(*file, footer_at), pages = Load64(*file, footer_at + 8);
  if (table > footer_at || pages != (table + kPageSize - 1) / kPageSize || table + 8 * pages > footer_at) return;
  for (uint64_t p = 0; p < pages; ++p) {
    const uint64_t begin = p * kPageSize;
    const uint64_t length = std::min<uint64_t>(kPageSize, table - begin);
    Store64(file, table + 8 * p, Checksum(file->data() + begin, length));
  }
  Store64(file, footer_at + 48, Checksum(file->data() + table, footer_at + 48 - table));
}

void ReadDimension(const SegmentReader& segment, const char* column, bool multi) {
  auto dict = segment.Dictionary(column);
  if (!dict.ok()) return;
  if (multi) {
    auto lists = segment.ReadDimIdLists(column);
    if (lists.ok()) {
      FUZZ_CHECK(lists->start.size() == segment.row_count() + 1);
      for (uint32_t id : lists->ids) FUZZ_CHECK(id < dict->size());
    }
  } else {
    auto ids = segment.ReadDimIds(column);
    if (ids.ok()) {
      FUZZ_CHECK(ids->size() == segment.row_count());
      for (uint32_t id : *ids) FUZZ_CHECK(id < dict->size());
    }
  }
  for (uint32_t id = 0; id < dict->size() && id < 16; ++id) {
    const std::string value(dict->value(id));
    auto rows = segment.ValueBitmap(column, id);
    if (rows.ok() && !rows->Empty()) FUZZ_CHECK(roaring_bitmap_maximum(rows->raw()) < segment.row_count());
    (void)segment.Lookup(column, value);
  }
  (void)segment.Lookup(column, "en");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string file(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) Reseal(&file);
  const std::string& path =
      roost::fuzz::WriteScratchFile("segment.rseg", reinterpret_cast<const uint8_t*>(file.data()), file.size());
  auto segment = SegmentReader::Open(path);
  if (!segment.ok()) return 0;
  const SegmentReader& s = **segment;
  (void)s.VerifyAll();
  (void)s.ColumnSizes();
  for (const char* column : kSingleDims) ReadDimension(s, column, false);
  for (const char* column : kMultiDims) ReadDimension(s, column, true);
  auto ids = s.ReadInts("id");
  if (ids.ok()) {
    FUZZ_CHECK(ids->size() == s.row_count());
    if (!ids->empty()) {
      (void)s.FindRow(static_cast<uint64_t>(ids->front()));
      (void)s.RetweetRows(static_cast<uint64_t>(ids->front()));
    }
  }
  auto tweets = s.ReadAllTweets();
  if (tweets.ok()) FUZZ_CHECK(tweets->size() == s.row_count());
  return 0;
}

// The document splitter over an in-memory stream that arrives in chunks of
// fuzzed sizes, with a fuzzed document size limit: JSON lines, pretty
// printed documents, cut records, blank lines, byte-order marks, oversized
// lines.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "io/byte_source.h"
#include "io/document_splitter.h"

namespace {

// The bytes of one fuzz input, delivered `chunk` bytes at most per Read().
class MemorySource : public roost::ByteSource {
 public:
  MemorySource(std::string_view bytes, size_t chunk) : bytes_(bytes), chunk_(chunk) {}
  roost::Result<size_t> Read(char* buffer, size_t capacity) override {
    const size_t n = std::min({capacity, chunk_, bytes_.size() - offset_});
    std::memcpy(buffer, bytes_.data() + offset_, n);
    offset_ += n;
    return n;
  }
  roost::Compression compression() const override { return roost::Compression::kNone; }
  uint64_t compressed_bytes_read() const override { return offset_; }
  const std::string& name() const override { return name_; }

 private:
  std::string_view bytes_;
  size_t chunk_;
  size_t offset_ = 0;
  std::string name_ = "fuzz input";
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  // Two bytes of settings, the rest is the stream.
  const size_t chunk = 1 + data[0] * 17;                  // 1 .. 4336 bytes per read
  const size_t max_document = 16 + (size_t{data[1]} << 6);  // 16 .. 16336 bytes
  const std::string_view input(reinterpret_cast<const char*>(data) + 2, size - 2);
  size_t newlines = std::count(input.begin(), input.end(), '\n');

  MemorySource source(input, chunk);
  roost::DocumentSplitter splitter(&source, max_document);
  roost::Document doc;
  uint64_t next_line = 1;
  uint64_t bytes_out = 0;
  for (;;) {
    auto more = splitter.Next(&doc);
    if (!more.ok() || !*more) break;
    FUZZ_CHECK(doc.first_line >= next_line);  // in order, never overlapping
    FUZZ_CHECK(doc.line_count >= 1);
    next_line = doc.first_line + doc.line_count;
    FUZZ_CHECK(next_line <= newlines + 2);
    FUZZ_CHECK(doc.length <= doc.full_length);
    bytes_out += doc.full_length;
    FUZZ_CHECK(bytes_out <= input.size());
    if (doc.kind == roost::Document::Kind::kJson) {
      FUZZ_CHECK(doc.length == doc.full_length);
      if (doc.length > max_document)
        fprintf(stderr, "line %lu: %zu bytes over the limit\n", static_cast<unsigned long>(doc.first_line), doc.length);
      FUZZ_CHECK(doc.length <= max_document);
      FUZZ_CHECK(doc.length > 0);
      // A document is a piece of the input, cut but never rewritten.
      FUZZ_CHECK(input.find(std::string_view(doc.data, doc.length)) != std::string_view::npos);
    } else {
      FUZZ_CHECK(doc.full_length > max_document);
      FUZZ_CHECK(doc.length <= roost::DocumentSplitter::kTooLargePrefix);
    }
    // The promised padding after a document is readable (the sanitizers
    // catch a read past the buffer).
    volatile char last = doc.data[doc.length + roost::DocumentSplitter::kPadding - 1];
    (void)last;
  }
  FUZZ_CHECK(splitter.lines_read() <= newlines + 1);
  FUZZ_CHECK(splitter.stream_status().ok());  // a memory stream never fails
  return 0;
}

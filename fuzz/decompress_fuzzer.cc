// The read path of an input file: compression detected from the first
// bytes (gzip, zstd, bzip2 or plain), streamed through the decompressor and
// cut into documents, as `roost ingest` reads a file.
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "io/byte_source.h"
#include "io/document_splitter.h"

namespace {

// Enough to cover every seed; a small input that expands past it (a
// compression bomb) is simply not read further here.
constexpr uint64_t kMaxDecodedBytes = 8 << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = roost::fuzz::WriteScratchFile("input", data, size);
  auto source = roost::OpenByteSource(path);
  if (!source.ok()) return 0;
  const roost::Compression detected = roost::DetectCompression(data, size < 4 ? size : 4);
  FUZZ_CHECK((*source)->compression() == detected);

  roost::DocumentSplitter splitter(source->get(), 1 << 20);
  roost::Document doc;
  uint64_t decoded = 0;
  for (;;) {
    auto more = splitter.Next(&doc);
    if (!more.ok() || !*more) break;
    decoded += doc.full_length;
    FUZZ_CHECK(doc.length <= doc.full_length);
    if (decoded > kMaxDecodedBytes) return 0;
  }
  FUZZ_CHECK((*source)->compressed_bytes_read() <= size);
  // Plain bytes pass through unchanged: no document holds more than the file.
  if (detected == roost::Compression::kNone) {
    FUZZ_CHECK(decoded <= size);
    FUZZ_CHECK(splitter.stream_status().ok());
  }
  return 0;
}

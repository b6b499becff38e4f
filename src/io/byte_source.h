// ByteSource: a stream of decompressed bytes from one input (file or stdin).
// The compression format is detected from the first bytes, never from the
// file name: gzip (1f 8b), zstd (28 b5 2f fd), bzip2 ("BZh"), else plain.
#ifndef ROOST_IO_BYTE_SOURCE_H_
#define ROOST_IO_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "roost/status.h"

namespace roost {

enum class Compression : uint8_t { kNone, kGzip, kZstd, kBzip2 };
const char* CompressionName(Compression c);

// Looks at up to the first 4 bytes of a stream.
Compression DetectCompression(const unsigned char* head, size_t length);

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `capacity` decompressed bytes into `buffer`. Returns 0 at
  // the clean end of the stream. A stream that stops inside a compressed
  // frame returns a kCorruption Status saying "truncated <format> stream";
  // the bytes delivered before it remain valid.
  virtual Result<size_t> Read(char* buffer, size_t capacity) = 0;

  virtual Compression compression() const = 0;
  // Bytes consumed from the underlying file so far (for progress).
  virtual uint64_t compressed_bytes_read() const = 0;
  // Name used in error messages ("-" is shown as "<stdin>").
  virtual const std::string& name() const = 0;
};

// Opens `path` ("-" for standard input) and detects its compression.
Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path);

}  // namespace roost

#endif  // ROOST_IO_BYTE_SOURCE_H_

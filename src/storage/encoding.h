// Byte-level helpers shared by every storage file: varints, zigzag, fixed
// little-endian integers, zstd and XXH3. Decoders never read past `end` and
// report malformed input as kCorruption.
#ifndef ROOST_STORAGE_ENCODING_H_
#define ROOST_STORAGE_ENCODING_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "roost/status.h"

namespace roost::storage {

inline uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
inline int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

inline void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
inline void PutFixed32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }
inline void PutFixed64(std::string* out, uint64_t v) { out->append(reinterpret_cast<const char*>(&v), 8); }
inline void PutString(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s.data(), s.size());
}
inline uint32_t LoadFixed32(const char* p) { uint32_t v; std::memcpy(&v, p, 4); return v; }
inline uint64_t LoadFixed64(const char* p) { uint64_t v; std::memcpy(&v, p, 8); return v; }

// Sequential reader over [p, end). Each Get returns false on truncation; the
// caller turns that into a Corruption status naming what it was reading.
class ByteReader {
 public:
  ByteReader(const char* p, const char* end) : p_(p), end_(end) {}
  explicit ByteReader(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}
  bool GetVarint(uint64_t* v) {
    uint64_t result = 0;
    for (int shift = 0; shift <= 63 && p_ < end_; shift += 7) {
      uint8_t byte = static_cast<uint8_t>(*p_++);
      result |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) {
        *v = result;
        return true;
      }
    }
    return false;
  }
  bool GetFixed32(uint32_t* v) {
    if (end_ - p_ < 4) return false;
    *v = LoadFixed32(p_);
    p_ += 4;
    return true;
  }
  bool GetFixed64(uint64_t* v) {
    if (end_ - p_ < 8) return false;
    *v = LoadFixed64(p_);
    p_ += 8;
    return true;
  }
  bool GetString(std::string_view* s) {
    uint64_t n;
    if (!GetVarint(&n) || static_cast<uint64_t>(end_ - p_) < n) return false;
    *s = std::string_view(p_, n);
    p_ += n;
    return true;
  }
  bool GetBytes(size_t n, const char** out) {
    if (static_cast<size_t>(end_ - p_) < n) return false;
    *out = p_;
    p_ += n;
    return true;
  }
  bool done() const { return p_ == end_; }
  size_t remaining() const { return end_ - p_; }

 private:
  const char* p_;
  const char* end_;
};

uint64_t Checksum(const void* data, size_t n);
inline uint64_t Checksum(std::string_view s) { return Checksum(s.data(), s.size()); }

// zstd one-shot helpers. Decompress needs the exact decompressed size, which
// every zstd frame written by Compress records.
std::string Compress(std::string_view raw, int level = 3);
Result<std::string> Decompress(std::string_view compressed);

}  // namespace roost::storage

#endif  // ROOST_STORAGE_ENCODING_H_

#include "storage/encoding.h"

#include <cstdlib>

#include <xxhash.h>
#include <zstd.h>

namespace roost::storage {

uint64_t Checksum(const void* data, size_t n) { return XXH3_64bits(data, n); }

std::string Compress(std::string_view raw, int level) {
  // One context per thread: ZSTD_compress would allocate and initialise a
  // fresh one for each of the hundreds of blocks a segment holds.
  struct Context {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ~Context() { ZSTD_freeCCtx(cctx); }
  };
  thread_local Context context;
  if (context.cctx == nullptr) std::abort();
  // Compressed into a per-thread buffer of compressBound size, then copied
  // out at its real size: a result string of bound size would be zeroed
  // first and keep that capacity (about the raw size) until the segment is
  // written, for every block.
  thread_local std::string scratch;
  const size_t bound = ZSTD_compressBound(raw.size());
  if (scratch.size() < bound) scratch.resize(bound);
  size_t n = ZSTD_compressCCtx(context.cctx, scratch.data(), bound, raw.data(), raw.size(), level);
  // Compression of an in-memory buffer into a buffer of compressBound size
  // cannot fail except on allocation failure, which we treat like new does.
  if (ZSTD_isError(n)) std::abort();
  return std::string(scratch.data(), n);
}

Result<std::string> Decompress(std::string_view compressed) {
  unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 34))
    return Status::Corruption("zstd frame has no valid content size");
  std::string out(size, '\0');
  size_t n = ZSTD_decompress(out.data(), out.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(n) || n != size)
    return Status::Corruption(std::string("zstd: ") + (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short frame"));
  return out;
}

}  // namespace roost::storage

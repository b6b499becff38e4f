#include "synth/output_file.h"

#include <zlib.h>
#include <zstd.h>

namespace roost::synth {

const char* OutputFile::Extension(Compression compression) {
  switch (compression) {
    case Compression::kZstd: return ".jsonl.zst";
    case Compression::kGzip: return ".jsonl.gz";
    case Compression::kNone: return ".jsonl";
  }
  return ".jsonl";
}

OutputFile::~OutputFile() {
  if (zstd_) ZSTD_freeCCtx(static_cast<ZSTD_CCtx*>(zstd_));
  if (gzip_) {
    deflateEnd(static_cast<z_stream*>(gzip_));
    delete static_cast<z_stream*>(gzip_);
  }
  if (file_) std::fclose(file_);
}

Status OutputFile::Open(const std::string& path, Compression compression, int level) {
  if (file_) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (zstd_) ZSTD_freeCCtx(static_cast<ZSTD_CCtx*>(zstd_));
  zstd_ = nullptr;
  if (gzip_) {
    deflateEnd(static_cast<z_stream*>(gzip_));
    delete static_cast<z_stream*>(gzip_);
  }
  gzip_ = nullptr;
  bytes_written_ = 0;
  path_ = path;
  compression_ = compression;
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) return Status::FromErrno("open", path);
  scratch_.resize(1 << 20);
  if (compression == Compression::kZstd) {
    auto* cctx = ZSTD_createCCtx();
    zstd_ = cctx;
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  } else if (compression == Compression::kGzip) {
    auto* zs = new z_stream{};
    gzip_ = zs;
    // windowBits 15 + 16: gzip wrapper; zlib writes mtime 0, so output is reproducible.
    if (deflateInit2(zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      return Status::Internal("deflateInit2 failed for " + path);
  }
  return Status::Ok();
}

Status OutputFile::WriteRaw(const char* data, size_t n) {
  if (n && std::fwrite(data, 1, n, file_) != n) return Status::FromErrno("write", path_);
  bytes_written_ += n;
  return Status::Ok();
}

Status OutputFile::Write(std::string_view bytes) {
  if (compression_ == Compression::kNone) return WriteRaw(bytes.data(), bytes.size());
  if (compression_ == Compression::kZstd) {
    auto* cctx = static_cast<ZSTD_CCtx*>(zstd_);
    ZSTD_inBuffer in{bytes.data(), bytes.size(), 0};
    while (in.pos < in.size) {
      ZSTD_outBuffer out{scratch_.data(), scratch_.size(), 0};
      size_t rc = ZSTD_compressStream2(cctx, &out, &in, ZSTD_e_continue);
      if (ZSTD_isError(rc)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(rc));
      ROOST_RETURN_IF_ERROR(WriteRaw(scratch_.data(), out.pos));
    }
    return Status::Ok();
  }
  auto* zs = static_cast<z_stream*>(gzip_);
  zs->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs->avail_in = static_cast<uInt>(bytes.size());
  while (zs->avail_in > 0) {
    zs->next_out = reinterpret_cast<Bytef*>(scratch_.data());
    zs->avail_out = static_cast<uInt>(scratch_.size());
    if (deflate(zs, Z_NO_FLUSH) == Z_STREAM_ERROR) return Status::Internal("deflate failed for " + path_);
    ROOST_RETURN_IF_ERROR(WriteRaw(scratch_.data(), scratch_.size() - zs->avail_out));
  }
  return Status::Ok();
}

Status OutputFile::Close() {
  if (!file_) return Status::Ok();
  if (compression_ == Compression::kZstd) {
    auto* cctx = static_cast<ZSTD_CCtx*>(zstd_);
    ZSTD_inBuffer in{nullptr, 0, 0};
    size_t remaining;
    do {
      ZSTD_outBuffer out{scratch_.data(), scratch_.size(), 0};
      remaining = ZSTD_compressStream2(cctx, &out, &in, ZSTD_e_end);
      if (ZSTD_isError(remaining)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(remaining));
      ROOST_RETURN_IF_ERROR(WriteRaw(scratch_.data(), out.pos));
    } while (remaining != 0);
  } else if (compression_ == Compression::kGzip) {
    auto* zs = static_cast<z_stream*>(gzip_);
    zs->next_in = nullptr;
    zs->avail_in = 0;
    int rc;
    do {
      zs->next_out = reinterpret_cast<Bytef*>(scratch_.data());
      zs->avail_out = static_cast<uInt>(scratch_.size());
      rc = deflate(zs, Z_FINISH);
      if (rc == Z_STREAM_ERROR) return Status::Internal("deflate failed for " + path_);
      ROOST_RETURN_IF_ERROR(WriteRaw(scratch_.data(), scratch_.size() - zs->avail_out));
    } while (rc != Z_STREAM_END);
  }
  FILE* f = file_;
  file_ = nullptr;
  if (std::fclose(f) != 0) return Status::FromErrno("close", path_);
  return Status::Ok();
}

}  // namespace roost::synth

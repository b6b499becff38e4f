// One ByteSource per compression format. Each decoder accepts concatenated
// frames/members (pigz, pzstd and pbzip2 write those) and reports a stream
// that ends inside a frame as truncated instead of silently stopping.
#include "io/byte_source.h"

#include <bzlib.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <vector>

#include "io/raw_file.h"

namespace roost {
namespace {

constexpr size_t kInputChunk = 1 << 20;

class PlainSource : public ByteSource {
 public:
  explicit PlainSource(std::unique_ptr<RawFile> file) : file_(std::move(file)) {}
  Result<size_t> Read(char* buffer, size_t capacity) override {
    return file_->Read(buffer, capacity);
  }
  Compression compression() const override { return Compression::kNone; }
  uint64_t compressed_bytes_read() const override { return file_->bytes_read(); }
  const std::string& name() const override { return file_->name(); }

 private:
  std::unique_ptr<RawFile> file_;
};

// Shared input buffering for the decoders.
class CompressedSource : public ByteSource {
 public:
  explicit CompressedSource(std::unique_ptr<RawFile> file)
      : file_(std::move(file)), in_(kInputChunk) {}
  uint64_t compressed_bytes_read() const override { return file_->bytes_read(); }
  const std::string& name() const override { return file_->name(); }

 protected:
  // Refills the input buffer when it is empty. Sets eof_ at end of file.
  Status Refill() {
    if (in_pos_ < in_len_ || eof_) return Status::Ok();
    ROOST_ASSIGN_OR_RETURN(size_t n, file_->Read(in_.data(), in_.size()));
    in_pos_ = 0;
    in_len_ = n;
    if (n == 0) eof_ = true;
    return Status::Ok();
  }
  Status Truncated() const {
    return Status::Corruption(std::string("truncated ") + CompressionName(compression()) +
                              " stream in " + name());
  }

  std::unique_ptr<RawFile> file_;
  std::vector<char> in_;
  size_t in_pos_ = 0, in_len_ = 0;
  bool eof_ = false;
};

class ZstdSource : public CompressedSource {
 public:
  explicit ZstdSource(std::unique_ptr<RawFile> file)
      : CompressedSource(std::move(file)), dctx_(ZSTD_createDCtx()) {}
  ~ZstdSource() override { ZSTD_freeDCtx(dctx_); }
  Compression compression() const override { return Compression::kZstd; }

  Result<size_t> Read(char* buffer, size_t capacity) override {
    ZSTD_outBuffer out{buffer, capacity, 0};
    while (out.pos == 0) {
      ROOST_RETURN_IF_ERROR(Refill());
      if (eof_) {
        if (in_frame_) return Truncated();
        return size_t{0};
      }
      ZSTD_inBuffer in{in_.data() + in_pos_, in_len_ - in_pos_, 0};
      size_t rc = ZSTD_decompressStream(dctx_, &out, &in);
      in_pos_ += in.pos;
      if (ZSTD_isError(rc)) {
        return Status::Corruption("zstd stream in " + name() + ": " + ZSTD_getErrorName(rc));
      }
      in_frame_ = (rc != 0);  // 0 means a frame just ended cleanly
    }
    return out.pos;
  }

 private:
  ZSTD_DCtx* dctx_;
  bool in_frame_ = false;
};

class GzipSource : public CompressedSource {
 public:
  explicit GzipSource(std::unique_ptr<RawFile> file) : CompressedSource(std::move(file)) {
    std::memset(&zs_, 0, sizeof(zs_));
    inflateInit2(&zs_, 15 + 32);  // +32: accept gzip and zlib headers
  }
  ~GzipSource() override { inflateEnd(&zs_); }
  Compression compression() const override { return Compression::kGzip; }

  Result<size_t> Read(char* buffer, size_t capacity) override {
    zs_.next_out = reinterpret_cast<Bytef*>(buffer);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(capacity, 1u << 30));
    size_t produced = 0;
    while (produced == 0) {
      ROOST_RETURN_IF_ERROR(Refill());
      if (eof_) {
        if (in_member_) return Truncated();
        return size_t{0};
      }
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      zs_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
      uInt before_out = zs_.avail_out;
      uInt before_in = zs_.avail_in;
      in_member_ = true;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      in_pos_ += before_in - zs_.avail_in;
      produced += before_out - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);  // a following gzip member continues the stream
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return Status::Corruption("gzip stream in " + name() + ": " +
                                  (zs_.msg ? zs_.msg : "inflate failed"));
      }
    }
    return produced;
  }

 private:
  z_stream zs_;
  bool in_member_ = false;
};

class Bzip2Source : public CompressedSource {
 public:
  explicit Bzip2Source(std::unique_ptr<RawFile> file) : CompressedSource(std::move(file)) {
    std::memset(&bz_, 0, sizeof(bz_));
    BZ2_bzDecompressInit(&bz_, 0, 0);
  }
  ~Bzip2Source() override { BZ2_bzDecompressEnd(&bz_); }
  Compression compression() const override { return Compression::kBzip2; }

  Result<size_t> Read(char* buffer, size_t capacity) override {
    bz_.next_out = buffer;
    bz_.avail_out = static_cast<unsigned>(std::min<size_t>(capacity, 1u << 30));
    size_t produced = 0;
    while (produced == 0) {
      ROOST_RETURN_IF_ERROR(Refill());
      if (eof_) {
        if (in_stream_) return Truncated();
        return size_t{0};
      }
      bz_.next_in = in_.data() + in_pos_;
      bz_.avail_in = static_cast<unsigned>(in_len_ - in_pos_);
      unsigned before_out = bz_.avail_out;
      unsigned before_in = bz_.avail_in;
      in_stream_ = true;
      int rc = BZ2_bzDecompress(&bz_);
      in_pos_ += before_in - bz_.avail_in;
      produced += before_out - bz_.avail_out;
      if (rc == BZ_STREAM_END) {
        in_stream_ = false;
        BZ2_bzDecompressEnd(&bz_);  // concatenated streams (pbzip2)
        std::memset(&bz_, 0, sizeof(bz_));
        BZ2_bzDecompressInit(&bz_, 0, 0);
        bz_.next_out = buffer + produced;
        bz_.avail_out = static_cast<unsigned>(std::min<size_t>(capacity - produced, 1u << 30));
        if (produced == 0) continue;
      } else if (rc != BZ_OK) {
        return Status::Corruption("bzip2 stream in " + name() + ": error " + std::to_string(rc));
      }
    }
    return produced;
  }

 private:
  bz_stream bz_;
  bool in_stream_ = false;
};

}  // namespace

const char* CompressionName(Compression c) {
  switch (c) {
    case Compression::kNone: return "plain";
    case Compression::kGzip: return "gzip";
    case Compression::kZstd: return "zstd";
    case Compression::kBzip2: return "bzip2";
  }
  return "unknown";
}

Compression DetectCompression(const unsigned char* h, size_t n) {
  if (n >= 2 && h[0] == 0x1f && h[1] == 0x8b) return Compression::kGzip;
  if (n >= 4 && h[0] == 0x28 && h[1] == 0xb5 && h[2] == 0x2f && h[3] == 0xfd) {
    return Compression::kZstd;
  }
  if (n >= 3 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') return Compression::kBzip2;
  return Compression::kNone;
}

Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path) {
  ROOST_ASSIGN_OR_RETURN(std::unique_ptr<RawFile> file, RawFile::Open(path));
  unsigned char head[4];
  ROOST_ASSIGN_OR_RETURN(size_t n, file->Peek(head, sizeof(head)));
  std::unique_ptr<ByteSource> source;
  switch (DetectCompression(head, n)) {
    case Compression::kGzip: source = std::make_unique<GzipSource>(std::move(file)); break;
    case Compression::kZstd: source = std::make_unique<ZstdSource>(std::move(file)); break;
    case Compression::kBzip2: source = std::make_unique<Bzip2Source>(std::move(file)); break;
    case Compression::kNone: source = std::make_unique<PlainSource>(std::move(file)); break;
  }
  return source;
}

}  // namespace roost

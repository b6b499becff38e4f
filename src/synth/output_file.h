// OutputFile: a file written through zstd, gzip or nothing. Used for the
// per-day tweet files; output depends only on the bytes given (no time
// stamps in headers), so the same input gives the same file.
#ifndef ROOST_SYNTH_OUTPUT_FILE_H_
#define ROOST_SYNTH_OUTPUT_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "roost/status.h"
#include "synth/synth_options.h"

namespace roost::synth {

class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Status Open(const std::string& path, Compression compression, int level);
  Status Write(std::string_view bytes);
  // Flushes the compressor, closes the file; reports write errors.
  Status Close();
  uint64_t bytes_written() const { return bytes_written_; }

  // ".jsonl.zst", ".jsonl.gz" or ".jsonl".
  static const char* Extension(Compression compression);

 private:
  Status WriteRaw(const char* data, size_t n);
  std::string path_;
  Compression compression_ = Compression::kNone;
  FILE* file_ = nullptr;
  void* zstd_ = nullptr;  // ZSTD_CCtx*
  void* gzip_ = nullptr;  // z_stream*
  std::string scratch_;
  uint64_t bytes_written_ = 0;
};

}  // namespace roost::synth

#endif  // ROOST_SYNTH_OUTPUT_FILE_H_

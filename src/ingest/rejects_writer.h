// RejectsWriter: keeps every rejected record, verbatim, with where it came
// from and why, so nothing an ingest refused is lost. Format (one entry per
// record, binary-safe because a record may hold invalid UTF-8 or newlines):
//   #roost-reject source=<path> line=<n> reason=<name> bytes=<len> detail=<text>\n
//   <len bytes of the record exactly as read>\n
#ifndef ROOST_INGEST_REJECTS_WRITER_H_
#define ROOST_INGEST_REJECTS_WRITER_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "parse/document_parser.h"
#include "roost/status.h"

namespace roost {

class RejectsWriter {
 public:
  // The file is created on the first Write(), so a clean run leaves none.
  explicit RejectsWriter(std::string path);
  ~RejectsWriter();
  RejectsWriter(const RejectsWriter&) = delete;
  RejectsWriter& operator=(const RejectsWriter&) = delete;

  Status Write(std::string_view source, uint64_t line, RejectReason reason,
               std::string_view detail, std::string_view record, uint64_t full_length);
  // Flushes and fsyncs; returns the first write error, if any.
  Status Close();
  // Flushes and fsyncs what was written so far (a no-op when nothing was
  // written since the last call).
  Status Sync();
  const std::string& path() const { return path_; }
  bool used() const { return used_; }
  // The file's length: what it held before this writer (when it appends
  // to an existing file) plus what was written.
  uint64_t bytes() const { return bytes_; }

 private:
  std::string path_;
  FILE* file_ = nullptr;
  bool used_ = false;  // a record was written (the file exists)
  bool dirty_ = false;  // written since the last Sync()
  uint64_t bytes_ = 0;
};

}  // namespace roost

#endif  // ROOST_INGEST_REJECTS_WRITER_H_

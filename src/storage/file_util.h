// Files the way the archive needs them: durable writes (write + fsync),
// atomic replacement (tmp + fsync + rename + fsync dir) and read-only maps.
#ifndef ROOST_STORAGE_FILE_UTIL_H_
#define ROOST_STORAGE_FILE_UTIL_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "roost/status.h"

namespace roost::storage {

// Writes `bytes` to `path` (created or truncated) and fsyncs the file.
Status WriteFileDurably(const std::string& path, std::string_view bytes);

// Replaces `path` atomically: writes path + ".tmp", fsyncs it, renames it
// over `path` and fsyncs the directory. A crash at any point leaves either
// the old or the new contents under `path`.
Status ReplaceFileAtomically(const std::string& path, std::string_view bytes);

Status FsyncDir(const std::string& dir);
Result<std::string> ReadWholeFile(const std::string& path);

// A read-only private mapping of a whole file; unmapped on destruction.
class MappedFile {
 public:
  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  const char* data() const { return data_; }
  size_t size() const { return size_; }
  const std::string& path() const { return path_; }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
  std::string path_;
};

// An exclusive advisory lock (flock) on DIR/LOCK, held while alive, so only
// one writer changes an archive at a time. Readers never take it.
class DirLock {
 public:
  static Result<std::unique_ptr<DirLock>> Acquire(const std::string& dir);
  ~DirLock();

 private:
  int fd_ = -1;
};

}  // namespace roost::storage

#endif  // ROOST_STORAGE_FILE_UTIL_H_

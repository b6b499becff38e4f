// RawFile: unbuffered reads from a file descriptor with a pushback of the
// bytes that were peeked to detect the compression format.
#ifndef ROOST_IO_RAW_FILE_H_
#define ROOST_IO_RAW_FILE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "roost/status.h"

namespace roost {

class RawFile {
 public:
  RawFile(int fd, std::string name, bool owns_fd);
  ~RawFile();
  RawFile(const RawFile&) = delete;
  RawFile& operator=(const RawFile&) = delete;

  static Result<std::unique_ptr<RawFile>> Open(const std::string& path);

  // Reads at least 1 byte unless at end of file (returns 0). Retries EINTR.
  Result<size_t> Read(void* buffer, size_t capacity);
  // Reads up to `length` bytes and keeps them to be returned again by Read().
  Result<size_t> Peek(unsigned char* buffer, size_t length);

  const std::string& name() const { return name_; }
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  int fd_;
  std::string name_;
  bool owns_fd_;
  unsigned char pushback_[8];
  size_t pushback_length_ = 0;
  size_t pushback_offset_ = 0;
  uint64_t bytes_read_ = 0;
};

}  // namespace roost

#endif  // ROOST_IO_RAW_FILE_H_

#include "io/raw_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace roost {

RawFile::RawFile(int fd, std::string name, bool owns_fd)
    : fd_(fd), name_(std::move(name)), owns_fd_(owns_fd) {}

RawFile::~RawFile() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

Result<std::unique_ptr<RawFile>> RawFile::Open(const std::string& path) {
  if (path == "-") return std::make_unique<RawFile>(0, "<stdin>", false);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno("open", path);
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return std::make_unique<RawFile>(fd, path, true);
}

Result<size_t> RawFile::Read(void* buffer, size_t capacity) {
  if (capacity == 0) return size_t{0};
  if (pushback_offset_ < pushback_length_) {
    size_t n = std::min(capacity, pushback_length_ - pushback_offset_);
    std::memcpy(buffer, pushback_ + pushback_offset_, n);
    pushback_offset_ += n;
    return n;
  }
  for (;;) {
    ssize_t n = ::read(fd_, buffer, capacity);
    if (n >= 0) {
      bytes_read_ += static_cast<uint64_t>(n);
      return static_cast<size_t>(n);
    }
    if (errno != EINTR) return Status::FromErrno("read", name_);
  }
}

Result<size_t> RawFile::Peek(unsigned char* buffer, size_t length) {
  length = std::min(length, sizeof(pushback_));
  size_t got = 0;
  while (got < length) {
    ROOST_ASSIGN_OR_RETURN(size_t n, Read(pushback_ + got, length - got));
    if (n == 0) break;
    got += n;
  }
  pushback_length_ = got;
  pushback_offset_ = 0;
  std::memcpy(buffer, pushback_, got);
  return got;
}

}  // namespace roost

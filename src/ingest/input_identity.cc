#include "ingest/input_identity.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <filesystem>
#include <memory>

namespace roost {

Result<InputIdentity> IdentifyInput(const std::string& path) {
  if (path == "-") return Status::InvalidArgument("standard input has no identity");
  InputIdentity id;
  std::error_code ec;
  const std::filesystem::path canonical =
      std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  id.path = ec ? path : canonical.string();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno("open", path);
  struct stat sb;
  if (::fstat(fd, &sb) != 0) {
    Status st = Status::FromErrno("stat", path);
    ::close(fd);
    return st;
  }
  id.size = static_cast<uint64_t>(sb.st_size);
  id.mtime_ns = static_cast<int64_t>(sb.st_mtim.tv_sec) * 1000000000 + sb.st_mtim.tv_nsec;
  auto head = std::make_unique_for_overwrite<char[]>(kInputHeadBytes);
  size_t got = 0;
  while (got < kInputHeadBytes) {
    const ssize_t n = ::pread(fd, head.get() + got, kInputHeadBytes - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status st = Status::FromErrno("read", path);
      ::close(fd);
      return st;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  id.head_hash = XXH3_64bits(head.get(), got);
  return id;
}

}  // namespace roost

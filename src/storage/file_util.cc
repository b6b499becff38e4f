#include "storage/file_util.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

namespace roost::storage {
namespace {

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::FromErrno("write", path);
    }
    p += n;
    left -= n;
  }
  return Status::Ok();
}

}  // namespace

Status WriteFileDurably(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::FromErrno("open", path);
  Status st = WriteAll(fd, bytes, path);
  if (st.ok() && ::fsync(fd) != 0) st = Status::FromErrno("fsync", path);
  if (::close(fd) != 0 && st.ok()) st = Status::FromErrno("close", path);
  return st;
}

Status FsyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno("open", dir);
  Status st;
  if (::fsync(fd) != 0) st = Status::FromErrno("fsync", dir);
  ::close(fd);
  return st;
}

Status ReplaceFileAtomically(const std::string& path, std::string_view bytes) {
  std::string tmp = path + ".tmp";
  ROOST_RETURN_IF_ERROR(WriteFileDurably(tmp, bytes));
  if (::rename(tmp.c_str(), path.c_str()) != 0) return Status::FromErrno("rename", tmp);
  std::string dir = std::filesystem::path(path).parent_path().string();
  return FsyncDir(dir.empty() ? "." : dir);
}

Result<std::string> ReadWholeFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno("open", path);
  std::string out;
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status st = Status::FromErrno("read", path);
      ::close(fd);
      return st;
    }
    if (n == 0) break;
    out.append(buf, n);
  }
  ::close(fd);
  return out;
}

Result<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno("open", path);
  struct stat sb;
  if (::fstat(fd, &sb) != 0) {
    Status st = Status::FromErrno("stat", path);
    ::close(fd);
    return st;
  }
  std::unique_ptr<MappedFile> f(new MappedFile());
  f->path_ = path;
  f->size_ = static_cast<size_t>(sb.st_size);
  if (f->size_ > 0) {
    void* p = ::mmap(nullptr, f->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      Status st = Status::FromErrno("mmap", path);
      ::close(fd);
      return st;
    }
    f->data_ = static_cast<const char*>(p);
  }
  ::close(fd);  // the mapping keeps the file alive
  return f;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

Result<std::unique_ptr<DirLock>> DirLock::Acquire(const std::string& dir) {
  std::string path = dir + "/LOCK";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::FromErrno("open", path);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Status::ResourceExhausted("archive " + dir + " is locked by another writer");
  }
  auto lock = std::unique_ptr<DirLock>(new DirLock());
  lock->fd_ = fd;
  return lock;
}

DirLock::~DirLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace roost::storage

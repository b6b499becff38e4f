#include "ingest/rejects_writer.h"

#include <unistd.h>

#include <cerrno>
#include <filesystem>

namespace roost {

RejectsWriter::RejectsWriter(std::string path) : path_(std::move(path)) {
  std::error_code ec;
  if (!path_.empty()) bytes_ = std::filesystem::file_size(path_, ec);
  if (ec) bytes_ = 0;
}

RejectsWriter::~RejectsWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

Status RejectsWriter::Write(std::string_view source, uint64_t line, RejectReason reason,
                            std::string_view detail, std::string_view record,
                            uint64_t full_length) {
  if (path_.empty()) return Status::Ok();
  if (file_ == nullptr) {
    std::error_code ec;
    auto parent = std::filesystem::path(path_).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    file_ = std::fopen(path_.c_str(), "ab");
    if (file_ == nullptr) return Status::FromErrno("cannot create rejects file", path_);
    used_ = true;
  }
  std::string clean_detail(detail.substr(0, 300));
  for (char& c : clean_detail) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  int n =
      std::fprintf(file_, "#roost-reject source=%.*s line=%llu reason=%s bytes=%zu",
                   static_cast<int>(source.size()), source.data(),
                   static_cast<unsigned long long>(line), RejectReasonName(reason), record.size());
  if (full_length > record.size()) {
    n += std::fprintf(file_, " original_bytes=%llu", static_cast<unsigned long long>(full_length));
  }
  n += std::fprintf(file_, " detail=%s\n", clean_detail.c_str());
  std::fwrite(record.data(), 1, record.size(), file_);
  std::fputc('\n', file_);
  bytes_ += static_cast<uint64_t>(n) + record.size() + 1;
  dirty_ = true;
  if (std::ferror(file_)) return Status::FromErrno("write", path_);
  return Status::Ok();
}

Status RejectsWriter::Sync() {
  if (file_ == nullptr || !dirty_) return Status::Ok();
  dirty_ = false;
  if (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0)
    return Status::FromErrno("write", path_);
  return Status::Ok();
}

Status RejectsWriter::Close() {
  if (file_ == nullptr) return Status::Ok();
  bool failed = std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0;
  int err = errno;
  std::fclose(file_);
  file_ = nullptr;
  if (failed) {
    errno = err;
    return Status::FromErrno("write", path_);
  }
  return Status::Ok();
}

}  // namespace roost

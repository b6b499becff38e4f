#include "storage/archive_writer.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <set>
#include <thread>

#include "storage/archive.h"
#include "storage/compliance_masks.h"
#include "storage/no_archive.h"
#include "storage/segment_reader.h"
#include "storage/segment_writer.h"

namespace fs = std::filesystem;

namespace roost::storage {
namespace {

std::string SeqName(uint64_t seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%06llu", static_cast<unsigned long long>(seq));
  return buf;
}

Status MakeDir(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) return Status::IoError("mkdir " + path + ": " + ec.message());
  return Status::Ok();
}

// Names an archive holds itself: a folder holding nothing else (an
// interrupted creation) may become an archive in place.
bool IsArchiveName(const std::string& name) {
  return name == "LOCK" || name == "segments" || name == "compliance" || name == "rejects" ||
         name == "MANIFEST.tmp";
}

}  // namespace

std::vector<std::string> UnlistedFiles(const std::string& dir, const Manifest& manifest) {
  std::set<std::string> live;
  for (const auto& s : manifest.segments) live.insert(s.file);
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(SegmentDir(dir), ec)) {
    const std::string name = e.path().filename().string();
    if (!live.count(name)) out.push_back("segments/" + name);
  }
  const std::string masks = MasksFileName(manifest.version);
  for (const auto& e : fs::directory_iterator(ComplianceDir(dir), ec)) {
    const std::string name = e.path().filename().string();
    if (name != manifest.compliance_file && name != masks) out.push_back("compliance/" + name);
  }
  if (fs::exists(dir + "/MANIFEST.tmp", ec)) out.push_back("MANIFEST.tmp");
  std::sort(out.begin(), out.end());
  return out;
}

Status ArchiveWriter::Create(std::optional<Partition> partition) {
  Manifest empty;
  empty.version = 1;
  empty.partition = partition.value_or(Partition::kDay);
  const std::string text = empty.Serialize();
  std::error_code ec;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const fs::file_status st = fs::status(dir_, ec);
    if (!fs::exists(st)) {
      // Built beside DIR under a temporary name, then renamed into place:
      // DIR is absent or a whole empty archive, never half made.
      fs::path target = fs::absolute(dir_, ec).lexically_normal();
      if (target.filename().empty()) target = target.parent_path();
      fs::path top = target;
      while (top.has_parent_path() && top.parent_path() != top &&
             !fs::exists(top.parent_path(), ec))
        top = top.parent_path();
      ROOST_RETURN_IF_ERROR(MakeDir(target.parent_path().string()));
      const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".new-" +
                                                   std::to_string(::getpid()));
      fs::remove_all(tmp, ec);
      ROOST_RETURN_IF_ERROR(MakeDir((tmp / "segments").string()));
      ROOST_RETURN_IF_ERROR(MakeDir((tmp / "compliance").string()));
      ROOST_RETURN_IF_ERROR(WriteFileDurably((tmp / "MANIFEST").string(), text));
      ROOST_RETURN_IF_ERROR(FsyncDir((tmp / "segments").string()));
      ROOST_RETURN_IF_ERROR(FsyncDir((tmp / "compliance").string()));
      ROOST_RETURN_IF_ERROR(FsyncDir(tmp.string()));
      if (::rename(tmp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        fs::remove_all(tmp, ec);
        if (err == EEXIST || err == ENOTEMPTY) continue;  // created meanwhile: look again
        errno = err;
        return Status::FromErrno("rename", tmp.string());
      }
      ROOST_RETURN_IF_ERROR(FsyncDir(target.parent_path().string()));
      created_root_ = top.string();
      return Status::Ok();
    }
    if (!fs::is_directory(st))
      return Status::InvalidArgument(dir_ + " is not a directory; an archive is a directory");
    if (fs::exists(dir_ + "/MANIFEST", ec)) return Status::Ok();  // created meanwhile
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
      const std::string name = e.path().filename().string();
      if (!IsArchiveName(name))
        return Status::InvalidArgument(dir_ + " is not empty and holds no archive (it holds " +
                                       name + "); name a new or empty folder for a new archive");
    }
    if (ec) return Status::IoError("list " + dir_ + ": " + ec.message());
    for (const char* name : {"LOCK", "segments", "compliance", "rejects"})
      if (!fs::exists(dir_ + "/" + name, ec)) created_entries_.push_back(name);
    ROOST_RETURN_IF_ERROR(MakeDir(SegmentDir(dir_)));
    ROOST_RETURN_IF_ERROR(MakeDir(ComplianceDir(dir_)));
    // In place, under the lock, so two writers cannot both create it.
    ROOST_ASSIGN_OR_RETURN(lock_, DirLock::Acquire(dir_));
    if (!fs::exists(dir_ + "/MANIFEST", ec)) {
      ROOST_RETURN_IF_ERROR(ReplaceFileAtomically(dir_ + "/MANIFEST", text));
      created_entries_.push_back("MANIFEST");
    } else {
      created_entries_.clear();
    }
    return Status::Ok();
  }
  return Status::IoError("cannot create archive " + dir_ + ": it keeps changing");
}

void ArchiveWriter::Abandon() {
  if (committed_content_ || (created_root_.empty() && created_entries_.empty())) return;
  lock_.reset();
  std::error_code ec;
  if (!created_root_.empty()) {
    fs::path p = fs::absolute(dir_, ec).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    fs::remove_all(p, ec);
    // Parents made for it go too, while empty (fs::remove leaves a folder
    // someone else put something in).
    for (fs::path top(created_root_); p != top && p.has_parent_path() && p.parent_path() != p;) {
      p = p.parent_path();
      if (!fs::remove(p, ec)) break;
    }
  } else {
    for (const std::string& name : created_entries_) fs::remove_all(dir_ + "/" + name, ec);
  }
  created_root_.clear();
  created_entries_.clear();
}

Result<std::unique_ptr<ArchiveWriter>> ArchiveWriter::Open(const std::string& dir, std::optional<Partition> partition,
                                                           bool create_if_missing) {
  std::unique_ptr<ArchiveWriter> w(new ArchiveWriter());
  w->dir_ = dir;
  if (!fs::exists(dir + "/MANIFEST")) {
    if (!create_if_missing) return NoArchiveAt(dir);
    ROOST_RETURN_IF_ERROR(w->Create(partition));
  }
  ROOST_RETURN_IF_ERROR(MakeDir(SegmentDir(dir)));
  ROOST_RETURN_IF_ERROR(MakeDir(ComplianceDir(dir)));
  if (!w->lock_) {
    ROOST_ASSIGN_OR_RETURN(w->lock_, DirLock::Acquire(dir));
  }
  ROOST_ASSIGN_OR_RETURN(w->next_, Manifest::Load(dir));
  if (partition && *partition != w->next_.partition) {
    w->Abandon();
    return Status::InvalidArgument("archive " + dir + " is partitioned by " +
                                   PartitionName(w->next_.partition) + ", not " +
                                   PartitionName(*partition));
  }
  ROOST_ASSIGN_OR_RETURN(w->compliance_, LoadCompliance(dir, w->next_));
  w->committed_content_ =
      !w->next_.segments.empty() || !w->next_.compliance_file.empty() || !w->next_.inputs.empty();
  // Leftovers of a writer that crashed before its manifest rename.
  std::error_code ec;
  for (const std::string& f : UnlistedFiles(dir, w->next_)) fs::remove(dir + "/" + f, ec);
  // The committed masks, reused for unchanged segments while the compliance
  // state stays the same (unreadable: computed again).
  if (!w->next_.compliance_file.empty()) {
    const std::string masks = MasksFileName(w->next_.version);
    auto bytes = ReadWholeFile(ComplianceDir(dir) + "/" + masks);
    if (bytes.ok()) {
      auto parsed = ParseMasks(*bytes, masks);
      if (parsed.ok()) w->masks_ = std::move(parsed).value();
    }
  }
  return w;
}

std::string ArchiveWriter::NewSegmentFile(TimestampMs partition_start) {
  return PartitionKey(next_.partition, partition_start) + "-" + SeqName(next_.next_seq++) + ".rseg";
}

SegmentEntry ArchiveWriter::StageSegment(const std::string& file, const SegmentMeta& meta,
                                         std::vector<std::string> brand_fingerprints) {
  SegmentEntry e;
  e.file = file;
  e.meta = meta;
  e.brand_fingerprints = std::move(brand_fingerprints);
  std::error_code ec;
  e.bytes = fs::file_size(SegmentDir(dir_) + "/" + file, ec);
  // Keep the manifest in (partition, seq) order.
  auto it = next_.segments.begin();
  while (it != next_.segments.end() && it->meta.partition_start <= meta.partition_start) ++it;
  next_.segments.insert(it, e);
  changed_ = true;
  return e;
}

Result<SegmentEntry> ArchiveWriter::WriteSegment(std::vector<Tweet> tweets, TimestampMs partition_start,
                                                 std::vector<std::string> brand_fingerprints) {
  const std::string file = NewSegmentFile(partition_start);
  SegmentWriter w(partition_start);
  w.set_threads(static_cast<int>(std::min(4u, std::max(1u, std::thread::hardware_concurrency()))));
  w.AddAll(std::move(tweets));
  ROOST_ASSIGN_OR_RETURN(SegmentMeta meta, w.Finish(SegmentDir(dir_) + "/" + file));
  return StageSegment(file, meta, std::move(brand_fingerprints));
}

Status ArchiveWriter::WriteMasks() {
  if (compliance_.empty()) {
    masks_.clear();
    return Status::Ok();
  }
  if (masks_stale_) masks_.clear();
  masks_stale_ = false;
  std::map<std::string, SegmentMasks> next;
  std::vector<uint64_t> sorted_deleted;
  bool sorted = false;
  for (const auto& e : next_.segments) {
    auto it = masks_.find(e.file);
    if (it != masks_.end() && it->second.rows == e.meta.rows) {
      next.emplace(e.file, std::move(it->second));
      continue;
    }
    if (!sorted) {
      sorted_deleted = compliance_.SortedDeleted();
      sorted = true;
    }
    ROOST_ASSIGN_OR_RETURN(auto r, SegmentReader::Open(SegmentDir(dir_) + "/" + e.file));
    ROOST_ASSIGN_OR_RETURN(SegmentMasks m, ComputeSegmentMasks(*r, compliance_, sorted_deleted));
    next.emplace(e.file, std::move(m));
  }
  masks_ = std::move(next);
  ROOST_RETURN_IF_ERROR(WriteFileDurably(ComplianceDir(dir_) + "/" + MasksFileName(next_.version), SerializeMasks(masks_)));
  return FsyncDir(ComplianceDir(dir_));
}

void ArchiveWriter::RemoveSegment(const std::string& file) {
  for (auto it = next_.segments.begin(); it != next_.segments.end(); ++it)
    if (it->file == file) {
      next_.segments.erase(it);
      to_delete_.push_back(SegmentDir(dir_) + "/" + file);
      changed_ = true;
      return;
    }
}

void ArchiveWriter::RecordInput(const InputIdentity& input) {
  auto& inputs = next_.inputs;
  if (input_index_.size() != inputs.size()) {
    input_index_.clear();
    for (size_t i = 0; i < inputs.size(); ++i) input_index_[inputs[i].path] = i;
  }
  auto [it, added] = input_index_.try_emplace(input.path, inputs.size());
  if (added) {
    inputs.push_back(input);
  } else if (inputs[it->second] == input) {
    return;  // listed already
  } else {
    // One entry per path: a file that changed since it was listed no longer
    // has its old identity, so the old entry could never match again.
    inputs[it->second] = input;
  }
  changed_ = true;
}

void ArchiveWriter::SetRejects(const std::string& file, uint64_t bytes) {
  if (next_.rejects_file == file && next_.rejects_bytes == bytes) return;
  next_.rejects_file = file;
  next_.rejects_bytes = file.empty() ? 0 : bytes;
  changed_ = true;
}

Status ArchiveWriter::Commit(bool write_masks) {
  if (!has_changes()) return Status::Ok();
  if (compliance_changed_) masks_stale_ = true;
  ROOST_RETURN_IF_ERROR(FsyncDir(SegmentDir(dir_)));
  std::string old_compliance;
  if (compliance_changed_) {
    old_compliance = next_.compliance_file;
    next_.compliance_file = "c-" + SeqName(next_.next_seq++) + ".rcs";
    ROOST_RETURN_IF_ERROR(WriteFileDurably(ComplianceDir(dir_) + "/" + next_.compliance_file, compliance_.Serialize()));
    ROOST_RETURN_IF_ERROR(FsyncDir(ComplianceDir(dir_)));
    if (!old_compliance.empty()) to_delete_.push_back(ComplianceDir(dir_) + "/" + old_compliance);
  }
  const uint64_t old_version = next_.version;
  next_.version += 1;
  if (write_masks) ROOST_RETURN_IF_ERROR(WriteMasks());
  ROOST_RETURN_IF_ERROR(next_.Store(dir_));
  committed_content_ =
      !next_.segments.empty() || !next_.compliance_file.empty() || !next_.inputs.empty();
  to_delete_.push_back(ComplianceDir(dir_) + "/" + MasksFileName(old_version));
  changed_ = compliance_changed_ = false;
  // Readers holding a snapshot keep their mappings; unlink is safe.
  std::error_code ec;
  for (const auto& f : to_delete_) fs::remove(f, ec);
  to_delete_.clear();
  return Status::Ok();
}

}  // namespace roost::storage

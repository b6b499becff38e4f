#include "storage/archive_writer.h"

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

}  // namespace

Result<std::unique_ptr<ArchiveWriter>> ArchiveWriter::Open(const std::string& dir, std::optional<Partition> partition,
                                                           bool create_if_missing) {
  std::unique_ptr<ArchiveWriter> w(new ArchiveWriter());
  w->dir_ = dir;
  if (!fs::exists(dir + "/MANIFEST")) {
    if (!create_if_missing) return NoArchiveAt(dir);
    ROOST_RETURN_IF_ERROR(MakeDir(dir));
  }
  ROOST_RETURN_IF_ERROR(MakeDir(SegmentDir(dir)));
  ROOST_RETURN_IF_ERROR(MakeDir(ComplianceDir(dir)));
  ROOST_ASSIGN_OR_RETURN(w->lock_, DirLock::Acquire(dir));
  auto m = Manifest::Load(dir);
  if (m.ok()) {
    w->next_ = std::move(m).value();
    if (partition && *partition != w->next_.partition)
      return Status::InvalidArgument("archive " + dir + " is partitioned by " + PartitionName(w->next_.partition) +
                                     ", not " + PartitionName(*partition));
    ROOST_ASSIGN_OR_RETURN(w->compliance_, LoadCompliance(dir, w->next_));
  } else if (m.status().code() == StatusCode::kNotFound) {
    w->next_.partition = partition.value_or(Partition::kDay);
    w->changed_ = true;  // the first commit creates the manifest
  } else {
    return m.status();
  }
  // Leftovers of a writer that crashed before its manifest rename.
  std::set<std::string> live;
  for (const auto& s : w->next_.segments) live.insert(s.file);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(SegmentDir(dir), ec))
    if (!live.count(e.path().filename().string())) fs::remove(e.path(), ec);
  const std::string masks = MasksFileName(w->next_.version);
  for (const auto& e : fs::directory_iterator(ComplianceDir(dir), ec)) {
    const std::string name = e.path().filename().string();
    if (name != w->next_.compliance_file && name != masks) fs::remove(e.path(), ec);
  }
  // The committed masks, reused for unchanged segments while the compliance
  // state stays the same (unreadable: computed again).
  if (!w->next_.compliance_file.empty()) {
    auto bytes = ReadWholeFile(ComplianceDir(dir) + "/" + masks);
    if (bytes.ok()) {
      auto parsed = ParseMasks(*bytes, masks);
      if (parsed.ok()) w->masks_ = std::move(parsed).value();
    }
  }
  fs::remove(dir + "/MANIFEST.tmp", ec);
  return w;
}

std::string ArchiveWriter::NewSegmentFile(TimestampMs partition_start) {
  return PartitionKey(next_.partition, partition_start) + "-" + SeqName(next_.next_seq++) + ".rseg";
}

SegmentEntry ArchiveWriter::StageSegment(const std::string& file, const SegmentMeta& meta) {
  SegmentEntry e;
  e.file = file;
  e.meta = meta;
  std::error_code ec;
  e.bytes = fs::file_size(SegmentDir(dir_) + "/" + file, ec);
  // Keep the manifest in (partition, seq) order.
  auto it = next_.segments.begin();
  while (it != next_.segments.end() && it->meta.partition_start <= meta.partition_start) ++it;
  next_.segments.insert(it, e);
  changed_ = true;
  return e;
}

Result<SegmentEntry> ArchiveWriter::WriteSegment(std::vector<Tweet> tweets, TimestampMs partition_start) {
  const std::string file = NewSegmentFile(partition_start);
  SegmentWriter w(partition_start);
  w.set_threads(static_cast<int>(std::min(4u, std::max(1u, std::thread::hardware_concurrency()))));
  w.AddAll(std::move(tweets));
  ROOST_ASSIGN_OR_RETURN(SegmentMeta meta, w.Finish(SegmentDir(dir_) + "/" + file));
  return StageSegment(file, meta);
}

Status ArchiveWriter::WriteMasks() {
  if (compliance_.empty()) {
    masks_.clear();
    return Status::Ok();
  }
  if (compliance_changed_) masks_.clear();
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

Status ArchiveWriter::Commit() {
  if (!has_changes()) return Status::Ok();
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
  ROOST_RETURN_IF_ERROR(WriteMasks());
  ROOST_RETURN_IF_ERROR(next_.Store(dir_));
  to_delete_.push_back(ComplianceDir(dir_) + "/" + MasksFileName(old_version));
  changed_ = compliance_changed_ = false;
  // Readers holding a snapshot keep their mappings; unlink is safe.
  std::error_code ec;
  for (const auto& f : to_delete_) fs::remove(f, ec);
  to_delete_.clear();
  return Status::Ok();
}

}  // namespace roost::storage

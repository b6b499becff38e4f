// ArchiveWriter: the one writer of an archive directory (ingest, comply,
// compact all go through it). Holds DIR/LOCK, stages new segment files and
// compliance changes, and publishes them with one atomic manifest replace.
#ifndef ROOST_STORAGE_ARCHIVE_WRITER_H_
#define ROOST_STORAGE_ARCHIVE_WRITER_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"
#include "storage/compliance_masks.h"
#include "storage/compliance_state.h"
#include "storage/file_util.h"
#include "storage/manifest.h"

namespace roost::storage {

class ArchiveWriter {
 public:
  // Opens (or, with create_if_missing, creates) DIR for writing. `partition`
  // is used for a new archive; an existing archive keeps its own and a
  // different explicit request is kInvalidArgument. Files left by a crashed
  // writer (not listed in the manifest) are deleted here.
  static Result<std::unique_ptr<ArchiveWriter>> Open(const std::string& dir, std::optional<Partition> partition,
                                                     bool create_if_missing);

  const std::string& dir() const { return dir_; }
  Partition partition() const { return next_.partition; }
  // The state the next Commit() publishes (committed state + staged changes).
  const Manifest& pending_manifest() const { return next_; }
  const ComplianceState& compliance() const { return compliance_; }
  // For changes: the next Commit() writes a new compliance snapshot.
  ComplianceState* mutable_compliance() {
    compliance_changed_ = true;
    return &compliance_;
  }

  // Writes `tweets` (all of one partition) as a new segment file and stages
  // it; it becomes visible at the next Commit(). Returns the staged entry.
  Result<SegmentEntry> WriteSegment(std::vector<Tweet> tweets, TimestampMs partition_start);
  // WriteSegment in two halves, for building a segment on another thread:
  // NewSegmentFile names the next file of a partition (under SegmentDir(dir()));
  // the caller writes it with SegmentWriter, then StageSegment stages it
  // like WriteSegment would. A named file never staged is deleted by the
  // next Open().
  std::string NewSegmentFile(TimestampMs partition_start);
  SegmentEntry StageSegment(const std::string& file, const SegmentMeta& meta);
  // Stages removal of a listed segment (deleted from disk after Commit()).
  void RemoveSegment(const std::string& file);

  // Makes everything staged durable and visible at once; a no-op when
  // nothing changed.
  Status Commit();
  bool has_changes() const { return changed_ || compliance_changed_; }

 private:
  ArchiveWriter() = default;
  // Stores the compliance masks of every listed segment for the version
  // about to be published (nothing when the compliance state is empty).
  Status WriteMasks();

  std::string dir_;
  std::unique_ptr<DirLock> lock_;
  Manifest next_;
  ComplianceState compliance_;
  bool changed_ = false;
  bool compliance_changed_ = false;
  std::vector<std::string> to_delete_;
  std::map<std::string, SegmentMasks> masks_;  // by segment file, for the current compliance state
};

}  // namespace roost::storage

#endif  // ROOST_STORAGE_ARCHIVE_WRITER_H_

// ArchiveWriter: the one writer of an archive directory (ingest, comply,
// compact all go through it). Holds DIR/LOCK, stages new segment files and
// compliance changes, and publishes them with one atomic manifest replace.
#ifndef ROOST_STORAGE_ARCHIVE_WRITER_H_
#define ROOST_STORAGE_ARCHIVE_WRITER_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"
#include "storage/compliance_masks.h"
#include "storage/compliance_state.h"
#include "storage/file_util.h"
#include "storage/manifest.h"

namespace roost::storage {

// Files under DIR that the committed `manifest` does not account for:
// segment and compliance files of a writer that was interrupted before its
// manifest rename (or of one still running), and MANIFEST.tmp. Paths are
// relative to DIR ("segments/20120301-000004.rseg"), sorted.
std::vector<std::string> UnlistedFiles(const std::string& dir, const Manifest& manifest);

class ArchiveWriter {
 public:
  // Opens (or, with create_if_missing, creates) DIR for writing. `partition`
  // is used for a new archive; an existing archive keeps its own and a
  // different explicit request is kInvalidArgument. Files left by a crashed
  // writer (not listed in the manifest) are deleted here.
  //
  // A new archive is created atomically with an empty manifest (version 1):
  // a missing DIR is built beside it under a temporary name and renamed into
  // place, so DIR is either absent or a valid empty archive. An existing
  // empty DIR (or one holding only an archive's own names: LOCK, segments/,
  // compliance/, rejects/, MANIFEST.tmp) becomes one in place. A DIR that
  // holds anything else, or is not a directory, is kInvalidArgument: an
  // archive is never made inside a folder of unrelated files.
  static Result<std::unique_ptr<ArchiveWriter>> Open(const std::string& dir, std::optional<Partition> partition,
                                                     bool create_if_missing);

  // Undoes the creation when this writer created the archive and nothing
  // (no segment, compliance state or input) was committed into it since:
  // releases the lock and removes what Open created (DIR and the parent
  // folders it made, or only the archive's files in a DIR that existed).
  // A no-op otherwise. The writer must not be used afterwards.
  void Abandon();

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
  // `brand_fingerprints`: the brand definitions whose tags the tweets hold
  // exactly (SegmentEntry::brand_fingerprints).
  Result<SegmentEntry> WriteSegment(std::vector<Tweet> tweets, TimestampMs partition_start,
                                    std::vector<std::string> brand_fingerprints = {});
  // WriteSegment in two halves, for building a segment on another thread:
  // NewSegmentFile names the next file of a partition (under SegmentDir(dir()));
  // the caller writes it with SegmentWriter, then StageSegment stages it
  // like WriteSegment would. A named file never staged is deleted by the
  // next Open().
  std::string NewSegmentFile(TimestampMs partition_start);
  SegmentEntry StageSegment(const std::string& file, const SegmentMeta& meta,
                            std::vector<std::string> brand_fingerprints = {});
  // Stages removal of a listed segment (deleted from disk after Commit()).
  void RemoveSegment(const std::string& file);
  // Stages `input` as fully committed (listed in the manifest from the next
  // Commit() on), replacing an entry of the same path with another identity
  // (the file changed); a no-op when it is listed already.
  void RecordInput(const InputIdentity& input);
  // Stages the rejects file of the ingest in progress and its committed
  // length (Manifest::rejects_file); an empty file clears it.
  void SetRejects(const std::string& file, uint64_t bytes);

  // Makes everything staged durable and visible at once; a no-op when
  // nothing changed. Without write_masks the commit stores no compliance
  // masks file (derived data: readers compute missing masks), which keeps
  // the frequent commits of a long ingest cheap; the final commit stores
  // them.
  Status Commit(bool write_masks = true);
  bool has_changes() const { return changed_ || compliance_changed_; }

 private:
  ArchiveWriter() = default;
  // Stores the compliance masks of every listed segment for the version
  // about to be published (nothing when the compliance state is empty).
  Status WriteMasks();

  // Makes DIR a new, empty archive (see Open).
  Status Create(std::optional<Partition> partition);

  std::string dir_;
  // What Open created, for Abandon(): the topmost folder it made (DIR or a
  // parent), or, when DIR existed, the entries it added inside it.
  std::string created_root_;
  std::vector<std::string> created_entries_;
  std::unique_ptr<DirLock> lock_;
  Manifest next_;
  ComplianceState compliance_;
  bool changed_ = false;
  bool compliance_changed_ = false;
  std::vector<std::string> to_delete_;
  std::map<std::string, SegmentMasks> masks_;            // by segment file
  bool masks_stale_ = false;                             // masks_ predate a compliance change
  bool committed_content_ = false;                       // the committed state holds something
  std::unordered_map<std::string, size_t> input_index_;  // next_.inputs by path
};

}  // namespace roost::storage

#endif  // ROOST_STORAGE_ARCHIVE_WRITER_H_

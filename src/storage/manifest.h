// Manifest: the list of live segments and the compliance snapshot that make
// up one committed state of an archive. Replaced atomically at every commit
// (docs/FORMAT.md, "Commit protocol"); never edited in place.
#ifndef ROOST_STORAGE_MANIFEST_H_
#define ROOST_STORAGE_MANIFEST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/input_identity.h"
#include "roost/status.h"
#include "roost/tweet.h"
#include "storage/segment_format.h"

namespace roost::storage {

enum class Partition : uint8_t { kHour, kDay, kWeek };
const char* PartitionName(Partition p);
Result<Partition> ParsePartition(std::string_view name);
// Start (ms) of the partition holding `t`; weeks start on Monday 00:00 UTC.
TimestampMs PartitionStart(Partition p, TimestampMs t);
// "20120301", "20120301T14" or "20120227W" (FORMAT.md).
std::string PartitionKey(Partition p, TimestampMs start);

struct SegmentEntry {
  std::string file;  // name under segments/
  SegmentMeta meta;
  uint64_t bytes = 0;
  // Fingerprints (brands::BrandFingerprint) of the brand definitions whose
  // tags this segment's brand_tags column holds exactly; empty: none. Kept
  // on the segment's manifest line, where older readers ignore it.
  std::vector<std::string> brand_fingerprints = {};
};

struct Manifest {
  uint64_t version = 0;  // 0: no commit yet
  Partition partition = Partition::kDay;
  uint64_t next_seq = 1;
  std::string compliance_file;  // under compliance/; empty when none
  std::vector<SegmentEntry> segments;
  // Input files whose every record is committed (format 2), one per path:
  // a resumed ingest skips them.
  std::vector<InputIdentity> inputs;
  // The rejects file of an ingest in progress and its length at this
  // commit (format 2): a writer that finds one here knows that ingest was
  // interrupted, and cuts the file back to what belongs to committed
  // inputs. Empty when no ingest is in progress.
  std::string rejects_file;
  uint64_t rejects_bytes = 0;

  // Format 1 unless inputs or rejects_file need format 2, so an archive
  // that never recorded an input stays readable by format-1 readers.
  std::string Serialize() const;
  // `what` names the source in error messages.
  static Result<Manifest> Parse(std::string_view text, const std::string& what);

  // DIR/MANIFEST; kNotFound when the archive has no manifest yet (the
  // message says what DIR is instead: storage/no_archive.h).
  static Result<Manifest> Load(const std::string& dir);
  // Atomic replace of DIR/MANIFEST (write tmp, fsync, rename, fsync dir).
  Status Store(const std::string& dir) const;

  uint64_t total_rows() const;
};

std::string SegmentDir(const std::string& dir);
std::string ComplianceDir(const std::string& dir);

}  // namespace roost::storage

#endif  // ROOST_STORAGE_MANIFEST_H_

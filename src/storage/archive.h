// Archive: a read-only snapshot of one committed state of an archive
// directory. Open() reads the manifest and maps every listed segment at once,
// so the snapshot stays valid and unchanged while an ingest, comply or compact
// commits beside it. Compliance is applied here: VisibleRows() is what every
// query must intersect with.
#ifndef ROOST_STORAGE_ARCHIVE_H_
#define ROOST_STORAGE_ARCHIVE_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roost/status.h"
#include "storage/bitmap.h"
#include "storage/compliance_state.h"
#include "storage/manifest.h"
#include "storage/segment_reader.h"

namespace roost::storage {

class Archive {
 public:
  // kNotFound when DIR has no manifest. A segment that fails to open (damaged
  // footer) does not fail the archive: segment(i) reports it.
  static Result<std::shared_ptr<const Archive>> Open(const std::string& dir);
  ~Archive();

  const std::string& dir() const { return dir_; }
  const Manifest& manifest() const { return manifest_; }
  const ComplianceState& compliance() const { return compliance_; }
  size_t segment_count() const { return slots_.size(); }
  const SegmentEntry& entry(size_t i) const { return manifest_.segments[i]; }
  // The segment's reader, or why it cannot be read (kCorruption naming it).
  Result<const SegmentReader*> segment(size_t i) const;
  // Segments that may hold tweets with from <= created_at < to (pruning).
  std::vector<size_t> SegmentsOverlapping(TimestampMs from, TimestampMs to) const;

  // Rows a viewer may see: all rows minus deleted tweets (and retweets of
  // them) minus hidden users' tweets, minus rows withheld in
  // `viewer_country` when one is given (ISO code, upper case).
  Result<Bitmap> VisibleRows(size_t i, std::string_view viewer_country = {}) const;
  // Rows whose geo (coordinates, place, country) must read as absent.
  Result<Bitmap> GeoScrubbedRows(size_t i) const;
  // Index lookup with compliance applied: rows of segment i holding `value`
  // in dimension `column` that the viewer may see. For geo dimensions
  // (country, place) geo-scrubbed rows are left out too.
  Result<Bitmap> Lookup(size_t i, std::string_view column, std::string_view value,
                        std::string_view viewer_country = {}) const;
  // Visible tweets over the whole archive.
  Result<uint64_t> CountVisible(std::string_view viewer_country = {}) const;

 private:
  struct Slot;
  Archive() = default;
  Status ComputeMasks(size_t i) const;

  std::string dir_;
  Manifest manifest_;
  ComplianceState compliance_;
  // Sorted deleted ids, built on first need (only when masks are computed).
  const std::vector<uint64_t>& SortedDeleted() const;
  mutable std::once_flag sorted_once_;
  mutable std::vector<uint64_t> sorted_deleted_;
  std::vector<std::unique_ptr<Slot>> slots_;
};

// Loads the compliance snapshot a manifest names (an empty state for none).
Result<ComplianceState> LoadCompliance(const std::string& dir, const Manifest& manifest);

}  // namespace roost::storage

#endif  // ROOST_STORAGE_ARCHIVE_H_

#include "storage/maintenance.h"

#include <algorithm>
#include <filesystem>
#include <limits>

#include "storage/archive.h"
#include "storage/archive_writer.h"
#include "storage/segment_reader.h"

namespace fs = std::filesystem;

namespace roost::storage {

Result<ArchiveInfo> GetArchiveInfo(const std::string& dir) {
  ROOST_ASSIGN_OR_RETURN(auto a, Archive::Open(dir));
  const Manifest& m = a->manifest();
  ArchiveInfo info;
  info.manifest_version = m.version;
  info.partition = PartitionName(m.partition);
  info.segments = m.segments.size();
  info.min_time = std::numeric_limits<TimestampMs>::max();
  info.max_time = std::numeric_limits<TimestampMs>::min();
  std::error_code ec;
  for (size_t i = 0; i < a->segment_count(); ++i) {
    const auto& e = a->entry(i);
    info.tweets += e.meta.rows;
    info.min_time = std::min(info.min_time, e.meta.min_time);
    info.max_time = std::max(info.max_time, e.meta.max_time);
    info.bytes_on_disk += e.bytes;
    auto r = a->segment(i);
    if (!r.ok()) continue;
    for (const auto& [col, bytes] : (*r)->ColumnSizes()) info.column_bytes[col] += bytes;
    auto visible = a->VisibleRows(i);
    if (visible.ok()) info.visible_tweets += visible->Cardinality();
  }
  if (info.segments == 0) info.min_time = info.max_time = 0;
  info.bytes_on_disk += fs::file_size(dir + "/MANIFEST", ec);
  if (!m.compliance_file.empty()) info.bytes_on_disk += fs::file_size(ComplianceDir(dir) + "/" + m.compliance_file, ec);
  const ComplianceState& cs = a->compliance();
  info.deleted_ids = cs.deleted().size();
  info.hidden_users = cs.hidden_users().size();
  info.scrub_geo_users = cs.scrub_geo().size();
  info.withheld_statuses = cs.status_withheld().size();
  info.withheld_users = cs.user_withheld().size();
  return info;
}

uint64_t VerifyReport::damaged() const {
  return std::count_if(segments.begin(), segments.end(), [](const SegmentCheck& c) { return !c.status.ok(); });
}

namespace {

// Checksums, then the columns a query relies on first must decode and agree
// with the metadata.
Status CheckSegment(const std::string& path, const SegmentEntry& e) {
  ROOST_ASSIGN_OR_RETURN(auto r, SegmentReader::Open(path));
  ROOST_RETURN_IF_ERROR(r->VerifyAll());
  auto bad = [&](const std::string& why) { return Status::Corruption("segment " + e.file + ": " + why); };
  if (r->row_count() != e.meta.rows) return bad("row count differs from the manifest");
  ROOST_ASSIGN_OR_RETURN(auto times, r->ReadInts("created_at"));
  if (!std::is_sorted(times.begin(), times.end())) return bad("time column not sorted");
  if (!times.empty() && (times.front() != r->meta().min_time || times.back() != r->meta().max_time))
    return bad("time range differs from the footer");
  for (const char* col : kSingleDims) {
    ROOST_ASSIGN_OR_RETURN(auto dict, r->Dictionary(col));
    ROOST_ASSIGN_OR_RETURN(auto ids, r->ReadDimIds(col));
    for (uint32_t id : ids)
      if (id >= dict.size()) return bad(std::string(col) + ": id out of range");
  }
  for (const char* col : kMultiDims) {
    ROOST_ASSIGN_OR_RETURN(auto dict, r->Dictionary(col));
    ROOST_ASSIGN_OR_RETURN(auto lists, r->ReadDimIdLists(col));
    for (uint32_t id : lists.ids)
      if (id >= dict.size()) return bad(std::string(col) + ": id out of range");
  }
  return Status::Ok();
}

}  // namespace

Result<VerifyReport> VerifyArchive(const std::string& dir) {
  ROOST_ASSIGN_OR_RETURN(Manifest m, Manifest::Load(dir));
  VerifyReport report;
  report.manifest = LoadCompliance(dir, m).status();
  report.unlisted = UnlistedFiles(dir, m);
  for (const auto& e : m.segments) {
    SegmentCheck c;
    c.file = e.file;
    c.rows = e.meta.rows;
    c.status = CheckSegment(SegmentDir(dir) + "/" + e.file, e);
    report.segments.push_back(std::move(c));
  }
  return report;
}

Result<CompactStats> CompactArchive(const std::string& dir, uint64_t max_segment_rows) {
  ROOST_ASSIGN_OR_RETURN(auto writer, ArchiveWriter::Open(dir, std::nullopt, /*create_if_missing=*/false));
  const Manifest before = writer->pending_manifest();
  const ComplianceState& cs = writer->compliance();
  CompactStats stats;
  stats.segments_before = before.segments.size();
  stats.rows_before = before.total_rows();
  for (const auto& e : before.segments) stats.bytes_before += e.bytes;

  // Group the segments of each partition; rewrite a group when it has more
  // than one segment or any row compliance must remove physically.
  std::map<TimestampMs, std::vector<const SegmentEntry*>> parts;
  for (const auto& e : before.segments) parts[e.meta.partition_start].push_back(&e);
  for (const auto& [start, entries] : parts) {
    std::vector<std::vector<const SegmentEntry*>> groups(1);
    uint64_t rows = 0;
    for (const SegmentEntry* e : entries) {
      if (rows + e->meta.rows > max_segment_rows && !groups.back().empty()) {
        groups.emplace_back();
        rows = 0;
      }
      groups.back().push_back(e);
      rows += e->meta.rows;
    }
    for (const auto& group : groups) {
      std::vector<Tweet> kept;
      bool dirty = group.size() > 1;
      for (const SegmentEntry* e : group) {
        ROOST_ASSIGN_OR_RETURN(auto r, SegmentReader::Open(SegmentDir(dir) + "/" + e->file));
        ROOST_ASSIGN_OR_RETURN(auto tweets, r->ReadAllTweets());
        for (auto& t : tweets) {
          if (cs.IsDeletedTweet(t)) {
            dirty = true;
            continue;
          }
          if (cs.IsGeoScrubbed(t) && (t.place || t.has_coordinates)) {
            t.place.reset();
            t.has_coordinates = false;
            t.longitude = t.latitude = 0;
            dirty = true;
          }
          kept.push_back(std::move(t));
        }
      }
      if (!dirty) continue;
      for (const SegmentEntry* e : group) writer->RemoveSegment(e->file);
      // Tags move with their tweets: the merged segment answers for the
      // brand definitions every part of it answered for.
      std::vector<std::string> fingerprints = group.front()->brand_fingerprints;
      for (const SegmentEntry* e : group)
        std::erase_if(fingerprints, [&](const std::string& fp) {
          return std::find(e->brand_fingerprints.begin(), e->brand_fingerprints.end(), fp) ==
                 e->brand_fingerprints.end();
        });
      if (!kept.empty())
        ROOST_RETURN_IF_ERROR(writer->WriteSegment(std::move(kept), start, std::move(fingerprints)).status());
    }
  }
  ROOST_RETURN_IF_ERROR(writer->Commit());
  const Manifest& after = writer->pending_manifest();
  stats.segments_after = after.segments.size();
  stats.rows_after = after.total_rows();
  for (const auto& e : after.segments) stats.bytes_after += e.bytes;
  return stats;
}

Status ApplyCompliance(const std::string& dir, const std::vector<ComplianceEvent>& events) {
  ROOST_ASSIGN_OR_RETURN(auto writer, ArchiveWriter::Open(dir, std::nullopt, /*create_if_missing=*/false));
  for (const auto& e : events) writer->mutable_compliance()->Apply(e);
  return writer->Commit();
}

}  // namespace roost::storage

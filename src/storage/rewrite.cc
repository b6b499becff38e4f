#include "storage/rewrite.h"

#include <algorithm>

#include "storage/archive_writer.h"
#include "storage/manifest.h"
#include "storage/segment_reader.h"

namespace roost::storage {

Result<RewriteStats> RewriteSegments(const std::string& dir,
                                     const std::function<void(std::vector<Tweet>*)>& edit,
                                     const std::function<void(const RewriteProgress&)>& progress) {
  return RewriteSegmentsWith(
      dir,
      [&](const SegmentEdit& e) {
        edit(e.tweets);
        e.brand_fingerprints->clear();
        return Status::Ok();
      },
      {}, progress);
}

Result<RewriteStats> RewriteSegmentsWith(const std::string& dir, const std::function<Status(const SegmentEdit&)>& edit,
                                         const std::vector<std::string>& only,
                                         const std::function<void(const RewriteProgress&)>& progress) {
  ROOST_ASSIGN_OR_RETURN(auto writer, ArchiveWriter::Open(dir, std::nullopt, /*create_if_missing=*/false));
  // A copy: staging changes the writer's pending manifest.
  std::vector<SegmentEntry> before = writer->pending_manifest().segments;
  if (!only.empty())
    std::erase_if(before, [&](const SegmentEntry& e) { return std::find(only.begin(), only.end(), e.file) == only.end(); });
  RewriteStats stats;
  RewriteProgress p;
  p.segments_total = before.size();
  for (const SegmentEntry& e : before) p.rows_total += e.meta.rows;
  for (const SegmentEntry& e : before) {
    ROOST_ASSIGN_OR_RETURN(auto reader, SegmentReader::Open(SegmentDir(dir) + "/" + e.file));
    ROOST_ASSIGN_OR_RETURN(std::vector<Tweet> tweets, reader->ReadAllTweets());
    reader.reset();
    const size_t rows = tweets.size();
    const TimestampMs first = rows ? tweets.front().created_at : 0;
    const uint64_t first_id = rows ? tweets.front().id : 0;
    std::vector<std::string> fingerprints = e.brand_fingerprints;
    ROOST_RETURN_IF_ERROR(edit(SegmentEdit{&e, &tweets, &fingerprints}));
    if (tweets.size() != rows || (rows && (tweets.front().created_at != first || tweets.front().id != first_id))) {
      return Status::Internal("rewriting " + e.file + " changed which tweets it holds");
    }
    stats.bytes_before += e.bytes;
    if (rows > 0) {
      ROOST_ASSIGN_OR_RETURN(SegmentEntry written, writer->WriteSegment(std::move(tweets), e.meta.partition_start,
                                                                         std::move(fingerprints)));
      if (written.meta.rows != e.meta.rows) {
        return Status::Internal("rewriting " + e.file + " changed its row count");
      }
      stats.bytes_after += written.bytes;
    }
    writer->RemoveSegment(e.file);
    ++stats.segments;
    stats.rows += rows;
    ++p.segments_done;
    p.rows_done += rows;
    if (progress) progress(p);
  }
  ROOST_RETURN_IF_ERROR(writer->Commit());
  return stats;
}

}  // namespace roost::storage

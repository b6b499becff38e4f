#include "brands/brand_retag.h"

#include <memory>

#include "storage/archive.h"

namespace roost::brands {
namespace {

// Index of `file` in the archive's snapshot, or npos.
size_t FindSegment(const storage::Archive& a, const std::string& file) {
  for (size_t i = 0; i < a.segment_count(); ++i)
    if (a.entry(i).file == file) return i;
  return std::string::npos;
}

}  // namespace

Result<RetagStats> RetagArchive(const std::string& dir, const BrandTagger& tagger, int threads,
                                const std::vector<std::string>& only,
                                const std::function<void(const storage::RewriteProgress&)>& progress) {
  // Filters run on the committed segments through this snapshot; one opened
  // again once the rewrite holds the writer lock when a commit came between.
  ROOST_ASSIGN_OR_RETURN(std::shared_ptr<const storage::Archive> archive, storage::Archive::Open(dir));
  RetagStats stats;
  stats.tagged.assign(tagger.set().brands.size(), 0);
  const std::vector<std::string> fingerprints = tagger.Fingerprints();
  auto edit = [&](const storage::SegmentEdit& e) -> Status {
    size_t i = FindSegment(*archive, e.old->file);
    if (i == std::string::npos) {
      ROOST_ASSIGN_OR_RETURN(archive, storage::Archive::Open(dir));
      i = FindSegment(*archive, e.old->file);
      if (i == std::string::npos) return Status::Internal("segment " + e.old->file + " is not in the archive");
    }
    ROOST_RETURN_IF_ERROR(tagger.TagSegment(*archive, i, e.tweets, threads));
    ROOST_ASSIGN_OR_RETURN(storage::Bitmap visible, archive->VisibleRows(i));
    for (uint32_t row : visible.ToVector())
      for (const std::string& tag : (*e.tweets)[row].brand_tags)
        ++stats.tagged[tagger.set().Find(tag)];
    *e.brand_fingerprints = fingerprints;
    return Status::Ok();
  };
  ROOST_ASSIGN_OR_RETURN(storage::RewriteStats r, storage::RewriteSegmentsWith(dir, edit, only, progress));
  stats.segments = r.segments;
  stats.tweets = r.rows;
  stats.bytes_before = r.bytes_before;
  stats.bytes_after = r.bytes_after;
  return stats;
}

}  // namespace roost::brands

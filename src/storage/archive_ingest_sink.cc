#include "storage/archive_ingest_sink.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>
#include <unordered_set>

#include "storage/archive_writer.h"
#include "storage/segment_reader.h"
#include "storage/segment_writer.h"

namespace roost::storage {
namespace {

uint64_t EstimateBytes(const Tweet& t) {
  uint64_t n = sizeof(Tweet) + t.text.size() + t.lang.size() + t.source.size() + t.user.screen_name.size() +
               t.user.name.size() + t.user.description.size() + t.user.location.size() +
               t.reply_to_screen_name.size() + t.detected_lang.size();
  for (const auto& h : t.hashtags) n += 32 + h.text.size();
  for (const auto& m : t.mentions) n += 40 + m.screen_name.size();
  for (const auto& u : t.urls) n += 64 + u.url.size() + u.expanded_url.size();
  for (const auto* v : {&t.cashtags, &t.terms, &t.domains, &t.brand_tags, &t.withheld_in_countries})
    for (const auto& s : *v) n += 32 + s.size();
  if (t.place) n += sizeof(Place) + t.place->id.size() + t.place->full_name.size();
  return n;
}

// Segments an id might be in, found by id range. Ranges are sorted by
// min_id with a running max of max_id so a lookup walks back only over
// segments whose range can still cover the id.
class IdRangeIndex {
 public:
  void Add(std::unique_ptr<SegmentReader> r) {
    readers_.push_back(std::move(r));
    std::sort(readers_.begin(), readers_.end(),
              [](const auto& a, const auto& b) { return a->meta().min_id < b->meta().min_id; });
    prefix_max_.clear();
    uint64_t mx = 0;
    for (const auto& x : readers_) prefix_max_.push_back(mx = std::max(mx, x->meta().max_id));
  }
  Result<bool> Contains(uint64_t id) const {
    auto it = std::upper_bound(readers_.begin(), readers_.end(), id,
                               [](uint64_t v, const auto& r) { return v < r->meta().min_id; });
    for (size_t i = it - readers_.begin(); i-- > 0;) {
      if (prefix_max_[i] < id) break;
      if (readers_[i]->meta().max_id < id) continue;
      ROOST_ASSIGN_OR_RETURN(auto row, readers_[i]->FindRow(id));
      if (row) return true;
    }
    return false;
  }

 private:
  std::vector<std::unique_ptr<SegmentReader>> readers_;
  std::vector<uint64_t> prefix_max_;
};

// Buffers tweets per partition and writes each full buffer as a segment on
// a background thread while the pipeline keeps parsing. At most one segment
// is being built at a time (memory stays within the budget: a third for the
// buffers, a third for the segment being built, the rest for its build).
class ArchiveIngestSink : public IngestSink {
 public:
  ArchiveIngestSink(std::unique_ptr<ArchiveWriter> writer, ArchiveIngestOptions options)
      : writer_(std::move(writer)), options_(std::move(options)) {}

  ~ArchiveIngestSink() override {
    // Not committed: the file, never staged, is deleted by the next Open().
    if (build_.thread.joinable()) build_.thread.join();
  }

  Status Init() {
    for (const auto& e : writer_->pending_manifest().segments) {
      ROOST_ASSIGN_OR_RETURN(auto r, SegmentReader::Open(SegmentDir(writer_->dir()) + "/" + e.file));
      ids_.Add(std::move(r));
    }
    return Status::Ok();
  }

  Status AddTweets(std::vector<Tweet>* batch, std::vector<bool>* is_duplicate) override {
    is_duplicate->assign(batch->size(), false);
    if (build_.done) ROOST_RETURN_IF_ERROR(FinishBuild());
    const ComplianceState& cs = writer_->compliance();
    for (size_t i = 0; i < batch->size(); ++i) {
      Tweet& t = (*batch)[i];
      if (buffered_ids_.count(t.id)) {
        (*is_duplicate)[i] = true;
        continue;
      }
      ROOST_ASSIGN_OR_RETURN(bool stored, ids_.Contains(t.id));
      if (stored) {
        (*is_duplicate)[i] = true;
        continue;
      }
      // The archive already holds this id as a deletion (stored and then
      // deleted, or a delete that came first): a duplicate, never stored,
      // so re-running an ingest reports the same counts.
      if (cs.IsDeleted(t.id)) {
        (*is_duplicate)[i] = true;
        continue;
      }
      // A retweet of a deleted tweet is new but never stored.
      if (cs.IsDeletedTweet(t)) continue;
      if (cs.IsGeoScrubbed(t)) ClearGeo(&t);
      const TimestampMs start = PartitionStart(writer_->partition(), t.created_at);
      buffered_ids_.insert(t.id);
      buffered_bytes_ += EstimateBytes(t) + 32;
      auto& part = buffers_[start];
      part.push_back(std::move(t));
      if (part.size() >= options_.max_segment_rows) ROOST_RETURN_IF_ERROR(FlushPartition(start));
    }
    if (buffered_bytes_ > options_.memory_limit_bytes / 3) ROOST_RETURN_IF_ERROR(FlushAll());
    return Status::Ok();
  }

  Status AddCompliance(const ComplianceEvent& event) override {
    writer_->mutable_compliance()->Apply(event);
    return Status::Ok();
  }

  Status Commit() override {
    ROOST_RETURN_IF_ERROR(FlushAll());
    ROOST_RETURN_IF_ERROR(FinishBuild());
    return writer_->Commit();
  }

  std::vector<StageCost> Costs() const override {
    return {{"segment sort", costs_.sort},         {"segment columns", costs_.columns},
            {"dictionaries", costs_.dictionaries}, {"id indexes", costs_.id_indexes},
            {"segment write", costs_.write},       {"fsync (wall)", costs_.fsync_wall}};
  }

 private:
  // One segment being written on a background thread.
  struct Build {
    std::thread thread;
    std::atomic<bool> done{false};
    std::string file;
    std::vector<uint64_t> ids;  // kept in buffered_ids_ until the segment is readable
    Result<SegmentMeta> meta = Status::Internal("not built");
    SegmentBuildCosts costs;
  };

  static void ClearGeo(Tweet* t) {
    t->place.reset();
    t->has_coordinates = false;
    t->longitude = t->latitude = 0;
  }

  // Waits for the segment being built, if any, and stages it.
  Status FinishBuild() {
    if (!build_.thread.joinable()) return Status::Ok();
    build_.thread.join();
    build_.done = false;
    costs_.sort += build_.costs.sort;
    costs_.columns += build_.costs.columns;
    costs_.dictionaries += build_.costs.dictionaries;
    costs_.id_indexes += build_.costs.id_indexes;
    costs_.write += build_.costs.write;
    costs_.fsync_wall += build_.costs.fsync_wall;
    ROOST_RETURN_IF_ERROR(build_.meta.status());
    SegmentEntry e = writer_->StageSegment(build_.file, *build_.meta);
    ROOST_ASSIGN_OR_RETURN(auto r, SegmentReader::Open(SegmentDir(writer_->dir()) + "/" + e.file));
    ids_.Add(std::move(r));
    for (uint64_t id : build_.ids) buffered_ids_.erase(id);
    std::vector<uint64_t>().swap(build_.ids);
    return Status::Ok();
  }

  Status FlushPartition(TimestampMs start) {
    auto it = buffers_.find(start);
    if (it == buffers_.end()) return Status::Ok();
    std::vector<Tweet> tweets = std::move(it->second);
    buffers_.erase(it);
    // Compliance that arrived after the tweet was buffered applies too.
    const ComplianceState& cs = writer_->compliance();
    std::vector<Tweet> keep;
    std::vector<uint64_t> ids;
    keep.reserve(tweets.size());
    ids.reserve(tweets.size());
    for (auto& t : tweets) {
      ids.push_back(t.id);
      buffered_bytes_ -= std::min(buffered_bytes_, EstimateBytes(t) + 32);
      if (cs.IsDeletedTweet(t)) continue;
      if (cs.IsGeoScrubbed(t)) ClearGeo(&t);
      keep.push_back(std::move(t));
    }
    std::vector<Tweet>().swap(tweets);
    ROOST_RETURN_IF_ERROR(FinishBuild());
    if (keep.empty()) {
      for (uint64_t id : ids) buffered_ids_.erase(id);
      return Status::Ok();
    }
    build_.file = writer_->NewSegmentFile(start);
    build_.ids = std::move(ids);
    build_.meta = Status::Internal("not built");
    const std::string path = SegmentDir(writer_->dir()) + "/" + build_.file;
    build_.thread = std::thread([this, path, start, tweets = std::move(keep)]() mutable {
      SegmentWriter w(start);
      w.set_threads(BuildThreads());
      w.AddAll(std::move(tweets));
      build_.meta = w.Finish(path);
      build_.costs = w.costs();
      build_.done = true;
    });
    return Status::Ok();
  }

  Status FlushAll() {
    while (!buffers_.empty()) ROOST_RETURN_IF_ERROR(FlushPartition(buffers_.begin()->first));
    buffered_bytes_ = 0;
    return Status::Ok();
  }

  static int BuildThreads() { return static_cast<int>(std::min(4u, std::max(1u, std::thread::hardware_concurrency()))); }

  std::unique_ptr<ArchiveWriter> writer_;
  ArchiveIngestOptions options_;
  IdRangeIndex ids_;
  std::unordered_set<uint64_t> buffered_ids_;
  std::map<TimestampMs, std::vector<Tweet>> buffers_;
  uint64_t buffered_bytes_ = 0;
  Build build_;
  SegmentBuildCosts costs_;
};

}  // namespace

Result<std::unique_ptr<IngestSink>> OpenArchiveForIngest(const std::string& dir, const ArchiveIngestOptions& options) {
  std::optional<Partition> partition;
  if (!options.partition.empty()) {
    ROOST_ASSIGN_OR_RETURN(partition, ParsePartition(options.partition));
  }
  if (options.max_segment_rows == 0 || options.max_segment_rows >= (1ull << 32))
    return Status::InvalidArgument("max_segment_rows must be in [1, 2^32)");
  ROOST_ASSIGN_OR_RETURN(auto writer, ArchiveWriter::Open(dir, partition, options.create_if_missing));
  auto sink = std::make_unique<ArchiveIngestSink>(std::move(writer), options);
  ROOST_RETURN_IF_ERROR(sink->Init());
  return std::unique_ptr<IngestSink>(std::move(sink));
}

}  // namespace roost::storage

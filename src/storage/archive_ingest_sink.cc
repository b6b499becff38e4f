#include "storage/archive_ingest_sink.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

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
  for (const auto* v : {&t.cashtags, &t.domains, &t.brand_tags, &t.withheld_in_countries})
    for (const auto& s : *v) n += 32 + s.size();
  n += t.terms.capacity_bytes();
  if (t.place) n += sizeof(Place) + t.place->id.size() + t.place->full_name.size();
  return n;
}

// Insert-only open-addressing set of tweet ids (far cheaper per tweet than
// std::unordered_set, which allocates a node per id).
class IdSet {
 public:
  bool Contains(uint64_t id) const {
    if (id == 0) return has_zero_;
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(id) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == id) return true;
      if (slots_[i] == 0) return false;
    }
  }
  // Empties the set, keeping its table.
  void Clear() {
    if (size_ > 0) std::fill(slots_.begin(), slots_.end(), 0);
    size_ = 0;
    has_zero_ = false;
  }
  void Insert(uint64_t id) {
    if (id == 0) {
      has_zero_ = true;
      return;
    }
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(id) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == id) return;
      if (slots_[i] == 0) {
        slots_[i] = id;
        ++size_;
        return;
      }
    }
  }

 private:
  static uint64_t Hash(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return x;
  }
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), 0);
    size_ = 0;
    for (uint64_t id : old)
      if (id != 0) Insert(id);
  }
  std::vector<uint64_t> slots_;
  size_t size_ = 0;
  bool has_zero_ = false;
};

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
// a background thread: the pipeline waits while the segment's blocks are
// built and keeps parsing while the file is written. At most one segment
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
    const Manifest& m = writer_->pending_manifest();
    for (const auto& e : m.segments) {
      ROOST_ASSIGN_OR_RETURN(auto r, SegmentReader::Open(SegmentDir(writer_->dir()) + "/" + e.file));
      ids_.Add(std::move(r));
    }
    for (const InputIdentity& in : m.inputs) committed_inputs_[in.path].push_back(in);
    // An ingest that was interrupted: its rejects file keeps only what
    // belongs to the inputs it committed (those are skipped now; the rest
    // are read again and their rejects written again).
    if (!m.rejects_file.empty()) {
      namespace fs = std::filesystem;
      std::error_code ec;
      const uint64_t size = fs::file_size(m.rejects_file, ec);
      if (!ec && size > m.rejects_bytes) fs::resize_file(m.rejects_file, m.rejects_bytes, ec);
      // An empty file this archive's default place holds is removed.
      const fs::path own = fs::absolute(writer_->dir() + "/rejects", ec).lexically_normal();
      if (!ec && m.rejects_bytes == 0 && fs::path(m.rejects_file).parent_path() == own)
        fs::remove(m.rejects_file, ec);
      writer_->SetRejects("", 0);
    }
    last_commit_ = std::chrono::steady_clock::now();
    return Status::Ok();
  }

  void Abandon() override {
    if (build_.thread.joinable()) build_.thread.join();  // nothing may write into what goes away
    writer_->Abandon();
  }

  bool Committed(const InputIdentity& input) const override {
    auto it = committed_inputs_.find(input.path);
    if (it == committed_inputs_.end()) return false;
    for (const InputIdentity& in : it->second)
      if (in == input) return true;
    return false;
  }

  Status StartRejects(const std::string& path, uint64_t bytes,
                      std::function<Status()> sync) override {
    if (path.empty()) return Status::Ok();
    std::error_code ec;
    rejects_path_ = std::filesystem::absolute(path, ec).lexically_normal().string();
    if (ec || rejects_path_.find('\n') != std::string::npos) {
      rejects_path_.clear();
      return Status::Ok();
    }
    rejects_committed_ = bytes;
    sync_rejects_ = std::move(sync);
    // Committed before any record is read: if this run is killed before its
    // next commit, the next writer cuts the file back to `bytes`.
    writer_->SetRejects(rejects_path_, bytes);
    return CommitNow(/*final_commit=*/false, /*force=*/true);
  }

  Status EndInput(const InputIdentity& input, bool complete, uint64_t rejects_bytes) override {
    ended_.push_back({next_input_++, input,
                      complete && !input.path.empty() && input.path.find('\n') == std::string::npos,
                      rejects_bytes});
    return MaybeCommit();
  }

  Status AddTweets(std::vector<Tweet>* batch, std::vector<bool>* is_duplicate) override {
    is_duplicate->assign(batch->size(), false);
    if (build_.done) ROOST_RETURN_IF_ERROR(FinishBuild());
    const ComplianceState& cs = writer_->compliance();
    // Pass 1 decides, changing nothing: which tweets are kept, and whether
    // they all go to one partition.
    batch_ids_.Clear();
    keep_.assign(batch->size(), false);
    size_t kept = 0;
    bool one_partition = true;
    TimestampMs first_start = 0;
    for (size_t i = 0; i < batch->size(); ++i) {
      Tweet& t = (*batch)[i];
      if (Buffered(t.id) || batch_ids_.Contains(t.id)) {
        (*is_duplicate)[i] = true;
        continue;
      }
      ROOST_ASSIGN_OR_RETURN(bool stored, ids_.Contains(t.id));
      // Stored, or held as a deletion (stored and then deleted, or a delete
      // that came first): a duplicate, never stored, so re-running an
      // ingest reports the same counts.
      if (stored || cs.IsDeleted(t.id)) {
        (*is_duplicate)[i] = true;
        continue;
      }
      batch_ids_.Insert(t.id);
      // A retweet of a deleted tweet is new but never stored (its own id
      // was checked just above, so only the cascade is left to ask).
      if (cs.IsRetweetOfDeleted(t)) continue;
      if (cs.IsGeoScrubbed(t)) ClearGeo(&t);
      const TimestampMs start = PartitionStart(writer_->partition(), t.created_at);
      if (kept == 0) first_start = start;
      one_partition = one_partition && start == first_start;
      keep_[i] = true;
      ++kept;
    }
    if (kept == 0) return MaybeCommit();
    Part& first = PartFor(first_start);
    if (one_partition && first.rows + kept < options_.max_segment_rows) {
      // The usual case: the whole batch joins one partition as it is, so no
      // tweet is moved and no new memory is touched.
      for (size_t i = 0; i < batch->size(); ++i)
        if (keep_[i]) Account(&first, (*batch)[i]);
      if (kept < batch->size()) RemoveUnkept(batch);
      first.rows += kept;
      first.chunks.push_back(std::move(*batch));
      batch->clear();
    } else {
      for (size_t i = 0; i < batch->size(); ++i) {
        if (!keep_[i]) continue;
        Tweet& t = (*batch)[i];
        const TimestampMs start = PartitionStart(writer_->partition(), t.created_at);
        Part& part = PartFor(start);
        Account(&part, t);
        if (part.chunks.empty() || part.chunks.back().size() == part.chunks.back().capacity())
          part.chunks.emplace_back().reserve(std::min<size_t>(kept, 4096));
        part.chunks.back().push_back(std::move(t));
        if (++part.rows >= options_.max_segment_rows) ROOST_RETURN_IF_ERROR(FlushPartition(start));
      }
    }
    // Over the buffer budget: the oldest partitions (in time-ordered input,
    // the days already complete) are written until the buffers are back
    // within it; the newest keeps filling, so a day that fits the budget is
    // one segment, not two.
    while (buffered_bytes_ > options_.memory_limit_bytes / 3 && !buffers_.empty())
      ROOST_RETURN_IF_ERROR(FlushPartition(buffers_.begin()->first));
    return MaybeCommit();
  }

  Status AddCompliance(const ComplianceEvent& event) override {
    writer_->mutable_compliance()->Apply(event);
    return Status::Ok();
  }

  Status Commit() override {
    ROOST_RETURN_IF_ERROR(FlushAll());
    ROOST_RETURN_IF_ERROR(FinishBuild());
    return CommitNow(/*final_commit=*/true);
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
    std::mutex mu;  // guards blocks_built
    std::condition_variable cv;
    bool blocks_built = false;
    std::string file;
    uint64_t first_input = 0;  // the earliest input with tweets in it
    IdSet ids;  // still checked for duplicates until the segment is readable
    Result<SegmentMeta> meta = Status::Internal("not built");
    SegmentBuildCosts costs;
  };

  // Tweets of one partition waiting to be written, in the vectors they
  // arrived in.
  struct Part {
    std::vector<std::vector<Tweet>> chunks;
    size_t rows = 0;
    IdSet ids;
    uint64_t bytes = 0;
    uint64_t first_input = 0;  // the earliest input with tweets in it
  };

  // An input all of whose records were handed over, waiting until every
  // tweet it gave is in a staged segment.
  struct EndedInput {
    uint64_t ordinal;
    InputIdentity identity;
    bool recordable;
    uint64_t rejects_bytes;
  };

  Part& PartFor(TimestampMs start) {
    if (start != last_start_ || last_part_ == nullptr) {
      auto [it, added] = buffers_.try_emplace(start);
      if (added) it->second.first_input = next_input_;
      last_part_ = &it->second;
      last_start_ = start;
    }
    return *last_part_;
  }

  // Commits when there is progress to keep and the interval has passed.
  Status MaybeCommit() {
    if (std::chrono::steady_clock::now() - last_commit_ <
        std::chrono::duration<double>(options_.commit_interval_seconds))
      return Status::Ok();
    return CommitNow(/*final_commit=*/false);
  }

  // Stages the inputs none of whose tweets is still buffered or being built
  // (their tweets are all in staged segments, or were duplicates), then
  // commits whatever is staged when that is progress worth keeping: a new
  // segment or a finished input. Compliance messages alone do not make a
  // commit (an ingest of a firehose meets a delete every few hundred
  // tweets); they ride with the next one, and until then belong to inputs
  // a re-run reads again. The final commit stores the compliance masks and
  // clears the rejects line (the run is over).
  Status CommitNow(bool final_commit, bool force = false) {
    uint64_t pending = next_input_;
    for (const auto& [start, part] : buffers_) pending = std::min(pending, part.first_input);
    if (build_.thread.joinable()) pending = std::min(pending, build_.first_input);
    bool rejects_moved = false;
    bool progress = segment_staged_;
    while (!ended_.empty() && ended_.front().ordinal < pending) {
      const EndedInput& e = ended_.front();
      if (e.recordable) writer_->RecordInput(e.identity);
      rejects_committed_ = e.rejects_bytes;
      rejects_moved = true;
      progress = true;
      ended_.pop_front();
    }
    if (final_commit) {
      writer_->SetRejects("", 0);
    } else if (!rejects_path_.empty() && rejects_moved) {
      writer_->SetRejects(rejects_path_, rejects_committed_);
    }
    if (!writer_->has_changes() || !(progress || force || final_commit)) return Status::Ok();
    // The rejects the manifest is about to account for must be on disk first.
    if (sync_rejects_ && !final_commit) ROOST_RETURN_IF_ERROR(sync_rejects_());
    ROOST_RETURN_IF_ERROR(writer_->Commit(/*write_masks=*/final_commit));
    segment_staged_ = false;
    last_commit_ = std::chrono::steady_clock::now();
    return Status::Ok();
  }

  void Account(Part* part, const Tweet& t) {
    const uint64_t bytes = EstimateBytes(t) + 32;
    part->ids.Insert(t.id);
    part->bytes += bytes;
    buffered_bytes_ += bytes;
  }

  // In a buffer or in the segment being built (not yet in ids_).
  bool Buffered(uint64_t id) const {
    if (build_.thread.joinable() && build_.ids.Contains(id)) return true;
    for (const auto& [start, part] : buffers_)
      if (part.ids.Contains(id)) return true;
    return false;
  }

  // Drops the tweets of `batch` that keep_ does not mark. Their order does
  // not matter (a segment sorts its rows by time and id), so each dropped
  // one takes the last kept tweet: one move per dropped tweet.
  void RemoveUnkept(std::vector<Tweet>* batch) {
    size_t n = batch->size();
    for (size_t i = 0; i < n;) {
      if (keep_[i]) {
        ++i;
        continue;
      }
      --n;
      if (i < n) {
        (*batch)[i] = std::move((*batch)[n]);
        keep_[i] = keep_[n];
      }
    }
    batch->resize(n);
  }

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
    SegmentEntry e = writer_->StageSegment(build_.file, *build_.meta, options_.brand_fingerprints);
    segment_staged_ = true;
    ROOST_ASSIGN_OR_RETURN(auto r, SegmentReader::Open(SegmentDir(writer_->dir()) + "/" + e.file));
    ids_.Add(std::move(r));
    build_.ids = IdSet();
    return Status::Ok();
  }

  Status FlushPartition(TimestampMs start) {
    auto it = buffers_.find(start);
    if (it == buffers_.end()) return Status::Ok();
    Part part = std::move(it->second);
    buffers_.erase(it);
    last_part_ = nullptr;
    buffered_bytes_ -= std::min(buffered_bytes_, part.bytes);
    // Compliance that arrived after the tweet was buffered applies too.
    const ComplianceState& cs = writer_->compliance();
    size_t rows = 0;
    for (std::vector<Tweet>& tweets : part.chunks) {
      // The segment sorts its rows by (time, id), so a removed tweet's
      // place is taken by the last one: one move, not one per later tweet.
      for (size_t i = 0; i < tweets.size();) {
        Tweet& t = tweets[i];
        if (cs.IsDeletedTweet(t)) {
          if (i + 1 < tweets.size()) t = std::move(tweets.back());
          tweets.pop_back();
          continue;
        }
        if (cs.IsGeoScrubbed(t)) ClearGeo(&t);
        ++i;
      }
      rows += tweets.size();
    }
    ROOST_RETURN_IF_ERROR(FinishBuild());
    if (rows == 0) return Status::Ok();
    build_.file = writer_->NewSegmentFile(start);
    build_.first_input = part.first_input;
    build_.ids = std::move(part.ids);
    build_.meta = Status::Internal("not built");
    const std::string path = SegmentDir(writer_->dir()) + "/" + build_.file;
    build_.blocks_built = false;
    build_.thread = std::thread([this, path, start, chunks = std::move(part.chunks)]() mutable {
      SegmentWriter w(start);
      w.set_threads(BuildThreads());
      w.set_on_blocks_built([this] { MarkBlocksBuilt(); });
      for (auto& c : chunks)
        if (!c.empty()) w.AddAll(std::move(c));
      build_.meta = w.Finish(path);
      build_.costs = w.costs();
      MarkBlocksBuilt();  // also when Finish failed before building
      build_.done = true;
    });
    // The pipeline waits while the blocks are built: on a machine whose
    // cores the workers already fill, a build running beside them costs
    // both sides more CPU (they compete for caches and memory bandwidth:
    // 15-17% more for the dictionaries, measured) than the wait costs.
    // Writing and fsyncing the file, which need little CPU, overlap parsing.
    WaitBlocksBuilt();
    return Status::Ok();
  }

  void MarkBlocksBuilt() {
    {
      std::lock_guard<std::mutex> lock(build_.mu);
      build_.blocks_built = true;
    }
    build_.cv.notify_all();
  }

  void WaitBlocksBuilt() {
    std::unique_lock<std::mutex> lock(build_.mu);
    build_.cv.wait(lock, [this] { return build_.blocks_built; });
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
  std::map<TimestampMs, Part> buffers_;
  Part* last_part_ = nullptr;  // the partition the previous tweet went to
  TimestampMs last_start_ = 0;
  uint64_t buffered_bytes_ = 0;
  Build build_;
  // Resuming and durable progress (see CommitNow).
  std::map<std::string, std::vector<InputIdentity>> committed_inputs_;  // by path, fixed at Init
  uint64_t next_input_ = 0;  // ordinal of the input whose records arrive now
  std::deque<EndedInput> ended_;
  std::chrono::steady_clock::time_point last_commit_;
  bool segment_staged_ = false;  // since the last commit
  std::string rejects_path_;     // absolute; empty: none
  uint64_t rejects_committed_ = 0;
  std::function<Status()> sync_rejects_;
  IdSet batch_ids_;          // ids kept from the batch being added
  std::vector<bool> keep_;  // which tweets of that batch are kept
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
  if (!(options.commit_interval_seconds >= 0))
    return Status::InvalidArgument("commit_interval_seconds must be 0 or more");
  auto sink = std::make_unique<ArchiveIngestSink>(std::move(writer), options);
  if (Status st = sink->Init(); !st.ok()) {
    sink->Abandon();
    return st;
  }
  return std::unique_ptr<IngestSink>(std::move(sink));
}

}  // namespace roost::storage

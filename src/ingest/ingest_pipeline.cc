#include "ingest/ingest_pipeline.h"

#include <atomic>
#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "common/bounded_queue.h"
#include "ingest/input_identity.h"
#include "ingest/rejects_writer.h"
#include "io/byte_source.h"
#include "io/document_splitter.h"
#include "io/input_files.h"
#include "parse/document_parser.h"

namespace roost {
namespace {

// A batch is about 1,700 v1.1 tweets. Paired runs on two synthetic days:
// 4 MiB batches cost 3% less CPU than 1 MiB (fewer hand-offs, result vectors
// and buffered chunks), 256 KiB 3-7% more, 16 MiB no less than 4 MiB.
constexpr size_t kBatchBytes = 4 << 20;
constexpr size_t kBatchDocuments = 2048;

constexpr char kStdinName[] = "<stdin>";  // how rejects name standard input

// Counts the CPU time spent decompressing (the rest of the reader thread's
// time is document splitting and batching).
class TimedSource : public ByteSource {
 public:
  explicit TimedSource(ByteSource* inner) : inner_(inner) {}
  Result<size_t> Read(char* buffer, size_t capacity) override {
    const double t0 = ThreadCpuSeconds();
    Result<size_t> n = inner_->Read(buffer, capacity);
    seconds_ += ThreadCpuSeconds() - t0;
    return n;
  }
  Compression compression() const override { return inner_->compression(); }
  uint64_t compressed_bytes_read() const override { return inner_->compressed_bytes_read(); }
  const std::string& name() const override { return inner_->name(); }
  double seconds() const { return seconds_; }

 private:
  ByteSource* inner_;
  double seconds_ = 0;
};

struct DocRef {
  const char* data;  // followed by DocumentParser::kPadding readable bytes
  size_t length;
  uint64_t line;
  uint64_t full_length;
  bool too_large;
};

static_assert(DocumentSplitter::kPadding >= DocumentParser::kPadding);

// Documents cut from one input. They point into the splitter's read buffers,
// which the batch keeps alive (no copy of the input); the rare oversized
// record's kept prefix is copied.
struct Batch {
  uint64_t seq = 0;
  uint32_t file = 0;
  // The marker after an input's last batch (no documents): the input and
  // whether it was read to its end.
  bool end_of_input = false;
  bool input_complete = false;
  InputIdentity input;
  size_t bytes = 0;
  std::vector<std::shared_ptr<const void>> buffers;
  std::vector<std::unique_ptr<char[]>> copies;
  std::vector<DocRef> docs;
};

struct Reject {
  uint32_t file;
  uint64_t line;
  RejectReason reason;
  std::string detail;
  std::string record;
  uint64_t full_length;
};

// A tweet kept without part of itself (TweetObjectParser::note).
struct KeptNote {
  uint32_t file;
  uint64_t line;
  std::string note;
};

struct BatchResult {
  uint64_t seq = 0;
  bool end_of_input = false;  // see Batch
  bool input_complete = false;
  InputIdentity input;
  std::vector<Tweet> tweets;
  std::vector<ComplianceEvent> compliance;
  std::vector<Reject> rejects;
  std::vector<KeptNote> notes;
  IngestCounts counts;  // all but accepted/duplicates (the sink decides those)
};

class Pipeline {
 public:
  Pipeline(const IngestOptions& options, std::vector<std::string> files, IngestSink* sink)
      : options_(options),
        files_(std::move(files)),
        sink_(sink),
        threads_(options.threads > 0 ? options.threads
                                     : std::max(1u, std::thread::hardware_concurrency())),
        work_(static_cast<size_t>(threads_) * 2),
        results_(static_cast<size_t>(threads_) * 2),
        rejects_(options.rejects_path) {}

  Result<IngestReport> Run() {
    start_ = std::chrono::steady_clock::now();
    ROOST_RETURN_IF_ERROR(
        sink_->StartRejects(rejects_.path(), rejects_.bytes(), [this] { return rejects_.Sync(); }));
    std::thread reader([this] { ReadAll(); });
    std::vector<std::thread> workers;
    for (int i = 0; i < threads_; ++i) workers.emplace_back([this] { Work(); });
    std::thread closer([&] {
      for (auto& w : workers) w.join();
      results_.Close();
    });
    Status collected = Collect();
    if (!collected.ok()) {
      stop_ = true;
      work_.Close();
      results_.Close();
    }
    reader.join();
    closer.join();
    ROOST_RETURN_IF_ERROR(collected);
    ROOST_RETURN_IF_ERROR(rejects_.Close());
    ROOST_RETURN_IF_ERROR(sink_->Commit());
    report_.files = files_.size();
    report_.skipped_files = skipped_files_;
    report_.skipped_bytes = skipped_bytes_;
    report_.input_bytes = input_bytes_;
    report_.decompressed_bytes = decompressed_bytes_;
    for (const auto& [file, message] : input_errors_) report_.input_errors.push_back(message);
    if (rejects_.used()) report_.rejects_file = rejects_.path();
    report_.seconds = Elapsed();
    report_.stages = {{"decompress", decompress_s_},
                      {"split", read_s_ - decompress_s_},
                      {"parse", parse_s_},
                      {"enrich", enrich_s_},
                      {"collect", collect_s_ - sink_s_},
                      {"dedup+buffer", sink_s_}};
    for (StageCost& c : sink_->Costs()) report_.stages.push_back(std::move(c));
    return report_;
  }

 private:
  double Elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

  void NoteInputError(uint32_t file, const std::string& message) {
    std::lock_guard<std::mutex> lock(mu_);
    input_errors_.emplace(file, message);
  }

  // Reader thread: one input at a time, cut into batches of documents.
  void ReadAll() {
    const double cpu0 = ThreadCpuSeconds();
    ReadFiles();
    read_s_ = ThreadCpuSeconds() - cpu0;
    work_.Close();
  }

  void ReadFiles() {
    uint64_t seq = 0;
    for (uint32_t f = 0; f < files_.size() && !stop_; ++f) {
      // Identified before it is read: a file that changes while it is read
      // no longer matches this identity, so a later run reads it again.
      InputIdentity identity;
      bool identified = false;
      if (files_[f] != "-") {
        auto id = IdentifyInput(files_[f]);
        if (id.ok()) {
          identity = std::move(id).value();
          identified = true;
        }
      }
      if (identified && options_.resume && sink_->Committed(identity)) {
        ++skipped_files_;
        skipped_bytes_ += identity.size;
        files_done_ = f + 1;
        continue;
      }
      bool complete = identified;
      // After the input's last batch: the collector tells the sink.
      auto end_input = [&] {
        Batch marker;
        marker.seq = seq++;
        marker.file = f;
        marker.end_of_input = true;
        marker.input_complete = complete;
        marker.input = identity;
        return work_.Push(std::move(marker));
      };
      auto source = OpenByteSource(files_[f]);
      if (!source.ok()) {
        NoteInputError(f, source.status().message());
        complete = false;
        if (!end_input()) return;
        continue;
      }
      TimedSource timed(source->get());
      DocumentSplitter splitter(&timed, options_.max_record_bytes);
      Batch batch;
      batch.file = f;
      const void* shared = nullptr;  // the splitter buffer `batch` holds a share of
      auto push = [&] {
        decompressed_bytes_ += batch.bytes;
        batch.seq = seq++;
        const bool pushed = work_.Push(std::move(batch));
        batch = Batch();
        batch.file = f;
        shared = nullptr;
        return pushed;
      };
      Document doc;
      for (;;) {
        auto more = splitter.Next(&doc);
        if (!more.ok()) {
          NoteInputError(f, more.status().message());
          complete = false;
          break;
        }
        if (!*more) break;
        const bool too_large = doc.kind == Document::Kind::kTooLarge;
        const char* data = doc.data;
        if (too_large) {
          // The prefix lives in the splitter until its next call: copy it.
          auto copy = std::make_unique_for_overwrite<char[]>(doc.length + DocumentSplitter::kPadding);
          std::memcpy(copy.get(), doc.data, doc.length);
          std::memset(copy.get() + doc.length, ' ', DocumentSplitter::kPadding);
          data = copy.get();
          batch.copies.push_back(std::move(copy));
        } else if (splitter.buffer_id() != shared) {
          shared = splitter.buffer_id();
          batch.buffers.push_back(splitter.ShareBuffer());
        }
        batch.docs.push_back({data, doc.length, doc.first_line, doc.full_length, too_large});
        batch.bytes += doc.length;
        if ((batch.bytes >= kBatchBytes || batch.docs.size() >= kBatchDocuments) && !push()) return;
        input_bytes_progress_ = input_bytes_ + (*source)->compressed_bytes_read();
      }
      if (!splitter.stream_status().ok()) {
        NoteInputError(f, splitter.stream_status().message());
        complete = false;
      }
      if (!batch.docs.empty() && !push()) return;
      if (!end_input()) return;
      input_bytes_ += (*source)->compressed_bytes_read();
      input_bytes_progress_ = input_bytes_.load();
      files_done_ = f + 1;
      decompress_s_ += timed.seconds();
    }
  }

  // Worker threads: parse, classify, enrich.
  void Work() {
    DocumentParser parser;
    std::vector<ParsedRecord> records;
    double parse_s = 0, enrich_s = 0;
    while (auto batch = work_.Pop()) {
      const double t0 = ThreadCpuSeconds();
      BatchResult result;
      result.seq = batch->seq;
      if (batch->end_of_input) {
        result.end_of_input = true;
        result.input_complete = batch->input_complete;
        result.input = std::move(batch->input);
      }
      result.tweets.reserve(batch->docs.size());  // most documents are one tweet
      for (const DocRef& d : batch->docs) {
        const char* text = d.data;
        if (d.too_large) {
          ++result.counts.read;
          AddReject(&result, batch->file, d.line, RejectReason::kTooLarge,
                    "record of " + std::to_string(d.full_length) + " bytes is over the limit of " +
                        std::to_string(options_.max_record_bytes),
                    std::string_view(text, d.length), d.full_length);
          continue;
        }
        records.clear();
        parser.Parse(text, d.length, &records);
        for (ParsedRecord& r : records) {
          ++result.counts.read;
          switch (r.kind) {
            case ParsedRecord::Kind::kTweet:
              if (!r.note.empty())
                result.notes.push_back({batch->file, d.line + r.line_in_document, std::move(r.note)});
              result.tweets.push_back(std::move(r.tweet));
              break;
            case ParsedRecord::Kind::kNonPublic:
              ++result.counts.non_public;
              break;
            case ParsedRecord::Kind::kCompliance:
              ++result.counts.compliance;
              result.compliance.push_back(std::move(r.compliance));
              break;
            case ParsedRecord::Kind::kRejected:
              AddReject(&result, batch->file, d.line + r.line_in_document, r.reason, r.detail,
                        std::string_view(text, d.length), d.length);
              break;
          }
        }
      }
      // Enrich after parsing the whole batch, so each stage is timed once
      // per batch rather than per tweet.
      const double t1 = ThreadCpuSeconds();
      if (options_.enrich)
        for (Tweet& t : result.tweets) options_.enrich(&t);
      const double t2 = ThreadCpuSeconds();
      parse_s += t1 - t0;
      enrich_s += t2 - t1;
      if (!results_.Push(std::move(result))) break;
    }
    std::lock_guard<std::mutex> lock(mu_);
    parse_s_ += parse_s;
    enrich_s_ += enrich_s;
  }

  void AddReject(BatchResult* result, uint32_t file, uint64_t line, RejectReason reason,
                 std::string detail, std::string_view record, uint64_t full_length) {
    ++result->counts.rejected;
    ++result->counts.rejected_by_reason[static_cast<size_t>(reason)];
    result->rejects.push_back({file, line, reason, std::move(detail), std::string(record), full_length});
  }

  // Calling thread: applies results in input order.
  Status Collect() {
    const double cpu0 = ThreadCpuSeconds();
    Status st = CollectResults();
    collect_s_ = ThreadCpuSeconds() - cpu0;
    return st;
  }

  Status CollectResults() {
    std::map<uint64_t, BatchResult> waiting;
    uint64_t next = 0;
    std::vector<bool> duplicate;
    auto last_progress = start_;
    while (auto result = results_.Pop()) {
      waiting.emplace(result->seq, std::move(*result));
      for (auto it = waiting.find(next); it != waiting.end(); it = waiting.find(next)) {
        ROOST_RETURN_IF_ERROR(Apply(&it->second, &duplicate));
        waiting.erase(it);
        ++next;
      }
      auto now = std::chrono::steady_clock::now();
      if (options_.progress && now - last_progress > std::chrono::milliseconds(500)) {
        last_progress = now;
        options_.progress({files_done_.load(), files_.size(), input_bytes_progress_.load(),
                           report_.counts.read, Elapsed()});
      }
    }
    if (!waiting.empty()) return Status::Internal("ingest: batches lost between threads");
    return Status::Ok();
  }

  Status Apply(BatchResult* r, std::vector<bool>* duplicate) {
    IngestCounts& c = report_.counts;
    c.Add(r->counts);
    if (!r->tweets.empty()) {
      size_t n = r->tweets.size();
      duplicate->assign(n, false);
      const double t0 = ThreadCpuSeconds();
      Status added = sink_->AddTweets(&r->tweets, duplicate);
      sink_s_ += ThreadCpuSeconds() - t0;
      ROOST_RETURN_IF_ERROR(added);
      uint64_t dups = 0;
      for (size_t i = 0; i < n; ++i) dups += (*duplicate)[i] ? 1 : 0;
      c.duplicates += dups;
      c.accepted += n - dups;
    }
    const double t0 = ThreadCpuSeconds();
    for (const ComplianceEvent& e : r->compliance) ROOST_RETURN_IF_ERROR(sink_->AddCompliance(e));
    sink_s_ += ThreadCpuSeconds() - t0;
    report_.kept_with_notes += r->notes.size();
    if (report_.first_note.empty() && !r->notes.empty()) {
      const KeptNote& n = r->notes.front();
      report_.first_note = (files_[n.file] == "-" ? kStdinName : files_[n.file]) + ":" + std::to_string(n.line) +
                           ": " + n.note;
    }
    for (const Reject& j : r->rejects) {
      const std::string source = files_[j.file] == "-" ? kStdinName : files_[j.file];
      if (report_.first_reject.empty()) {
        report_.first_reject = source + ":" + std::to_string(j.line) + ": " + RejectReasonName(j.reason) +
                               (j.detail.empty() ? "" : ": " + j.detail);
      }
      ROOST_RETURN_IF_ERROR(rejects_.Write(source, j.line, j.reason, j.detail, j.record, j.full_length));
    }
    if (r->end_of_input)
      ROOST_RETURN_IF_ERROR(sink_->EndInput(r->input, r->input_complete, rejects_.bytes()));
    return Status::Ok();
  }

  const IngestOptions& options_;
  std::vector<std::string> files_;
  IngestSink* sink_;
  int threads_;
  BoundedQueue<Batch> work_;
  BoundedQueue<BatchResult> results_;
  RejectsWriter rejects_;
  IngestReport report_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> files_done_{0};
  uint64_t skipped_files_ = 0, skipped_bytes_ = 0;  // reader thread; read after it ends
  std::atomic<uint64_t> input_bytes_{0};
  std::atomic<uint64_t> input_bytes_progress_{0};
  std::atomic<uint64_t> decompressed_bytes_{0};
  std::mutex mu_;
  std::map<uint32_t, std::string> input_errors_;
  // CPU seconds per stage (see IngestReport::stages).
  double read_s_ = 0, decompress_s_ = 0;  // reader thread
  double parse_s_ = 0, enrich_s_ = 0;     // workers, summed under mu_
  double collect_s_ = 0, sink_s_ = 0;     // calling thread
};

}  // namespace

Result<IngestReport> RunIngest(const IngestOptions& options, IngestSink* sink) {
  auto files = ExpandInputs(options.inputs);
  if (files.ok() && files->empty()) files = Status::InvalidArgument("no input files");
  if (!files.ok()) {
    sink->Abandon();
    return files.status();
  }
  Result<IngestReport> report = [&] {
    Pipeline pipeline(options, std::move(files).value(), sink);
    return pipeline.Run();
  }();
  if (!report.ok()) sink->Abandon();
  return report;
}

}  // namespace roost

// IngestSink: where the ingest pipeline delivers what it accepted. The
// archive (src/storage) implements it; tests can count into memory.
// The pipeline reads, parses, enriches and accounts for every record; the
// sink decides duplicates against everything it already holds and makes
// the result durable.
#ifndef ROOST_INGEST_INGEST_SINK_H_
#define ROOST_INGEST_INGEST_SINK_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/input_identity.h"
#include "ingest/stage_cost.h"
#include "roost/status.h"
#include "roost/tweet.h"

namespace roost {

class IngestSink {
 public:
  virtual ~IngestSink() = default;

  // Takes a batch of parsed, enriched, public tweets in any time order.
  // Sets (*is_duplicate)[i] = true for each tweet whose id the sink already
  // holds (from an earlier run, or earlier in this one, or earlier in the
  // batch); those are not stored. Calls are serialised by the pipeline.
  // On error nothing of the batch may be half-visible to readers.
  virtual Status AddTweets(std::vector<Tweet>* batch, std::vector<bool>* is_duplicate) = 0;

  // Applies a compliance message at once (docs/FORMAT.md). Never stored as content.
  virtual Status AddCompliance(const ComplianceEvent& event) = 0;

  // Makes everything added so far durable and visible atomically. Called
  // once at the end of a run (a sink may also commit earlier on its own to
  // bound memory or to keep progress, as long as each commit is a
  // consistent state).
  virtual Status Commit() = 0;

  // Resuming: true when an earlier run committed every record of `input`,
  // so it need not be read again. Called from the pipeline's reader thread
  // while the other calls run: it may only read state fixed before the run.
  virtual bool Committed(const InputIdentity& /*input*/) const { return false; }

  // The run's rejects file (`path`, `bytes` long before this run writes to
  // it; empty path: none) and how to make what was written to it durable.
  // Called once, before any record.
  virtual Status StartRejects(const std::string& /*path*/, uint64_t /*bytes*/,
                              std::function<Status()> /*sync*/) {
    return Status::Ok();
  }

  // Every record of one input has been handed over (called after its last
  // AddTweets/AddCompliance, inputs in order). `complete`: read to its end
  // and identified (not standard input), so it may be recorded as committed
  // once its tweets are; `rejects_bytes`: the rejects file's length with
  // this input's rejected records written.
  virtual Status EndInput(const InputIdentity& /*input*/, bool /*complete*/,
                          uint64_t /*rejects_bytes*/) {
    return Status::Ok();
  }

  // The run failed: a sink that created its store for this run and
  // committed nothing into it removes the store again.
  virtual void Abandon() {}

  // CPU spent inside the sink so far, by stage (segment building, ...),
  // for the ingest report. Empty when the sink does not measure.
  virtual std::vector<StageCost> Costs() const { return {}; }
};

}  // namespace roost

#endif  // ROOST_INGEST_INGEST_SINK_H_

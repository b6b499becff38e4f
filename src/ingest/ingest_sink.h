// IngestSink: where the ingest pipeline delivers what it accepted. The
// archive (src/storage) implements it; tests can count into memory.
// The pipeline reads, parses, enriches and accounts for every record; the
// sink decides duplicates against everything it already holds and makes
// the result durable.
#ifndef ROOST_INGEST_INGEST_SINK_H_
#define ROOST_INGEST_INGEST_SINK_H_

#include <vector>

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

  // Applies a compliance message at once (see issue 4). Never stored as content.
  virtual Status AddCompliance(const ComplianceEvent& event) = 0;

  // Makes everything added so far durable and visible atomically. Called
  // once at the end of a run (a sink may also commit earlier on its own to
  // bound memory, as long as each commit is a consistent state).
  virtual Status Commit() = 0;

  // CPU spent inside the sink so far, by stage (segment building, ...),
  // for the ingest report. Empty when the sink does not measure.
  virtual std::vector<StageCost> Costs() const { return {}; }
};

}  // namespace roost

#endif  // ROOST_INGEST_INGEST_SINK_H_

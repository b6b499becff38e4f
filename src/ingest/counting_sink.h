// CountingSink: an IngestSink that stores nothing and only recognises
// duplicates within the run. Used by `roost ingest --dry-run` (validate
// files without an archive) and by tests of the pipeline.
#ifndef ROOST_INGEST_COUNTING_SINK_H_
#define ROOST_INGEST_COUNTING_SINK_H_

#include <unordered_set>

#include "ingest/ingest_sink.h"

namespace roost {

class CountingSink : public IngestSink {
 public:
  Status AddTweets(std::vector<Tweet>* batch, std::vector<bool>* is_duplicate) override;
  Status AddCompliance(const ComplianceEvent& event) override;
  Status Commit() override { return Status::Ok(); }

  const std::vector<uint64_t>& accepted_ids() const { return accepted_ids_; }
  uint64_t compliance_events() const { return compliance_events_; }
  // When set, accepted tweets are kept (tests inspect them).
  void set_keep_tweets(bool keep) { keep_tweets_ = keep; }
  const std::vector<Tweet>& tweets() const { return tweets_; }

 private:
  std::unordered_set<uint64_t> seen_;
  std::vector<uint64_t> accepted_ids_;
  std::vector<Tweet> tweets_;
  bool keep_tweets_ = false;
  uint64_t compliance_events_ = 0;
};

}  // namespace roost

#endif  // ROOST_INGEST_COUNTING_SINK_H_

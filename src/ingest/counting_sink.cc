#include "ingest/counting_sink.h"

namespace roost {

Status CountingSink::AddTweets(std::vector<Tweet>* batch, std::vector<bool>* is_duplicate) {
  is_duplicate->assign(batch->size(), false);
  for (size_t i = 0; i < batch->size(); ++i) {
    Tweet& t = (*batch)[i];
    if (!seen_.insert(t.id).second) {
      (*is_duplicate)[i] = true;
      continue;
    }
    accepted_ids_.push_back(t.id);
    if (keep_tweets_) tweets_.push_back(std::move(t));
  }
  return Status::Ok();
}

Status CountingSink::AddCompliance(const ComplianceEvent&) {
  ++compliance_events_;
  return Status::Ok();
}

}  // namespace roost

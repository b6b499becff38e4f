// The body of POST /api/admin/compliance as compliance events: tweet ids
// to delete, user ids whose accounts were deleted, and compliance messages
// in the shapes `roost comply` reads (v1.1 stream or v2 compliance stream),
// parsed by the same parser. The events are then applied as comply applies
// them (storage::ApplyCompliance).
#ifndef ROOST_SERVER_ADMIN_COMPLIANCE_H_
#define ROOST_SERVER_ADMIN_COMPLIANCE_H_

#include <map>
#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"
#include "server/json_body.h"

namespace roost::server {

struct ComplianceBatch {
  std::vector<ComplianceEvent> events;
  std::map<std::string, uint64_t> by_kind;  // ComplianceKindName -> events
};

// {"deletions": ["TWEET_ID", ...], "user_deletions": ["USER_ID", ...],
//  "messages": [{...}, ...]}: at least one event. Ids are strings of
// digits (id_str: JSON numbers lose digits in many clients). A message that
// is not a compliance message is refused, naming its index.
Result<ComplianceBatch> ComplianceFromJson(const JsonValue& body);

}  // namespace roost::server

#endif  // ROOST_SERVER_ADMIN_COMPLIANCE_H_

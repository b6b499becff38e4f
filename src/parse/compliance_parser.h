// Recognises compliance messages (v1.1 streaming shapes and the v2
// compliance stream's {"data": {...}} envelope) and reads them into
// ComplianceEvent. Field names vary between Twitter's products, so each
// message accepts the id under any of the names used in the wild
// ("user_id"/"user_id_str", "id"/"id_str", {"user": {"id": ...}}).
#ifndef ROOST_PARSE_COMPLIANCE_PARSER_H_
#define ROOST_PARSE_COMPLIANCE_PARSER_H_

#include <optional>
#include <string_view>

#include "parse/json_values.h"
#include "roost/tweet.h"

namespace roost {

// The kind a top-level key announces ("delete" -> kDelete), if any.
std::optional<ComplianceKind> ComplianceKindFromKey(std::string_view key);

// True for stream control notices that are neither tweets nor compliance
// ("limit", "warning", "disconnect", ...).
bool IsStreamNoticeKey(std::string_view key);

// Reads the message body (the value under the announcing key). Throws
// json::RecordError when the ids the kind needs are missing.
void ReadComplianceBody(ComplianceKind kind, json::od::value body, ComplianceEvent* event);

}  // namespace roost

#endif  // ROOST_PARSE_COMPLIANCE_PARSER_H_

#include "server/admin_compliance.h"

#include <charconv>

#include "parse/document_parser.h"

namespace roost::server {
namespace {

constexpr size_t kMaxEvents = 100000;

Result<const std::vector<JsonValue>*> ArrayField(const JsonValue& body, const std::string& name) {
  const JsonValue* v = body.Find(name);
  if (v == nullptr) return static_cast<const std::vector<JsonValue>*>(nullptr);
  if (v->type != JsonValue::Type::kArray)
    return Status::InvalidArgument(name + " must be an array, not " + JsonTypeName(v->type));
  return &v->items;
}

Result<uint64_t> IdString(const JsonValue& v, const std::string& where) {
  if (v.type != JsonValue::Type::kString)
    return Status::InvalidArgument(where + " must be an id as a string of digits (id_str), not " +
                                   JsonTypeName(v.type));
  uint64_t id = 0;
  const std::string& s = v.string;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), id);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || id == 0)
    return Status::InvalidArgument(where + " must be an id as a string of digits (id_str), not \"" + s + "\"");
  return id;
}

void Add(ComplianceBatch* batch, ComplianceEvent e) {
  ++batch->by_kind[ComplianceKindName(e.kind)];
  batch->events.push_back(std::move(e));
}

}  // namespace

Result<ComplianceBatch> ComplianceFromJson(const JsonValue& body) {
  ROOST_RETURN_IF_ERROR(RefuseUnknownFields(body, {"deletions", "user_deletions", "messages"}));
  ComplianceBatch batch;
  ROOST_ASSIGN_OR_RETURN(const std::vector<JsonValue>* deletions, ArrayField(body, "deletions"));
  ROOST_ASSIGN_OR_RETURN(const std::vector<JsonValue>* users, ArrayField(body, "user_deletions"));
  ROOST_ASSIGN_OR_RETURN(const std::vector<JsonValue>* messages, ArrayField(body, "messages"));
  const size_t total = (deletions ? deletions->size() : 0) + (users ? users->size() : 0) +
                       (messages ? messages->size() : 0);
  if (total == 0)
    return Status::InvalidArgument("nothing to apply: give deletions, user_deletions or messages (non-empty arrays)");
  if (total > kMaxEvents)
    return Status::InvalidArgument("at most " + std::to_string(kMaxEvents) + " events per request");
  for (size_t i = 0; deletions && i < deletions->size(); ++i) {
    ROOST_ASSIGN_OR_RETURN(uint64_t id, IdString((*deletions)[i], "deletions[" + std::to_string(i) + "]"));
    ComplianceEvent e;
    e.kind = ComplianceKind::kDelete;
    e.tweet_id = id;
    Add(&batch, std::move(e));
  }
  for (size_t i = 0; users && i < users->size(); ++i) {
    ROOST_ASSIGN_OR_RETURN(uint64_t id, IdString((*users)[i], "user_deletions[" + std::to_string(i) + "]"));
    ComplianceEvent e;
    e.kind = ComplianceKind::kUserDelete;
    e.user_id = id;
    Add(&batch, std::move(e));
  }
  DocumentParser parser;
  for (size_t i = 0; messages && i < messages->size(); ++i) {
    const JsonValue& m = (*messages)[i];
    const std::string where = "messages[" + std::to_string(i) + "]";
    if (m.type != JsonValue::Type::kObject)
      return Status::InvalidArgument(where + " must be an object, not " + JsonTypeName(m.type));
    std::vector<ParsedRecord> records = parser.ParseString(m.raw);
    for (ParsedRecord& rec : records) {
      if (rec.kind == ParsedRecord::Kind::kRejected)
        return Status::InvalidArgument(where + " is not a valid compliance message: " + rec.detail);
      if (rec.kind != ParsedRecord::Kind::kCompliance)
        return Status::InvalidArgument(where + " is a tweet, not a compliance message (delete, scrub_geo, "
                                       "user_*, status_withheld or user_withheld, v1.1 or v2)");
      Add(&batch, std::move(rec.compliance));
    }
  }
  return batch;
}

}  // namespace roost::server

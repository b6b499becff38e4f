#include "parse/compliance_parser.h"

#include "common/time_parse.h"

namespace roost {

using namespace std::string_view_literals;

namespace od = json::od;

std::optional<ComplianceKind> ComplianceKindFromKey(std::string_view key) {
  struct Entry {
    std::string_view key;
    ComplianceKind kind;
  };
  static constexpr Entry kKinds[] = {
      {"delete", ComplianceKind::kDelete},
      {"scrub_geo", ComplianceKind::kScrubGeo},
      {"user_protect", ComplianceKind::kUserProtect},
      {"user_unprotect", ComplianceKind::kUserUnprotect},
      {"user_delete", ComplianceKind::kUserDelete},
      {"user_undelete", ComplianceKind::kUserUndelete},
      {"user_suspend", ComplianceKind::kUserSuspend},
      {"user_unsuspend", ComplianceKind::kUserUnsuspend},
      {"status_withheld", ComplianceKind::kStatusWithheld},
      {"user_withheld", ComplianceKind::kUserWithheld},
  };
  for (const Entry& e : kKinds) {
    if (e.key == key) return e.kind;
  }
  return std::nullopt;
}

bool IsStreamNoticeKey(std::string_view key) {
  return key == "limit"sv || key == "warning"sv || key == "disconnect"sv || key == "friends"sv ||
         key == "event"sv || key == "control"sv || key == "status_withheld_notice"sv;
}

namespace {

// Reads ids at any depth of small nested objects ("status": {...}, "user": {...}).
void ReadIds(od::object obj, ComplianceEvent* e, bool in_status, bool in_user) {
  for (auto field : obj) {
    std::string_view key = json::KeyOf(field);
    od::value v = field.value();
    if (key == "status"sv || key == "tweet"sv) {
      if (v.type() == od::json_type::object) ReadIds(v.get_object(), e, true, false);
    } else if (key == "user"sv) {
      if (v.type() == od::json_type::object) ReadIds(v.get_object(), e, false, true);
    } else if (key == "id_str"sv || key == "id"sv) {
      uint64_t id = json::ReadId(v, "id");
      if (!id) continue;
      bool user_level = in_user || (!in_status && (e->kind != ComplianceKind::kDelete &&
                                                   e->kind != ComplianceKind::kStatusWithheld));
      (user_level ? e->user_id : e->tweet_id) = id;
    } else if (key == "user_id_str"sv || key == "user_id"sv || key == "author_id"sv) {
      if (uint64_t id = json::ReadId(v, "user_id")) e->user_id = id;
    } else if (key == "up_to_status_id_str"sv || key == "up_to_status_id"sv ||
               key == "up_to_tweet_id"sv) {
      if (uint64_t id = json::ReadId(v, "up_to_status_id")) e->up_to_status_id = id;
    } else if (key == "timestamp_ms"sv) {
      uint64_t ms = 0;
      if (v.type() == od::json_type::string) json::ParseDecimalId(v.get_string(), &ms);
      else if (v.type() == od::json_type::number) ms = json::ReadId(v, "timestamp_ms");
      e->timestamp_ms = static_cast<TimestampMs>(ms);
    } else if (key == "event_at"sv) {
      e->timestamp_ms = ParseAnyTime(json::ReadString(v)).value_or(0);
    } else if (key == "withheld_in_countries"sv || key == "country_codes"sv) {
      if (v.type() != od::json_type::array) continue;
      for (auto c : v.get_array()) e->countries.emplace_back(json::ReadString(c.value()));
    }
  }
}

}  // namespace

void ReadComplianceBody(ComplianceKind kind, od::value body, ComplianceEvent* e) {
  *e = ComplianceEvent();
  e->kind = kind;
  if (body.type() != od::json_type::object) {
    throw json::RecordError{RejectReason::kMalformedJson,
                            std::string(ComplianceKindName(kind)) + " message is not an object"};
  }
  ReadIds(body.get_object(), e, false, false);
  bool needs_tweet = kind == ComplianceKind::kDelete || kind == ComplianceKind::kStatusWithheld;
  if (needs_tweet && e->tweet_id == 0) {
    throw json::RecordError{RejectReason::kMissingId,
                            std::string(ComplianceKindName(kind)) + " message without a tweet id"};
  }
  if (!needs_tweet && e->user_id == 0) {
    throw json::RecordError{RejectReason::kMissingId,
                            std::string(ComplianceKindName(kind)) + " message without a user id"};
  }
}

}  // namespace roost

#include "parse/document_parser.h"

namespace roost {

const char* RejectReasonName(RejectReason reason) {
  switch (reason) {
    case RejectReason::kMalformedJson: return "malformed_json";
    case RejectReason::kTruncated: return "truncated";
    case RejectReason::kInvalidUtf8: return "invalid_utf8";
    case RejectReason::kTooLarge: return "too_large";
    case RejectReason::kMissingId: return "missing_id";
    case RejectReason::kBadId: return "bad_id";
    case RejectReason::kMissingTime: return "missing_time";
    case RejectReason::kBadTime: return "bad_time";
    case RejectReason::kMissingText: return "missing_text";
    case RejectReason::kMissingUser: return "missing_user";
    case RejectReason::kNotATweet: return "not_a_tweet";
    case RejectReason::kCount: break;
  }
  return "unknown";
}

const char* ComplianceKindName(ComplianceKind kind) {
  switch (kind) {
    case ComplianceKind::kDelete: return "delete";
    case ComplianceKind::kScrubGeo: return "scrub_geo";
    case ComplianceKind::kUserProtect: return "user_protect";
    case ComplianceKind::kUserUnprotect: return "user_unprotect";
    case ComplianceKind::kUserDelete: return "user_delete";
    case ComplianceKind::kUserUndelete: return "user_undelete";
    case ComplianceKind::kUserSuspend: return "user_suspend";
    case ComplianceKind::kUserUnsuspend: return "user_unsuspend";
    case ComplianceKind::kStatusWithheld: return "status_withheld";
    case ComplianceKind::kUserWithheld: return "user_withheld";
  }
  return "unknown";
}

}  // namespace roost

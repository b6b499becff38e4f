// The archive's privacy gate as the admin endpoints read and replace it:
// a JSON object of the six settings of privacy.toml (docs/PRIVACY.md),
// validated field by field, and written back as privacy.toml atomically.
#ifndef ROOST_SERVER_ADMIN_GATE_H_
#define ROOST_SERVER_ADMIN_GATE_H_

#include <string>

#include "privacy/privacy_policy.h"
#include "roost/roost.h"
#include "server/json_body.h"

namespace roost::server {

// The settings a PUT /api/admin/gate body states. The body states the
// whole gate: a field it leaves out takes its default, as a key left out
// of privacy.toml does. kInvalidArgument names the field and the reason.
Result<privacy::PrivacyPolicy> GateFromJson(const JsonValue& body);

// The six settings, every one of them (also when the gate is off), in the
// shape GateFromJson reads.
std::string GateSettingsJson(const GateSettings& g);

// DIR/privacy.toml replaced by `policy` (temp file, fsync, rename, fsync
// of DIR): a crash leaves the old file or the new one, never half of one.
Status WriteArchiveGate(const std::string& dir, const privacy::PrivacyPolicy& policy);

}  // namespace roost::server

#endif  // ROOST_SERVER_ADMIN_GATE_H_

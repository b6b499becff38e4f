// The gate one caller's answers pass: the archive's privacy.toml is the
// floor for analysts; admins get exact answers unless they ask for the gate.
#ifndef ROOST_ANSWER_GATE_H_
#define ROOST_ANSWER_GATE_H_

#include "privacy/privacy_policy.h"
#include "roost/roost.h"

namespace roost::answer {

privacy::PrivacyPolicy ToPolicy(const GateSettings& g, const std::string& origin);
GateSettings ToSettings(const privacy::PrivacyPolicy& p);

// The policy `caller` gets on an archive whose own policy is `archive`.
privacy::PrivacyPolicy PolicyFor(const privacy::PrivacyPolicy& archive, const Caller& caller);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_GATE_H_

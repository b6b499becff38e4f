// Privacy flags shared by the analysis commands. The archive's privacy.toml
// is the floor: flags and --privacy-config can make the gate stricter (turn
// it on, raise thresholds, hide text or handles) but never looser.
#ifndef ROOST_CLI_PRIVACY_OPTIONS_H_
#define ROOST_CLI_PRIVACY_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "privacy/privacy_policy.h"
#include "roost/status.h"

namespace roost::cli {

struct PrivacyOptions {
  bool on = false;
  std::string config;
  int64_t min_answer_authors = -1, min_group_authors = -1, quantum = -1;
};

void AddPrivacyOptions(CLI::App* cmd, PrivacyOptions* o);

// The policy for one command on `archive_dir`.
Result<privacy::PrivacyPolicy> ResolvePrivacy(const PrivacyOptions& o, const std::string& archive_dir);

}  // namespace roost::cli

#endif  // ROOST_CLI_PRIVACY_OPTIONS_H_

#include "cli/privacy_options.h"

#include <algorithm>

namespace roost::cli {

void AddPrivacyOptions(CLI::App* cmd, PrivacyOptions* o) {
  cmd->add_flag("--privacy", o->on, "apply the privacy gate with default settings (docs/PRIVACY.md)");
  cmd->add_option("--privacy-config", o->config, "apply the privacy gate of this TOML file");
  // -1 inside means "not given": a negative value on the command line is
  // refused rather than silently read as that.
  cmd->add_option("--min-authors", o->min_answer_authors, "gate: unique authors the whole answer needs")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--min-group-authors", o->min_group_authors, "gate: unique authors each bucket or item needs")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--quantum", o->quantum, "gate: round counts down to a multiple of this")->check(CLI::PositiveNumber);
}

Result<privacy::PrivacyPolicy> ResolvePrivacy(const PrivacyOptions& o, const std::string& archive_dir) {
  ROOST_ASSIGN_OR_RETURN(privacy::PrivacyPolicy floor, privacy::ArchivePolicy(archive_dir));
  privacy::PrivacyPolicy p = floor;
  if (!o.config.empty()) {
    ROOST_ASSIGN_OR_RETURN(p, privacy::LoadPolicyFile(o.config));
  } else if (o.on || o.min_answer_authors >= 0 || o.min_group_authors >= 0 || o.quantum >= 0) {
    if (!p.enabled) p = privacy::PrivacyPolicy::Default();
  }
  if (o.min_answer_authors >= 0) p.min_answer_authors = static_cast<uint64_t>(o.min_answer_authors);
  if (o.min_group_authors >= 0) p.min_group_authors = static_cast<uint64_t>(o.min_group_authors);
  if (o.quantum >= 1) p.count_quantum = static_cast<uint64_t>(o.quantum);
  return privacy::Tighten(floor, p);
}

}  // namespace roost::cli

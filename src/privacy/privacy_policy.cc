#include "privacy/privacy_policy.h"

#include <algorithm>

#include <filesystem>

#include "common/toml_file.h"

namespace roost::privacy {

PrivacyPolicy PrivacyPolicy::Default() {
  PrivacyPolicy p;
  p.enabled = true;
  p.origin = "default privacy settings";
  return p;
}

Result<PrivacyPolicy> LoadPolicyFile(const std::string& path) {
  ROOST_ASSIGN_OR_RETURN(toml::table root, ParseTomlFile(path));
  const toml::table* t = root["privacy"].as_table();
  if (t == nullptr) return Status::InvalidArgument(path + ": no [privacy] table");
  PrivacyPolicy p;
  p.origin = path;
  p.enabled = true;  // a policy file asks for the gate unless it says otherwise
  for (const auto& [key, value] : *t) {
    const std::string k(key.str());
    const toml::node& node = value;  // lambdas capture a reference, not a structured binding
    const auto line = std::to_string(node.source().begin.line);
    auto want_bool = [&](bool* out) -> Status {
      if (!node.is_boolean()) return Status::InvalidArgument(path + ":" + line + ": " + k + " must be true or false");
      *out = node.as_boolean()->get();
      return Status::Ok();
    };
    auto want_count = [&](uint64_t* out, int64_t min) -> Status {
      if (!node.is_integer() || node.as_integer()->get() < min)
        return Status::InvalidArgument(path + ":" + line + ": " + k + " must be an integer >= " + std::to_string(min));
      *out = static_cast<uint64_t>(node.as_integer()->get());
      return Status::Ok();
    };
    Status s;
    if (k == "enabled") s = want_bool(&p.enabled);
    else if (k == "min_answer_authors") s = want_count(&p.min_answer_authors, 0);
    else if (k == "min_group_authors") s = want_count(&p.min_group_authors, 0);
    else if (k == "count_quantum") s = want_count(&p.count_quantum, 1);
    else if (k == "show_text") s = want_bool(&p.show_text);
    else if (k == "show_handles") s = want_bool(&p.show_handles);
    else
      s = Status::InvalidArgument(path + ":" + line + ": unknown setting '" + k +
                                  "' (known: enabled, min_answer_authors, min_group_authors, count_quantum, "
                                  "show_text, show_handles)");
    ROOST_RETURN_IF_ERROR(s);
  }
  return p;
}

Result<PrivacyPolicy> ArchivePolicy(const std::string& archive_dir) {
  const std::string path = (std::filesystem::path(archive_dir) / kArchivePolicyFile).string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return PrivacyPolicy{};
  return LoadPolicyFile(path);
}

uint64_t RoundDown(const PrivacyPolicy& p, uint64_t count) {
  if (!p.enabled || p.count_quantum <= 1) return count;
  return count / p.count_quantum * p.count_quantum;
}

aggregate::TweetMetrics Quantize(const PrivacyPolicy& p, aggregate::TweetMetrics m) {
  for (uint64_t* c : {&m.tweets, &m.unique_authors, &m.retweets, &m.replies, &m.quotes, &m.reach, &m.engagement,
                      &m.scored, &m.positive, &m.neutral, &m.negative})
    *c = RoundDown(p, *c);
  return m;
}

PrivacyPolicy Tighten(const PrivacyPolicy& floor, PrivacyPolicy p) {
  if (!floor.enabled) return p;
  p.enabled = true;
  p.min_answer_authors = std::max(p.min_answer_authors, floor.min_answer_authors);
  p.min_group_authors = std::max(p.min_group_authors, floor.min_group_authors);
  p.count_quantum = std::max(p.count_quantum, floor.count_quantum);
  p.show_text = p.show_text && floor.show_text;
  p.show_handles = p.show_handles && floor.show_handles;
  p.origin = floor.origin;
  return p;
}

std::string WithheldReason(const PrivacyPolicy& p) {
  return "the answer has fewer than " + std::to_string(p.min_answer_authors) + " unique authors (" + p.origin + ")";
}

}  // namespace roost::privacy

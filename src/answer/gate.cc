#include "answer/gate.h"

namespace roost::answer {

privacy::PrivacyPolicy ToPolicy(const GateSettings& g, const std::string& origin) {
  privacy::PrivacyPolicy p;
  p.enabled = g.enabled;
  p.min_answer_authors = g.min_answer_authors;
  p.min_group_authors = g.min_group_authors;
  p.count_quantum = g.count_quantum == 0 ? 1 : g.count_quantum;
  p.show_text = g.show_text;
  p.show_handles = g.show_handles;
  p.origin = origin;
  return p;
}

GateSettings ToSettings(const privacy::PrivacyPolicy& p) {
  return {p.enabled, p.min_answer_authors, p.min_group_authors, p.count_quantum, p.show_text, p.show_handles, p.origin};
}

privacy::PrivacyPolicy PolicyFor(const privacy::PrivacyPolicy& archive, const Caller& caller) {
  if (caller.role == Role::kAdmin) {
    if (caller.stricter && caller.stricter->enabled) return ToPolicy(*caller.stricter, "the caller's settings");
    return privacy::PrivacyPolicy{};  // disabled
  }
  if (!caller.stricter) return archive;
  return privacy::Tighten(archive, ToPolicy(*caller.stricter, "the caller's settings"));
}

}  // namespace roost::answer

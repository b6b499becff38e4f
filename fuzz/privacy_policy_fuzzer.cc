// An archive's privacy.toml: the floor of every analyst's gate.
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "privacy/privacy_policy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace roost::privacy;
  const std::string& path = roost::fuzz::WriteScratchFile("privacy.toml", data, size);
  auto policy = LoadPolicyFile(path);
  if (!policy.ok()) {
    FUZZ_CHECK(policy.status().message().find(path) != std::string::npos);
    return 0;
  }
  FUZZ_CHECK(policy->count_quantum >= 1);
  // Whatever a caller asks for, the file stays the floor.
  for (const PrivacyPolicy& asked : {PrivacyPolicy{}, PrivacyPolicy::Default()}) {
    const PrivacyPolicy gate = Tighten(*policy, asked);
    if (!policy->enabled) continue;
    FUZZ_CHECK(gate.enabled);
    FUZZ_CHECK(gate.min_answer_authors >= policy->min_answer_authors);
    FUZZ_CHECK(gate.min_group_authors >= policy->min_group_authors);
    FUZZ_CHECK(gate.count_quantum >= policy->count_quantum);
    FUZZ_CHECK(!gate.show_text || policy->show_text);
    FUZZ_CHECK(!gate.show_handles || policy->show_handles);
    if (gate.min_answer_authors > 0) FUZZ_CHECK(!AnswerAllowed(gate, gate.min_answer_authors - 1));
    const uint64_t shown = RoundDown(gate, 123457);
    FUZZ_CHECK(shown <= 123457 && shown % gate.count_quantum == 0);
  }
  return 0;
}

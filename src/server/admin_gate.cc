#include "server/admin_gate.h"

#include <filesystem>

#include "common/json_writer.h"
#include "storage/file_util.h"

namespace roost::server {
namespace {

// Far beyond any archive's authors; keeps the file's integers plain.
constexpr int64_t kMaxThreshold = 1'000'000'000;

Status WantBool(const JsonValue& v, const std::string& name, bool* out) {
  if (v.type != JsonValue::Type::kBool)
    return Status::InvalidArgument(name + " must be true or false, not " + JsonTypeName(v.type));
  *out = v.boolean;
  return Status::Ok();
}

Status WantCount(const JsonValue& v, const std::string& name, int64_t min, uint64_t* out) {
  ROOST_ASSIGN_OR_RETURN(int64_t n, WholeNumber(v, name, min, kMaxThreshold));
  *out = static_cast<uint64_t>(n);
  return Status::Ok();
}

}  // namespace

Result<privacy::PrivacyPolicy> GateFromJson(const JsonValue& body) {
  ROOST_RETURN_IF_ERROR(RefuseUnknownFields(
      body, {"enabled", "min_answer_authors", "min_group_authors", "count_quantum", "show_text", "show_handles"}));
  privacy::PrivacyPolicy p;
  p.enabled = true;  // as in privacy.toml: stating a gate asks for it unless enabled says otherwise
  for (const auto& [key, value] : body.fields) {
    Status s;
    if (key == "enabled") s = WantBool(value, key, &p.enabled);
    else if (key == "min_answer_authors") s = WantCount(value, key, 0, &p.min_answer_authors);
    else if (key == "min_group_authors") s = WantCount(value, key, 0, &p.min_group_authors);
    else if (key == "count_quantum") s = WantCount(value, key, 1, &p.count_quantum);
    else if (key == "show_text") s = WantBool(value, key, &p.show_text);
    else if (key == "show_handles") s = WantBool(value, key, &p.show_handles);
    ROOST_RETURN_IF_ERROR(s);
  }
  return p;
}

std::string GateSettingsJson(const GateSettings& g) {
  JsonWriter w;
  w.BeginObject().Key("enabled").Bool(g.enabled);
  w.Key("min_answer_authors").Uint(g.min_answer_authors).Key("min_group_authors").Uint(g.min_group_authors);
  w.Key("count_quantum").Uint(g.count_quantum).Key("show_text").Bool(g.show_text);
  w.Key("show_handles").Bool(g.show_handles).EndObject();
  return w.str();
}

Status WriteArchiveGate(const std::string& dir, const privacy::PrivacyPolicy& p) {
  auto flag = [](bool b) { return b ? "true" : "false"; };
  std::string toml = "# The privacy gate of this archive (docs/PRIVACY.md), last set through roost serve.\n";
  toml += "[privacy]\n";
  toml += std::string("enabled = ") + flag(p.enabled) + "\n";
  toml += "min_answer_authors = " + std::to_string(p.min_answer_authors) + "\n";
  toml += "min_group_authors = " + std::to_string(p.min_group_authors) + "\n";
  toml += "count_quantum = " + std::to_string(p.count_quantum) + "\n";
  toml += std::string("show_text = ") + flag(p.show_text) + "\n";
  toml += std::string("show_handles = ") + flag(p.show_handles) + "\n";
  const std::string path = (std::filesystem::path(dir) / privacy::kArchivePolicyFile).string();
  return storage::ReplaceFileAtomically(path, toml);
}

}  // namespace roost::server

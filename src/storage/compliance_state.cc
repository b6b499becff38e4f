#include "storage/compliance_state.h"

#include <algorithm>
#include <map>

#include "storage/encoding.h"

namespace roost::storage {
namespace {
constexpr char kMagic[8] = {'R', 'O', 'O', 'S', 'T', 'C', 'M', 'P'};

void SetFlag(std::unordered_map<uint64_t, uint8_t>* flags, uint64_t user, uint8_t flag, bool on) {
  if (on) {
    (*flags)[user] |= flag;
    return;
  }
  auto it = flags->find(user);
  if (it == flags->end()) return;
  it->second &= static_cast<uint8_t>(~flag);
  if (it->second == 0) flags->erase(it);
}

void SetCountries(std::unordered_map<uint64_t, std::vector<std::string>>* m, uint64_t key,
                  std::vector<std::string> countries) {
  if (countries.empty()) {
    m->erase(key);
  } else {
    for (auto& c : countries)
      for (char& ch : c) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    (*m)[key] = std::move(countries);
  }
}

// Maps are written in key order so the same state always has the same bytes.
template <typename Map>
std::map<typename Map::key_type, typename Map::mapped_type> Ordered(const Map& m) {
  return {m.begin(), m.end()};
}
}  // namespace

void ComplianceState::Apply(const ComplianceEvent& e) {
  switch (e.kind) {
    case ComplianceKind::kDelete:
      if (e.tweet_id) deleted_.insert(e.tweet_id);
      break;
    case ComplianceKind::kScrubGeo: {
      uint64_t& up_to = scrub_geo_[e.user_id];
      up_to = std::max(up_to, e.up_to_status_id);
      break;
    }
    case ComplianceKind::kUserProtect: SetFlag(&user_flags_, e.user_id, kProtected, true); break;
    case ComplianceKind::kUserUnprotect: SetFlag(&user_flags_, e.user_id, kProtected, false); break;
    case ComplianceKind::kUserSuspend: SetFlag(&user_flags_, e.user_id, kSuspended, true); break;
    case ComplianceKind::kUserUnsuspend: SetFlag(&user_flags_, e.user_id, kSuspended, false); break;
    case ComplianceKind::kUserDelete: SetFlag(&user_flags_, e.user_id, kDeleted, true); break;
    case ComplianceKind::kUserUndelete: SetFlag(&user_flags_, e.user_id, kDeleted, false); break;
    case ComplianceKind::kStatusWithheld: SetCountries(&status_withheld_, e.tweet_id, e.countries); break;
    case ComplianceKind::kUserWithheld: SetCountries(&user_withheld_, e.user_id, e.countries); break;
  }
}

uint64_t ComplianceState::ScrubGeoUpTo(uint64_t user_id) const {
  auto it = scrub_geo_.find(user_id);
  return it == scrub_geo_.end() ? 0 : it->second;
}

std::vector<uint64_t> ComplianceState::SortedDeleted() const {
  std::vector<uint64_t> v(deleted_.begin(), deleted_.end());
  std::sort(v.begin(), v.end());
  return v;
}

bool ComplianceState::empty() const {
  return deleted_.empty() && user_flags_.empty() && scrub_geo_.empty() && status_withheld_.empty() &&
         user_withheld_.empty();
}

std::string ComplianceState::Serialize() const {
  std::string out(kMagic, 8);
  PutFixed32(&out, 1);
  std::vector<uint64_t> del = SortedDeleted();
  PutVarint(&out, del.size());
  uint64_t prev = 0;
  for (uint64_t id : del) {
    PutVarint(&out, id - prev);
    prev = id;
  }
  auto flags = Ordered(user_flags_);
  PutVarint(&out, flags.size());
  for (auto [u, f] : flags) {
    PutVarint(&out, u);
    PutVarint(&out, f);
  }
  auto scrub = Ordered(scrub_geo_);
  PutVarint(&out, scrub.size());
  for (auto [u, up] : scrub) {
    PutVarint(&out, u);
    PutVarint(&out, up);
  }
  for (const auto* m : {&status_withheld_, &user_withheld_}) {
    auto ordered = Ordered(*m);
    PutVarint(&out, ordered.size());
    for (const auto& [k, countries] : ordered) {
      PutVarint(&out, k);
      PutVarint(&out, countries.size());
      for (const auto& c : countries) PutString(&out, c);
    }
  }
  PutFixed64(&out, Checksum(out));
  return out;
}

Result<ComplianceState> ComplianceState::Parse(std::string_view bytes, const std::string& what) {
  auto bad = [&](const char* why) { return Status::Corruption(what + ": " + why); };
  if (bytes.size() < 20 || std::string_view(bytes.data(), 8) != std::string_view(kMagic, 8))
    return bad("not a compliance snapshot");
  if (Checksum(bytes.data(), bytes.size() - 8) != LoadFixed64(bytes.data() + bytes.size() - 8))
    return bad("checksum mismatch");
  if (LoadFixed32(bytes.data() + 8) != 1) return Status::Unsupported(what + ": unknown compliance version");
  ByteReader in(bytes.data() + 12, bytes.data() + bytes.size() - 8);
  ComplianceState s;
  uint64_t n, a, b;
  if (!in.GetVarint(&n)) return bad("truncated");
  uint64_t prev = 0;
  for (uint64_t i = 0; i < n; ++i) {
    if (!in.GetVarint(&a)) return bad("truncated");
    prev += a;
    s.deleted_.insert(prev);
  }
  if (!in.GetVarint(&n)) return bad("truncated");
  for (uint64_t i = 0; i < n; ++i) {
    if (!in.GetVarint(&a) || !in.GetVarint(&b)) return bad("truncated");
    s.user_flags_[a] = static_cast<uint8_t>(b);
  }
  if (!in.GetVarint(&n)) return bad("truncated");
  for (uint64_t i = 0; i < n; ++i) {
    if (!in.GetVarint(&a) || !in.GetVarint(&b)) return bad("truncated");
    s.scrub_geo_[a] = b;
  }
  for (auto* m : {&s.status_withheld_, &s.user_withheld_}) {
    if (!in.GetVarint(&n)) return bad("truncated");
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t count;
      if (!in.GetVarint(&a) || !in.GetVarint(&count) || count > in.remaining()) return bad("truncated");
      auto& list = (*m)[a];
      std::string_view c;
      for (uint64_t k = 0; k < count; ++k) {
        if (!in.GetString(&c)) return bad("truncated");
        list.emplace_back(c);
      }
    }
  }
  if (!in.done()) return bad("trailing bytes");
  return s;
}

}  // namespace roost::storage

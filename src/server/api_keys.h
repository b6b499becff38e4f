// API keys and their roles. A configuration stores only a key's hash
// (BLAKE2b-256, hex: keys are long random strings, so a fast hash is as
// good as a slow one); a presented key is hashed and compared with every
// stored hash in constant time, and no key or hash is ever logged.
#ifndef ROOST_SERVER_API_KEYS_H_
#define ROOST_SERVER_API_KEYS_H_

#include <string>
#include <string_view>
#include <vector>

#include "roost/roost.h"

namespace roost::server {

struct ApiKey {
  std::string id;    // names the key in the audit log
  Role role = Role::kAnalyst;
  std::string hash;  // HashKey(key)
};

// Hex BLAKE2b-256 of `key`.
std::string HashKey(std::string_view key);

// A new random key (32 bytes, hex), for `roost serve --new-key`.
std::string NewKey();

class KeyRing {
 public:
  void Add(ApiKey key) { keys_.push_back(std::move(key)); }
  bool empty() const { return keys_.empty(); }
  // The key `presented` hashes to, or null. Every stored hash is compared,
  // each in constant time, whatever matches.
  const ApiKey* Find(std::string_view presented) const;

 private:
  std::vector<ApiKey> keys_;
};

}  // namespace roost::server

#endif  // ROOST_SERVER_API_KEYS_H_

#include "server/api_keys.h"

#include <sodium.h>

namespace roost::server {
namespace {

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string HashKey(std::string_view key) {
  SodiumReady();
  unsigned char out[crypto_generichash_BYTES];  // 32
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
  return Hex(out, sizeof out);
}

std::string NewKey() {
  SodiumReady();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

const ApiKey* KeyRing::Find(std::string_view presented) const {
  const std::string hash = HashKey(presented);
  const ApiKey* found = nullptr;
  for (const ApiKey& k : keys_) {
    const bool same = k.hash.size() == hash.size() && sodium_memcmp(k.hash.data(), hash.data(), hash.size()) == 0;
    if (same && found == nullptr) found = &k;
  }
  return found;
}

}  // namespace roost::server

// `roost serve --config FILE`: the TOML server settings and API keys.
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "server/server_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = roost::fuzz::WriteScratchFile("serve.toml", data, size);
  auto config = roost::server::LoadServerConfig(path);
  if (!config.ok()) {
    // Errors name the file, so a user knows which one to fix.
    FUZZ_CHECK(config.status().message().find(path) != std::string::npos);
    return 0;
  }
  FUZZ_CHECK(config->port >= 0 && config->port <= 65535);
  FUZZ_CHECK(config->limits.max_body_bytes > 0);
  FUZZ_CHECK(config->limits.max_filter_bytes > 0);
  FUZZ_CHECK(config->limits.max_sample > 0);
  FUZZ_CHECK(config->limits.max_concurrent >= 1 && config->limits.max_concurrent <= 256);
  return 0;
}

// The JSON API's request handling without a socket: a role, a path and
// query parameters in, a status and a JSON body out, over a small archive
// with a privacy gate. The input is text:
//   analyst /api/top          (or admin; the first line)
//   filter=#rugby             (one parameter a line, NAME=VALUE)
//   then=lang
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "scratch_archive.h"
#include "server/api.h"

namespace {

const roost::server::Api& SharedApi() {
  static const roost::server::Api* api = [] {
    auto db = roost::Db::Open(roost::fuzz::ScratchArchiveDir());
    if (!db.ok()) roost::fuzz::CheckFailed("Db::Open(scratch archive)", __FILE__, __LINE__);
    return new roost::server::Api(std::shared_ptr<const roost::Db>(std::move(*db)), roost::server::Limits{});
  }();
  return *api;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  SharedApi();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto next_line = [&input]() {
    const size_t end = std::min(input.find('\n'), input.size());
    std::string_view line = input.substr(0, end);
    input.remove_prefix(std::min(end + 1, input.size()));
    return line;
  };
  std::string_view first = next_line();
  roost::server::ApiKey key{"fuzz", roost::Role::kAnalyst, ""};
  if (first.starts_with("admin ")) key.role = roost::Role::kAdmin;
  const std::string path(first.substr(std::min(first.find(' ') + 1, first.size())));
  roost::server::Params params;
  while (!input.empty()) {
    std::string_view line = next_line();
    const size_t eq = std::min(line.find('='), line.size());
    params.emplace(std::string(line.substr(0, eq)), std::string(line.substr(std::min(eq + 1, line.size()))));
  }

  const roost::server::ApiResponse response = SharedApi().Handle(path, params, key);
  // A request can be refused, never break the server: the archive is sound,
  // so no request may end in an internal error.
  if (response.status == 500) fprintf(stderr, "500: %s\n", response.body.c_str());
  FUZZ_CHECK(response.status == 200 || (response.status >= 400 && response.status < 500));
  static simdjson::dom::parser parser;
  simdjson::dom::element body;
  FUZZ_CHECK(parser.parse(response.body).get(body) == simdjson::SUCCESS);
  if (response.status != 200) {
    std::string_view code;
    FUZZ_CHECK(body["error"]["code"].get(code) == simdjson::SUCCESS);
  }
  return 0;
}

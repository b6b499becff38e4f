#include "server/static_files.h"

#include <httplib.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include "server/api.h"

namespace roost::server {
namespace {

namespace fs = std::filesystem;

// FNV-1a: enough to tell two builds of a file apart.
std::string EtagOf(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char out[24];
  std::snprintf(out, sizeof out, "\"%016llx\"", static_cast<unsigned long long>(h));
  return out;
}

bool Hidden(const fs::path& relative) {
  for (const auto& part : relative) {
    const std::string s = part.string();
    if (!s.empty() && s[0] == '.') return true;
  }
  return false;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool HasIndex(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "index.html", ec);
}

// An If-None-Match list ("a", W/"b", *) holding `etag`.
bool Matches(const std::string& if_none_match, const std::string& etag) {
  if (if_none_match.empty()) return false;
  if (if_none_match == "*") return true;
  return if_none_match.find(etag) != std::string::npos;
}

}  // namespace

std::string ContentTypeFor(std::string_view name) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [ext, type] : kTypes)
    if (EndsWith(name, ext)) return type;
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Load(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Status::NotFound("dashboard " + dir.string() + ": no such directory");
  if (!HasIndex(dir))
    return Status::NotFound("dashboard " + dir.string() + ": no index.html in it");
  StaticFiles out;
  out.dir_ = dir;
  size_t total = 0;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
  if (ec) return Status::IoError("dashboard " + dir.string() + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IoError("dashboard " + dir.string() + ": " + ec.message());
    const fs::path relative = it->path().lexically_relative(dir);
    if (Hidden(relative)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    const size_t bytes = static_cast<size_t>(it->file_size(ec));
    if (ec) return Status::IoError(it->path().string() + ": " + ec.message());
    if (bytes > kMaxFileBytes)
      return Status::ResourceExhausted(it->path().string() + ": " + std::to_string(bytes) +
                                       " bytes, over the " + std::to_string(kMaxFileBytes) +
                                       " a dashboard file may have");
    total += bytes;
    if (total > kMaxTotalBytes)
      return Status::ResourceExhausted("dashboard " + dir.string() + ": over " +
                                       std::to_string(kMaxTotalBytes) + " bytes in all");
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return Status::IoError(it->path().string() + ": cannot read");
    StaticFile f;
    f.body = std::move(body).str();
    f.content_type = ContentTypeFor(relative.filename().string());
    f.etag = EtagOf(f.body);
    out.files_["/" + relative.generic_string()] = std::move(f);
  }
  return out;
}

const StaticFile* StaticFiles::Find(std::string_view request_path) const {
  if (request_path == "/") request_path = "/index.html";
  auto it = files_.find(request_path);
  return it == files_.end() ? nullptr : &it->second;
}

Result<fs::path> DefaultDashboardDir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec)
    return Status::NotFound("no dashboard: the executable's folder is unknown (" + ec.message() +
                            ")");
  const fs::path build_tree = exe.parent_path() / "dashboard";
  const fs::path installed =
      (exe.parent_path().parent_path() / "share" / "roost" / "dashboard").lexically_normal();
  for (const fs::path& dir : {build_tree, installed})
    if (HasIndex(dir)) return dir;
  return Status::NotFound("no dashboard in " + build_tree.string() + " or " + installed.string());
}

void SetDashboardHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; "
                 "form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
}

void ServeStaticFile(const StaticFiles* files, const httplib::Request& req,
                     httplib::Response& res) {
  const StaticFile* f = files == nullptr ? nullptr : files->Find(req.path);
  if (f == nullptr) {
    const ApiResponse r =
        files == nullptr && (req.path == "/" || req.path == "/index.html")
            ? Api::Error(
                  404, "not_found",
                  "this server has no dashboard (roost serve --dashboard DIR); the API is at /api/")
            : Api::Error(404, "not_found", "no such resource");
    res.status = r.status;
    res.set_content(r.body, "application/json");
    return;
  }
  SetDashboardHeaders(res);
  res.set_header("ETag", f->etag);
  res.set_header("Cache-Control", "no-cache");
  if (Matches(req.get_header_value("If-None-Match"), f->etag)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(f->body, f->content_type);
}

}  // namespace roost::server

// The dashboard's files, served from memory. Every file of the dashboard
// directory is read once at start-up into a map from its URL path to its
// bytes; a request's path is only ever a key into that map, never turned
// into a file name, so no path (dot segments, percent-encoded or
// backslashed) can reach a file that was not loaded.
#ifndef ROOST_SERVER_STATIC_FILES_H_
#define ROOST_SERVER_STATIC_FILES_H_

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "roost/status.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace roost::server {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::string etag;  // quoted, from the bytes: a client's copy is checked, not refetched
};

class StaticFiles {
 public:
  // Every regular file under `dir` (hidden files and folders skipped),
  // keyed "/relative/path". NotFound when `dir` is not a directory or holds
  // no index.html; ResourceExhausted past kMaxFileBytes or kMaxTotalBytes;
  // IoError naming the file that could not be read.
  static Result<StaticFiles> Load(const std::filesystem::path& dir);

  // The file at a request path ("/" is "/index.html"); null when none.
  const StaticFile* Find(std::string_view request_path) const;
  size_t size() const { return files_.size(); }
  const std::filesystem::path& dir() const { return dir_; }

  static constexpr size_t kMaxFileBytes = 16 << 20;
  static constexpr size_t kMaxTotalBytes = 64 << 20;

 private:
  std::filesystem::path dir_;
  std::map<std::string, StaticFile, std::less<>> files_;
};

// The Content-Type for a file name by its extension (unknown:
// application/octet-stream, which browsers do not run or render).
std::string ContentTypeFor(std::string_view file_name);

// The dashboard to serve when none is named: `<dir of the executable>/dashboard`
// (a build tree), then `<dir of the executable>/../share/roost/dashboard`
// (an installed roost); the first that holds index.html. NotFound listing
// both places when neither does.
Result<std::filesystem::path> DefaultDashboardDir();

// Headers every dashboard response carries: a Content-Security-Policy that
// allows this origin only (no outside script, style, font, image or
// connection; no framing), no MIME sniffing, no referrer.
void SetDashboardHeaders(httplib::Response& res);

// Answers a GET for a non-API path: the file with its type, an ETag and
// `Cache-Control: no-cache` (revalidated, so a new build shows at once),
// 304 when the client's If-None-Match holds that ETag, and a JSON 404 for
// any path not in `files` (or every path when `files` is null: no dashboard).
void ServeStaticFile(const StaticFiles* files, const httplib::Request& req, httplib::Response& res);

}  // namespace roost::server

#endif  // ROOST_SERVER_STATIC_FILES_H_

// Options shared by the query commands (count, explain, sample): the archive,
// the filter (inline or @file), the time range and its zone, threads, --json,
// and for commands that group by tag, a tag file (--tags).
#ifndef ROOST_CLI_QUERY_OPTIONS_H_
#define ROOST_CLI_QUERY_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "query/executor.h"
#include "query/parser.h"
#include "query/tags.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::cli {

struct QueryOptions {
  std::string archive;
  std::string filter;
  std::string filter_file;
  bool filter_required = true;  // set by AddQueryOptions
  std::string tags;  // tag file path (commands that call AddTagsOption)
  std::string from, to, tz;
  int threads = 0;
  bool json = false;
};

// Analyses (series, top) pass filter_required = false: no --filter means
// every visible tweet, and PreparedQuery::query then has no root.
void AddQueryOptions(CLI::App* cmd, QueryOptions* o, bool filter_required = true);
// --tags FILE: a tag file whose tags group the answer (query/tags.h).
void AddTagsOption(CLI::App* cmd, QueryOptions* o);

// Everything a query command needs, loaded and checked.
struct PreparedQuery {
  std::shared_ptr<const storage::Archive> archive;
  query::Query query;  // root is null when only --tags was given
  std::string filter_text;  // the filter as given (read from its file): "" for none
  std::optional<query::TagSet> tags;
  query::ExecOptions exec;
  // Postings decoded by one run, reused by the next (--repeat, tags).
  std::shared_ptr<query::PostingCache> postings = std::make_shared<query::PostingCache>();
};
Result<PreparedQuery> PrepareQuery(const QueryOptions& o);

// The file that `--filter @PATH` names, or "" when the filter is a filter
// ("@nasa" is a mention: a path needs a '/' or a '.').
std::string FilterFileOf(std::string_view filter);

std::string JsonString(std::string_view s);

// Why the prepared question matched nothing, when the archive can tell
// (query/empty_answer.h); empty when it cannot, or on a read error.
std::vector<std::string> WhyEmpty(const PreparedQuery& p);
// Each reason on stderr as "roost COMMAND: no tweets: REASON", so piped
// output keeps its shape.
void SayWhyEmpty(const char* command, const std::vector<std::string>& why);
// `, "empty_because": [...]` for a JSON answer, or "" when there is no reason.
std::string WhyEmptyJsonField(const std::vector<std::string>& why);

}  // namespace roost::cli

#endif  // ROOST_CLI_QUERY_OPTIONS_H_

// Options shared by the query commands (count, explain, sample): the archive,
// the filter (inline or @file), the time range and its zone, threads, --json.
#ifndef ROOST_CLI_QUERY_OPTIONS_H_
#define ROOST_CLI_QUERY_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "query/executor.h"
#include "query/parser.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::cli {

struct QueryOptions {
  std::string archive;
  std::string filter;
  std::string from, to, tz;
  int threads = 0;
  bool json = false;
};

// Analyses (series, top) pass filter_required = false: no --filter means
// every visible tweet, and PreparedQuery::query then has no root.
void AddQueryOptions(CLI::App* cmd, QueryOptions* o, bool filter_required = true);

// Everything a query command needs, loaded and checked.
struct PreparedQuery {
  std::shared_ptr<const storage::Archive> archive;
  query::Query query;
  query::ExecOptions exec;
};
Result<PreparedQuery> PrepareQuery(const QueryOptions& o);

std::string JsonString(std::string_view s);

}  // namespace roost::cli

#endif  // ROOST_CLI_QUERY_OPTIONS_H_

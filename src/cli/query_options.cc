#include "cli/query_options.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "common/json_writer.h"
#include "query/empty_answer.h"
#include "query/time_range.h"

namespace roost::cli {

void AddQueryOptions(CLI::App* cmd, QueryOptions* o, bool filter_required) {
  cmd->add_option("--archive", o->archive, "archive directory")->required();
  auto* filter = cmd->add_option("--filter", o->filter,
                                 "CSDL filter or rule ('@name' is a mention; '@path/with/slash' or '@file.ext' reads "
                                 "a file)");
  auto* file = cmd->add_option("--filter-file", o->filter_file, "read the filter from this file");
  filter->excludes(file);
  o->filter_required = filter_required;
  cmd->add_option("--from", o->from,
                  "start of the time range, inclusive: ISO 8601 (2012-03-01T14:00), a month (2012-03) or epoch seconds");
  cmd->add_option("--to", o->to,
                  "end of the time range, exclusive: ISO 8601, a month (2012-04: up to the start of April) or epoch "
                  "seconds");
  cmd->add_option("--tz", o->tz,
                  "time zone of --from/--to without an offset and of the times printed (e.g. Europe/Paris); default UTC");
  cmd->add_option("--threads", o->threads, "segments run in parallel (0: one per core)")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--json", o->json, "machine-readable output");
}

void AddTagsOption(CLI::App* cmd, QueryOptions* o) {
  cmd->add_option("--tags", o->tags, "tag file of tag \"Name\" { filter } rules: answers per tag");
}

std::string FilterFileOf(std::string_view filter) {
  // '@' then a handle is a mention (the PowerTrack rule "@nasa"); '@' then
  // one word that no handle can be (a '/' or '.') is the older way to name
  // a filter file, kept for scripts.
  if (filter.size() < 2 || filter[0] != '@') return "";
  const std::string_view rest = filter.substr(1);
  if (rest.find_first_of(" \t\n()\"") != std::string_view::npos) return "";
  if (rest.find_first_of("/.") == std::string_view::npos) return "";
  return std::string(rest);
}

Result<PreparedQuery> PrepareQuery(const QueryOptions& o) {
  PreparedQuery p;
  if (!o.tags.empty()) {
    std::ifstream in(o.tags, std::ios::binary);
    if (!in) return Status::InvalidArgument("cannot read tag file '" + o.tags + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    auto t = query::ParseTags(ss.str());
    if (!t.ok()) return Status::InvalidArgument("tags: " + o.tags + ": " + t.status().message());
    p.tags = std::move(t).value();
  }
  if (o.filter_required && o.filter.empty() && o.filter_file.empty())
    return Status::InvalidArgument("a filter is required: --filter 'QUERY' or --filter-file FILE");
  std::string text = o.filter;
  const std::string path = !o.filter_file.empty() ? o.filter_file : FilterFileOf(o.filter);
  if (!path.empty()) {
    std::ifstream in(path, std::ios::binary);
    if (!in && o.filter_file.empty())
      return Status::InvalidArgument("cannot read filter file '" + path + "' (--filter '@" + path +
                                     "' names a file because of its '/' or '.'; a mention is @handle, as in "
                                     "--filter '@nasa', and a file is --filter-file FILE)");
    if (!in) return Status::InvalidArgument("cannot read filter file '" + path + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  if (!text.empty()) {
    auto q = query::ParseQuery(text);
    if (!q.ok()) return Status::InvalidArgument("filter: " + q.status().message());
    p.query = std::move(q).value();
    p.filter_text = text;
  }
  if (!o.from.empty()) {
    ROOST_ASSIGN_OR_RETURN(p.exec.from, query::ParseTimeInZone(o.from, o.tz));
  }
  if (!o.to.empty()) {
    ROOST_ASSIGN_OR_RETURN(p.exec.to, query::ParseTimeInZone(o.to, o.tz));
  }
  if (p.exec.from >= p.exec.to) return Status::InvalidArgument("--from must be before --to");
  p.exec.threads = o.threads;
  p.exec.postings = p.postings.get();
  ROOST_ASSIGN_OR_RETURN(p.archive, storage::Archive::Open(o.archive));
  return p;
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

std::vector<std::string> WhyEmpty(const PreparedQuery& p) {
  auto why = query::ExplainEmptyAnswer(*p.archive, p.query.root ? &p.query : nullptr, p.exec);
  return why.ok() ? *why : std::vector<std::string>{};
}

void SayWhyEmpty(const char* command, const std::vector<std::string>& why) {
  for (const std::string& w : why) std::fprintf(stderr, "roost %s: no tweets: %s\n", command, w.c_str());
}

std::string WhyEmptyJsonField(const std::vector<std::string>& why) {
  if (why.empty()) return "";
  std::string out = ", \"empty_because\": [";
  for (size_t i = 0; i < why.size(); ++i) out += (i ? ", " : "") + JsonString(why[i]);
  return out + "]";
}

}  // namespace roost::cli

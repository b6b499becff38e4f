// roost count: how many visible tweets match a filter, or with --tags, how
// many carry each tag of a tag file (docs/QUERY.md). The answer layer counts
// and gates (answer/answers.h); this file only prints.
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "answer/answers.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "common/csv.h"

namespace roost::cli {
namespace {

struct CountOptions {
  QueryOptions query;
  PrivacyOptions privacy;
  bool csv = false;
  bool totals = false;  // CSV: the (any tag) and (matching) rows
};

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// A count as printed: the number, or the redaction marker.
std::string Shown(uint64_t tweets, bool redacted) { return redacted ? kRedacted : std::to_string(tweets); }
std::string ShownJson(uint64_t tweets, bool redacted) { return redacted ? "null" : std::to_string(tweets); }

void PrintTagCounts(const PreparedQuery& p, const CountOptions& o, const TagCountAnswer& a, double ms) {
  if (o.query.json) {
    if (a.redacted) {
      fmt::print("{{\"count\": null, \"tweets\": null, \"redacted\": true, \"reason\": {}}}\n", JsonString(a.reason));
      return;
    }
    std::string items;
    for (const TagCount& t : a.tags) {
      if (!items.empty()) items += ", ";
      items += fmt::format("{{\"tag\": {}, \"namespace\": {}, \"name\": {}, \"tweets\": {}{}}}", JsonString(t.tag),
                           JsonString(t.ns), JsonString(t.name), ShownJson(t.tweets, t.redacted),
                           t.redacted ? ", \"redacted\": true" : "");
    }
    // "count" is the stable key of `roost count --json`; "tweets" says the same
    // in the vocabulary of every other answer.
    fmt::print("{{\"count\": {}, \"tweets\": {}, \"tagged_tweets\": {}, \"tags\": [{}], \"segments_scanned\": {}, "
               "\"segments_total\": {}, \"elapsed_ms\": {:.3f}}}\n",
               a.matching, a.matching, a.tagged, items, p.archive->SegmentsOverlapping(p.exec.from, p.exec.to).size(),
               p.archive->segment_count(), ms);
    return;
  }
  if (a.redacted) {
    fmt::print("redacted: {}\n", a.reason);
    return;
  }
  if (o.csv) {
    std::string out = CsvLine({"tag", "namespace", "name", "tweets"});
    for (const TagCount& t : a.tags) out += CsvLine({t.tag, t.ns, t.name, Shown(t.tweets, t.redacted)});
    if (o.totals) {
      out += CsvLine({"(any tag)", "", "", std::to_string(a.tagged)});
      out += CsvLine({"(matching)", "", "", std::to_string(a.matching)});
    }
    fmt::print("{}", out);
    return;
  }
  size_t width = 9;  // "(any tag)"
  for (const TagCount& t : a.tags) width = std::max(width, t.tag.size());
  fmt::print("{:<{}}  {:>10}\n", "tag", width, "tweets");
  for (const TagCount& t : a.tags) fmt::print("{:<{}}  {:>10}\n", t.tag, width, Shown(t.tweets, t.redacted));
  fmt::print("{:<{}}  {:>10}\n", "(any tag)", width, a.tagged);
  fmt::print("{:<{}}  {:>10}\n", "(matching)", width, a.matching);
}

void PrintCount(const CountOptions& o, const CountAnswer& a, double ms) {
  if (o.query.json) {
    fmt::print("{{\"count\": {}, \"tweets\": {}, \"segments_scanned\": {}, \"segments_total\": {}, \"elapsed_ms\": {:.3f}{}{}}}\n",
               ShownJson(a.tweets, a.redacted), ShownJson(a.tweets, a.redacted), a.segments_scanned, a.segments_total,
               ms, a.redacted ? ", \"redacted\": true, \"reason\": " + JsonString(a.reason) : "",
               WhyEmptyJsonField(a.empty_because));
    return;
  }
  if (o.csv) {
    fmt::print("tweets\n{}\n", Shown(a.tweets, a.redacted));
  } else if (a.redacted) {
    fmt::print("redacted: {}\n", a.reason);
  } else {
    fmt::print("{}\n", a.tweets);
  }
  SayWhyEmpty("count", a.empty_because);
}

}  // namespace

void AddCountCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("count", "count the tweets that match a filter (default: every tweet), or per tag with --tags");
  auto o = std::make_shared<CountOptions>();
  AddQueryOptions(cmd, &o->query, /*filter_required=*/false);
  AddTagsOption(cmd, &o->query);
  AddPrivacyOptions(cmd, &o->privacy);
  auto* csv =
      cmd->add_flag("--csv", o->csv, "CSV output (a tweets column; with --tags one row per tag)")->excludes("--json");
  cmd->add_flag("--totals", o->totals, "with --tags --csv: add the (any tag) and (matching) rows")->needs(csv);
  cmd->callback([o, exit_code] {
    const auto start = std::chrono::steady_clock::now();
    auto p = PrepareQuery(o->query);
    if (!p.ok()) {
      *exit_code = ReportError("count", p.status());
      return;
    }
    auto policy = ResolvePrivacy(o->privacy, o->query.archive);
    if (!policy.ok()) {
      *exit_code = ReportError("count", policy.status());
      return;
    }
    if (p->tags) {
      auto a = answer::CountTags(*p->archive, *p->tags, p->query, p->exec, *policy);
      if (!a.ok()) {
        *exit_code = ReportError("count", a.status());
        return;
      }
      PrintTagCounts(*p, *o, *a, MillisSince(start));
      *exit_code = kExitOk;
      return;
    }
    // No filter: every visible tweet in the range, as the analyses count.
    auto a = answer::CountTweets(*p->archive, p->query, p->exec, *policy);
    if (!a.ok()) {
      *exit_code = ReportError("count", a.status());
      return;
    }
    PrintCount(*o, *a, MillisSince(start));
    *exit_code = kExitOk;
  });
}

}  // namespace roost::cli

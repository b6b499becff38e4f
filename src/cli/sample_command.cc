// roost sample: a few matching tweets (id, time, handle, text), as the
// answer layer gates them (answer/answers.h): under the privacy gate
// (docs/PRIVACY.md) ids read `redacted`, handles and text appear only when
// the policy allows them, and the whole sample is withheld when the matching
// tweets have too few unique authors.
#include <fmt/format.h>

#include "answer/answers.h"
#include "analysis/aggregate/time_grid.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "cli/time_label.h"
#include "common/csv.h"

namespace roost::cli {
namespace {

struct SampleOptions {
  QueryOptions query;
  PrivacyOptions privacy;
  size_t limit = 10;
  bool csv = false;
};

void PrintSample(const SampleAnswer& a, const SampleOptions& o, const aggregate::ZoneRules& zone) {
  const bool json = o.query.json;
  if (a.redacted) {
    if (json) {
      fmt::print("{{\"redacted\": true, \"reason\": {}}}\n", JsonString(a.reason));
    } else {
      fmt::print("redacted: {}\n", a.reason);
    }
    return;
  }
  // What the gate holds back reads `redacted`, in place, in every format.
  auto shown = [](bool allowed, const std::string& v) { return allowed ? v : std::string(kRedacted); };
  if (o.csv) fmt::print("{}", CsvLine({"id", "created_at", "handle", "text"}));
  for (const SampleTweet& t : a.tweets) {
    const std::string id = shown(a.ids_shown, t.id);
    const std::string handle = shown(a.handles_shown, t.handle);
    const std::string text = shown(a.text_shown, t.text);
    const std::string created_at = FormatInZone(t.created_at, zone);
    if (json) {
      fmt::print("{{\"id\": \"{}\", \"created_at\": \"{}\", \"handle\": {}, \"text\": {}}}\n", id, created_at,
                 JsonString(handle), JsonString(text));
    } else if (o.csv) {
      fmt::print("{}", CsvLine({id, created_at, handle, text}));
    } else {
      std::string one_line = text;
      for (char& c : one_line)
        if (c == '\n' || c == '\t') c = ' ';
      fmt::print("{}\t{}\t{}{}\t{}\n", id, created_at, a.handles_shown ? "@" : "", handle, one_line);
    }
  }
}

}  // namespace

void AddSampleCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("sample", "print a few tweets that match a filter (default: every tweet), earliest first");
  auto o = std::make_shared<SampleOptions>();
  AddQueryOptions(cmd, &o->query, /*filter_required=*/false);
  AddPrivacyOptions(cmd, &o->privacy);
  cmd->add_option("--limit", o->limit, "how many tweets")->capture_default_str()->check(CLI::Range(1, 1000000));
  cmd->add_flag("--csv", o->csv, "CSV output: id,created_at,handle,text")->excludes("--json");
  cmd->callback([o, exit_code] {
    auto p = PrepareQuery(o->query);
    if (!p.ok()) {
      *exit_code = ReportError("sample", p.status());
      return;
    }
    auto zone = aggregate::ZoneRules::Load(o->query.tz);
    if (!zone.ok()) {
      *exit_code = ReportError("sample", zone.status());
      return;
    }
    auto policy = ResolvePrivacy(o->privacy, o->query.archive);
    if (!policy.ok()) {
      *exit_code = ReportError("sample", policy.status());
      return;
    }
    // No filter: every visible tweet in the range.
    auto a = answer::SampleTweets(*p->archive, p->query, p->exec, o->limit, *policy);
    if (!a.ok()) {
      *exit_code = ReportError("sample", a.status());
      return;
    }
    PrintSample(*a, *o, **zone);
    SayWhyEmpty("sample", a->empty_because);
    *exit_code = kExitOk;
  });
}

}  // namespace roost::cli

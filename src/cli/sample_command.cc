// roost sample: a few matching tweets (id, time, handle, text). Under the
// privacy gate (docs/PRIVACY.md) the whole sample is withheld when the
// matching tweets have too few unique authors, and handles and text appear
// only when the policy allows them.
#include <fmt/format.h>


#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/time_grid.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "cli/time_label.h"
#include "cli/unique_authors.h"
#include "common/csv.h"

namespace roost::cli {
namespace {

struct SampleOptions {
  QueryOptions query;
  PrivacyOptions privacy;
  size_t limit = 10;
  bool csv = false;
};

Status PrintSample(const PreparedQuery& p, const query::QueryResult& r, const SampleOptions& o,
                   const aggregate::ZoneRules& zone, const privacy::PrivacyPolicy& policy) {
  const size_t limit = o.limit;
  const bool json = o.query.json;
  if (policy.enabled) {
    ROOST_ASSIGN_OR_RETURN(const uint64_t authors, UniqueAuthors(*p.archive, r));
    if (!privacy::AnswerAllowed(policy, authors)) {
      if (json) {
        fmt::print("{{\"redacted\": true, \"reason\": {}}}\n", JsonString(WithheldReason(policy)));
      } else {
        fmt::print("redacted: {}\n", WithheldReason(policy));
      }
      return Status::Ok();
    }
  }
  const bool show_handles = !policy.enabled || policy.show_handles;
  const bool show_text = !policy.enabled || policy.show_text;
  if (o.csv) fmt::print("{}", CsvLine({"id", "created_at", "handle", "text"}));
  size_t shown = 0;
  for (const auto& sm : r.segments) {
    if (shown >= limit) break;
    ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* seg, p.archive->segment(sm.segment));
    ROOST_ASSIGN_OR_RETURN(auto ids, seg->ReadInts("id"));
    ROOST_ASSIGN_OR_RETURN(auto times, seg->ReadInts("created_at"));
    ROOST_ASSIGN_OR_RETURN(auto texts, seg->ReadStrings("text"));
    ROOST_ASSIGN_OR_RETURN(auto handles, seg->ReadDimIds("handle"));
    ROOST_ASSIGN_OR_RETURN(auto dict, seg->Dictionary("handle"));
    for (uint32_t row : sm.rows.ToVector()) {
      if (shown++ >= limit) break;
      const std::string handle = show_handles ? std::string(dict.value(handles[row])) : kRedacted;
      const std::string& stored_text = show_text ? texts[row] : std::string(kRedacted);
      const std::string created_at = FormatInZone(times[row], zone);
      if (json) {
        fmt::print("{{\"id\": \"{}\", \"created_at\": \"{}\", \"handle\": {}, \"text\": {}}}\n", ids[row],
                   created_at, JsonString(handle), JsonString(stored_text));
      } else if (o.csv) {
        fmt::print("{}", CsvLine({std::to_string(ids[row]), created_at, handle, stored_text}));
      } else {
        std::string text = stored_text;
        for (char& c : text)
          if (c == '\n' || c == '\t') c = ' ';
        fmt::print("{}\t{}\t{}{}\t{}\n", ids[row], created_at, show_handles ? "@" : "", handle, text);
      }
    }
  }
  return Status::Ok();
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
    // No filter: every visible tweet in the range.
    auto r = p->query.root ? query::Execute(*p->archive, p->query, p->exec)
                           : aggregate::SelectRows(*p->archive, p->query, p->exec);
    if (!r.ok()) {
      *exit_code = ReportError("sample", r.status());
      return;
    }
    auto policy = ResolvePrivacy(o->privacy, o->query.archive);
    if (!policy.ok()) {
      *exit_code = ReportError("sample", policy.status());
      return;
    }
    const Status s = PrintSample(*p, *r, *o, **zone, *policy);
    if (s.ok() && r->count == 0) SayWhyEmpty("sample", WhyEmpty(*p));
    *exit_code = s.ok() ? kExitOk : ReportError("sample", s);
  });
}

}  // namespace roost::cli

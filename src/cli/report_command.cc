// roost report: one self-contained HTML page of a period (report/report.h)
// to mail or archive. It is always gated: the archive's privacy.toml, or
// the default gate when the archive has none; the privacy flags can only
// make it stricter.
#include <chrono>
#include <ctime>
#include <filesystem>

#include "answer/gate.h"
#include "brands/brand_set.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "query/time_range.h"
#include "report/report.h"
#include "storage/file_util.h"

namespace roost::cli {
namespace {

struct ReportOptions {
  std::string archive, filter, from, to, tz = "UTC", interval = "day", title, out, news, brands;
  size_t limit = 10;
  PrivacyOptions privacy;
};

std::string NowIso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int RunReport(const ReportOptions& o) {
  if (o.out.empty()) return ReportError("report", Status::InvalidArgument("--out FILE is required"));
  report::ReportRequest r;
  r.question.filter = o.filter;
  if (!o.filter.empty() && o.filter[0] == '@') {
    auto text = storage::ReadWholeFile(o.filter.substr(1));
    if (!text.ok()) return ReportError("report", text.status());
    r.question.filter = *text;
  }
  for (auto [text, target] : {std::pair{&o.from, &r.question.from}, std::pair{&o.to, &r.question.to}}) {
    if (text->empty()) continue;
    auto t = query::ParseTimeInZone(*text, o.tz);
    if (!t.ok()) return ReportError("report", t.status());
    *target = *t;
  }
  r.interval = o.interval;
  r.tz = o.tz;
  r.title = o.title;
  r.top_limit = o.limit;
  r.archive_name = std::filesystem::path(o.archive).lexically_normal().filename().string();
  if (r.archive_name.empty()) r.archive_name = std::filesystem::path(o.archive).parent_path().filename().string();
  r.generated_at = NowIso();
  if (!o.brands.empty()) {
    auto text = storage::ReadWholeFile(o.brands);
    if (!text.ok()) return ReportError("report", text.status());
    // A bad file stops the report here, not as a note inside it.
    auto brands = brands::ParseBrandSet(*text, o.brands);
    if (!brands.ok()) return ReportError("report", brands.status());
    r.brands_toml = *text;
    r.brands_path = o.brands;
  }
  if (!o.news.empty()) {
    auto text = storage::ReadWholeFile(o.news);
    if (!text.ok()) return ReportError("report", text.status());
    r.news_csv = *text;
  }

  auto policy = ResolvePrivacy(o.privacy, o.archive);
  if (!policy.ok()) return ReportError("report", policy.status());
  privacy::PrivacyPolicy gate = *policy;
  if (!gate.enabled) gate = privacy::PrivacyPolicy::Default();
  const Caller caller{Role::kAnalyst, answer::ToSettings(gate)};

  auto db = Db::Open(o.archive);
  if (!db.ok()) return ReportError("report", db.status());
  auto html = report::BuildReportHtml(**db, r, caller);
  if (!html.ok()) return ReportError("report", html.status());
  const Status written = storage::ReplaceFileAtomically(o.out, *html);
  if (!written.ok()) return ReportError("report", written);
  std::fprintf(stderr, "roost report: wrote %s (%zu bytes)\n", o.out.c_str(), html->size());
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("report", "write a self-contained HTML report of a period (opens offline)");
  auto o = std::make_shared<ReportOptions>();
  cmd->add_option("--archive", o->archive, "archive directory")->required();
  cmd->add_option("--filter", o->filter, "only tweets matching this filter (CSDL or a rule; @FILE reads it)");
  cmd->add_option("--from", o->from, "start of the period (ISO 8601)")->required();
  cmd->add_option("--to", o->to, "end of the period, exclusive")->required();
  cmd->add_option("--tz", o->tz, "time zone of --from/--to and of the buckets (IANA name, default UTC)");
  cmd->add_option("--interval", o->interval, "bucket of the charts: hour, day, week or month (default day)")
      ->check(CLI::IsMember({"minute", "hour", "day", "week", "month"}));
  cmd->add_option("--title", o->title, "the report's title (default \"Roost report\")");
  cmd->add_option("--limit", o->limit, "items per top list (default 10)")->check(CLI::Range(1, 100));
  cmd->add_option("--news", o->news, "a news timeline CSV (time,headline,url,keywords) matched to the spikes");
  cmd->add_option("--brands", o->brands, "a brands file: each brand's scorecard against the period before");
  cmd->add_option("--out", o->out, "the HTML file to write (replaced atomically)")->required();
  AddPrivacyOptions(cmd, &o->privacy);
  cmd->callback([o, exit_code] { *exit_code = RunReport(*o); });
}

}  // namespace roost::cli

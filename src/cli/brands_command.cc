// roost brands: a scorecard per brand of a brands file (tweets, share of
// voice, authors, reach, engagement, sentiment, what its tweets talk about,
// a series) and, with --compare, each figure's change against another
// period with a note when it is inside noise (answer/brands_answer.h,
// docs/BRANDS.md).
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "answer/brands_answer.h"
#include "answer/brands_json.h"
#include "brands/brand_tags_state.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "cli/table.h"

namespace roost::cli {
namespace {

struct BrandsArgs {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string brands;
  std::vector<std::string> only;
  std::string interval = "day";
  std::string compare;
  size_t limit = 5;
  int repeat = 1;
  bool csv = false;
};

std::string Percent(double share) { return fmt::format("{:.1f}%", 100 * share); }
std::string Signed(double v, int digits) { return fmt::format("{:+.{}f}", v, digits); }

// "+12% (noise)" / "-0.08 *": a change and whether it is beyond noise.
std::string ChangeCell(const FigureChange& c) {
  std::string s;
  if (c.figure == "share_of_voice")
    s = Signed(100 * c.change, 1) + " pts";
  else if (c.figure == "net_sentiment")
    s = Signed(c.change, 3);
  else if (c.relative)
    s = fmt::format("{:+.0f}%", 100 * *c.relative);
  else
    s = Signed(c.change, 0);
  if (c.test == "none") return s;
  return s + (c.significant ? "" : " (noise)");
}

const FigureChange* FindChange(const BrandScorecard& b, const char* figure) {
  for (const FigureChange& c : b.changes)
    if (c.figure == figure) return &c;
  return nullptr;
}

// "#a (12), #b (9)": tweets in brackets, or the reach with `reach`.
std::string Values(const std::vector<TopItem>& items, const char* prefix, bool reach = false) {
  std::string out;
  for (const TopItem& t : items) {
    if (t.metrics.redacted) continue;
    out += fmt::format("{}{}{} ({}{})", out.empty() ? "" : ", ", prefix, t.value, reach ? "reach " : "",
                       reach ? t.metrics.reach : t.metrics.tweets);
  }
  return out.empty() ? "-" : out;
}

Table Scorecards(const BrandsAnswer& a, bool compared) {
  std::vector<std::string> header = {"brand", "tweets", "share_of_voice", "share_of_file", "unique_authors",
                                     "reach", "engagement", "positive", "neutral", "negative", "net_sentiment"};
  if (compared) {
    for (const char* h : {"tweets_change", "share_change", "authors_change", "net_change"}) header.push_back(h);
  }
  Table t(header);
  for (const BrandScorecard& b : a.brands) {
    const Metrics& m = b.figures.metrics;
    if (m.redacted) {
      std::vector<std::string> row(header.size(), "redacted");
      row[0] = b.name;
      t.AddRow(row);
      continue;
    }
    std::vector<std::string> row = {b.name,
                                    std::to_string(m.tweets),
                                    Percent(b.figures.share_of_voice),
                                    Percent(b.figures.share_of_file),
                                    std::to_string(m.unique_authors),
                                    std::to_string(m.reach),
                                    std::to_string(m.engagement),
                                    std::to_string(m.positive),
                                    std::to_string(m.neutral),
                                    std::to_string(m.negative),
                                    Signed(b.figures.net_sentiment, 3)};
    if (compared) {
      for (const char* f : {"tweets", "share_of_voice", "unique_authors", "net_sentiment"}) {
        const FigureChange* c = FindChange(b, f);
        row.push_back(c ? ChangeCell(*c) : "-");
      }
    }
    t.AddRow(row);
  }
  return t;
}

Status RunBrands(const BrandsArgs& args) {
  std::ifstream in(args.brands, std::ios::binary);
  if (!in) return Status::NotFound("cannot open brands file " + args.brands);
  std::stringstream text;
  text << in.rdbuf();
  BrandsRequest r;
  r.brands_toml = text.str();
  r.brands_path = args.brands;
  r.interval = args.interval;
  r.tz = args.query.tz;
  r.limit = args.limit;
  r.only = args.only;
  ROOST_RETURN_IF_ERROR(answer::ParseCompare(args.compare, args.query.tz, &r));
  ROOST_ASSIGN_OR_RETURN(answer::BrandsRun run, answer::MakeBrandsRun(r));
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(args.query));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy, ResolvePrivacy(args.privacy, args.query.archive));
  run.threads = args.query.threads;
  const storage::Archive& archive = *p.archive;
  run.tags_current = [&archive](const brands::BrandDefinition& b) { return brands::TagsCurrent(archive, b); };
  // --repeat: the same scorecards again in this process, columns kept.
  aggregate::ColumnCache cache;
  run.cache = &cache;
  BrandsAnswer a;
  double ms = 0;
  for (int i = 0; i < args.repeat; ++i) {
    const auto start = std::chrono::steady_clock::now();
    ROOST_ASSIGN_OR_RETURN(a, answer::GatedBrands(*p.archive, p.filter_text, p.exec, run, policy));
    ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (args.repeat > 1) fmt::print(stderr, "roost brands: run {}: {:.1f} ms\n", i + 1, ms);
  }
  if (args.query.json) {
    fmt::print("{}\n", answer::BrandsJson(a, ms));
    return Status::Ok();
  }
  const bool compared = !a.compare_from.empty();
  const Table table = Scorecards(a, compared);
  if (args.csv) {
    fmt::print("{}", table.Csv());
    return Status::Ok();
  }
  fmt::print("brands of {} from {} to {} ({}){}\n", args.brands, a.from, a.to, a.tz,
             compared ? fmt::format(", compared with {} to {}", a.compare_from, a.compare_to) : "");
  fmt::print("{}", table.Aligned());
  for (const BrandScorecard& b : a.brands) {
    if (b.figures.metrics.redacted) continue;
    fmt::print("\n{} (competitive set: {}; matched by {})\n", b.name, fmt::join(b.competitive_set, ", "),
               b.matched_by);
    fmt::print("  hashtags:  {}\n  terms:     {}\n  domains:   {}\n", Values(b.hashtags, "#"), Values(b.terms, ""),
               Values(b.domains, ""));
    fmt::print("  languages: {}\n  countries: {}\n", Values(b.languages, ""), Values(b.countries, ""));
    if (a.handles_shown) fmt::print("  authors by reach: {}\n", Values(b.authors, "@", true));
  }
  if (compared)
    fmt::print("\n(noise): inside what chance gives at p >= 0.05 (tweets and authors: Poisson; share of voice: "
               "two-proportion z-test; net sentiment: z-test)\n");
  for (const std::string& n : a.notes) fmt::print(stderr, "roost brands: note: {}\n", n);
  return Status::Ok();
}

}  // namespace

void AddBrandsCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("brands",
                                 "brand scorecards: share of voice, authors, reach, engagement, sentiment and "
                                 "their change against another period");
  auto a = std::make_shared<BrandsArgs>();
  AddQueryOptions(cmd, &a->query, /*filter_required=*/false);
  AddPrivacyOptions(cmd, &a->privacy);
  cmd->add_option("--brands", a->brands, "brand definitions (TOML, docs/BRANDS.md)")->required();
  cmd->add_option("--brand", a->only, "report only this brand (repeatable); shares still count every brand");
  cmd->add_option("--interval", a->interval, "of each brand's series: hour, day, week or month")
      ->capture_default_str()
      ->check(CLI::IsMember({"hour", "day", "week", "month"}));
  cmd->add_option("--compare", a->compare,
                  "compare with the period just before (previous), a year earlier (year) or FROM..TO");
  cmd->add_option("--limit", a->limit, "items per top list")->capture_default_str()->check(CLI::Range(1, 100));
  cmd->add_flag("--csv", a->csv, "CSV output: one row per brand")->excludes("--json");
  cmd->add_option("--repeat", a->repeat, "compute the scorecards N times in this process, each time on stderr (benchmarks)")
      ->check(CLI::Range(1, 1000));
  cmd->callback([a, exit_code] {
    const Status s = RunBrands(*a);
    *exit_code = s.ok() ? kExitOk : ReportError("brands", s);
  });
}

}  // namespace roost::cli

#include "answer/brands_answer.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "analysis/aggregate/breakdown.h"
#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "answer/analyses.h"
#include "answer/gate.h"
#include "answer/period_change.h"
#include "answer/shown_values.h"
#include "brands/brand_query.h"
#include "common/time_parse.h"
#include "query/matcher.h"
#include "query/parser.h"
#include "query/time_range.h"

namespace roost::answer {
namespace {

constexpr int64_t kDayMs = 86'400'000;

// A brand's exact figures over one period.
struct PeriodTotals {
  aggregate::SeriesResult series;
  query::QueryResult selected;
};

// The rows of one brand, narrowed by the question's filter.
struct BrandSelection {
  query::Query query;
  std::string rule;
  bool by_tags = false;
};

Result<BrandSelection> SelectBrand(const BrandsRun& run, const brands::BrandDefinition& b,
                                   const std::string& narrow) {
  BrandSelection s;
  s.by_tags = run.tags_current && run.tags_current(b);
  s.rule = s.by_tags ? "brand == \"" + b.name + "\"" : brands::BrandQuery(b);
  auto q = query::ParseQuery(s.rule);
  if (!q.ok()) return Status::Internal("brand " + b.name + ": its rule does not parse: " + q.status().message());
  s.query = std::move(q).value();
  if (!narrow.empty()) {
    auto n = query::ParseQuery(narrow);
    if (!n.ok()) return Status::InvalidArgument("filter: " + n.status().message());
    auto both = std::make_unique<query::Node>();
    both->kind = query::Node::kAnd;
    both->children.push_back(std::move(s.query.root));
    both->children.push_back(std::move(n->root));
    s.query.root = std::move(both);
  }
  return s;
}

Result<PeriodTotals> Totals(const storage::Archive& archive, const BrandSelection& brand,
                            const query::ExecOptions& exec, TimestampMs from, TimestampMs to,
                            aggregate::Interval interval, const BrandsRun& run, aggregate::ColumnCache* cache) {
  query::ExecOptions e = exec;
  e.from = from, e.to = to;
  PeriodTotals t;
  ROOST_ASSIGN_OR_RETURN(t.selected, aggregate::SelectRows(archive, brand.query, e));
  ROOST_ASSIGN_OR_RETURN(aggregate::TimeGrid grid, aggregate::TimeGrid::Make(interval, run.zone, from, to));
  ROOST_ASSIGN_OR_RETURN(t.series, aggregate::ComputeSeries(archive, t.selected, std::move(grid),
                                                            aggregate::MetricSet{}, run.threads, cache));
  return t;
}

double Net(uint64_t positive, uint64_t negative, uint64_t tweets) {
  return tweets ? (static_cast<double>(positive) - static_cast<double>(negative)) / static_cast<double>(tweets) : 0;
}

// A brand is an answer of its own: below the answer's author minimum its
// figures are hidden.
BrandFigures ShowFigures(const privacy::PrivacyPolicy& policy, const aggregate::TweetMetrics& exact) {
  BrandFigures f;
  f.metrics = GateMetrics(policy, exact, !privacy::AnswerAllowed(policy, exact.unique_authors));
  f.net_sentiment = Net(f.metrics.positive, f.metrics.negative, f.metrics.tweets);
  return f;
}

std::vector<BrandBucket> ShowSeries(const privacy::PrivacyPolicy& policy, const aggregate::SeriesResult& s) {
  std::vector<BrandBucket> out;
  for (size_t i = 0; i < s.buckets.size(); ++i) {
    const aggregate::TweetMetrics& m = s.buckets[i];
    BrandBucket b;
    b.start = s.grid.Label(i);
    b.redacted = m.tweets > 0 && !privacy::GroupAllowed(policy, m.unique_authors);
    if (!b.redacted) {
      const aggregate::TweetMetrics q = privacy::Quantize(policy, m);
      b.tweets = q.tweets;
      b.net_sentiment = Net(q.positive, q.negative, q.tweets);
    }
    out.push_back(std::move(b));
  }
  return out;
}

Result<std::vector<TopItem>> TopList(const storage::Archive& archive, const query::QueryResult& selected,
                                     const char* dimension, aggregate::RankBy rank_by, const BrandsRun& run,
                                     const privacy::PrivacyPolicy& policy, aggregate::ColumnCache* cache) {
  aggregate::BreakdownSpec spec;
  ROOST_ASSIGN_OR_RETURN(aggregate::DimensionSpec d, aggregate::FindDimension(dimension));
  spec.levels.push_back(std::move(d));
  spec.limit = run.limit;
  spec.rank_by = rank_by;
  spec.distinct = false;  // a scorecard shows the leaders only: each segment hands over its own
  spec.metrics = aggregate::MetricSet::TweetsOnly();
  spec.metrics.authors = policy.enabled || rank_by == aggregate::RankBy::kReach;
  spec.threads = run.threads;
  ROOST_ASSIGN_OR_RETURN(const aggregate::BreakdownResult r, aggregate::ComputeBreakdown(archive, selected, spec, cache));
  std::vector<TopItem> items;
  for (const auto& item : r.items) items.push_back(GateItem(policy, item));
  return items;
}

// The words that name the brand (name, aliases, products, handles,
// hashtags) as the term index holds them.
std::vector<std::string> NamingTokens(const brands::BrandDefinition& b) {
  std::vector<std::string> naming;
  for (const std::string& phrase : brands::BrandNamingWords(b)) {
    std::vector<std::string> tokens;
    query::MatchTokens(phrase, false, &tokens);
    naming.insert(naming.end(), tokens.begin(), tokens.end());
  }
  std::sort(naming.begin(), naming.end());
  naming.erase(std::unique(naming.begin(), naming.end()), naming.end());
  return naming;
}

// The brand's terms without the words that name it, at most `limit`.
void DropNamingWords(const std::vector<std::string>& naming, size_t limit, std::vector<TopItem>* terms) {
  std::vector<TopItem> kept;
  for (TopItem& t : *terms) {
    if (kept.size() == limit) break;
    if (!t.metrics.redacted && std::binary_search(naming.begin(), naming.end(), t.value)) continue;
    kept.push_back(std::move(t));
  }
  *terms = std::move(kept);
}

// Each civil date moved a year back in the zone (29 February to the 28th).
TimestampMs YearEarlier(TimestampMs t, const aggregate::ZoneRules& zone) {
  const TimestampMs wall = t + zone.OffsetAt(t);
  const int64_t days = wall >= 0 ? wall / kDayMs : (wall - kDayMs + 1) / kDayMs;
  const TimestampMs in_day = wall - days * kDayMs;
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  --y;
  if (m == 2 && d == 29) d = 28;
  return zone.WallToUtc(DaysFromCivil(y, m, d) * kDayMs + in_day);
}

void AddChanges(const BrandFigures& before, const BrandFigures& after, uint64_t set_before, uint64_t set_after,
                int64_t before_ms, int64_t after_ms, std::vector<FigureChange>* out) {
  auto add = [&](const char* figure, const PeriodChange& c) {
    FigureChange f;
    f.figure = figure;
    f.before = c.before, f.after = c.after, f.change = c.change;
    if (c.has_relative) f.relative = c.relative;
    f.test = c.test, f.p_value = c.p_value, f.significant = c.significant;
    out->push_back(std::move(f));
  };
  const Metrics& b = before.metrics;
  const Metrics& a = after.metrics;
  add("tweets", CountChange(b.tweets, a.tweets, before_ms, after_ms));
  add("share_of_voice", ShareChange(b.tweets, set_before, a.tweets, set_after));
  add("unique_authors", CountChange(b.unique_authors, a.unique_authors, before_ms, after_ms));
  add("reach", UntestedChange(static_cast<double>(b.reach), static_cast<double>(a.reach)));
  add("engagement", UntestedChange(static_cast<double>(b.engagement), static_cast<double>(a.engagement)));
  add("net_sentiment", NetSentimentChange(b.positive, b.negative, b.tweets, a.positive, a.negative, a.tweets));
}

// Shares of voice from the tweets each brand shows (a hidden brand counts 0).
void SetShares(const brands::BrandSet& set, const std::vector<size_t>& all,
               const std::vector<BrandFigures*>& figures, uint64_t* file_total, std::vector<uint64_t>* set_totals) {
  *file_total = 0;
  for (size_t i : all) *file_total += figures[i]->metrics.tweets;
  set_totals->assign(set.brands.size(), 0);
  for (size_t i : all) {
    uint64_t in_set = 0;
    for (size_t c : set.CompetitiveSet(i)) in_set += figures[c]->metrics.tweets;
    (*set_totals)[i] = in_set;
    BrandFigures& f = *figures[i];
    f.share_of_voice = in_set ? static_cast<double>(f.metrics.tweets) / static_cast<double>(in_set) : 0;
    f.share_of_file = *file_total ? static_cast<double>(f.metrics.tweets) / static_cast<double>(*file_total) : 0;
  }
}

}  // namespace

Status ParseCompare(const std::string& text, const std::string& tz, BrandsRequest* r) {
  const size_t dots = text.find("..");
  if (dots == std::string::npos) {
    r->compare = text;
    return Status::Ok();
  }
  r->compare = "range";
  ROOST_ASSIGN_OR_RETURN(r->compare_from, query::ParseTimeInZone(text.substr(0, dots), tz));
  ROOST_ASSIGN_OR_RETURN(r->compare_to, query::ParseTimeInZone(text.substr(dots + 2), tz));
  return Status::Ok();
}

Result<BrandsRun> MakeBrandsRun(const BrandsRequest& r) {
  BrandsRun run;
  auto set = brands::ParseBrandSet(r.brands_toml, r.brands_path);
  if (!set.ok()) return Status::InvalidArgument(set.status().message());
  run.brands = std::move(set).value();
  ROOST_ASSIGN_OR_RETURN(run.interval, aggregate::ParseInterval(r.interval));
  if (run.interval == aggregate::Interval::kMinute)
    return Status::InvalidArgument("brand series are per hour, day, week or month");
  ROOST_ASSIGN_OR_RETURN(run.zone, aggregate::ZoneRules::Load(r.tz));
  if (r.compare != "" && r.compare != "previous" && r.compare != "year" && r.compare != "range")
    return Status::InvalidArgument("compare is previous, year or a FROM..TO range, not '" + r.compare + "'");
  if (r.compare == "range" && r.compare_from >= r.compare_to)
    return Status::InvalidArgument("the comparison range must start before it ends");
  run.compare = r.compare, run.compare_from = r.compare_from, run.compare_to = r.compare_to;
  if (r.limit < 1 || r.limit > 100) return Status::InvalidArgument("limit must be from 1 to 100");
  run.limit = r.limit;
  for (const std::string& name : r.only) {
    const size_t i = run.brands.Find(name);
    if (i == std::string::npos) {
      std::string known;
      for (const auto& b : run.brands.brands) known += (known.empty() ? "" : ", ") + b.name;
      return Status::InvalidArgument("no brand '" + name + "' in " + r.brands_path + " (known: " + known + ")");
    }
    run.shown.push_back(i);
  }
  return run;
}

Result<std::pair<TimestampMs, TimestampMs>> ComparisonPeriod(const BrandsRun& run, TimestampMs from, TimestampMs to) {
  if (run.compare == "previous") return std::make_pair(from - (to - from), from);
  if (run.compare == "year") return std::make_pair(YearEarlier(from, *run.zone), YearEarlier(to, *run.zone));
  if (run.compare == "range") return std::make_pair(run.compare_from, run.compare_to);
  return Status::InvalidArgument("no comparison asked");
}

Result<BrandsAnswer> GatedBrands(const storage::Archive& archive, const std::string& narrow,
                                 const query::ExecOptions& exec, const BrandsRun& run,
                                 const privacy::PrivacyPolicy& policy) {
  TimestampMs from = exec.from, to = exec.to;
  aggregate::DefaultSeriesRange(archive, &from, &to);
  if (from == std::numeric_limits<TimestampMs>::min() || to == std::numeric_limits<TimestampMs>::max())
    return Status::InvalidArgument("the archive holds no tweets in that range; give --from and --to");
  // A side the question left open is the archive's, widened to whole
  // buckets so that the period and its comparison read as dates.
  ROOST_ASSIGN_OR_RETURN(const aggregate::TimeGrid span, aggregate::TimeGrid::Make(run.interval, run.zone, from, to));
  if (exec.from == std::numeric_limits<TimestampMs>::min()) from = span.start(0);
  if (exec.to == std::numeric_limits<TimestampMs>::max()) to = span.end(span.size() - 1);
  if (exec.from != std::numeric_limits<TimestampMs>::min()) from = exec.from;
  if (exec.to != std::numeric_limits<TimestampMs>::max()) to = exec.to;
  const bool compare = !run.compare.empty();
  TimestampMs cfrom = 0, cto = 0;
  if (compare) {
    ROOST_ASSIGN_OR_RETURN(std::tie(cfrom, cto), ComparisonPeriod(run, from, to));
  }
  aggregate::ColumnCache local;
  aggregate::ColumnCache* cache = run.cache ? run.cache : &local;
  const size_t n = run.brands.brands.size();
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  const std::vector<size_t>& shown = run.shown.empty() ? all : run.shown;
  std::vector<bool> is_shown(n, false);
  for (size_t i : shown) is_shown[i] = true;

  BrandsAnswer a;
  a.from = TimeLabel(from, *run.zone), a.to = TimeLabel(to, *run.zone);
  a.interval = aggregate::IntervalName(run.interval), a.tz = run.zone->name();
  if (compare) a.compare_from = TimeLabel(cfrom, *run.zone), a.compare_to = TimeLabel(cto, *run.zone);
  a.gate = ToSettings(policy);
  a.handles_shown = !policy.enabled || policy.show_handles;
  // Every brand's totals are needed for shares; cards only for those shown.
  std::vector<BrandScorecard> cards(n);
  std::vector<BrandFigures> before(n);
  std::vector<BrandFigures*> now_figures(n), before_figures(n);
  size_t by_rule = 0;
  for (size_t i = 0; i < n; ++i) {
    const brands::BrandDefinition& b = run.brands.brands[i];
    ROOST_ASSIGN_OR_RETURN(const BrandSelection sel, SelectBrand(run, b, narrow));
    BrandScorecard& card = cards[i];
    card.name = b.name;
    for (size_t c : run.brands.CompetitiveSet(i)) card.competitive_set.push_back(run.brands.brands[c].name);
    card.matched_by = sel.by_tags ? "tags" : "rule";
    by_rule += !sel.by_tags && is_shown[i];
    card.rule = brands::BrandQuery(b);
    ROOST_ASSIGN_OR_RETURN(const PeriodTotals now, Totals(archive, sel, exec, from, to, run.interval, run, cache));
    card.figures = ShowFigures(policy, now.series.total);
    now_figures[i] = &card.figures;
    if (is_shown[i] && !card.figures.metrics.redacted) {
      card.series = ShowSeries(policy, now.series);
      using aggregate::RankBy;
      ROOST_ASSIGN_OR_RETURN(card.hashtags, TopList(archive, now.selected, "hashtags", RankBy::kTweets, run, policy, cache));
      {
        // Every tweet of the brand holds its own name: the words around it say more.
        const std::vector<std::string> naming = NamingTokens(b);
        BrandsRun wider = run;
        wider.limit = run.limit + naming.size();
        ROOST_ASSIGN_OR_RETURN(card.terms, TopList(archive, now.selected, "terms", RankBy::kTweets, wider, policy, cache));
        DropNamingWords(naming, run.limit, &card.terms);
      }
      ROOST_ASSIGN_OR_RETURN(card.domains, TopList(archive, now.selected, "domains", RankBy::kTweets, run, policy, cache));
      ROOST_ASSIGN_OR_RETURN(card.languages, TopList(archive, now.selected, "lang", RankBy::kTweets, run, policy, cache));
      ROOST_ASSIGN_OR_RETURN(card.countries, TopList(archive, now.selected, "country", RankBy::kTweets, run, policy, cache));
      if (a.handles_shown) {
        ROOST_ASSIGN_OR_RETURN(card.authors, TopList(archive, now.selected, "authors", RankBy::kReach, run, policy, cache));
      }
    }
    if (compare) {
      // Totals only: a day grid is as cheap as any and covers the period.
      ROOST_ASSIGN_OR_RETURN(const PeriodTotals then,
                             Totals(archive, sel, exec, cfrom, cto, aggregate::Interval::kDay, run, cache));
      before[i] = ShowFigures(policy, then.series.total);
    }
    before_figures[i] = &before[i];
  }
  std::vector<uint64_t> set_now, set_before;
  SetShares(run.brands, all, now_figures, &a.brand_tweets, &set_now);
  uint64_t file_before = 0;
  if (compare) SetShares(run.brands, all, before_figures, &file_before, &set_before);
  for (size_t i : shown) {
    BrandScorecard& card = cards[i];
    if (compare) {
      card.before = before[i];
      if (!card.figures.metrics.redacted && !before[i].metrics.redacted)
        AddChanges(before[i], card.figures, set_before[i], set_now[i], cto - cfrom, to - from, &card.changes);
    }
    a.brands.push_back(std::move(card));
  }
  if (by_rule && run.tags_current)
    a.notes.push_back(fmt::format(
        "{} of {} brands were matched by their rule over the text: the archive's brand tags were not made with "
        "these definitions (roost retag --brands FILE makes them lookups)",
        by_rule, shown.size()));
  if (!a.handles_shown) a.notes.push_back("top authors are not shown: the privacy settings do not allow handles");
  return a;
}

}  // namespace roost::answer

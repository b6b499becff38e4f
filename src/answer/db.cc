// roost::Db (include/roost/roost.h): a snapshot of one archive and its
// privacy policy; each call parses the question, resolves the caller's gate
// and hands both to the answers of answers.h.
#include <memory>

#include "answer/analyses.h"
#include "answer/answers.h"
#include "answer/brands_answer.h"
#include "brands/brand_tags_state.h"
#include "answer/forecast_answer.h"
#include "answer/gate.h"
#include "answer/spikes_answer.h"
#include "answer/trends_answer.h"
#include "analysis/trends/news.h"
#include "query/parser.h"
#include "query/posting_cache.h"
#include "roost/roost.h"

namespace roost {

struct Db::Impl {
  std::shared_ptr<const storage::Archive> archive;
  privacy::PrivacyPolicy policy;  // the archive's own (privacy.toml), the analysts' floor
  // Postings decoded by one question, reused by the next.
  std::shared_ptr<query::PostingCache> postings = std::make_shared<query::PostingCache>();
  // Decoded columns, shared by every Db of the process: keyed by segment
  // file, so a reopened snapshot keeps the columns of the segments it shares.
  aggregate::ColumnCache* columns = SharedColumns();

  static aggregate::ColumnCache* SharedColumns() {
    static aggregate::ColumnCache* cache = new aggregate::ColumnCache();
    return cache;
  }

  Result<query::Query> Parse(const Question& q) const { return Parse(q.filter); }
  Result<query::Query> Parse(const std::string& filter) const {
    if (filter.empty()) return query::Query{};
    auto parsed = query::ParseQuery(filter);
    if (!parsed.ok()) return Status::InvalidArgument("filter: " + parsed.status().message());
    return parsed;
  }
  Result<query::ExecOptions> Exec(const Question& q) const {
    if (q.from >= q.to) return Status::InvalidArgument("the range must start before it ends");
    query::ExecOptions e;
    e.from = q.from, e.to = q.to, e.threads = q.threads, e.postings = postings.get();
    e.deadline = Deadline::In(q.budget_ms);
    return e;
  }
};

Db::Db(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Db::~Db() = default;

Result<std::unique_ptr<Db>> Db::Open(const std::string& dir) {
  auto impl = std::make_unique<Impl>();
  ROOST_ASSIGN_OR_RETURN(impl->archive, storage::Archive::Open(dir));
  ROOST_ASSIGN_OR_RETURN(impl->policy, privacy::ArchivePolicy(dir));
  return std::unique_ptr<Db>(new Db(std::move(impl)));
}

GateSettings Db::GateFor(const Caller& caller) const {
  return answer::ToSettings(answer::PolicyFor(impl_->policy, caller));
}

Result<CountAnswer> Db::Count(const Question& q, const Caller& caller) const {
  ROOST_ASSIGN_OR_RETURN(const query::Query query, impl_->Parse(q));
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  return answer::CountTweets(*impl_->archive, query, exec, answer::PolicyFor(impl_->policy, caller), impl_->columns);
}

Result<TagCountAnswer> Db::CountTags(const Question& q, const std::string& tag_file, const Caller& caller) const {
  auto tags = query::ParseTags(tag_file);
  if (!tags.ok()) return Status::InvalidArgument("tags: " + tags.status().message());
  ROOST_ASSIGN_OR_RETURN(const query::Query query, impl_->Parse(q));
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  return answer::CountTags(*impl_->archive, *tags, query, exec, answer::PolicyFor(impl_->policy, caller));
}

Result<SampleAnswer> Db::Sample(const Question& q, size_t limit, const Caller& caller) const {
  ROOST_ASSIGN_OR_RETURN(const query::Query query, impl_->Parse(q));
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  return answer::SampleTweets(*impl_->archive, query, exec, limit, answer::PolicyFor(impl_->policy, caller),
                             impl_->columns);
}

Result<SeriesAnswer> Db::Series(const Question& q, const SeriesRequest& r, const Caller& caller) const {
  ROOST_ASSIGN_OR_RETURN(const query::Query query, impl_->Parse(q));
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  answer::SeriesRun run;
  ROOST_ASSIGN_OR_RETURN(run.interval, aggregate::ParseInterval(r.interval));
  ROOST_ASSIGN_OR_RETURN(run.zone, aggregate::ZoneRules::Load(r.tz));
  run.metrics = answer::ToMetricSet(r.metrics);
  run.threads = q.threads;
  run.cache = impl_->columns;
  return answer::GatedSeries(*impl_->archive, query, exec, run, answer::PolicyFor(impl_->policy, caller));
}

Result<TopAnswer> Db::Top(const Question& q, const TopRequest& r, const Caller& caller) const {
  ROOST_ASSIGN_OR_RETURN(const query::Query query, impl_->Parse(q));
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  if (r.levels.empty() || r.levels.size() > aggregate::kMaxLevels)
    return Status::InvalidArgument("a top list has one to three levels");
  answer::TopRun run;
  for (const std::string& name : r.levels) {
    ROOST_ASSIGN_OR_RETURN(auto d, aggregate::FindDimension(name));
    if (d.name == "tag") return Status::InvalidArgument("the tag dimension needs a tag file");
    run.spec.levels.push_back(d);
  }
  ROOST_ASSIGN_OR_RETURN(run.spec.rank_by, aggregate::ParseRankBy(r.rank_by));
  run.spec.metrics = answer::ToMetricSet(r.metrics);
  run.spec.limit = r.limit;
  run.spec.threads = q.threads;
  run.cache = impl_->columns;
  return answer::GatedTop(*impl_->archive, query, exec, run, answer::PolicyFor(impl_->policy, caller));
}

Result<ExplainAnswer> Db::Explain(const Question& q, const Caller& caller) const {
  ROOST_ASSIGN_OR_RETURN(const query::Query query, impl_->Parse(q));
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  return answer::ExplainQuery(*impl_->archive, query, exec, answer::PolicyFor(impl_->policy, caller), impl_->columns);
}

Result<TrendsAnswer> Db::Trends(const Question& q, const TrendsRequest& r, const Caller& caller) const {
  const std::string filter = answer::WithLanguage(q.filter, r.lang);
  ROOST_ASSIGN_OR_RETURN(const query::Query query, impl_->Parse(filter));
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  answer::TrendsRun run;
  ROOST_ASSIGN_OR_RETURN(run.zone, aggregate::ZoneRules::Load(r.tz));
  run.at = r.at;
  run.interval = r.interval;
  run.limit = r.limit;
  run.tweets = r.tweets;
  run.min_support = r.min_support;
  run.min_sources = r.min_sources;
  run.min_burst_z = r.min_burst_z;
  ROOST_ASSIGN_OR_RETURN(TrendsAnswer a,
                         answer::GatedTrends(*impl_->archive, query, exec, run, answer::PolicyFor(impl_->policy, caller)));
  a.filter = filter;
  return a;
}

Result<SpikesAnswer> Db::Spikes(const Question& q, const SpikesRequest& r, const Caller& caller) const {
  ROOST_ASSIGN_OR_RETURN(const query::Query query, impl_->Parse(q));
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  answer::SpikesRun run;
  ROOST_ASSIGN_OR_RETURN(run.interval, aggregate::ParseInterval(r.interval));
  if (run.interval != aggregate::Interval::kMinute && run.interval != aggregate::Interval::kHour &&
      run.interval != aggregate::Interval::kDay)
    return Status::InvalidArgument("spikes are found per minute, hour or day");
  ROOST_ASSIGN_OR_RETURN(run.zone, aggregate::ZoneRules::Load(r.tz));
  if (!(r.threshold >= 0 && r.threshold <= 1)) return Status::InvalidArgument("the threshold is from 0 to 1");
  if (!(r.min_spike_z >= 0)) return Status::InvalidArgument("min_spike_z must not be negative");
  run.threshold = r.threshold;
  run.min_spike_z = r.min_spike_z;
  run.limit = r.limit;
  run.tweets = r.tweets;
  if (!r.news_csv.empty()) {
    auto news = trends::ParseNewsCsv(r.news_csv, "news");
    if (!news.ok()) return Status::InvalidArgument(news.status().message());
    run.news = std::move(news).value();
  }
  ROOST_ASSIGN_OR_RETURN(SpikesAnswer a,
                         answer::GatedSpikes(*impl_->archive, query, exec, run, answer::PolicyFor(impl_->policy, caller)));
  a.filter = q.filter;
  return a;
}

Result<ForecastAnswer> Db::Forecast(const Question& q, const ForecastRequest& r, const Caller& caller) const {
  ROOST_ASSIGN_OR_RETURN(const query::Query query, impl_->Parse(q));
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  ROOST_ASSIGN_OR_RETURN(answer::ForecastRun run, answer::MakeForecastRun(r));
  run.threads = q.threads;
  run.cache = impl_->columns;
  return answer::GatedForecast(*impl_->archive, query, exec, run, answer::PolicyFor(impl_->policy, caller));
}

Result<BrandsAnswer> Db::Brands(const Question& q, const BrandsRequest& r, const Caller& caller) const {
  if (!q.filter.empty()) ROOST_RETURN_IF_ERROR(impl_->Parse(q).status());
  ROOST_ASSIGN_OR_RETURN(const query::ExecOptions exec, impl_->Exec(q));
  ROOST_ASSIGN_OR_RETURN(answer::BrandsRun run, answer::MakeBrandsRun(r));
  run.threads = q.threads;
  run.cache = impl_->columns;
  const storage::Archive& archive = *impl_->archive;
  run.tags_current = [&archive](const brands::BrandDefinition& b) { return brands::TagsCurrent(archive, b); };
  return answer::GatedBrands(*impl_->archive, q.filter, exec, run, answer::PolicyFor(impl_->policy, caller));
}

}  // namespace roost

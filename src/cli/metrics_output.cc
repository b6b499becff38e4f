#include "cli/metrics_output.h"

#include <algorithm>

#include <fmt/format.h>

#include "answer/metric_choice.h"

namespace roost::cli {

using aggregate::MetricSet;

double ScoredShare(const Metrics& m) {
  return m.tweets ? std::min(1.0, static_cast<double>(m.scored) / static_cast<double>(m.tweets)) : 0.0;
}

std::vector<std::string> MetricHeaders(const MetricSet& set) {
  std::vector<std::string> h{"tweets"};
  if (set.authors) h.insert(h.end(), {"unique_authors", "reach"});
  if (set.kinds) h.insert(h.end(), {"retweets", "replies", "quotes"});
  if (set.engagement) h.push_back("engagement");
  if (set.sentiment) {
    h.insert(h.end(), {"scored_share", "sentiment_mean", "positive", "neutral", "negative", "net_sentiment"});
  }
  return h;
}

std::vector<std::string> MetricCells(const Metrics& m, const MetricSet& set) {
  if (m.redacted) return std::vector<std::string>(MetricHeaders(set).size(), kRedacted);
  auto n = [](uint64_t v) { return std::to_string(v); };
  auto x = [](double v) { return fmt::format("{:.3f}", v); };
  std::vector<std::string> c{n(m.tweets)};
  if (set.authors) c.insert(c.end(), {n(m.unique_authors), n(m.reach)});
  if (set.kinds) c.insert(c.end(), {n(m.retweets), n(m.replies), n(m.quotes)});
  if (set.engagement) c.push_back(n(m.engagement));
  if (set.sentiment) {
    // With no scored tweet there is no mean: "-", never a neutral-looking 0.
    auto mean = [&](double v) { return m.scored ? x(v) : std::string("-"); };
    c.insert(c.end(), {m.tweets ? x(ScoredShare(m)) : std::string("-"), mean(m.sentiment_mean), n(m.positive),
                       n(m.neutral), n(m.negative), mean(m.net_sentiment)});
  }
  return c;
}

void WriteMetricsJson(JsonWriter* w, const Metrics& m, const MetricSet& set) {
  w->Key("tweets").Uint(m.tweets);
  if (set.authors) w->Key("unique_authors").Uint(m.unique_authors).Key("reach").Uint(m.reach);
  if (set.kinds) w->Key("retweets").Uint(m.retweets).Key("replies").Uint(m.replies).Key("quotes").Uint(m.quotes);
  if (set.engagement) w->Key("engagement").Uint(m.engagement);
  if (set.sentiment) {
    w->Key("scored").Uint(m.scored).Key("scored_share").Double(ScoredShare(m));
    auto mean = [&](const char* key, double v) {
      w->Key(key);
      if (m.scored) w->Double(v); else w->Null();
    };
    mean("sentiment_mean", m.sentiment_mean);
    w->Key("positive").Uint(m.positive).Key("neutral").Uint(m.neutral).Key("negative").Uint(m.negative);
    mean("net_sentiment", m.net_sentiment);
  }
}

void WritePrivacyJson(JsonWriter* w, const privacy::PrivacyPolicy& p) {
  w->Key("privacy").BeginObject().Key("enabled").Bool(p.enabled);
  if (p.enabled) {
    w->Key("min_answer_authors").Uint(p.min_answer_authors).Key("min_group_authors").Uint(p.min_group_authors);
    w->Key("count_quantum").Uint(p.count_quantum).Key("origin").String(p.origin);
  }
  w->EndObject();
}

void WriteTimingJson(JsonWriter* w, const std::vector<double>& runs_ms) {
  w->Key("elapsed_ms").Double(runs_ms.empty() ? 0.0 : runs_ms.front());
  if (runs_ms.size() < 2) return;
  w->Key("runs_ms").BeginArray();
  for (double r : runs_ms) w->Double(r);
  w->EndArray();
}

void PrintWithheldAnswer(const privacy::PrivacyPolicy& policy, bool json) {
  if (!json) {
    fmt::print("redacted: {}\n", WithheldReason(policy));
    return;
  }
  JsonWriter w;
  w.BeginObject();
  WritePrivacyJson(&w, policy);
  w.Key("redacted").Bool(true).Key("reason").String(WithheldReason(policy)).EndObject();
  fmt::print("{}\n", w.str());
}

Result<MetricSet> ParseMetricSet(const std::string& list) {
  ROOST_ASSIGN_OR_RETURN(const MetricChoice c, answer::ParseMetricChoice(list));
  return MetricSet{c.authors, c.kinds, c.engagement, c.sentiment};
}

}  // namespace roost::cli

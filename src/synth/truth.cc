#include "synth/truth.h"

#include "synth/json_out.h"
#include "synth/output_file.h"

namespace roost::synth {

namespace {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

void StrList(JsonOut& j, const std::vector<std::string>& v) {
  j.Char('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) j.Char(',');
    j.Str(v[i]);
  }
  j.Char(']');
}

void IdList(JsonOut& j, const std::vector<DayStats>& days, std::vector<uint64_t> DayStats::*field) {
  j.Char('[');
  bool first = true;
  for (const auto& d : days) {
    for (uint64_t id : d.*field) {
      if (!first) j.Char(',');
      first = false;
      j.U64Str(id);
    }
  }
  j.Char(']');
}

double Share(int64_t part, int64_t whole) { return whole > 0 ? static_cast<double>(part) / whole : 0.0; }

}  // namespace

std::string NewsCsv(const World& w) {
  std::string out = "time,headline,url,keywords\n";
  for (const auto& e : w.events) {
    std::string kw;
    for (size_t i = 0; i < e.keywords.size(); ++i) kw += (i ? ";" : "") + e.keywords[i];
    out += FormatIsoTime(e.time_ms) + "," + CsvField(e.headline) + "," + CsvField(e.url) + "," +
           CsvField(kw) + "\n";
  }
  return out;
}

std::string TruthJson(const World& w, const std::vector<DayStats>& days) {
  const SynthOptions& o = w.options;
  DayStats t;  // totals
  t.brand_tweets.assign(w.brands.size(), 0);
  t.brand_positive.assign(w.brands.size(), 0);
  t.brand_negative.assign(w.brands.size(), 0);
  t.brand_event_tweets.assign(w.brands.size(), 0);
  t.event_tweets.assign(w.events.size(), 0);
  t.event_url_tweets.assign(w.events.size(), 0);
  t.trend_tweets.assign(w.trends.size(), 0);
  t.slow_topic_tweets.assign(w.slow_topics.size(), 0);
  for (const auto& d : days) {
    t.lines += d.lines;
    t.tweets += d.tweets;
    t.public_tweets += d.public_tweets;
    t.non_public_tweets += d.non_public_tweets;
    t.retweets += d.retweets;
    t.replies += d.replies;
    t.quotes += d.quotes;
    t.extended += d.extended;
    t.with_coordinates += d.with_coordinates;
    t.with_place += d.with_place;
    t.with_urls += d.with_urls;
    t.with_hashtags += d.with_hashtags;
    t.with_mentions += d.with_mentions;
    t.with_cashtags += d.with_cashtags;
    t.compliance += d.compliance;
    t.deletes += d.deletes;
    t.deletes_before_tweet += d.deletes_before_tweet;
    t.bytes += d.bytes;
    t.bytes_compressed += d.bytes_compressed;
    for (int k = 0; k < kNoiseKinds; ++k) t.malformed[k] += d.malformed[k];
    for (int l = 0; l < kLangCount; ++l) t.lang[l] += d.lang[l];
    for (size_t i = 0; i < w.brands.size(); ++i) {
      t.brand_tweets[i] += d.brand_tweets[i];
      t.brand_positive[i] += d.brand_positive[i];
      t.brand_negative[i] += d.brand_negative[i];
      t.brand_event_tweets[i] += d.brand_event_tweets[i];
    }
    for (size_t i = 0; i < w.events.size(); ++i) {
      t.event_tweets[i] += d.event_tweets[i];
      t.event_url_tweets[i] += d.event_url_tweets[i];
    }
    for (size_t i = 0; i < w.trends.size(); ++i) t.trend_tweets[i] += d.trend_tweets[i];
    for (size_t i = 0; i < w.slow_topics.size(); ++i) t.slow_topic_tweets[i] += d.slow_topic_tweets[i];
    t.scrub_geo.insert(t.scrub_geo.end(), d.scrub_geo.begin(), d.scrub_geo.end());
    t.user_protect.insert(t.user_protect.end(), d.user_protect.begin(), d.user_protect.end());
  }
  int64_t brand_total = 0, brand_baseline_total = 0;
  for (size_t i = 0; i < w.brands.size(); ++i) {
    brand_total += t.brand_tweets[i];
    brand_baseline_total += t.brand_tweets[i] - t.brand_event_tweets[i];
  }

  std::string out;
  JsonOut j(&out);
  j.Raw("{\n\"generator\":\"roost synth\",\"schema_version\":1");
  j.Raw(",\n\"options\":{\"seed\":").U64(o.seed).Raw(",\"start\":").Str(FormatIsoTime(w.start_ms));
  j.Raw(",\"end\":").Str(FormatIsoTime(w.DayStart(o.days))).Raw(",\"days\":").I64(o.days);
  j.Raw(",\"tweets_per_day\":").I64(o.tweets_per_day);
  j.Raw(",\"format\":\"").Raw(o.format == OutputFormat::kV2 ? "v2" : "v1").Raw("\",\"compression\":");
  j.Str(o.compression == Compression::kZstd ? "zstd" : o.compression == Compression::kGzip ? "gzip" : "none");
  j.Raw(",\"malformed_rate\":").Fixed(o.malformed_rate, 6).Raw(",\"users\":").I64(static_cast<int64_t>(w.users.size()));
  j.Raw("}");

  j.Raw(",\n\"counts\":{\"lines\":").I64(t.lines);
  j.Raw(",\"records\":").I64(t.tweets + t.compliance + t.malformed_total()).Raw(",\"tweets\":").I64(t.tweets);
  j.Raw(",\"public_tweets\":").I64(t.public_tweets).Raw(",\"non_public_tweets\":").I64(t.non_public_tweets);
  j.Raw(",\"retweets\":").I64(t.retweets).Raw(",\"replies\":").I64(t.replies);
  j.Raw(",\"quotes\":").I64(t.quotes).Raw(",\"extended\":").I64(t.extended);
  j.Raw(",\"with_coordinates\":").I64(t.with_coordinates).Raw(",\"with_place\":").I64(t.with_place);
  j.Raw(",\"with_urls\":").I64(t.with_urls).Raw(",\"with_hashtags\":").I64(t.with_hashtags);
  j.Raw(",\"with_mentions\":").I64(t.with_mentions).Raw(",\"with_cashtags\":").I64(t.with_cashtags);
  j.Raw(",\"compliance\":").I64(t.compliance).Raw(",\"deletes\":").I64(t.deletes);
  j.Raw(",\"deletes_before_tweet\":").I64(t.deletes_before_tweet);
  j.Raw(",\"scrub_geo\":").I64(static_cast<int64_t>(t.scrub_geo.size()));
  j.Raw(",\"user_protect\":").I64(static_cast<int64_t>(t.user_protect.size()));
  j.Raw(",\"malformed\":").I64(t.malformed_total());
  j.Raw(",\"bytes\":").U64(t.bytes).Raw(",\"bytes_compressed\":").U64(t.bytes_compressed).Raw("}");

  j.Raw(",\n\"malformed\":{\"total\":").I64(t.malformed_total());
  for (int k = 0; k < kNoiseKinds; ++k) j.Raw(",\"").Raw(NoiseKindName(k)).Raw("\":").I64(t.malformed[k]);
  j.Raw("}");

  j.Raw(",\n\"languages\":{");
  for (int l = 0; l < kLangCount; ++l) {
    if (l) j.Char(',');
    j.Char('"').Raw(Vocabulary(l).code).Raw("\":{\"tweets\":").I64(t.lang[l]);
    j.Raw(",\"share\":").Fixed(Share(t.lang[l], t.public_tweets), 6).Char('}');
  }
  j.Raw("}");

  j.Raw(",\n\"brands\":[");
  for (size_t i = 0; i < w.brands.size(); ++i) {
    const Brand& b = w.brands[i];
    j.Raw(i ? ",\n " : "\n ").Raw("{\"name\":").Str(b.name).Raw(",\"handle\":").Str(b.handle);
    j.Raw(",\"aliases\":");
    StrList(j, b.aliases);
    j.Raw(",\"match_terms\":");
    StrList(j, BrandMatchTerms(b));
    j.Raw(",\"target_share\":").Fixed(b.share_of_voice, 6);
    j.Raw(",\"tweets\":").I64(t.brand_tweets[i]).Raw(",\"share\":").Fixed(Share(t.brand_tweets[i], brand_total), 6);
    int64_t baseline = t.brand_tweets[i] - t.brand_event_tweets[i];
    j.Raw(",\"event_tweets\":").I64(t.brand_event_tweets[i]);
    j.Raw(",\"baseline_share\":").Fixed(Share(baseline, brand_baseline_total), 6);
    j.Raw(",\"baseline_sentiment\":").Fixed(b.sentiment, 3);
    j.Raw(",\"positive_tweets\":").I64(t.brand_positive[i]).Raw(",\"negative_tweets\":").I64(t.brand_negative[i]);
    j.Raw(",\"competitors\":");
    StrList(j, b.competitors);
    j.Char('}');
  }
  j.Raw("]");

  j.Raw(",\n\"events\":[");
  for (size_t i = 0; i < w.events.size(); ++i) {
    const NewsEvent& e = w.events[i];
    j.Raw(i ? ",\n " : "\n ").Raw("{\"id\":").I64(static_cast<int64_t>(i)).Raw(",\"time\":").Str(FormatIsoTime(e.time_ms));
    j.Raw(",\"headline\":").Str(e.headline).Raw(",\"url\":").Str(e.url);
    j.Raw(",\"hashtag\":").Str(e.hashtag).Raw(",\"keywords\":");
    StrList(j, e.keywords);
    std::vector<std::string> names;
    for (int b : e.brands) names.push_back(w.brands[b].name);
    j.Raw(",\"brands\":");
    StrList(j, names);
    j.Raw(",\"sentiment_shift\":").Fixed(e.sentiment_shift, 3).Raw(",\"decay_hours\":").Fixed(e.decay_hours, 3);
    j.Raw(",\"ramp_minutes\":").Fixed(e.ramp_minutes, 2);
    j.Raw(",\"expected_tweets\":").I64(static_cast<int64_t>(e.expected_tweets));
    j.Raw(",\"tweets\":").I64(t.event_tweets[i]).Raw(",\"news_url_tweets\":").I64(t.event_url_tweets[i]);
    j.Char('}');
  }
  j.Raw("]");

  j.Raw(",\n\"trends\":[");
  for (size_t i = 0; i < w.trends.size(); ++i) {
    const Trend& tr = w.trends[i];
    j.Raw(i ? ",\n " : "\n ").Raw("{\"hashtag\":").Str(tr.hashtag).Raw(",\"lang\":\"").Raw(Vocabulary(tr.lang).code);
    j.Raw("\",\"start\":").Str(FormatIsoTime(tr.start_ms)).Raw(",\"peak\":").Str(FormatIsoTime(tr.peak_ms));
    j.Raw(",\"end\":").Str(FormatIsoTime(tr.end_ms)).Raw(",\"terms\":");
    StrList(j, tr.terms);
    j.Raw(",\"tweets\":").I64(t.trend_tweets[i]).Char('}');
  }
  j.Raw("]");

  j.Raw(",\n\"slow_topics\":[");
  for (size_t i = 0; i < w.slow_topics.size(); ++i) {
    const SlowTopic& s = w.slow_topics[i];
    j.Raw(i ? "," : "").Raw("{\"hashtag\":").Str(s.hashtag).Raw(",\"lang\":\"").Raw(Vocabulary(s.lang).code);
    j.Raw("\",\"tweets\":").I64(t.slow_topic_tweets[i]).Char('}');
  }
  j.Raw("]");

  j.Raw(",\n\"days\":[");
  for (size_t i = 0; i < days.size(); ++i) {
    const DayStats& d = days[i];
    j.Raw(i ? ",\n " : "\n ").Raw("{\"date\":").Str(d.date).Raw(",\"file\":").Str(d.file);
    j.Raw(",\"lines\":").I64(d.lines).Raw(",\"tweets\":").I64(d.tweets);
    j.Raw(",\"public_tweets\":").I64(d.public_tweets).Raw(",\"compliance\":").I64(d.compliance);
    j.Raw(",\"malformed\":").I64(d.malformed_total()).Raw(",\"hourly_public_tweets\":[");
    for (size_t h = 0; h < d.hourly_tweets.size(); ++h) {
      if (h) j.Char(',');
      j.I64(d.hourly_tweets[h]);
    }
    j.Raw("]}");
  }
  j.Raw("]");

  j.Raw(",\n\"protected_users\":[");
  bool first = true;
  for (const auto& u : w.users) {
    if (u.protected_from_ms == kNever) continue;
    j.Raw(first ? "" : ",").Raw("{\"user_id\":").U64Str(u.id).Raw(",\"from\":");
    first = false;
    if (u.protected_from_ms < w.start_ms)
      j.Raw("null");
    else
      j.Str(FormatIsoTime(u.protected_from_ms));
    j.Char('}');
  }
  j.Raw("]");
  j.Raw(",\n\"scrub_geo\":[");
  for (size_t i = 0; i < t.scrub_geo.size(); ++i) {
    const auto& s = t.scrub_geo[i];
    j.Raw(i ? "," : "").Raw("{\"user_id\":").U64Str(s.user_id).Raw(",\"up_to_status_id\":").U64Str(s.up_to_status_id);
    j.Raw(",\"time\":").Str(FormatIsoTime(s.time_ms)).Char('}');
  }
  j.Raw("]");
  j.Raw(",\n\"non_public_tweet_ids\":");
  IdList(j, days, &DayStats::non_public_ids);
  j.Raw(",\n\"deleted_before_tweet_ids\":");
  IdList(j, days, &DayStats::deleted_before_ids);
  j.Raw(",\n\"deleted_tweet_ids\":");
  IdList(j, days, &DayStats::deleted_ids);
  j.Raw("\n}\n");
  return out;
}

}  // namespace roost::synth

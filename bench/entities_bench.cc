// Entity extraction over real tweet texts: how many tweets per second one
// core extracts hashtags, mentions, URLs and cashtags from. Before timing it
// checks its answer against the entities Twitter itself attached to the same
// tweets (simdjson's twitter.json sample), when that file is present.
//
//   build-*/bench/entities_bench [path/to/twitter.json]
#include <simdjson.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "enrich/entities/entity_extractor.h"

namespace {

using roost::enrich::Entity;
using roost::enrich::EntityExtractor;

// Built-in tweets for machines without the shared data.
const char* const kSamples[] = {
    "RT @nytimes: Breaking: Senate passes the bill https://t.co/AbCdEf1234 #politics",
    "Just landed in Tokyo! 東京タワー見えた #travel #東京 @jal_official",
    "$AAPL up 3% after earnings, $GOOG flat. Thoughts? bit.ly/3xYz",
    "Vive les vacances ! #été #plage avec @marie_l à Nice 😎☀️",
    "عاجل: #مصر تتأهل إلى نهائي كأس العالم @AlJazeera https://aljazeera.net/news",
    "I can't believe it's already Friday lol",
    "@support my order #12345 never arrived, see www.example.com/orders?id=42",
    "今日はいい天気ですね。散歩に行こうかな。",
    "Check out my new blog post: http://myblog.wordpress.com/2012/03/01/hello-world/ #blogging",
    "Wow 😂😂😂 this is hilarious",
};

struct Key {
  int type;
  std::string text;
  int start, end;
  bool operator<(const Key& o) const {
    return std::tie(start, end, type, text) < std::tie(o.start, o.end, o.type, o.text);
  }
};

// Texts and Twitter's own (type, text, indices) for each tweet.
bool LoadTwitterJson(const std::string& path, std::vector<std::string>* texts,
                     std::vector<std::set<Key>>* expected) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(path).get(doc)) return false;
  simdjson::dom::array statuses;
  if (doc["statuses"].get_array().get(statuses)) return false;
  for (auto status : statuses) {
    std::string_view text;
    if (status["text"].get_string().get(text)) continue;
    texts->emplace_back(text);
    std::set<Key> keys;
    auto add = [&](const char* field, const char* name_field, int type) {
      simdjson::dom::array list;
      if (status["entities"][field].get_array().get(list)) return;
      for (auto item : list) {
        std::string_view value;
        if (item[name_field].get_string().get(value)) continue;
        simdjson::dom::array indices;
        if (item["indices"].get_array().get(indices)) continue;
        int64_t s = 0, e = 0;
        if (indices.at(0).get_int64().get(s) || indices.at(1).get_int64().get(e)) continue;
        keys.insert(Key{type, std::string(value), static_cast<int>(s), static_cast<int>(e)});
      }
    };
    add("hashtags", "text", Entity::kHashtag);
    add("user_mentions", "screen_name", Entity::kMention);
    add("urls", "url", Entity::kUrl);
    add("media", "url", Entity::kUrl);  // photo links are URLs in the text too
    expected->push_back(std::move(keys));
  }
  return !texts->empty();
}

// Times each extraction step over `texts` for half a second of CPU.
void TimeCorpus(const EntityExtractor& extractor, const char* label,
                const std::vector<std::string>& texts) {
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  std::vector<Entity> out;
  // Rates use this thread's CPU time: the machine is shared, and wall time
  // measures the other processes as much as this code. Wall time is shown too.
  auto cpu_seconds = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  auto time_it = [&](const char* name, auto&& fn) {
    size_t entities = 0;
    int64_t tweets = 0;
    auto wall_start = std::chrono::steady_clock::now();
    double cpu_start = cpu_seconds();
    double seconds = 0;
    do {
      for (const auto& t : texts) entities += fn(t);
      tweets += static_cast<int64_t>(texts.size());
      seconds = cpu_seconds() - cpu_start;
    } while (seconds < 0.5);
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    std::printf(
        "%-22s %9.0f tweets/s  %6.0f ns/tweet  %6.1f MB/s  (cpu %.2f s, wall %.2f s; %zu "
        "entities)\n",
        name, tweets / seconds, seconds * 1e9 / tweets,
        bytes * (tweets / texts.size()) / seconds / 1e6, seconds, wall,
        entities / (tweets / texts.size()));
  };
  std::printf("%s: %zu tweets, %.0f bytes on average\n", label, texts.size(),
              static_cast<double>(bytes) / texts.size());
  time_it("Extract", [&](const std::string& t) {
    extractor.Extract(t, &out);
    return out.size();
  });
  time_it("Extract + domains", [&](const std::string& t) {
    extractor.Extract(t, &out);
    size_t n = 0;
    for (const Entity& e : out) {
      if (e.type == Entity::kUrl) n += roost::enrich::NormalizeDomain(e.text).size() > 0;
    }
    return out.size() + n;
  });
  time_it("ReplyScreenName", [&](const std::string& t) {
    return extractor.ReplyScreenName(t).empty() ? size_t{0} : size_t{1};
  });
  time_it("WeightedLength (v3)", [&](const std::string& t) {
    return static_cast<size_t>(extractor.WeightedLength(t) > 0);
  });
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : "/work/shared/data/simdjson/jsonexamples/twitter.json";
  std::vector<std::string> texts;
  std::vector<std::set<Key>> expected;
  EntityExtractor extractor;
  if (LoadTwitterJson(path, &texts, &expected)) {
    // Reference check: our entities against the ones Twitter attached.
    int agree = 0, total = 0, extra = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
      std::set<Key> got;
      for (const Entity& e : extractor.Extract(texts[i])) {
        if (e.type == Entity::kCashtag || e.type == Entity::kList) continue;
        got.insert(Key{e.type, e.text, e.start, e.end});
      }
      for (const Key& k : expected[i]) {
        ++total;
        if (got.count(k)) {
          ++agree;
        } else {
          std::printf("  missed: tweet %zu %s [%d,%d]\n", i, k.text.c_str(), k.start, k.end);
        }
      }
      for (const Key& k : got) {
        if (!expected[i].count(k)) {
          ++extra;
          std::printf("  extra:  tweet %zu %s [%d,%d]\n", i, k.text.c_str(), k.start, k.end);
        }
      }
    }
    std::printf("reference check (%s): %d/%d of Twitter's entities found, %d extra\n", path.c_str(),
                agree, total, extra);
    if (total == 0 || agree * 100 < total * 95) {
      std::fprintf(stderr, "entities_bench: agreement with Twitter's entities below 95%%\n");
      return 1;
    }
  } else {
    std::printf("(%s absent: built-in samples only)\n", path.c_str());
    for (const char* s : kSamples) texts.emplace_back(s);
  }

  std::vector<std::string> samples(std::begin(kSamples), std::end(kSamples));
  TimeCorpus(extractor, "twitter.json statuses (mostly Japanese)", texts);
  TimeCorpus(extractor, "built-in samples (mixed languages)", samples);
  return 0;
}

// parse_bench: how fast Roost turns v1.1 JSON lines into validated Tweets,
// next to a bare simdjson On-Demand loop that only pulls the same fields
// out as string views (the practical ceiling for this step).
//
//   parse_bench [FILE.jsonl] [--seconds S]
// Without FILE it builds realistic lines from ../shared/data's twitter.json
// (100 real statuses, repeated with fresh ids to 20,000 lines).
// One core, timed in thread CPU time (best of several runs); the input is in
// memory, so disk and decompression do not count.
#include <simdjson.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parse/document_parser.h"
#include "parse/json_values.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Minified statuses of twitter.json, ids renumbered so they stay unique.
std::string BuildLines(const std::string& twitter_json, size_t lines) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(twitter_json);
  std::vector<std::string> statuses;
  for (simdjson::dom::element s : doc["statuses"]) statuses.push_back(simdjson::minify(s));
  std::string out;
  for (size_t i = 0; i < lines; ++i) {
    std::string line = statuses[i % statuses.size()];
    // Give every copy a distinct id_str (same length keeps the line size).
    size_t p = line.find("\"id_str\":\"");
    if (p != std::string::npos) {
      std::string id = std::to_string(500000000000000000ull + i);
      line.replace(p + 10, id.size(), id);
    }
    out += line;
    out += '\n';
  }
  return out;
}

struct Line {
  const char* data;
  size_t length;
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (!nl) nl = end;
    if (nl > p) lines.push_back({p, static_cast<size_t>(nl - p)});
    p = nl + 1;
  }
  return lines;
}

// The ceiling: a bare On-Demand walk over the same fields Roost reads
// (top level, user, entities, place, coordinates, embedded retweet/quote),
// keeping only string views and numbers: no copies, no checks, no Tweet.
namespace od = simdjson::ondemand;
using namespace std::string_view_literals;

struct BareCounts {
  uint64_t tweets = 0;
  uint64_t bytes = 0;  // sum of viewed string sizes, so nothing is optimised away
};


void BareEntities(od::object o, BareCounts* c) {
  for (auto f : o) {
    std::string_view k = roost::json::KeyOf(f);
    if (k != "hashtags"sv && k != "user_mentions"sv && k != "urls"sv && k != "symbols"sv) continue;
    for (auto item : f.value().get_array()) {
      for (auto g : item.get_object()) {
        std::string_view gk = roost::json::KeyOf(g);
        if (gk == "text"sv || gk == "screen_name"sv || gk == "url"sv || gk == "expanded_url"sv ||
            gk == "id_str"sv) {
          c->bytes += std::string_view(g.value().get_string()).size();
        }
      }
    }
  }
}

void BareUser(od::object o, BareCounts* c) {
  for (auto f : o) {
    std::string_view k = roost::json::KeyOf(f);
    od::value v = f.value();
    if (k == "id_str"sv || k == "screen_name"sv || k == "name"sv || k == "description"sv ||
        k == "location"sv || k == "created_at"sv) {
      if (!v.is_null()) c->bytes += std::string_view(v.get_string()).size();
    } else if (k == "followers_count"sv || k == "friends_count"sv || k == "statuses_count"sv) {
      c->bytes += uint64_t(v.get_uint64()) & 1;
    } else if (k == "verified"sv || k == "protected"sv) {
      c->bytes += bool(v.get_bool());
    }
  }
}

void BareStatus(od::object o, BareCounts* c, int depth) {
  for (auto f : o) {
    std::string_view k = roost::json::KeyOf(f);
    od::value v = f.value();
    if (k == "id_str"sv || k == "created_at"sv || k == "text"sv || k == "lang"sv ||
        k == "source"sv || k == "in_reply_to_status_id_str"sv || k == "in_reply_to_user_id_str"sv ||
        k == "in_reply_to_screen_name"sv) {
      if (!v.is_null()) c->bytes += std::string_view(v.get_string()).size();
    } else if (k == "retweet_count"sv || k == "favorite_count"sv) {
      c->bytes += uint64_t(v.get_uint64()) & 1;
    } else if (k == "user"sv) {
      BareUser(v.get_object(), c);
    } else if (k == "entities"sv) {
      BareEntities(v.get_object(), c);
    } else if ((k == "retweeted_status"sv || k == "quoted_status"sv) && depth == 0) {
      BareStatus(v.get_object(), c, 1);
    } else if (k == "place"sv && !v.is_null()) {
      for (auto p : v.get_object()) {
        std::string_view pk = roost::json::KeyOf(p);
        if (pk == "full_name"sv || pk == "country_code"sv || pk == "id"sv) {
          c->bytes += std::string_view(p.value().get_string()).size();
        } else if (pk == "bounding_box"sv) {
          c->bytes += std::string_view(p.value().raw_json_token()).size();
        }
      }
    } else if (k == "coordinates"sv && !v.is_null()) {
      c->bytes += std::string_view(v.raw_json_token()).size();
    }
  }
  if (depth == 0) ++c->tweets;
}

BareCounts BareExtract(const std::vector<Line>& lines) {
  od::parser parser;
  BareCounts c;
  for (const Line& l : lines) {
    od::document doc = parser.iterate(l.data, l.length, l.length + simdjson::SIMDJSON_PADDING);
    BareStatus(doc.get_object(), &c, 0);
  }
  return c;
}

uint64_t RoostParse(const std::vector<Line>& lines) {
  roost::DocumentParser parser;
  std::vector<roost::ParsedRecord> records;
  uint64_t tweets = 0;
  for (const Line& l : lines) {
    records.clear();
    parser.Parse(l.data, l.length, &records);
    for (const auto& r : records) tweets += r.kind == roost::ParsedRecord::Kind::kTweet;
  }
  return tweets;
}

// CPU time of this thread: a busy machine (other builds, other tests)
// slows wall time far more than it slows the CPU time of one thread.
double ThreadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

template <typename F>
double BestSeconds(F&& f, double budget) {
  double best = 1e9;
  auto start = Clock::now();
  do {
    double t0 = ThreadSeconds();
    f();
    best = std::min(best, ThreadSeconds() - t0);
  } while (std::chrono::duration<double>(Clock::now() - start).count() < budget);
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::string file;
  double budget = 3;
  bool profile_roost = false;  // --profile: run only Roost's loop (for perf record)
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) budget = std::atof(argv[++i]);
    else if (std::strcmp(argv[i], "--profile") == 0) profile_roost = true;
    else file = argv[i];
  }
  std::string text;
  if (!file.empty()) {
    text = ReadFile(file);
  } else {
    const char* shared = std::getenv("ROOST_SHARED_DATA");
    std::string path = std::string(shared ? shared : "../shared/data") + "/simdjson/jsonexamples/twitter.json";
    std::string tw = ReadFile(path);
    if (tw.empty()) {
      std::fprintf(stderr, "parse_bench: give a JSON-lines file, or run beside ../shared/data\n");
      return 2;
    }
    text = BuildLines(tw, 20000);
  }
  text.append(simdjson::SIMDJSON_PADDING, ' ');
  // Lines point into `text`, whose padding covers the last one.
  std::vector<Line> padded = SplitLines(std::string_view(text.data(), text.size() - simdjson::SIMDJSON_PADDING));
  double mb = (text.size() - simdjson::SIMDJSON_PADDING) / 1e6;

  // Check the answers agree before timing anything.
  BareCounts bare = BareExtract(padded);
  uint64_t roost_tweets = RoostParse(padded);
  if (bare.tweets != roost_tweets) {
    std::fprintf(stderr, "parse_bench: answers differ: bare loop %llu tweets, roost %llu\n",
                 (unsigned long long)bare.tweets, (unsigned long long)roost_tweets);
    return 1;
  }
  if (profile_roost) {
    BestSeconds([&] { RoostParse(padded); }, budget);
    return 0;
  }
  // Alternate the two loops so a busy machine hurts both alike.
  double t_bare = 1e9, t_roost = 1e9;
  for (int round = 0; round < 3; ++round) {
    t_bare = std::min(t_bare, BestSeconds([&] { BareExtract(padded); }, budget / 3));
    t_roost = std::min(t_roost, BestSeconds([&] { RoostParse(padded); }, budget / 3));
  }
  double n = static_cast<double>(padded.size());
  std::printf("input: %zu lines, %.1f MB (%.0f bytes/line), %s\n", padded.size(), mb, mb * 1e6 / n,
              SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION));
  std::printf("bare simdjson field extraction: %10.0f tweets/s  %7.1f MB/s  (ceiling)\n", n / t_bare, mb / t_bare);
  std::printf("roost parse + validate:         %10.0f tweets/s  %7.1f MB/s  = %.0f%% of ceiling\n",
              n / t_roost, mb / t_roost, 100.0 * t_bare / t_roost);
  return 0;
}

// storage_bench: how big the archive is and how fast it writes and answers.
//   storage_bench [N tweets = 1000000] [memory limit MiB = 1024] [dir] [keep|nokeep] [nojson]
//   storage_bench lookup DIR [HASHTAG [whole-dict]]   (first lookup after open; see LookupOnly)
//   storage_bench rebuild SEGMENT [copies = 2]   (the ingest's storage stages on real tweets; see Rebuild)
// Builds N synthetic enriched tweets in code (Zipf-distributed words,
// hashtags and users over one UTC day), renders each as v1.1-style JSON to
// measure the JSON and zstd -3 sizes the archive must beat, ingests them
// through the ArchiveIngestSink, then times Archive::Open and a one-hashtag
// lookup, checking its answer against the count kept while generating.
#include <zstd.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "storage/archive.h"
#include "storage/archive_ingest_sink.h"
#include "storage/segment_reader.h"

namespace {

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// Zipf(s=1.1) sampler over [0, n) by inverse CDF on a precomputed table.
class Zipf {
 public:
  explicit Zipf(size_t n) : cdf_(n) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) cdf_[i] = sum += 1.0 / std::pow(i + 1.0, 1.1);
    for (double& c : cdf_) c /= sum;
  }
  size_t operator()(std::mt19937_64& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin();
  }

 private:
  std::vector<double> cdf_;
};

std::string Word(size_t i) {
  static const char* kSyl[] = {"ka", "lo", "mi", "ne", "ro", "ta", "shi", "ve", "du", "pa", "zo", "gri"};
  std::string w;
  do {
    w += kSyl[i % 12];
    i /= 12;
  } while (i);
  return w;
}

void AppendJson(std::string* out, const roost::Tweet& t) {
  std::string tags, mentions;
  for (const auto& h : t.hashtags) tags += fmt::format("{}{{\"text\":\"{}\",\"indices\":[10,20]}}", tags.empty() ? "" : ",", h.text);
  for (const auto& m : t.mentions)
    mentions += fmt::format("{}{{\"screen_name\":\"{}\",\"name\":\"{}\",\"id\":{},\"id_str\":\"{}\",\"indices\":[0,9]}}",
                            mentions.empty() ? "" : ",", m.screen_name, m.screen_name, m.user_id, m.user_id);
  fmt::format_to(std::back_inserter(*out),
                 "{{\"created_at\":\"Thu Mar 01 12:00:00 +0000 2012\",\"id\":{},\"id_str\":\"{}\",\"text\":\"{}\","
                 "\"source\":\"<a href=\\\"http://twitter.com/download/iphone\\\" rel=\\\"nofollow\\\">{}</a>\","
                 "\"truncated\":false,\"in_reply_to_status_id\":null,\"in_reply_to_user_id\":null,"
                 "\"user\":{{\"id\":{},\"id_str\":\"{}\",\"name\":\"{}\",\"screen_name\":\"{}\",\"location\":\"{}\","
                 "\"description\":\"{}\",\"url\":null,\"protected\":false,\"followers_count\":{},\"friends_count\":{},"
                 "\"listed_count\":3,\"created_at\":\"Mon Jan 05 10:00:00 +0000 2009\",\"favourites_count\":12,"
                 "\"utc_offset\":3600,\"time_zone\":\"London\",\"geo_enabled\":false,\"verified\":false,"
                 "\"statuses_count\":{},\"lang\":\"en\",\"profile_background_color\":\"C0DEED\","
                 "\"profile_image_url\":\"http://a0.twimg.com/profile_images/{}/photo_normal.jpg\"}},"
                 "\"geo\":null,\"coordinates\":null,\"place\":null,\"retweet_count\":{},\"favorite_count\":{},"
                 "\"entities\":{{\"hashtags\":[{}],\"urls\":[],\"user_mentions\":[{}]}},\"favorited\":false,"
                 "\"retweeted\":false,\"filter_level\":\"medium\",\"lang\":\"{}\"}}\n",
                 t.id, t.id, t.text, t.source, t.user.id, t.user.id, t.user.name, t.user.screen_name, t.user.location,
                 t.user.description, t.user.followers, t.user.friends, t.user.statuses, t.user.id, t.retweet_count,
                 t.favorite_count, tags, mentions, t.lang);
}

}  // namespace

// storage_bench lookup DIR [HASHTAG [whole-dict]]: the first lookup of one hashtag in a
// fresh process over an existing archive (e.g. /work/data/archive10m with
// "monotour"). Times Archive::Open, the first index lookup over every
// segment (dictionary search + posting; only the pages read are
// checksummed), the first lookup with compliance applied (Archive::Lookup:
// builds each segment's deleted/hidden-row mask), then a repeat. Checks the
// index answer against a full decode of the column's per-row ids.
// With `whole_dict`, the index lookup takes the path Lookup took before
// FindValue (Dictionary(): the whole dictionary block checksummed, then a
// plain binary search), for before/after figures.
int LookupOnly(const std::string& dir, std::string tag, bool whole_dict) {
  // "column:value" looks up another dimension ("terms:probe").
  std::string column = "hashtags";
  if (auto colon = tag.find(':'); colon != std::string::npos) {
    column = tag.substr(0, colon);
    tag = tag.substr(colon + 1);
  }
  auto o0 = Clock::now();
  auto archive = roost::storage::Archive::Open(dir);
  if (!archive.ok()) {
    fmt::print(stderr, "open: {}\n", archive.status().ToString());
    return 1;
  }
  const auto& a = **archive;
  auto o1 = Clock::now();
  uint64_t rows = 0;
  for (size_t s = 0; s < a.segment_count(); ++s) rows += a.entry(s).meta.rows;
  fmt::print("Archive::Open                 {:.2f} ms, {} segments, {} tweets\n", Seconds(o0, o1) * 1e3,
             a.segment_count(), rows);
  uint64_t index_rows = 0;
  auto t0 = Clock::now();
  for (size_t s = 0; s < a.segment_count(); ++s) {
    const auto* r = a.segment(s).value();
    if (whole_dict) {
      auto dict = r->Dictionary(column);
      if (!dict.ok()) return 1;
      if (auto id = dict->Find(tag)) index_rows += r->ValueBitmap(column, *id).value().Cardinality();
      continue;
    }
    auto b = r->Lookup(column, tag);
    if (!b.ok()) return 1;
    index_rows += b->Cardinality();
  }
  auto t1 = Clock::now();
  fmt::print("first index lookup #{:<10}{:.3f} ms, {} rows{}\n", tag, Seconds(t0, t1) * 1e3, index_rows,
             whole_dict ? " (whole dictionary checked)" : "");
  for (int round = 0; round < 2; ++round) {
    auto c0 = Clock::now();
    uint64_t visible = 0;
    for (size_t s = 0; s < a.segment_count(); ++s) {
      auto b = a.Lookup(s, column, tag);
      if (!b.ok()) return 1;
      visible += b->Cardinality();
    }
    fmt::print("{} with compliance     {:.3f} ms, {} visible rows\n", round == 0 ? "first " : "repeat", 
               Seconds(c0, Clock::now()) * 1e3, visible);
  }
  // Reference: rows whose decoded hashtag list holds the tag's id.
  uint64_t expected = 0;
  for (size_t s = 0; s < a.segment_count(); ++s) {
    const auto* r = a.segment(s).value();
    auto dict = r->Dictionary(column);
    auto lists = r->ReadDimIdLists(column);
    if (!dict.ok() || !lists.ok()) return 1;
    auto id = dict->Find(tag);
    if (!id) continue;
    for (size_t row = 0; row + 1 < lists->start.size(); ++row)
      for (uint32_t k = lists->start[row]; k < lists->start[row + 1]; ++k)
        if (lists->ids[k] == *id) {
          ++expected;
          break;
        }
  }
  fmt::print("reference (full decode)       {} rows {}\n", expected, expected == index_rows ? "OK" : "MISMATCH");
  return expected == index_rows ? 0 : 1;
}

double ThreadCpu() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// The storage side of `roost ingest` alone, on the tweets of an existing
// segment: they go through the ArchiveIngestSink in batches of 10,000 (as
// the pipeline hands them over), `copies` times, each copy a day later with
// new ids, with the CLI's default memory limit (2 GiB), so buffers flush and
// segments build as in a real ingest. Every 10th pair of neighbours is
// swapped so the rows arrive slightly out of order, as a firehose's do.
// Prints the sink's own per-stage CPU and the thread CPU of AddTweets.
int Rebuild(const std::string& segment, int copies) {
  auto reader = roost::storage::SegmentReader::Open(segment);
  if (!reader.ok()) return 1;
  auto tweets = (*reader)->ReadAllTweets();
  if (!tweets.ok()) return 1;
  for (size_t i = 0; i + 1 < tweets->size(); i += 10) std::swap((*tweets)[i], (*tweets)[i + 1]);
  const std::string dir = (std::filesystem::temp_directory_path() / "roost-storage-rebuild").string();
  std::filesystem::remove_all(dir);
  roost::storage::ArchiveIngestOptions options;
  options.memory_limit_bytes = 2ull << 30;
  auto sink = roost::storage::OpenArchiveForIngest(dir, options);
  if (!sink.ok()) return 1;
  double add_cpu = 0;
  std::vector<roost::Tweet> batch;
  std::vector<bool> dup;
  for (int c = 0; c < copies; ++c)
    for (size_t i = 0; i < tweets->size(); i += 10000) {
      batch.assign(tweets->begin() + i, tweets->begin() + std::min(tweets->size(), i + 10000));
      for (auto& t : batch) {
        t.created_at += c * 86400000ll;
        t.id += static_cast<uint64_t>(c) * (86400000ull << 22);  // snowflake ids: time << 22
      }
      const double t0 = ThreadCpu();
      if (!(*sink)->AddTweets(&batch, &dup).ok()) return 1;
      add_cpu += ThreadCpu() - t0;
    }
  const double t0 = ThreadCpu();
  if (!(*sink)->Commit().ok()) return 1;
  const double commit_cpu = ThreadCpu() - t0;
  const size_t n = tweets->size() * copies;
  fmt::print("{} tweets ({} x {})\n", n, copies, tweets->size());
  fmt::print("  {:<16}{:6.2f} s CPU (AddTweets on the caller's thread)\n", "dedup+buffer", add_cpu);
  double storage = add_cpu;
  for (const auto& c : (*sink)->Costs()) {
    fmt::print("  {:<16}{:6.2f} s{}\n", c.name, c.seconds, c.name.find("wall") != std::string::npos ? " wall" : " CPU");
    if (c.name.find("wall") == std::string::npos) storage += c.seconds;
  }
  fmt::print("  {:<16}{:6.2f} s CPU (commit's own thread)\n", "commit", commit_cpu);
  fmt::print("  storage stages {:.2f} s CPU = {:.2f} us/tweet\n", storage, storage * 1e6 / n);
  uint64_t bytes = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir + "/segments")) bytes += f.file_size();
  fmt::print("  segments {:.1f} MiB, {:.1f} B/tweet\n", bytes / 1048576.0, double(bytes) / n);
  sink->reset();
  std::filesystem::remove_all(dir);
  return 0;
}

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "rebuild") return Rebuild(argv[2], argc > 3 ? std::stoi(argv[3]) : 2);
  if (argc > 2 && std::string(argv[1]) == "lookup") return LookupOnly(argv[2], argc > 3 ? argv[3] : Word(40), argc > 4 && std::string(argv[4]) == "whole-dict");
  const uint64_t n = argc > 1 ? std::stoull(argv[1]) : 1000000;
  const uint64_t mem_mib = argc > 2 ? std::stoull(argv[2]) : 1024;
  const std::string dir = argc > 3 ? argv[3] : (std::filesystem::temp_directory_path() / "roost-storage-bench").string();
  std::filesystem::remove_all(dir);

  // "nojson" skips the JSON size reference (for very large N).
  const bool with_json = !(argc > 5 && std::string(argv[5]) == "nojson");
  std::mt19937_64 rng(42);
  Zipf words(50000), tags(5000), users(200000);
  const char* kSources[] = {"Twitter for iPhone", "web", "Twitter for Android", "TweetDeck", "Tweetbot for iOS"};
  const char* kLangs[] = {"en", "en", "en", "es", "fr", "ja", "pt", "und"};
  const std::string probe_tag = Word(40);  // a mid-frequency hashtag
  uint64_t probe_expected = 0;

  roost::storage::ArchiveIngestOptions options;
  options.memory_limit_bytes = mem_mib << 20;
  auto sink = roost::storage::OpenArchiveForIngest(dir, options);
  if (!sink.ok()) {
    fmt::print(stderr, "open: {}\n", sink.status().ToString());
    return 1;
  }
  uint64_t json_bytes = 0, zstd_bytes = 0;
  std::string json;
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 3);
  std::string zbuf(ZSTD_CStreamOutSize(), '\0');
  double gen_s = 0, add_s = 0, add_cpu = 0;  // CPU time: the machine is shared
  const int64_t day0 = 1330560000000;
  std::vector<roost::Tweet> batch;
  std::vector<bool> dup;
  for (uint64_t i = 0; i < n;) {
    auto g0 = Clock::now();
    batch.clear();
    for (; i < n && batch.size() < 10000; ++i) {
      roost::Tweet t;
      t.created_at = day0 + static_cast<int64_t>(i * 86400000 / n);
      t.id = 175000000000000000ull + static_cast<uint64_t>(t.created_at - day0) * 4194304ull + (i % 4096);
      size_t u = users(rng);
      t.user.id = 10000000 + u * 7;
      t.user.screen_name = "u" + Word(u);
      t.user.name = "User " + Word(u);
      t.user.location = u % 3 ? "London" : "";
      t.user.description = u % 2 ? "I like " + Word(u % 500) + " and " + Word(u % 77) : "";
      t.user.followers = static_cast<int64_t>(u * 37 % 100000);
      t.user.friends = static_cast<int64_t>(u % 2000);
      t.user.statuses = static_cast<int64_t>(u * 11 % 50000);
      t.source = kSources[u % 5];
      t.lang = kLangs[rng() % 8];
      t.detected_lang = t.lang;
      t.lang_confidence = 0.9f;
      size_t len = 6 + rng() % 12;
      for (size_t k = 0; k < len; ++k) {
        std::string w = Word(words(rng));
        t.text += (k ? " " : "") + w;
        t.terms.push_back(w);
      }
      if (rng() % 3 == 0) {
        std::string tag = Word(tags(rng));
        t.text += " #" + tag;
        t.hashtags.push_back({tag});
        if (tag == probe_tag) ++probe_expected;
      }
      if (rng() % 4 == 0) {
        size_t m = users(rng);
        t.mentions.push_back({10000000 + m * 7, "u" + Word(m)});
        t.text = "@u" + Word(m) + " " + t.text;
      }
      if (rng() % 5 == 0) t.retweet_count = static_cast<int64_t>(rng() % 100);
      t.sentiment_scored = true;
      t.sentiment = static_cast<float>(static_cast<int>(rng() % 200) - 100) / 100.0f;
      if (with_json) AppendJson(&json, t);
      batch.push_back(std::move(t));
    }
    json_bytes += json.size();
    ZSTD_inBuffer in{json.data(), json.size(), 0};
    while (in.pos < in.size) {
      ZSTD_outBuffer out{zbuf.data(), zbuf.size(), 0};
      ZSTD_compressStream2(cctx, &out, &in, ZSTD_e_continue);
      zstd_bytes += out.pos;
    }
    json.clear();
    auto g1 = Clock::now();
    gen_s += Seconds(g0, g1);
    std::clock_t c1 = std::clock();
    if (!(*sink)->AddTweets(&batch, &dup).ok()) return 1;
    add_cpu += double(std::clock() - c1) / CLOCKS_PER_SEC;
    add_s += Seconds(g1, Clock::now());
  }
  for (size_t remaining = 1; remaining;) {
    ZSTD_inBuffer in{nullptr, 0, 0};
    ZSTD_outBuffer out{zbuf.data(), zbuf.size(), 0};
    remaining = ZSTD_compressStream2(cctx, &out, &in, ZSTD_e_end);
    zstd_bytes += out.pos;
  }
  ZSTD_freeCCtx(cctx);
  auto c0 = Clock::now();
  std::clock_t cc = std::clock();
  if (!(*sink)->Commit().ok()) return 1;
  sink->reset();
  const double write_s = add_s + Seconds(c0, Clock::now());
  const double write_cpu = add_cpu + double(std::clock() - cc) / CLOCKS_PER_SEC;

  auto o0 = Clock::now();
  auto archive = roost::storage::Archive::Open(dir);
  auto o1 = Clock::now();
  if (!archive.ok()) return 1;
  uint64_t found = 0;
  for (size_t s = 0; s < (*archive)->segment_count(); ++s) {
    auto b = (*archive)->Lookup(s, "hashtags", probe_tag);
    if (!b.ok()) return 1;
    found += b->Cardinality();
  }
  auto o2 = Clock::now();
  // A second, warm lookup of another value (pages already checked).
  uint64_t found2 = 0;
  for (size_t s = 0; s < (*archive)->segment_count(); ++s) found2 += (*archive)->Lookup(s, "terms", Word(100)).value().Cardinality();
  auto o3 = Clock::now();
  uint64_t bytes = 0;
  for (const auto& e : (*archive)->manifest().segments) bytes += e.bytes;

  fmt::print("tweets                 {}\n", n);
  fmt::print("segments               {}\n", (*archive)->segment_count());
  fmt::print("json (v1.1-style)      {:.1f} MiB, {:.0f} B/tweet\n", json_bytes / 1048576.0, double(json_bytes) / n);
  fmt::print("json zstd -3           {:.1f} MiB, {:.0f} B/tweet\n", zstd_bytes / 1048576.0, double(zstd_bytes) / n);
  fmt::print("archive                {:.1f} MiB, {:.1f} B/tweet ({:.1f}% of json, {:.0f}% of zstd -3)\n",
             bytes / 1048576.0, double(bytes) / n, 100.0 * bytes / json_bytes, 100.0 * bytes / zstd_bytes);
  fmt::print("generate               {:.2f} s\n", gen_s);
  fmt::print("write (sink + commit)  {:.2f} s wall, {:.2f} s CPU, {:.0f} tweets/CPU-s\n", write_s, write_cpu,
             n / write_cpu);
  fmt::print("Archive::Open          {:.2f} ms\n", Seconds(o0, o1) * 1e3);
  fmt::print("hashtag lookup (cold)  {:.3f} ms, {} rows (expected {}) {}\n", Seconds(o1, o2) * 1e3, found,
             probe_expected, found == probe_expected ? "OK" : "MISMATCH");
  fmt::print("term lookup (warm)     {:.3f} ms, {} rows\n", Seconds(o2, o3) * 1e3, found2);
  if (argc <= 4 || std::string(argv[4]) != "keep") std::filesystem::remove_all(dir);
  return found == probe_expected ? 0 : 1;
}

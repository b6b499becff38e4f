// Brand matching: 20 brands x 30 keywords (names, aliases, products; some
// two-word phrases) against the texts of a synthetic archive. Prints the
// Hyperscan matcher's speed (brands/brand_matcher.h: tokens as the term
// index holds them, all literals in one scan) beside a loop of
// std::string::find over the folded text, each keyword found as a whole
// word, and then ingest throughput with and without brand tagging.
// Before timing, the matcher's answer is checked against a plain search of
// each keyword's tokens in the tweet's tokens (the query language's rule).
//
//   build/release/bench/brand_match_bench [tweets_per_day=50000] [days=2]
#include <simdjson.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "brands/brand_matcher.h"
#include "brands/brand_query.h"
#include "brands/brand_set.h"
#include "brands/brand_tagger.h"
#include "enrich/enricher.h"
#include "ingest/ingest_pipeline.h"
#include "query/matcher.h"
#include "storage/archive_ingest_sink.h"
#include "synth/synth.h"

namespace {

namespace fs = std::filesystem;
using roost::brands::BrandMatcher;

constexpr int kBrands = 20, kKeywords = 30;

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::vector<std::string> ReadTexts(const fs::path& dir) {
  std::vector<std::string> texts;
  simdjson::dom::parser parser;
  for (const auto& f : fs::directory_iterator(dir)) {
    if (f.path().filename().string().rfind("tweets-", 0) != 0) continue;
    std::ifstream in(f.path());
    for (std::string line; std::getline(in, line);) {
      simdjson::dom::element doc;
      std::string_view text;
      if (parser.parse(line).get(doc) || doc["text"].get_string().get(text)) continue;
      texts.emplace_back(text);
    }
  }
  return texts;
}

// Keywords from the texts themselves, so matches happen at the rates real
// brand words have: words and adjacent pairs by frequency, skipping the
// commonest (function words), 600 in all, 30 per brand.
roost::brands::BrandSet MakeBrands(const std::vector<std::string>& texts) {
  std::unordered_map<std::string, uint64_t> words, pairs;
  std::vector<std::string> toks;
  for (size_t i = 0; i < texts.size(); i += 7) {
    roost::query::MatchTokens(texts[i], false, &toks);
    for (size_t k = 0; k < toks.size(); ++k) {
      const bool word = std::all_of(toks[k].begin(), toks[k].end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
      if (!word || toks[k].size() < 3) continue;
      ++words[toks[k]];
      if (k + 1 < toks.size() && std::all_of(toks[k + 1].begin(), toks[k + 1].end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
        ++pairs[toks[k] + " " + toks[k + 1]];
    }
  }
  auto by_count = [](const std::unordered_map<std::string, uint64_t>& m) {
    std::vector<std::pair<uint64_t, std::string>> v;
    for (const auto& [w, n] : m) v.emplace_back(n, w);
    std::sort(v.rbegin(), v.rend());
    return v;
  };
  const auto w = by_count(words), p = by_count(pairs);
  std::vector<std::string> keywords;
  for (size_t i = 100; i < w.size() && keywords.size() < 480; i += 2) keywords.push_back(w[i].second);
  for (size_t i = 200; i < p.size() && keywords.size() < kBrands * kKeywords; i += 3) keywords.push_back(p[i].second);
  roost::brands::BrandSet set;
  set.path = "bench";
  for (int b = 0; b < kBrands; ++b) {
    roost::brands::BrandDefinition d;
    d.name = keywords[static_cast<size_t>(b)];
    for (int k = 1; k < kKeywords; ++k)
      d.aliases.push_back(keywords[static_cast<size_t>(b + kBrands * k) % keywords.size()]);
    set.brands.push_back(std::move(d));
  }
  return set;
}

// The query language's rule for one keyword: its tokens, in a row, among
// the tweet's tokens.
bool HasPhrase(const std::vector<std::string>& toks, const std::vector<std::string>& ph) {
  return std::search(toks.begin(), toks.end(), ph.begin(), ph.end()) != toks.end();
}

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '_'; }

// The naive way: find each keyword in the folded text, whole words only.
bool FindWhole(const std::string& text, const std::string& kw) {
  for (size_t at = text.find(kw); at != std::string::npos; at = text.find(kw, at + 1)) {
    const bool left = at == 0 || !IsWordByte(text[at - 1]);
    const size_t end = at + kw.size();
    if (left && (end == text.size() || !IsWordByte(text[end]))) return true;
  }
  return false;
}

double IngestSeconds(const fs::path& data, const fs::path& archive, const roost::brands::BrandTagger* tagger,
                     uint64_t* records) {
  fs::remove_all(archive);
  auto enricher = roost::Enricher::Create({});
  if (!enricher.ok()) {
    std::fprintf(stderr, "enricher: %s\n", enricher.status().message().c_str());
    std::exit(1);
  }
  roost::storage::ArchiveIngestOptions ao;
  if (tagger) ao.brand_fingerprints = tagger->PerTweetFingerprints();
  auto sink = roost::storage::OpenArchiveForIngest(archive.string(), ao);
  roost::IngestOptions io;
  io.inputs = {data.string()};
  io.enrich = [&](roost::Tweet* t) {
    enricher->Enrich(t);
    if (tagger) tagger->TagTweet(t);
  };
  const auto start = std::chrono::steady_clock::now();
  auto report = roost::RunIngest(io, sink->get());
  sink->reset();
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!report.ok()) {
    std::fprintf(stderr, "ingest: %s\n", report.status().message().c_str());
    std::exit(1);
  }
  *records = report->counts.read;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t per_day = argc > 1 ? std::atoll(argv[1]) : 50000;
  const int days = argc > 2 ? std::atoi(argv[2]) : 2;
  const fs::path dir = fs::temp_directory_path() / ("brand_match_bench_" + std::to_string(::getpid()));
  roost::synth::SynthOptions so;
  so.out_dir = (dir / "syn").string();
  so.tweets_per_day = per_day;
  so.days = days;
  so.compression = roost::synth::Compression::kNone;
  if (auto s = roost::synth::RunSynth(so); !s.ok()) {
    std::fprintf(stderr, "synth: %s\n", s.status().message().c_str());
    return 1;
  }
  const std::vector<std::string> texts = ReadTexts(dir / "syn");
  uint64_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  const roost::brands::BrandSet set = MakeBrands(texts);
  auto matcher = BrandMatcher::Compile(set);
  if (!matcher.ok()) {
    std::fprintf(stderr, "%s\n", matcher.status().message().c_str());
    return 1;
  }
  // Keywords as the matcher and the query language see them.
  std::vector<std::vector<std::vector<std::string>>> phrases(set.brands.size());
  std::vector<std::vector<std::string>> folded(set.brands.size());
  for (size_t b = 0; b < set.brands.size(); ++b) {
    std::vector<std::string> kws = {set.brands[b].name};
    kws.insert(kws.end(), set.brands[b].aliases.begin(), set.brands[b].aliases.end());
    for (const auto& k : kws) {
      phrases[b].emplace_back();
      roost::query::MatchTokens(k, false, &phrases[b].back());
      folded[b].push_back(roost::query::FoldForMatch(k, false));
    }
  }

  // Check: the matcher equals the token rule on every tweet; and how often
  // the naive find agrees with it.
  roost::Tweet t;
  std::vector<uint8_t> hits;
  std::vector<std::string> toks;
  uint64_t tagged = 0, find_disagree = 0;
  for (const auto& text : texts) {
    t.text = text;
    (*matcher)->Match(t, &hits);
    roost::query::MatchTokens(text, false, &toks);
    const std::string f = roost::query::FoldForMatch(text, false);
    for (size_t b = 0; b < set.brands.size(); ++b) {
      bool want = false, naive = false;
      for (const auto& ph : phrases[b]) want = want || HasPhrase(toks, ph);
      for (const auto& kw : folded[b]) naive = naive || FindWhole(f, kw);
      if (want != (hits[b] != 0)) {
        std::fprintf(stderr, "MISMATCH brand %s on: %s\n", set.brands[b].name.c_str(), text.c_str());
        return 1;
      }
      tagged += want;
      find_disagree += want != naive;
    }
  }
  std::printf("%zu tweets, %.1f MB of text, %d brands x %d keywords; %llu brand matches; matcher equals the token rule on every tweet; "
              "find disagrees on %llu (%.3f%%)\n",
              texts.size(), static_cast<double>(bytes) / 1e6, kBrands, kKeywords, static_cast<unsigned long long>(tagged),
              static_cast<unsigned long long>(find_disagree),
              100.0 * static_cast<double>(find_disagree) / static_cast<double>(texts.size() * set.brands.size()));

  auto best_of = [&](int runs, auto&& body) {
    double best = 1e30;
    for (int r = 0; r < runs; ++r) {
      const double c0 = CpuSeconds();
      body();
      best = std::min(best, CpuSeconds() - c0);
    }
    return best;
  };
  uint64_t sink = 0;
  const double hs = best_of(3, [&] {
    for (const auto& text : texts) {
      t.text = text;
      (*matcher)->Match(t, &hits);
      sink += hits[0];
    }
  });
  const double tok = best_of(3, [&] {
    std::string stream;
    for (const auto& text : texts) {
      BrandMatcher::TokenStream(text, &stream);
      sink += stream.size();
    }
  });
  const double naive = best_of(1, [&] {
    for (const auto& text : texts) {
      const std::string f = roost::query::FoldForMatch(text, false);
      for (size_t b = 0; b < set.brands.size(); ++b)
        for (const auto& kw : folded[b])
          if (FindWhole(f, kw)) {
            ++sink;
            break;
          }
    }
  });
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("hyperscan matcher      %8.1f MB/s  %10.0f tweets/s  (tokenizing alone %.1f MB/s)\n", mb / hs,
              static_cast<double>(texts.size()) / hs, mb / tok);
  std::printf("string::find loop      %8.1f MB/s  %10.0f tweets/s  (fold, then each keyword as a whole word)\n",
              mb / naive, static_cast<double>(texts.size()) / naive);

  // Ingest with and without tagging (the synth brands file plus the 20
  // benchmark brands), wall time, best of 2.
  auto file = roost::brands::LoadBrandSet((dir / "syn/brands.toml").string());
  roost::brands::BrandSet both = *file;
  for (const auto& b : set.brands) both.brands.push_back(b);
  auto tagger = roost::brands::BrandTagger::Create(both);
  if (!tagger.ok()) {
    std::fprintf(stderr, "%s\n", tagger.status().message().c_str());
    return 1;
  }
  uint64_t records = 0;
  double plain = 1e30, with = 1e30;
  for (int r = 0; r < 2; ++r) {
    plain = std::min(plain, IngestSeconds(dir / "syn", dir / "a", nullptr, &records));
    with = std::min(with, IngestSeconds(dir / "syn", dir / "b", tagger->get(), &records));
  }
  std::printf("ingest without --brands %9.0f records/s (%.2f s)\n", static_cast<double>(records) / plain, plain);
  std::printf("ingest with --brands    %9.0f records/s (%.2f s; %zu brands)\n", static_cast<double>(records) / with, with,
              both.brands.size());
  fs::remove_all(dir);
  return sink == 42 ? 2 : 0;
}

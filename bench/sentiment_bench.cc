// sentiment_bench: how many tweets per second SentimentScorer::Score handles
// on one core. Checks a few answers before timing (simdjson habit), then
// scores a mix of tweet-like English and French texts for about a second.
//
//   build-*/sentiment_bench [SECONDS]
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "enrich/sentiment/sentiment_scorer.h"

namespace {

// CPU time of this thread: the machine is shared, and time spent waiting
// for a core is not time spent scoring.
double ThreadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Sample {
  const char* text;
  const char* lang;
};

// Shapes seen in tweets: mentions, hashtags, URLs, emoji, caps, punctuation.
const Sample kSamples[] = {
    {"@united worst flight ever, 3 hours delay and NO explanation!!! #fail", "en"},
    {"Just got my new phone and I absolutely LOVE it \xF0\x9F\x98\x8D\xF0\x9F\x98\x8D", "en"},
    {"RT @nytimes: Markets fall sharply as investors weigh new tariffs https://t.co/abc123",
     "en"},
    {"not bad at all, but the battery life could be better tbh", "en"},
    {"Happy birthday to my best friend!! \xF0\x9F\x8E\x89\xF0\x9F\x8E\x82 love you", "en"},
    {"Can't believe they cancelled the show... so sad :(", "en"},
    {"Watching the game tonight with the boys \xF0\x9F\x8F\x80 #NBA", "en"},
    {"This is the worst customer service I've ever experienced. Never again.", "en"},
    {"kind of tired but the concert was AMAZING \xF0\x9F\x94\xA5\xF0\x9F\x94\xA5", "en"},
    {"Good morning everyone, have a great day \xE2\x98\x80\xEF\xB8\x8F", "en"},
    {"J'adore ce nouveau film, vraiment génial ! \xF0\x9F\x98\x82", "fr"},
    {"Ce n'est pas bon du tout, très déçu du service @SNCF", "fr"},
    {"aujourd'hui il fait beau, l'été arrive enfin \xE2\x9D\xA4\xEF\xB8\x8F", "fr"},
    {"Je ne l'aime plus, c'est fini #triste", "fr"},
    {"pas mal ce resto, je recommande", "fr"},
    {"Grève encore une fois... quelle horreur", "fr"},
};

bool Check(const roost::SentimentScorer& scorer) {
  struct Expect {
    const char* text;
    const char* lang;
    int label;
  } expects[] = {
      {"I love this, it is wonderful", "en", 1},
      {"This is not good at all", "en", -1},
      {"The", "en", 0},
      {"Ce n'est pas bon", "fr", -1},
      {"C'est génial", "fr", 1},
  };
  for (const auto& e : expects) {
    roost::SentimentResult r = scorer.Score(e.text, e.lang);
    if (r.label != e.label) {
      std::fprintf(stderr, "sentiment_bench: wrong answer for \"%s\": label %d, expected %d\n",
                   e.text, r.label, e.label);
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
  auto start_load = std::chrono::steady_clock::now();
  auto scorer = roost::SentimentScorer::Load();
  if (!scorer.ok()) {
    std::fprintf(stderr, "sentiment_bench: %s\n", scorer.status().ToString().c_str());
    return 1;
  }
  const double load_ms = std::chrono::duration<double, std::milli>(
                             std::chrono::steady_clock::now() - start_load)
                             .count();
  if (!Check(*scorer)) return 1;

  const size_t n = sizeof(kSamples) / sizeof(kSamples[0]);
  size_t bytes = 0;
  for (const Sample& s : kSamples) bytes += std::string_view(s.text).size();
  double checksum = 0.0;
  size_t scored = 0;
  auto start = std::chrono::steady_clock::now();
  const double cpu_start = ThreadSeconds();
  double elapsed = 0.0;
  while (elapsed < seconds) {
    for (int rep = 0; rep < 1000; ++rep) {
      for (const Sample& s : kSamples) checksum += scorer->Score(s.text, s.lang).compound;
    }
    scored += 1000 * n;
    elapsed = ThreadSeconds() - cpu_start;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("sentiment_bench: lexicons loaded in %.1f ms from %s\n", load_ms,
              scorer->lexicon_dir().c_str());
  std::printf("sentiment_bench: %zu texts (avg %.0f bytes, en+fr, emoji) in %.2f s CPU "
              "(%.2f s wall) on one core\n",
              scored, static_cast<double>(bytes) / n, elapsed, wall);
  std::printf("sentiment_bench: %.0f sentences/s, %.2f us per sentence (checksum %.3f)\n",
              scored / elapsed, 1e6 * elapsed / scored, checksum / scored);
  return 0;
}

// sentiment_learned_bench: how many tweets per second the learned sentiment
// model (LearnedSentimentScorer::Score: features, lexicon features, the
// language's model) handles on one core, next to the rule scorer on the
// same texts. Checks a few answers before timing.
//
//   build-*/bench/sentiment_learned_bench [SECONDS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "enrich/sentiment/learned_model.h"

namespace {

// CPU seconds of this (single-threaded) process: the machine is shared, and
// time spent waiting for a core is not time spent scoring.
double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct Sample {
  const char* text;
  const char* lang;  // ISO 639-1
};

// Shapes seen in tweets: mentions, hashtags, URLs, emoji, caps, punctuation,
// in the seven languages that have a model.
const Sample kSamples[] = {
    {"@AmericanAir on hold for two hours and my bag is still lost!!! #neveragain", "en"},
    {"Finally saw the new Star Wars trailer and I'm SO excited \xF0\x9F\x98\x8D", "en"},
    {"RT @BBCBreaking: Parliament votes on the budget tonight https://t.co/xyz789", "en"},
    {"the food was fine I guess, service kinda slow though", "en"},
    {"congrats to the team on the win tonight!! \xF0\x9F\x8E\x89 so proud", "en"},
    {"Didn't sleep at all... exams tomorrow :(", "en"},
    {"Heading to the beach with the family \xE2\x98\x80 #weekend", "en"},
    {"Why does my phone keep crashing, I can't even call anyone", "en"},
    {"Trop content du concert hier soir, merci à tous ! \xF0\x9F\x98\x82", "fr"},
    {"Encore un train annulé @SNCF, je suis dégoûté", "fr"},
    {"Que día tan bonito, me encanta esta ciudad \xE2\x9D\xA4\xEF\xB8\x8F", "es"},
    {"@Movistar llevo dos horas esperando y nadie me responde", "es"},
    {"Que jogo horrível, não aguento mais esse time", "pt"},
    {"Ich liebe diesen Song so sehr \xF0\x9F\x98\x8D", "de"},
    {"Che schifo di servizio, mai più! @Trenitalia", "it"},
    {"\xD8\xA7\xD9\x84\xD9\x84\xD9\x87 \xD9\x8A\xD8\xB3\xD8\xB9\xD8\xAF \xD8\xB5\xD8\xA8\xD8\xA7\xD8\xAD\xD9\x83\xD9\x85 \xD8\xAC\xD9\x85\xD9\x8A\xD8\xB9\xD8\xA7 \xF0\x9F\x8C\xB9", "ar"},
};

bool Check(const roost::sentiment::LearnedSentimentScorer& s) {
  struct Expect {
    const char* text;
    const char* lang;
    int label;
  } expects[] = {
      {"I love this, it is wonderful!", "en", 1},
      {"This is the worst, I hate it", "en", -1},
      {"Me encanta, qué maravilla", "es", 1},
      {"C'est nul, je déteste", "fr", -1},
  };
  for (const auto& e : expects) {
    roost::SentimentResult r = s.Score(e.text, e.lang);
    if (!r.scored || r.label != e.label) {
      std::fprintf(stderr, "sentiment_learned_bench: wrong answer for \"%s\": label %d, expected %d\n",
                   e.text, r.label, e.label);
      return false;
    }
  }
  if (s.Score("x", "ja").scored) {
    std::fprintf(stderr, "sentiment_learned_bench: a language without a model was scored\n");
    return false;
  }
  return true;
}

template <typename F>
void Time(const char* name, double seconds, size_t bytes, F score) {
  const size_t n = sizeof(kSamples) / sizeof(kSamples[0]);
  double checksum = 0.0;
  size_t scored = 0;
  const double cpu_start = CpuSeconds();
  double elapsed = 0.0;
  while (elapsed < seconds) {
    for (int rep = 0; rep < 500; ++rep) {
      for (const Sample& s : kSamples) checksum += score(s);
    }
    scored += 500 * n;
    elapsed = CpuSeconds() - cpu_start;
  }
  std::printf("%-8s %zu texts (avg %.0f bytes, 7 languages) in %.2f s CPU: %.0f tweets/s per core, "
              "%.2f us per tweet (checksum %.3f)\n",
              name, scored, static_cast<double>(bytes) / n, elapsed, scored / elapsed,
              1e6 * elapsed / scored, checksum / scored);
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
  const auto t0 = std::chrono::steady_clock::now();
  auto scorer = roost::sentiment::LearnedSentimentScorer::Load();
  if (!scorer.ok()) {
    std::fprintf(stderr, "sentiment_learned_bench: %s\n", scorer.status().ToString().c_str());
    return 1;
  }
  std::printf("models and lexicons loaded in %.0f ms from %s\n",
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(),
              scorer->model_dir().c_str());
  if (!Check(*scorer)) return 1;
  size_t bytes = 0;
  for (const Sample& s : kSamples) bytes += std::string_view(s.text).size();
  const auto& lexicon = scorer->lexicon();
  Time("learned", seconds, bytes, [&](const Sample& s) { return scorer->Score(s.text, s.lang).compound; });
  Time("lexicon", seconds, bytes, [&](const Sample& s) { return lexicon.Score(s.text, s.lang).compound; });
  return 0;
}

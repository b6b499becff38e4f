// Random texts built from the grammar's sharp edges: the extractor must never
// crash and its output must always be well-formed (the fuzzing habit, run as
// a plain deterministic test).
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "enrich/entities/decoded_text.h"
#include "enrich/entities/entity_extractor.h"

namespace roost::enrich {
namespace {

const char* const kPieces[] = {
    "#",    "@",  "$",  ".",          "http://", "https://", "t.co/",  "com", "jp", "co",
    "é",    "東", "😀",  "\xff",       " ",       "_",        "-",      "/",   "?",  "(",
    ")",    "ｈ", "＃", "＠",         "xn--",    "\u200d",   "\ufe0f", "a",   "Z",  "1",
    "rt",   ":",  "\n", "www.",       "みんな",  "\u202a",   "'",      "=",   "%",  "\xe3\x81",
    "AAPL", "&",  "!",  "\U0001F3FD", "\u20e3",  "ا",        "\u3000", "~",   "..", "://",
};

std::string RandomText(std::mt19937* rng, int max_pieces = 40) {
  std::uniform_int_distribution<int> len(0, max_pieces);
  std::uniform_int_distribution<int> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (int i = len(*rng); i > 0; --i) s += kPieces[pick(*rng)];
  return s;
}

TEST(RobustnessTest, RandomTextsGiveWellFormedEntities) {
  std::mt19937 rng(20121125);
  EntityExtractor ex;
  DecodedText decoded;
  std::vector<Entity> out;
  int with_entities = 0;
  for (int iter = 0; iter < 20200; ++iter) {
    // A few long texts too (notes reach 25,000 characters): they cross the
    // URL scanner's memoisation threshold.
    std::string text = RandomText(&rng, iter < 20000 ? 40 : 4000);
    decoded.Decode(text);
    ex.Extract(text, &out);
    with_entities += !out.empty();
    int prev_end = 0;
    for (const Entity& e : out) {
      ASSERT_LE(prev_end, e.start) << text;
      ASSERT_LT(e.start, e.end) << text;
      ASSERT_LE(e.end, decoded.size()) << text;
      ASSERT_FALSE(e.text.empty()) << text;
      if (e.type == Entity::kUrl) {
        ASSERT_NE(text.find(e.text.substr(0, 4)), std::string::npos) << text;
      } else {
        // Sigil-free text is exactly the indexed span after the sigil.
        ASSERT_EQ(e.text, decoded.Slice(e.start + 1, e.end)) << text;
      }
      prev_end = e.end;
    }
    TweetLength length = ex.ParseTweet(text);
    ASSERT_GE(length.weighted_length, 0) << text;
    ASSERT_LE(length.valid_range_end, length.display_range_end + 1) << text;
    ex.ReplyScreenName(text);
    NormalizeDomain(text);
  }
  // The generator must actually exercise the scanners.
  EXPECT_GT(with_entities, 5000);
}

}  // namespace
}  // namespace roost::enrich

namespace roost::enrich {
namespace {

// Long texts must stay linear: a 25,000-character note made of label
// characters (the worst case for URL start positions) takes milliseconds.
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
constexpr double kLimitMs = 10000;  // sanitizers and -O0 are 10-50x slower
#else
constexpr double kLimitMs = 500;  // ~50 ms per text in release builds
#endif

TEST(RobustnessTest, LongPathologicalTextsStayFast) {
  EntityExtractor ex;
  std::string cjk, underscores, dots, hashes;
  for (int i = 0; i < 25000; ++i) {
    cjk += "あ";
    underscores += i % 2 ? "_" : "あ";
    dots += "a.";
    hashes += "#";
  }
  for (const std::string& body : {cjk + ".x", underscores + ".x", dots, hashes + "a", cjk}) {
    auto start = std::chrono::steady_clock::now();
    ex.Extract(body);
    ex.ParseTweet(body);
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(ms, kLimitMs) << body.substr(0, 20);
  }
}

}  // namespace
}  // namespace roost::enrich

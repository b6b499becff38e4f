// Task: enrich realistic tweets (entities + tokens + language + sentiment)
// on one core, as ingest does. Prints tweets/s for the whole step and a
// per-step breakdown, for three corpora:
//   mix        built-in multilingual tweets weighted roughly like the 2012
//              firehose (en 40%, ja 15%, es 10%, pt 8%, ...), Japanese from
//              twitter.json when present;
//   twitter    the 100 statuses of simdjson's twitter.json (96% Japanese:
//              the worst case for word segmentation);
//   ascii      the English part of the mix (the fast path).
// Checks its answers before timing. Usage: enrich_bench [seconds_per_measure]
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "enrich/enricher.h"
#include "enrich/language/language_id.h"
#include "enrich/text/tokenizer.h"
#include "roost/tweet.h"

namespace {

namespace fs = std::filesystem;
using roost::Enricher;
using roost::Tweet;

struct Sample {
  const char* lang;  // platform tag ("" = none)
  const char* text;
  int weight;        // copies in the mix
};

// Hand-written tweets in the style of 2012 (entities, emoji, slang).
const Sample kSamples[] = {
    {"en", "Can't believe the #Lakers lost again tonight... @KobeBryant where were you?? http://t.co/a1b2c3", 4},
    {"en", "Just got my new iPhone 5 and I'm in love 😍😍 #apple $AAPL", 4},
    {"en", "RT @CNN: BREAKING: Storm expected to hit the East Coast by Monday night http://t.co/xyz123", 4},
    {"en", "lol my mom just tried to use snapchat :) best day ever", 4},
    {"en", "I hate Mondays so much. Worst traffic ever, stuck for 2 hours :-(", 4},
    {"en", "Watching The Hunger Games trailer for the 10th time, so excited!!! #HungerGames", 4},
    {"en", "Good morning everyone! Coffee first ☕ then the world", 4},
    {"en", "@sarah_j thanks for the birthday wishes, love you guys <3", 4},
    {"en", "Obama and Romney debate tonight at 9pm ET, who are you voting for? #election2012", 4},
    {"en", "new blog post: 10 tips for better sleep www.example.com/sleep-tips", 4},
    {"es", "No puedo creer que el Real Madrid haya perdido otra vez 😡 #HalaMadrid", 3},
    {"es", "Buenos días a todos! Hoy es un gran día para ir a la playa ☀️", 3},
    {"es", "@juanito jajaja qué risa me das, nos vemos mañana en la fiesta", 2},
    {"es", "El gobierno anuncia nuevas medidas económicas http://t.co/qwe987 vía @elpais", 2},
    {"pt", "Bom dia galera! Partiu praia hoje 🏖️ #verao", 3},
    {"pt", "Não aguento mais essa chuva em São Paulo, que saudade do sol", 3},
    {"pt", "@amiga kkkkkk você é demais, te amo", 2},
    {"id", "Selamat pagi semuanya, semoga hari ini menyenangkan! #SemangatPagi", 3},
    {"id", "Macet banget di Jakarta hari ini, capek deh @TMCPoldaMetro", 3},
    {"ar", "صباح الخير يا أصدقاء، يوم جميل إن شاء الله ☀️", 3},
    {"ar", "مبروك للأهلي الفوز بالبطولة! #الأهلي http://t.co/ar1234", 2},
    {"fr", "Aujourd'hui j'ai vu le nouveau film de Dupontel, c'était génial ! #cinéma", 1},
    {"fr", "L'amour c'est compliqué... mais qu'est-ce qu'on ferait sans ? ❤️", 1},
    {"fr", "RT @lemondefr: Le gouvernement présente son budget pour 2013 http://t.co/fr5678", 1},
    {"tr", "Günaydın arkadaşlar, bugün hava çok güzel! #istanbul", 2},
    {"ru", "Доброе утро! Сегодня отличный день для прогулки по Москве", 2},
    {"ko", "오늘 날씨 정말 좋네요 ㅋㅋ 친구랑 카페 갈 거예요 #서울", 2},
    {"th", "วันนี้อากาศดีมาก ไปเที่ยวทะเลกันเถอะ", 2},
    {"de", "Guten Morgen! Heute ist das Wetter in Berlin wirklich schön #Berlin", 1},
    {"it", "Buongiorno a tutti! Oggi si va al mare con gli amici dell'università", 1},
    {"zh", "今天天气很好，我们去公园散步吧 #北京", 1},
    {"und", "😂😂😂😂", 2},
    {"", "🔥🔥 #NowPlaying http://t.co/np0001", 1},
};

const char* kJapaneseFallback[] = {
    "今日は東京で友達と映画を見ました。とても面白かったです！",
    "明日から新学期だ〜 早起きできるかな😅 #新学期",
    "RT @news_jp: 東京スカイツリーの来場者が100万人を突破 http://t.co/jp1234",
};

Tweet MakeTweet(std::string_view lang, std::string_view text) {
  Tweet t;
  t.lang = std::string(lang);
  t.text = std::string(text);
  return t;
}

fs::path SharedData() {
  if (const char* env = std::getenv("ROOST_SHARED_DATA")) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  // build-*/bench/enrich_bench -> <checkout>/../shared/data
  if (!ec) return exe.parent_path().parent_path().parent_path().parent_path() / "shared/data";
  return "/work/shared/data";
}

// Statuses of twitter.json with their text, tag and entity lists, as the
// v1.1 parser would give them.
std::vector<Tweet> LoadTwitterJson(const fs::path& path) {
  std::vector<Tweet> out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(path.string()).get(doc)) return out;
  simdjson::dom::array statuses;
  if (doc["statuses"].get_array().get(statuses)) return out;
  for (auto s : statuses) {
    std::string_view text, lang;
    if (s["text"].get_string().get(text)) continue;
    if (s["lang"].get_string().get(lang)) lang = "";
    Tweet t = MakeTweet(lang, text);
    simdjson::dom::array arr;
    if (!s["entities"]["urls"].get_array().get(arr)) {
      for (auto u : arr) {
        std::string_view url, expanded;
        if (u["url"].get_string().get(url)) continue;
        if (u["expanded_url"].get_string().get(expanded)) expanded = "";
        t.urls.push_back({std::string(url), std::string(expanded)});
      }
    }
    if (!s["entities"]["hashtags"].get_array().get(arr)) {
      for (auto h : arr) {
        std::string_view tag;
        if (!h["text"].get_string().get(tag)) t.hashtags.push_back({std::string(tag)});
      }
    }
    if (!s["entities"]["user_mentions"].get_array().get(arr)) {
      for (auto m : arr) {
        std::string_view name;
        if (!m["screen_name"].get_string().get(name)) t.mentions.push_back({0, std::string(name)});
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Runs `fn` over all tweets, pass after pass, for at least `seconds`;
// returns nanoseconds per tweet of the fastest pass. A pass is a few
// milliseconds, so the fastest one is the one no other process interrupted
// (this machine is shared; the mean mostly measures the neighbours).
// `reset` restores the tweets (untimed) before each pass.
double NsPerTweet(std::vector<Tweet>* tweets, double seconds,
                  const std::function<void(Tweet*)>& fn,
                  const std::function<void()>& reset = nullptr, double* mean_ns = nullptr) {
  using Clock = std::chrono::steady_clock;
  double total_ns = 0;
  double best_ns = 1e300;
  size_t pass_count = 0;
  while (total_ns < seconds * 1e9) {
    ++pass_count;
    if (reset) reset();
    auto start = Clock::now();
    for (auto& t : *tweets) fn(&t);
    double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    total_ns += ns;
    best_ns = std::min(best_ns, ns);
  }
  if (mean_ns != nullptr) *mean_ns = total_ns / pass_count / tweets->size();
  return best_ns / static_cast<double>(tweets->size());
}

bool Check(bool ok, const char* what) {
  if (!ok) std::fprintf(stderr, "enrich_bench: check failed: %s\n", what);
  return ok;
}

bool Has(const roost::TermList& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// The answer must be right before its speed matters.
bool CheckAnswers(const Enricher& enricher) {
  Tweet fr = MakeTweet("", "Aujourd'hui je suis triste, l'équipe a perdu le match. Quelle déception !");
  enricher.Enrich(&fr);
  Tweet en = MakeTweet("en", "I love the new #iPad from @Apple http://t.co/abc");
  en.urls.push_back({"http://t.co/abc", "https://www.apple.com/ipad"});
  enricher.Enrich(&en);
  Tweet ja = MakeTweet("ja", "今日は東京で友達と映画を見ました");
  enricher.Enrich(&ja);
  return Check(fr.detected_lang == "fr", "French detected") &&
         Check(Has(fr.terms, "equipe") && Has(fr.terms, "aujourd'hui"), "French terms") &&
         Check(fr.sentiment_scored && fr.sentiment < 0, "French sentiment negative") &&
         Check(en.domains == std::vector<std::string>{"apple.com"}, "domain") &&
         Check(Has(en.terms, "#ipad") && en.sentiment > 0, "English terms and sentiment") &&
         Check(ja.detected_lang == "ja" && Has(ja.terms, "東京"), "Japanese");
}

void Report(const char* name, const Enricher& enricher, const std::vector<Tweet>& pristine,
            double seconds) {
  std::vector<Tweet> work;
  double bytes = 0;
  for (const auto& t : pristine) bytes += t.text.size();
  // Every measurement starts from fresh copies (untimed), as ingest sees
  // them: empty term vectors, entity lists as parsed.
  auto from = [&](const std::vector<Tweet>& src) { return [&work, &src] { work = src; }; };
  double mean = 0;
  double total =
      NsPerTweet(&work, seconds, [&](Tweet* t) { enricher.Enrich(t); }, from(pristine), &mean);
  // Steps, each on tweets carrying the earlier steps' output (detected_lang).
  std::vector<Tweet> before_terms = pristine;
  for (auto& t : before_terms) {
    enricher.EnrichEntities(&t);
    enricher.EnrichLanguage(&t);
  }
  double entities =
      NsPerTweet(&work, seconds, [&](Tweet* t) { enricher.EnrichEntities(t); }, from(pristine));
  double language =
      NsPerTweet(&work, seconds, [&](Tweet* t) { enricher.EnrichLanguage(t); }, from(pristine));
  double terms =
      NsPerTweet(&work, seconds, [&](Tweet* t) { enricher.EnrichTerms(t); }, from(before_terms));
  double sentiment = NsPerTweet(
      &work, seconds, [&](Tweet* t) { enricher.EnrichSentiment(t); }, from(before_terms));
  // Pieces: CLD2 alone on the raw text; the tokenizer alone per CJK mode.
  work = pristine;
  double cld2 = NsPerTweet(&work, seconds, [](Tweet* t) {
    volatile float c = roost::language::DetectLanguage(t->text).confidence;
    (void)c;
  });
  std::vector<roost::text::Token> tokens;
  auto tokenize = [&](roost::text::CjkSegmentation mode) {
    roost::text::TokenizerOptions options;
    options.cjk = mode;
    roost::text::Tokenizer tok(options);
    return NsPerTweet(&work, seconds, [&](Tweet* t) {
      tokens.clear();
      tok.Tokenize(t->text, &tokens);
    });
  };
  double tok_runs = tokenize(roost::text::CjkSegmentation::kScriptRuns);
  double tok_bigrams = tokenize(roost::text::CjkSegmentation::kBigrams);
  double tok_dict = tokenize(roost::text::CjkSegmentation::kDictionary);
  fmt::print("{:<8} {:>4} tweets, {:>4.0f} B/tweet: {:>7.0f} tweets/s ({:.2f} us/tweet) best pass; "
             "{:.0f} tweets/s mean over all passes\n",
             name, pristine.size(), bytes / pristine.size(), 1e9 / total, total / 1e3, 1e9 / mean);
  fmt::print("         steps us/tweet (best pass): entities {:.2f} | language {:.2f} | tokens+terms {:.2f} | "
             "sentiment {:.2f} | sum {:.2f}\n",
             entities / 1e3, language / 1e3, terms / 1e3, sentiment / 1e3,
             (entities + language + terms + sentiment) / 1e3);
  fmt::print("         pieces us/tweet: CLD2 alone {:.2f} | tokenize: CJK script runs {:.2f}, "
             "CJK bigrams {:.2f}, ICU dictionary {:.2f}\n",
             cld2 / 1e3, tok_runs / 1e3, tok_bigrams / 1e3, tok_dict / 1e3);
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::atof(argv[1]) : 0.5;
  auto enricher = Enricher::Create();
  if (!enricher.ok()) {
    std::fprintf(stderr, "enrich_bench: %s\n", enricher.status().ToString().c_str());
    return 1;
  }
  if (!CheckAnswers(*enricher)) return 1;

  fs::path twitter_json = SharedData() / "simdjson/jsonexamples/twitter.json";
  std::vector<Tweet> twitter = LoadTwitterJson(twitter_json);

  std::vector<Tweet> mix, ascii;
  for (const auto& s : kSamples) {
    for (int k = 0; k < s.weight; ++k) mix.push_back(MakeTweet(s.lang, s.text));
    if (std::string_view(s.lang) == "en") ascii.push_back(MakeTweet(s.lang, s.text));
  }
  // Japanese is ~15% of the mix: 12 tweets next to the 68 above.
  for (int k = 0; k < 12; ++k) {
    if (!twitter.empty()) {
      mix.push_back(twitter[(k * 7) % twitter.size()]);
    } else {
      mix.push_back(MakeTweet("ja", kJapaneseFallback[k % 3]));
    }
  }
  fmt::print("enrich_bench: one core, {:.1f} s per measurement{}\n", seconds,
             twitter.empty() ? " (twitter.json absent: built-in Japanese)" : "");
  Report("mix", *enricher, mix, seconds);
  Report("ascii", *enricher, ascii, seconds);
  if (!twitter.empty()) Report("twitter", *enricher, twitter, seconds);
  return 0;
}

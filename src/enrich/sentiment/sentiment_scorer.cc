// The VADER rules over a token array. Each rule below names the behaviour
// of the paper it implements; where we deliberately differ from the
// reference implementations the comment says why.
#include "enrich/sentiment/sentiment_scorer.h"

#include <libstemmer.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "enrich/sentiment/sentiment_model.h"
#include "enrich/sentiment/text_fold.h"

namespace roost {
namespace sentiment {
namespace {

struct Token {
  float valence = 0.0f;
  float booster = 0.0f;
  uint32_t flags = 0;
  uint32_t key_offset = 0;  // folded key in Scratch::keys
  uint32_t key_length = 0;
  bool upper = false;    // ALL CAPS (Python isupper)
  bool negates = false;  // a negation word for the rules
  // French "ne": index of the particle closing "ne ... pas" (0: none). The
  // verb sits between them, so "ne" negates only words before that index.
  uint32_t ne_close = 0;
};

// Per-thread buffers so Score() allocates nothing once warmed up.
struct Scratch {
  std::vector<Token> tokens;
  std::vector<float> sentiments;
  std::string keys;
  std::string word;
  std::string phrase;
  std::string emoji;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// libstemmer's stemmers keep state, so each thread owns one.
class FrenchStemmer {
 public:
  FrenchStemmer() : stemmer_(sb_stemmer_new("french", "UTF_8")) {}
  ~FrenchStemmer() {
    if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
  }
  std::string_view Stem(std::string_view word) {
    if (stemmer_ == nullptr) return word;
    const sb_symbol* s = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (s == nullptr) return word;
    return {reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(stemmer_))};
  }

 private:
  sb_stemmer* stemmer_;
};

std::string_view FrenchStem(std::string_view word) {
  thread_local FrenchStemmer stemmer;
  return stemmer.Stem(word);
}

// French elided articles and pronouns: "l'amour" is "l'" + "amour", while
// "aujourd'hui" stays one word.
bool IsElisionPrefix(std::string_view p) {
  static constexpr std::string_view kPrefixes[] = {"l", "d", "j", "m", "n", "s", "t", "c",
                                                   "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
  for (std::string_view k : kPrefixes) {
    if (p == k) return true;
  }
  return false;
}

class Tokenizer {
 public:
  Tokenizer(const LanguageModel& model, const EmojiIndex* emoji, Scratch* s)
      : model_(model), emoji_(emoji), s_(*s) {
    s_.tokens.clear();
    s_.keys.clear();
  }

  void Run(std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    const char* word = nullptr;
    while (p < end) {
      const unsigned char c = static_cast<unsigned char>(*p);
      if (c < 0x80) {  // hot path: ASCII needs no decoding and is no emoji
        if (IsAsciiSpace(c)) {
          if (word) AddWord(word, p);
          word = nullptr;
        } else if (!word) {
          word = p;
        }
        ++p;
        continue;
      }
      int len;
      const uint32_t cp = DecodeUtf8(p, end, &len);
      if (IsSpace(cp)) {
        if (word) AddWord(word, p);
        word = nullptr;
        p += len;
        continue;
      }
      if (cp >= 0xA9 && emoji_ != nullptr) {
        const LexEntry* e = nullptr;
        size_t n = emoji_->Match(p, end, &e, &s_.emoji);
        if (n > 0) {
          if (word) AddWord(word, p);
          word = nullptr;
          AddEmoji(p, n, e);
          p += n;
          continue;
        }
      }
      if (!word) word = p;
      p += len;
    }
    if (word) AddWord(word, end);
    if (model_.split_elision) MarkNePlus();
  }

 private:
  void AddEmoji(const char* p, size_t n, const LexEntry* e) {
    Token t;
    t.key_offset = static_cast<uint32_t>(s_.keys.size());
    s_.keys.append(p, n);
    t.key_length = static_cast<uint32_t>(n);
    if (e != nullptr && (e->flags & kHasValence)) {
      t.valence = e->valence;
      t.flags = kHasValence;
    }
    s_.tokens.push_back(t);
  }

  // One whitespace-separated word (emoji already split off).
  void AddWord(const char* b, const char* e) {
    std::string_view raw(b, e - b);
    // Emoticons (":-)", "(:") are looked up whole before punctuation is
    // stripped; a word with no punctuation at either end skips this probe.
    const bool edge_punct = IsAsciiPunct(static_cast<unsigned char>(raw.front())) ||
                            IsAsciiPunct(static_cast<unsigned char>(raw.back()));
    s_.word.clear();
    if (edge_punct) FoldWord(raw, &s_.word);
    if (const LexEntry* entry = edge_punct ? model_.words.Find(s_.word) : nullptr) {
      if (entry->flags & (kHasValence | kBooster)) {
        std::string key = s_.word;  // PushLookup reuses s_.word
        PushLookup(raw, key);
        return;
      }
    }
    // Strip surrounding punctuation ("#love", "good!!", "«super»").
    while (b < e) {
      int len;
      uint32_t cp = DecodeUtf8(b, e, &len);
      if (!(cp < 0x80 ? IsAsciiPunct(static_cast<unsigned char>(cp)) : IsUnicodePunct(cp))) break;
      b += len;
    }
    while (e > b) {
      const char* q = e - 1;
      while (q > b && (static_cast<unsigned char>(*q) & 0xC0) == 0x80) --q;
      int len;
      uint32_t cp = DecodeUtf8(q, e, &len);
      if (!(cp < 0x80 ? IsAsciiPunct(static_cast<unsigned char>(cp)) : IsUnicodePunct(cp))) break;
      e = q;
    }
    if (b == e) return;  // pure punctuation is not a word
    raw = std::string_view(b, e - b);
    s_.word.clear();
    FoldWord(raw, &s_.word);
    if (model_.split_elision) {
      size_t apos = s_.word.find('\'');
      if (apos != std::string::npos && apos + 1 < s_.word.size() &&
          IsElisionPrefix(std::string_view(s_.word).substr(0, apos))) {
        // Keys are folded, so the raw split point is found by its apostrophe:
        // ' or ’ (the only two spellings FoldWord maps to ').
        size_t raw_apos = raw.find('\'');
        size_t raw_skip = 1;
        size_t curly = raw.find("\xE2\x80\x99");
        if (curly != std::string_view::npos && curly < raw_apos) {
          raw_apos = curly;
          raw_skip = 3;
        }
        std::string prefix = s_.word.substr(0, apos + 1);
        std::string rest = s_.word.substr(apos + 1);
        if (raw_apos != std::string_view::npos) {
          PushLookup(raw.substr(0, raw_apos + raw_skip), prefix);
          PushLookup(raw.substr(raw_apos + raw_skip), rest);
          return;
        }
      }
    }
    std::string key = s_.word;  // PushLookup reuses s_.word
    PushLookup(raw, key);
  }

  void PushLookup(std::string_view raw, const std::string& key) {
    const LexEntry* entry = model_.words.Find(key);
    if (!model_.use_stemmer) {
      Push(raw, key, entry);
      return;
    }
    // French: Pattern (hand-rated, stemmed) first, AFINN-fr (whole words)
    // for what it lacks; function words keep their roles either way.
    LexEntry merged = entry ? *entry : LexEntry{};
    const bool function_word = entry && (entry->flags & ~(kHasValence | kIdiomPart)) != 0;
    if (!function_word && key.size() >= 3) {
      const LexEntry* stem = model_.stems.Find(key);
      if (stem == nullptr) stem = model_.stems.Find(FrenchStem(key));
      if (stem != nullptr) {
        // Pattern rates 0 the words it judged neutral: they stay neutral
        // rather than fall through to AFINN's machine translation.
        merged.valence = stem->valence;
        merged.flags &= ~kHasValence;
        if (stem->valence != 0.0f) merged.flags |= kHasValence;
      }
    }
    Push(raw, key, &merged);
  }

  void Push(std::string_view raw, std::string_view key, const LexEntry* entry) {
    Token t;
    if (entry != nullptr) {
      t.valence = entry->valence;
      t.booster = entry->booster;
      t.flags = entry->flags;
    }
    t.key_offset = static_cast<uint32_t>(s_.keys.size());
    s_.keys.append(key);
    t.key_length = static_cast<uint32_t>(key.size());
    t.upper = IsUpperWord(raw);
    t.negates = (t.flags & kNegation) ||
                (model_.nt_negates && key.find("n't") != std::string_view::npos);
    s_.tokens.push_back(t);
  }

  // French negation wraps the verb: "je ne l'aime pas", "ce n'est plus
  // drôle". "ne" is paired with the particle that follows it, and "plus"
  // is a negation there (elsewhere "plus" is "more", a booster).
  void MarkNePlus() {
    auto& toks = s_.tokens;
    for (size_t k = 0; k < toks.size(); ++k) {
      if (!(toks[k].flags & kNe)) continue;
      for (size_t p = k + 1; p < toks.size() && p <= k + 4; ++p) {
        if (toks[p].flags & kPlus) {
          toks[p].negates = true;
          toks[p].flags &= ~(kBooster | kHasValence);
          toks[p].booster = 0.0f;
        }
        if (toks[p].negates) {
          toks[k].ne_close = static_cast<uint32_t>(p);
          break;
        }
      }
    }
  }

  const LanguageModel& model_;
  const EmojiIndex* emoji_;
  Scratch& s_;
};

class Rules {
 public:
  Rules(const LanguageModel& model, Scratch* s) : model_(model), s_(*s), t_(s->tokens) {
    const size_t n = t_.size();
    size_t upper = 0;
    for (const Token& t : t_) upper += t.upper;
    // ALL CAPS only stands out when some words are not in caps.
    cap_diff_ = upper > 0 && upper < n;
  }

  // Fills s_.sentiments with one rule-adjusted valence per token.
  void Run() {
    auto& out = s_.sentiments;
    out.assign(t_.size(), 0.0f);
    for (size_t i = 0; i < t_.size(); ++i) out[i] = Valence(i);
    ButCheck();
  }

 private:
  bool Has(size_t j, uint32_t flag) const { return (t_[j].flags & flag) != 0; }
  bool Lexical(size_t j) const { return Has(j, kHasValence); }
  // Whether word j negates word i (j < i).
  bool Negates(size_t j, size_t i) const { return t_[j].negates || t_[j].ne_close > i; }
  std::string_view Key(size_t j) const {
    return std::string_view(s_.keys).substr(t_[j].key_offset, t_[j].key_length);
  }

  float Valence(size_t i) const {
    const Token& t = t_[i];
    // Boosters and "kind" of "kind of" modify others; they have no valence.
    if (Has(i, kBooster)) return 0.0f;
    if (Has(i, kKind) && i + 1 < t_.size() && Has(i + 1, kOf)) return 0.0f;
    if (!Lexical(i)) return 0.0f;
    float v = t.valence;
    // "no" before a lexicon word negates it instead of counting as negative.
    if (Has(i, kNo) && i + 1 < t_.size() && Lexical(i + 1)) v = 0.0f;
    if ((i > 0 && Has(i - 1, kNo)) || (i > 1 && Has(i - 2, kNo)) ||
        (i > 2 && Has(i - 3, kNo) && Has(i - 1, kOrNor))) {
      v = t.valence * kNegationScalar;
    }
    if (t.upper && cap_diff_) v += v > 0 ? kCapsIncrement : (v < 0 ? -kCapsIncrement : 0.0f);
    // Up to three preceding non-lexicon words: boosters (fading with
    // distance), negations, "never so".
    for (size_t d = 0; d < 3 && d < i; ++d) {
      const size_t j = i - d - 1;
      if (Lexical(j)) continue;
      float s = Scalar(j, v);
      if (d == 1) s *= 0.95f;
      if (d == 2) s *= 0.9f;
      v += s;
      v = NegationCheck(v, d, i);
    }
    v = IdiomCheck(v, i);
    v = LeastCheck(v, i);
    return v;
  }

  float Scalar(size_t j, float v) const {
    if (!Has(j, kBooster)) return 0.0f;
    float s = t_[j].booster;
    if (v < 0) s = -s;
    if (t_[j].upper && cap_diff_) s += v > 0 ? kCapsIncrement : -kCapsIncrement;
    return s;
  }

  float NegationCheck(float v, size_t d, size_t i) const {
    const size_t j = i - d - 1;
    if (d == 0) {
      if (Negates(j, i)) v *= kNegationScalar;
      return v;
    }
    // "never so good" and "never this good" intensify; "without doubt"
    // does not negate. VADER's reference code also multiplies whenever the
    // word just before is "so"/"this" (an operator-precedence slip); we
    // keep the rule the paper describes.
    bool never_so = false;
    bool without_doubt = false;
    if (d == 1) {
      never_so = Has(i - 2, kNever) && Has(i - 1, kSoThis);
      without_doubt = Has(i - 2, kWithout) && Has(i - 1, kDoubt);
    } else {
      never_so = Has(i - 3, kNever) && (Has(i - 2, kSoThis) || Has(i - 1, kSoThis));
      without_doubt = Has(i - 3, kWithout) && (Has(i - 2, kDoubt) || Has(i - 1, kDoubt));
    }
    if (never_so) return v * kNeverSoScalar;
    if (without_doubt) return v;
    if (Negates(j, i)) v *= kNegationScalar;
    return v;
  }

  // Idioms override the word's valence ("the bomb", "kiss of death"); a
  // dampening phrase before it ("kind of", "sort of") weakens it.
  float IdiomCheck(float v, size_t i) const {
    const size_t n = t_.size();
    const size_t lo = i >= 3 ? i - 3 : 0;
    const size_t hi = std::min(n, i + 3);
    bool any = false;
    for (size_t j = lo; j < hi; ++j) any |= Has(j, kIdiomPart);
    if (!any) return v;
    auto find = [&](size_t from, size_t to) -> const LexEntry* {  // tokens [from, to]
      std::string& p = s_.phrase;
      p.clear();
      for (size_t j = from; j <= to; ++j) {
        if (!Has(j, kIdiomPart)) return nullptr;
        if (j > from) p.push_back(' ');
        p.append(Key(j));
      }
      return model_.phrases.Find(p);
    };
    // Phrases ending at, around and starting at the word; later wins.
    const std::pair<long, long> spans[] = {{-1, 0}, {-2, 0}, {-1, 1}, {0, 1}, {0, 2}};
    for (auto [a, b] : spans) {
      if (static_cast<long>(i) + a < 0 || i + b >= n) continue;
      const LexEntry* e = find(i + a, i + b);
      if (e != nullptr && (e->flags & kHasValence)) v = e->valence;
    }
    // Dampening phrases just before the word.
    for (auto [a, b] : {std::pair<long, long>{-2, -1}, {-3, -2}}) {
      if (static_cast<long>(i) + a < 0) continue;
      const LexEntry* e = find(i + a, i + b);
      if (e != nullptr && (e->flags & kBooster)) {
        v += v > 0 ? e->booster : -e->booster;
        break;
      }
    }
    return v;
  }

  // "least" negates ("the least happy"), except "at least" / "very least".
  float LeastCheck(float v, size_t i) const {
    if (i == 0 || !Has(i - 1, kLeast) || Lexical(i - 1)) return v;
    if (i > 1 && Has(i - 2, kLeastGuard)) return v;
    return v * kNegationScalar;
  }

  // Contrastive "but": what follows it dominates.
  void ButCheck() {
    auto& out = s_.sentiments;
    for (size_t b = 0; b < t_.size(); ++b) {
      if (!Has(b, kBut)) continue;
      for (size_t k = 0; k < b; ++k) out[k] *= kButBefore;
      for (size_t k = b + 1; k < out.size(); ++k) out[k] *= kButAfter;
      return;  // only the first "but" counts, as in VADER
    }
  }

  const LanguageModel& model_;
  Scratch& s_;
  const std::vector<Token>& t_;
  bool cap_diff_ = false;
};

// Emphasis from '!' (up to four) and from two or more '?'.
float PunctuationEmphasis(std::string_view text) {
  int bangs = 0;
  int questions = 0;
  for (char c : text) {
    bangs += c == '!';
    questions += c == '?';
  }
  float amp = std::min(bangs, kMaxExclamations) * kExclamationStep;
  if (questions > 1) amp += questions <= 3 ? questions * kQuestionStep : kQuestionMax;
  return amp;
}

SentimentResult ScoreWith(const LanguageModel& model, const EmojiIndex& emoji,
                          std::string_view text) {
  Scratch& s = ThreadScratch();
  Tokenizer(model, &emoji, &s).Run(text);
  Rules(model, &s).Run();
  SentimentResult r;
  r.scored = true;
  if (s.sentiments.empty()) {
    r.neu = 1.0f;
    return r;
  }
  float sum = 0.0f;
  float pos = 0.0f;
  float neg = 0.0f;
  int neutral = 0;
  for (float v : s.sentiments) {
    sum += v;
    // +1/-1 so that a sentiment word outweighs one neutral word.
    if (v > 0) {
      pos += v + 1.0f;
    } else if (v < 0) {
      neg += v - 1.0f;
    } else {
      ++neutral;
    }
  }
  const float amp = PunctuationEmphasis(text);
  if (sum > 0) {
    sum += amp;
  } else if (sum < 0) {
    sum -= amp;
  }
  r.compound = std::clamp(sum / std::sqrt(sum * sum + kNormalizeAlpha), -1.0f, 1.0f);
  if (pos > -neg) {
    pos += amp;
  } else if (pos < -neg) {
    neg -= amp;
  }
  const float total = pos - neg + static_cast<float>(neutral);
  r.pos = pos / total;
  r.neg = std::fabs(neg) / total;
  r.neu = static_cast<float>(neutral) / total;
  r.label = r.compound >= kLabelThreshold ? 1 : (r.compound <= -kLabelThreshold ? -1 : 0);
  return r;
}

// "en", "en-GB", "EN_us" → "en".
std::string_view BaseLanguage(std::string_view lang) {
  size_t cut = lang.find_first_of("-_");
  return cut == std::string_view::npos ? lang : lang.substr(0, cut);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

const LanguageModel* ModelFor(const Models& m, std::string_view lang) {
  std::string_view base = BaseLanguage(lang);
  if (EqualsIgnoreCase(base, "en")) return &m.en;
  if (EqualsIgnoreCase(base, "fr")) return &m.fr;
  return nullptr;
}

}  // namespace

float SumValences(const LanguageModel& model, const EmojiIndex* emoji, std::string_view text) {
  Scratch& s = ThreadScratch();
  Tokenizer(model, emoji, &s).Run(text);
  Rules(model, &s).Run();
  float sum = 0.0f;
  for (float v : s.sentiments) sum += v;
  return sum;
}

}  // namespace sentiment

SentimentResult SentimentScorer::Score(std::string_view text, std::string_view lang) const {
  const sentiment::LanguageModel* model = sentiment::ModelFor(*models_, lang);
  if (model == nullptr) return SentimentResult{};
  return sentiment::ScoreWith(*model, models_->emoji, text);
}

bool SentimentScorer::Supports(std::string_view lang) const {
  return sentiment::ModelFor(*models_, lang) != nullptr;
}

const std::filesystem::path& SentimentScorer::lexicon_dir() const {
  return models_->lexicon_dir;
}

}  // namespace roost

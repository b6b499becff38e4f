// Tokenizer for tweets in any script. Tokens are byte ranges into the
// original text (kept for display); folding for matching is a separate step
// (fold.h) so a caller pays for it only on the tokens it keeps.
//
// Scripts written with spaces are handled by a hand-written UTF-8 scanner
// (ASCII fast path, Unicode categories from utf8proc). Thai, Lao, Khmer and
// Myanmar runs go to ICU's dictionary-based word BreakIterator. Han/kana runs
// are split by script by default (CjkSegmentation::kScriptRuns): ICU's CJK
// dictionary costs ~80 us for a 300-byte Japanese tweet, 15 times the whole
// enrichment budget (docs/ENRICHMENT.md has the measurements).
#ifndef ROOST_ENRICH_TEXT_TOKENIZER_H_
#define ROOST_ENRICH_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace roost::text {

enum class TokenKind : uint8_t {
  kWord,      // letters (any script), possibly with digits: "café", "covid19", "東京"
  kNumber,    // digits, with inner . , : between digits: "2012", "3.14", "12:30"
  kHashtag,   // "#tag" (range includes '#')
  kMention,   // "@user" (range includes '@')
  kCashtag,   // "$AAPL" (range includes '$')
  kUrl,       // "http://…", "https://…", "www.…", "pic.twitter.com/…"
  kEmoji,     // one emoji sequence (ZWJ, skin tone, flags): "👍🏽", "🇫🇷"
  kEmoticon,  // ":)", ":-(", "<3", "^_^", "XD"
};

const char* TokenKindName(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::kWord;
  uint32_t begin = 0;  // byte offset of the first byte in the original text
  uint32_t end = 0;    // one past the last byte

  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }
};

enum class CjkSegmentation : uint8_t {
  // Katakana runs whole (loanwords: スカイツリー), hiragana runs whole,
  // Han runs of 1-2 characters whole and longer ones as overlapping bigrams
  // (東京都庁 -> 東京 京都 都庁). Fast; the bigram half is the classic
  // search-engine approach for Chinese.
  kScriptRuns,
  kDictionary,  // ICU word BreakIterator: real words, ~15x slower
  kBigrams,     // overlapping character bigrams over the whole run
};

struct TokenizerOptions {
  CjkSegmentation cjk = CjkSegmentation::kScriptRuns;
  // French/Italian elision: l'amour -> amour, qu'il -> il, dell'anno -> anno.
  // aujourd'hui and English contractions (don't) stay one word.
  bool split_elision = true;
  // English possessive 's dropped, as Lucene's EnglishPossessiveFilter does:
  // plane's / plane’s -> plane (so a search for "plane" finds them; it's ->
  // it, which only a stopword was).
  bool strip_possessive = true;
};

// Thread-safe: Tokenize is const; the ICU iterator it needs is per thread.
class Tokenizer {
 public:
  explicit Tokenizer(TokenizerOptions options = {}) : options_(options) {}

  // Appends the tokens of `text` to *out in text order. Accepts any bytes:
  // invalid UTF-8 is skipped. HTML entities of v1.1 text (&amp; &lt; &gt;
  // &quot; &#39;) are skipped, not tokenized.
  void Tokenize(std::string_view text, std::vector<Token>* out) const;

  const TokenizerOptions& options() const { return options_; }

 private:
  TokenizerOptions options_;
};

}  // namespace roost::text

#endif  // ROOST_ENRICH_TEXT_TOKENIZER_H_

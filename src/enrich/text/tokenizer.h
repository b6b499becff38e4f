// Tokenizer for tweets in any script. Tokens are byte ranges into the
// original text (kept for display); folding for matching is a separate step
// (fold.h) so a caller pays for it only on the tokens it keeps.
//
// Scripts written with spaces are handled by a hand-written UTF-8 scanner
// (ASCII fast path, Unicode categories from utf8proc). Runs of Han, kana,
// Thai, Lao, Khmer and Myanmar go to ICU's dictionary-based word
// BreakIterator, or to overlapping character bigrams for Han/kana when
// CjkSegmentation::kBigrams is chosen (see docs/ENRICHMENT.md for the timing
// that set the default).
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
  kDictionary,  // ICU word BreakIterator (real words; slower)
  kBigrams,     // overlapping character bigrams for Han/kana (fast, noisier)
};

struct TokenizerOptions {
  CjkSegmentation cjk = CjkSegmentation::kDictionary;
  // French/Italian elision: l'amour -> amour, qu'il -> il, dell'anno -> anno.
  // aujourd'hui and English contractions (don't) stay one word.
  bool split_elision = true;
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

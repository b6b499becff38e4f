#include "enrich/text/analyzer.h"

#include "common/short_equal.h"
#include "enrich/text/fold.h"
#include "enrich/text/stemmer.h"
#include "enrich/text/utf8.h"

namespace roost::text {
namespace {

// Set of the terms already added for the current text: open addressing over
// the terms' byte offsets in the list, so a long Japanese tweet (100+
// tokens) does not pay a quadratic scan. Reused per thread; cleared per text.
class TermDeduper {
 public:
  void Reset(TermList* terms) {
    terms_ = terms;
    for (uint32_t slot : used_) slots_[slot] = kEmpty;
    used_.clear();
    offsets_.clear();
    if (slots_.empty()) slots_.assign(kInitialSlots, kEmpty);
  }

  void Add(std::string_view term) {
    if (term.empty()) return;
    if (used_.size() * 2 >= slots_.size()) Grow();
    uint64_t h = Hash(term);
    size_t mask = slots_.size() - 1;
    for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
      uint32_t offset = slots_[slot];
      if (offset == kEmpty) {
        offset = terms_->end_offset();
        slots_[slot] = offset;
        used_.push_back(static_cast<uint32_t>(slot));
        offsets_.push_back(offset);
        terms_->push_back(term);
        return;
      }
      if (ShortEqual(terms_->TermAtOffset(offset), term)) return;
    }
  }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;
  static constexpr size_t kInitialSlots = 256;

  static uint64_t Hash(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a: terms are short
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h ^ (h >> 29);
  }

  void Grow() {
    slots_.assign(slots_.size() * 2, kEmpty);
    used_.clear();
    size_t mask = slots_.size() - 1;
    for (uint32_t offset : offsets_) {
      size_t slot = Hash(terms_->TermAtOffset(offset)) & mask;
      while (slots_[slot] != kEmpty) slot = (slot + 1) & mask;
      slots_[slot] = offset;
      used_.push_back(static_cast<uint32_t>(slot));
    }
  }

  TermList* terms_ = nullptr;
  std::vector<uint32_t> slots_;    // byte offset of a term, or kEmpty
  std::vector<uint32_t> used_;     // slots filled for this text
  std::vector<uint32_t> offsets_;  // terms added for this text
};

// Only spaces between two tokens: they can form a phrase. Tokens that touch
// (CJK segments) form one only with dictionary segmentation: a phrase of two
// overlapping Han bigrams or of a word and its inflection means nothing.
bool OnlySpaceBetween(std::string_view text, const Token& a, const Token& b, bool touching_ok) {
  if (a.end == b.begin) return touching_ok;
  for (uint32_t k = a.end; k < b.begin; ++k) {
    char c = text[k];
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

}  // namespace

void AppendEmojiTerm(std::string_view emoji, std::string* out) {
  size_t i = 0;
  while (i < emoji.size()) {
    int len;
    char32_t cp = DecodeUtf8(emoji, i, &len);
    if (!(cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF))) {
      out->append(emoji.substr(i, len));
    }
    i += len;
  }
  if (out->empty()) out->append(emoji);  // a lone skin tone stays itself
}

void AppendEmoticonTerm(std::string_view e, std::string* out) {
  size_t start = out->size();
  if (e.substr(0, 4) == "&lt;") {
    out->push_back('<');
    e.remove_prefix(4);
  }
  for (size_t k = 0; k < e.size(); ++k) {
    char c = e[k];
    // A nose between eyes and mouth: ":-)" and ":)" are the same face.
    if (c == '-' && k > 0 && k + 1 < e.size() && (e[k - 1] == ':' || e[k - 1] == ';' ||
                                                   e[k - 1] == '\'')) {
      continue;
    }
    out->push_back(c);
  }
  std::string_view t(out->data() + start, out->size() - start);
  if (t == ":p" || t == ";p" || t == ":o") {
    (*out)[out->size() - 1] = static_cast<char>((*out)[out->size() - 1] - 32);
  } else if (t == "xD") {
    (*out)[start] = 'X';
  }
}

TextAnalyzer::TextAnalyzer(AnalyzerOptions options, std::shared_ptr<const StopwordSet> stopwords)
    : options_(options), tokenizer_(options.tokenizer), stopwords_(std::move(stopwords)) {}

std::string TextAnalyzer::MatchForm(std::string_view word, std::string_view lang) const {
  std::string folded = Fold(word);
  if (!options_.stem) return folded;
  return Stem(lang, folded);
}

void TextAnalyzer::AppendTerms(std::string_view text, const std::vector<Token>& tokens,
                               std::string_view lang, TermList* terms) const {
  const StopwordList* stop = stopwords_ ? stopwords_->ForLanguage(lang) : nullptr;
  const bool stem = options_.stem && HasStemmer(lang);
  // Scratch reused across calls on this thread: no allocation per token once warm.
  const bool touching_ok = options_.tokenizer.cjk == CjkSegmentation::kDictionary;
  thread_local std::string folded, stemmed, prev_term;
  // Bigrams are added after every unigram: kept as ranges of one buffer.
  thread_local std::string bigram_text;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> bigrams;
  thread_local TermDeduper dedupe;
  bigram_text.clear();
  bigrams.clear();
  // Terms are collected in a per-thread list and copied once at the end, so
  // the tweet's list is allocated at its final size (a segment's worth of
  // tweets is held in memory until it is written).
  thread_local TermList scratch;
  scratch.clear();
  dedupe.Reset(&scratch);
  const Token* prev_word = nullptr;  // previous token when it may start a bigram
  for (const Token& tok : tokens) {
    std::string_view raw = tok.In(text);
    folded.clear();
    switch (tok.kind) {
      case TokenKind::kUrl:
        prev_word = nullptr;
        continue;
      case TokenKind::kEmoji:
        AppendEmojiTerm(raw, &folded);
        dedupe.Add(folded);
        prev_word = nullptr;
        continue;
      case TokenKind::kEmoticon:
        AppendEmoticonTerm(raw, &folded);
        dedupe.Add(folded);
        prev_word = nullptr;
        continue;
      case TokenKind::kNumber:
        dedupe.Add(raw);
        prev_word = nullptr;
        continue;
      case TokenKind::kHashtag:
      case TokenKind::kMention:
      case TokenKind::kCashtag:
        FoldAppend(raw, &folded);
        dedupe.Add(folded);
        prev_word = nullptr;
        continue;
      case TokenKind::kWord:
        break;
    }
    FoldAppend(raw, &folded);
    if (folded.empty()) continue;
    bool is_stop = stop != nullptr && stop->Contains(folded);
    std::string_view term = folded;
    if (stem) {
      stemmed.clear();
      StemAppend(lang, folded, &stemmed);
      term = stemmed;
    }
    if (!(is_stop && options_.drop_stopwords)) dedupe.Add(term);
    if (options_.bigrams) {
      if (!is_stop && prev_word != nullptr &&
          OnlySpaceBetween(text, *prev_word, tok, touching_ok)) {
        uint32_t start = static_cast<uint32_t>(bigram_text.size());
        bigram_text.append(prev_term);
        bigram_text.push_back(' ');
        bigram_text.append(term);
        bigrams.emplace_back(start, static_cast<uint32_t>(bigram_text.size() - start));
      }
      if (is_stop) {
        prev_word = nullptr;
      } else {
        prev_word = &tok;
        prev_term.assign(term);
      }
    }
  }
  for (const auto& [start, len] : bigrams) {
    dedupe.Add(std::string_view(bigram_text).substr(start, len));
  }
  terms->append(scratch);
}

void TextAnalyzer::Analyze(std::string_view text, std::string_view lang, TermList* terms) const {
  thread_local std::vector<Token> tokens;
  tokens.clear();
  tokenizer_.Tokenize(text, &tokens);
  AppendTerms(text, tokens, lang, terms);
}

}  // namespace roost::text

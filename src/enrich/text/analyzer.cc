#include "enrich/text/analyzer.h"

#include "enrich/text/fold.h"
#include "enrich/text/stemmer.h"
#include "enrich/text/utf8.h"

namespace roost::text {
namespace {

void AddUnique(std::vector<std::string>* terms, size_t first, std::string_view term) {
  if (term.empty()) return;
  for (size_t k = first; k < terms->size(); ++k) {
    const std::string& t = (*terms)[k];
    if (t.size() == term.size() && t == term) return;
  }
  terms->emplace_back(term);
}

// Only spaces between two tokens: they can form a phrase.
bool OnlySpaceBetween(std::string_view text, const Token& a, const Token& b) {
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
                               std::string_view lang, std::vector<std::string>* terms) const {
  const size_t first = terms->size();
  const StopwordList* stop = stopwords_ ? stopwords_->ForLanguage(lang) : nullptr;
  const bool stem = options_.stem && HasStemmer(lang);
  // Scratch reused across calls on this thread: no allocation per token once warm.
  thread_local std::string folded, stemmed, prev_term, bigram;
  thread_local std::vector<std::string> bigrams;
  bigrams.clear();
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
        AddUnique(terms, first, folded);
        prev_word = nullptr;
        continue;
      case TokenKind::kEmoticon:
        AppendEmoticonTerm(raw, &folded);
        AddUnique(terms, first, folded);
        prev_word = nullptr;
        continue;
      case TokenKind::kNumber:
        AddUnique(terms, first, raw);
        prev_word = nullptr;
        continue;
      case TokenKind::kHashtag:
      case TokenKind::kMention:
      case TokenKind::kCashtag:
        FoldAppend(raw, &folded);
        AddUnique(terms, first, folded);
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
    if (!(is_stop && options_.drop_stopwords)) AddUnique(terms, first, term);
    if (options_.bigrams) {
      if (!is_stop && prev_word != nullptr && OnlySpaceBetween(text, *prev_word, tok)) {
        bigram.assign(prev_term);
        bigram.push_back(' ');
        bigram.append(term);
        bigrams.push_back(bigram);
      }
      if (is_stop) {
        prev_word = nullptr;
      } else {
        prev_word = &tok;
        prev_term.assign(term);
      }
    }
  }
  for (const auto& b : bigrams) AddUnique(terms, first, b);
}

void TextAnalyzer::Analyze(std::string_view text, std::string_view lang,
                           std::vector<std::string>* terms) const {
  thread_local std::vector<Token> tokens;
  tokens.clear();
  tokenizer_.Tokenize(text, &tokens);
  AppendTerms(text, tokens, lang, terms);
}

}  // namespace roost::text

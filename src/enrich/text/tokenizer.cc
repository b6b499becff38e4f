#include "enrich/text/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <utf8proc.h>

#include <array>
#include <cstring>
#include <memory>

#include "enrich/text/utf8.h"

namespace roost::text {
namespace {

// Longest tokens kept; longer runs are spam or encoded data, not words.
constexpr size_t kMaxTokenBytes = 100;

enum class Cls : uint8_t {
  kOther,     // punctuation, symbols, spaces, controls
  kLetter,    // letters of space-separated scripts (ASCII letters too)
  kDigit,
  kMark,      // combining marks (continue a word, never start one)
  kCjk,       // Han, kana: dictionary or bigram segmentation
  kSea,       // Thai, Lao, Khmer, Myanmar: dictionary segmentation
  kEmoji,     // Extended_Pictographic
  kRegional,  // regional indicator (two make a flag)
  kEmojiMod,  // skin tone modifier
  kJoiner,    // ZWNJ / ZWJ: inside words (Persian, Indic)
};

Cls ClassifyNonAscii(char32_t cp) {
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x3041 && cp <= 0x30FF && cp != 0x30FB && cp != 0x30A0) ||
      (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x31F0 && cp <= 0x31FF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) ||
      (cp >= 0x20000 && cp <= 0x3FFFF)) {
    return Cls::kCjk;
  }
  if ((cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1780 && cp <= 0x17FF) ||
      (cp >= 0x1000 && cp <= 0x109F)) {
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) return Cls::kSea;
    if (cat == UTF8PROC_CATEGORY_ND) return Cls::kDigit;
    return Cls::kOther;
  }
  if (cp == 0x200C || cp == 0x200D) return Cls::kJoiner;
  // Skin tones: utf8proc files them under Extend (grapheme rules of Unicode 11+).
  if (cp >= 0x1F3FB && cp <= 0x1F3FF) return Cls::kEmojiMod;
  const utf8proc_property_t* prop = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  switch (prop->boundclass) {
    case UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC:
    case UTF8PROC_BOUNDCLASS_E_ZWG:
      return Cls::kEmoji;
    case UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR:
      return Cls::kRegional;
    case UTF8PROC_BOUNDCLASS_E_MODIFIER:
      return Cls::kEmojiMod;
    default:
      break;
  }
  switch (prop->category) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return Cls::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return Cls::kMark;
    case UTF8PROC_CATEGORY_ND:
      return Cls::kDigit;
    default:
      return Cls::kOther;
  }
}

constexpr std::array<Cls, 128> MakeAsciiTable() {
  std::array<Cls, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = Cls::kLetter;
    } else if (c >= '0' && c <= '9') {
      t[c] = Cls::kDigit;
    } else {
      t[c] = Cls::kOther;
    }
  }
  return t;
}
constexpr std::array<Cls, 128> kAscii = MakeAsciiTable();

inline Cls ClassifyAt(std::string_view s, size_t i, char32_t* cp, int* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *cp = c;
    *len = 1;
    return kAscii[c];
  }
  *cp = DecodeUtf8(s, i, len);
  return ClassifyNonAscii(*cp);
}

inline bool IsWordCls(Cls c) { return c == Cls::kLetter || c == Cls::kDigit || c == Cls::kMark; }

bool StartsWithNoCase(std::string_view s, size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (AsciiLower(s[i + k]) != prefix[k]) return false;
  }
  return true;
}

// Elided articles and pronouns (French, Italian, Catalan) dropped before a
// word: l'amour -> amour. "aujourd" is not here, so aujourd'hui stays whole.
bool IsElisionPrefix(std::string_view s) {
  static constexpr std::string_view kPrefixes[] = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
      "dell", "nell", "all", "dall", "sull", "un", "quest", "quell", "po"};
  if (s.size() > 6) return false;
  char buf[8];
  for (size_t k = 0; k < s.size(); ++k) buf[k] = AsciiLower(s[k]);
  std::string_view lower(buf, s.size());
  for (auto p : kPrefixes) {
    if (p == lower) return p != "po";  // "po'" is Italian "a bit", a word of its own
  }
  return false;
}

// End of the word s[begin, end) without a final possessive 's or ’s.
size_t PossessiveStem(std::string_view s, size_t begin, size_t end) {
  if (end - begin < 3 || (s[end - 1] != 's' && s[end - 1] != 'S')) return end;
  if (s[end - 2] == '\'') return end - 2;
  if (end - begin >= 5 && s.compare(end - 4, 3, "\xE2\x80\x99") == 0) return end - 4;
  return end;
}

// Western emoticons, longest first so ":-)" wins over ":-".
constexpr std::string_view kEmoticons[] = {
    ">:-(", ">:-)", ":'-(", ":'-)", "\\o/", "^_^", "-_-", "T_T", ";_;", "o_O", "O_o", "</3",
    ">:(",  ">:)",  ":-)",  ":-(",  ":-D", ";-)", ":-P", ":-p", ":-/", ":-|", ":-O", ":-o",
    ":-*",  ":'(",  ":')",  ":)",   ":(",  ":D",  ";)",  ":P",  ":p",  ":/",  ":|",  ":O",
    ":o",   ":*",   "<3",   "=)",   "=(",  "=D",  "^^",  "XD",  "xD",  ":]",  ":[",  ":3",
    "D:",   ":@",   ";D",   ";P",   ";p"};

// Length of the emoticon at s[i], or 0. It must not run into a word.
size_t MatchEmoticon(std::string_view s, size_t i) {
  const char first = s[i];
  for (auto e : kEmoticons) {
    if (e[0] != first || s.compare(i, e.size(), e) != 0) continue;
    size_t after = i + e.size();
    if (after < s.size() && IsAsciiAlnum(static_cast<unsigned char>(s[after]))) continue;
    return e.size();
  }
  return 0;
}

// Top-level domains accepted for links written without a scheme. Short
// country codes need a path ("t.co/x") so "a.de" in prose is not a link.
bool IsCommonTld(std::string_view tld, bool has_path) {
  static constexpr std::string_view kAlways[] = {"com", "net", "org", "edu", "gov", "info"};
  static constexpr std::string_view kWithPath[] = {
      "co", "ly", "io", "me", "tv", "jp", "uk", "de", "fr", "es", "it", "nl", "ru", "br", "ca",
      "au", "in", "cn", "kr", "mx", "ar", "gl", "gd", "fm", "to", "us", "eu", "be", "ch", "biz"};
  char buf[8];
  if (tld.size() > sizeof(buf)) return false;
  for (size_t k = 0; k < tld.size(); ++k) buf[k] = AsciiLower(tld[k]);
  std::string_view lower(buf, tld.size());
  for (auto t : kAlways) {
    if (t == lower) return true;
  }
  if (!has_path) return false;
  for (auto t : kWithPath) {
    if (t == lower) return true;
  }
  return false;
}

// End of a URL starting at i: stops at whitespace, non-ASCII and quotes, then
// gives back trailing punctuation that belongs to the sentence.
size_t UrlEnd(std::string_view s, size_t i) {
  size_t j = i;
  bool open_paren = false;
  while (j < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[j]);
    if (c <= 0x20 || c >= 0x80 || c == '"' || c == '<' || c == '>') break;
    if (c == '&' && (s.compare(j, 4, "&lt;") == 0 || s.compare(j, 4, "&gt;") == 0 ||
                     s.compare(j, 6, "&quot;") == 0)) {
      break;
    }
    if (c == '(') open_paren = true;
    ++j;
  }
  while (j > i) {
    char c = s[j - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        c == ']' || c == '}' || (c == ')' && !open_paren)) {
      --j;
    } else {
      break;
    }
  }
  return j;
}

// A link without a scheme ("pic.twitter.com/abc", "nytimes.com"): returns
// its end, or 0 when s[i..] is not one.
size_t BareDomainEnd(std::string_view s, size_t i) {
  size_t j = i;
  size_t last_dot = 0;
  while (j < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[j]);
    if (IsAsciiAlnum(c) || c == '-') {
      ++j;
    } else if (c == '.' && j > i && s[j - 1] != '.') {
      last_dot = j;
      ++j;
    } else {
      break;
    }
  }
  if (last_dot == 0 || last_dot + 1 >= j) return 0;
  bool has_path = j < s.size() && s[j] == '/';
  if (j < s.size() && !has_path) {
    unsigned char c = static_cast<unsigned char>(s[j]);
    if (c == '@' || c == '_') return 0;  // e-mail or a handle
  }
  if (!IsCommonTld(s.substr(last_dot + 1, j - last_dot - 1), has_path)) return 0;
  return has_path ? UrlEnd(s, j) : j;
}

// Length of an HTML entity at s[i] ('&'), or 0.
size_t HtmlEntityLength(std::string_view s, size_t i) {
  static constexpr std::string_view kEntities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
  for (auto e : kEntities) {
    if (s.compare(i, e.size(), e) == 0) return e.size();
  }
  if (i + 3 < s.size() && s[i + 1] == '#') {
    size_t j = i + 2;
    while (j < s.size() && j < i + 9 && IsAsciiAlnum(static_cast<unsigned char>(s[j]))) ++j;
    if (j < s.size() && s[j] == ';' && j > i + 2) return j - i + 1;
  }
  return 0;
}

// Per-thread ICU word iterator: ICU iterators are not thread-safe, and
// creating one loads the dictionaries (milliseconds), so it is made once.
icu::BreakIterator* ThreadWordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iter = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iter.get();
}

class Scanner {
 public:
  Scanner(std::string_view s, const TokenizerOptions& options, std::vector<Token>* out)
      : s_(s), options_(options), out_(out) {}

  void Run();

 private:
  void Emit(TokenKind kind, size_t begin, size_t end) {
    if (end <= begin || end - begin > kMaxTokenBytes) return;
    out_->push_back(Token{kind, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  }
  // True when the byte before i does not glue a token to a previous word.
  bool AtBoundary(size_t i) const {
    if (i == 0) return true;
    unsigned char p = static_cast<unsigned char>(s_[i - 1]);
    return !(IsAsciiAlnum(p) || p == '_' || p == '&');
  }
  size_t ScanWord(size_t i);
  size_t ScanHashtag(size_t i);
  size_t ScanMention(size_t i);
  size_t ScanCashtag(size_t i);
  size_t ScanEmoji(size_t i, char32_t cp, Cls cls, int len);
  size_t ScanDictionaryRun(size_t i, Cls run_cls);
  void SegmentWithIcu(size_t begin, size_t end);
  void SegmentBigrams(size_t begin, size_t end);
  void SegmentScriptRuns(size_t begin, size_t end);

  std::string_view s_;
  const TokenizerOptions& options_;
  std::vector<Token>* out_;
};

void Scanner::Run() {
  const size_t n = s_.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s_[i]);
    if (c < 0x80) {
      Cls cls = kAscii[c];
      if (cls == Cls::kLetter || cls == Cls::kDigit) {
        if (AtBoundary(i)) {
          if (((c | 0x20) == 'h' && (StartsWithNoCase(s_, i, "http://") ||
                                     StartsWithNoCase(s_, i, "https://"))) ||
              ((c | 0x20) == 'w' && StartsWithNoCase(s_, i, "www."))) {
            size_t end = UrlEnd(s_, i);
            Emit(TokenKind::kUrl, i, end);
            i = end;
            continue;
          }
          // Letter-led faces: XD xD T_T o_O O_o D: (second byte decides cheaply).
          char next = i + 1 < n ? s_[i + 1] : '\0';
          if ((next == 'D' || next == '_' || next == ':') &&
              (c == 'X' || c == 'x' || c == 'T' || c == 'o' || c == 'O' || c == 'D')) {
            if (size_t len = MatchEmoticon(s_, i)) {
              Emit(TokenKind::kEmoticon, i, i + len);
              i += len;
              continue;
            }
          }
        }
        i = ScanWord(i);
        continue;
      }
      switch (c) {
        case '#':
          i = ScanHashtag(i);
          continue;
        case '@':
          i = ScanMention(i);
          continue;
        case '$':
          i = ScanCashtag(i);
          continue;
        case '&': {
          size_t len = HtmlEntityLength(s_, i);
          if (len == 4 && s_.compare(i, 4, "&lt;") == 0 && i + 4 < n && s_[i + 4] == '3' &&
              (i + 5 == n || !IsAsciiAlnum(static_cast<unsigned char>(s_[i + 5])))) {
            Emit(TokenKind::kEmoticon, i, i + 5);  // "<3" as v1.1 escapes it
            i += 5;
            continue;
          }
          i += len ? len : 1;
          continue;
        }
        case ':':
        case ';':
        case '=':
        case '<':
        case '>':
        case '^':
        case '-':
        case '\\':
          if (c == ':' || c == ';' || AtBoundary(i)) {
            if (size_t len = MatchEmoticon(s_, i)) {
              Emit(TokenKind::kEmoticon, i, i + len);
              i += len;
              continue;
            }
          }
          ++i;
          continue;
        default:
          ++i;
          continue;
      }
    }
    int len = 1;
    char32_t cp = DecodeUtf8(s_, i, &len);
    Cls cls = ClassifyNonAscii(cp);
    switch (cls) {
      case Cls::kLetter:
      case Cls::kDigit:
        i = ScanWord(i);
        break;
      case Cls::kCjk:
      case Cls::kSea:
        i = ScanDictionaryRun(i, cls);
        break;
      case Cls::kEmoji:
      case Cls::kRegional:
      case Cls::kEmojiMod:
        i = ScanEmoji(i, cp, cls, len);
        break;
      default:
        if (cp == 0xFF03) {  // fullwidth ＃ starts a hashtag too
          i = ScanHashtag(i);
        } else {
          i += len;
        }
        break;
    }
  }
}

size_t Scanner::ScanWord(size_t i) {
  const size_t n = s_.size();
  size_t j = i;
  bool has_letter = false;
  Cls prev = Cls::kOther;
  size_t first_apostrophe = 0, apostrophe_len = 0;
  while (j < n) {
    char32_t cp;
    int len;
    Cls cls = ClassifyAt(s_, j, &cp, &len);
    if (cls == Cls::kLetter || cls == Cls::kMark) {
      has_letter = has_letter || cls == Cls::kLetter;
    } else if (cls == Cls::kDigit) {
    } else if ((cp == '\'' || cp == 0x2019) && prev != Cls::kDigit && j > i && j + len < n) {
      char32_t ncp;
      int nlen;
      if (ClassifyAt(s_, j + len, &ncp, &nlen) != Cls::kLetter) break;
      if (apostrophe_len == 0) {
        first_apostrophe = j;
        apostrophe_len = len;
      }
    } else if ((cp == '.' || cp == ',' || cp == ':') && prev == Cls::kDigit && !has_letter &&
               j + 1 < n && IsAsciiDigit(static_cast<unsigned char>(s_[j + 1]))) {
    } else if (cls == Cls::kJoiner && IsWordCls(prev) && j + len < n) {
      char32_t ncp;
      int nlen;
      if (!IsWordCls(ClassifyAt(s_, j + len, &ncp, &nlen))) break;
    } else {
      break;
    }
    prev = cls;
    j += len;
  }
  if (j == i) return i + 1;  // defensive: always advance
  // A word glued to a domain ending ("nytimes.com/x") is a link, not words.
  if (j + 1 < n && s_[j] == '.' && IsAsciiAlnum(static_cast<unsigned char>(s_[j + 1])) &&
      AtBoundary(i) && static_cast<unsigned char>(s_[i]) < 0x80) {
    if (size_t end = BareDomainEnd(s_, i)) {
      Emit(TokenKind::kUrl, i, end);
      return end;
    }
  }
  size_t begin = i;
  if (options_.split_elision && apostrophe_len != 0 &&
      IsElisionPrefix(s_.substr(i, first_apostrophe - i))) {
    begin = first_apostrophe + apostrophe_len;
  }
  Emit(has_letter ? TokenKind::kWord : TokenKind::kNumber, begin,
       options_.strip_possessive && has_letter ? PossessiveStem(s_, begin, j) : j);
  return j;
}

size_t Scanner::ScanHashtag(size_t i) {
  int sign_len = static_cast<unsigned char>(s_[i]) == '#' ? 1 : 3;
  if (!AtBoundary(i)) return i + sign_len;
  size_t j = i + sign_len;
  bool has_non_digit = false;
  while (j < s_.size()) {
    char32_t cp;
    int len;
    Cls cls = ClassifyAt(s_, j, &cp, &len);
    if (cls == Cls::kLetter || cls == Cls::kMark || cls == Cls::kCjk || cls == Cls::kSea ||
        cp == '_' || cls == Cls::kJoiner) {
      has_non_digit = true;
    } else if (cls != Cls::kDigit) {
      break;
    }
    j += len;
  }
  if (!has_non_digit) return i + sign_len;  // "#1" is not a hashtag
  Emit(TokenKind::kHashtag, i, j);
  return j;
}

size_t Scanner::ScanMention(size_t i) {
  if (!AtBoundary(i)) return i + 1;  // e-mail address
  size_t j = i + 1;
  while (j < s_.size()) {
    unsigned char c = static_cast<unsigned char>(s_[j]);
    if (!(IsAsciiAlnum(c) || c == '_')) break;
    ++j;
  }
  if (j == i + 1) return i + 1;
  Emit(TokenKind::kMention, i, j);
  return j;
}

size_t Scanner::ScanCashtag(size_t i) {
  if (!AtBoundary(i)) return i + 1;
  size_t j = i + 1;
  while (j < s_.size() && j - i <= 6 && IsAsciiAlpha(static_cast<unsigned char>(s_[j]))) ++j;
  size_t letters = j - i - 1;
  if (letters == 0 || letters > 6) return i + 1;
  if (j + 1 < s_.size() && (s_[j] == '.' || s_[j] == '_') &&
      IsAsciiAlpha(static_cast<unsigned char>(s_[j + 1]))) {
    size_t k = j + 1;
    while (k < s_.size() && k - j <= 2 && IsAsciiAlpha(static_cast<unsigned char>(s_[k]))) ++k;
    if (k - j - 1 <= 2) j = k;
  }
  if (j < s_.size()) {
    unsigned char c = static_cast<unsigned char>(s_[j]);
    if (IsAsciiAlnum(c) || c == '_') return i + 1;
  }
  Emit(TokenKind::kCashtag, i, j);
  return j;
}

size_t Scanner::ScanEmoji(size_t i, char32_t /*cp*/, Cls cls, int len) {
  size_t j = i + len;
  const size_t n = s_.size();
  if (cls == Cls::kRegional) {
    char32_t ncp;
    int nlen;
    if (j < n && ClassifyAt(s_, j, &ncp, &nlen) == Cls::kRegional) j += nlen;
    Emit(TokenKind::kEmoji, i, j);
    return j;
  }
  while (j < n) {
    char32_t ncp;
    int nlen;
    Cls ncls = ClassifyAt(s_, j, &ncp, &nlen);
    if (ncp == 0xFE0F || ncp == 0xFE0E || ncp == 0x20E3 || ncls == Cls::kEmojiMod ||
        (ncp >= 0xE0020 && ncp <= 0xE007F)) {
      j += nlen;
    } else if (ncp == 0x200D && j + nlen < n) {
      char32_t acp;
      int alen;
      Cls acls = ClassifyAt(s_, j + nlen, &acp, &alen);
      if (acls != Cls::kEmoji) break;
      j += nlen + alen;
    } else {
      break;
    }
  }
  Emit(TokenKind::kEmoji, i, j);
  return j;
}

size_t Scanner::ScanDictionaryRun(size_t i, Cls run_cls) {
  size_t j = i;
  while (j < s_.size()) {
    char32_t cp;
    int len;
    Cls cls = ClassifyAt(s_, j, &cp, &len);
    if (cls != run_cls && !(cls == Cls::kMark && j > i)) break;
    j += len;
  }
  if (run_cls == Cls::kCjk && options_.cjk == CjkSegmentation::kBigrams) {
    SegmentBigrams(i, j);
  } else if (run_cls == Cls::kCjk && options_.cjk == CjkSegmentation::kScriptRuns) {
    SegmentScriptRuns(i, j);
  } else {
    SegmentWithIcu(i, j);
  }
  return j;
}

void Scanner::SegmentWithIcu(size_t begin, size_t end) {
  icu::BreakIterator* it = ThreadWordIterator();
  if (it == nullptr) {
    SegmentBigrams(begin, end);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, s_.data() + begin, static_cast<int64_t>(end - begin), &status);
  it->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    SegmentBigrams(begin, end);
    return;
  }
  const int32_t limit = static_cast<int32_t>(end - begin);
  int32_t start = it->first();
  for (int32_t stop = it->next(); stop != icu::BreakIterator::DONE; stop = it->next()) {
    // A reused iterator can step back on odd input (a run opening with a
    // combining mark); tokens must stay in text order and inside the run.
    if (stop <= start || stop > limit) continue;
    if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      Emit(TokenKind::kWord, begin + start, begin + stop);
    }
    start = stop;
  }
  utext_close(&ut);
}

void Scanner::SegmentBigrams(size_t begin, size_t end) {
  size_t prev = begin;
  int len;
  DecodeUtf8(s_, begin, &len);
  size_t cur = begin + len;
  if (cur >= end) {
    Emit(TokenKind::kWord, begin, end);
    return;
  }
  while (cur < end) {
    DecodeUtf8(s_, cur, &len);
    Emit(TokenKind::kWord, prev, cur + len);
    prev = cur;
    cur += len;
  }
}

enum class CjkScript : uint8_t { kHan, kHiragana, kKatakana };

CjkScript ScriptOf(char32_t cp, CjkScript current) {
  if (cp >= 0x3041 && cp <= 0x309F) return CjkScript::kHiragana;
  // The prolonged sound mark and combining marks continue any kana run.
  if (cp == 0x30FC || cp == 0xFF70 || cp == 0x3099 || cp == 0x309A) {
    return current == CjkScript::kHan ? CjkScript::kKatakana : current;
  }
  if ((cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
      (cp >= 0xFF66 && cp <= 0xFF9F)) {
    return CjkScript::kKatakana;
  }
  return CjkScript::kHan;
}

void Scanner::SegmentScriptRuns(size_t begin, size_t end) {
  size_t run_start = begin;
  int len;
  char32_t cp = DecodeUtf8(s_, begin, &len);
  CjkScript run_script = ScriptOf(cp, CjkScript::kHan);
  size_t run_chars = 1;
  size_t k = begin + len;
  auto flush = [&](size_t run_end) {
    if (run_script == CjkScript::kHan && run_chars > 2) {
      SegmentBigrams(run_start, run_end);
    } else {
      Emit(TokenKind::kWord, run_start, run_end);
    }
  };
  while (k < end) {
    cp = DecodeUtf8(s_, k, &len);
    CjkScript script = ScriptOf(cp, run_script);
    if (script != run_script) {
      flush(k);
      run_start = k;
      run_script = script;
      run_chars = 0;
    }
    ++run_chars;
    k += len;
  }
  flush(end);
}

}  // namespace

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kHashtag: return "hashtag";
    case TokenKind::kMention: return "mention";
    case TokenKind::kCashtag: return "cashtag";
    case TokenKind::kUrl: return "url";
    case TokenKind::kEmoji: return "emoji";
    case TokenKind::kEmoticon: return "emoticon";
  }
  return "unknown";
}

void Tokenizer::Tokenize(std::string_view text, std::vector<Token>* out) const {
  Scanner(text, options_, out).Run();
}

}  // namespace roost::text

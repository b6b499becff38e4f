#include "enrich/language/language_id.h"

// Debian's CLD2 headers use printf-family declarations without including them.
#include <cstdio>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

namespace roost::language {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

bool StartsWithNoCase(std::string_view s, size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[k]) return false;
  }
  return true;
}

bool IsSpaceByte(unsigned char c) { return c <= 0x20; }

// Length of the interchange-valid UTF-8 character at s[i] (what CLD2
// requires: its scanners crash on some invalid input), or 0 when it is not
// one: malformed or overlong bytes, surrogates, C0/C1 controls other than
// tab/CR/LF, DEL, noncharacters.
int ValidCharLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t left = s.size() - i;
  unsigned char b0 = p[0];
  if (b0 < 0x80) {
    return (b0 >= 0x20 && b0 != 0x7F) || b0 == '\t' || b0 == '\n' || b0 == '\r' ? 1 : 0;
  }
  auto cont = [&](size_t k) { return k < left && (p[k] & 0xC0) == 0x80; };
  char32_t cp;
  int len;
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    cp = (char32_t(b0 & 0x1F) << 6) | (p[1] & 0x3F);
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    len = 3;
    if (cp < 0x800) return 0;
  } else if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    cp = (char32_t(b0 & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
         (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    len = 4;
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
  } else {
    return 0;
  }
  if (cp < 0xA0) return 0;                        // C1 controls
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;     // surrogates
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return 0;     // noncharacters
  if ((cp & 0xFFFE) == 0xFFFE) return 0;          // U+xFFFE, U+xFFFF
  return len;
}

// Appends s[i] (one character) to *out when valid, else a space; returns
// the number of bytes consumed.
size_t CopyValidChar(std::string_view s, size_t i, std::string* out) {
  int len = ValidCharLength(s, i);
  if (len == 0) {
    out->push_back(' ');
    return 1;
  }
  out->append(s.data() + i, len);
  return len;
}

// CLD2 on text already made interchange-valid.
LanguageGuess DetectClean(std::string_view text);

// CLD2 code -> ISO 639-1 where CLD2 uses an old or regional code.
std::string IsoCode(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  std::string_view code = CLD2::LanguageCode(lang);
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "un" || code == "xxx" || code.empty()) return "und";
  size_t dash = code.find('-');  // "zh-Hant", "sr-ME"
  if (dash != std::string_view::npos) code = code.substr(0, dash);
  return std::string(code);
}

// CLD2's close set of a language code (0: none or unknown code). CLD2 finds
// a code by scanning its name tables, a cost paid per tweet with a platform
// tag; the answers are remembered per thread (a few dozen codes in practice).
int CloseSetOf(std::string_view code) {
  thread_local std::unordered_map<std::string, int> known;
  const std::string name(code);
  auto it = known.find(name);
  if (it != known.end()) return it->second;
  const CLD2::Language lang = CLD2::GetLanguageFromName(name.c_str());
  const int set = lang == CLD2::UNKNOWN_LANGUAGE ? 0 : CLD2::LanguageCloseSet(lang);
  if (known.size() < 4096) known.emplace(name, set);  // bounded against odd tags
  return set;
}

bool SameOrClose(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const int set = CloseSetOf(a);
  return set != 0 && set == CloseSetOf(b);
}

}  // namespace

const char* SourceName(LanguageGuess::Source source) {
  switch (source) {
    case LanguageGuess::Source::kNone: return "none";
    case LanguageGuess::Source::kDetector: return "detector";
    case LanguageGuess::Source::kPlatform: return "platform";
    case LanguageGuess::Source::kBoth: return "both";
  }
  return "none";
}

namespace {

// How StripEntities treats a byte inside a run of plain text: one table load
// per byte instead of a chain of comparisons.
enum class RunByte : uint8_t {
  kPlain,    // printable ASCII that starts nothing
  kEnds,     // control, non-ASCII, '#', '@', '$', '&': handled one by one
  kUrlStart  // 'h', 'w' (either case): ends the run at a word start
};

constexpr std::array<RunByte, 256> MakeRunBytes() {
  std::array<RunByte, 256> t{};
  for (int b = 0; b < 256; ++b) {
    if (b < 0x20 || b >= 0x7F || b == '#' || b == '@' || b == '$' || b == '&') t[b] = RunByte::kEnds;
    else if ((b | 0x20) == 'h' || (b | 0x20) == 'w') t[b] = RunByte::kUrlStart;
    else t[b] = RunByte::kPlain;
  }
  return t;
}
constexpr std::array<RunByte, 256> kRunBytes = MakeRunBytes();

}  // namespace

void StripEntities(std::string_view s, std::string* out) {
  const size_t n = s.size();
  size_t i = 0;
  // A retweet prefix "RT @user:" says nothing about the language.
  while (i < n && IsSpaceByte(static_cast<unsigned char>(s[i]))) ++i;
  if (s.compare(i, 2, "RT") == 0 && (i + 2 == n || s[i + 2] == ' ' || s[i + 2] == ':')) i += 2;
  out->reserve(out->size() + n - i);
  while (i < n) {
    // A run of printable ASCII that can start no entity or reference is
    // copied whole; the byte that ends it goes through the cases below.
    size_t j = i;
    while (j < n) {
      const RunByte kind = kRunBytes[static_cast<unsigned char>(s[j])];
      if (kind == RunByte::kPlain) {
        ++j;
        continue;
      }
      if (kind == RunByte::kEnds) break;
      // h/w: ends the run where a URL could start (after a non-alphanumeric).
      if (j == 0 || !IsAsciiAlnum(static_cast<unsigned char>(s[j - 1]))) break;
      ++j;
    }
    if (j > i) {
      out->append(s.data() + i, j - i);
      i = j;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool boundary = i == 0 || !IsAsciiAlnum(static_cast<unsigned char>(s[i - 1]));
    if (boundary && (((c | 0x20) == 'h' && (StartsWithNoCase(s, i, "http://") ||
                                            StartsWithNoCase(s, i, "https://"))) ||
                     ((c | 0x20) == 'w' && StartsWithNoCase(s, i, "www.")))) {
      while (i < n && !IsSpaceByte(static_cast<unsigned char>(s[i]))) ++i;
      out->push_back(' ');
      continue;
    }
    if (boundary && (c == '#' || c == '@' || c == '$') && i + 1 < n &&
        !IsSpaceByte(static_cast<unsigned char>(s[i + 1]))) {
      ++i;
      // The tag runs to the next space or ASCII punctuation (not '_').
      while (i < n) {
        unsigned char d = static_cast<unsigned char>(s[i]);
        if (IsSpaceByte(d) || (d < 0x80 && !IsAsciiAlnum(d) && d != '_')) break;
        ++i;
      }
      out->push_back(' ');
      continue;
    }
    if (c == '&') {
      size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 7 && semi > i + 1) {
        i = semi + 1;
        out->push_back(' ');
        continue;
      }
    }
    if (c >= 0x20 && c < 0x7F) {
      out->push_back(static_cast<char>(c));
      ++i;
    } else {
      i += CopyValidChar(s, i, out);
    }
  }
}

LanguageGuess DetectLanguage(std::string_view text) {
  thread_local std::string clean;
  clean.clear();
  for (size_t i = 0; i < text.size();) i += CopyValidChar(text, i, &clean);
  return DetectClean(clean);
}

namespace {

LanguageGuess DetectClean(std::string_view text) {
  LanguageGuess guess;
  if (text.empty()) return guess;
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  // Both callers made the text interchange-valid, so CLD2's own UTF-8 scan
  // (the CheckUTF8 variant) would only repeat that work.
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()),
                                                       /*is_plain_text=*/true, top3, percent3, &text_bytes,
                                                       &reliable);
  guess.text_bytes = text_bytes;
  guess.reliable = reliable;
  std::string code = IsoCode(lang);
  if (code == "und" || !reliable) return guess;
  float share = std::clamp(percent3[0], 0, 100) / 100.0f;
  float length = std::min(1.0f, 0.5f + text_bytes / 60.0f);
  guess.lang = std::move(code);
  guess.confidence = share * length;
  guess.source = LanguageGuess::Source::kDetector;
  return guess;
}

}  // namespace

std::string NormalizePlatformTag(std::string_view tag) {
  // The primary subtag, lower-cased ("en-GB", "zh_TW" -> "en", "zh").
  // Called once per tweet, so it compares short codes as bytes rather than
  // through string comparisons.
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  auto lower = [](char c) { return static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c); };
  char t[8];
  const size_t n = primary.size();
  if (n > sizeof t) {  // no language code is this long: kept as it is, lower-cased
    std::string out(primary);
    for (char& c : out) c = lower(c);
    return out;
  }
  for (size_t i = 0; i < n; ++i) t[i] = lower(primary[i]);
  auto is = [&](const char* code) { return std::string_view(t, n) == code; };
  switch (n) {
    case 0:
      return "";
    case 2:
      if (is("in")) return "id";
      if (is("iw")) return "he";
      if (is("ji")) return "yi";
      if (is("nb") || is("nn")) return "no";
      break;
    case 3:
      if (is("und") || is("zxx") || is("art") || is("mul")) return "";
      if (t[0] == 'q') return "";  // qme, qht, qam, qct, qst: no text
      if (is("fil")) return "tl";
      break;
  }
  return std::string(t, n);
}

namespace {

// CombineWithPlatformTag with the tag already normalised.
LanguageGuess CombineWithTag(const LanguageGuess& detected, std::string tag) {
  if (tag.empty()) return detected;
  LanguageGuess out = detected;
  if (detected.lang == "und") {
    out.lang = std::move(tag);
    out.confidence = kPlatformOnlyConfidence;
    out.source = LanguageGuess::Source::kPlatform;
    return out;
  }
  if (SameOrClose(detected.lang, tag)) {
    // Two independent sources agreeing.
    out.lang = std::move(tag);
    out.confidence = 1.0f - (1.0f - detected.confidence) * (1.0f - kPlatformOnlyConfidence);
    out.source = LanguageGuess::Source::kBoth;
    return out;
  }
  if (detected.reliable && detected.confidence >= kOverrideConfidence &&
      detected.text_bytes >= kOverrideMinBytes) {
    out.confidence = detected.confidence * (1.0f - 0.5f * kPlatformOnlyConfidence);
    out.source = LanguageGuess::Source::kDetector;
    return out;
  }
  out.lang = std::move(tag);
  out.confidence = kPlatformOnlyConfidence * (1.0f - 0.5f * detected.confidence);
  out.source = LanguageGuess::Source::kPlatform;
  return out;
}

}  // namespace

LanguageGuess CombineWithPlatformTag(const LanguageGuess& detected, std::string_view platform_tag) {
  return CombineWithTag(detected, NormalizePlatformTag(platform_tag));
}

std::string LanguageCodeFor(std::string_view name_or_code) {
  std::string lower(name_or_code);
  for (char& c : lower) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  if (lower == "und") return "und";
  if (lower.empty() || lower.size() > 40) return "";
  // A code, with or without a region ("en-gb", "zh_TW", "iw").
  const std::string code = NormalizePlatformTag(lower);
  if (!code.empty() && code.size() <= 3) {
    const std::string iso = IsoCode(CLD2::GetLanguageFromName(code.c_str()));
    if (iso == code) return iso;
  }
  // A name: CLD2 knows languages by their English names, in upper case.
  std::string upper(name_or_code);
  for (char& c : upper) c = static_cast<char>((c >= 'a' && c <= 'z') ? c - 32 : c);
  const std::string iso = IsoCode(CLD2::GetLanguageFromName(upper.c_str()));
  return iso == "und" ? "" : iso;
}

LanguageGuess IdentifyLanguage(std::string_view text, std::string_view platform_tag) {
  thread_local std::string stripped;
  stripped.clear();
  StripEntities(text, &stripped);  // also makes it interchange-valid UTF-8
  // Under kOverrideMinBytes bytes CLD2 could not override a platform tag
  // anyway (it needs that many letters), so a tagged short text takes the
  // tag without running CLD2: the same answer as when CLD2 is unsure, for
  // the 30-40% of tweets that are this short, at a fraction of the cost.
  std::string tag = NormalizePlatformTag(platform_tag);
  if (stripped.size() < static_cast<size_t>(kOverrideMinBytes) && !tag.empty()) {
    return CombineWithTag(LanguageGuess(), std::move(tag));
  }
  return CombineWithTag(DetectClean(stripped), std::move(tag));
}

}  // namespace roost::language

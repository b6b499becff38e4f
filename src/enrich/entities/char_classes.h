// Character classes of the twitter-text grammar, as inline predicates over
// code points. ASCII is decided by table-free comparisons; everything else
// asks ICU for its general category only when needed.
#ifndef ROOST_ENRICH_ENTITIES_CHAR_CLASSES_H_
#define ROOST_ENRICH_ENTITIES_CHAR_CLASSES_H_

#include <unicode/uchar.h>

namespace roost::enrich::chars {

// The case lists below read as the grammar's character sets.
// clang-format off

inline bool IsAsciiAlpha(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char32_t c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
inline char32_t AsciiLower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

inline bool IsAsciiPunct(char32_t c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

// twitter-text's `spaces` group.
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Characters that make a tweet invalid (and never belong to an entity).
inline bool IsInvalidChar(char32_t c) { return c == 0xFFFE || c == 0xFEFF || c == 0xFFFF; }

inline bool IsDirectionalMarker(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x2066 && c <= 0x2069);
}

inline bool IsLatinAccent(char32_t c) {
  if (c < 0xC0) return false;
  if (c <= 0xFF) return c != 0xD7 && c != 0xF7;
  if (c <= 0x24F) return true;
  switch (c) {
    case 0x253: case 0x254: case 0x256: case 0x257: case 0x259: case 0x25B: case 0x263:
    case 0x268: case 0x26F: case 0x272: case 0x289: case 0x28B: case 0x2BB:
      return true;
    default:
      break;
  }
  return (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
}

inline bool IsCyrillic(char32_t c) { return c >= 0x400 && c <= 0x4FF; }

// --- URLs -------------------------------------------------------------------

// A character allowed in a domain label (not punctuation, space, control,
// invalid or directional).
inline bool IsDomainChar(char32_t c) {
  if (c < 0xA0) return IsAsciiAlnum(c);  // ASCII punctuation, spaces and controls are out
  return !IsSpace(c) && !IsInvalidChar(c) && !IsDirectionalMarker(c) && c != 0xFFFD;
}
// Domain chars plus the separators a label may hold inside.
inline bool IsLabelChar(char32_t c) { return IsDomainChar(c) || c == '-' || c == '_'; }

// What may stand right before a URL (the regex consumes it).
inline bool IsValidUrlPreceding(char32_t c) {
  if (IsDirectionalMarker(c)) return true;
  if (c < 0x80) return !IsAsciiAlnum(c) && c != '@' && c != '$' && c != '#';
  return c != 0xFF20 && c != 0xFF03 && !IsInvalidChar(c);
}

// Characters of a protocol-less ASCII domain label ([-a-z0-9] + Latin accents).
inline bool IsAsciiDomainLabelChar(char32_t c) {
  return IsAsciiAlnum(c) || c == '-' || IsLatinAccent(c);
}

inline bool IsUrlPathChar(char32_t c) {
  if (c < 0x80) {
    if (IsAsciiAlnum(c)) return true;
    switch (c) {
      case '!': case '*': case '\'': case ';': case ':': case '=': case '+': case ',':
      case '.': case '$': case '/': case '%': case '#': case '[': case ']': case '-':
      case '_': case '~': case '&': case '|': case '@':
        return true;
      default:
        return false;
    }
  }
  return IsCyrillic(c) || IsLatinAccent(c) || c == 0x2013;
}

inline bool IsUrlPathEndingChar(char32_t c) {
  if (c < 0x80) {
    return IsAsciiAlnum(c) || c == '+' || c == '-' || c == '=' || c == '_' || c == '#' ||
           c == '/';
  }
  return IsCyrillic(c) || IsLatinAccent(c);
}

inline bool IsUrlQueryChar(char32_t c) {
  if (c >= 0x80) return false;
  if (IsAsciiAlnum(c)) return true;
  switch (c) {
    case '!': case '?': case '*': case '\'': case '@': case '(': case ')': case ';': case ':':
    case '&': case '=': case '+': case '$': case '/': case '%': case '#': case '[': case ']':
    case '-': case '_': case '.': case ',': case '~': case '|':
      return true;
    default:
      return false;
  }
}

inline bool IsUrlQueryEndingChar(char32_t c) {
  return c < 0x80 && (IsAsciiAlnum(c) || c == '-' || c == '_' || c == '&' || c == '=' ||
                      c == '#' || c == '/');
}

// --- Hashtags, mentions, cashtags --------------------------------------------

inline bool IsHashSign(char32_t c) { return c == '#' || c == 0xFF03; }
inline bool IsAtSign(char32_t c) { return c == '@' || c == 0xFF20; }

// Letters and marks (twitter-text's hashtagAlpha).
inline bool IsHashtagAlpha(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(c);
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

inline bool IsHashtagSpecial(char32_t c) {
  switch (c) {
    case '_': case 0x200C: case 0x200D: case 0xA67E: case 0x05BE: case 0x05F3: case 0x05F4:
    case 0xFF5E: case 0x301C: case 0x309B: case 0x309C: case 0x30A0: case 0x30FB: case 0x3003:
    case 0x0F0B: case 0x0F0C: case 0x00B7:
      return true;
    default:
      return false;
  }
}

// Letters, marks, decimal digits and the special joiners (hashtagAlphaNumeric).
inline bool IsHashtagAlnum(char32_t c) {
  if (c < 0x80) return IsAsciiAlnum(c) || c == '_';
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0 ||
         IsHashtagSpecial(c);
}

inline bool IsScreenNameChar(char32_t c) { return IsAsciiAlnum(c) || c == '_'; }

// clang-format on

}  // namespace roost::enrich::chars

#endif  // ROOST_ENRICH_ENTITIES_CHAR_CLASSES_H_

// Hashtags, mentions, lists, cashtags and replies.
#include <algorithm>

#include "enrich/entities/char_classes.h"
#include "enrich/entities/scanners.h"

namespace roost::enrich {
namespace {

using namespace chars;  // NOLINT: the predicates read like the grammar

// "://" right at cps[i].
bool AtSchemeSeparator(const DecodedText& t, int i) {
  return i + 2 < t.size() && t.cps[i] == ':' && t.cps[i + 1] == '/' && t.cps[i + 2] == '/';
}

// twitter-text endMentionMatch: a match followed by this is not a mention.
bool EndsMention(const DecodedText& t, int i) {
  if (i >= t.size()) return false;
  char32_t c = t.cps[i];
  return IsAtSign(c) || IsLatinAccent(c) || AtSchemeSeparator(t, i);
}

bool HashtagBoundary(char32_t c) {
  if (c == 0xFE0E || c == 0xFE0F) return true;
  return !IsHashtagAlnum(c) && c != '&';
}

// Characters that may not precede an @ ([a-zA-Z0-9_!#$%&*@＠]).
bool BlocksMention(char32_t c) {
  return IsScreenNameChar(c) || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' ||
         c == '*' || IsAtSign(c);
}

// Characters that may not precede "RT" before an @ ([a-zA-Z0-9_+~.-]).
bool BlocksRetweet(char32_t c) {
  return IsScreenNameChar(c) || c == '+' || c == '~' || c == '.' || c == '-';
}

// Whether the @ at `at` has a valid preceding context that starts at or
// after `search` (validMentionPrecedingChars, including "RT:").
bool MentionPrecedingOk(const DecodedText& t, int at, int search) {
  const char32_t* c = t.cps;
  if (at == 0) return true;
  if (at - 1 >= search && !BlocksMention(c[at - 1])) return true;
  for (int colon = 1; colon >= 0; --colon) {
    int r = at - colon;
    if (colon && c[at - 1] != ':') continue;
    int q = r - 2;
    if (q < search || q < 0) continue;
    if ((c[q] | 0x20) != 'r' || (c[q + 1] | 0x20) != 't') continue;
    if (q == 0) return true;
    if (q - 1 >= search && !BlocksRetweet(c[q - 1])) return true;
  }
  return false;
}

Entity MakeEntity(const DecodedText& t, Entity::Type type, int start, int text_start, int end) {
  std::string_view s = t.Slice(text_start, end);
  return Entity{type, std::string(s), start, end};
}

bool CashtagFollowOk(const DecodedText& t, int i) {
  if (i >= t.size()) return true;
  char32_t c = t.cps[i];
  return IsSpace(c) || c == 0xFEFF || IsAsciiPunct(c);
}

}  // namespace

void ScanHashtags(const DecodedText& t, std::vector<Entity>* out) {
  const int n = t.size();
  const char32_t* c = t.cps;
  int search = 0;
  for (int i = 0; i < n; ++i) {
    if (!IsHashSign(c[i])) continue;
    if (i != 0 && !(i - 1 >= search && HashtagBoundary(c[i - 1]))) continue;
    if (i + 1 < n && (c[i + 1] == 0xFE0F || c[i + 1] == 0x20E3)) continue;
    int j = i + 1;
    bool has_alpha = false;
    while (j < n && IsHashtagAlnum(c[j])) {
      has_alpha = has_alpha || IsHashtagAlpha(c[j]);
      ++j;
    }
    if (!has_alpha) continue;
    search = j;
    if (j < n && (IsHashSign(c[j]) || AtSchemeSeparator(t, j))) continue;
    out->push_back(MakeEntity(t, Entity::kHashtag, i, i + 1, j));
    i = j - 1;
  }
}

void ScanMentions(const DecodedText& t, bool with_lists, std::vector<Entity>* out) {
  const int n = t.size();
  const char32_t* c = t.cps;
  int search = 0;
  for (int at = 0; at < n; ++at) {
    if (!IsAtSign(c[at]) || at < search) continue;
    if (!MentionPrecedingOk(t, at, search)) continue;
    int name_end = at + 1;
    while (name_end < n && name_end - at - 1 < 20 && IsScreenNameChar(c[name_end])) ++name_end;
    if (name_end == at + 1) continue;
    int end = name_end;
    if (end + 1 < n && c[end] == '/' && IsAsciiAlpha(c[end + 1])) {
      int k = end + 2;
      while (k < n && k - (name_end + 1) < 25 && (IsScreenNameChar(c[k]) || c[k] == '-')) ++k;
      end = k;
    }
    search = end;
    const int start = at;
    at = end - 1;
    if (EndsMention(t, end)) continue;
    if (end == name_end) {
      out->push_back(MakeEntity(t, Entity::kMention, start, start + 1, end));
    } else if (with_lists) {
      out->push_back(MakeEntity(t, Entity::kList, start, start + 1, end));
    }
  }
}

void ScanCashtags(const DecodedText& t, std::vector<Entity>* out) {
  const int n = t.size();
  const char32_t* c = t.cps;
  int search = 0;
  for (int d = 0; d < n; ++d) {
    if (c[d] != '$' || d < search) continue;
    if (d != 0 && !(d - 1 >= search && IsSpace(c[d - 1]))) continue;
    int j = d + 1;
    while (j < n && IsAsciiAlpha(c[j])) ++j;
    int letters = j - d - 1;
    if (letters < 1 || letters > 6) continue;
    // [a-z]{1,6}(?:[._][a-z]{1,2})? followed by end, space or punctuation.
    int end = -1;
    if (j + 1 < n && (c[j] == '.' || c[j] == '_') && IsAsciiAlpha(c[j + 1])) {
      int suffix = (j + 2 < n && IsAsciiAlpha(c[j + 2])) ? 2 : 1;
      for (; suffix >= 1 && end < 0; --suffix) {
        if (CashtagFollowOk(t, j + 1 + suffix)) end = j + 1 + suffix;
      }
    }
    if (end < 0 && CashtagFollowOk(t, j)) end = j;
    if (end < 0) continue;
    search = end;
    out->push_back(MakeEntity(t, Entity::kCashtag, d, d + 1, end));
    d = end - 1;
  }
}

std::string ScanReply(const DecodedText& t) {
  const int n = t.size();
  const char32_t* c = t.cps;
  int i = 0;
  while (i < n && IsSpace(c[i])) ++i;
  if (i >= n || !IsAtSign(c[i])) return "";
  int j = i + 1;
  while (j < n && j - i - 1 < 20 && IsScreenNameChar(c[j])) ++j;
  if (j == i + 1 || EndsMention(t, j)) return "";
  return std::string(t.Slice(i + 1, j));
}

void RemoveOverlaps(std::vector<Entity>* entities) {
  if (entities->size() < 2) return;
  // Insertion sort: a handful of entities, already sorted within each kind,
  // and unlike std::stable_sort it never allocates.
  for (size_t i = 1; i < entities->size(); ++i) {
    for (size_t j = i; j > 0 && (*entities)[j].start < (*entities)[j - 1].start; --j) {
      std::swap((*entities)[j], (*entities)[j - 1]);
    }
  }
  size_t kept = 1;
  for (size_t i = 1; i < entities->size(); ++i) {
    if ((*entities)[i].start < (*entities)[kept - 1].end) continue;
    if (kept != i) (*entities)[kept] = std::move((*entities)[i]);
    ++kept;
  }
  entities->resize(kept);
}

}  // namespace roost::enrich

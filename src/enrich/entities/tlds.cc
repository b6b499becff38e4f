#include "enrich/entities/tlds.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "enrich/entities/char_classes.h"
#include "enrich/entities/decoded_text.h"
#include "enrich/entities/tld_table.h"

namespace roost::enrich {
namespace {

constexpr int kMaxAsciiTld = 64;

bool BlocksTld(char32_t c) { return chars::IsAsciiAlnum(c) || c == '@' || c == '+' || c == '-'; }

}  // namespace

const TldSet& TldSet::Get() {
  static const TldSet* set = new TldSet();
  return *set;
}

TldSet::TldSet() {
  DecodedText decoded;
  idn_storage_.reserve(kTldTableSize);
  for (int i = 0; i < kTldTableSize; ++i) {
    std::string_view tld = kTldTable[i];
    bool ascii = true;
    for (char ch : tld) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (ascii) {
      ascii_.insert(tld);
      continue;
    }
    decoded.Decode(tld);
    std::u32string lower;
    for (int k = 0; k < decoded.size(); ++k) {
      lower.push_back(static_cast<char32_t>(u_tolower(decoded.cps[k])));
    }
    if (static_cast<int>(lower.size()) > max_idn_length_) max_idn_length_ = lower.size();
    idn_storage_.push_back(std::move(lower));
  }
  for (const auto& s : idn_storage_) idn_.insert(s);
}

int TldSet::MatchAt(const char32_t* cps, int pos, int end) const {
  if (pos >= end) return 0;
  char32_t first = cps[pos];
  if (chars::IsAsciiAlpha(first)) {
    // An ASCII TLD must be followed by a non-[a-z0-9@+-] character, so it
    // can only be the whole run of letters.
    char buf[kMaxAsciiTld];
    int j = pos;
    while (j < end && chars::IsAsciiAlpha(cps[j]) && j - pos < kMaxAsciiTld) {
      buf[j - pos] = static_cast<char>(chars::AsciiLower(cps[j]));
      ++j;
    }
    if ((j == end || !BlocksTld(cps[j])) && ascii_.count(std::string_view(buf, j - pos))) {
      return j - pos;
    }
    // validPunycode: xn--[-0-9a-z]+ (no lookahead).
    if (end - pos > 4 && (first | 0x20) == 'x' && (cps[pos + 1] | 0x20) == 'n' &&
        cps[pos + 2] == '-' && cps[pos + 3] == '-') {
      int k = pos + 4;
      while (k < end && (chars::IsAsciiAlnum(cps[k]) || cps[k] == '-')) ++k;
      if (k > pos + 4) return k - pos;
    }
    // A few IDN TLDs start with ASCII letters ("vermögensberater").
    if (j == end || cps[j] < 0x80) return 0;
  } else if (first < 0x80) {
    return 0;
  }
  char32_t buf[64];
  int limit = std::min(end - pos, std::min(max_idn_length_, 64));
  for (int k = 0; k < limit; ++k) buf[k] = static_cast<char32_t>(u_tolower(cps[pos + k]));
  for (int len = limit; len >= 1; --len) {
    if (pos + len < end && BlocksTld(cps[pos + len])) continue;
    if (idn_.count(std::u32string_view(buf, len))) return len;
  }
  return 0;
}

}  // namespace roost::enrich

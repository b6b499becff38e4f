// twitter-text parseTweet: walks the NFC-normalised text in UTF-16 units
// (the unit of its reported ranges); a URL weighs transformed_url_length, an
// emoji sequence default_weight, any other code point its range weight.
#include "enrich/entities/tweet_length.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <string>
#include <string_view>
#include <vector>

#include "enrich/entities/char_classes.h"
#include "enrich/entities/decoded_text.h"
#include "enrich/entities/entity_extractor.h"
#include "enrich/entities/scanners.h"

namespace roost::enrich {
namespace {

constexpr LengthConfig::Range kV2Ranges[] = {
    {0, 4351, 100}, {8192, 8205, 100}, {8208, 8223, 100}, {8242, 8247, 100}};

bool IsEmojiModifier(char32_t c) { return c >= 0x1F3FB && c <= 0x1F3FF; }
bool IsRegionalIndicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
bool IsTag(char32_t c) { return c >= 0xE0020 && c <= 0xE007F; }
bool IsKeycapBase(char32_t c) { return chars::IsAsciiDigit(c) || c == '#' || c == '*'; }

// A code point that starts an emoji: emoji presentation by default, or a
// pictograph drawn as emoji. Pictographs below U+2000 (©, ®) count only with
// an explicit VS16, as emoji keyboards send them.
bool IsEmojiBase(char32_t c, char32_t next) {
  // Cheap ranges first: emoji live in Latin-1 (©, ®), U+2000..U+2BFF, a few
  // CJK symbols and the supplementary symbol planes; letters never ask ICU.
  if (c < 0xA9 || (c > 0xAE && c < 0x2000) || (c > 0x2BFF && c < 0x3030) ||
      (c > 0x3299 && c < 0x1F000) || c > 0x1FFFF) {
    return false;
  }
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) return true;
  if (!u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return false;
  return c >= 0x2000 || next == 0xFE0F;
}

// Length in code points of the emoji sequence at cps[i], or 0.
int EmojiLength(const char32_t* cps, int n, int i) {
  auto at = [&](int k) -> char32_t { return k < n ? cps[k] : 0; };
  char32_t c = cps[i];
  if (IsKeycapBase(c)) {
    if (at(i + 1) == 0x20E3) return 2;
    if (at(i + 1) == 0xFE0F && at(i + 2) == 0x20E3) return 3;
    return 0;
  }
  if (IsRegionalIndicator(c)) return IsRegionalIndicator(at(i + 1)) ? 2 : 1;
  if (!IsEmojiBase(c, at(i + 1))) return 0;
  int j = i + 1;
  while (j < n) {
    char32_t d = cps[j];
    if (d == 0xFE0F || d == 0xFE0E || IsEmojiModifier(d) || IsTag(d) || d == 0x20E3) {
      ++j;
    } else if (d == 0x200D && j + 1 < n && IsEmojiBase(cps[j + 1], at(j + 2))) {
      j += 2;
    } else {
      break;
    }
  }
  return j - i;
}

int CharWeight(char16_t unit, const LengthConfig& config) {
  for (int r = 0; r < config.range_count; ++r) {
    if (unit >= config.ranges[r].start && unit <= config.ranges[r].end)
      return config.ranges[r].weight;
  }
  return config.default_weight;
}

}  // namespace

const LengthConfig kLengthV1 = {1, 140, 1, 1, false, 23, nullptr, 0};
const LengthConfig kLengthV2 = {2, 280, 100, 200, false, 23, kV2Ranges, 4};
const LengthConfig kLengthV3 = {3, 280, 100, 200, true, 23, kV2Ranges, 4};

TweetLength ParseTweetText(std::string_view utf8, const LengthConfig& config) {
  TweetLength result;
  if (utf8.empty()) return result;
  // Reused buffers: parsing allocates nothing once warm.
  thread_local DecodedText original;
  thread_local DecodedText normalized;
  thread_local std::string normalized_utf8;
  thread_local std::vector<int> url_end_at;
  thread_local std::vector<Entity> urls;

  original.Decode(utf8);
  int original_units = 0;
  for (int i = 0; i < original.size(); ++i) original_units += original.cps[i] > 0xFFFF ? 2 : 1;

  // NFC first (most tweets already are: then the original is used as is).
  const DecodedText* text = &original;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (U_SUCCESS(status) && !nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    normalized_utf8.clear();
    icu::StringByteSink<std::string> sink(&normalized_utf8);
    nfc->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_SUCCESS(status)) {
      normalized.Decode(normalized_utf8);
      text = &normalized;
    }
  }
  const int n = text->size();
  const char32_t* cps = text->cps;

  urls.clear();
  ScanUrls(*text, &urls);
  url_end_at.assign(n, -1);
  for (const Entity& e : urls) url_end_at[e.start] = e.end;

  const int64_t max_scaled = int64_t{config.max_weighted_length} * config.scale;
  int64_t weighted = 0;
  int valid_display = 0;
  bool valid = true;
  int units = 0;  // UTF-16 units before cps[i]
  int i = 0;
  while (i < n) {
    int next;
    if (url_end_at[i] >= 0) {
      weighted += int64_t{config.transformed_url_length} * config.scale;
      next = url_end_at[i];
    } else if (int len = config.emoji_parsing ? EmojiLength(cps, n, i) : 0; len > 0) {
      weighted += config.default_weight;
      next = i + len;
    } else {
      char32_t c = cps[i];
      // Astral code points weigh what their low surrogate weighs.
      char16_t unit = c > 0xFFFF ? static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF))
                                 : static_cast<char16_t>(c);
      weighted += CharWeight(unit, config);
      next = i + 1;
    }
    for (int k = i; k < next; ++k) units += cps[k] > 0xFFFF ? 2 : 1;
    // twitter-text tests the last UTF-16 unit consumed (a low surrogate for
    // astral code points, never an invalid character).
    char32_t last = cps[next - 1];
    if (valid) valid = last > 0xFFFF || !chars::IsInvalidChar(last);
    if (valid && weighted <= max_scaled) valid_display = units - 1;
    i = next;
  }
  int normalized_units = units;
  const int length = static_cast<int>(weighted / config.scale);
  result.weighted_length = length;
  result.valid = valid && length > 0 && length <= config.max_weighted_length;
  result.permillage = static_cast<int>(int64_t{length} * 1000 / config.max_weighted_length);
  result.display_range_end = original_units - 1;
  result.valid_range_end = valid_display + (original_units - normalized_units);
  return result;
}

}  // namespace roost::enrich

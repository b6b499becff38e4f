#include "enrich/entities/entity_extractor.h"

#include <unicode/uchar.h>

#include <array>
#include <cstring>

#include "enrich/entities/char_classes.h"
#include "enrich/entities/scanners.h"
#include "enrich/entities/tlds.h"

namespace roost::enrich {
namespace {

// One decode buffer per thread: the hot path allocates only for the
// entities it returns.
DecodedText& ScratchText(std::string_view utf8) {
  thread_local DecodedText text;
  text.Decode(utf8);
  return text;
}

struct Triggers {
  bool dot = false, hash = false, at = false, dollar = false;
  bool any() const { return dot || hash || at || dollar; }
};

enum : uint8_t { kDot = 1, kHash = 2, kAt = 4, kDollar = 8, kEf = 16 };

constexpr std::array<uint8_t, 256> kTriggerTable = [] {
  std::array<uint8_t, 256> t{};
  t['.'] = kDot;
  t['#'] = kHash;
  t['@'] = kAt;
  t['$'] = kDollar;
  t[0xEF] = kEf;  // lead byte of the full-width ＃ (EF BC 83) and ＠ (EF BC A0)
  return t;
}();

// One branch-free pass over the bytes decides which scanners can find
// anything; most tweets skip most scanners.
Triggers FindTriggers(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  uint8_t flags = 0;
  for (size_t i = 0; i < n; ++i) flags |= kTriggerTable[p[i]];
  if (flags & kEf) {
    for (size_t i = 0; i + 2 < n; ++i) {
      if (p[i] == 0xEF && p[i + 1] == 0xBC) {
        if (p[i + 2] == 0x83) flags |= kHash;
        if (p[i + 2] == 0xA0) flags |= kAt;
      }
    }
  }
  Triggers t;
  t.dot = flags & kDot;
  t.hash = flags & kHash;
  t.at = flags & kAt;
  t.dollar = flags & kDollar;
  return t;
}

}  // namespace

TweetLength ParseTweetText(std::string_view utf8, const LengthConfig& config);

const char* EntityTypeName(Entity::Type type) {
  switch (type) {
    case Entity::kHashtag:
      return "hashtag";
    case Entity::kMention:
      return "mention";
    case Entity::kUrl:
      return "url";
    case Entity::kCashtag:
      return "cashtag";
    case Entity::kList:
      return "list";
  }
  return "unknown";
}

EntityExtractor::EntityExtractor() { TldSet::Get(); }

std::vector<Entity> EntityExtractor::Extract(std::string_view utf8) const {
  std::vector<Entity> out;
  Extract(utf8, &out);
  return out;
}

void EntityExtractor::Extract(std::string_view utf8, std::vector<Entity>* out) const {
  out->clear();
  Triggers t = FindTriggers(utf8);
  if (!t.any()) return;
  const DecodedText& text = ScratchText(utf8);
  if (t.dot) ScanUrls(text, out);
  if (t.at) ScanMentions(text, /*with_lists=*/true, out);
  if (t.hash) ScanHashtags(text, out);
  if (t.dollar) ScanCashtags(text, out);
  RemoveOverlaps(out);
}

std::vector<Entity> EntityExtractor::ExtractUrls(std::string_view utf8) const {
  std::vector<Entity> out;
  ScanUrls(ScratchText(utf8), &out);
  return out;
}

std::vector<Entity> EntityExtractor::ExtractHashtags(std::string_view utf8) const {
  std::vector<Entity> out;
  const DecodedText& text = ScratchText(utf8);
  ScanHashtags(text, &out);
  if (out.empty()) return out;
  size_t tags = out.size();
  ScanUrls(text, &out);
  if (out.size() == tags) return out;
  RemoveOverlaps(&out);
  std::erase_if(out, [](const Entity& e) { return e.type != Entity::kHashtag; });
  return out;
}

std::vector<Entity> EntityExtractor::ExtractMentions(std::string_view utf8) const {
  std::vector<Entity> out;
  ScanMentions(ScratchText(utf8), /*with_lists=*/false, &out);
  return out;
}

std::vector<Entity> EntityExtractor::ExtractMentionsOrLists(std::string_view utf8) const {
  std::vector<Entity> out;
  ScanMentions(ScratchText(utf8), /*with_lists=*/true, &out);
  return out;
}

std::vector<Entity> EntityExtractor::ExtractCashtags(std::string_view utf8) const {
  std::vector<Entity> out;
  ScanCashtags(ScratchText(utf8), &out);
  return out;
}

std::string EntityExtractor::ReplyScreenName(std::string_view utf8) const {
  // Most tweets are not replies: decide from the first non-space byte.
  size_t i = 0;
  while (i < utf8.size() && (utf8[i] == ' ' || (utf8[i] >= '\t' && utf8[i] <= '\r'))) ++i;
  if (i == utf8.size() || (utf8[i] != '@' && static_cast<unsigned char>(utf8[i]) < 0x80)) return "";
  return ScanReply(ScratchText(utf8));
}

TweetLength EntityExtractor::ParseTweet(std::string_view utf8, const LengthConfig& config) const {
  return ParseTweetText(utf8, config);
}

std::string NormalizeDomain(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    bool is_scheme = scheme > 0;
    for (size_t i = 0; i < scheme; ++i) {
      is_scheme = is_scheme && chars::IsAsciiAlpha(static_cast<unsigned char>(url[i]));
    }
    if (is_scheme) url.remove_prefix(scheme + 3);
  }
  url = url.substr(0, url.find_first_of("/?#"));
  size_t at = url.rfind('@');  // user:password@host
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  while (!url.empty() && url.back() == '.') url.remove_suffix(1);
  std::string host;
  host.reserve(url.size());
  DecodedText decoded;
  bool ascii = true;
  for (char ch : url) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    for (char ch : url)
      host.push_back(static_cast<char>(chars::AsciiLower(static_cast<unsigned char>(ch))));
  } else {
    decoded.Decode(url);
    for (int i = 0; i < decoded.size(); ++i) {
      char32_t c = decoded.cps[i];
      UChar32 lower = u_tolower(static_cast<UChar32>(c));
      char buf[4];
      int len = 0;
      if (lower < 0x80) {
        buf[len++] = static_cast<char>(lower);
      } else if (lower < 0x800) {
        buf[len++] = static_cast<char>(0xC0 | (lower >> 6));
        buf[len++] = static_cast<char>(0x80 | (lower & 0x3F));
      } else if (lower < 0x10000) {
        buf[len++] = static_cast<char>(0xE0 | (lower >> 12));
        buf[len++] = static_cast<char>(0x80 | ((lower >> 6) & 0x3F));
        buf[len++] = static_cast<char>(0x80 | (lower & 0x3F));
      } else {
        buf[len++] = static_cast<char>(0xF0 | (lower >> 18));
        buf[len++] = static_cast<char>(0x80 | ((lower >> 12) & 0x3F));
        buf[len++] = static_cast<char>(0x80 | ((lower >> 6) & 0x3F));
        buf[len++] = static_cast<char>(0x80 | (lower & 0x3F));
      }
      host.append(buf, len);
    }
  }
  // "www.example.com" -> "example.com", but "www.com" stays a domain.
  if (host.size() > 4 && host.compare(0, 4, "www.") == 0 &&
      host.find('.', 4) != std::string::npos) {
    host.erase(0, 4);
  }
  return host;
}

}  // namespace roost::enrich

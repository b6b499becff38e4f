// Tweet entities as twitter-text defines them: hashtags, mentions (and lists),
// URLs with and without protocol, cashtags, with code-point indices. A
// hand-written scanner over the decoded text (no regex engine): one pass per
// entity kind, only when the text holds that kind's trigger character.
//
// Conformance: every test of twitter-text's extract.yml passes (see
// docs/ENRICHMENT.md, "Entities"); the grammar follows twitter-text 3.x (JS).
#ifndef ROOST_ENRICH_ENTITIES_ENTITY_EXTRACTOR_H_
#define ROOST_ENRICH_ENTITIES_ENTITY_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "enrich/entities/tweet_length.h"

namespace roost::enrich {

struct Entity {
  enum Type : uint8_t { kHashtag, kMention, kUrl, kCashtag, kList };
  Type type;
  // Without the sigil: "tag" for #tag, "user" for @user, "user/slug" for the
  // list @user/slug, "AAPL" for $AAPL; a URL as written in the text.
  std::string text;
  int32_t start;  // code points, sigil included, [start, end)
  int32_t end;

  bool operator==(const Entity&) const = default;
};

const char* EntityTypeName(Entity::Type type);  // "hashtag", "mention", "url", ...

// Stateless and thread-safe: one instance can serve every thread (scratch
// buffers are thread-local, the TLD set is built once per process).
class EntityExtractor {
 public:
  EntityExtractor();

  // All entities sorted by start, overlaps removed (an entity that starts
  // inside an earlier one is dropped), as twitter-text's
  // extractEntitiesWithIndices. Never fails; invalid UTF-8 bytes count as
  // one U+FFFD each. The second form clears *out and reuses its capacity.
  std::vector<Entity> Extract(std::string_view utf8) const;
  void Extract(std::string_view utf8, std::vector<Entity>* out) const;

  // One kind each, as twitter-text's extractors (for conformance and tools).
  std::vector<Entity> ExtractUrls(std::string_view utf8) const;
  std::vector<Entity> ExtractHashtags(std::string_view utf8) const;  // minus those inside URLs
  std::vector<Entity> ExtractMentions(std::string_view utf8) const;  // lists left out
  std::vector<Entity> ExtractMentionsOrLists(std::string_view utf8) const;
  std::vector<Entity> ExtractCashtags(std::string_view utf8) const;

  // The screen name a tweet replies to (it starts with optional spaces and a
  // mention), or "" when it is not a reply.
  std::string ReplyScreenName(std::string_view utf8) const;

  // twitter-text parseTweet / getTweetLength / isValidTweet, v3 config by
  // default (emoji count as 2, CJK as 2, URLs as 23).
  TweetLength ParseTweet(std::string_view utf8, const LengthConfig& config = kLengthV3) const;
  int WeightedLength(std::string_view utf8) const { return ParseTweet(utf8).weighted_length; }
  bool IsValidTweet(std::string_view utf8) const { return ParseTweet(utf8).valid; }
};

// The `domains` column value of a URL: host lower-cased, no scheme, no
// "www.", no port, path, query or fragment ("HTTPS://WWW.Example.com:80/a"
// -> "example.com"). Returns "" when there is no host.
std::string NormalizeDomain(std::string_view url);

}  // namespace roost::enrich

#endif  // ROOST_ENRICH_ENTITIES_ENTITY_EXTRACTOR_H_

#include "query/targets.h"

#include "storage/segment_format.h"

#include <algorithm>
#include <cctype>

namespace roost::query {
namespace {

using K = TargetKind;

const TargetInfo kTargets[] = {
    {"text", K::kText, "text"},
    {"hashtags", K::kMultiDim, "hashtags", Norm::kLower},
    {"mentions", K::kMultiDim, "mentions", Norm::kLower},
    {"urls", K::kMultiDim, "urls"},
    {"domains", K::kMultiDim, "domains", Norm::kLower},
    {"cashtags", K::kMultiDim, "cashtags", Norm::kUpper},
    {"lang", K::kDim, "detected_lang"},
    {"platform_lang", K::kDim, "lang"},
    {"country", K::kDim, "country", Norm::kUpper},
    {"place", K::kDim, "place"},
    {"geo", K::kGeo, "geo"},
    {"author.handle", K::kDim, "handle", Norm::kLower},
    {"author.id", K::kDim, "user"},
    {"author.name", K::kString, "user_name"},
    {"author.followers", K::kInt, "followers"},
    {"author.friends", K::kInt, "friends"},
    {"author.statuses", K::kInt, "statuses"},
    {"author.verified", K::kBool, "verified"},
    {"author.created_at", K::kTime, "user_created_at"},
    {"author.description", K::kString, "user_description"},
    {"author.location", K::kString, "user_location"},
    {"is_retweet", K::kBool, "retweet_of"},
    {"is_reply", K::kBool, "reply_to"},
    {"is_quote", K::kBool, "quote_of"},
    {"retweet_of", K::kInt, "retweet_of"},
    {"reply_to", K::kString, "reply_to_screen_name", Norm::kLower},
    {"retweets", K::kInt, "retweet_count"},
    {"favorites", K::kInt, "favorite_count"},
    {"replies", K::kInt, "reply_count"},
    {"quotes", K::kInt, "quote_count"},
    {"source", K::kDim, "source"},
    {"sentiment", K::kFloat, "sentiment"},
    // Computed from the score: the parser rewrites it into `sentiment` ranges.
    {"sentiment_class", K::kString, "sentiment_class"},
    {"brand", K::kMultiDim, "brand_tags"},
    {"time", K::kTime, "created_at"},
    {"id", K::kInt, "id"},
};

struct Alias {
  const char* alias;
  const char* target;
};
const Alias kAliases[] = {
    {"interaction.content", "text"},
    {"twitter.text", "text"},
    {"content", "text"},
    {"interaction.hashtags", "hashtags"},
    {"twitter.hashtags", "hashtags"},
    {"interaction.mentions", "mentions"},
    {"twitter.mentions", "mentions"},
    {"links.url", "urls"},
    {"interaction.links", "urls"},
    {"twitter.links", "urls"},
    {"links.domain", "domains"},
    {"twitter.domains", "domains"},
    {"twitter.cashtags", "cashtags"},
    {"language.tag", "lang"},
    {"twitter.lang", "platform_lang"},
    {"twitter.place.country_code", "country"},
    {"place.country_code", "country"},
    {"twitter.place.full_name", "place"},
    {"interaction.geo", "geo"},
    {"twitter.geo", "geo"},
    {"twitter.user.screen_name", "author.handle"},
    {"interaction.author.username", "author.handle"},
    {"twitter.user.id", "author.id"},
    {"interaction.author.id", "author.id"},
    {"twitter.user.name", "author.name"},
    {"interaction.author.name", "author.name"},
    {"twitter.user.followers_count", "author.followers"},
    {"twitter.user.friends_count", "author.friends"},
    {"twitter.user.statuses_count", "author.statuses"},
    {"twitter.user.verified", "author.verified"},
    {"twitter.user.created_at", "author.created_at"},
    {"twitter.user.description", "author.description"},
    {"twitter.user.location", "author.location"},
    {"twitter.retweet", "is_retweet"},
    {"twitter.in_reply_to_screen_name", "reply_to"},
    {"twitter.retweeted.id", "retweet_of"},
    {"twitter.retweet_count", "retweets"},
    {"twitter.favorite_count", "favorites"},
    {"twitter.reply_count", "replies"},
    {"twitter.quote_count", "quotes"},
    {"twitter.source", "source"},
    {"interaction.source", "source"},
    {"salience.content.sentiment", "sentiment"},
    {"interaction.tags", "brand"},
    {"interaction.created_at", "time"},
    {"twitter.created_at", "time"},
    {"interaction.id", "id"},
    {"twitter.id", "id"},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

const TargetInfo* FindTarget(std::string_view name) {
  const std::string n = Lower(name);
  for (const Alias& a : kAliases)
    if (n == a.alias) return FindTarget(a.target);
  for (const TargetInfo& t : kTargets)
    if (n == t.name) return &t;
  return nullptr;
}

std::vector<std::string> AllTargetNames() {
  std::vector<std::string> out;
  for (const TargetInfo& t : kTargets) out.push_back(t.name);
  for (const Alias& a : kAliases) out.push_back(a.alias);
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t sub = prev[j - 1] + (std::tolower(a[i - 1]) == std::tolower(b[j - 1]) ? 0 : 1);
      cur[j] = std::min({sub, prev[j] + 1, cur[j - 1] + 1});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string Suggest(std::string_view word, const std::vector<std::string>& candidates) {
  // About one edit per three letters (rounded up), at most three.
  const size_t limit = std::clamp<size_t>((word.size() + 2) / 3, 1, 3);
  std::string best;
  size_t best_d = limit + 1;
  for (const std::string& c : candidates) {
    const size_t d = EditDistance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  return best;
}

std::string NormalizeValue(const TargetInfo& target, std::string_view value) {
  if (target.norm == Norm::kLower) return storage::FoldDimValue(value);
  if (target.norm == Norm::kUpper) return storage::AsciiUpper(std::string(value));
  return std::string(value);
}

}  // namespace roost::query

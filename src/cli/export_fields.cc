#include "cli/export_fields.h"

#include <algorithm>

namespace roost::cli {
namespace {

using K = ExportField;

// Author ids identify people as handles do, so they follow show_handles.
const ExportField kFields[] = {
    {"id", "id", K::kTweetId},
    {"created_at", "created_at", K::kTime},
    {"author_id", "user", K::kDim, false, true},
    {"handle", "handle", K::kDim, false, true},
    {"text", "text", K::kText, true, false},
    // As in filters and `roost top`: lang is the detected language,
    // platform_lang the tag the platform gave the tweet.
    {"lang", "detected_lang", K::kDim},
    {"platform_lang", "lang", K::kDim},
    {"country", "country", K::kDim},
    {"place", "place", K::kDim},
    {"source", "source", K::kDim},
    {"retweet_of", "retweet_of", K::kTweetId},
    {"quote_of", "quote_of", K::kTweetId},
    {"reply_to", "reply_to", K::kTweetId},
    {"retweet_count", "retweet_count", K::kInt},
    {"favorite_count", "favorite_count", K::kInt},
    {"reply_count", "reply_count", K::kInt},
    {"quote_count", "quote_count", K::kInt},
    {"followers", "followers", K::kInt},
    {"hashtags", "hashtags", K::kDimList},
    {"mentions", "mentions", K::kDimList, false, true},
    {"urls", "urls", K::kDimList},
    {"domains", "domains", K::kDimList},
    {"cashtags", "cashtags", K::kDimList},
};

Status CheckAllowed(const ExportField& f, const privacy::PrivacyPolicy& policy) {
  if (!policy.enabled) return Status::Ok();
  if (f.text && !policy.show_text)
    return Status::InvalidArgument(std::string("'") + f.name +
                                   "' is tweet text, which the privacy settings (" + policy.origin +
                                   ") do not allow");
  if (f.personal && !policy.show_handles)
    return Status::InvalidArgument(std::string("'") + f.name +
                                   "' identifies people, which the privacy settings (" +
                                   policy.origin + ") do not allow");
  return Status::Ok();
}

}  // namespace

std::string ExportFieldNames() {
  std::string out;
  for (const auto& f : kFields) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

Result<std::vector<ExportField>> ResolveTweetFields(const std::string& fields,
                                                    const privacy::PrivacyPolicy& policy) {
  std::vector<ExportField> out;
  size_t start = 0;
  while (start <= fields.size()) {
    const size_t end = std::min(fields.find(',', start), fields.size());
    const std::string name = fields.substr(start, end - start);
    start = end + 1;
    const auto* f = std::find_if(std::begin(kFields), std::end(kFields),
                                 [&](const ExportField& x) { return name == x.name; });
    if (f == std::end(kFields))
      return Status::InvalidArgument("unknown field '" + name + "' (expected " +
                                     ExportFieldNames() + ")");
    if (std::any_of(out.begin(), out.end(), [&](const ExportField& x) { return name == x.name; }))
      return Status::InvalidArgument("field '" + name + "' is listed twice");
    ROOST_RETURN_IF_ERROR(CheckAllowed(*f, policy));
    out.push_back(*f);
  }
  return out;
}

Result<ExportField> ResolveValueTable(const std::string& table,
                                      const privacy::PrivacyPolicy& policy) {
  for (const char* name : {"hashtags", "mentions", "urls"}) {
    if (table != name) continue;
    const auto* f = std::find_if(std::begin(kFields), std::end(kFields),
                                 [&](const ExportField& x) { return table == x.name; });
    ROOST_RETURN_IF_ERROR(CheckAllowed(*f, policy));
    return *f;
  }
  return Status::InvalidArgument("unknown table '" + table +
                                 "' (expected tweets, hashtags, mentions or urls)");
}

}  // namespace roost::cli

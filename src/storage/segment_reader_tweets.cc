// SegmentReader::ReadAllTweets: the inverse of SegmentWriter, column by column.
#include <bit>

#include "storage/segment_reader.h"

namespace roost::storage {
namespace {

std::vector<std::string> Expand(const DictionaryView& dict, const std::vector<uint32_t>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (uint32_t id : ids) out.emplace_back(id < dict.size() ? dict.value(id) : std::string_view());
  return out;
}

}  // namespace

Result<std::vector<Tweet>> SegmentReader::ReadAllTweets() const {
  const size_t n = meta_.rows;
  std::vector<Tweet> ts(n);
  auto ints = [&](const char* col, auto set) -> Status {
    ROOST_ASSIGN_OR_RETURN(std::vector<int64_t> v, ReadInts(col));
    for (size_t i = 0; i < n; ++i) set(ts[i], v[i]);
    return Status::Ok();
  };
  auto doubles = [&](const char* col, auto set) -> Status {
    ROOST_ASSIGN_OR_RETURN(std::vector<double> v, ReadDoubles(col));
    for (size_t i = 0; i < n; ++i) set(ts[i], v[i]);
    return Status::Ok();
  };
  auto strings = [&](const char* col, auto set) -> Status {
    ROOST_ASSIGN_OR_RETURN(std::vector<std::string> v, ReadStrings(col));
    for (size_t i = 0; i < n; ++i) set(ts[i], std::move(v[i]));
    return Status::Ok();
  };
  auto single = [&](const char* col, auto set) -> Status {
    ROOST_ASSIGN_OR_RETURN(DictionaryView dict, Dictionary(col));
    ROOST_ASSIGN_OR_RETURN(std::vector<uint32_t> ids, ReadDimIds(col));
    for (size_t i = 0; i < n; ++i) {
      if (ids[i] >= dict.size()) return CorruptionAt(col, "dictionary id out of range");
      set(ts[i], std::string(dict.value(ids[i])));
    }
    return Status::Ok();
  };
  auto multi = [&](const char* col, auto set) -> Status {
    ROOST_ASSIGN_OR_RETURN(DictionaryView dict, Dictionary(col));
    ROOST_ASSIGN_OR_RETURN(IdLists lists, ReadDimIdLists(col));
    for (size_t i = 0; i < n; ++i) {
      std::vector<uint32_t> ids(lists.ids.begin() + lists.start[i], lists.ids.begin() + lists.start[i + 1]);
      for (uint32_t id : ids)
        if (id >= dict.size()) return CorruptionAt(col, "dictionary id out of range");
      set(ts[i], Expand(dict, ids));
    }
    return Status::Ok();
  };
  auto u64 = [](int64_t v) { return static_cast<uint64_t>(v); };
  auto f32 = [](int64_t v) { return std::bit_cast<float>(static_cast<uint32_t>(v)); };

  // has_place first: later place fields fill the optional it creates.
  ROOST_RETURN_IF_ERROR(ints("has_place", [](Tweet& t, int64_t v) { if (v) t.place.emplace(); }));
  ROOST_RETURN_IF_ERROR(ints("id", [&](Tweet& t, int64_t v) { t.id = u64(v); }));
  ROOST_RETURN_IF_ERROR(ints("created_at", [](Tweet& t, int64_t v) { t.created_at = v; }));
  ROOST_RETURN_IF_ERROR(ints("format", [](Tweet& t, int64_t v) { t.format = static_cast<TweetFormat>(v); }));
  ROOST_RETURN_IF_ERROR(ints("followers", [](Tweet& t, int64_t v) { t.user.followers = v; }));
  ROOST_RETURN_IF_ERROR(ints("friends", [](Tweet& t, int64_t v) { t.user.friends = v; }));
  ROOST_RETURN_IF_ERROR(ints("statuses", [](Tweet& t, int64_t v) { t.user.statuses = v; }));
  ROOST_RETURN_IF_ERROR(ints("verified", [](Tweet& t, int64_t v) { t.user.verified = v != 0; }));
  ROOST_RETURN_IF_ERROR(ints("protected", [](Tweet& t, int64_t v) { t.user.is_protected = v != 0; }));
  ROOST_RETURN_IF_ERROR(ints("user_created_at", [](Tweet& t, int64_t v) { t.user.created_at = v; }));
  ROOST_RETURN_IF_ERROR(ints("utc_offset", [](Tweet& t, int64_t v) { t.user.utc_offset_s = static_cast<int32_t>(v); }));
  ROOST_RETURN_IF_ERROR(ints("retweet_of", [&](Tweet& t, int64_t v) { t.retweet_of = u64(v); }));
  ROOST_RETURN_IF_ERROR(ints("retweet_of_user", [&](Tweet& t, int64_t v) { t.retweet_of_user = u64(v); }));
  ROOST_RETURN_IF_ERROR(ints("quote_of", [&](Tweet& t, int64_t v) { t.quote_of = u64(v); }));
  ROOST_RETURN_IF_ERROR(ints("quote_of_user", [&](Tweet& t, int64_t v) { t.quote_of_user = u64(v); }));
  ROOST_RETURN_IF_ERROR(ints("reply_to", [&](Tweet& t, int64_t v) { t.reply_to = u64(v); }));
  ROOST_RETURN_IF_ERROR(ints("reply_to_user", [&](Tweet& t, int64_t v) { t.reply_to_user = u64(v); }));
  ROOST_RETURN_IF_ERROR(ints("retweet_count", [](Tweet& t, int64_t v) { t.retweet_count = v; }));
  ROOST_RETURN_IF_ERROR(ints("favorite_count", [](Tweet& t, int64_t v) { t.favorite_count = v; }));
  ROOST_RETURN_IF_ERROR(ints("reply_count", [](Tweet& t, int64_t v) { t.reply_count = v; }));
  ROOST_RETURN_IF_ERROR(ints("quote_count", [](Tweet& t, int64_t v) { t.quote_count = v; }));
  ROOST_RETURN_IF_ERROR(ints("has_coordinates", [](Tweet& t, int64_t v) { t.has_coordinates = v != 0; }));
  ROOST_RETURN_IF_ERROR(ints("place_has_box", [](Tweet& t, int64_t v) { if (t.place) t.place->has_box = v != 0; }));
  ROOST_RETURN_IF_ERROR(ints("sentiment_scored", [](Tweet& t, int64_t v) {
    t.sentiment_scored = v != 0;
    t.sentiment_model = SentimentModelOfColumn(v);
  }));
  ROOST_RETURN_IF_ERROR(ints("sentiment", [&](Tweet& t, int64_t v) { t.sentiment = f32(v); }));
  ROOST_RETURN_IF_ERROR(ints("lang_confidence", [&](Tweet& t, int64_t v) { t.lang_confidence = f32(v); }));

  ROOST_RETURN_IF_ERROR(doubles("longitude", [](Tweet& t, double v) { t.longitude = v; }));
  ROOST_RETURN_IF_ERROR(doubles("latitude", [](Tweet& t, double v) { t.latitude = v; }));
  ROOST_RETURN_IF_ERROR(doubles("place_min_lon", [](Tweet& t, double v) { if (t.place) t.place->min_lon = v; }));
  ROOST_RETURN_IF_ERROR(doubles("place_min_lat", [](Tweet& t, double v) { if (t.place) t.place->min_lat = v; }));
  ROOST_RETURN_IF_ERROR(doubles("place_max_lon", [](Tweet& t, double v) { if (t.place) t.place->max_lon = v; }));
  ROOST_RETURN_IF_ERROR(doubles("place_max_lat", [](Tweet& t, double v) { if (t.place) t.place->max_lat = v; }));

  ROOST_RETURN_IF_ERROR(strings("text", [](Tweet& t, std::string v) { t.text = std::move(v); }));
  ROOST_RETURN_IF_ERROR(strings("user_name", [](Tweet& t, std::string v) { t.user.name = std::move(v); }));
  ROOST_RETURN_IF_ERROR(strings("user_description", [](Tweet& t, std::string v) { t.user.description = std::move(v); }));
  ROOST_RETURN_IF_ERROR(strings("user_location", [](Tweet& t, std::string v) { t.user.location = std::move(v); }));
  ROOST_RETURN_IF_ERROR(strings("reply_to_screen_name", [](Tweet& t, std::string v) { t.reply_to_screen_name = std::move(v); }));
  ROOST_RETURN_IF_ERROR(strings("place_id", [](Tweet& t, std::string v) { if (t.place) t.place->id = std::move(v); }));
  ROOST_RETURN_IF_ERROR(strings("place_type", [](Tweet& t, std::string v) { if (t.place) t.place->place_type = std::move(v); }));

  ROOST_RETURN_IF_ERROR(single("lang", [](Tweet& t, std::string v) { t.lang = std::move(v); }));
  ROOST_RETURN_IF_ERROR(single("detected_lang", [](Tweet& t, std::string v) { t.detected_lang = std::move(v); }));
  ROOST_RETURN_IF_ERROR(single("country", [](Tweet& t, std::string v) { if (t.place) t.place->country_code = std::move(v); }));
  ROOST_RETURN_IF_ERROR(single("place", [](Tweet& t, std::string v) { if (t.place) t.place->full_name = std::move(v); }));
  ROOST_RETURN_IF_ERROR(single("user", [](Tweet& t, std::string v) { t.user.id = std::strtoull(v.c_str(), nullptr, 10); }));
  ROOST_RETURN_IF_ERROR(single("handle", [](Tweet& t, std::string v) { t.user.screen_name = std::move(v); }));
  ROOST_RETURN_IF_ERROR(single("source", [](Tweet& t, std::string v) { t.source = std::move(v); }));

  ROOST_RETURN_IF_ERROR(multi("hashtags", [](Tweet& t, std::vector<std::string> v) {
    for (auto& s : v) t.hashtags.push_back(Hashtag{std::move(s)});
  }));
  ROOST_RETURN_IF_ERROR(multi("mentions", [](Tweet& t, std::vector<std::string> v) {
    for (auto& s : v) t.mentions.push_back(Mention{0, std::move(s)});
  }));
  ROOST_RETURN_IF_ERROR(multi("cashtags", [](Tweet& t, std::vector<std::string> v) { t.cashtags = std::move(v); }));
  ROOST_RETURN_IF_ERROR(multi("urls", [](Tweet& t, std::vector<std::string> v) {
    for (auto& s : v) t.urls.push_back(Url{"", std::move(s)});
  }));
  ROOST_RETURN_IF_ERROR(multi("domains", [](Tweet& t, std::vector<std::string> v) { t.domains = std::move(v); }));
  ROOST_RETURN_IF_ERROR(multi("brand_tags", [](Tweet& t, std::vector<std::string> v) { t.brand_tags = std::move(v); }));
  ROOST_RETURN_IF_ERROR(multi("withheld", [](Tweet& t, std::vector<std::string> v) { t.withheld_in_countries = std::move(v); }));
  ROOST_RETURN_IF_ERROR(multi("terms", [](Tweet& t, std::vector<std::string> v) { t.terms = TermList(v); }));

  {
    ROOST_ASSIGN_OR_RETURN(auto tco, ReadStringLists("url_tco"));
    ROOST_ASSIGN_OR_RETURN(auto mids, ReadIntLists("mention_ids"));
    for (size_t i = 0; i < n; ++i) {
      Tweet& t = ts[i];
      if (tco[i].size() != t.urls.size() || mids[i].size() != t.mentions.size())
        return CorruptionAt("url_tco", "list lengths disagree with urls/mentions");
      for (size_t k = 0; k < tco[i].size(); ++k) {
        t.urls[k].url = std::move(tco[i][k]);
        // The dim holds expanded_url, or url when there was none.
        if (t.urls[k].expanded_url == t.urls[k].url) t.urls[k].expanded_url.clear();
      }
      for (size_t k = 0; k < mids[i].size(); ++k) t.mentions[k].user_id = static_cast<uint64_t>(mids[i][k]);
    }
  }
  return ts;
}

}  // namespace roost::storage

#include "synth/tweet_json.h"

#include <cstdio>
#include <cstring>

#include "synth/json_out.h"
#include "synth/random.h"

namespace roost::synth {

namespace {

struct Source {
  const char* html;  // the anchor as the API sends it (already JSON-escaped)
  double weight;
};
const Source kSources[] = {
    {"web", 0.16},
    {"<a href=\\\"http://twitter.com/download/iphone\\\" rel=\\\"nofollow\\\">Twitter for iPhone</a>", 0.30},
    {"<a href=\\\"http://twitter.com/download/android\\\" rel=\\\"nofollow\\\">Twitter for Android</a>", 0.24},
    {"<a href=\\\"http://blackberry.com/twitter\\\" rel=\\\"nofollow\\\">Twitter for BlackBerry®</a>", 0.06},
    {"<a href=\\\"https://about.twitter.com/products/tweetdeck\\\" rel=\\\"nofollow\\\">TweetDeck</a>", 0.05},
    {"<a href=\\\"http://twitter.com/#!/download/ipad\\\" rel=\\\"nofollow\\\">Twitter for iPad</a>", 0.05},
    {"<a href=\\\"http://instagram.com\\\" rel=\\\"nofollow\\\">Instagram</a>", 0.04},
    {"<a href=\\\"http://www.facebook.com/twitter\\\" rel=\\\"nofollow\\\">Facebook</a>", 0.03},
    {"<a href=\\\"http://www.hootsuite.com\\\" rel=\\\"nofollow\\\">HootSuite</a>", 0.04},
    {"<a href=\\\"http://twitterfeed.com\\\" rel=\\\"nofollow\\\">twitterfeed</a>", 0.03},
};

const char* kColors[][4] = {
    {"C0DEED", "0084B4", "C0DEED", "DDEEF6"}, {"131516", "009999", "EEEEEE", "EFEFEF"},
    {"022330", "0084B4", "A8C7F7", "C0DFEC"}, {"642D8B", "FF0000", "65B0DA", "7AC3EE"},
    {"FF6699", "B40B43", "CC3366", "E5507E"}, {"000000", "1B95E0", "000000", "000000"},
};

constexpr int64_t kHttpsTcoFromMs = 1388534400000LL;  // t.co links turned https in 2014

void Indices(JsonOut& j, int a, int b) {
  j.Raw("\"indices\":[").I64(a).Char(',').I64(b).Raw("]");
}

void WriteEntities(const World& w, const TextDoc& doc, JsonOut& j) {
  j.Raw("{\"hashtags\":[");
  bool first = true;
  for (const auto& e : doc.entities) {
    if (e.kind != Entity::kHashtag) continue;
    if (!first) j.Char(',');
    first = false;
    j.Raw("{\"text\":").Str(e.text).Char(',');
    Indices(j, e.start, e.end);
    j.Char('}');
  }
  j.Raw("],\"urls\":[");
  first = true;
  for (const auto& e : doc.entities) {
    if (e.kind != Entity::kUrl) continue;
    if (!first) j.Char(',');
    first = false;
    j.Raw("{\"url\":").Str(e.text).Raw(",\"expanded_url\":").Str(e.expanded);
    j.Raw(",\"display_url\":").Str(e.display).Char(',');
    Indices(j, e.start, e.end);
    j.Char('}');
  }
  j.Raw("],\"user_mentions\":[");
  first = true;
  for (const auto& e : doc.entities) {
    if (e.kind != Entity::kMention) continue;
    if (!first) j.Char(',');
    first = false;
    const User& u = w.users[e.user];
    j.Raw("{\"screen_name\":").Str(u.screen_name).Raw(",\"name\":").Str(u.name);
    j.Raw(",\"id\":").U64(u.id).Raw(",\"id_str\":").U64Str(u.id).Char(',');
    Indices(j, e.start, e.end);
    j.Char('}');
  }
  j.Raw("],\"symbols\":[");
  first = true;
  for (const auto& e : doc.entities) {
    if (e.kind != Entity::kSymbol) continue;
    if (!first) j.Char(',');
    first = false;
    j.Raw("{\"text\":").Str(e.text).Char(',');
    Indices(j, e.start, e.end);
    j.Char('}');
  }
  j.Raw("]}");
}

void WriteUser(const World& w, int index, int64_t ms, bool is_protected, JsonOut& j) {
  const User& u = w.users[index];
  const City& city = w.cities[u.city];
  double days = static_cast<double>(ms - w.start_ms) / kDayMs;
  char created[30];
  FormatTwitterTime(u.created_ms, created);
  j.Raw("{\"id\":").U64(u.id).Raw(",\"id_str\":").U64Str(u.id);
  j.Raw(",\"name\":").Str(u.name).Raw(",\"screen_name\":").Str(u.screen_name);
  j.Raw(",\"location\":").Str(u.location).Raw(",\"url\":");
  if (u.url.empty())
    j.Raw("null");
  else
    j.Str(u.url);
  j.Raw(",\"description\":").Str(u.description);
  j.Raw(",\"protected\":").Bool(is_protected).Raw(",\"verified\":").Bool(u.verified);
  j.Raw(",\"followers_count\":").I64(u.followers + static_cast<int64_t>(u.followers * 0.002 * days));
  j.Raw(",\"friends_count\":").I64(u.friends).Raw(",\"listed_count\":").I64(u.listed);
  j.Raw(",\"favourites_count\":").I64(u.favourites + static_cast<int64_t>(days * 2));
  j.Raw(",\"statuses_count\":").I64(u.statuses_base + static_cast<int64_t>(days * u.statuses_per_day));
  j.Raw(",\"created_at\":\"").Raw(std::string_view(created, 30)).Char('"');
  if (u.has_time_zone) {
    j.Raw(",\"utc_offset\":").I64(city.utc_offset_s).Raw(",\"time_zone\":").Str(city.time_zone);
  } else {
    j.Raw(",\"utc_offset\":null,\"time_zone\":null");
  }
  j.Raw(",\"geo_enabled\":").Bool(u.geo_enabled).Raw(",\"lang\":\"").Raw(Vocabulary(u.lang).code);
  j.Raw("\",\"contributors_enabled\":false,\"is_translator\":false");
  const char* const* c = kColors[u.default_profile ? 0 : 1 + u.profile_seed % 5];
  j.Raw(",\"profile_background_color\":\"").Raw(c[0]);
  j.Raw("\",\"profile_background_image_url\":\"http://abs.twimg.com/images/themes/theme1/bg.png\"");
  j.Raw(",\"profile_background_image_url_https\":\"https://abs.twimg.com/images/themes/theme1/bg.png\"");
  j.Raw(",\"profile_background_tile\":false,\"profile_link_color\":\"").Raw(c[1]);
  j.Raw("\",\"profile_sidebar_border_color\":\"").Raw(c[2]);
  j.Raw("\",\"profile_sidebar_fill_color\":\"").Raw(c[3]);
  j.Raw("\",\"profile_text_color\":\"333333\",\"profile_use_background_image\":true");
  uint64_t img = Mix64(u.profile_seed);
  char name[9];
  static const char kAlnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (int k = 0; k < 8; ++k) name[k] = kAlnum[(img >> (k * 6)) % 62];
  name[8] = 0;
  uint64_t img_id = 100000000 + (img >> 20) % 3000000000ULL;
  j.Raw(",\"profile_image_url\":\"http://pbs.twimg.com/profile_images/").U64(img_id).Char('/').Raw(name);
  j.Raw("_normal.jpeg\",\"profile_image_url_https\":\"https://pbs.twimg.com/profile_images/").U64(img_id);
  j.Char('/').Raw(name).Raw("_normal.jpeg\"");
  j.Raw(",\"default_profile\":").Bool(u.default_profile);
  j.Raw(",\"default_profile_image\":false,\"following\":null,\"follow_request_sent\":null,\"notifications\":null}");
}

void WritePlace(const World& w, int index, JsonOut& j) {
  const City& c = w.cities[index];
  double x0 = c.lon - c.half_lon, x1 = c.lon + c.half_lon;
  double y0 = c.lat - c.half_lat, y1 = c.lat + c.half_lat;
  j.Raw("{\"id\":\"").Raw(c.place_id).Raw("\",\"url\":\"https://api.twitter.com/1.1/geo/id/");
  j.Raw(c.place_id).Raw(".json\",\"place_type\":\"city\",\"name\":").Str(c.name);
  j.Raw(",\"full_name\":").Str(c.full_name).Raw(",\"country_code\":\"").Raw(c.country_code);
  j.Raw("\",\"country\":").Str(c.country);
  j.Raw(",\"contained_within\":[],\"bounding_box\":{\"type\":\"Polygon\",\"coordinates\":[[");
  double pts[4][2] = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}};
  for (int k = 0; k < 4; ++k) {
    if (k) j.Char(',');
    j.Char('[').Fixed(pts[k][0], 6).Char(',').Fixed(pts[k][1], 6).Char(']');
  }
  j.Raw("]]},\"attributes\":{}}");
}

}  // namespace

std::vector<double> SourceWeights() {
  std::vector<double> w;
  for (const auto& s : kSources) w.push_back(s.weight);
  return w;
}

std::string TcoUrl(int64_t ms, uint64_t key) {
  static const char kAlnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string s = ms >= kHttpsTcoFromMs ? "https://t.co/" : "http://t.co/";
  uint64_t h = Mix64(key);
  for (int k = 0; k < 10; ++k) {
    s.push_back(kAlnum[h % 62]);
    h /= 62;
    if (k == 5) h = Mix64(key + 1);
  }
  return s;
}

void WriteTweetBody(const World& w, const TweetSpec& s, TextDoc* scratch, std::string* out,
                    BodyOffsets* off) {
  JsonOut j(out);
  off->begin = out->size();
  char created[30];
  FormatTwitterTime(s.ms, created);
  j.Raw("{");
  off->created_begin = out->size();
  j.Raw("\"created_at\":\"").Raw(std::string_view(created, 30)).Raw("\",");
  off->created_end = out->size();
  off->id_begin = out->size();
  j.Raw("\"id\":").U64(s.id).Raw(",\"id_str\":").U64Str(s.id).Char(',');
  off->id_end = out->size();

  const TextDoc* shown = s.full;
  bool extended = s.full->cp > kMaxClassicLength && s.retweeted_json == nullptr;
  if (extended) {
    // v1.1 compatibility mode: 140-character text ending "… https://t.co/..".
    std::string link = TcoUrl(s.ms, s.id ^ 0x5e1f);
    int room = kMaxClassicLength - 2 - static_cast<int>(link.size());
    PrefixAndTruncate("", *s.full, room, scratch);
    scratch->text.push_back(' ');
    scratch->cp += 1;
    Entity e;
    e.kind = Entity::kUrl;
    e.start = scratch->cp;
    scratch->text += link;
    scratch->cp += static_cast<int>(link.size());
    e.end = scratch->cp;
    e.text = link;
    e.expanded = "https://twitter.com/i/web/status/" + std::to_string(s.id);
    e.display = "twitter.com/i/web/status/1…";
    scratch->entities.push_back(std::move(e));
    shown = scratch;
  }
  j.Raw("\"text\":");
  off->text_value = out->size() + 1;
  j.Str(shown->text);
  j.Raw(",\"source\":\"").Raw(kSources[s.source].html).Raw("\",\"truncated\":").Bool(extended);
  if (s.reply_to_id) {
    const User& r = w.users[s.reply_to_user];
    j.Raw(",\"in_reply_to_status_id\":").U64(s.reply_to_id);
    j.Raw(",\"in_reply_to_status_id_str\":").U64Str(s.reply_to_id);
    j.Raw(",\"in_reply_to_user_id\":").U64(r.id).Raw(",\"in_reply_to_user_id_str\":").U64Str(r.id);
    j.Raw(",\"in_reply_to_screen_name\":").Str(r.screen_name);
  } else {
    j.Raw(",\"in_reply_to_status_id\":null,\"in_reply_to_status_id_str\":null,\"in_reply_to_user_id\":null,"
          "\"in_reply_to_user_id_str\":null,\"in_reply_to_screen_name\":null");
  }
  j.Char(',');
  off->user_begin = out->size();
  j.Raw("\"user\":");
  WriteUser(w, s.user, s.ms, s.is_protected, j);
  j.Char(',');
  off->user_end = out->size();
  if (s.has_coordinates) {
    j.Raw("\"geo\":{\"type\":\"Point\",\"coordinates\":[").Fixed(s.lat, 8).Char(',').Fixed(s.lon, 8);
    j.Raw("]},\"coordinates\":{\"type\":\"Point\",\"coordinates\":[").Fixed(s.lon, 8).Char(',');
    j.Fixed(s.lat, 8).Raw("]},");
  } else {
    j.Raw("\"geo\":null,\"coordinates\":null,");
  }
  j.Raw("\"place\":");
  if (s.place >= 0)
    WritePlace(w, s.place, j);
  else
    j.Raw("null");
  j.Raw(",\"contributors\":null");
  if (s.quoted_json) {
    j.Raw(",\"quoted_status_id\":").U64(s.quoted_id).Raw(",\"quoted_status_id_str\":").U64Str(s.quoted_id);
    j.Raw(",\"quoted_status\":").Raw(*s.quoted_json);
  }
  if (s.retweeted_json) j.Raw(",\"retweeted_status\":").Raw(*s.retweeted_json);
  j.Raw(",\"is_quote_status\":").Bool(s.quoted_json != nullptr);
  if (extended) {
    j.Raw(",\"extended_tweet\":{\"full_text\":").Str(s.full->text);
    j.Raw(",\"display_text_range\":[0,").I64(s.full->cp).Raw("],\"entities\":");
    WriteEntities(w, *s.full, j);
    j.Char('}');
  }
  j.Raw(",\"quote_count\":").I64(s.quote_count).Raw(",\"reply_count\":").I64(s.reply_count);
  j.Raw(",\"retweet_count\":").I64(s.retweet_count).Raw(",\"favorite_count\":").I64(s.favorite_count);
  j.Raw(",\"entities\":");
  WriteEntities(w, *shown, j);
  j.Raw(",\"favorited\":false,\"retweeted\":false");
  if (shown->HasKind(Entity::kUrl)) j.Raw(",\"possibly_sensitive\":false");
  j.Raw(",\"lang\":\"").Raw(Vocabulary(s.lang).code).Char('"');
}

std::string IsoMillis(int64_t ms) {
  std::string s = FormatIsoTime(ms);  // ...:SSZ
  char frac[8];
  std::snprintf(frac, sizeof(frac), ".%03dZ", static_cast<int>(ms % 1000));
  s.pop_back();
  return s + frac;
}

namespace {
const char* SourceName(int source) {
  static const char* kNames[] = {"Twitter Web Client", "Twitter for iPhone", "Twitter for Android",
                                 "Twitter for BlackBerry®", "TweetDeck", "Twitter for iPad", "Instagram",
                                 "Facebook", "HootSuite", "twitterfeed"};
  return kNames[source];
}

void WriteEntitiesV2(const World& w, const TextDoc& doc, JsonOut& j) {
  bool any[4] = {};
  for (const auto& e : doc.entities)
    if (e.kind != Entity::kBrand) any[e.kind] = true;
  if (!any[0] && !any[1] && !any[2] && !any[3]) return;
  j.Raw(",\"entities\":{");
  bool first_group = true;
  auto group = [&](Entity::Kind kind, const char* name) {
    if (!any[kind]) return;
    if (!first_group) j.Char(',');
    first_group = false;
    j.Char('"').Raw(std::string_view(name)).Raw("\":[");
    bool first = true;
    for (const auto& e : doc.entities) {
      if (e.kind != kind) continue;
      if (!first) j.Char(',');
      first = false;
      j.Raw("{\"start\":").I64(e.start).Raw(",\"end\":").I64(e.end);
      switch (kind) {
        case Entity::kHashtag:
        case Entity::kSymbol:
          j.Raw(",\"tag\":").Str(e.text);
          break;
        case Entity::kMention:
          j.Raw(",\"username\":").Str(w.users[e.user].screen_name).Raw(",\"id\":").U64Str(w.users[e.user].id);
          break;
        case Entity::kUrl:
          j.Raw(",\"url\":").Str(e.text).Raw(",\"expanded_url\":").Str(e.expanded);
          j.Raw(",\"display_url\":").Str(e.display);
          break;
        default:
          break;
      }
      j.Char('}');
    }
    j.Char(']');
  };
  group(Entity::kHashtag, "hashtags");
  group(Entity::kMention, "mentions");
  group(Entity::kUrl, "urls");
  group(Entity::kSymbol, "cashtags");
  j.Char('}');
}
}  // namespace

void WriteTweetV2(const World& w, const TweetSpec& s, uint64_t retweeted_id, std::string* out,
                  BodyOffsets* off) {
  JsonOut j(out);
  const User& u = w.users[s.user];
  off->begin = out->size();
  j.Char('{');
  off->id_begin = out->size();
  j.Raw("\"id\":").U64Str(s.id).Char(',');
  off->id_end = out->size();
  j.Raw("\"text\":");
  off->text_value = out->size() + 1;
  j.Str(s.full->text);
  j.Char(',');
  off->created_begin = out->size();
  j.Raw("\"created_at\":").Str(IsoMillis(s.ms)).Char(',');
  off->created_end = out->size();
  off->user_begin = out->size();
  j.Raw("\"author_id\":").U64Str(u.id).Char(',');
  off->user_end = out->size();
  j.Raw("\"conversation_id\":").U64Str(s.reply_to_id ? s.reply_to_id : s.id);
  j.Raw(",\"lang\":\"").Raw(Vocabulary(s.lang).code).Raw("\",\"source\":").Str(SourceName(s.source));
  j.Raw(",\"possibly_sensitive\":false,\"reply_settings\":\"everyone\",\"edit_history_tweet_ids\":[");
  j.U64Str(s.id).Raw("],\"public_metrics\":{\"retweet_count\":").I64(s.retweet_count);
  j.Raw(",\"reply_count\":").I64(s.reply_count).Raw(",\"like_count\":").I64(s.favorite_count);
  j.Raw(",\"quote_count\":").I64(s.quote_count).Char('}');
  WriteEntitiesV2(w, *s.full, j);
  if (retweeted_id || s.quoted_id || s.reply_to_id) {
    j.Raw(",\"referenced_tweets\":[");
    bool first = true;
    auto ref = [&](const char* type, uint64_t id) {
      if (!id) return;
      if (!first) j.Char(',');
      first = false;
      j.Raw("{\"type\":\"").Raw(std::string_view(type)).Raw("\",\"id\":").U64Str(id).Char('}');
    };
    ref("retweeted", retweeted_id);
    ref("quoted", s.quoted_id);
    ref("replied_to", s.reply_to_id);
    j.Char(']');
  }
  if (s.reply_to_id) j.Raw(",\"in_reply_to_user_id\":").U64Str(w.users[s.reply_to_user].id);
  if (s.place >= 0) {
    j.Raw(",\"geo\":{\"place_id\":\"").Raw(w.cities[s.place].place_id).Char('"');
    if (s.has_coordinates)
      j.Raw(",\"coordinates\":{\"type\":\"Point\",\"coordinates\":[").Fixed(s.lon, 8).Char(',').Fixed(s.lat, 8).Raw("]}");
    j.Char('}');
  }
  j.Char('}');
}

void WriteUserV2(const World& w, int index, int64_t ms, bool is_protected, std::string* out) {
  JsonOut j(out);
  const User& u = w.users[index];
  double days = static_cast<double>(ms - w.start_ms) / kDayMs;
  j.Raw("{\"id\":").U64Str(u.id).Raw(",\"name\":").Str(u.name).Raw(",\"username\":").Str(u.screen_name);
  j.Raw(",\"created_at\":").Str(IsoMillis(u.created_ms)).Raw(",\"description\":").Str(u.description);
  j.Raw(",\"location\":").Str(u.location).Raw(",\"url\":").Str(u.url);
  j.Raw(",\"protected\":").Bool(is_protected).Raw(",\"verified\":").Bool(u.verified);
  j.Raw(",\"profile_image_url\":\"https://pbs.twimg.com/profile_images/").U64(100000000 + u.profile_seed);
  j.Raw("/avatar_normal.jpg\",\"public_metrics\":{\"followers_count\":");
  j.I64(u.followers + static_cast<int64_t>(u.followers * 0.002 * days));
  j.Raw(",\"following_count\":").I64(u.friends);
  j.Raw(",\"tweet_count\":").I64(u.statuses_base + static_cast<int64_t>(days * u.statuses_per_day));
  j.Raw(",\"listed_count\":").I64(u.listed).Raw("}}");
}

void WritePlaceV2(const World& w, int index, std::string* out) {
  JsonOut j(out);
  const City& c = w.cities[index];
  j.Raw("{\"id\":\"").Raw(c.place_id).Raw("\",\"full_name\":").Str(c.full_name).Raw(",\"name\":").Str(c.name);
  j.Raw(",\"country\":").Str(c.country).Raw(",\"country_code\":\"").Raw(c.country_code);
  j.Raw("\",\"place_type\":\"city\",\"geo\":{\"type\":\"Feature\",\"bbox\":[");
  j.Fixed(c.lon - c.half_lon, 6).Char(',').Fixed(c.lat - c.half_lat, 6).Char(',');
  j.Fixed(c.lon + c.half_lon, 6).Char(',').Fixed(c.lat + c.half_lat, 6).Raw("],\"properties\":{}}}");
}

void WriteStreamTail(int64_t ms, std::string* out) {
  JsonOut j(out);
  j.Raw(",\"filter_level\":\"low\",\"timestamp_ms\":").U64Str(static_cast<uint64_t>(ms)).Char('}');
}

}  // namespace roost::synth

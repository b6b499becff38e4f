#include "parse/tweet_object_parser.h"

#include "common/time_parse.h"
#include "parse/key_table.h"

namespace roost {

using namespace std::string_view_literals;

namespace od = json::od;
using json::ReadBool;
using json::ReadDouble;
using json::ReadId;
using json::ReadInt;
using json::ReadString;
using json::RecordError;

namespace {

constexpr int kMaxEmbedDepth = 2;  // a retweet of a quote: deeper levels are skipped

void ResetTweet(Tweet* t) {
  // Keep vector/string capacity across records: clear instead of reassigning.
  t->id = 0;
  t->created_at = 0;
  t->format = TweetFormat::kV1;
  t->text.clear();
  t->lang.clear();
  t->source.clear();
  t->user = UserInfo();
  t->retweet_of = t->retweet_of_user = t->quote_of = t->quote_of_user = 0;
  t->reply_to = t->reply_to_user = 0;
  t->reply_to_screen_name.clear();
  t->retweet_count = t->favorite_count = t->reply_count = t->quote_count = 0;
  t->hashtags.clear();
  t->mentions.clear();
  t->urls.clear();
  t->cashtags.clear();
  t->place.reset();
  t->has_coordinates = false;
  t->longitude = t->latitude = 0;
  t->withheld_in_countries.clear();
  t->terms.clear();
  t->domains.clear();
  t->detected_lang.clear();
  t->lang_confidence = 0;
  t->sentiment_scored = false;
  t->sentiment = 0;
  t->brand_tags.clear();
}

// `full` = false reads only what an embedded (retweeted/quoted) status's
// author needs: its id and handle.
enum UserKey : int {
  U_id_str, U_id, U_screen_name, U_name, U_description, U_location, U_followers_count,
  U_friends_count, U_statuses_count, U_verified, U_protected, U_utc_offset, U_created_at,
  U_public_metrics,
};
const json::KeyTable kUserKeys = {
    {"id_str", U_id_str}, {"id", U_id}, {"screen_name", U_screen_name},
    {"username", U_screen_name}, {"name", U_name}, {"description", U_description},
    {"location", U_location}, {"followers_count", U_followers_count},
    {"friends_count", U_friends_count}, {"statuses_count", U_statuses_count},
    {"verified", U_verified}, {"protected", U_protected}, {"utc_offset", U_utc_offset},
    {"created_at", U_created_at}, {"public_metrics", U_public_metrics},
};

// The v1.1 keys a user read needs; once all were seen the rest of the
// object (about half of a v1.1 user: profile colours, image URLs, flags) is
// skipped by simdjson's bracket matching instead of read key by key. v2
// users have no id_str, so they are always read to the end. With duplicate
// keys the first of each wins once the set is complete.
constexpr uint32_t Bit(UserKey k) { return uint32_t{1} << k; }
constexpr uint32_t kEmbeddedUserKeys = Bit(U_id_str) | Bit(U_screen_name);
constexpr uint32_t kFullUserKeys = kEmbeddedUserKeys | Bit(U_name) | Bit(U_description) | Bit(U_location) |
                                   Bit(U_followers_count) | Bit(U_friends_count) | Bit(U_statuses_count) |
                                   Bit(U_verified) | Bit(U_protected) | Bit(U_utc_offset) | Bit(U_created_at);

void ReadUser(od::object obj, UserInfo* u, bool full) {
  uint64_t id_str = 0;
  std::string_view id_token;
  const uint32_t needed = full ? kFullUserKeys : kEmbeddedUserKeys;
  uint32_t seen = 0;
  for (auto field : obj) {
    int key = kUserKeys.Find(json::KeyOf(field));
    if (key == json::KeyTable::kUnknown) continue;
    if (!full && key != U_id_str && key != U_id && key != U_screen_name) continue;
    seen |= Bit(static_cast<UserKey>(key));
    od::value v = field.value();
    switch (key) {
      case U_id_str: id_str = ReadId(v, "user.id_str"); break;
      case U_id: id_token = json::IdToken(v); break;
      case U_screen_name: u->screen_name = ReadString(v); break;
      case U_name: u->name = ReadString(v); break;
      case U_description: u->description = ReadString(v); break;
      case U_location: u->location = ReadString(v); break;
      case U_followers_count: u->followers = ReadInt(v); break;
      case U_friends_count: u->friends = ReadInt(v); break;
      case U_statuses_count: u->statuses = ReadInt(v); break;
      case U_verified: u->verified = ReadBool(v); break;
      case U_protected: u->is_protected = ReadBool(v); break;
      case U_utc_offset: u->utc_offset_s = static_cast<int32_t>(ReadInt(v)); break;
      case U_created_at: u->created_at = ParseAnyTime(ReadString(v)).value_or(0); break;
      case U_public_metrics:
        if (v.type() != od::json_type::object) break;
        for (auto m : v.get_object()) {
          std::string_view mk = json::KeyOf(m);
          if (mk == "followers_count"sv) u->followers = ReadInt(m.value());
          else if (mk == "following_count"sv) u->friends = ReadInt(m.value());
          else if (mk == "tweet_count"sv) u->statuses = ReadInt(m.value());
        }
        break;
    }
    if ((seen & needed) == needed) break;
  }
  u->id = id_str ? id_str : json::IdFromToken(id_token, "user.id");
}

// Bounding box: v1.1 {"type":"Polygon","coordinates":[[[lon,lat],...]]}.
void ReadV1BoundingBox(od::value v, Place* p) {
  if (v.type() != od::json_type::object) return;
  for (auto field : v.get_object()) {
    if (json::KeyOf(field) != "coordinates"sv) continue;
    od::value rings = field.value();
    if (rings.type() != od::json_type::array) return;
    bool first = true;
    for (auto ring : rings.get_array()) {
      for (auto point : ring.get_array()) {
        double xy[2] = {0, 0};
        int i = 0;
        for (auto c : point.get_array()) {
          if (i < 2) xy[i] = ReadDouble(c.value());
          ++i;
        }
        if (first) {
          p->min_lon = p->max_lon = xy[0];
          p->min_lat = p->max_lat = xy[1];
          first = false;
        } else {
          p->min_lon = std::min(p->min_lon, xy[0]);
          p->max_lon = std::max(p->max_lon, xy[0]);
          p->min_lat = std::min(p->min_lat, xy[1]);
          p->max_lat = std::max(p->max_lat, xy[1]);
        }
      }
    }
    p->has_box = !first;
  }
}

void ReadPlace(od::object obj, Place* p) {
  for (auto field : obj) {
    std::string_view key = json::KeyOf(field);
    od::value v = field.value();
    if (key == "id"sv) p->id = ReadString(v);
    else if (key == "full_name"sv) p->full_name = ReadString(v);
    else if (key == "country_code"sv) p->country_code = ReadString(v);
    else if (key == "place_type"sv) p->place_type = ReadString(v);
    else if (key == "bounding_box"sv) ReadV1BoundingBox(v, p);
    else if (key == "geo"sv && v.type() == od::json_type::object) {
      // v2: {"type":"Feature","bbox":[min_lon,min_lat,max_lon,max_lat],...}
      for (auto g : v.get_object()) {
        if (json::KeyOf(g) != "bbox"sv) continue;
        double b[4] = {0, 0, 0, 0};
        int i = 0;
        for (auto c : g.value().get_array()) {
          if (i < 4) b[i] = ReadDouble(c.value());
          ++i;
        }
        if (i == 4) {
          p->min_lon = b[0], p->min_lat = b[1], p->max_lon = b[2], p->max_lat = b[3];
          p->has_box = true;
        }
      }
    }
  }
  for (char& c : p->country_code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

// GeoJSON point {"type":"Point","coordinates":[lon,lat]}.
bool ReadPoint(od::value v, double* lon, double* lat) {
  if (v.type() != od::json_type::object) return false;
  for (auto field : v.get_object()) {
    if (json::KeyOf(field) != "coordinates"sv) continue;
    od::value c = field.value();
    if (c.type() != od::json_type::array) return false;
    double xy[2];
    int i = 0;
    for (auto e : c.get_array()) {
      if (i < 2) xy[i] = ReadDouble(e.value());
      ++i;
    }
    if (i != 2) return false;
    *lon = xy[0];
    *lat = xy[1];
    return *lon >= -180 && *lon <= 180 && *lat >= -90 && *lat <= 90;
  }
  return false;
}

// v1.1 and v2 entity objects. v1.1 names: hashtags[].text, user_mentions[]
// .screen_name/.id_str, symbols[].text; v2: hashtags[].tag, mentions[]
// .username/.id, cashtags[].tag. urls[] is alike in both.
void ReadEntities(od::object obj, Tweet* t) {
  for (auto field : obj) {
    std::string_view key = json::KeyOf(field);
    od::value list = field.value();
    if (list.type() != od::json_type::array) continue;
    bool hashtags = key == "hashtags"sv;
    bool mentions = !hashtags && (key == "user_mentions"sv || key == "mentions"sv);
    bool urls = !hashtags && !mentions && key == "urls"sv;
    bool cashtags = !hashtags && !mentions && !urls && (key == "symbols"sv || key == "cashtags"sv);
    if (!hashtags && !mentions && !urls && !cashtags) continue;
    for (auto item_result : list.get_array()) {
      od::object item = item_result.get_object();
      if (hashtags) t->hashtags.emplace_back();
      if (mentions) t->mentions.emplace_back();
      if (urls) t->urls.emplace_back();
      if (cashtags) t->cashtags.emplace_back();
      uint64_t id_num = 0, id_str = 0;
      for (auto f : item) {
        std::string_view k = json::KeyOf(f);
        if (hashtags) {
          if (k == "text"sv || k == "tag"sv) t->hashtags.back().text = ReadString(f.value());
        } else if (cashtags) {
          if (k == "text"sv || k == "tag"sv) t->cashtags.back() = ReadString(f.value());
        } else if (mentions) {
          if (k == "screen_name"sv || k == "username"sv) t->mentions.back().screen_name = ReadString(f.value());
          else if (k == "id_str"sv) id_str = ReadId(f.value(), "mention id_str");
          else if (k == "id"sv) id_num = ReadId(f.value(), "mention id");
        } else {
          if (k == "url"sv) t->urls.back().url = ReadString(f.value());
          else if (k == "expanded_url"sv) t->urls.back().expanded_url = ReadString(f.value());
        }
      }
      if (mentions) t->mentions.back().user_id = id_str ? id_str : id_num;
    }
  }
}

// The top-level fields of a tweet object that the parser reads.
enum TweetKey : int {
  K_id_str,
  K_id,
  K_created_at,
  K_timestamp_ms,
  K_text,
  K_full_text,
  K_extended_tweet,
  K_note_tweet,
  K_entities,
  K_user,
  K_author_id,
  K_lang,
  K_source,
  K_in_reply_to_status_id_str,
  K_in_reply_to_status_id,
  K_in_reply_to_user_id_str,
  K_in_reply_to_user_id,
  K_in_reply_to_screen_name,
  K_retweet_count,
  K_favorite_count,
  K_reply_count,
  K_quote_count,
  K_public_metrics,
  K_retweeted_status,
  K_quoted_status,
  K_quoted_status_id_str,
  K_referenced_tweets,
  K_coordinates,
  K_place,
  K_geo,
  K_withheld_in_countries,
  K_withheld,
};

const json::KeyTable kTweetKeys = {
    {"id_str", K_id_str},
    {"id", K_id},
    {"created_at", K_created_at},
    {"timestamp_ms", K_timestamp_ms},
    {"text", K_text},
    {"full_text", K_full_text},
    {"extended_tweet", K_extended_tweet},
    {"note_tweet", K_note_tweet},
    {"entities", K_entities},
    {"user", K_user},
    {"author_id", K_author_id},
    {"lang", K_lang},
    {"source", K_source},
    {"in_reply_to_status_id_str", K_in_reply_to_status_id_str},
    {"in_reply_to_status_id", K_in_reply_to_status_id},
    {"in_reply_to_user_id_str", K_in_reply_to_user_id_str},
    {"in_reply_to_user_id", K_in_reply_to_user_id},
    {"in_reply_to_screen_name", K_in_reply_to_screen_name},
    {"retweet_count", K_retweet_count},
    {"favorite_count", K_favorite_count},
    {"reply_count", K_reply_count},
    {"quote_count", K_quote_count},
    {"public_metrics", K_public_metrics},
    {"retweeted_status", K_retweeted_status},
    {"quoted_status", K_quoted_status},
    {"quoted_status_id_str", K_quoted_status_id_str},
    {"referenced_tweets", K_referenced_tweets},
    {"coordinates", K_coordinates},
    {"place", K_place},
    {"geo", K_geo},
    {"withheld_in_countries", K_withheld_in_countries},
    {"withheld", K_withheld},
};

}  // namespace

void ReadV2Includes(od::object includes, V2Includes* out) {
  for (auto field : includes) {
    std::string_view key = json::KeyOf(field);
    od::value list = field.value();
    if (list.type() != od::json_type::array) continue;
    if (key == "users"sv) {
      for (auto u : list.get_array()) {
        UserInfo user;
        ReadUser(u.get_object(), &user, true);
        if (user.id != 0) out->users[user.id] = std::move(user);
      }
    } else if (key == "tweets"sv) {
      for (auto tw : list.get_array()) {
        uint64_t id = 0, author = 0;
        for (auto f : tw.get_object()) {
          std::string_view k = json::KeyOf(f);
          if (k == "id"sv) id = ReadId(f.value(), "includes.tweets.id");
          else if (k == "author_id"sv) author = ReadId(f.value(), "includes.tweets.author_id");
        }
        if (id != 0) out->tweet_authors[id] = author;
      }
    } else if (key == "places"sv) {
      for (auto p : list.get_array()) {
        Place place;
        ReadPlace(p.get_object(), &place);
        if (!place.id.empty()) out->places[place.id] = std::move(place);
      }
    }
  }
}

void TweetObjectParser::Parse(od::object obj, const V2Includes* includes, Tweet* tweet) {
  if (embedded_.size() < kMaxEmbedDepth) embedded_.resize(kMaxEmbedDepth);
  note_.clear();
  ParseLevel(obj, includes, tweet, 0);
}

void TweetObjectParser::ParseLevel(od::object obj, const V2Includes* includes, Tweet* t,
                                   int depth) {
  ResetTweet(t);
  uint64_t id_str = 0, author_id = 0;
  std::string_view id_token;
  bool has_id = false, has_text = false, has_user = false;
  std::string_view created_at;
  std::string_view timestamp_ms;
  std::string_view v2_place_id;
  bool has_long_text = false;     // extended_tweet / note_tweet / full_text
  bool long_entities = false;     // entities came from extended_tweet
  Tweet* rt = nullptr;            // embedded retweeted_status, when read
  std::string rt_screen_name;

  for (auto field : obj) {
    int key_id = kTweetKeys.Find(json::KeyOf(field));
    if (key_id == json::KeyTable::kUnknown) continue;
    od::value v = field.value();
    switch (key_id) {
    case K_id_str:
    {
      id_str = ReadId(v, "id_str");
      has_id = true;
      break;
    }
    case K_id:
    {
      id_token = json::IdToken(v);
      has_id = true;
      break;
    }
    case K_created_at:
    {
      created_at = ReadString(v);
      break;
    }
    case K_timestamp_ms:
    {
      timestamp_ms = v.type() == od::json_type::string ? std::string_view(v.get_string()) : "";
      break;
    }
    case K_text:
    {
      if (!has_long_text) t->text = ReadString(v);
      has_text = true;
      break;
    }
    case K_full_text:
    {
      t->text = ReadString(v);
      has_text = has_long_text = true;
      break;
    }
    case K_extended_tweet:
    case K_note_tweet:
    {
      if (v.type() != od::json_type::object) continue;
      for (auto f : v.get_object()) {
        std::string_view k = json::KeyOf(f);
        if (k == "full_text"sv || k == "text"sv) {
          t->text = ReadString(f.value());
          has_text = has_long_text = true;
        } else if (k == "entities"sv) {
          od::value ents = f.value();
          if (ents.type() != od::json_type::object) continue;
          t->hashtags.clear(), t->mentions.clear(), t->urls.clear(), t->cashtags.clear();
          ReadEntities(ents.get_object(), t);
          long_entities = true;
        }
      }
      break;
    }
    case K_entities:
    {
      // A retweet's own entities describe its cut text; the original's
      // replace them below, so they are not read when it came first.
      if (!long_entities && rt == nullptr && v.type() == od::json_type::object) {
        ReadEntities(v.get_object(), t);
      }
      break;
    }
    case K_user:
    {
      if (v.type() == od::json_type::object) {
        ReadUser(v.get_object(), &t->user, depth == 0);
        has_user = t->user.id != 0;
      }
      break;
    }
    case K_author_id:
    {
      author_id = ReadId(v, "author_id");
      t->format = TweetFormat::kV2;
      break;
    }
    case K_lang:
    {
      t->lang = ReadString(v);
      break;
    }
    case K_source:
    {
      t->source = json::StripSourceHtml(ReadString(v));
      break;
    }
    case K_in_reply_to_status_id_str:
    {
      if (uint64_t id = ReadId(v, "in_reply_to_status_id_str")) t->reply_to = id;
      break;
    }
    case K_in_reply_to_status_id:
    {
      if (!t->reply_to) t->reply_to = ReadId(v, "in_reply_to_status_id");
      break;
    }
    case K_in_reply_to_user_id_str:
    {
      if (uint64_t id = ReadId(v, "in_reply_to_user_id_str")) t->reply_to_user = id;
      break;
    }
    case K_in_reply_to_user_id:
    {
      if (!t->reply_to_user) t->reply_to_user = ReadId(v, "in_reply_to_user_id");
      break;
    }
    case K_in_reply_to_screen_name:
    {
      t->reply_to_screen_name = ReadString(v);
      break;
    }
    case K_retweet_count:
    {
      t->retweet_count = ReadInt(v);
      break;
    }
    case K_favorite_count:
    {
      t->favorite_count = ReadInt(v);
      break;
    }
    case K_reply_count:
    {
      t->reply_count = ReadInt(v);
      break;
    }
    case K_quote_count:
    {
      t->quote_count = ReadInt(v);
      break;
    }
    case K_public_metrics:
    {
      if (v.type() != od::json_type::object) continue;
      for (auto m : v.get_object()) {
        std::string_view k = json::KeyOf(m);
        if (k == "retweet_count"sv) t->retweet_count = ReadInt(m.value());
        else if (k == "like_count"sv) t->favorite_count = ReadInt(m.value());
        else if (k == "reply_count"sv) t->reply_count = ReadInt(m.value());
        else if (k == "quote_count"sv) t->quote_count = ReadInt(m.value());
      }
      break;
    }
    case K_retweeted_status:
    case K_quoted_status:
    {
      if (v.type() != od::json_type::object) continue;
      bool is_rt = key_id == K_retweeted_status;
      if (depth + 1 >= kMaxEmbedDepth) {
        // Too deep to read in full: keep only the link.
        for (auto f : v.get_object()) {
          if (json::KeyOf(f) == "id_str"sv) {
            (is_rt ? t->retweet_of : t->quote_of) = ReadId(f.value(), "embedded id_str");
          }
        }
        continue;
      }
      Tweet* e = &embedded_[depth + 1];
      try {
        ParseLevel(v.get_object(), includes, e, depth + 1);
      } catch (const json::RecordError& err) {
        // The outer tweet is whole without it: keep the tweet and the link
        // (when the embedded id was read), and say what was missing.
        if (note_.empty())
          note_ = std::string(is_rt ? "retweeted_status" : "quoted_status") + ": " + err.detail +
                  " (kept with the link only)";
        (is_rt ? t->retweet_of : t->quote_of) = e->id;
        continue;
      }
      if (is_rt) {
        t->retweet_of = e->id;
        t->retweet_of_user = e->user.id;
        rt = e;
        rt_screen_name = e->user.screen_name;
      } else {
        t->quote_of = e->id;
        t->quote_of_user = e->user.id;
      }
      break;
    }
    case K_quoted_status_id_str:
    {
      if (!t->quote_of) t->quote_of = ReadId(v, "quoted_status_id_str");
      break;
    }
    case K_referenced_tweets:
    {
      if (v.type() != od::json_type::array) continue;
      for (auto ref : v.get_array()) {
        std::string_view type;
        uint64_t id = 0;
        for (auto f : ref.get_object()) {
          if (json::KeyOf(f) == "type"sv) type = ReadString(f.value());
          else if (json::KeyOf(f) == "id"sv) id = ReadId(f.value(), "referenced_tweets.id");
        }
        uint64_t author = 0;
        if (includes != nullptr) {
          auto it = includes->tweet_authors.find(id);
          if (it != includes->tweet_authors.end()) author = it->second;
        }
        if (type == "retweeted"sv) t->retweet_of = id, t->retweet_of_user = author;
        else if (type == "quoted"sv) t->quote_of = id, t->quote_of_user = author;
        else if (type == "replied_to"sv) t->reply_to = id;
      }
      t->format = TweetFormat::kV2;
      break;
    }
    case K_coordinates:
    {
      double lon, lat;
      if (ReadPoint(v, &lon, &lat)) {
        t->has_coordinates = true;
        t->longitude = lon;
        t->latitude = lat;
      }
      break;
    }
    case K_place:
    {
      if (v.type() == od::json_type::object) {
        t->place.emplace();
        ReadPlace(v.get_object(), &*t->place);
      }
      break;
    }
    case K_geo:
    {
      // v2: {"place_id": "...", "coordinates": {"type":"Point",...}}; v1.1's
      // "geo" is the deprecated lat/lon twin of "coordinates": ignored.
      if (v.type() != od::json_type::object) continue;
      for (auto f : v.get_object()) {
        if (json::KeyOf(f) == "place_id"sv) {
          v2_place_id = ReadString(f.value());
        } else if (json::KeyOf(f) == "coordinates"sv) {
          od::value c = f.value();
          if (c.type() != od::json_type::object) continue;
          double lon, lat;
          if (ReadPoint(c, &lon, &lat)) {
            t->has_coordinates = true;
            t->longitude = lon;
            t->latitude = lat;
          }
        }
      }
      break;
    }
    case K_withheld_in_countries:
    {
      if (v.type() != od::json_type::array) continue;
      for (auto c : v.get_array()) t->withheld_in_countries.emplace_back(ReadString(c.value()));
      break;
    }
    case K_withheld:
    {
      if (v.type() != od::json_type::object) continue;
      for (auto f : v.get_object()) {
        if (json::KeyOf(f) != "country_codes"sv) continue;
        od::value codes = f.value();
        if (codes.type() != od::json_type::array) continue;
        for (auto c : codes.get_array()) t->withheld_in_countries.emplace_back(ReadString(c.value()));
      }
      break;
    }
    }  // switch
  }

  t->id = id_str ? id_str : json::IdFromToken(id_token, "id");
  if (!has_id) throw RecordError{RejectReason::kMissingId, "no id or id_str"};
  if (t->id == 0) throw RecordError{RejectReason::kBadId, "id is 0 or null"};
  if (!created_at.empty()) {
    auto time = ParseAnyTime(created_at);
    if (!time) {
      throw RecordError{RejectReason::kBadTime,
                        "created_at \"" + std::string(created_at.substr(0, 40)) + "\" is not a date"};
    }
    if (created_at[0] >= '0' && created_at[0] <= '9') t->format = TweetFormat::kV2;
    t->created_at = *time;
  } else if (uint64_t ms; !timestamp_ms.empty() && json::ParseDecimalId(timestamp_ms, &ms)) {
    t->created_at = static_cast<TimestampMs>(ms);
  } else if (depth == 0) {  // an embedded status's time is never used
    throw RecordError{RejectReason::kMissingTime, "no created_at"};
  }
  if (!has_text) throw RecordError{RejectReason::kMissingText, "no text"};

  if (t->format == TweetFormat::kV2 && !has_user) {
    t->user.id = author_id;
    if (includes != nullptr) {
      auto it = includes->users.find(author_id);
      if (it != includes->users.end()) t->user = it->second;
    }
    has_user = t->user.id != 0;
    if (!v2_place_id.empty() && includes != nullptr) {
      auto it = includes->places.find(std::string(v2_place_id));
      if (it != includes->places.end()) t->place = it->second;
    }
  }
  if (!has_user) throw RecordError{RejectReason::kMissingUser, "no user or author_id"};

  // A retweet's own text is cut at 140 characters ("RT @a: ..."); the
  // original's full text, entities and a mention of its author replace it.
  if (rt != nullptr && !rt->text.empty()) {
    std::string text;
    text.reserve(4 + rt_screen_name.size() + 2 + rt->text.size());
    text.append("RT @").append(rt_screen_name).append(": ").append(rt->text);
    t->text = std::move(text);
    // `rt` is scratch for this record only: its lists can be moved.
    t->hashtags = std::move(rt->hashtags);
    t->urls = std::move(rt->urls);
    t->cashtags = std::move(rt->cashtags);
    t->mentions.clear();
    t->mentions.push_back({rt->user.id, rt_screen_name});
    t->mentions.insert(t->mentions.end(), std::make_move_iterator(rt->mentions.begin()),
                       std::make_move_iterator(rt->mentions.end()));
  }
}

}  // namespace roost

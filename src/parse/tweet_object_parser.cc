#include "parse/tweet_object_parser.h"

#include "common/time_parse.h"

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
void ReadUser(od::object obj, UserInfo* u, bool full) {
  uint64_t id_num = 0, id_str = 0;
  for (auto field : obj) {
    std::string_view key = json::KeyOf(field.key());
    if (key == "id_str"sv) id_str = ReadId(field.value(), "user.id_str");
    else if (key == "id"sv) id_num = ReadId(field.value(), "user.id");
    else if (key == "screen_name"sv || key == "username"sv) u->screen_name = ReadString(field.value());
    if (!full) continue;
    od::value v = field.value();
    if (key == "name"sv) u->name = ReadString(v);
    else if (key == "description"sv) u->description = ReadString(v);
    else if (key == "location"sv) u->location = ReadString(v);
    else if (key == "followers_count"sv) u->followers = ReadInt(v);
    else if (key == "friends_count"sv) u->friends = ReadInt(v);
    else if (key == "statuses_count"sv) u->statuses = ReadInt(v);
    else if (key == "verified"sv) u->verified = ReadBool(v);
    else if (key == "protected"sv) u->is_protected = ReadBool(v);
    else if (key == "utc_offset"sv) u->utc_offset_s = static_cast<int32_t>(ReadInt(v));
    else if (key == "created_at"sv) u->created_at = ParseAnyTime(ReadString(v)).value_or(0);
    else if (key == "public_metrics"sv && v.type() == od::json_type::object) {
      for (auto m : v.get_object()) {
        std::string_view mk = json::KeyOf(m.key());
        if (mk == "followers_count"sv) u->followers = ReadInt(m.value());
        else if (mk == "following_count"sv) u->friends = ReadInt(m.value());
        else if (mk == "tweet_count"sv) u->statuses = ReadInt(m.value());
      }
    }
  }
  u->id = id_str ? id_str : id_num;
}

// Bounding box: v1.1 {"type":"Polygon","coordinates":[[[lon,lat],...]]}.
void ReadV1BoundingBox(od::value v, Place* p) {
  if (v.type() != od::json_type::object) return;
  for (auto field : v.get_object()) {
    if (json::KeyOf(field.key()) != "coordinates"sv) continue;
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
    std::string_view key = json::KeyOf(field.key());
    od::value v = field.value();
    if (key == "id"sv) p->id = ReadString(v);
    else if (key == "full_name"sv) p->full_name = ReadString(v);
    else if (key == "country_code"sv) p->country_code = ReadString(v);
    else if (key == "place_type"sv) p->place_type = ReadString(v);
    else if (key == "bounding_box"sv) ReadV1BoundingBox(v, p);
    else if (key == "geo"sv && v.type() == od::json_type::object) {
      // v2: {"type":"Feature","bbox":[min_lon,min_lat,max_lon,max_lat],...}
      for (auto g : v.get_object()) {
        if (json::KeyOf(g.key()) != "bbox"sv) continue;
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
    if (json::KeyOf(field.key()) != "coordinates"sv) continue;
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
    std::string_view key = json::KeyOf(field.key());
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
        std::string_view k = json::KeyOf(f.key());
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

}  // namespace

void ReadV2Includes(od::object includes, V2Includes* out) {
  for (auto field : includes) {
    std::string_view key = json::KeyOf(field.key());
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
          std::string_view k = json::KeyOf(f.key());
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
  ParseLevel(obj, includes, tweet, 0);
}

void TweetObjectParser::ParseLevel(od::object obj, const V2Includes* includes, Tweet* t,
                                   int depth) {
  ResetTweet(t);
  uint64_t id_num = 0, id_str = 0, author_id = 0;
  bool has_id = false, has_text = false, has_user = false;
  std::string_view created_at;
  std::string_view timestamp_ms;
  std::string_view v2_place_id;
  bool has_long_text = false;     // extended_tweet / note_tweet / full_text
  bool long_entities = false;     // entities came from extended_tweet
  Tweet* rt = nullptr;            // embedded retweeted_status, when read
  std::string rt_screen_name;

  for (auto field : obj) {
    std::string_view key = json::KeyOf(field.key());
    od::value v = field.value();
    if (key == "id_str"sv) {
      id_str = ReadId(v, "id_str");
      has_id = true;
    } else if (key == "id"sv) {
      id_num = ReadId(v, "id");
      has_id = true;
    } else if (key == "created_at"sv) {
      created_at = ReadString(v);
    } else if (key == "timestamp_ms"sv) {
      timestamp_ms = v.type() == od::json_type::string ? std::string_view(v.get_string()) : "";
    } else if (key == "text"sv) {
      if (!has_long_text) t->text = ReadString(v);
      has_text = true;
    } else if (key == "full_text"sv) {
      t->text = ReadString(v);
      has_text = has_long_text = true;
    } else if (key == "extended_tweet"sv || key == "note_tweet"sv) {
      if (v.type() != od::json_type::object) continue;
      for (auto f : v.get_object()) {
        std::string_view k = json::KeyOf(f.key());
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
    } else if (key == "entities"sv) {
      if (!long_entities && v.type() == od::json_type::object) ReadEntities(v.get_object(), t);
    } else if (key == "user"sv) {
      if (v.type() == od::json_type::object) {
        ReadUser(v.get_object(), &t->user, depth == 0);
        has_user = t->user.id != 0;
      }
    } else if (key == "author_id"sv) {
      author_id = ReadId(v, "author_id");
      t->format = TweetFormat::kV2;
    } else if (key == "lang"sv) {
      t->lang = ReadString(v);
    } else if (key == "source"sv) {
      t->source = json::StripSourceHtml(ReadString(v));
    } else if (key == "in_reply_to_status_id_str"sv) {
      if (uint64_t id = ReadId(v, "in_reply_to_status_id_str")) t->reply_to = id;
    } else if (key == "in_reply_to_status_id"sv) {
      if (!t->reply_to) t->reply_to = ReadId(v, "in_reply_to_status_id");
    } else if (key == "in_reply_to_user_id_str"sv) {
      if (uint64_t id = ReadId(v, "in_reply_to_user_id_str")) t->reply_to_user = id;
    } else if (key == "in_reply_to_user_id"sv) {
      if (!t->reply_to_user) t->reply_to_user = ReadId(v, "in_reply_to_user_id");
    } else if (key == "in_reply_to_screen_name"sv) {
      t->reply_to_screen_name = ReadString(v);
    } else if (key == "retweet_count"sv) {
      t->retweet_count = ReadInt(v);
    } else if (key == "favorite_count"sv) {
      t->favorite_count = ReadInt(v);
    } else if (key == "reply_count"sv) {
      t->reply_count = ReadInt(v);
    } else if (key == "quote_count"sv) {
      t->quote_count = ReadInt(v);
    } else if (key == "public_metrics"sv) {
      if (v.type() != od::json_type::object) continue;
      for (auto m : v.get_object()) {
        std::string_view k = json::KeyOf(m.key());
        if (k == "retweet_count"sv) t->retweet_count = ReadInt(m.value());
        else if (k == "like_count"sv) t->favorite_count = ReadInt(m.value());
        else if (k == "reply_count"sv) t->reply_count = ReadInt(m.value());
        else if (k == "quote_count"sv) t->quote_count = ReadInt(m.value());
      }
    } else if (key == "retweeted_status"sv || key == "quoted_status"sv) {
      if (v.type() != od::json_type::object) continue;
      bool is_rt = key == "retweeted_status"sv;
      if (depth + 1 >= kMaxEmbedDepth) {
        // Too deep to read in full: keep only the link.
        for (auto f : v.get_object()) {
          if (json::KeyOf(f.key()) == "id_str"sv) {
            (is_rt ? t->retweet_of : t->quote_of) = ReadId(f.value(), "embedded id_str");
          }
        }
        continue;
      }
      Tweet* e = &embedded_[depth + 1];
      ParseLevel(v.get_object(), includes, e, depth + 1);
      if (is_rt) {
        t->retweet_of = e->id;
        t->retweet_of_user = e->user.id;
        rt = e;
        rt_screen_name = e->user.screen_name;
      } else {
        t->quote_of = e->id;
        t->quote_of_user = e->user.id;
      }
    } else if (key == "quoted_status_id_str"sv) {
      if (!t->quote_of) t->quote_of = ReadId(v, "quoted_status_id_str");
    } else if (key == "referenced_tweets"sv) {
      if (v.type() != od::json_type::array) continue;
      for (auto ref : v.get_array()) {
        std::string_view type;
        uint64_t id = 0;
        for (auto f : ref.get_object()) {
          if (json::KeyOf(f.key()) == "type"sv) type = ReadString(f.value());
          else if (json::KeyOf(f.key()) == "id"sv) id = ReadId(f.value(), "referenced_tweets.id");
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
    } else if (key == "coordinates"sv) {
      double lon, lat;
      if (ReadPoint(v, &lon, &lat)) {
        t->has_coordinates = true;
        t->longitude = lon;
        t->latitude = lat;
      }
    } else if (key == "place"sv) {
      if (v.type() == od::json_type::object) {
        t->place.emplace();
        ReadPlace(v.get_object(), &*t->place);
      }
    } else if (key == "geo"sv) {
      // v2: {"place_id": "...", "coordinates": {"type":"Point",...}}; v1.1's
      // "geo" is the deprecated lat/lon twin of "coordinates": ignored.
      if (v.type() != od::json_type::object) continue;
      for (auto f : v.get_object()) {
        if (json::KeyOf(f.key()) == "place_id"sv) {
          v2_place_id = ReadString(f.value());
        } else if (json::KeyOf(f.key()) == "coordinates"sv) {
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
    } else if (key == "withheld_in_countries"sv) {
      if (v.type() != od::json_type::array) continue;
      for (auto c : v.get_array()) t->withheld_in_countries.emplace_back(ReadString(c.value()));
    } else if (key == "withheld"sv) {
      if (v.type() != od::json_type::object) continue;
      for (auto f : v.get_object()) {
        if (json::KeyOf(f.key()) != "country_codes"sv) continue;
        od::value codes = f.value();
        if (codes.type() != od::json_type::array) continue;
        for (auto c : codes.get_array()) t->withheld_in_countries.emplace_back(ReadString(c.value()));
      }
    }
  }

  t->id = id_str ? id_str : id_num;
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
  } else {
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
    t->text = "RT @" + rt_screen_name + ": " + rt->text;
    t->hashtags = rt->hashtags;
    t->urls = rt->urls;
    t->cashtags = rt->cashtags;
    t->mentions.clear();
    t->mentions.push_back({rt->user.id, rt_screen_name});
    t->mentions.insert(t->mentions.end(), rt->mentions.begin(), rt->mentions.end());
  }
}

}  // namespace roost

#include "parse/document_parser.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>
#include <set>

#include "common/time_parse.h"
#include "testing/test_util.h"

namespace roost {
namespace {

using Kind = ParsedRecord::Kind;

constexpr const char* kV1Tweet = R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id":1,"id_str":"18446744073709551615",
"text":"hello #World @bob $ACME","source":"<a href=\"http://x\" rel=\"nofollow\">Roost Client</a>",
"user":{"id":42,"id_str":"42","screen_name":"alice","followers_count":10,"protected":false,"verified":true},
"entities":{"hashtags":[{"text":"World","indices":[6,12]}],"user_mentions":[{"screen_name":"bob","id_str":"7","id":7}],
"urls":[],"symbols":[{"text":"ACME"}]},"lang":"en","retweet_count":3,"favorite_count":4,
"place":{"id":"p1","full_name":"Paris, France","country_code":"fr","bounding_box":{"type":"Polygon","coordinates":[[[2.2,48.8],[2.4,48.8],[2.4,48.9],[2.2,48.9]]]}},
"coordinates":{"type":"Point","coordinates":[2.35,48.85]}})";

TEST(DocumentParserTest, ReadsV1StatusFields) {
  DocumentParser parser;
  std::string line = kV1Tweet;
  for (char& c : line) if (c == '\n') c = ' ';
  auto records = parser.ParseString(line);
  ASSERT_EQ(records.size(), 1u);
  const ParsedRecord& r = records[0];
  ASSERT_EQ(r.kind, Kind::kTweet) << r.detail;
  const Tweet& t = r.tweet;
  EXPECT_EQ(t.id, 18446744073709551615ull);  // id_str wins over the numeric id
  EXPECT_EQ(FormatIsoTime(t.created_at), "2008-08-27T13:08:45Z");
  EXPECT_EQ(t.text, "hello #World @bob $ACME");
  EXPECT_EQ(t.source, "Roost Client");
  EXPECT_EQ(t.user.id, 42u);
  EXPECT_EQ(t.user.screen_name, "alice");
  EXPECT_TRUE(t.user.verified);
  EXPECT_EQ(t.user.followers, 10);
  ASSERT_EQ(t.hashtags.size(), 1u);
  EXPECT_EQ(t.hashtags[0].text, "World");
  ASSERT_EQ(t.mentions.size(), 1u);
  EXPECT_EQ(t.mentions[0].user_id, 7u);
  ASSERT_EQ(t.cashtags.size(), 1u);
  EXPECT_EQ(t.cashtags[0], "ACME");
  EXPECT_EQ(t.retweet_count, 3);
  EXPECT_EQ(t.favorite_count, 4);
  ASSERT_TRUE(t.place.has_value());
  EXPECT_EQ(t.place->country_code, "FR");
  EXPECT_TRUE(t.place->has_box);
  EXPECT_DOUBLE_EQ(t.place->max_lat, 48.9);
  EXPECT_TRUE(t.has_coordinates);
  EXPECT_DOUBLE_EQ(t.longitude, 2.35);
}

// Keys are matched as written; a key holding escaped quotes or backslashes
// must end at its real closing quote, not at an escaped one.
TEST(DocumentParserTest, KeysWithEscapesEndAtTheirClosingQuote) {
  DocumentParser parser;
  auto records = parser.ParseString(
      R"({"x\"text":"no","y\\":"no","z\\\"id_str\\":"1","created_at":"Wed Aug 27 13:08:45 +0000 2008",)"
      R"("id_str":"5","text":"yes","user":{"a\"screen_name":"no","id_str":"9","screen_name":"bob"}})");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].kind, Kind::kTweet) << records[0].detail;
  EXPECT_EQ(records[0].tweet.id, 5u);
  EXPECT_EQ(records[0].tweet.text, "yes");
  EXPECT_EQ(records[0].tweet.user.id, 9u);
  EXPECT_EQ(records[0].tweet.user.screen_name, "bob");
}

// Keys end where the ':' before their value says, with any whitespace
// around it; an id_str with escaped digits still reads (through simdjson's
// unescaping rather than the raw-bytes path).
TEST(DocumentParserTest, SpacedKeysAndEscapedIdsRead) {
  DocumentParser parser;
  auto records = parser.ParseString(
      "{ \"created_at\" :\t\"Wed Aug 27 13:08:45 +0000 2008\" ,\n \"id_str\"  :  \"\\u0031\\u0032\" ,"
      " \"text\"\n:\n\"spaced\", \"in_reply_to_status_id_str\" : \"77\","
      " \"user\" : { \"id_str\" : \"9\" , \"screen_name\" : \"bob\" , \"followers_count\" : 12 } }");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].kind, Kind::kTweet) << records[0].detail;
  EXPECT_EQ(records[0].tweet.id, 12u);
  EXPECT_EQ(records[0].tweet.text, "spaced");
  EXPECT_EQ(records[0].tweet.reply_to, 77u);
  EXPECT_EQ(records[0].tweet.user.id, 9u);
  EXPECT_EQ(records[0].tweet.user.screen_name, "bob");
  EXPECT_EQ(records[0].tweet.user.followers, 12);
}

// An id_str with a non-digit, or one above 2^64 - 1 (the largest id), is
// rejected with the field named.
TEST(DocumentParserTest, BadIdStrsAreRejected) {
  for (const char* id : {"12x", "18446744073709551616", "123456789012345678901"}) {
    DocumentParser parser;
    auto records = parser.ParseString(std::string(R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":")") +
                                      id + R"(","text":"t","user":{"id_str":"9"}})");
    ASSERT_EQ(records.size(), 1u) << id;
    EXPECT_EQ(records[0].kind, Kind::kRejected) << id;
    EXPECT_EQ(records[0].reason, RejectReason::kBadId) << id;
    EXPECT_NE(records[0].detail.find("id_str"), std::string::npos) << records[0].detail;
  }
}

// Counts come as plain integers (read from their bytes) or in other JSON
// number forms (read by simdjson): both give the same values.
TEST(DocumentParserTest, CountsInEveryNumberForm) {
  DocumentParser parser;
  auto records = parser.ParseString(
      R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"5","text":"t","retweet_count":7 ,)"
      R"("favorite_count":1e3,"reply_count":-4,"quote_count":0,)"
      R"("user":{"id_str":"9","followers_count":12.7,"friends_count":"31","statuses_count":123456789012345678}})");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].kind, Kind::kTweet) << records[0].detail;
  const Tweet& t = records[0].tweet;
  EXPECT_EQ(t.retweet_count, 7);
  EXPECT_EQ(t.favorite_count, 1000);
  EXPECT_EQ(t.reply_count, -4);
  EXPECT_EQ(t.quote_count, 0);
  EXPECT_EQ(t.user.followers, 12);
  EXPECT_EQ(t.user.friends, 31);
  EXPECT_EQ(t.user.statuses, 123456789012345678);
}

// Numbers no int64 holds are read as 0, not converted out of range.
TEST(DocumentParserTest, CountsOutOfRangeReadAsZero) {
  DocumentParser parser;
  auto records = parser.ParseString(
      R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"5","text":"t","retweet_count":1e300,)"
      R"("favorite_count":-9.3e18,"reply_count":-12.9,"user":{"id_str":"9","followers_count":1e19}})");
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].kind, Kind::kTweet) << records[0].detail;
  const Tweet& t = records[0].tweet;
  EXPECT_EQ(t.retweet_count, 0);
  EXPECT_EQ(t.favorite_count, 0);
  EXPECT_EQ(t.reply_count, -12);
  EXPECT_EQ(t.user.followers, 0);
}

TEST(DocumentParserTest, ExtendedTweetFullTextWins) {
  DocumentParser parser;
  auto r = parser.ParseString(
      R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"5","text":"short…","truncated":true,)"
      R"("user":{"id_str":"1"},"extended_tweet":{"full_text":"the whole long text #tag",)"
      R"("entities":{"hashtags":[{"text":"tag"}]}},"entities":{"hashtags":[]}})");
  ASSERT_EQ(r[0].kind, Kind::kTweet) << r[0].detail;
  EXPECT_EQ(r[0].tweet.text, "the whole long text #tag");
  ASSERT_EQ(r[0].tweet.hashtags.size(), 1u);
}

TEST(DocumentParserTest, RetweetKeepsLinkAndOriginalAuthor) {
  DocumentParser parser;
  auto r = parser.ParseString(
      R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"10","text":"RT @orig: cut","user":{"id_str":"2","screen_name":"rt"},)"
      R"("retweeted_status":{"created_at":"Wed Aug 27 12:00:00 +0000 2008","id_str":"9","text":"full original #x",)"
      R"("user":{"id_str":"3","screen_name":"orig"},"entities":{"hashtags":[{"text":"x"}]}}})");
  ASSERT_EQ(r[0].kind, Kind::kTweet) << r[0].detail;
  EXPECT_EQ(r[0].tweet.retweet_of, 9u);
  EXPECT_EQ(r[0].tweet.retweet_of_user, 3u);
  EXPECT_EQ(r[0].tweet.user.id, 2u);
  EXPECT_EQ(r[0].tweet.text, "RT @orig: full original #x");
  ASSERT_EQ(r[0].tweet.mentions.size(), 1u);
  EXPECT_EQ(r[0].tweet.mentions[0].screen_name, "orig");
}

TEST(DocumentParserTest, ProtectedAuthorIsNonPublic) {
  DocumentParser parser;
  auto r = parser.ParseString(
      R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"10","text":"secret","user":{"id_str":"2","protected":true}})");
  EXPECT_EQ(r[0].kind, Kind::kNonPublic);
}

TEST(DocumentParserTest, TwarcPageResolvesAuthorsAndPlaces) {
  DocumentParser parser;
  auto r = parser.ParseString(
      R"({"data":[{"id":"100","text":"bonjour","author_id":"7","created_at":"2021-05-01T10:00:00.000Z","lang":"fr",)"
      R"("geo":{"place_id":"pl"},"public_metrics":{"retweet_count":1,"reply_count":2,"like_count":3,"quote_count":4},)"
      R"("referenced_tweets":[{"type":"quoted","id":"99"}],"entities":{"hashtags":[{"start":0,"end":3,"tag":"fr"}],)"
      R"("mentions":[{"username":"zed","id":"8"}]}},)"
      R"({"id":"101","text":"second","author_id":"8","created_at":"2021-05-01T11:00:00.000Z"}],)"
      R"("includes":{"users":[{"id":"7","username":"marie","verified":false,"public_metrics":{"followers_count":55}},)"
      R"({"id":"8","username":"zed","protected":true}],"tweets":[{"id":"99","author_id":"8","text":"q"}],)"
      R"("places":[{"id":"pl","full_name":"Lyon, France","country_code":"FR","geo":{"bbox":[4.7,45.7,4.9,45.8]}}]},"meta":{"result_count":2}})");
  ASSERT_EQ(r.size(), 2u);
  ASSERT_EQ(r[0].kind, Kind::kTweet) << r[0].detail;
  const Tweet& t = r[0].tweet;
  EXPECT_EQ(t.format, TweetFormat::kV2);
  EXPECT_EQ(t.user.screen_name, "marie");
  EXPECT_EQ(t.user.followers, 55);
  EXPECT_EQ(t.quote_of, 99u);
  EXPECT_EQ(t.quote_of_user, 8u);
  EXPECT_EQ(t.favorite_count, 3);
  EXPECT_EQ(t.quote_count, 4);
  ASSERT_TRUE(t.place.has_value());
  EXPECT_EQ(t.place->full_name, "Lyon, France");
  ASSERT_EQ(t.hashtags.size(), 1u);
  EXPECT_EQ(t.hashtags[0].text, "fr");
  EXPECT_EQ(t.mentions[0].user_id, 8u);
  EXPECT_EQ(r[1].kind, Kind::kNonPublic);
}

TEST(DocumentParserTest, SingleV2TweetAndBareObject) {
  DocumentParser parser;
  auto a = parser.ParseString(R"({"data":{"id":"5","text":"x","author_id":"1","created_at":"2021-01-01T00:00:00Z"}})");
  ASSERT_EQ(a[0].kind, Kind::kTweet) << a[0].detail;
  EXPECT_EQ(a[0].tweet.user.id, 1u);
  auto b = parser.ParseString(R"({"id":"6","text":"y","author_id":"2","created_at":"2021-01-01T00:00:00Z"})");
  ASSERT_EQ(b[0].kind, Kind::kTweet) << b[0].detail;
  EXPECT_EQ(b[0].tweet.format, TweetFormat::kV2);
}

TEST(DocumentParserTest, ComplianceMessages) {
  DocumentParser parser;
  struct Case {
    const char* json;
    ComplianceKind kind;
    uint64_t tweet, user, up_to;
  };
  const Case cases[] = {
      {R"({"delete":{"status":{"id":1,"id_str":"11","user_id":2,"user_id_str":"22"},"timestamp_ms":"1000"}})",
       ComplianceKind::kDelete, 11, 22, 0},
      {R"({"scrub_geo":{"user_id":3,"user_id_str":"33","up_to_status_id":4,"up_to_status_id_str":"44"}})",
       ComplianceKind::kScrubGeo, 0, 33, 44},
      {R"({"user_protect":{"user":{"id":5,"id_str":"55"}}})", ComplianceKind::kUserProtect, 0, 55, 0},
      {R"({"user_unprotect":{"user_id_str":"56"}})", ComplianceKind::kUserUnprotect, 0, 56, 0},
      {R"({"user_delete":{"id":57,"id_str":"57"}})", ComplianceKind::kUserDelete, 0, 57, 0},
      {R"({"user_undelete":{"id_str":"58"}})", ComplianceKind::kUserUndelete, 0, 58, 0},
      {R"({"user_suspend":{"id_str":"59"}})", ComplianceKind::kUserSuspend, 0, 59, 0},
      {R"({"user_unsuspend":{"id_str":"60"}})", ComplianceKind::kUserUnsuspend, 0, 60, 0},
      {R"({"status_withheld":{"id_str":"61","user_id_str":"62","withheld_in_countries":["DE","FR"]}})",
       ComplianceKind::kStatusWithheld, 61, 62, 0},
      {R"({"user_withheld":{"id_str":"63","withheld_in_countries":["TR"]}})", ComplianceKind::kUserWithheld, 0, 63, 0},
      {R"({"data":{"delete":{"tweet":{"id":"64","author_id":"65"},"event_at":"2021-01-01T00:00:00Z"}}})",
       ComplianceKind::kDelete, 64, 65, 0},
  };
  for (const Case& c : cases) {
    auto r = parser.ParseString(c.json);
    ASSERT_EQ(r.size(), 1u) << c.json;
    ASSERT_EQ(r[0].kind, Kind::kCompliance) << c.json << " " << r[0].detail;
    EXPECT_EQ(r[0].compliance.kind, c.kind) << c.json;
    EXPECT_EQ(r[0].compliance.tweet_id, c.tweet) << c.json;
    EXPECT_EQ(r[0].compliance.user_id, c.user) << c.json;
    EXPECT_EQ(r[0].compliance.up_to_status_id, c.up_to) << c.json;
  }
  auto w = parser.ParseString(R"({"status_withheld":{"id_str":"61","user_id_str":"62","withheld_in_countries":["DE","FR"]}})");
  EXPECT_EQ(w[0].compliance.countries, (std::vector<std::string>{"DE", "FR"}));
}

struct BadCase {
  const char* name;
  std::string json;
  RejectReason reason;
};

class RejectReasonTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(RejectReasonTest, RejectsWithTheRightReason) {
  DocumentParser parser;
  auto r = parser.ParseString(GetParam().json);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].kind, Kind::kRejected);
  EXPECT_EQ(RejectReasonName(r[0].reason), std::string(RejectReasonName(GetParam().reason)))
      << r[0].detail;
  EXPECT_FALSE(r[0].detail.empty());
}

const std::string kGoodPrefix = R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"1","user":{"id_str":"2"},)";

INSTANTIATE_TEST_SUITE_P(
    Reasons, RejectReasonTest,
    ::testing::Values(
        BadCase{"malformed", R"({"id_str":"1",,"text":"x"})", RejectReason::kMalformedJson},
        BadCase{"not_json", "hello world", RejectReason::kMalformedJson},
        BadCase{"truncated", R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"1","text":"cut he)",
                RejectReason::kTruncated},
        BadCase{"truncated_object", R"({"created_at":"x","user":{"id_str":"2")", RejectReason::kTruncated},
        BadCase{"invalid_utf8", kGoodPrefix + "\"text\":\"caf\xC3\x28\"}", RejectReason::kInvalidUtf8},
        BadCase{"missing_id", R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","text":"x","user":{"id_str":"2"}})",
                RejectReason::kMissingId},
        BadCase{"bad_id", R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"12a","text":"x","user":{"id_str":"2"}})",
                RejectReason::kBadId},
        BadCase{"id_over_64_bits", R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"18446744073709551616","text":"x","user":{"id_str":"2"}})",
                RejectReason::kBadId},
        BadCase{"missing_time", R"({"id_str":"1","text":"x","user":{"id_str":"2"}})", RejectReason::kMissingTime},
        BadCase{"bad_time", R"({"created_at":"yesterday","id_str":"1","text":"x","user":{"id_str":"2"}})",
                RejectReason::kBadTime},
        BadCase{"missing_text", kGoodPrefix + R"("lang":"en"})", RejectReason::kMissingText},
        BadCase{"missing_user", R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"1","text":"x"})",
                RejectReason::kMissingUser},
        BadCase{"stream_notice", R"({"limit":{"track":12,"timestamp_ms":"1"}})", RejectReason::kNotATweet},
        BadCase{"delete_without_id", R"({"delete":{"status":{}}})", RejectReason::kMissingId}),
    [](const auto& info) { return std::string(info.param.name); });

// The detail of a broken record is read by the file's owner: none of
// simdjson's messages (written for programmers) may leak into it.
TEST(DocumentParserTest, BrokenJsonDetailsAreWrittenForPeople) {
  const std::string cases[] = {"42",
                               "\"just a string\"",
                               "hello world",
                               kGoodPrefix + R"("text":tru})",
                               kGoodPrefix + R"("text":"x","retweet_count":1e999999})",
                               kGoodPrefix + R"("text":"a\qb"})",
                               R"({"id_str":"1"} trailing)",
                               R"({"id_str":"1","text":"cut he)"};
  for (const std::string& json : cases) {
    DocumentParser parser;
    auto r = parser.ParseString(json);
    ASSERT_FALSE(r.empty()) << json;
    const ParsedRecord& last = r.back();
    ASSERT_EQ(last.kind, Kind::kRejected) << json;
    EXPECT_FALSE(last.detail.empty()) << json;
    for (int code = 1; code < simdjson::NUM_ERROR_CODES; ++code) {
      const std::string internal = simdjson::error_message(static_cast<simdjson::error_code>(code));
      EXPECT_EQ(last.detail.find(internal), std::string::npos) << json << " -> " << last.detail;
    }
    EXPECT_EQ(last.detail.find("get_"), std::string::npos) << json << " -> " << last.detail;
  }
}

// ---- Real API responses (skipped when ../shared/data is absent) ----

std::vector<ParsedRecord> ParseFile(const std::string& relative) {
  std::string bytes = testing::ReadFileOrDie(testing::SharedDataDir() / relative);
  DocumentParser parser;
  return parser.ParseString(bytes);
}

TEST(DocumentParserSharedDataTest, AllHundredTweetsOfTwitterJsonAccepted) {
  ROOST_REQUIRE_SHARED_DATA("simdjson/jsonexamples/twitter.json");
  auto records = ParseFile("simdjson/jsonexamples/twitter.json");
  ASSERT_EQ(records.size(), 100u);
  std::set<uint64_t> ids;
  int retweets = 0;
  for (const auto& r : records) {
    ASSERT_EQ(r.kind, Kind::kTweet) << RejectReasonName(r.reason) << ": " << r.detail;
    EXPECT_NE(r.tweet.user.id, 0u);
    EXPECT_FALSE(r.tweet.text.empty());
    ids.insert(r.tweet.id);
    if (r.tweet.retweet_of) {
      ++retweets;
      EXPECT_NE(r.tweet.retweet_of_user, 0u);
    }
  }
  EXPECT_EQ(ids.size(), 100u);
  EXPECT_GT(retweets, 0);
  EXPECT_TRUE(ids.count(505874924095815681ull));  // the first status, from its id_str
}

TEST(DocumentParserSharedDataTest, EscapedCopyYieldsTheSameTweets) {
  ROOST_REQUIRE_SHARED_DATA("simdjson/jsonexamples/twitterescaped.json");
  auto plain = ParseFile("simdjson/jsonexamples/twitter.json");
  auto escaped = ParseFile("simdjson/jsonexamples/twitterescaped.json");
  ASSERT_EQ(plain.size(), escaped.size());
  for (size_t i = 0; i < plain.size(); ++i) {
    ASSERT_EQ(escaped[i].kind, Kind::kTweet) << escaped[i].detail;
    EXPECT_EQ(plain[i].tweet.id, escaped[i].tweet.id);
    EXPECT_EQ(plain[i].tweet.text, escaped[i].tweet.text);
    EXPECT_EQ(plain[i].tweet.user.id, escaped[i].tweet.user.id);
    EXPECT_EQ(plain[i].tweet.retweet_of, escaped[i].tweet.retweet_of);
  }
}

TEST(DocumentParserSharedDataTest, TimelineAndApiResponsesParse) {
  for (const char* file : {"simdjson/jsonexamples/twitter_timeline.json",
                           "simdjson/jsonexamples/twitter_api_response.json",
                           "simdjson/jsonexamples/twitter_api_compact_response.json"}) {
    ROOST_REQUIRE_SHARED_DATA(file);
    auto records = ParseFile(file);
    ASSERT_FALSE(records.empty()) << file;
    for (const auto& r : records) {
      EXPECT_TRUE(r.kind == Kind::kTweet || r.kind == Kind::kNonPublic)
          << file << ": " << RejectReasonName(r.reason) << " " << r.detail;
    }
  }
}

}  // namespace
}  // namespace roost

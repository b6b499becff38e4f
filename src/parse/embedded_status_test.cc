// A retweet or quote whose embedded original is incomplete is still a
// whole tweet of its own: it is kept, and the record says what was missing.
#include <gtest/gtest.h>

#include "parse/document_parser.h"

namespace roost {
namespace {

using Kind = ParsedRecord::Kind;

constexpr const char* kOuter =
    R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id_str":"10","text":"RT @orig: cut","user":{"id_str":"2","screen_name":"rt"},)";

TEST(EmbeddedStatusTest, OriginalWithoutCreatedAtIsReadWhole) {
  DocumentParser parser;
  auto r = parser.ParseString(std::string(kOuter) +
                              R"("retweeted_status":{"id_str":"9","text":"full original #x",)"
                              R"("user":{"id_str":"3","screen_name":"orig"}}})");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_EQ(r[0].kind, Kind::kTweet) << r[0].detail;
  EXPECT_EQ(r[0].tweet.retweet_of, 9u);
  EXPECT_EQ(r[0].tweet.retweet_of_user, 3u);
  // The original's time is never used, so nothing is missing.
  EXPECT_EQ(r[0].tweet.text, "RT @orig: full original #x");
  EXPECT_EQ(r[0].note, "");
}

TEST(EmbeddedStatusTest, OriginalWithoutTextKeepsTheTweetAndSaysWhy) {
  DocumentParser parser;
  auto r = parser.ParseString(std::string(kOuter) +
                              R"("retweeted_status":{"id_str":"9","created_at":"Wed Aug 27 12:00:00 +0000 2008",)"
                              R"("user":{"id_str":"3","screen_name":"orig"}}})");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_EQ(r[0].kind, Kind::kTweet) << r[0].detail;
  EXPECT_EQ(r[0].tweet.id, 10u);
  EXPECT_EQ(r[0].tweet.retweet_of, 9u);
  EXPECT_EQ(r[0].tweet.text, "RT @orig: cut");  // the outer text, as given
  EXPECT_NE(r[0].note.find("retweeted_status"), std::string::npos) << r[0].note;
  EXPECT_NE(r[0].note.find("no text"), std::string::npos) << r[0].note;
}

TEST(EmbeddedStatusTest, QuotedStatusWithoutUserKeepsTheLink) {
  DocumentParser parser;
  auto r = parser.ParseString(std::string(kOuter) +
                              R"("quoted_status":{"id_str":"7","text":"quoted"}})");
  ASSERT_EQ(r[0].kind, Kind::kTweet) << r[0].detail;
  EXPECT_EQ(r[0].tweet.quote_of, 7u);
  EXPECT_NE(r[0].note.find("quoted_status"), std::string::npos) << r[0].note;
}

TEST(EmbeddedStatusTest, OuterTweetWithoutCreatedAtIsStillRejected) {
  DocumentParser parser;
  auto r = parser.ParseString(R"({"id_str":"10","text":"x","user":{"id_str":"2"}})");
  ASSERT_EQ(r[0].kind, Kind::kRejected);
  EXPECT_EQ(r[0].reason, RejectReason::kMissingTime);
}

}  // namespace
}  // namespace roost

// Forecasts pass the gate: the models see the history as an analyst may see
// it, so a redacted bucket's count cannot reach the forecast.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>

#include "answer/forecast_json.h"
#include "roost/roost.h"
#include "storage/archive_writer.h"
#include "testing/test_util.h"

namespace roost {
namespace {

constexpr TimestampMs kMarch1 = 1330560000000;  // 2012-03-01T00:00:00Z
constexpr TimestampMs kHour = 3'600'000;
constexpr int kDays = 3;

// Three days of hours with 7 tweets by 5 authors each, except the `quiet`
// hours, where author 1 alone writes `lonely` tweets.
std::unique_ptr<Db> WriteArchive(const std::filesystem::path& dir, const std::set<int>& quiet, int lonely) {
  auto writer = storage::ArchiveWriter::Open(dir.string(), storage::Partition::kDay, true);
  EXPECT_TRUE(writer.ok()) << writer.status().ToString();
  uint64_t id = 1;
  for (int day = 0; day < kDays; ++day) {
    std::vector<Tweet> tweets;
    for (int h = 0; h < 24; ++h) {
      const int hour = day * 24 + h;
      const bool alone = quiet.count(hour) > 0;
      for (int i = 0; i < (alone ? lonely : 7); ++i) {
        Tweet t;
        t.id = id++;
        t.created_at = kMarch1 + hour * kHour + i * 1000;
        t.user.id = alone ? 1 : 2 + i % 5;
        t.user.screen_name = "user" + std::to_string(t.user.id);
        t.text = "hello";
        tweets.push_back(std::move(t));
      }
    }
    EXPECT_TRUE((*writer)->WriteSegment(std::move(tweets), kMarch1 + day * 24 * kHour).ok());
  }
  EXPECT_TRUE((*writer)->Commit().ok());
  std::ofstream(dir / "privacy.toml") << "[privacy]\nmin_answer_authors = 3\nmin_group_authors = 2\ncount_quantum = 5\n";
  auto db = Db::Open(dir.string());
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(db).value();
}

ForecastRequest Hourly() {
  ForecastRequest r;
  r.horizon = 6;
  return r;
}

const Caller kAnalyst{Role::kAnalyst, std::nullopt};
const Caller kAdmin{Role::kAdmin, std::nullopt};

TEST(ForecastAnswerTest, AnalystsGetTheGatedHistoryAndRoundedForecasts) {
  roost::testing::ScratchDir dir;
  auto db = WriteArchive(dir.path(), {3, 27, 51}, 2);
  auto a = db->Forecast(Question{}, Hourly(), kAnalyst);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_FALSE(a->redacted) << a->reason;
  ASSERT_EQ(a->history.size(), 72u);
  EXPECT_EQ(a->redacted_buckets, 3u);
  EXPECT_TRUE(a->history[3].redacted);
  EXPECT_EQ(a->history[3].value, 0);
  EXPECT_EQ(a->history[0].value, 5);  // 7 rounded down
  EXPECT_EQ(a->history[0].timestamp, "2012-03-01T00:00:00Z");
  ASSERT_EQ(a->forecast.size(), 6u);
  EXPECT_EQ(a->forecast[0].timestamp, "2012-03-04T00:00:00Z");
  for (const ForecastStep& s : a->forecast) {
    for (double v : {s.value, s.lo80, s.hi80, s.lo95, s.hi95}) EXPECT_EQ(std::fmod(v, 5.0), 0) << v;
    EXPECT_LE(s.lo95, s.lo80);
    EXPECT_LE(s.lo80, s.value);
    EXPECT_LE(s.value, s.hi80);
    EXPECT_LE(s.hi80, s.hi95);
  }
  EXPECT_TRUE(a->gate.enabled);
  bool said = false;
  for (const std::string& w : a->warnings) said |= w.find("3 of 72 buckets") != std::string::npos;
  EXPECT_TRUE(said);

  auto exact = db->Forecast(Question{}, Hourly(), kAdmin);
  ASSERT_TRUE(exact.ok()) << exact.status().ToString();
  EXPECT_EQ(exact->redacted_buckets, 0u);
  EXPECT_EQ(exact->history[0].value, 7);
  EXPECT_EQ(exact->history[3].value, 2);
  EXPECT_FALSE(exact->gate.enabled);
}

TEST(ForecastAnswerTest, ARedactedBucketsCountNeverReachesTheForecast) {
  roost::testing::ScratchDir few, many;
  auto a = WriteArchive(few.path(), {3, 27, 51}, 2);
  auto b = WriteArchive(many.path(), {3, 27, 51}, 400);
  auto fa = a->Forecast(Question{}, Hourly(), kAnalyst);
  auto fb = b->Forecast(Question{}, Hourly(), kAnalyst);
  ASSERT_TRUE(fa.ok() && fb.ok());
  fb->gate.origin = fa->gate.origin;  // the two archives' privacy.toml paths
  EXPECT_EQ(answer::ForecastJson(*fa), answer::ForecastJson(*fb));
  // Admins see the difference.
  auto ea = a->Forecast(Question{}, Hourly(), kAdmin);
  auto eb = b->Forecast(Question{}, Hourly(), kAdmin);
  ASSERT_TRUE(ea.ok() && eb.ok());
  EXPECT_NE(answer::ForecastJson(*ea), answer::ForecastJson(*eb));
}

TEST(ForecastAnswerTest, TooManyRedactedBucketsWithholdTheForecast) {
  roost::testing::ScratchDir dir;
  std::set<int> quiet;
  for (int h = 0; h < 72; h += 7) quiet.insert(h);  // 11 of 72, over a tenth
  auto db = WriteArchive(dir.path(), quiet, 2);
  auto a = db->Forecast(Question{}, Hourly(), kAnalyst);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(a->redacted);
  EXPECT_NE(a->reason.find("11 of 72 buckets"), std::string::npos) << a->reason;
  EXPECT_TRUE(a->forecast.empty() && a->history.empty());
  EXPECT_NE(answer::ForecastJson(*a).find("\"redacted\":true"), std::string::npos);
  auto day = Hourly();
  day.interval = "day";
  auto daily = db->Forecast(Question{}, day, kAnalyst);  // per day no bucket is small
  ASSERT_TRUE(daily.ok()) << daily.status().ToString();
  EXPECT_FALSE(daily->redacted);
  auto exact = db->Forecast(Question{}, Hourly(), kAdmin);
  ASSERT_TRUE(exact.ok());
  EXPECT_FALSE(exact->redacted);
}

TEST(ForecastAnswerTest, BadRequestsAreInvalidArguments) {
  roost::testing::ScratchDir dir;
  auto db = WriteArchive(dir.path(), {}, 2);
  for (auto change : std::vector<void (*)(ForecastRequest*)>{
           [](ForecastRequest* r) { r->interval = "minute"; }, [](ForecastRequest* r) { r->horizon = 0; },
           [](ForecastRequest* r) { r->combine = 21; }, [](ForecastRequest* r) { r->tz = "Mars/Base"; },
           [](ForecastRequest* r) { r->backtest_every = -1; }}) {
    ForecastRequest r = Hourly();
    change(&r);
    auto a = db->Forecast(Question{}, r, kAnalyst);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.status().code(), StatusCode::kInvalidArgument) << a.status().ToString();
  }
}

}  // namespace
}  // namespace roost

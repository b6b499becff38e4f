#include "analysis/detect/series.h"

#include <gtest/gtest.h>

namespace roost::detect {
namespace {

TEST(SeriesCsvTest, ReadsNabRowsWithHeader) {
  auto s = ParseSeriesCsv("timestamp,value\n2015-02-26 21:42:53,104\r\n2015-02-26 21:47:53,100\n\n", "x.csv");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ(s->values[0], 104);
  EXPECT_EQ(s->times[1] - s->times[0], 300000);
}

TEST(SeriesCsvTest, ErrorsNameFileAndLine) {
  auto s = ParseSeriesCsv("timestamp,value\n2015-02-26 21:42:53,104\n2015-02-26 21:47:53,abc\n", "x.csv");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kParseError);
  EXPECT_NE(s.status().message().find("x.csv:3:"), std::string::npos) << s.status().message();

  auto t = ParseSeriesCsv("2015-02-26 21:42:53,1\nnot a time,2\n", "y.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("y.csv:2:"), std::string::npos) << t.status().message();

  auto u = ParseSeriesCsv("2015-02-26 21:42:53,1\n2015-02-26 21:40:00,2\n", "z.csv");
  ASSERT_FALSE(u.ok());
  EXPECT_NE(u.status().message().find("z.csv:2:"), std::string::npos);

  EXPECT_FALSE(ParseSeriesCsv("2015-02-26 21:42:53\n", "w.csv").ok());
  EXPECT_FALSE(ReadSeriesCsv("/nonexistent/file.csv").ok());
}

}  // namespace
}  // namespace roost::detect

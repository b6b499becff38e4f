#include "report/svg_chart.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "report/html.h"

namespace roost::report {
namespace {

TEST(HtmlTest, EscapesMarkupAndReplacesInvalidUtf8) {
  EXPECT_EQ(HtmlEscape("<script>\"a\" & 'b'</script>"), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(HtmlEscape("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(HtmlEscape("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated sequence
}

TEST(HtmlTest, FormatsNumbers) {
  EXPECT_EQ(GroupedCount(0), "0");
  EXPECT_EQ(GroupedCount(999), "999");
  EXPECT_EQ(GroupedCount(1234567), "1,234,567");
  EXPECT_EQ(SignedTwoDecimals(0.4213), "+0.42");
  EXPECT_EQ(SignedTwoDecimals(-0.1), "-0.10");
  EXPECT_EQ(Percent(0.1234), "12.3%");
}

TEST(SvgChartTest, TicksAreRoundAndCoverTheRange) {
  const auto t = NiceTicks(0, 937, 4);
  ASSERT_GE(t.size(), 3u);
  EXPECT_EQ(t.front(), 0);
  EXPECT_GE(t.back(), 937);
  const double step = t[1] - t[0];
  EXPECT_TRUE(step == 200 || step == 250) << step;
  const auto s = NiceTicks(-0.3, 0.3, 4);
  EXPECT_LE(s.front(), -0.3);
  EXPECT_GE(s.back(), 0.3);
}

TEST(SvgChartTest, WithheldValuesBreakTheLineAndAreShaded) {
  LineChart c;
  c.title = "Tweets <per> day";
  c.x_labels = {"03-01", "03-02", "03-03", "03-04"};
  c.series.push_back({"tweets", "#2563eb", {10.0, 20.0, std::nullopt, 40.0}});
  const std::string svg = RenderLineChartSvg(c);
  EXPECT_NE(svg.find("<title>Tweets &lt;per&gt; day</title>"), std::string::npos);
  // Two runs of the line: it lifts the pen at the withheld bucket.
  const size_t d = svg.find("d=\"", svg.find("class=\"line\""));
  const std::string path = svg.substr(d + 3, svg.find('"', d + 3) - d - 3);
  EXPECT_EQ(std::count(path.begin(), path.end(), 'M'), 2) << path;
  EXPECT_EQ(std::count(path.begin(), path.end(), 'L'), 1) << path;
  EXPECT_NE(svg.find("03-03: withheld by the privacy gate"), std::string::npos);
  // A withheld value is never drawn as a point.
  EXPECT_EQ(svg.find("tweets 03-03:"), std::string::npos);
  EXPECT_NE(svg.find("tweets 03-04: 40"), std::string::npos);
}

TEST(SvgChartTest, HigherValuesAreDrawnHigher) {
  LineChart c;
  c.x_labels = {"a", "b"};
  c.series.push_back({"v", "#000", {1.0, 100.0}});
  const std::string svg = RenderLineChartSvg(c);
  auto cy = [&](const std::string& label) {
    const size_t title = svg.find("<title>v " + label + ":");
    const size_t at = svg.rfind("cy=\"", title);
    return std::stod(svg.substr(at + 4));
  };
  EXPECT_LT(cy("b"), cy("a"));  // SVG's y grows downwards
}

}  // namespace
}  // namespace roost::report

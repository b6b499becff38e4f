// Line charts drawn as inline SVG: the report must open offline and in a
// mail client, so no script draws anything. A missing value (a bucket the
// privacy gate redacted) breaks the line and is shaded, never drawn as 0.
#ifndef ROOST_REPORT_SVG_CHART_H_
#define ROOST_REPORT_SVG_CHART_H_

#include <optional>
#include <string>
#include <vector>

namespace roost::report {

struct LineSeries {
  std::string name;
  std::string color = "#2563eb";
  std::vector<std::optional<double>> values;  // one per x label; nullopt: withheld
};

struct LineChart {
  std::string title;                  // read by screen readers (<title>)
  std::vector<std::string> x_labels;  // bucket starts, as shown
  std::vector<LineSeries> series;
  int width = 880, height = 220;
  bool zero_based = true;    // counts start at 0; sentiment may go below
  bool symmetric = false;    // a scale from -m to +m (net sentiment)
  std::string value_format;  // "count" (grouped integers) or "signed" (+0.12)
};

// Rounded tick values covering [lo, hi], about `target` of them.
std::vector<double> NiceTicks(double lo, double hi, int target);

std::string RenderLineChartSvg(const LineChart& chart);

// A small line with no axes for a table cell (a trend's hourly curve);
// withheld values break it.
std::string RenderSparklineSvg(const std::vector<std::optional<double>>& values, const std::string& title,
                               int width = 160, int height = 32);

}  // namespace roost::report

#endif  // ROOST_REPORT_SVG_CHART_H_

#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/html.h"

namespace roost::report {
namespace {

constexpr double kLeft = 64, kRight = 16, kTop = 12, kBottom = 28;

std::string TickLabel(double v, const std::string& format) {
  if (format == "signed") return SignedTwoDecimals(v);
  if (std::fabs(v) >= 1e6) return fmt::format("{:g}M", v / 1e6);
  if (std::fabs(v) >= 1e4) return fmt::format("{:g}k", v / 1e3);
  return GroupedCount(static_cast<uint64_t>(std::max(0.0, std::round(v))));
}

std::string ValueLabel(double v, const std::string& format) {
  return format == "signed" ? SignedTwoDecimals(v) : GroupedCount(static_cast<uint64_t>(std::max(0.0, v)));
}

}  // namespace

std::vector<double> NiceTicks(double lo, double hi, int target) {
  if (!(hi > lo)) hi = lo + 1;
  const double raw = (hi - lo) / std::max(1, target);
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  for (double t = std::floor(lo / step) * step; t <= hi + step * 1e-9; t += step)
    ticks.push_back(std::fabs(t) < step * 1e-9 ? 0 : t);
  if (ticks.back() < hi) ticks.push_back(ticks.back() + step);
  return ticks;
}

std::string RenderLineChartSvg(const LineChart& c) {
  const size_t n = c.x_labels.size();
  double lo = c.zero_based ? 0 : INFINITY, hi = c.zero_based ? 0 : -INFINITY;
  for (const LineSeries& s : c.series)
    for (const auto& v : s.values)
      if (v) lo = std::min(lo, *v), hi = std::max(hi, *v);
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (c.symmetric) {
    const double m = std::max({std::fabs(lo), std::fabs(hi), 0.1});
    lo = -m, hi = m;
  }
  const std::vector<double> ticks = NiceTicks(lo, hi, 4);
  lo = ticks.front(), hi = ticks.back();
  const double w = c.width - kLeft - kRight, h = c.height - kTop - kBottom;
  auto x = [&](size_t i) { return kLeft + (n <= 1 ? w / 2 : w * static_cast<double>(i) / static_cast<double>(n - 1)); };
  auto y = [&](double v) { return kTop + h * (1 - (v - lo) / (hi - lo)); };

  std::string svg = fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
      c.width, c.height, c.width, c.height, HtmlEscape(c.title));
  for (double t : ticks) {
    svg += fmt::format("<line class=\"grid\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>", kLeft,
                       kLeft + w, y(t), y(t));
    svg += fmt::format("<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>", kLeft - 6,
                       y(t) + 4, HtmlEscape(TickLabel(t, c.value_format)));
  }
  // About eight x labels, evenly spaced, first and last included.
  const size_t every = std::max<size_t>(1, (n + 7) / 8);
  for (size_t i = 0; i < n; i += every) {
    svg += fmt::format("<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>", x(i),
                       c.height - 8.0, HtmlEscape(c.x_labels[i]));
  }
  // Withheld buckets: a shaded band, so a gap reads as "not shown".
  const double half = n <= 1 ? w / 2 : w / static_cast<double>(n - 1) / 2;
  for (size_t i = 0; i < n; ++i) {
    const bool withheld = std::any_of(c.series.begin(), c.series.end(),
                                      [&](const LineSeries& s) { return i < s.values.size() && !s.values[i]; });
    if (withheld)
      svg += fmt::format(
          "<rect class=\"withheld\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\">"
          "<title>{}: withheld by the privacy gate</title></rect>",
          std::max(kLeft, x(i) - half), kTop, std::min(2 * half, w), h, HtmlEscape(c.x_labels[i]));
  }
  for (const LineSeries& s : c.series) {
    std::string path;
    bool pen_down = false;
    for (size_t i = 0; i < n && i < s.values.size(); ++i) {
      if (!s.values[i]) {
        pen_down = false;
        continue;
      }
      path += fmt::format("{}{:.1f},{:.1f} ", pen_down ? "L" : "M", x(i), y(*s.values[i]));
      pen_down = true;
    }
    svg += fmt::format("<path class=\"line\" fill=\"none\" stroke=\"{}\" d=\"{}\"><title>{}</title></path>",
                       HtmlEscape(s.color), path, HtmlEscape(s.name));
    // Points carry their exact value for a reader hovering the chart.
    if (n <= 400)
      for (size_t i = 0; i < n && i < s.values.size(); ++i)
        if (s.values[i])
          svg += fmt::format(
              "<circle class=\"point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2\" fill=\"{}\"><title>{} {}: {}</title></circle>",
              x(i), y(*s.values[i]), HtmlEscape(s.color), HtmlEscape(s.name), HtmlEscape(c.x_labels[i]),
              HtmlEscape(ValueLabel(*s.values[i], c.value_format)));
  }
  svg += "</svg>";
  return svg;
}

std::string RenderSparklineSvg(const std::vector<std::optional<double>>& values, const std::string& title,
                               int width, int height) {
  double hi = 0;
  for (const auto& v : values)
    if (v) hi = std::max(hi, *v);
  if (hi <= 0) hi = 1;
  const size_t n = values.size();
  auto x = [&](size_t i) { return n <= 1 ? width / 2.0 : (width - 2) * static_cast<double>(i) / (n - 1) + 1; };
  auto y = [&](double v) { return 1 + (height - 2) * (1 - v / hi); };
  std::string path;
  bool pen_down = false;
  for (size_t i = 0; i < n; ++i) {
    if (!values[i]) {
      pen_down = false;
      continue;
    }
    path += fmt::format("{}{:.1f},{:.1f} ", pen_down ? "L" : "M", x(i), y(*values[i]));
    pen_down = true;
  }
  return fmt::format(
      "<svg class=\"spark\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title><path class=\"line\" fill=\"none\" "
      "stroke=\"#2563eb\" d=\"{}\"/></svg>",
      width, height, width, height, HtmlEscape(title), path);
}

}  // namespace roost::report

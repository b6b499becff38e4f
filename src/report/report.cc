#include "report/report.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "report/html.h"
#include "report/report_style.h"
#include "report/svg_chart.h"

namespace roost::report {
namespace {

// "2012-03-01T14:00:00Z" -> "03-01" for days and longer, "03-01 14:00" below.
std::string ShortLabel(const std::string& start, const std::string& interval) {
  if (start.size() < 16) return start;
  if (interval == "month") return start.substr(0, 7);
  if (interval == "day" || interval == "week") return start.substr(5, 5);
  return start.substr(5, 5) + " " + start.substr(11, 5);
}

std::string Tile(const std::string& value, const std::string& label) {
  return fmt::format("<div class=\"tile\"><b>{}</b><span>{}</span></div>", HtmlEscape(value), HtmlEscape(label));
}

std::string Withheld(const std::string& what, const std::string& reason) {
  return fmt::format("<p class=\"note redacted\">{} withheld by the privacy gate: {}</p>", HtmlEscape(what),
                     HtmlEscape(reason));
}

std::string GateNote(const GateSettings& g) {
  if (!g.enabled) return "Exact figures (no privacy gate applies to this report).";
  return fmt::format(
      "Under the privacy gate: counts rounded down to a multiple of {}, a group with fewer than {} "
      "unique authors is withheld, an answer with fewer than {} is withheld as a whole.",
      g.count_quantum, g.min_group_authors, g.min_answer_authors);
}

std::string OverviewSection(const SeriesAnswer& s, const GateSettings& gate) {
  std::string html = "<section id=\"overview\"><h2>Overview</h2>";
  if (s.redacted) return html + Withheld("The whole period", s.reason) + "</section>";
  const Metrics& t = s.totals;
  html += "<div class=\"tiles\">";
  html += Tile(GroupedCount(t.tweets), "tweets");
  html += Tile(GroupedCount(t.unique_authors), "unique authors");
  html += Tile(GroupedCount(t.retweets), "retweets");
  html += Tile(GroupedCount(t.replies), "replies");
  if (t.scored > 0) {
    html += Tile(SignedTwoDecimals(t.net_sentiment), "net sentiment");
    html += Tile(t.tweets > 0 ? Percent(static_cast<double>(t.scored) / static_cast<double>(t.tweets)) : "-",
                 "of tweets scored for sentiment");
  }
  html += "</div><p class=\"note\">" + HtmlEscape(GateNote(gate)) + "</p></section>";
  return html;
}

std::string VolumeSection(const SeriesAnswer& s) {
  if (s.redacted || s.buckets.empty()) return "";
  LineChart volume;
  volume.title = "Tweets per " + s.interval;
  volume.value_format = "count";
  LineSeries tweets{"tweets", "#2563eb", {}};
  LineChart mood;
  mood.title = "Net sentiment per " + s.interval + " (positive minus negative, over scored tweets)";
  mood.value_format = "signed";
  mood.zero_based = false;
  mood.symmetric = true;
  LineSeries net{"net sentiment", "#0f766e", {}};
  bool any_scored = false;
  for (const SeriesBucket& b : s.buckets) {
    volume.x_labels.push_back(ShortLabel(b.start, s.interval));
    mood.x_labels.push_back(volume.x_labels.back());
    if (b.metrics.redacted) {
      tweets.values.push_back(std::nullopt);
      net.values.push_back(std::nullopt);
      continue;
    }
    tweets.values.push_back(static_cast<double>(b.metrics.tweets));
    if (b.metrics.scored > 0) {
      any_scored = true;
      net.values.push_back(b.metrics.net_sentiment);
    } else {
      net.values.push_back(std::nullopt);
    }
  }
  volume.series.push_back(std::move(tweets));
  const bool any_withheld = std::any_of(s.buckets.begin(), s.buckets.end(),
                                        [](const SeriesBucket& b) { return b.metrics.redacted; });
  std::string html = "<section id=\"volume\"><h2>Volume</h2>" + RenderLineChartSvg(volume);
  if (any_withheld)
    html += "<p class=\"note\">Shaded " + HtmlEscape(s.interval) +
            "s were withheld by the privacy gate (too few unique authors).</p>";
  html += "</section>";
  if (any_scored) {
    mood.series.push_back(std::move(net));
    html += "<section id=\"sentiment\"><h2>Sentiment</h2>" + RenderLineChartSvg(mood) +
            "<p class=\"note\">Tweets in languages without a sentiment model are left out, not counted as "
            "neutral; shaded buckets are withheld or have no scored tweet.</p></section>";
  }
  return html;
}

std::string TopTable(const std::string& id, const std::string& title, const Result<TopAnswer>& a) {
  std::string html = fmt::format("<div id=\"{}\"><h3>{}</h3>", HtmlEscape(id), HtmlEscape(title));
  if (!a.ok()) return html + "<p class=\"note\">" + HtmlEscape(a.status().message()) + "</p></div>";
  if (a->redacted) return html + Withheld(title, a->reason) + "</div>";
  if (a->items.empty()) return html + "<p class=\"note\">None in this period.</p></div>";
  uint64_t most = 1;
  for (const TopItem& i : a->items)
    if (!i.metrics.redacted) most = std::max(most, i.metrics.tweets);
  html += "<table><tr><th></th><th class=\"num\">tweets</th><th class=\"num\">authors</th><th></th></tr>";
  for (const TopItem& i : a->items) {
    if (i.metrics.redacted) {
      html += "<tr><td class=\"redacted\">withheld</td><td class=\"num\">-</td><td class=\"num\">-</td><td></td></tr>";
      continue;
    }
    const double width = 100.0 * static_cast<double>(i.metrics.tweets) / static_cast<double>(most);
    html += fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td style=\"width:30%\"><div class=\"bar\" style=\"width:{:.1f}%\"></div></td></tr>",
        HtmlEscape(i.value), GroupedCount(i.metrics.tweets), GroupedCount(i.metrics.unique_authors), width);
  }
  return html + "</table></div>";
}

// "2012-03-12T14:00:00Z" -> "03-12 14:00".
std::string ShortTime(const std::string& iso) {
  return iso.size() >= 16 ? iso.substr(5, 5) + " " + iso.substr(11, 5) : iso;
}

std::string ValueList(const std::vector<BurstingValue>& values, size_t most) {
  std::string out;
  size_t shown = 0;
  for (const BurstingValue& v : values) {
    if (v.redacted || shown == most) continue;
    out += "<span class=\"badge\">" + HtmlEscape(v.display) + "</span>";
    ++shown;
  }
  return out;
}

// An analysis that cannot run on this question (too short a period, say)
// becomes a note; a damaged archive fails the report.
Status NoteOrFail(const Status& s, std::string* html) {
  if (s.code() != StatusCode::kInvalidArgument) return s;
  *html += "<p class=\"note\">" + HtmlEscape(s.message()) + "</p></section>";
  return Status::Ok();
}

Result<std::string> TrendsSection(const Db& db, const ReportRequest& r, const Caller& caller) {
  std::string html = "<section id=\"trends\"><h2>What trended</h2>";
  TrendsRequest tr;
  tr.interval = "day";
  tr.tz = r.tz;
  tr.limit = r.trends;
  tr.tweets = 0;  // a report holds no tweet text
  auto a = db.Trends(r.question, tr, caller);
  if (!a.ok()) {
    ROOST_RETURN_IF_ERROR(NoteOrFail(a.status(), &html));
    return html;
  }
  if (a->redacted) return html + Withheld("Trends", a->reason) + "</section>";
  std::vector<const TrendItem*> shown;
  for (const TrendItem& t : a->trends)
    if (!t.redacted && shown.size() < r.trends) shown.push_back(&t);
  if (shown.empty()) return html + "<p class=\"note\">Nothing burst above its usual level in this period.</p></section>";
  html += "<table><tr><th>trend</th><th>start</th><th>peak</th><th>end</th><th class=\"num\">tweets</th>"
          "<th>with</th><th>hourly</th></tr>";
  for (const TrendItem* t : shown) {
    std::vector<std::optional<double>> curve;
    for (const CurveHour& h : t->curve)
      curve.push_back(h.redacted ? std::nullopt : std::optional<double>(static_cast<double>(h.tweets)));
    html += fmt::format(
        "<tr><td><b>{}</b></td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
        HtmlEscape(t->label), HtmlEscape(ShortTime(t->start)), HtmlEscape(ShortTime(t->peak)),
        HtmlEscape(ShortTime(t->end)), GroupedCount(t->tweets), ValueList(t->values, 4),
        RenderSparklineSvg(curve, t->label + ", tweets per hour"));
  }
  return html + "</table><p class=\"note\">Terms, hashtags and phrases far above their level on the days "
                "before, grouped into topics (docs/DETECTION.md).</p></section>";
}

Result<std::string> SpikesSection(const Db& db, const ReportRequest& r, const Caller& caller) {
  std::string html = "<section id=\"spikes\"><h2>Volume spikes</h2>";
  SpikesRequest sr;
  const bool long_period = r.question.to - r.question.from > 62LL * 86400000;
  sr.interval = long_period ? "day" : "hour";
  sr.tz = r.tz;
  sr.tweets = 0;
  sr.limit = 4;
  sr.news_csv = r.news_csv;
  auto a = db.Spikes(r.question, sr, caller);
  if (!a.ok()) {
    ROOST_RETURN_IF_ERROR(NoteOrFail(a.status(), &html));
    return html;
  }
  if (a->redacted) return html + Withheld("Spikes", a->reason) + "</section>";
  // The largest spikes, shown in time order.
  std::vector<const SpikeItem*> shown;
  for (const SpikeItem& s : a->spikes) shown.push_back(&s);
  std::stable_sort(shown.begin(), shown.end(),
                   [](const SpikeItem* x, const SpikeItem* y) { return x->excess_tweets > y->excess_tweets; });
  if (shown.size() > r.spikes) shown.resize(r.spikes);
  std::stable_sort(shown.begin(), shown.end(), [](const SpikeItem* x, const SpikeItem* y) { return x->peak < y->peak; });
  if (shown.empty()) return html + "<p class=\"note\">No spike above the seasonal baseline in this period.</p></section>";
  html += "<table><tr><th>peak</th><th class=\"num\">tweets</th><th class=\"num\">expected</th>"
          "<th class=\"num\">extra</th><th>explained by</th></tr>";
  for (const SpikeItem* s : shown) {
    std::string why;
    for (const ExplainingValues& e : s->explanation)
      if (e.dimension == "hashtags" || e.dimension == "terms" || e.dimension == "domains") why += ValueList(e.values, 3);
    for (const NewsMatch& n : s->news) why += "<br><span class=\"note\">News: " + HtmlEscape(n.headline) + "</span>";
    html += fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
        HtmlEscape(ShortTime(s->peak)), GroupedCount(s->peak_tweets),
        GroupedCount(static_cast<uint64_t>(std::max(0.0, s->expected_tweets))), GroupedCount(s->excess_tweets), why);
  }
  return html + fmt::format("</table><p class=\"note\">Per {} against a daily and weekly seasonal baseline; the "
                            "values most over-represented inside each spike explain it.</p></section>",
                            HtmlEscape(sr.interval));
}

// "+12%", "+1.5 pts", "+0.050" with "(noise)" when the stated test cannot
// tell the change from chance.
std::string ChangeText(const FigureChange& c) {
  std::string s;
  if (c.figure == "share_of_voice")
    s = fmt::format("{:+.1f} pts", 100 * c.change);
  else if (c.figure == "net_sentiment")
    s = fmt::format("{:+.3f}", c.change);
  else if (c.relative)
    s = fmt::format("{:+.0f}%", 100 * *c.relative);
  else
    s = fmt::format("{:+.0f}", c.change);
  return c.test != "none" && !c.significant ? s + " <span class=\"note\">(noise)</span>" : "<b>" + s + "</b>";
}

Result<std::string> BrandsSection(const Db& db, const ReportRequest& r, const Caller& caller) {
  std::string html = "<section id=\"brands\"><h2>Brands</h2>";
  BrandsRequest br;
  br.brands_toml = r.brands_toml;
  br.brands_path = r.brands_path;
  br.interval = r.interval;
  br.tz = r.tz;
  br.compare = "previous";
  br.limit = 3;
  auto a = db.Brands(r.question, br, caller);
  if (!a.ok()) {
    ROOST_RETURN_IF_ERROR(NoteOrFail(a.status(), &html));
    return html;
  }
  html += "<table><tr><th>brand</th><th class=\"num\">tweets</th><th class=\"num\">share of voice</th>"
          "<th class=\"num\">net sentiment</th><th class=\"num\">tweets vs before</th>"
          "<th class=\"num\">share vs before</th><th class=\"num\">sentiment vs before</th><th>top hashtags</th></tr>";
  LineChart volume;
  volume.title = "Tweets per " + a->interval + " of each brand";
  volume.value_format = "count";
  static const char* kColours[] = {"#2563eb", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0891b2", "#be185d", "#4d7c0f"};
  for (const BrandScorecard& b : a->brands) {
    if (b.figures.metrics.redacted) {
      html += "<tr><td>" + HtmlEscape(b.name) + "</td><td colspan=\"7\" class=\"note redacted\">withheld: too few "
              "unique authors</td></tr>";
      continue;
    }
    auto change = [&](const char* figure) {
      for (const FigureChange& c : b.changes)
        if (c.figure == figure) return ChangeText(c);
      return std::string("–");
    };
    std::string tags;
    for (const TopItem& t : b.hashtags)
      if (!t.metrics.redacted) tags += (tags.empty() ? "#" : ", #") + HtmlEscape(t.value);
    html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                        HtmlEscape(b.name), GroupedCount(b.figures.metrics.tweets), Percent(b.figures.share_of_voice),
                        SignedTwoDecimals(b.figures.net_sentiment), change("tweets"), change("share_of_voice"),
                        change("net_sentiment"), tags);
    LineSeries line{b.name, kColours[volume.series.size() % std::size(kColours)], {}};
    for (const BrandBucket& s : b.series) {
      if (volume.series.empty()) volume.x_labels.push_back(ShortLabel(s.start, a->interval));
      line.values.push_back(s.redacted ? std::nullopt : std::optional<double>(static_cast<double>(s.tweets)));
    }
    volume.series.push_back(std::move(line));
  }
  html += "</table>";
  if (!volume.series.empty()) html += RenderLineChartSvg(volume);
  return html + fmt::format(
                    "<p class=\"note\">Share of voice within each brand's competitive set; net sentiment is "
                    "(positive − negative) / tweets. Changes are against {} to {}; \"(noise)\" marks a change chance "
                    "alone would give (p ≥ 0.05; docs/BRANDS.md).</p></section>",
                    HtmlEscape(a->compare_from), HtmlEscape(a->compare_to));
}

}  // namespace

Result<std::string> BuildReportHtml(const Db& db, const ReportRequest& r, const Caller& caller) {
  SeriesRequest sr;
  sr.interval = r.interval;
  sr.tz = r.tz;
  ROOST_ASSIGN_OR_RETURN(SeriesAnswer series, db.Series(r.question, sr, caller));
  const GateSettings gate = db.GateFor(caller);

  struct TopList {
    std::string id, title, target;
  };
  const std::vector<TopList> lists = {{"top-hashtags", "Hashtags", "hashtags"},
                                      {"top-languages", "Languages", "lang"},
                                      {"top-countries", "Countries", "country"},
                                      {"top-domains", "Linked sites", "domains"},
                                      {"top-terms", "Words", "terms"},
                                      {"top-mentions", "Mentioned accounts", "mentions"}};
  std::string tops;
  for (const TopList& l : lists) {
    TopRequest tr;
    tr.levels = {l.target};
    tr.limit = r.top_limit;
    auto a = db.Top(r.question, tr, caller);
    // A bad filter fails the whole report; a target this caller may not
    // see (handles) becomes a note in its place.
    if (!a.ok() && a.status().code() != StatusCode::kInvalidArgument) return a.status();
    if (!a.ok() && l.target != "mentions") return a.status();
    if (!a.ok())
      a = Status::InvalidArgument("Not shown: mentioned accounts are handles, which this gate keeps private.");
    tops += TopTable(l.id, l.title, a);
  }

  const std::string title = r.title.empty() ? "Roost report" : r.title;
  const std::string period =
      series.buckets.empty()
          ? std::string()
          : fmt::format("{} to {}, {} {}{}", series.buckets.front().start, series.buckets.back().start,
                        series.buckets.size(), r.interval, series.buckets.size() == 1 ? "" : "s");
  std::string html =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      // Nothing outside this file may load, even if a label tried.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">"
      "<title>" + HtmlEscape(title) + "</title><style>" + kReportCss + "</style></head><body><main>";
  html += "<header><h1>" + HtmlEscape(title) + "</h1><p>";
  if (!r.archive_name.empty()) html += "Archive <b>" + HtmlEscape(r.archive_name) + "</b> · ";
  html += HtmlEscape(period) + " (" + HtmlEscape(r.tz) + ")";
  if (!r.question.filter.empty()) html += "<br>Filter <code>" + HtmlEscape(r.question.filter) + "</code>";
  html += "</p></header>";
  html += OverviewSection(series, gate);
  html += VolumeSection(series);
  if (!series.redacted) html += "<section id=\"tops\"><h2>What was talked about</h2><div class=\"grid2\">" + tops +
                                "</div></section>";
  if (!series.redacted) {
    if (r.question.from == std::numeric_limits<TimestampMs>::min() ||
        r.question.to == std::numeric_limits<TimestampMs>::max()) {
      html += "<section id=\"trends\"><h2>What trended</h2><p class=\"note\">Give the report a period "
              "(from and to) to see its trends and spikes.</p></section>";
    } else {
      ROOST_ASSIGN_OR_RETURN(std::string trends, TrendsSection(db, r, caller));
      ROOST_ASSIGN_OR_RETURN(std::string spikes, SpikesSection(db, r, caller));
      html += trends + spikes;
      if (!r.brands_toml.empty()) {
        ROOST_ASSIGN_OR_RETURN(std::string brands, BrandsSection(db, r, caller));
        html += brands;
      }
    }
  }
  html += "<footer>Made by Roost";
  if (!r.generated_at.empty()) html += " on " + HtmlEscape(r.generated_at);
  html += ". Public tweets only; deleted and withheld tweets are left out.</footer></main></body></html>\n";
  return html;
}

}  // namespace roost::report

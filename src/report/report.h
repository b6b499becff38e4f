// The report of a period: the overview an analyst mails (volume, sentiment,
// languages, countries, hashtags, domains, and what stood out), built from
// the answer layer's gated answers only, so it shows exactly what the
// caller's gate lets out, as one self-contained HTML page.
#ifndef ROOST_REPORT_REPORT_H_
#define ROOST_REPORT_REPORT_H_

#include <string>

#include "roost/roost.h"

namespace roost::report {

struct ReportRequest {
  Question question;           // filter and range; the range is required
  std::string interval = "day";
  std::string tz = "UTC";
  std::string title;           // empty: "Roost report"
  std::string archive_name;    // shown in the header
  size_t top_limit = 10;       // items per top list
  std::string generated_at;    // ISO 8601, shown in the footer
  size_t trends = 8;           // trends of the period shown
  size_t spikes = 5;           // volume spikes shown (the largest)
  std::string news_csv;        // a news timeline (time,headline,url,keywords) for the spikes, as text
  std::string brands_toml;     // a brands file, as text: scorecards against the period before
  std::string brands_path;     // its name in errors
};

// The page, or the first answer that failed (a bad filter, range or zone).
// A whole answer the gate withholds becomes a note in its section.
Result<std::string> BuildReportHtml(const Db& db, const ReportRequest& request, const Caller& caller);

}  // namespace roost::report

#endif  // ROOST_REPORT_REPORT_H_

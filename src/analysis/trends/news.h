// The news timeline of `roost synth` (news.csv: time,headline,url,keywords
// with keywords separated by ';') and the match of its items to a spike.
#ifndef ROOST_ANALYSIS_TRENDS_NEWS_H_
#define ROOST_ANALYSIS_TRENDS_NEWS_H_

#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"

namespace roost::trends {

struct NewsItem {
  TimestampMs time = 0;
  std::string headline, url;
  std::vector<std::string> keywords;  // lower case
};

Result<std::vector<NewsItem>> ReadNewsCsv(const std::string& path);
Result<std::vector<NewsItem>> ParseNewsCsv(const std::string& text, const std::string& name);

// Keywords of `item` found among `terms` (compared in lower case); an item
// matches a spike when its time is inside [from, to) and this is not empty.
std::vector<std::string> MatchedKeywords(const NewsItem& item, const std::vector<std::string>& terms);

}  // namespace roost::trends

#endif  // ROOST_ANALYSIS_TRENDS_NEWS_H_

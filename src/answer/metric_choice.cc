#include "answer/metric_choice.h"

#include <algorithm>

namespace roost::answer {

Result<MetricChoice> ParseMetricChoice(const std::string& list) {
  if (list.empty() || list == "all") return MetricChoice{};
  MetricChoice c{false, false, false, false};
  size_t start = 0;
  while (start <= list.size()) {
    const size_t end = std::min(list.find(',', start), list.size());
    const std::string name = list.substr(start, end - start);
    if (name == "authors" || name == "reach") c.authors = true;
    else if (name == "kinds") c.kinds = true;
    else if (name == "engagement") c.engagement = true;
    else if (name == "sentiment") c.sentiment = true;
    else if (name != "tweets")
      return Status::InvalidArgument("unknown metric '" + name +
                                     "' (expected tweets, authors, kinds, engagement, sentiment or all)");
    start = end + 1;
  }
  return c;
}

}  // namespace roost::answer

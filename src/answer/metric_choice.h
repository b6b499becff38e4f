// The metric families a series or top list asks for, parsed from the list
// the command line (--metrics) and the HTTP API (?metrics=) both take.
#ifndef ROOST_ANSWER_METRIC_CHOICE_H_
#define ROOST_ANSWER_METRIC_CHOICE_H_

#include <string>

#include "roost/roost.h"

namespace roost::answer {

// "tweets,authors,kinds,engagement,sentiment" (any of them; "reach" is
// authors), "all" or "" for every family; kInvalidArgument names an unknown one.
Result<MetricChoice> ParseMetricChoice(const std::string& list);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_METRIC_CHOICE_H_

// A forecast answer as JSON: the one rendering that `roost forecast --json`
// and the API's /api/forecast print, so their shapes and numbers cannot
// drift apart.
#ifndef ROOST_ANSWER_FORECAST_JSON_H_
#define ROOST_ANSWER_FORECAST_JSON_H_

#include <string>

#include "roost/roost.h"

namespace roost::answer {

// An answer withheld as a whole reads {"privacy", "redacted", "reason"}.
std::string ForecastJson(const ForecastAnswer& a);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_FORECAST_JSON_H_

// The answers of include/roost/roost.h as JSON, in the shapes the command
// line prints with --json (DESIGN.md: a tweet count is "tweets" everywhere).
#ifndef ROOST_SERVER_ANSWER_JSON_H_
#define ROOST_SERVER_ANSWER_JSON_H_

#include <string>

#include "roost/roost.h"

namespace roost::server {

std::string ToJson(const CountAnswer& a);
std::string ToJson(const SampleAnswer& a);
std::string ToJson(const ExplainAnswer& a);
std::string ToJson(const SeriesAnswer& a, const MetricChoice& metrics);
std::string ToJson(const TopAnswer& a, const MetricChoice& metrics);
std::string GateJson(const GateSettings& g);

}  // namespace roost::server

#endif  // ROOST_SERVER_ANSWER_JSON_H_

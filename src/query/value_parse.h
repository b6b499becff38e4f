// Arguments of operators: lists, near specs, geo shapes, numbers and times,
// parsed once when the filter is parsed (errors point at the value) and again
// when the executor compiles the predicate.
#ifndef ROOST_QUERY_VALUE_PARSE_H_
#define ROOST_QUERY_VALUE_PARSE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast.h"

namespace roost::query {

// "a, b ,c" -> {"a","b","c"} (empty items dropped).
std::vector<std::string> SplitList(std::string_view s, char sep = ',');

struct NearSpec {
  std::vector<std::string> words;
  int span = 0;  // at most this many other words between the first and last
};
bool ParseNear(std::string_view s, NearSpec* out, std::string* why);

struct LatLon {
  double lat = 0, lon = 0;
};
// geo_box "north,west:south,east" (top-left then bottom-right, CSDL order).
struct GeoBox {
  double min_lat, min_lon, max_lat, max_lon;
};
bool ParseGeoBox(std::string_view s, GeoBox* out, std::string* why);
// geo_radius "lat,lon:km".
bool ParseGeoRadius(std::string_view s, LatLon* centre, double* km, std::string* why);
// geo_polygon "lat,lon:lat,lon:lat,lon[:...]" (3 to 32 vertices).
bool ParseGeoPolygon(std::string_view s, std::vector<LatLon>* out, std::string* why);

// A number for an int/float/time/bool target: integers, decimals, true/false,
// and for time targets ISO 8601 (UTC unless an offset is given) or epoch seconds.
bool ParseScalar(const TargetInfo& target, std::string_view s, double* out, std::string* why);

// Checks the value of `p` for its operator and target; `why` says what is wrong.
bool ValidateValue(const Predicate& p, std::string* why);

}  // namespace roost::query

#endif  // ROOST_QUERY_VALUE_PARSE_H_

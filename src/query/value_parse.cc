#include "query/value_parse.h"

#include <re2/re2.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "common/time_parse.h"

namespace roost::query {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool ParseDouble(std::string_view s, double* out) {
  s = Trim(s);
  if (s.empty()) return false;
  std::string tmp(s);
  char* end = nullptr;
  *out = std::strtod(tmp.c_str(), &end);
  return end == tmp.c_str() + tmp.size() && std::isfinite(*out);
}

bool ParsePoint(std::string_view s, LatLon* p, std::string* why) {
  const auto parts = SplitList(s, ',');
  if (parts.size() != 2 || !ParseDouble(parts[0], &p->lat) || !ParseDouble(parts[1], &p->lon)) {
    *why = "expected 'lat,lon', got '" + std::string(s) + "'";
    return false;
  }
  if (std::abs(p->lat) > 90 || std::abs(p->lon) > 180) {
    *why = "coordinates out of range: '" + std::string(s) + "'";
    return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view item = Trim(s.substr(start, end - start));
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

bool ParseNear(std::string_view s, NearSpec* out, std::string* why) {
  const size_t colon = s.rfind(':');
  if (colon == std::string_view::npos) {
    *why = "expected 'word1,word2:distance'";
    return false;
  }
  out->words = SplitList(s.substr(0, colon));
  const std::string_view n = Trim(s.substr(colon + 1));
  const auto r = std::from_chars(n.data(), n.data() + n.size(), out->span);
  if (r.ec != std::errc() || r.ptr != n.data() + n.size() || out->span < 0 || out->span > 1000) {
    *why = "distance must be a whole number from 0 to 1000";
    return false;
  }
  if (out->words.size() < 2) {
    *why = "contains_near needs at least two words";
    return false;
  }
  return true;
}

bool ParseGeoBox(std::string_view s, GeoBox* out, std::string* why) {
  const auto corners = SplitList(s, ':');
  LatLon a, b;
  if (corners.size() != 2) {
    *why = "expected 'north,west:south,east'";
    return false;
  }
  if (!ParsePoint(corners[0], &a, why) || !ParsePoint(corners[1], &b, why)) return false;
  *out = {std::min(a.lat, b.lat), std::min(a.lon, b.lon), std::max(a.lat, b.lat), std::max(a.lon, b.lon)};
  return true;
}

bool ParseGeoRadius(std::string_view s, LatLon* centre, double* km, std::string* why) {
  const auto parts = SplitList(s, ':');
  if (parts.size() != 2) {
    *why = "expected 'lat,lon:km'";
    return false;
  }
  if (!ParsePoint(parts[0], centre, why)) return false;
  if (!ParseDouble(parts[1], km) || *km <= 0) {
    *why = "radius must be a positive number of kilometres";
    return false;
  }
  return true;
}

bool ParseGeoPolygon(std::string_view s, std::vector<LatLon>* out, std::string* why) {
  const auto parts = SplitList(s, ':');
  if (parts.size() < 3 || parts.size() > 32) {
    *why = "a polygon has 3 to 32 'lat,lon' vertices separated by ':'";
    return false;
  }
  out->clear();
  for (const auto& p : parts) {
    LatLon v;
    if (!ParsePoint(p, &v, why)) return false;
    out->push_back(v);
  }
  return true;
}

bool ParseScalar(const TargetInfo& target, std::string_view s, double* out, std::string* why) {
  s = Trim(s);
  if (s == "true" || s == "TRUE" || s == "True") return *out = 1, true;
  if (s == "false" || s == "FALSE" || s == "False") return *out = 0, true;
  if (ParseDouble(s, out)) {
    if (target.kind == TargetKind::kTime) *out *= 1000;  // epoch seconds
    return true;
  }
  if (target.kind == TargetKind::kTime) {
    if (auto t = ParseIsoTime(s)) return *out = static_cast<double>(*t), true;
    *why = "expected an ISO 8601 time or epoch seconds, got '" + std::string(s) + "'";
    return false;
  }
  *why = "expected a number, got '" + std::string(s) + "'";
  return false;
}

bool ValidateValue(const Predicate& p, std::string* why) {
  const TargetKind k = p.target->kind;
  const bool numeric = k == TargetKind::kInt || k == TargetKind::kTime || k == TargetKind::kFloat ||
                       k == TargetKind::kBool;
  double d;
  switch (p.op) {
    case Op::kContainsNear: {
      NearSpec n;
      return ParseNear(p.value, &n, why);
    }
    case Op::kRegexPartial:
    case Op::kRegexExact: {
      RE2::Options o;
      o.set_log_errors(false);
      o.set_case_sensitive(p.cs);
      RE2 re(p.value, o);
      if (!re.ok()) *why = "invalid regular expression: " + re.error();
      return re.ok();
    }
    case Op::kGeoBox: {
      GeoBox b;
      return ParseGeoBox(p.value, &b, why);
    }
    case Op::kGeoRadius: {
      LatLon c;
      double km;
      return ParseGeoRadius(p.value, &c, &km, why);
    }
    case Op::kGeoPolygon: {
      std::vector<LatLon> v;
      return ParseGeoPolygon(p.value, &v, why);
    }
    case Op::kIn:
      if (numeric) {
        for (const auto& item : SplitList(p.value))
          if (!ParseScalar(*p.target, item, &d, why)) return false;
      }
      if (SplitList(p.value).empty()) *why = "empty list";
      return !SplitList(p.value).empty();
    case Op::kEq: case Op::kNe: case Op::kLt: case Op::kLe: case Op::kGt: case Op::kGe:
      if (numeric) return ParseScalar(*p.target, p.value, &d, why);
      return true;
    case Op::kContains: case Op::kContainsAny: case Op::kContainsAll: case Op::kSubstr: case Op::kWildcard:
    case Op::kUrlIn:
      if (SplitList(p.value).empty() && Trim(p.value).empty()) {
        *why = "empty value";
        return false;
      }
      return true;
    case Op::kExists:
      return true;
  }
  return true;
}

}  // namespace roost::query

#include "analysis/detect/nab_score.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/time_parse.h"

namespace roost::detect {
namespace {

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::FromErrno("open", path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The JSON files read here are flat and machine-written: a tiny scanner for
// string literals and numbers is enough (no escapes occur in them).
bool NextString(const std::string& s, size_t* pos, std::string* out) {
  size_t a = s.find('"', *pos);
  if (a == std::string::npos) return false;
  size_t b = s.find('"', a + 1);
  if (b == std::string::npos) return false;
  *out = s.substr(a + 1, b - a - 1);
  *pos = b + 1;
  return true;
}

}  // namespace

double NabScaledSigmoid(double x) {
  if (x > 3.0) return -1.0;
  return 2.0 / (1.0 + std::exp(5.0 * x)) - 1.0;
}

size_t NabProbationRows(size_t rows) {
  return std::min(static_cast<size_t>(std::floor(0.15 * static_cast<double>(rows))), size_t{750});
}

NabFileScore ScoreNabFile(const std::vector<double>& scores, const std::vector<NabWindow>& windows,
                          const NabProfile& profile, double threshold) {
  NabFileScore out;
  out.windows = static_cast<int>(windows.size());
  const size_t n = scores.size();
  const size_t probation = NabProbationRows(n);
  const double max_tp = NabScaledSigmoid(-1.0);
  std::vector<double> best(windows.size(), 0);
  std::vector<bool> hit(windows.size(), false);
  double fp_sum = 0;
  size_t w = 0;                 // first window not yet ended before row i
  int64_t last_ended = -1;      // index of the most recent window that ended
  for (size_t i = 0; i < n; ++i) {
    while (w < windows.size() && windows[w].last < i) last_ended = static_cast<int64_t>(w++);
    bool inside = w < windows.size() && windows[w].first <= i && i <= windows[w].last;
    if (i < probation) continue;
    bool detected = scores[i] >= threshold;
    if (inside) {
      if (detected) {
        ++out.tp;
        const NabWindow& win = windows[w];
        double width = static_cast<double>(win.last - win.first + 1);
        double pos = -static_cast<double>(win.last - i + 1) / width;
        double s = NabScaledSigmoid(pos) * profile.tp_weight / max_tp;
        if (!hit[w] || s > best[w]) best[w] = s;
        hit[w] = true;
      } else {
        ++out.fn;
      }
    } else if (detected) {
      ++out.fp;
      if (last_ended < 0) {
        fp_sum += -profile.fp_weight;
      } else {
        const NabWindow& prev = windows[last_ended];
        double width = static_cast<double>(prev.last - prev.first + 1);
        double pos = static_cast<double>(i - prev.last) / std::max(1.0, width - 1.0);
        fp_sum += NabScaledSigmoid(pos) * profile.fp_weight;
      }
    } else {
      ++out.tn;
    }
  }
  double total = fp_sum;
  for (size_t k = 0; k < windows.size(); ++k) {
    if (hit[k]) {
      total += best[k];
      ++out.windows_detected;
    } else {
      total -= profile.fn_weight;
    }
  }
  out.score = total;
  return out;
}

double NabNormalize(double total, int windows, const NabProfile& profile) {
  double null_score = -profile.fn_weight * windows;
  double perfect = profile.tp_weight * windows;
  if (perfect == null_score) return 0;
  return 100.0 * (total - null_score) / (perfect - null_score);
}

Result<NabProfile> LoadNabProfile(const std::string& path, const std::string& name) {
  ROOST_ASSIGN_OR_RETURN(std::string text, ReadWhole(path));
  size_t at = text.find("\"" + name + "\"");
  if (at == std::string::npos) return Status::NotFound(path + ": no profile '" + name + "'");
  size_t end = text.find('}', text.find('{', at));  // the CostMatrix object
  auto weight = [&](const char* key, double* out) -> Status {
    size_t k = text.find(std::string("\"") + key + "\"", at);
    if (k == std::string::npos || k > end) return Status::ParseError(path + ": profile '" + name + "' has no " + key);
    size_t colon = text.find(':', k);
    *out = std::strtod(text.c_str() + colon + 1, nullptr);
    return Status::Ok();
  };
  NabProfile p;
  ROOST_RETURN_IF_ERROR(weight("tpWeight", &p.tp_weight));
  ROOST_RETURN_IF_ERROR(weight("fpWeight", &p.fp_weight));
  ROOST_RETURN_IF_ERROR(weight("fnWeight", &p.fn_weight));
  return p;
}

Result<NabWindowTimes> ParseNabWindows(const std::string& json) {
  NabWindowTimes out;
  size_t pos = 0;
  std::string token, current;
  std::vector<TimestampMs> pending;
  while (NextString(json, &pos, &token)) {
    if (token.size() > 4 && token.compare(token.size() - 4, 4, ".csv") == 0) {
      if (!pending.empty()) return Status::ParseError("windows: odd number of timestamps before " + token);
      current = token;
      out[current];
      continue;
    }
    if (current.empty()) return Status::ParseError("windows: timestamp before any file name");
    auto t = ParseIsoTime(token);
    if (!t) return Status::ParseError("windows: bad timestamp '" + token + "'");
    pending.push_back(*t);
    if (pending.size() == 2) {
      out[current].emplace_back(pending[0], pending[1]);
      pending.clear();
    }
  }
  if (!pending.empty()) return Status::ParseError("windows: odd number of timestamps");
  return out;
}

Result<NabWindowTimes> LoadNabWindows(const std::string& path) {
  ROOST_ASSIGN_OR_RETURN(std::string text, ReadWhole(path));
  auto parsed = ParseNabWindows(text);
  if (!parsed.ok()) return Status(parsed.status().code(), path + ": " + parsed.status().message());
  return parsed;
}

Result<std::vector<NabWindow>> NabWindowRows(const std::vector<TimestampMs>& times,
                                             const std::vector<std::pair<TimestampMs, TimestampMs>>& windows) {
  std::vector<NabWindow> out;
  auto row = [&](TimestampMs t) -> int64_t {
    auto it = std::lower_bound(times.begin(), times.end(), t);
    if (it == times.end() || *it != t) return -1;
    return it - times.begin();
  };
  for (const auto& [a, b] : windows) {
    int64_t ra = row(a), rb = row(b);
    if (ra < 0 || rb < 0) return Status::NotFound("window edge " + FormatIsoTime(ra < 0 ? a : b) + " matches no row");
    if (rb < ra) return Status::InvalidArgument("window ends before it starts at " + FormatIsoTime(a));
    out.push_back({static_cast<size_t>(ra), static_cast<size_t>(rb)});
  }
  std::sort(out.begin(), out.end(), [](const NabWindow& x, const NabWindow& y) { return x.first < y.first; });
  return out;
}

}  // namespace roost::detect

// nab_score: NAB scoring (shared/data/nab-dev/SCORING.md) of detector
// outputs. Reads RESULTS/<file>.csv (timestamp,value,anomaly_score, as
// written by `roost detect`) for every file listed in the windows JSON and
// prints per-file and total normalised scores at one threshold, and with
// --sweep the total over a grid of thresholds (the sensitivity curve).
// bench/nab_eval runs the detector and then this program.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/detect/nab_score.h"
#include "common/time_parse.h"

namespace {

using roost::detect::NabWindow;

struct FileRun {
  std::string name;
  std::vector<double> scores;
  std::vector<NabWindow> windows;
};

bool ReadResults(const std::string& path, std::vector<roost::TimestampMs>* times, std::vector<double>* scores) {
  std::ifstream in(path);
  if (!in) {
    fmt::print(stderr, "nab_score: cannot open {}\n", path);
    return false;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line_no == 1 && line.rfind("timestamp", 0) == 0) continue;
    if (line.empty()) continue;
    size_t c1 = line.find(','), c2 = line.rfind(',');
    if (c1 == std::string::npos || c2 == c1) {
      fmt::print(stderr, "nab_score: {}:{}: expected timestamp,value,anomaly_score\n", path, line_no);
      return false;
    }
    auto t = roost::ParseIsoTime(line.substr(0, c1));
    char* end = nullptr;
    double s = std::strtod(line.c_str() + c2 + 1, &end);
    if (!t || end == line.c_str() + c2 + 1) {
      fmt::print(stderr, "nab_score: {}:{}: bad row\n", path, line_no);
      return false;
    }
    times->push_back(*t);
    scores->push_back(s);
  }
  return true;
}

double Total(const std::vector<FileRun>& runs, const roost::detect::NabProfile& p, double threshold,
             int* windows) {
  double total = 0;
  *windows = 0;
  for (const auto& r : runs) {
    auto s = roost::detect::ScoreNabFile(r.scores, r.windows, p, threshold);
    total += s.score;
    *windows += s.windows;
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  std::string nab, results, profile_name = "standard";
  double threshold = 0.5;
  bool sweep = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "nab_score: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--nab") nab = next();
    else if (a == "--results") results = next();
    else if (a == "--threshold") threshold = std::atof(next().c_str());
    else if (a == "--profile") profile_name = next();
    else if (a == "--sweep") sweep = true;
    else {
      fmt::print(stderr,
                 "usage: nab_score --nab NAB_DIR --results DIR [--threshold T] [--profile standard] [--sweep]\n");
      return 2;
    }
  }
  if (nab.empty() || results.empty()) {
    fmt::print(stderr, "nab_score: --nab and --results are required\n");
    return 2;
  }
  auto profile = roost::detect::LoadNabProfile(nab + "/config/profiles.json", profile_name);
  if (!profile.ok()) {
    fmt::print(stderr, "nab_score: {}\n", profile.status().ToString());
    return 1;
  }
  auto windows = roost::detect::LoadNabWindows(nab + "/labels/realTweets_windows.json");
  if (!windows.ok()) {
    fmt::print(stderr, "nab_score: {}\n", windows.status().ToString());
    return 1;
  }
  std::vector<FileRun> runs;
  for (const auto& [key, times] : *windows) {
    FileRun r;
    r.name = std::filesystem::path(key).filename().string();
    std::vector<roost::TimestampMs> ts;
    if (!ReadResults(results + "/" + r.name, &ts, &r.scores)) return 1;
    auto rows = roost::detect::NabWindowRows(ts, times);
    if (!rows.ok()) {
      fmt::print(stderr, "nab_score: {}: {}\n", r.name, rows.status().ToString());
      return 1;
    }
    r.windows = *rows;
    runs.push_back(std::move(r));
  }
  fmt::print("profile {} (tp {} fp {} fn {}), threshold {}\n", profile_name, profile->tp_weight,
             profile->fp_weight, profile->fn_weight, threshold);
  fmt::print("{:<28} {:>7} {:>8} {:>6} {:>6} {:>8} {:>10}\n", "file", "windows", "detected", "TP", "FP",
             "score", "normalised");
  double total = 0;
  int total_windows = 0;
  for (const auto& r : runs) {
    auto s = roost::detect::ScoreNabFile(r.scores, r.windows, *profile, threshold);
    total += s.score;
    total_windows += s.windows;
    fmt::print("{:<28} {:>7} {:>8} {:>6} {:>6} {:>8.3f} {:>10.1f}\n", r.name, s.windows, s.windows_detected,
               s.tp, s.fp, s.score, roost::detect::NabNormalize(s.score, s.windows, *profile));
  }
  fmt::print("{:<28} {:>7} {:>8} {:>6} {:>6} {:>8.3f} {:>10.1f}\n", "TOTAL", total_windows, "", "", "", total,
             roost::detect::NabNormalize(total, total_windows, *profile));
  if (sweep) {
    fmt::print("\nthreshold sensitivity (total normalised score)\n");
    double best = -1e9, best_t = 0;
    for (int k = 10; k <= 95; ++k) {
      double t = k / 100.0;
      int w;
      double sum = Total(runs, *profile, t, &w);  // sets w: call before NabNormalize
      double norm = roost::detect::NabNormalize(sum, w, *profile);
      if (k % 5 == 0) fmt::print("  {:.2f}  {:6.1f}\n", t, norm);
      if (norm > best) best = norm, best_t = t;
    }
    fmt::print("best on the 0.01 grid: {:.2f} -> {:.1f}\n", best_t, best);
  }
  return 0;
}

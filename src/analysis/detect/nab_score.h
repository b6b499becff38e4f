// Numenta Anomaly Benchmark scoring, written from the prose restatement in
// shared/data/nab-dev/SCORING.md: windows, scaled-sigmoid weighting of
// detections, profile weights, normalisation against the null detector.
#ifndef ROOST_ANALYSIS_DETECT_NAB_SCORE_H_
#define ROOST_ANALYSIS_DETECT_NAB_SCORE_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"

namespace roost::detect {

struct NabProfile {
  double tp_weight = 1.0;
  double fp_weight = 0.11;
  double fn_weight = 1.0;
};

// Inclusive row range [first, last].
struct NabWindow {
  size_t first = 0;
  size_t last = 0;
};

struct NabFileScore {
  double score = 0;
  int64_t tp = 0, fp = 0, fn = 0, tn = 0;  // row counts, probation excluded
  int windows = 0;
  int windows_detected = 0;
};

// 2/(1+exp(5x)) - 1, and -1 beyond x > 3.
double NabScaledSigmoid(double x);

// Rows below this index are ignored: min(floor(0.15 N), 750).
size_t NabProbationRows(size_t rows);

// Scores one file's anomaly scores at `threshold` (a detection is a
// non-probationary row with score >= threshold). Windows must be sorted and
// disjoint.
NabFileScore ScoreNabFile(const std::vector<double>& scores, const std::vector<NabWindow>& windows,
                          const NabProfile& profile, double threshold);

// 100 * (S - S_null) / (perfect - S_null), with S_null = -fn_weight * windows
// and perfect = tp_weight * windows.
double NabNormalize(double total, int windows, const NabProfile& profile);

// Reads one profile ("standard", ...) from config/profiles.json.
Result<NabProfile> LoadNabProfile(const std::string& path, const std::string& name);

// Reads labels/*_windows.json: {"realTweets/X.csv": [["ts", "ts"], ...]}.
using NabWindowTimes = std::map<std::string, std::vector<std::pair<TimestampMs, TimestampMs>>>;
Result<NabWindowTimes> LoadNabWindows(const std::string& path);
Result<NabWindowTimes> ParseNabWindows(const std::string& json);

// Maps window timestamps to row indices of `times`; each must match a row.
Result<std::vector<NabWindow>> NabWindowRows(const std::vector<TimestampMs>& times,
                                             const std::vector<std::pair<TimestampMs, TimestampMs>>& windows);

}  // namespace roost::detect

#endif  // ROOST_ANALYSIS_DETECT_NAB_SCORE_H_

// SeasonalDetector: scores each point of a count series (tweet volume per
// bucket) for how anomalously HIGH it is, in [0, 1].
//
// Model (docs/DETECTION.md has the full story):
//   1. y = 2*sqrt(x + 3/8) (Anscombe): Poisson counts get unit variance, so
//      one scale works for busy and quiet series.
//   2. baseline = level + season. `season` is the median, per time-of-day
//      slot and per day-of-week slot (blended), of past (y - level); `level`
//      is a short-term EWMA of deseasonalised y updated with clipped residuals
//      so a spike does not drag the baseline up with it.
//   3. z = (y - baseline) / scale, scale = robust EW mean absolute residual
//      (floored at the Poisson unit). Minimum support: a point whose count
//      exceeds the expected count by less than `min_excess` gets z <= 0.
//   4. Anomaly likelihood: a scan statistic over the last few rows,
//      max_j sum(last j z)/sqrt(j), is compared with its own long-term
//      distribution (EW mean / variance over every row, bursts included,
//      so a burst raises the bar for the next days as NAB's anomaly
//      likelihood does); the tail
//      probability Q becomes score = 1 - exp(-(-log10 Q) / score_decades):
//      monotone, never saturating, so the strongest bursts stay ranked.
// Causal mode uses only rows <= t for the score of row t. Otherwise the
// model is first warmed up on the whole series (seasonal profile, scale and
// likelihood statistics) and then scored, which helps the first weeks.
#ifndef ROOST_ANALYSIS_DETECT_DETECTOR_H_
#define ROOST_ANALYSIS_DETECT_DETECTOR_H_

#include <vector>

#include "analysis/detect/series.h"
#include "roost/status.h"

namespace roost::detect {

// The score threshold chosen on NAB's Twitter series (docs/DETECTION.md).
inline constexpr double kDefaultThreshold = 0.65;

struct DetectorOptions {
  bool causal = true;
  // Also score drops below the baseline (the same scan statistic on -z, with
  // its own long-term statistics). Off for spikes; `roost detect --two-sided`.
  bool two_sided = false;
  // Short-term level: half-life of its EWMA.
  double level_half_life_hours = 3.0;
  // Scale (robust EW mean absolute residual) half-life.
  double scale_half_life_hours = 72.0;
  // Residuals beyond this many scales are clipped before updating the
  // level and the scale (robust updating).
  double clip_scales = 3.0;
  // Seasonal memory per slot: the last N days (daily profile) and the last
  // N weeks (weekly profile).
  int season_days = 7;
  int season_weeks = 3;
  // Weight of the weekly profile once it has two weeks of data.
  double weekly_weight = 0.5;
  // Likelihood: short window averaged (minutes, at least one row) and the
  // half-life of the long-term statistics of that average.
  double short_window_minutes = 15.0;
  double likelihood_half_life_hours = 24.0 * 7;
  // Scale of the -log10 tail probability (score 0.5 at decades * ln 2).
  double score_decades = 20.0;
  // Onset emphasis: a row whose raw score does not exceed every raw score
  // of the previous `hold_hours` keeps only `hold_factor` of it, so one
  // burst raises one alarm (at its onset) rather than one per row.
  double hold_hours = 24.0;
  double hold_factor = 0.5;
  // ... and "exceed" means by this fraction of its evidence (-log Q): the
  // rising rows of one burst (evidence x1.1 each) stay one alarm, a much
  // stronger second burst (x1.3 or more) raises another.
  double hold_margin = 0.3;
  // Minimum support: observed - expected count must reach this to score.
  double min_excess = 5.0;
  // Rows scored 0 while the model warms up (time, and at least 8 rows).
  double warmup_hours = 24.0;
};

struct Detection {
  std::vector<double> scores;    // in [0, 1]
  std::vector<double> expected;  // baseline, as a count
  std::vector<double> z;         // standardised residual
  double interval_seconds = 0;   // typical step of the series
};

// Scores every row of `series`. Fails on an empty series or non-increasing
// timestamps.
Result<Detection> Detect(const Series& series, const DetectorOptions& options = {});

}  // namespace roost::detect

#endif  // ROOST_ANALYSIS_DETECT_DETECTOR_H_

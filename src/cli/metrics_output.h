// How the analysis commands print metrics the answer layer has gated: the
// columns of the metric families asked for, and the explicit "redacted"
// marker for a bucket or item the gate withholds.
#ifndef ROOST_CLI_METRICS_OUTPUT_H_
#define ROOST_CLI_METRICS_OUTPUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "analysis/aggregate/metrics.h"
#include "common/json_writer.h"
#include "privacy/privacy_policy.h"
#include "roost/roost.h"

namespace roost::cli {

inline constexpr const char* kRedacted = "redacted";

// Scored tweets over tweets (0 for no tweet): shown beside every sentiment
// figure, since tweets in languages without a scorer are in none of them.
double ScoredShare(const Metrics& m);

// Column names; the first is "tweets" (a tweet count has that one name in
// every answer).
std::vector<std::string> MetricHeaders(const aggregate::MetricSet& set);
// Cells for gated metrics (answer layer), or "redacted" in every cell.
std::vector<std::string> MetricCells(const Metrics& m, const aggregate::MetricSet& set);
// The same as JSON members of the object being written (no redaction marker:
// callers write `"redacted": true` in place of the metrics).
void WriteMetricsJson(JsonWriter* w, const Metrics& m, const aggregate::MetricSet& set);
void WritePrivacyJson(JsonWriter* w, const privacy::PrivacyPolicy& policy);
// "elapsed_ms" (the first run, archive open included) and, after --repeat,
// "runs_ms" with every run.
void WriteTimingJson(JsonWriter* w, const std::vector<double>& runs_ms);
// "the answer has fewer than 100 unique authors (privacy.toml)".
using privacy::WithheldReason;
// Prints a whole answer withheld by the gate: {privacy..., "redacted": true,
// "reason": ...} with --json, else "redacted: REASON".
void PrintWithheldAnswer(const privacy::PrivacyPolicy& policy, bool json);

// Parses "--metrics tweets,authors,kinds,engagement,sentiment" (or "all").
Result<aggregate::MetricSet> ParseMetricSet(const std::string& list);

}  // namespace roost::cli

#endif  // ROOST_CLI_METRICS_OUTPUT_H_

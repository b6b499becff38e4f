// roost detect: runs the spike detector on a `timestamp,value` CSV and writes
// `timestamp,value,anomaly_score` (the NAB result format) or JSON.
#include <memory>
#include <string>

#include <fmt/format.h>

#include "analysis/detect/detector.h"
#include "analysis/detect/series.h"
#include "analysis/detect/spikes.h"
#include "cli/command.h"
#include "cli/output.h"
#include "common/json_writer.h"
#include "common/time_parse.h"

namespace roost::cli {
namespace {

struct DetectArgs {
  std::string csv;
  bool causal = false;
  bool two_sided = false;
  bool json = false;
  double threshold = detect::kDefaultThreshold;
};

int RunDetect(const DetectArgs& a) {
  auto series = detect::ReadSeriesCsv(a.csv);
  if (!series.ok()) return ReportError("detect", series.status());
  detect::DetectorOptions options;
  options.causal = a.causal;
  options.two_sided = a.two_sided;
  auto d = detect::Detect(*series, options);
  if (!d.ok()) return ReportError("detect", Status(d.status().code(), a.csv + ": " + d.status().message()));
  const auto& s = *series;
  if (!a.json) {
    std::string out = "timestamp,value,anomaly_score\n";
    for (size_t i = 0; i < s.size(); ++i)
      out += fmt::format("{},{},{:.6f}\n", FormatIsoTime(s.times[i]), s.values[i], d->scores[i]);
    fmt::print("{}", out);
    return kExitOk;
  }
  detect::SpikeOptions so;
  so.threshold = a.threshold;
  auto spikes = detect::FindSpikes(s, *d, so);
  JsonWriter w;
  w.BeginObject().Key("causal").Bool(a.causal).Key("threshold").Double(a.threshold);
  w.Key("interval_seconds").Double(d->interval_seconds);
  w.Key("rows").BeginArray();
  for (size_t i = 0; i < s.size(); ++i)
    w.BeginObject()
        .Key("timestamp").String(FormatIsoTime(s.times[i]))
        .Key("value").Double(s.values[i])
        .Key("anomaly_score").Double(d->scores[i])
        .Key("expected").Double(d->expected[i])
        .Key("z").Double(d->z[i])
        .EndObject();
  w.EndArray().Key("spikes").BeginArray();
  for (const auto& sp : spikes)
    w.BeginObject()
        .Key("start").String(FormatIsoTime(sp.start_time))
        .Key("peak").String(FormatIsoTime(sp.peak_time))
        .Key("end").String(FormatIsoTime(sp.end_time))
        .Key("peak_value").Double(sp.peak_value)
        .Key("expected").Double(sp.expected_at_peak)
        .Key("magnitude").Double(sp.magnitude)
        .Key("excess").Double(sp.excess)
        .Key("max_score").Double(sp.max_score)
        .EndObject();
  w.EndArray().EndObject();
  fmt::print("{}\n", w.str());
  return kExitOk;
}

}  // namespace

void AddDetectCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<DetectArgs>();
  auto* cmd = app.add_subcommand(
      "detect", "score a timestamp,value CSV for anomalies; writes timestamp,value,anomaly_score");
  cmd->add_option("--csv", args->csv, "input CSV (timestamp,value; header line allowed)")->required();
  cmd->add_flag("--causal", args->causal, "each score uses only earlier rows (streaming, as in NAB)");
  cmd->add_option("--threshold", args->threshold, "score threshold for the spikes listed by --json")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--two-sided", args->two_sided, "also score drops below the baseline");
  cmd->add_flag("--json", args->json, "one JSON object: rows with scores and expected values, and spikes");
  cmd->callback([=] { *exit_code = RunDetect(*args); });
}

}  // namespace roost::cli

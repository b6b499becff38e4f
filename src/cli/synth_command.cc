// roost synth: argument parsing for the synthetic archive generator; the
// work is roost::synth::RunSynth.
#include <unistd.h>

#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "synth/synth.h"

namespace roost::cli {

namespace {
struct SynthFlags {
  synth::SynthOptions options;
  std::string compress = "zstd";
  std::string format = "v1";
  bool json = false;
};
}  // namespace

void AddSynthCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<SynthFlags>();
  auto& o = flags->options;
  auto* cmd = app.add_subcommand("synth", "generate a realistic tweet archive with ground truth");
  cmd->add_option("--out", o.out_dir, "output directory")->required();
  cmd->add_option("--seed", o.seed, "random seed (same seed, same bytes)")->capture_default_str();
  cmd->add_option("--start", o.start, "first UTC day, ISO 8601")->capture_default_str();
  cmd->add_option("--days", o.days, "number of days")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--tweets-per-day", o.tweets_per_day, "baseline tweets per day (events add on top)")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, int64_t{1'000'000'000}));
  cmd->add_option("--compress", flags->compress, "zstd | gzip | none")->capture_default_str();
  cmd->add_option("--zstd-level", o.zstd_level, "zstd level (negative = faster)")->capture_default_str();
  cmd->add_option("--threads", o.threads, "days generated in parallel")->capture_default_str()->check(CLI::Range(1, 256));
  cmd->add_option("--malformed-rate", o.malformed_rate, "noise lines per tweet")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--format", flags->format, "v1 (firehose JSON lines) or v2 (twarc2 pages)")->capture_default_str();
  cmd->add_option("--brands", o.brands_file, "brands.toml to use instead of the built-in brands")
      ->check(CLI::ExistingFile);
  cmd->add_option("--events", o.events, "planted news events (-1: one per two days)")->capture_default_str();
  cmd->add_option("--trends", o.trends, "bursting hashtags (-1: one per day)")->capture_default_str();
  cmd->add_option("--users", o.users, "author population (0: from volume)")->capture_default_str();
  cmd->add_option("--delete-rate", o.delete_rate, "share of tweets later deleted")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--json", flags->json, "print the summary as JSON");
  cmd->callback([flags, exit_code] {
    auto& opts = flags->options;
    auto comp = synth::ParseCompression(flags->compress);
    auto fmt_ = synth::ParseOutputFormat(flags->format);
    if (!comp.ok() || !fmt_.ok()) {
      fmt::print(stderr, "roost synth: {}\n", (!comp.ok() ? comp.status() : fmt_.status()).message());
      *exit_code = kExitUsage;
      return;
    }
    opts.compression = *comp;
    opts.format = *fmt_;
    bool tty = isatty(fileno(stderr)) && !flags->json;
    auto progress = [tty](int done, int total) {
      if (tty) fmt::print(stderr, "\rroost synth: {}/{} days", done, total);
    };
    auto result = synth::RunSynth(opts, progress);
    if (tty) fmt::print(stderr, "\n");
    if (!result.ok()) {
      fmt::print(stderr, "roost synth: {}\n", result.status().ToString());
      *exit_code = result.status().code() == StatusCode::kInvalidArgument ||
                           result.status().code() == StatusCode::kUnsupported
                       ? kExitUsage
                       : kExitFailure;
      return;
    }
    const auto& s = *result;
    double rate = s.seconds > 0 ? s.tweets / s.seconds : 0;
    double mbs = s.seconds > 0 ? s.bytes / s.seconds / 1e6 : 0;
    double per_core = s.cpu_seconds > 0 ? s.tweets / s.cpu_seconds : 0;
    if (flags->json) {
      fmt::print(
          "{{\"out\":\"{}\",\"days\":{},\"lines\":{},\"tweets\":{},\"public_tweets\":{},\"non_public_tweets\":{},"
          "\"compliance\":{},\"malformed\":{},\"bytes\":{},\"bytes_compressed\":{},\"seconds\":{:.3f},"
          "\"cpu_seconds\":{:.3f},\"tweets_per_second\":{:.0f},\"tweets_per_cpu_second\":{:.0f},"
          "\"mb_per_second\":{:.1f}}}\n",
          opts.out_dir, s.days, s.lines, s.tweets, s.public_tweets, s.non_public_tweets, s.compliance,
          s.malformed, s.bytes, s.bytes_compressed, s.seconds, s.cpu_seconds, rate, per_core, mbs);
    } else {
      fmt::print("wrote {} tweets ({} non-public), {} compliance and {} malformed lines in {} files to {}\n",
                 s.tweets, s.non_public_tweets, s.compliance, s.malformed, s.files.size(), opts.out_dir);
      fmt::print("{:.1f} MB JSON -> {:.1f} MB on disk in {:.2f} s ({:.0f} tweets/s, {:.0f} MB/s; "
                 "{:.2f} CPU s, {:.0f} tweets per CPU second)\n",
                 s.bytes / 1e6, s.bytes_compressed / 1e6, s.seconds, rate, mbs, s.cpu_seconds, per_core);
    }
    *exit_code = kExitOk;
  });
}

}  // namespace roost::cli

#include "cli/output.h"

#include <unistd.h>

#include <cstdio>
#include <memory>

#include "cli/command.h"

namespace roost::cli {

namespace {
bool g_progress_shown = false;
}

bool StderrIsTerminal() { return ::isatty(2) == 1; }
bool StdoutIsTerminal() { return ::isatty(1) == 1; }

std::string FormatCount(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string FormatBytes(uint64_t n) {
  static const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(n);
  int u = 0;
  while (v >= 1024 && u < 4) v /= 1024, ++u;
  char buf[32];
  std::snprintf(buf, sizeof(buf), u == 0 ? "%.0f %s" : "%.1f %s", v, kUnits[u]);
  return buf;
}

void ProgressLine(const std::string& text) {
  if (!StderrIsTerminal()) return;
  std::fprintf(stderr, "\r\033[K%s", text.c_str());
  std::fflush(stderr);
  g_progress_shown = true;
}

void EndProgress() {
  if (!g_progress_shown) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  g_progress_shown = false;
}

DelayedProgress::DelayedProgress(std::chrono::milliseconds after) : due_(std::chrono::steady_clock::now() + after) {}

DelayedProgress::~DelayedProgress() { EndProgress(); }

void DelayedProgress::Show(const std::string& text) {
  if (std::chrono::steady_clock::now() >= due_) ProgressLine(text);
}

std::function<void(const std::string&)> AnalysisProgress(const char* command) {
  auto progress = std::make_shared<DelayedProgress>();
  return [progress, command](const std::string& step) { progress->Show(std::string(command) + ": " + step); };
}

int ReportError(const char* command, const Status& status) {
  EndProgress();
  std::fprintf(stderr, "roost %s: %s\n", command, status.message().c_str());
  return status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

}  // namespace roost::cli

// Helpers every command uses to print: terminal detection, numbers with
// thousands separators, progress lines that only appear on a terminal.
#ifndef ROOST_CLI_OUTPUT_H_
#define ROOST_CLI_OUTPUT_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "roost/status.h"

namespace roost::cli {

bool StderrIsTerminal();
bool StdoutIsTerminal();
std::string FormatCount(uint64_t n);  // 1234567 -> "1,234,567"
std::string FormatBytes(uint64_t n);  // 1536 -> "1.5 KiB"

// Overwrites the current terminal line on stderr (no-op when piped).
void ProgressLine(const std::string& text);
void EndProgress();

// Progress of work that is usually quick: lines appear (on a terminal only)
// once the work has run for `after`, so a fast answer never flickers. The
// line is cleared when the object goes away.
class DelayedProgress {
 public:
  explicit DelayedProgress(std::chrono::milliseconds after = std::chrono::seconds(1));
  ~DelayedProgress();
  DelayedProgress(const DelayedProgress&) = delete;
  DelayedProgress& operator=(const DelayedProgress&) = delete;
  void Show(const std::string& text);

 private:
  std::chrono::steady_clock::time_point due_;
};

// The progress callback of one of the answer layer's long analyses: its
// steps shown as "COMMAND: STEP" the way DelayedProgress shows them.
std::function<void(const std::string&)> AnalysisProgress(const char* command);

// Prints "roost <command>: <message>" on stderr and returns the exit code
// for the error: usage errors 2, everything else 1.
int ReportError(const char* command, const Status& status);

}  // namespace roost::cli

#endif  // ROOST_CLI_OUTPUT_H_

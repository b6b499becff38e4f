// Helpers every command uses to print: terminal detection, numbers with
// thousands separators, progress lines that only appear on a terminal.
#ifndef ROOST_CLI_OUTPUT_H_
#define ROOST_CLI_OUTPUT_H_

#include <cstdint>
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

// Prints "roost <command>: <message>" on stderr and returns the exit code
// for the error: usage errors 2, everything else 1.
int ReportError(const char* command, const Status& status);

}  // namespace roost::cli

#endif  // ROOST_CLI_OUTPUT_H_

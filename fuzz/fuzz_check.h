// What every fuzz target shares: a check that stops the run on a broken
// invariant (a real bug, as a crash would be), and a scratch file for
// readers that take a path.
#ifndef ROOST_FUZZ_FUZZ_CHECK_H_
#define ROOST_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <string>

// Errors are normal outcomes for fuzzed input; only a broken promise of the
// code under test aborts, so libFuzzer (or the replay test) reports it.
#define FUZZ_CHECK(condition)                                                      \
  do {                                                                             \
    if (!(condition)) ::roost::fuzz::CheckFailed(#condition, __FILE__, __LINE__);  \
  } while (false)

namespace roost::fuzz {

[[noreturn]] void CheckFailed(const char* condition, const char* file, int line);

// Writes `size` bytes to this process's scratch file (one per name, reused
// by every input) and returns its path. Aborts when it cannot be written:
// that is the machine's fault, not the input's.
const std::string& WriteScratchFile(const char* name, const uint8_t* data, size_t size);

}  // namespace roost::fuzz

#endif  // ROOST_FUZZ_FUZZ_CHECK_H_

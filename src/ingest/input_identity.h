// InputIdentity: what names one input file across runs, so that a resumed
// ingest can skip the inputs an earlier run committed completely. A path
// alone is not enough (a file re-downloaded or rewritten under the same
// name holds other records), so the size, the modification time and a hash
// of the first MiB are part of it; a file that changed in any of them is
// read again (re-reading is safe: tweet ids already stored are duplicates).
#ifndef ROOST_INGEST_INPUT_IDENTITY_H_
#define ROOST_INGEST_INPUT_IDENTITY_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "roost/status.h"

namespace roost {

// How much of the start of a file the identity hashes.
constexpr size_t kInputHeadBytes = 1 << 20;

struct InputIdentity {
  std::string path;        // absolute, symlinks resolved
  uint64_t size = 0;       // bytes as stored (compressed)
  int64_t mtime_ns = 0;    // modification time, ns since the epoch
  uint64_t head_hash = 0;  // XXH3-64 of the first kInputHeadBytes (all of a smaller file)

  bool operator==(const InputIdentity&) const = default;
};

// The identity of the regular file at `path`, read through one descriptor
// (stat, then the first MiB). kNotFound / kIoError when it cannot be read;
// kInvalidArgument for "-" (standard input has no identity).
Result<InputIdentity> IdentifyInput(const std::string& path);

}  // namespace roost

#endif  // ROOST_INGEST_INPUT_IDENTITY_H_

// A small real archive for the targets that need one to run what they parse
// (queries, tag files, API requests): the tweets of
// fuzz/scratch_archive/tweets.jsonl, parsed, enriched and committed the way
// an ingest does, in a temporary folder removed when the process ends.
#ifndef ROOST_FUZZ_SCRATCH_ARCHIVE_H_
#define ROOST_FUZZ_SCRATCH_ARCHIVE_H_

#include <memory>
#include <string>

#include "storage/archive.h"

namespace roost::fuzz {

// The archive's folder, built on first use. It also holds a privacy.toml
// with low thresholds, so analyst answers pass through the gate's paths.
// Aborts when it cannot be built: no input could be tested without it.
const std::string& ScratchArchiveDir();

// A snapshot of it, opened once.
const storage::Archive& ScratchArchive();

}  // namespace roost::fuzz

#endif  // ROOST_FUZZ_SCRATCH_ARCHIVE_H_

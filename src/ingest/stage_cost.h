// StageCost: where an ingest spent its CPU, stage by stage, for the report
// (`roost ingest` prints it; docs/INGEST.md lists the stages).
#ifndef ROOST_INGEST_STAGE_COST_H_
#define ROOST_INGEST_STAGE_COST_H_

#include <time.h>

#include <string>

namespace roost {

struct StageCost {
  std::string name;    // "decompress", "split", "parse", "enrich", ...
  double seconds = 0;  // CPU seconds summed over threads (wall for "fsync")
};

// CPU time of the calling thread; a shared machine distorts it far less
// than wall time.
inline double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace roost

#endif  // ROOST_INGEST_STAGE_COST_H_

#include "ingest/ingest_report.h"

namespace roost {

void IngestCounts::Add(const IngestCounts& o) {
  read += o.read;
  accepted += o.accepted;
  duplicates += o.duplicates;
  non_public += o.non_public;
  compliance += o.compliance;
  rejected += o.rejected;
  for (size_t i = 0; i < rejected_by_reason.size(); ++i) rejected_by_reason[i] += o.rejected_by_reason[i];
}

}  // namespace roost

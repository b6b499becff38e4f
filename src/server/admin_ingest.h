// POST /api/admin/ingest: files on the server's machine loaded into the
// served archive through the library path of `roost ingest` (RunIngest
// into OpenArchiveForIngest's sink, each tweet enriched as the command
// does by default), and the run's counts as JSON.
#ifndef ROOST_SERVER_ADMIN_INGEST_H_
#define ROOST_SERVER_ADMIN_INGEST_H_

#include <string>
#include <vector>

#include "enrich/enricher.h"
#include "ingest/ingest_report.h"
#include "roost/status.h"
#include "server/json_body.h"

namespace roost::server {

// {"paths": ["/abs/file.jsonl.gz", ...]}: one to 1000 absolute paths of
// existing regular files (no directories, devices, pipes or stdin).
// kInvalidArgument names the path and the reason.
Result<std::vector<std::string>> IngestPathsFromJson(const JsonValue& body);

// Ingests `paths` into the archive `dir` (rejected records go to
// DIR/rejects/, as with roost ingest). Inputs an earlier run committed
// completely are skipped. kResourceExhausted when another writer holds
// the archive.
Result<IngestReport> IngestFiles(const std::string& dir, const std::vector<std::string>& paths,
                                 const Enricher& enricher);

// The counts of `roost ingest --json` that a caller needs: read, accepted,
// duplicates, non_public, compliance, rejected (read is the sum of the
// others), rejected_by_reason, files, skipped_files, input_errors, seconds.
std::string IngestReportJson(const IngestReport& r);

}  // namespace roost::server

#endif  // ROOST_SERVER_ADMIN_INGEST_H_

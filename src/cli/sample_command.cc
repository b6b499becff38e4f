// roost sample: a few matching tweets (id, time, handle, text).
// Privacy: this prints handles and text as stored; the privacy gate
// (k-anonymity, handle masking) arrives with issue 7 and must wrap this.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "cli/query_options.h"
#include "common/time_parse.h"

namespace roost::cli {
namespace {

Status PrintSample(const PreparedQuery& p, const query::QueryResult& r, size_t limit, bool json) {
  size_t shown = 0;
  for (const auto& sm : r.segments) {
    if (shown >= limit) break;
    ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* seg, p.archive->segment(sm.segment));
    ROOST_ASSIGN_OR_RETURN(auto ids, seg->ReadInts("id"));
    ROOST_ASSIGN_OR_RETURN(auto times, seg->ReadInts("created_at"));
    ROOST_ASSIGN_OR_RETURN(auto texts, seg->ReadStrings("text"));
    ROOST_ASSIGN_OR_RETURN(auto handles, seg->ReadDimIds("handle"));
    ROOST_ASSIGN_OR_RETURN(auto dict, seg->Dictionary("handle"));
    for (uint32_t row : sm.rows.ToVector()) {
      if (shown++ >= limit) break;
      const std::string handle(dict.value(handles[row]));
      if (json) {
        fmt::print("{{\"id\": \"{}\", \"created_at\": \"{}\", \"handle\": {}, \"text\": {}}}\n", ids[row],
                   FormatIsoTime(times[row]), JsonString(handle), JsonString(texts[row]));
      } else {
        std::string text = texts[row];
        for (char& c : text)
          if (c == '\n' || c == '\t') c = ' ';
        fmt::print("{}\t{}\t@{}\t{}\n", ids[row], FormatIsoTime(times[row]), handle, text);
      }
    }
  }
  return Status::Ok();
}

}  // namespace

void AddSampleCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("sample", "print a few tweets that match a filter (earliest first)");
  auto o = std::make_shared<QueryOptions>();
  auto limit = std::make_shared<size_t>(10);
  AddQueryOptions(cmd, o.get());
  cmd->add_option("--limit", *limit, "how many tweets (default 10)");
  cmd->callback([o, limit, exit_code] {
    auto p = PrepareQuery(*o);
    if (!p.ok()) {
      *exit_code = ReportError("sample", p.status());
      return;
    }
    auto r = query::Execute(*p->archive, p->query, p->exec);
    if (!r.ok()) {
      *exit_code = ReportError("sample", r.status());
      return;
    }
    const Status s = PrintSample(*p, *r, *limit, o->json);
    *exit_code = s.ok() ? kExitOk : ReportError("sample", s);
  });
}

}  // namespace roost::cli

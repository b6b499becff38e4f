#include "query/empty_answer.h"

#include <algorithm>
#include <limits>

#include "common/time_parse.h"
#include "query/value_parse.h"
#include "storage/segment_format.h"

namespace roost::query {
namespace {

// Predicates every match must satisfy: the root, or children of ANDs from it.
void RequiredPredicates(const Node& n, std::vector<const Predicate*>* out) {
  if (n.kind == Node::kPred) {
    const TargetKind k = n.pred.target->kind;
    const bool indexed = k == TargetKind::kDim || k == TargetKind::kMultiDim;
    if (indexed && !n.pred.cs && (n.pred.op == Op::kEq || n.pred.op == Op::kIn)) out->push_back(&n.pred);
  } else if (n.kind == Node::kAnd) {
    for (const auto& c : n.children) RequiredPredicates(*c, out);
  }
}

}  // namespace

Result<std::vector<std::string>> ExplainEmptyAnswer(const storage::Archive& archive, const Query* query,
                                                    const ExecOptions& exec) {
  std::vector<std::string> why;
  if (archive.segment_count() == 0) {
    why.push_back("the archive holds no tweets yet");
    return why;
  }
  TimestampMs first = std::numeric_limits<TimestampMs>::max(), last = std::numeric_limits<TimestampMs>::min();
  for (size_t i = 0; i < archive.segment_count(); ++i) {
    first = std::min(first, archive.entry(i).meta.min_time);
    last = std::max(last, archive.entry(i).meta.max_time);
  }
  const std::vector<size_t> in_range = archive.SegmentsOverlapping(exec.from, exec.to);
  const std::string span = "the archive's tweets run from " + FormatIsoTime(first) + " to " + FormatIsoTime(last);
  if (exec.to <= first || exec.from > last) {
    why.push_back(span + ": the time range asked lies outside them");
    return why;
  }
  if (in_range.empty()) {
    // Inside the span, in a gap between segments (a day never ingested).
    why.push_back(span + ", with none in the time range asked");
    return why;
  }
  if (query == nullptr || !query->root) return why;
  std::vector<const Predicate*> required;
  RequiredPredicates(*query->root, &required);
  for (const Predicate* p : required) {
    const std::vector<std::string> values = p->op == Op::kIn ? SplitList(p->value) : std::vector<std::string>{p->value};
    bool found = false;
    for (size_t i : in_range) {
      ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* r, archive.segment(i));
      const bool ascii_folded = r->format_version() < storage::kUnicodeFoldVersion;
      for (const std::string& v : values) {
        const std::string key = NormalizeValue(*p->target, v);
        // Older segments may hold a non-ASCII value unfolded: no verdict.
        const bool unsure = ascii_folded && std::any_of(key.begin(), key.end(), [](char c) { return c & 0x80; });
        ROOST_ASSIGN_OR_RETURN(storage::Bitmap rows, r->Lookup(p->target->column, key));
        if (unsure || !rows.Empty()) {
          found = true;
          break;
        }
      }
      if (found) break;
    }
    if (!found)
      why.push_back(std::string("no tweet in the range has ") + p->target->name + " " +
                    (values.size() == 1 ? "'" + values[0] + "'" : "any of '" + p->value + "'"));
  }
  return why;
}

}  // namespace roost::query

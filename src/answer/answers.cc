#include "answer/answers.h"

#include <algorithm>
#include <vector>

#include "analysis/aggregate/column_cache.h"
#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/unique_authors.h"
#include "common/json_writer.h"
#include "query/empty_answer.h"
#include "query/regex_literals.h"

namespace roost::answer {
namespace {

Result<query::QueryResult> Select(const storage::Archive& archive, const query::Query& query,
                                  const query::ExecOptions& exec) {
  return query.root ? query::Execute(archive, query, exec) : aggregate::SelectRows(archive, query, exec);
}

// Whether the gate withholds an answer over `r` as a whole; fills *w.
Result<bool> Withhold(const storage::Archive& archive, const query::QueryResult& r,
                      const privacy::PrivacyPolicy& policy, Withheld* w, aggregate::ColumnCache* columns) {
  if (!policy.enabled) return false;
  ROOST_ASSIGN_OR_RETURN(const uint64_t authors, UniqueAuthors(archive, r, columns));
  if (privacy::AnswerAllowed(policy, authors)) return false;
  w->redacted = true;
  w->reason = privacy::WithheldReason(policy);
  return true;
}

uint64_t Quantum(const privacy::PrivacyPolicy& policy) { return policy.enabled ? policy.count_quantum : 1; }

PlanStep Step(const query::Node& n, const query::QueryResult& r, const privacy::PrivacyPolicy& policy) {
  const query::NodeStats& s = r.nodes[static_cast<size_t>(n.id)];
  PlanStep step;
  step.step = query::NodeLabel(n);
  step.how = n.kind != query::Node::kPred ? "combine" : s.indexed ? "index" : "scan";
  if (n.kind == query::Node::kPred &&
      (n.pred.op == query::Op::kRegexPartial || n.pred.op == query::Op::kRegexExact)) {
    // The literals the scan searches granules for before running RE2.
    std::string lits;
    for (const std::string& l : query::RequiredLiterals(n.pred.value))
      if (l.size() >= 2) {
        std::string escaped;
        AppendJsonString(&escaped, l);  // safe in every output
        lits += (lits.empty() ? "'" : ", '") + escaped.substr(1, escaped.size() - 2) + "'";
      }
    if (!lits.empty()) step.how += ", literals: " + lits;
  }
  step.rows_in = privacy::RoundDown(policy, s.rows_in);
  step.rows_out = privacy::RoundDown(policy, s.rows_out);
  for (const auto& c : n.children) step.children.push_back(Step(*c, r, policy));
  return step;
}

void ClearCounts(PlanStep* s) {
  s->rows_in = s->rows_out = 0;
  for (PlanStep& c : s->children) ClearCounts(&c);
}

}  // namespace

std::vector<std::string> WhyEmpty(const storage::Archive& archive, const query::Query& query,
                                  const query::ExecOptions& exec) {
  auto why = query::ExplainEmptyAnswer(archive, query.root ? &query : nullptr, exec);
  return why.ok() ? *why : std::vector<std::string>{};
}

Result<uint64_t> UniqueAuthors(const storage::Archive& archive,
                               const std::vector<const std::vector<query::SegmentMatches>*>& segments,
                               aggregate::ColumnCache* columns) {
  aggregate::ColumnCache local;
  return aggregate::CountUniqueAuthors(archive, segments, columns != nullptr ? columns : &local);
}

Result<CountAnswer> CountTweets(const storage::Archive& archive, const query::Query& query,
                                const query::ExecOptions& exec, const privacy::PrivacyPolicy& policy,
                                aggregate::ColumnCache* columns) {
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult r, Select(archive, query, exec));
  CountAnswer a;
  a.segments_scanned = r.segments_in_range;
  a.segments_total = r.segments_total;
  a.quantum = Quantum(policy);
  ROOST_ASSIGN_OR_RETURN(const bool withheld, Withhold(archive, r, policy, &a, columns));
  if (!withheld) a.tweets = privacy::RoundDown(policy, r.count);
  if (r.count == 0) a.empty_because = WhyEmpty(archive, query, exec);
  return a;
}

Result<TagCountAnswer> CountTags(const storage::Archive& archive, const query::TagSet& tags,
                                 const query::Query& query, const query::ExecOptions& exec,
                                 const privacy::PrivacyPolicy& policy) {
  query::TagTotals totals;
  ROOST_ASSIGN_OR_RETURN(auto groups,
                         query::EvaluateTags(archive, tags, exec, query.root ? &query : nullptr, &totals));
  TagCountAnswer a;
  a.quantum = Quantum(policy);
  if (policy.enabled) {
    std::vector<const std::vector<query::SegmentMatches>*> all;
    for (const auto& g : groups) all.push_back(&g.segments);
    ROOST_ASSIGN_OR_RETURN(const uint64_t authors, UniqueAuthors(archive, all));
    if (!privacy::AnswerAllowed(policy, authors)) {
      a.redacted = true;
      a.reason = privacy::WithheldReason(policy);
      return a;
    }
  }
  for (const auto& g : groups) {
    TagCount c{g.tag->full_name(), g.tag->ns, g.tag->name, privacy::RoundDown(policy, g.count), false};
    if (policy.enabled) {
      ROOST_ASSIGN_OR_RETURN(const uint64_t authors, UniqueAuthors(archive, {&g.segments}));
      if (!privacy::GroupAllowed(policy, authors)) c.tweets = 0, c.redacted = true;
    }
    a.tags.push_back(std::move(c));
  }
  a.tagged = privacy::RoundDown(policy, totals.tagged);
  a.matching = privacy::RoundDown(policy, totals.matching);
  return a;
}

Result<SampleAnswer> SampleTweets(const storage::Archive& archive, const query::Query& query,
                                  const query::ExecOptions& exec, size_t limit, const privacy::PrivacyPolicy& policy,
                                  aggregate::ColumnCache* columns) {
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult r, Select(archive, query, exec));
  SampleAnswer a;
  if (r.count == 0) a.empty_because = WhyEmpty(archive, query, exec);
  ROOST_ASSIGN_OR_RETURN(const bool withheld, Withhold(archive, r, policy, &a, columns));
  if (withheld) return a;
  a.ids_shown = !policy.enabled;
  a.handles_shown = !policy.enabled || policy.show_handles;
  a.text_shown = !policy.enabled || policy.show_text;
  for (const auto& sm : r.segments) {
    if (a.tweets.size() >= limit) break;
    ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* seg, archive.segment(sm.segment));
    ROOST_ASSIGN_OR_RETURN(auto ids, seg->ReadInts("id"));
    ROOST_ASSIGN_OR_RETURN(auto times, seg->ReadInts("created_at"));
    std::vector<std::string> texts;
    if (a.text_shown) {
      ROOST_ASSIGN_OR_RETURN(texts, seg->ReadStrings("text"));
    }
    std::vector<uint32_t> handles;
    storage::DictionaryView dict;
    if (a.handles_shown) {
      ROOST_ASSIGN_OR_RETURN(handles, seg->ReadDimIds("handle"));
      ROOST_ASSIGN_OR_RETURN(dict, seg->Dictionary("handle"));
    }
    for (uint32_t row : sm.rows.ToVector()) {
      if (a.tweets.size() >= limit) break;
      SampleTweet t;
      if (a.ids_shown) t.id = std::to_string(static_cast<uint64_t>(ids[row]));
      t.created_at = times[row];
      if (a.handles_shown) t.handle = std::string(dict.value(handles[row]));
      if (a.text_shown) t.text = texts[row];
      a.tweets.push_back(std::move(t));
    }
  }
  return a;
}

Result<ExplainAnswer> ExplainQuery(const storage::Archive& archive, const query::Query& query,
                                   const query::ExecOptions& exec, const privacy::PrivacyPolicy& policy,
                                   aggregate::ColumnCache* columns) {
  if (!query.root) return Status::InvalidArgument("explain needs a filter");
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult r, query::Execute(archive, query, exec));
  ExplainAnswer a;
  a.syntax = query.shorthand ? "rule" : "csdl";
  a.canonical = query.ToString();
  a.quantum = Quantum(policy);
  a.segments_total = r.segments_total;
  a.segments_scanned = r.segments_in_range;
  a.rows_total = privacy::RoundDown(policy, r.rows_total);
  a.rows_in_segments = privacy::RoundDown(policy, r.rows_in_segments);
  a.rows_visible = privacy::RoundDown(policy, r.rows_visible);
  a.rows_in_range = privacy::RoundDown(policy, r.rows_in_range);
  a.plan = Step(*query.root, r, policy);
  ROOST_ASSIGN_OR_RETURN(const bool withheld, Withhold(archive, r, policy, &a, columns));
  if (withheld) {
    a.rows_total = a.rows_in_segments = a.rows_visible = a.rows_in_range = 0;
    ClearCounts(&a.plan);
  } else {
    a.tweets = privacy::RoundDown(policy, r.count);
  }
  return a;
}

}  // namespace roost::answer

// Brand scorecards, gated: per brand of a brands file, the figures of its
// tweets (selected by its current brand tags, or else by its matching rule,
// docs/BRANDS.md), its share of voice, top lists, a series, and the change
// against a comparison period with a significance test per figure.
#ifndef ROOST_ANSWER_BRANDS_ANSWER_H_
#define ROOST_ANSWER_BRANDS_ANSWER_H_

#include <functional>
#include <memory>
#include <string>

#include "analysis/aggregate/column_cache.h"
#include "analysis/aggregate/time_grid.h"
#include "brands/brand_set.h"
#include "privacy/privacy_policy.h"
#include "query/ast.h"
#include "query/executor.h"
#include "roost/roost.h"
#include "storage/archive.h"

namespace roost::answer {

struct BrandsRun {
  brands::BrandSet brands;
  std::vector<size_t> shown;  // indices of the brands to report (all when empty)
  aggregate::Interval interval = aggregate::Interval::kDay;
  std::shared_ptr<const aggregate::ZoneRules> zone;
  std::string compare;                       // "", "previous", "year" or "range"
  TimestampMs compare_from = 0, compare_to = 0;
  size_t limit = 5;
  int threads = 0;
  aggregate::ColumnCache* cache = nullptr;  // may be null
  // Whether the archive's brand tags answer for a brand's current rule
  // (null: never, every brand is selected by its rule).
  std::function<bool(const brands::BrandDefinition&)> tags_current;
};

// "previous", "year" or "FROM..TO" (times as --from takes them, in `tz`)
// into the request's compare fields; "" asks for no comparison.
Status ParseCompare(const std::string& text, const std::string& tz, BrandsRequest* r);

// Checks a request and turns it into a run (kInvalidArgument on a bad one).
Result<BrandsRun> MakeBrandsRun(const BrandsRequest& r);

// `narrow`: the question's own filter ("": none), AND-ed with each
// brand. With no range in `exec`, the archive's own.
Result<BrandsAnswer> GatedBrands(const storage::Archive& archive, const std::string& narrow,
                                 const query::ExecOptions& exec, const BrandsRun& run,
                                 const privacy::PrivacyPolicy& policy);

// The period compared with [from, to): the one just before it, the same
// dates a year earlier in `zone`, or [compare_from, compare_to).
Result<std::pair<TimestampMs, TimestampMs>> ComparisonPeriod(const BrandsRun& run, TimestampMs from, TimestampMs to);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_BRANDS_ANSWER_H_

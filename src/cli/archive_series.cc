#include "cli/archive_series.h"

#include <limits>

#include "analysis/aggregate/selection.h"

namespace roost::cli {

Result<ArchiveSeries> LoadArchiveSeries(const QueryOptions& query, const PrivacyOptions& privacy,
                                        const std::string& interval_name,
                                        aggregate::MetricSet metrics) {
  ArchiveSeries out;
  ROOST_ASSIGN_OR_RETURN(const aggregate::Interval interval,
                         aggregate::ParseInterval(interval_name));
  ROOST_ASSIGN_OR_RETURN(out.zone, aggregate::ZoneRules::Load(query.tz));
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(query));
  ROOST_ASSIGN_OR_RETURN(out.policy, ResolvePrivacy(privacy, query.archive));
  TimestampMs from = p.exec.from, to = p.exec.to;
  aggregate::DefaultSeriesRange(*p.archive, &from, &to);
  if (from == std::numeric_limits<TimestampMs>::min() ||
      to == std::numeric_limits<TimestampMs>::max())
    return Status::InvalidArgument(
        "the archive holds no tweets in that range; give --from and --to");
  ROOST_ASSIGN_OR_RETURN(aggregate::TimeGrid grid,
                         aggregate::TimeGrid::Make(interval, out.zone, from, to));
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected,
                         aggregate::SelectRows(*p.archive, p.query, p.exec));
  aggregate::ColumnCache cache;
  metrics.authors = true;
  ROOST_ASSIGN_OR_RETURN(out.series, aggregate::ComputeSeries(*p.archive, selected, std::move(grid),
                                                              metrics, query.threads, &cache));
  out.withheld = !privacy::AnswerAllowed(out.policy, out.series.total.unique_authors);
  return out;
}

}  // namespace roost::cli

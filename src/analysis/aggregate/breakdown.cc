#include "analysis/aggregate/breakdown.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <optional>
#include <unordered_map>

#include "analysis/aggregate/row_iteration.h"
#include "common/parallel_for.h"

namespace roost::aggregate {
namespace {

constexpr char kSep = '\x1f';  // joins the values of a path; never in a stored value we group by
constexpr double kStopwordLanguageShare = 0.01;

struct PathKey {
  uint32_t id[kMaxLevels] = {0, 0, 0};
  uint8_t depth = 0;
  bool operator==(const PathKey& o) const {
    return depth == o.depth && id[0] == o.id[0] && id[1] == o.id[1] && id[2] == o.id[2];
  }
};
struct PathKeyHash {
  size_t operator()(const PathKey& k) const {
    uint64_t h = (uint64_t{k.id[0]} << 32 | k.id[1]) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h ^ (uint64_t{k.id[2]} << 8 | k.depth) * 0xC2B2AE3D27D4EB4Full);
  }
};

struct Count {
  uint64_t tweets = 0;
  int64_t max_followers = 0;  // authors ranked by reach
};

struct Pass1 {
  Status status;
  std::vector<std::pair<std::string, Count>> counts;  // value path -> count
};

bool RankAuthorsByFollowers(const BreakdownSpec& spec) {
  return spec.rank_by == RankBy::kReach && spec.levels[0].name == "authors" && spec.levels.size() == 1;
}

Result<std::vector<SegmentDimension>> LoadDims(const storage::Archive& archive, size_t segment,
                                               const BreakdownSpec& spec, const TermFilter* terms,
                                               ColumnCache* cache) {
  std::vector<SegmentDimension> dims;
  for (const auto& level : spec.levels) {
    ROOST_ASSIGN_OR_RETURN(auto d, SegmentDimension::Load(archive, segment, level, terms, cache, spec.tags));
    dims.push_back(std::move(d));
  }
  return dims;
}

std::string PathName(const std::vector<SegmentDimension>& dims, const PathKey& k) {
  std::string s(dims[0].Name(k.id[0]));
  for (uint8_t d = 1; d < k.depth; ++d) {
    s += kSep;
    s += dims[d].Name(k.id[d]);
  }
  return s;
}

// Tweets per segment-local id of a one-level dimension, each tweet once per value.
std::vector<uint64_t> DenseCounts(SegmentDimension& d, const storage::Bitmap& rows) {
  std::vector<uint64_t> counts;
  if (d.CountDense(rows, &counts)) return counts;
  counts.assign(d.cardinality(), 0);
  std::vector<uint32_t> last_row(d.cardinality(), UINT32_MAX);
  ForEachRowDense(rows, d.rows(), [&](uint32_t row) {
    if (d.Hidden(row)) return;
    d.ForEachRawId(row, [&](uint32_t id) {
      if (last_row[id] == row) return;
      last_row[id] = row;
      ++counts[id];
    });
  });
  return counts;
}

Pass1 CountSegment(const storage::Archive& archive, const query::SegmentMatches& m, const BreakdownSpec& spec,
                   const TermFilter* terms, ColumnCache* cache) {
  Pass1 out;
  auto dims = LoadDims(archive, m.segment, spec, terms, cache);
  if (!dims.ok()) return {dims.status(), {}};
  ColumnCache::Ints followers_col;
  if (RankAuthorsByFollowers(spec)) {
    auto r = archive.segment(m.segment);
    auto f = r.ok() ? cache->IntColumn(**r, "followers") : Result<ColumnCache::Ints>(r.status());
    if (!f.ok()) return {f.status(), {}};
    followers_col = std::move(f).value();
  }
  const std::vector<int64_t>* followers = followers_col.get();
  std::vector<uint32_t> k1, k2, k3;
  if (spec.levels.size() == 1) {
    // One level: a dense counter per segment-local id; a tweet counts once
    // per value even when the value repeats in it (last_row).
    SegmentDimension& d = (*dims)[0];
    if (!followers) {
      const std::vector<uint64_t> dense = DenseCounts(d, m.rows);
      for (uint32_t id = 0; id < dense.size(); ++id)
        if (dense[id] && d.Keep(id)) out.counts.emplace_back(std::string(d.Name(id)), Count{dense[id], 0});
      return out;
    }
    std::vector<Count> counts(d.cardinality());
    std::vector<uint32_t> last_row(d.cardinality(), UINT32_MAX);
    ForEachRowDense(m.rows, d.rows(), [&](uint32_t row) {
      if (d.Hidden(row)) return;
      d.ForEachRawId(row, [&](uint32_t id) {
        if (last_row[id] == row) return;
        last_row[id] = row;
        ++counts[id].tweets;
        if (followers) counts[id].max_followers = std::max(counts[id].max_followers, (*followers)[row]);
      });
    });
    // Authors by reach: an author of the global top `limit` is in the top
    // `limit` of the segment holding its largest follower count (more above
    // it there would be above it everywhere), so each segment hands over
    // only those, ties at the cut included. Pass two counts their tweets.
    int64_t cut = INT64_MIN;
    if (followers) {
      std::vector<int64_t> top;
      for (uint32_t id = 0; id < counts.size(); ++id)
        if (counts[id].tweets && d.Keep(id)) top.push_back(counts[id].max_followers);
      if (top.size() > spec.limit) {
        std::nth_element(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(spec.limit - 1), top.end(),
                         std::greater<int64_t>());
        cut = top[spec.limit - 1];
      }
    }
    for (uint32_t id = 0; id < counts.size(); ++id)
      if (counts[id].tweets && d.Keep(id) && counts[id].max_followers >= cut)
        out.counts.emplace_back(std::string(d.Name(id)), counts[id]);
    return out;
  }
  std::unordered_map<PathKey, uint64_t, PathKeyHash> counts;
  ForEachRow(m.rows, [&](uint32_t row) {
    (*dims)[0].Keys(row, &k1);
    if (k1.empty()) return;
    (*dims)[1].Keys(row, &k2);
    if (spec.levels.size() > 2) (*dims)[2].Keys(row, &k3);
    for (uint32_t a : k1) {
      ++counts[PathKey{{a, 0, 0}, 1}];
      for (uint32_t b : k2) {
        ++counts[PathKey{{a, b, 0}, 2}];
        for (uint32_t c : k3) ++counts[PathKey{{a, b, c}, 3}];
      }
    }
  });
  out.counts.reserve(counts.size());
  for (const auto& [k, n] : counts) out.counts.emplace_back(PathName(*dims, k), Count{n, 0});
  return out;
}

// A segment's leaders: every value counted at least `cut` times there, with
// its count; any other value of the segment was counted at most `bound`.
struct SegmentLeaders {
  Status status;
  std::vector<std::pair<std::string, uint64_t>> named;
  uint64_t bound = 0;
};

SegmentLeaders LeadersOfSegment(const storage::Archive& archive, const query::SegmentMatches& m,
                                const BreakdownSpec& spec, const TermFilter* terms, size_t keep, ColumnCache* cache) {
  SegmentLeaders out;
  auto dims = LoadDims(archive, m.segment, spec, terms, cache);
  if (!dims.ok()) return {dims.status(), {}, 0};
  SegmentDimension& d = (*dims)[0];
  const std::vector<uint64_t> counts = DenseCounts(d, m.rows);
  std::vector<std::pair<uint64_t, uint32_t>> kept;
  for (uint32_t id = 0; id < counts.size(); ++id)
    if (counts[id] && d.Keep(id)) kept.emplace_back(counts[id], id);
  uint64_t cut = 1;
  if (kept.size() > keep) {
    std::nth_element(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(keep - 1), kept.end(),
                     std::greater<std::pair<uint64_t, uint32_t>>());
    cut = kept[keep - 1].first;
    out.bound = cut - 1;  // ties at the cut are handed over too
  }
  for (const auto& [n, id] : kept)
    if (n >= cut) out.named.emplace_back(std::string(d.Name(id)), n);
  return out;
}

// Tweets of `value` among the segment's selected rows, from its postings.
Result<uint64_t> CountOfValue(const storage::Archive& archive, const query::SegmentMatches& m,
                              const BreakdownSpec& spec, const TermFilter* terms, const std::string& value,
                              ColumnCache* cache) {
  ROOST_ASSIGN_OR_RETURN(auto dims, LoadDims(archive, m.segment, spec, terms, cache));
  const uint32_t id = dims[0].Find(value);
  if (id == SegmentDimension::npos || !dims[0].Keep(id)) return uint64_t{0};
  ROOST_ASSIGN_OR_RETURN(auto reader, archive.segment(m.segment));
  ROOST_ASSIGN_OR_RETURN(auto rows, dims[0].Postings(*reader, value));
  if (!rows) return Status::Internal("no postings for a stored dimension");
  rows->AndWith(m.rows);
  return rows->Cardinality();
}

// One level ranked by tweets, without distinct values: the top `limit` from
// each segment's leaders (Fagin's threshold idea). A value's count is
// known where it leads, and at most the segment's bound elsewhere; values
// that could still reach the top get their missing counts from postings.
// Exact once the limit-th count exceeds what a value leading nowhere could
// have (the sum of the bounds); otherwise each segment hands over more.
// Empty optional: the caller counts every value instead.
Result<std::optional<std::unordered_map<std::string, Count>>> TopByLeaders(
    const storage::Archive& archive, const query::QueryResult& selected, const BreakdownSpec& spec,
    const TermFilter* terms, ColumnCache* cache) {
  const size_t segments = selected.segments.size();
  for (size_t keep = std::max<size_t>(4 * spec.limit, 64); keep <= 64 * std::max<size_t>(4 * spec.limit, 64);
       keep *= 8) {
    std::vector<SegmentLeaders> leaders(segments);
    ParallelFor(segments, spec.threads, [&](size_t k) {
      leaders[k] = LeadersOfSegment(archive, selected.segments[k], spec, terms, keep, cache);
    });
    uint64_t unseen_bound = 0;  // the most a value leading nowhere can have
    struct Candidate {
      uint64_t known = 0;
      std::vector<uint8_t> led;  // per segment
    };
    std::unordered_map<std::string, Candidate> candidates;
    for (size_t k = 0; k < segments; ++k) {
      if (!leaders[k].status.ok()) return leaders[k].status;
      unseen_bound += leaders[k].bound;
      for (auto& [v, n] : leaders[k].named) {
        Candidate& c = candidates[v];
        if (c.led.empty()) c.led.assign(segments, 0);
        c.known += n;
        c.led[k] = 1;
      }
    }
    std::vector<uint64_t> lows;
    for (const auto& [v, c] : candidates) lows.push_back(c.known);
    uint64_t kth_low = 0;
    if (lows.size() >= spec.limit) {
      std::nth_element(lows.begin(), lows.begin() + static_cast<std::ptrdiff_t>(spec.limit - 1), lows.end(),
                       std::greater<uint64_t>());
      kth_low = lows[spec.limit - 1];
    }
    // Values that may still reach the top, and the counts they lack.
    std::vector<std::pair<std::string, size_t>> missing;  // (value, segment)
    std::unordered_map<std::string, uint64_t> exact;
    for (const auto& [v, c] : candidates) {
      uint64_t upper = c.known;
      for (size_t k = 0; k < segments; ++k)
        if (!c.led[k]) upper += leaders[k].bound;
      if (upper < kth_low) continue;
      exact[v] = c.known;
      for (size_t k = 0; k < segments; ++k)
        if (!c.led[k] && leaders[k].bound > 0) missing.emplace_back(v, k);
    }
    std::vector<Result<uint64_t>> found(missing.size(), uint64_t{0});
    ParallelFor(missing.size(), spec.threads, [&](size_t i) {
      found[i] = CountOfValue(archive, selected.segments[missing[i].second], spec, terms, missing[i].first, cache);
    });
    for (size_t i = 0; i < missing.size(); ++i) {
      if (!found[i].ok()) return found[i].status();
      exact[missing[i].first] += *found[i];
    }
    std::vector<uint64_t> final_counts;
    for (const auto& [v, n] : exact) final_counts.push_back(n);
    std::sort(final_counts.begin(), final_counts.end(), std::greater<uint64_t>());
    const bool complete = unseen_bound == 0;
    if (complete || (final_counts.size() >= spec.limit && final_counts[spec.limit - 1] > unseen_bound)) {
      std::unordered_map<std::string, Count> out;
      for (auto& [v, n] : exact) out[v] = Count{n, 0};
      return std::optional<std::unordered_map<std::string, Count>>(std::move(out));
    }
  }
  return std::optional<std::unordered_map<std::string, Count>>();
}

// Languages with a real share of the answer: their stopwords leave `terms`.
Result<TermFilter> MakeTermFilter(const storage::Archive& archive, const query::QueryResult& selected, int threads,
                                  ColumnCache* cache) {
  TermFilter f;
  // Loaded once per process: the lists do not change while it runs.
  static const Result<std::shared_ptr<const text::StopwordSet>> kStopwords =
      []() -> Result<std::shared_ptr<const text::StopwordSet>> {
    ROOST_ASSIGN_OR_RETURN(auto words, text::StopwordSet::LoadDefault());
    return std::make_shared<const text::StopwordSet>(std::move(words));
  }();
  if (!kStopwords.ok()) return kStopwords.status();
  f.stopwords = kStopwords.value();
  ROOST_ASSIGN_OR_RETURN(const DimensionSpec lang, FindDimension("detected_lang"));
  BreakdownSpec spec;
  spec.levels = {lang};
  std::vector<Pass1> parts(selected.segments.size());
  ParallelFor(parts.size(), threads,
              [&](size_t k) { parts[k] = CountSegment(archive, selected.segments[k], spec, nullptr, cache); });
  std::unordered_map<std::string, uint64_t> shares;
  for (const auto& p : parts) {
    if (!p.status.ok()) return p.status;
    for (const auto& [v, c] : p.counts) shares[v] += c.tweets;
  }
  for (const auto& [l, n] : shares) {
    const text::StopwordList* list = f.stopwords->ForLanguage(l);
    if (list != nullptr && static_cast<double>(n) >= kStopwordLanguageShare * static_cast<double>(selected.count))
      f.lists.push_back(list);
  }
  return f;
}

// A node of the answer tree, flattened for pass two.
struct Node {
  int parent = -1;
  size_t depth = 0;  // 0-based level
  std::string value;
  uint64_t count = 0;
  int64_t max_followers = 0;
};

struct Pass2 {
  Status status;
  std::vector<std::optional<MetricsAccumulator>> nodes;
  MetricsAccumulator total;
};

// Pass two over every selected row: each row adds to the shown paths it has.
template <typename Find>
void MeasureByRows(const storage::Bitmap& rows, size_t levels, const Find& find, std::vector<SegmentDimension>* dims,
                   const MetricColumns& cols, std::vector<std::optional<MetricsAccumulator>>* acc) {
  std::vector<uint32_t> keys[kMaxLevels];
  ForEachRow(rows, [&](uint32_t row) {
    (*dims)[0].Keys(row, &keys[0]);
    bool deeper_loaded = false;
    for (uint32_t a : keys[0]) {
      const int n1 = find(-1, a);
      if (n1 < 0) continue;
      if (!(*acc)[n1]) (*acc)[n1].emplace();
      (*acc)[n1]->Add(cols, row);
      if (levels < 2) continue;
      if (!deeper_loaded) {
        for (size_t d = 1; d < levels; ++d) (*dims)[d].Keys(row, &keys[d]);
        deeper_loaded = true;
      }
      for (uint32_t b : keys[1]) {
        const int n2 = find(n1, b);
        if (n2 < 0) continue;
        if (!(*acc)[n2]) (*acc)[n2].emplace();
        (*acc)[n2]->Add(cols, row);
        if (levels < 3) continue;
        for (uint32_t c : keys[2]) {
          const int n3 = find(n2, c);
          if (n3 < 0) continue;
          if (!(*acc)[n3]) (*acc)[n3].emplace();
          (*acc)[n3]->Add(cols, row);
        }
      }
    }
  });
}

Pass2 MeasureSegment(const storage::Archive& archive, const query::SegmentMatches& m, const BreakdownSpec& spec,
                     const TermFilter* terms, const std::vector<Node>& nodes, ColumnCache* cache) {
  Pass2 out;
  out.nodes.resize(nodes.size());
  auto dims = LoadDims(archive, m.segment, spec, terms, cache);
  if (!dims.ok()) return {dims.status(), {}, {}};
  auto reader = archive.segment(m.segment);
  if (!reader.ok()) return {reader.status(), {}, {}};
  MetricSet set = spec.metrics;
  set.authors = set.authors || spec.total_authors;
  auto cols = MetricColumns::Load(**reader, set, cache);
  if (!cols.ok()) return {cols.status(), {}, {}};
  // (parent node + 1, local id) -> node.
  std::unordered_map<uint64_t, int> index;
  std::vector<uint32_t> local(nodes.size(), SegmentDimension::npos);
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (node.parent >= 0 && local[static_cast<size_t>(node.parent)] == SegmentDimension::npos) continue;
    local[n] = (*dims)[node.depth].Find(node.value);
    if (local[n] != SegmentDimension::npos) index[uint64_t(node.parent + 1) << 32 | local[n]] = static_cast<int>(n);
  }
  auto find = [&](int parent, uint32_t id) {
    auto it = index.find(uint64_t(parent + 1) << 32 | id);
    return it == index.end() ? -1 : it->second;
  };
  if (spec.total_authors) ForEachRow(m.rows, [&](uint32_t row) { out.total.Add(*cols, row); });
  // One stored level over a large selection: each shown value's rows come
  // from its postings, so only the rows of shown values are touched. A small
  // selection (a filter keeping under 1/8 of the segment) is cheaper to walk
  // than to decode the postings of every shown value.
  const bool from_postings = spec.levels.size() == 1 && !spec.levels[0].column.empty() &&
                             m.rows.Cardinality() * 8 >= (*reader)->row_count();
  if (from_postings) {
    for (size_t n = 0; n < nodes.size(); ++n) {
      if (local[n] == SegmentDimension::npos) continue;
      auto rows = (*dims)[0].Postings(**reader, nodes[n].value);
      if (!rows.ok()) return {rows.status(), {}, {}};
      (*rows)->AndWith(m.rows);
      if ((*rows)->Empty()) continue;
      out.nodes[n].emplace();
      ForEachRow(**rows, [&](uint32_t row) { out.nodes[n]->Add(*cols, row); });
    }
  } else {
    MeasureByRows(m.rows, spec.levels.size(), find, &*dims, *cols, &out.nodes);
  }
  for (auto& n : out.nodes)
    if (n) n->Finish();  // dedupe authors here, in parallel
  if (spec.total_authors) out.total.Finish();
  return out;
}

double RankValue(RankBy r, const TweetMetrics& m) {
  switch (r) {
    case RankBy::kTweets: return static_cast<double>(m.tweets);
    case RankBy::kAuthors: return static_cast<double>(m.unique_authors);
    case RankBy::kReach: return static_cast<double>(m.reach);
    case RankBy::kEngagement: return static_cast<double>(m.engagement);
  }
  return 0;
}

void SortAndCut(std::vector<BreakdownItem>* items, RankBy r, size_t limit) {
  std::sort(items->begin(), items->end(), [r](const BreakdownItem& a, const BreakdownItem& b) {
    const double x = RankValue(r, a.metrics), y = RankValue(r, b.metrics);
    if (x != y) return x > y;
    if (a.metrics.tweets != b.metrics.tweets) return a.metrics.tweets > b.metrics.tweets;
    return a.value < b.value;
  });
  if (items->size() > limit) items->resize(limit);
  for (auto& i : *items) SortAndCut(&i.children, r, limit);
}

}  // namespace

Result<RankBy> ParseRankBy(std::string_view name) {
  if (name == "tweets") return RankBy::kTweets;
  if (name == "authors") return RankBy::kAuthors;
  if (name == "reach") return RankBy::kReach;
  if (name == "engagement") return RankBy::kEngagement;
  return Status::InvalidArgument("unknown ranking '" + std::string(name) + "' (expected tweets, authors, reach or engagement)");
}

const char* RankByName(RankBy r) {
  switch (r) {
    case RankBy::kTweets: return "tweets";
    case RankBy::kAuthors: return "authors";
    case RankBy::kReach: return "reach";
    case RankBy::kEngagement: return "engagement";
  }
  return "?";
}

Result<BreakdownResult> ComputeBreakdown(const storage::Archive& archive, const query::QueryResult& selected,
                                         const BreakdownSpec& spec_in, ColumnCache* cache) {
  BreakdownSpec spec = spec_in;
  if (spec.levels.empty() || spec.levels.size() > kMaxLevels)
    return Status::InvalidArgument("a breakdown has one to three levels");
  // Authors by reach keep only each segment's leaders in pass one: their
  // tweets come from pass two, and the distinct authors from the total.
  const bool pruned = RankAuthorsByFollowers(spec);
  if (pruned) spec.total_authors = true;
  if (spec.limit == 0) return Status::InvalidArgument("--limit must be at least 1");
  if (spec.rank_by == RankBy::kAuthors || spec.rank_by == RankBy::kReach) spec.metrics.authors = true;
  if (spec.rank_by == RankBy::kEngagement) spec.metrics.engagement = true;

  std::optional<TermFilter> terms;
  for (const auto& l : spec.levels)
    if (l.filter == DimensionSpec::kWords && !terms) {
      ROOST_ASSIGN_OR_RETURN(auto f, MakeTermFilter(archive, selected, spec.threads, cache));
      terms = std::move(f);
    }
  const TermFilter* term_filter = terms ? &*terms : nullptr;

  // Pass one: exact counts of every value path, or of the paths that can
  // still make the top when distinct values are not asked for.
  std::unordered_map<std::string, Count> counts;
  const bool by_leaders = !spec.distinct && spec.levels.size() == 1 && spec.rank_by == RankBy::kTweets &&
                          !spec.levels[0].column.empty() && spec.tags == nullptr;
  bool counted = false;
  if (by_leaders) {
    ROOST_ASSIGN_OR_RETURN(auto top, TopByLeaders(archive, selected, spec, term_filter, cache));
    if (top) counts = std::move(*top), counted = true;
  }
  if (!counted) {
    std::vector<Pass1> parts(selected.segments.size());
    ParallelFor(parts.size(), spec.threads,
                [&](size_t k) { parts[k] = CountSegment(archive, selected.segments[k], spec, term_filter, cache); });
    for (auto& p : parts) {
      if (!p.status.ok()) return p.status;
      for (auto& [path, c] : p.counts) {
        Count& g = counts[path];
        g.tweets += c.tweets;
        g.max_followers = std::max(g.max_followers, c.max_followers);
      }
      p.counts = {};
    }
  }

  // Candidates per level: the most frequent paths. Ranking by another metric
  // looks at ten times the limit (at least 200) most frequent ones, except
  // authors by reach, whose follower counts are already exact here.
  const bool exact_rank = spec.rank_by == RankBy::kTweets || RankAuthorsByFollowers(spec);
  const size_t keep = exact_rank ? spec.limit : std::max<size_t>(spec.limit * 10, 200);
  std::vector<std::vector<std::pair<std::string, Count>>> by_depth(spec.levels.size());
  for (auto& [path, c] : counts) {
    const size_t depth = static_cast<size_t>(std::count(path.begin(), path.end(), kSep));
    by_depth[depth].emplace_back(path, c);
  }
  BreakdownResult result;
  result.distinct = spec.distinct ? by_depth[0].size() : 0;  // the total's authors when pruned
  auto better = [&](const std::pair<std::string, Count>& a, const std::pair<std::string, Count>& b) {
    const auto x = RankAuthorsByFollowers(spec) ? a.second.max_followers : static_cast<int64_t>(a.second.tweets);
    const auto y = RankAuthorsByFollowers(spec) ? b.second.max_followers : static_cast<int64_t>(b.second.tweets);
    return x != y ? x > y : a.first < b.first;
  };
  std::vector<Node> nodes;
  std::unordered_map<std::string, int> node_of_path;
  for (size_t depth = 0; depth < spec.levels.size(); ++depth) {
    auto& level = by_depth[depth];
    std::sort(level.begin(), level.end(), better);
    std::unordered_map<int, size_t> taken;  // per parent
    for (auto& [path, c] : level) {
      int parent = -1;
      std::string value = path;
      if (depth > 0) {
        const size_t cut = path.rfind(kSep);
        auto it = node_of_path.find(path.substr(0, cut));
        if (it == node_of_path.end()) continue;
        parent = it->second;
        value = path.substr(cut + 1);
      }
      if (taken[parent]++ >= keep) continue;
      node_of_path[path] = static_cast<int>(nodes.size());
      nodes.push_back({parent, depth, value, c.tweets, c.max_followers});
    }
  }

  // Pass two: full metrics of the paths shown. Tweet counts alone are
  // already exact from pass one, so they need no second pass.
  const MetricSet& m = spec.metrics;
  const bool counts_only = !m.authors && !m.kinds && !m.engagement && !m.sentiment && !spec.total_authors;
  std::vector<MetricsAccumulator> acc(nodes.size());
  MetricsAccumulator total;
  if (!counts_only) {
    std::vector<Pass2> measured(selected.segments.size());
    ParallelFor(measured.size(), spec.threads, [&](size_t k) {
      measured[k] = MeasureSegment(archive, selected.segments[k], spec, term_filter, nodes, cache);
    });
    for (auto& p : measured) {
      if (!p.status.ok()) return p.status;
      for (size_t n = 0; n < nodes.size(); ++n)
        if (p.nodes[n]) acc[n].Merge(std::move(*p.nodes[n]));
      total.Merge(std::move(p.total));
    }
  }
  // Assemble the tree (children after parents in `nodes`).
  std::vector<BreakdownItem> items(nodes.size());
  for (size_t n = 0; n < nodes.size(); ++n) {
    items[n].value = nodes[n].value;
    items[n].metrics = acc[n].Finish();
    if (counts_only) items[n].metrics.tweets = nodes[n].count;
  }
  for (size_t n = nodes.size(); n-- > 0;) {
    if (nodes[n].parent >= 0) items[static_cast<size_t>(nodes[n].parent)].children.push_back(std::move(items[n]));
  }
  for (size_t n = 0; n < nodes.size(); ++n)
    if (nodes[n].parent < 0) result.items.push_back(std::move(items[n]));
  SortAndCut(&result.items, RankAuthorsByFollowers(spec) ? RankBy::kReach : spec.rank_by, spec.limit);
  result.total = total.Finish();
  if (pruned) result.distinct = result.total.unique_authors;
  result.total.tweets = selected.count;
  return result;
}

}  // namespace roost::aggregate

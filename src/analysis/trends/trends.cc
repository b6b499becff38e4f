#include "analysis/trends/trends.h"

#include <algorithm>
#include <numeric>

#include "enrich/text/tokenizer.h"

namespace roost::trends {
namespace {

size_t Root(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Per column of a segment: dictionary id -> index into `terms`.
std::vector<std::vector<int32_t>> LocalIndex(const Dimensions& dims, SegmentScan& s, const std::vector<TermRef>& terms) {
  std::vector<std::vector<int32_t>> local(s.columns.size());
  for (size_t ci = 0; ci < s.columns.size(); ++ci) {
    const ColumnData& c = s.columns[ci];
    local[ci].assign(c.dict.size(), -1);
    for (size_t i = 0; i < terms.size(); ++i)
      if (dims.specs[terms[i].dim].column == c.column)
        if (auto id = c.dict.Find(terms[i].value)) local[ci][*id] = static_cast<int32_t>(i);
  }
  return local;
}

// Indices of `terms` that `row` holds, each once.
void RowTerms(SegmentScan& s, const std::vector<std::vector<int32_t>>& local, uint32_t row, std::vector<uint32_t>* out) {
  out->clear();
  for (size_t ci = 0; ci < s.columns.size(); ++ci)
    s.columns[ci].ForEach(row, [&](uint32_t id) {
      if (local[ci][id] >= 0) out->push_back(static_cast<uint32_t>(local[ci][id]));
    });
  if (out->size() > 1) {
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
  }
}

// (curve hour, author) pairs of one group.
using HourAuthors = std::vector<std::vector<std::pair<uint32_t, uint64_t>>>;

// Distinct values of *v (sorts it; they are then its first ones).
template <class T>
uint64_t CountDistinct(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  return static_cast<uint64_t>(std::unique(v->begin(), v->end()) - v->begin());
}

}  // namespace

bool IsTopical(std::string_view value) {
  static const text::Tokenizer tokenizer;
  std::vector<text::Token> tokens;
  tokenizer.Tokenize(value, &tokens);
  for (const auto& t : tokens)
    if (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kNumber ||
        t.kind == text::TokenKind::kHashtag || t.kind == text::TokenKind::kCashtag)
      return true;
  return false;
}

std::string DisplayTerm(const Dimensions& dims, const TermRef& t) {
  const std::string& n = dims.specs[t.dim].name;
  if (n == "hashtags") return "#" + t.value;
  if (n == "authors" || n == "mentions") return "@" + t.value;
  return t.value;
}

void ReadCurve(const std::vector<uint64_t>& curve, TimestampMs curve_from, TimestampMs* start, TimestampMs* peak,
               TimestampMs* end, uint64_t* peak_count, size_t peak_from, size_t peak_to) {
  peak_to = std::min(peak_to, curve.size());
  if (peak_from >= peak_to) {
    *start = *peak = *end = curve_from;
    *peak_count = 0;
    return;
  }
  const size_t p =
      static_cast<size_t>(std::max_element(curve.begin() + peak_from, curve.begin() + peak_to) - curve.begin());
  std::vector<uint64_t> sorted = curve;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const double level = static_cast<double>(sorted[sorted.size() / 2]);
  const double bar = level + 0.25 * (static_cast<double>(curve[p]) - level);
  size_t a = p, b = p;
  while (a > 0 && static_cast<double>(curve[a - 1]) > bar) --a;
  while (b + 1 < curve.size() && static_cast<double>(curve[b + 1]) > bar) ++b;
  *start = curve_from + static_cast<int64_t>(a) * kHourMs;
  *peak = curve_from + static_cast<int64_t>(p) * kHourMs;
  *end = curve_from + static_cast<int64_t>(b + 1) * kHourMs;
  *peak_count = curve[p];
}

Result<TrendResult> FindTrends(const storage::Archive& archive, const query::QueryResult& selected,
                               const Dimensions& dims, Window window, const TrendOptions& options,
                               aggregate::ColumnCache* cache) {
  TrendResult result;
  ROOST_ASSIGN_OR_RETURN(result.bursts, FindBursts(archive, selected, dims, window, options.bursts, cache));
  std::vector<Burst>& bursts = result.bursts.bursts;
  const size_t m = std::min(options.max_candidates, bursts.size());
  if (m == 0) return result;
  // Pass A covers every listed burst (their authors gate what is shown); the
  // first m also take part in grouping.
  std::vector<TermRef> terms;
  for (const auto& b : bursts) terms.push_back(b.term);
  const size_t n = terms.size();

  // Pass A: pairwise co-occurrence inside the window, and per value its
  // authors and source tweets.
  struct PartA {
    std::vector<uint32_t> co;                      // [m][m]
    std::vector<std::vector<uint64_t>> authors;    // [n]
    std::vector<std::vector<int64_t>> sources;     // [n]
  };
  std::vector<PartA> pa(selected.segments.size());
  ROOST_RETURN_IF_ERROR(ScanSegments(
      archive, selected, dims, {window}, options.bursts.threads, cache,
      [&](SegmentScan& s, const std::vector<uint32_t>& rows) -> Status {
        ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* reader,
                               archive.segment(selected.segments[s.task].segment));
        ROOST_ASSIGN_OR_RETURN(auto author_ids, cache->AuthorIds(*reader));
        ROOST_ASSIGN_OR_RETURN(auto ids, cache->IntColumn(*reader, "id"));
        ROOST_ASSIGN_OR_RETURN(auto rt_of, cache->IntColumn(*reader, "retweet_of"));
        auto local = LocalIndex(dims, s, terms);
        PartA& out = pa[s.task];
        out.co.assign(m * m, 0);
        out.authors.resize(n);
        out.sources.resize(n);
        std::vector<uint32_t> present;
        for (uint32_t r : rows) {
          RowTerms(s, local, r, &present);
          const int64_t source = (*rt_of)[r] != 0 ? (*rt_of)[r] : (*ids)[r];
          for (uint32_t a : present) {
            out.authors[a].push_back((*author_ids)[r]);
            out.sources[a].push_back(source);
            if (a >= m) continue;
            for (uint32_t b : present) {
              if (b >= m) break;  // `present` is sorted
              ++out.co[a * m + b];
            }
          }
        }
        return Status::Ok();
      }));
  std::vector<uint64_t> co(m * m, 0);
  {
    std::vector<std::vector<uint64_t>> authors(n);
    std::vector<std::vector<int64_t>> sources(n);
    for (auto& p : pa) {
      if (p.co.empty()) continue;
      for (size_t i = 0; i < p.co.size(); ++i) co[i] += p.co[i];
      for (size_t i = 0; i < n; ++i) {
        authors[i].insert(authors[i].end(), p.authors[i].begin(), p.authors[i].end());
        sources[i].insert(sources[i].end(), p.sources[i].begin(), p.sources[i].end());
      }
    }
    for (size_t i = 0; i < n; ++i) {
      bursts[i].authors = CountDistinct(&authors[i]);
      bursts[i].sources = CountDistinct(&sources[i]);
    }
  }
  std::vector<size_t> parent(m);
  std::iota(parent.begin(), parent.end(), 0);
  auto grouped = [&](size_t i) { return bursts[i].sources >= options.min_sources; };
  for (size_t a = 0; a < m; ++a)
    for (size_t b = a + 1; b < m; ++b) {
      if (!grouped(a) || !grouped(b)) continue;
      const double inter = static_cast<double>(co[a * m + b]);
      const double small = static_cast<double>(std::min(co[a * m + a], co[b * m + b]));
      if (small > 0 && inter / small >= options.min_overlap) parent[Root(parent, a)] = Root(parent, b);
    }
  // Groups in order of their strongest member (bursts are sorted by z); a
  // group needs a topical value (emoji-only moods ride on other trends).
  std::vector<bool> topical_root(m, false);
  for (size_t i = 0; i < m; ++i)
    if (grouped(i) && IsTopical(bursts[i].term.value)) topical_root[Root(parent, i)] = true;
  std::vector<int> group_of(m, -1);
  std::vector<size_t> root_group(m, SIZE_MAX);
  for (size_t i = 0; i < m; ++i) {
    const size_t r = Root(parent, i);
    if (!grouped(i) || !topical_root[r]) continue;
    if (root_group[r] == SIZE_MAX) {
      if (result.trends.size() >= std::min<size_t>(options.max_trends, 64)) continue;
      root_group[r] = result.trends.size();
      result.trends.emplace_back();
      result.trends.back().score = bursts[i].z;
    }
    group_of[i] = static_cast<int>(root_group[r]);
    result.trends[root_group[r]].terms.push_back(bursts[i]);
  }
  for (auto& t : result.trends) {
    // The strongest labelable hashtag, else the strongest labelable value.
    const Burst* label = nullptr;
    for (const auto& b : t.terms) {
      if (!IsTopical(b.term.value) || b.authors < options.label_min_authors) continue;
      if (label == nullptr) label = &b;
      if (dims.specs[b.term.dim].name == "hashtags") {
        label = &b;
        break;
      }
    }
    t.label = label != nullptr ? DisplayTerm(dims, label->term) : "";
  }
  terms.resize(m);

  // Pass B: hourly curves around the window and representative tweets.
  const size_t ng = result.trends.size();
  const Window curve{window.from - options.curve_margin_ms, window.to + options.curve_margin_ms};
  const size_t hours = static_cast<size_t>((curve.to - curve.from + kHourMs - 1) / kHourMs);
  struct Candidate {
    int shared = 0;
    int64_t retweets = 0;
    size_t task = 0;
    uint32_t row = 0;
  };
  struct PartB {
    std::vector<uint64_t> curves;  // [group][hour]
    std::vector<uint64_t> tweets;  // [group], inside the window
    std::vector<std::vector<uint64_t>> authors;  // [group], inside the window
    HourAuthors hour_authors;                    // [group], when counting authors
    std::vector<std::vector<Candidate>> best;
  };
  std::vector<PartB> pb(selected.segments.size());
  const size_t keep = options.top_tweets;
  ROOST_RETURN_IF_ERROR(ScanSegments(
      archive, selected, dims, {window}, options.bursts.threads, cache,
      [&](SegmentScan& s, const std::vector<uint32_t>& rows) -> Status {
        ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* reader,
                               archive.segment(selected.segments[s.task].segment));
        ROOST_ASSIGN_OR_RETURN(auto rt_of, cache->IntColumn(*reader, "retweet_of"));
        ROOST_ASSIGN_OR_RETURN(auto rt_count, cache->IntColumn(*reader, "retweet_count"));
        aggregate::ColumnCache::Authors author_ids;
        if (options.count_authors) {
          ROOST_ASSIGN_OR_RETURN(author_ids, cache->AuthorIds(*reader));
        }
        auto local = LocalIndex(dims, s, terms);
        PartB& out = pb[s.task];
        out.curves.assign(ng * hours, 0);
        out.tweets.assign(ng, 0);
        out.best.assign(ng, {});
        out.authors.assign(ng, {});
        out.hour_authors.assign(ng, {});
        std::vector<uint32_t> present;
        std::vector<int> shared(ng);
        for (uint32_t r : rows) {
          RowTerms(s, local, r, &present);
          if (present.empty()) continue;
          std::fill(shared.begin(), shared.end(), 0);
          for (uint32_t i : present)
            if (group_of[i] >= 0) ++shared[group_of[i]];
          const TimestampMs t = (*s.times)[r];
          const size_t h = static_cast<size_t>((t - curve.from) / kHourMs);
          const bool inside = t >= window.from && t < window.to;
          for (size_t g = 0; g < ng; ++g) {
            if (shared[g] == 0) continue;
            ++out.curves[g * hours + h];
            if (!inside) continue;
            ++out.tweets[g];
            if (author_ids) {
              out.authors[g].push_back((*author_ids)[r]);
              out.hour_authors[g].push_back({static_cast<uint32_t>(h), (*author_ids)[r]});
            }
            if ((*rt_of)[r] != 0 || keep == 0) continue;  // originals only
            Candidate c{shared[g], (*rt_count)[r], s.task, r};
            auto& best = out.best[g];
            auto better = [](const Candidate& a, const Candidate& b) {
              return a.shared != b.shared ? a.shared > b.shared : a.retweets > b.retweets;
            };
            if (best.size() < keep || better(c, best.back())) {
              best.push_back(c);
              std::sort(best.begin(), best.end(), better);
              if (best.size() > keep) best.pop_back();
            }
          }
        }
        return Status::Ok();
      }));
  // The curve's hours outside the window, from the postings of the groups'
  // values: no value list of the neighbouring days is decoded.
  std::vector<Window> margins;
  if (curve.from < window.from) margins.push_back({curve.from, window.from});
  if (window.to < curve.to) margins.push_back({window.to, curve.to});
  std::vector<std::vector<uint64_t>> margin_curves(selected.segments.size());
  std::vector<HourAuthors> margin_authors(selected.segments.size());
  if (ng > 0 && !margins.empty())
    ROOST_RETURN_IF_ERROR(ScanPostings(archive, selected, margins, options.bursts.threads, cache,
                                       [&](PostingScan& s) -> Status {
      ROOST_ASSIGN_OR_RETURN(auto times, cache->IntColumn(*s.reader, "created_at"));
      aggregate::ColumnCache::Authors author_ids;
      if (options.count_authors) {
        ROOST_ASSIGN_OR_RETURN(author_ids, cache->AuthorIds(*s.reader));
      }
      auto& out = margin_curves[s.task];
      out.assign(ng * hours, 0);
      margin_authors[s.task].assign(ng, {});
      storage::Bitmap rows;
      for (const auto& r : s.rows) rows.OrWith(r);
      for (size_t g = 0; g < ng; ++g) {
        storage::Bitmap holding;
        for (size_t i = 0; i < m; ++i) {
          if (group_of[i] != static_cast<int>(g)) continue;
          ROOST_ASSIGN_OR_RETURN(const storage::Bitmap posting, s.Posting(dims, terms[i]));
          holding.OrWith(posting);
        }
        holding.AndWith(rows);
        for (const uint32_t r : holding.ToVector()) {
          const size_t h = static_cast<size_t>(((*times)[r] - curve.from) / kHourMs);
          ++out[g * hours + h];
          if (author_ids) margin_authors[s.task][g].push_back({static_cast<uint32_t>(h), (*author_ids)[r]});
        }
      }
      return Status::Ok();
    }));
  std::vector<std::vector<Candidate>> best(ng);
  std::vector<std::vector<uint64_t>> authors(ng);
  HourAuthors hour_authors(ng);
  for (const auto& p : margin_authors)
    for (size_t g = 0; g < p.size(); ++g) hour_authors[g].insert(hour_authors[g].end(), p[g].begin(), p[g].end());
  for (auto& t : result.trends) t.curve.assign(hours, 0);
  for (const auto& c : margin_curves)
    for (size_t i = 0; i < c.size(); ++i) result.trends[i / hours].curve[i % hours] += c[i];
  for (const auto& p : pb) {
    if (p.curves.empty()) continue;
    for (size_t g = 0; g < ng; ++g) {
      for (size_t h = 0; h < hours; ++h) result.trends[g].curve[h] += p.curves[g * hours + h];
      result.trends[g].tweets += p.tweets[g];
      best[g].insert(best[g].end(), p.best[g].begin(), p.best[g].end());
      authors[g].insert(authors[g].end(), p.authors[g].begin(), p.authors[g].end());
      hour_authors[g].insert(hour_authors[g].end(), p.hour_authors[g].begin(), p.hour_authors[g].end());
    }
  }
  for (size_t g = 0; g < ng; ++g) {
    Trend& t = result.trends[g];
    t.authors = CountDistinct(&authors[g]);
    if (options.count_authors) {
      // Unique authors per curve hour: the privacy gate's bucket rule.
      t.curve_authors.assign(hours, 0);
      const uint64_t n_pairs = CountDistinct(&hour_authors[g]);
      for (uint64_t k = 0; k < n_pairs; ++k) ++t.curve_authors[hour_authors[g][k].first];
    }
    t.curve_from = curve.from;
    // The peak lies in the window (the trend is the window's); the margins
    // only extend its start and end.
    const size_t in_from = static_cast<size_t>((window.from - curve.from) / kHourMs);
    const size_t in_to = static_cast<size_t>((window.to - curve.from + kHourMs - 1) / kHourMs);
    ReadCurve(t.curve, t.curve_from, &t.start, &t.peak, &t.end, &t.peak_count, in_from, in_to);
    if (t.terms.size() > options.max_terms) t.terms.resize(options.max_terms);
    std::sort(best[g].begin(), best[g].end(), [](const Candidate& a, const Candidate& b) {
      return a.shared != b.shared ? a.shared > b.shared : a.retweets > b.retweets;
    });
    if (best[g].size() > keep) best[g].resize(keep);
    for (const auto& c : best[g]) {
      const size_t seg = selected.segments[c.task].segment;
      ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* reader, archive.segment(seg));
      ROOST_ASSIGN_OR_RETURN(auto ids, cache->IntColumn(*reader, "id"));
      ROOST_ASSIGN_OR_RETURN(auto times, cache->IntColumn(*reader, "created_at"));
      ShownTweet st{(*ids)[c.row], (*times)[c.row], "", "", c.retweets};
      storage::Bitmap one;
      one.Add(c.row);
      ROOST_RETURN_IF_ERROR(reader->ScanStrings("text", one, [&](uint32_t first, const std::vector<std::string_view>& v) {
        st.text = std::string(v[c.row - first]);
        return Status::Ok();
      }));
      ROOST_ASSIGN_OR_RETURN(auto handles, cache->DimIds(*reader, "handle"));
      ROOST_ASSIGN_OR_RETURN(auto dict, reader->Dictionary("handle"));
      st.handle = std::string(dict.value((*handles)[c.row]));
      t.top_tweets.push_back(std::move(st));
    }
  }
  return result;
}

}  // namespace roost::trends

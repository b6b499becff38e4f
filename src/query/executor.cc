#include "query/executor.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <map>
#include <optional>
#include <mutex>
#include <thread>

#include "query/matcher.h"
#include "storage/segment_format.h"

namespace roost::query {
namespace {

using storage::Bitmap;
using storage::SegmentReader;

void CollectPreds(const Node& n, std::vector<const Node*>* out) {
  out->resize(std::max<size_t>(out->size(), static_cast<size_t>(n.id) + 1));
  (*out)[static_cast<size_t>(n.id)] = &n;
  for (const auto& c : n.children) CollectPreds(*c, out);
}

template <typename Fn>
Bitmap Filter(const Bitmap& domain, Fn&& keep) {
  Bitmap out;
  roaring_uint32_iterator_t* it = roaring_create_iterator(domain.raw());
  std::vector<uint32_t> buf(4096);
  while (true) {
    const uint32_t n = roaring_read_uint32_iterator(it, buf.data(), static_cast<uint32_t>(buf.size()));
    if (n == 0) break;
    for (uint32_t i = 0; i < n; ++i)
      if (keep(buf[i])) out.Add(buf[i]);
  }
  roaring_free_uint32_iterator(it);
  return out;
}

bool IsGeoTarget(const TargetInfo& t) {
  return t.kind == TargetKind::kGeo || storage::IsGeoDim(t.column);
}

// Cheap-first order for AND children: indexed lookups shrink the rows the
// scans then have to read.
int Cost(const Node& n) {
  if (n.kind != Node::kPred) return 2;
  const TargetKind k = n.pred.target->kind;
  if (k == TargetKind::kDim || k == TargetKind::kMultiDim) return n.pred.op == Op::kEq || n.pred.op == Op::kIn ? 0 : 1;
  if (k == TargetKind::kText) {
    switch (n.pred.op) {
      case Op::kContains: case Op::kContainsAny: case Op::kContainsAll: case Op::kContainsNear: return 0;
      case Op::kWildcard: return 1;
      case Op::kRegexPartial: case Op::kRegexExact: return 4;
      default: return 3;
    }
  }
  if (k == TargetKind::kString) return 3;
  return 2;
}

// A query with its predicates compiled (by Node::id), shared by all threads.
struct Compiled {
  const Query* query = nullptr;
  std::vector<std::unique_ptr<Matcher>> matchers;
};

Result<Compiled> Compile(const Query& q) {
  if (!q.root) return Status::InvalidArgument("empty query");
  Compiled c;
  c.query = &q;
  std::vector<const Node*> nodes;
  CollectPreds(*q.root, &nodes);
  c.matchers.resize(nodes.size());
  for (const Node* n : nodes)
    if (n != nullptr && n->kind == Node::kPred) {
      ROOST_ASSIGN_OR_RETURN(c.matchers[static_cast<size_t>(n->id)], Matcher::Compile(n->pred));
    }
  return c;
}

// Evaluates trees on one segment. Columns read for one tree are kept for the
// next, so several queries over a segment (tags) decode each column once.
class SegmentRun {
 public:
  SegmentRun(const storage::Archive& archive, size_t index, const SegmentReader& reader, PostingCache* postings,
             const Deadline& deadline)
      : archive_(archive), index_(index), r_(reader), postings_(postings), deadline_(deadline) {}

  Result<Bitmap> Run(const Compiled& c, const Bitmap& domain, std::vector<NodeStats>* stats) {
    matchers_ = &c.matchers;
    stats_ = stats;
    return Eval(*c.query->root, domain);
  }

 private:
  Result<Bitmap> Eval(const Node& n, const Bitmap& domain) {
    NodeStats& st = (*stats_)[static_cast<size_t>(n.id)];
    st.rows_in += domain.Cardinality();
    Bitmap out;
    switch (n.kind) {
      case Node::kAnd: {
        std::vector<const Node*> order;
        for (const auto& c : n.children) order.push_back(c.get());
        std::stable_sort(order.begin(), order.end(), [](const Node* a, const Node* b) { return Cost(*a) < Cost(*b); });
        out = domain.Copy();
        for (const Node* c : order) {
          if (out.Empty()) break;
          ROOST_ASSIGN_OR_RETURN(out, Eval(*c, out));
        }
        break;
      }
      case Node::kOr: {
        Bitmap rest = domain.Copy();
        for (const auto& c : n.children) {
          if (rest.Empty()) break;
          ROOST_ASSIGN_OR_RETURN(Bitmap m, Eval(*c, rest));
          rest.AndNotWith(m);
          out.OrWith(m);
        }
        break;
      }
      case Node::kNot: {
        ROOST_ASSIGN_OR_RETURN(Bitmap m, Eval(*n.children[0], domain));
        out = domain.Copy();
        out.AndNotWith(m);
        break;
      }
      case Node::kPred: {
        const Matcher& m = *(*matchers_)[static_cast<size_t>(n.id)];
        if (IsGeoTarget(*n.pred.target)) {
          ROOST_ASSIGN_OR_RETURN(Bitmap scrubbed, archive_.GeoScrubbedRows(index_));
          Bitmap d = domain.Copy();
          d.AndNotWith(scrubbed);
          ROOST_ASSIGN_OR_RETURN(out, EvalPred(m, d, &st.indexed));
        } else {
          ROOST_ASSIGN_OR_RETURN(out, EvalPred(m, domain, &st.indexed));
        }
        break;
      }
    }
    st.rows_out += out.Cardinality();
    return out;
  }

  Result<const std::vector<int64_t>*> Ints(const std::string& col) {
    auto it = ints_.find(col);
    if (it == ints_.end()) {
      ROOST_ASSIGN_OR_RETURN(auto v, r_.ReadInts(col));
      it = ints_.emplace(col, std::move(v)).first;
    }
    return &it->second;
  }
  Result<const std::vector<double>*> Doubles(const std::string& col) {
    auto it = doubles_.find(col);
    if (it == doubles_.end()) {
      ROOST_ASSIGN_OR_RETURN(auto v, r_.ReadDoubles(col));
      it = doubles_.emplace(col, std::move(v)).first;
    }
    return &it->second;
  }
  // Rows holding one dictionary value, through the posting cache if any.
  Result<PostingCache::Rows> ValueRows(const std::string& column, uint32_t id) {
    if (postings_ != nullptr) return postings_->ValueRows(r_, column, id);
    ROOST_ASSIGN_OR_RETURN(Bitmap b, r_.ValueBitmap(column, id));
    return std::make_shared<const Bitmap>(std::move(b));
  }
  Result<PostingCache::Rows> Lookup(const std::string& column, std::string_view value) {
    if (postings_ != nullptr) return postings_->Lookup(r_, column, value);
    ROOST_ASSIGN_OR_RETURN(Bitmap b, r_.Lookup(column, value));
    return std::make_shared<const Bitmap>(std::move(b));
  }

  // Rows of the terms index holding every term of `terms`.
  Result<Bitmap> AllTerms(const std::vector<std::string>& terms, const Bitmap& domain) {
    Bitmap out = domain.Copy();
    for (const auto& t : terms) {
      ROOST_ASSIGN_OR_RETURN(PostingCache::Rows b, Lookup("terms", t));
      if (UnfoldedSegment() && IsWordTerm(t)) {
        // Written before possessives were dropped: "plane's" is a term of its own.
        ROOST_ASSIGN_OR_RETURN(PostingCache::Rows p, Lookup("terms", t + "'s"));
        Bitmap both = b->Copy();
        both.OrWith(*p);
        out.AndWith(both);
      } else {
        out.AndWith(*b);
      }
      if (out.Empty()) break;
    }
    return out;
  }

  // A segment written before format version 3 folded dimension values as
  // ASCII only and kept possessives in its terms; queries meet it halfway.
  bool UnfoldedSegment() const { return r_.format_version() < storage::kUnicodeFoldVersion; }
  static bool IsWordTerm(std::string_view t) {
    return !t.empty() && t[0] != '#' && t[0] != '@' && t[0] != '$' && t.find(' ') == std::string_view::npos;
  }
  static bool IsAscii(std::string_view s) {
    for (char c : s)
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
  }

  // Union of postings of the dictionary values of `column` that `keep` accepts.
  template <typename Fn>
  Result<Bitmap> DictScan(const std::string& column, Fn&& keep) {
    ROOST_ASSIGN_OR_RETURN(storage::DictionaryView dict, r_.Dictionary(column));
    std::vector<uint32_t> ids;
    for (uint32_t id = 0; id < dict.size(); ++id) {
      if (id % 16384 == 16383) ROOST_RETURN_IF_ERROR(deadline_.Check());  // a regex over a large dictionary
      if (keep(dict.value(id))) ids.push_back(id);
    }
    Bitmap out;
    for (uint32_t id : ids) {
      ROOST_ASSIGN_OR_RETURN(PostingCache::Rows b, ValueRows(column, id));
      out.OrWith(*b);
    }
    return out;
  }

  // Rows of `domain` whose `col` value `m` accepts. Only granules holding a
  // domain row are decompressed, and values are never copied. With required
  // literals (regex), one literal is searched across the whole granule at
  // once, and only rows holding every literal reach RE2.
  Result<Bitmap> ScanStrings(const std::string& col, const Matcher& m, const Bitmap& domain) {
    Bitmap out;
    const std::vector<std::string>& lits = m.required_literals();
    ROOST_RETURN_IF_ERROR(r_.ScanStrings(
        col, domain, [&](uint32_t first, const std::vector<std::string_view>& v) -> Status {
          ROOST_RETURN_IF_ERROR(deadline_.Check());
          const char* pos = v.front().data();
          const char* end = v.back().data() + v.back().size();
          const Needle needle = PickNeedle(lits, std::string_view(pos, static_cast<size_t>(end - pos)));
          if (needle.literal == nullptr) {
            Bitmap part = Bitmap::Range(first, first + static_cast<uint32_t>(v.size()));
            part.AndWith(domain);
            out.OrWith(Filter(part, [&](uint32_t row) { return m.MatchString(v[row - first]); }));
            return Status::Ok();
          }
          const std::string& key = *needle.literal;
          const size_t at = needle.anchor;
          size_t k = 0;
          while (pos < end) {
            // Find the literal's rarest byte, then compare the whole literal.
            const char* b = static_cast<const char*>(std::memchr(pos + at, key[at], static_cast<size_t>(end - pos) - std::min(at, static_cast<size_t>(end - pos))));
            if (b == nullptr) break;
            const char* hit = b - at;
            if (hit + key.size() > end || std::memcmp(hit, key.data(), key.size()) != 0) {
              pos = hit + 1;
              continue;
            }
            // The row holding the hit: the last one starting at or before it.
            k = static_cast<size_t>(std::upper_bound(v.begin() + static_cast<std::ptrdiff_t>(k), v.end(), hit,
                                                     [](const char* h, std::string_view s) { return h < s.data(); }) -
                                    v.begin()) - 1;
            const std::string_view s = v[k];
            if (hit + key.size() > s.data() + s.size()) {  // spans two rows: not a hit
              pos = hit + 1;
              continue;
            }
            const uint32_t row = first + static_cast<uint32_t>(k);
            if (domain.Contains(row) &&
                std::all_of(lits.begin(), lits.end(), [&](const std::string& l) { return s.find(l) != s.npos; }) &&
                m.MatchString(s))
              out.Add(row);
            pos = s.data() + s.size();
          }
          return Status::Ok();
        }));
    return out;
  }

  struct Needle {
    const std::string* literal = nullptr;
    size_t anchor = 0;  // index of the byte memchr looks for
  };
  // The literal (of at least 2 bytes: a 1-byte one stops on most rows) and
  // the byte of it that is rarest in a sample of this granule.
  static Needle PickNeedle(const std::vector<std::string>& lits, std::string_view granule) {
    Needle best;
    if (lits.empty()) return best;
    uint32_t freq[256] = {};
    for (unsigned char c : granule.substr(0, 65536)) ++freq[c];
    uint32_t best_freq = UINT32_MAX;
    for (const std::string& l : lits) {
      if (l.size() < 2) continue;
      for (size_t i = 0; i < l.size(); ++i) {
        const uint32_t f = freq[static_cast<unsigned char>(l[i])];
        if (f < best_freq || (f == best_freq && best.literal && l.size() > best.literal->size()))
          best_freq = f, best.literal = &l, best.anchor = i;
      }
    }
    return best;
  }

  Result<Bitmap> EvalText(const Matcher& m, const Bitmap& domain, bool* indexed) {
    const Predicate& p = m.pred();
    switch (p.op) {
      case Op::kContains: case Op::kContainsAny: case Op::kContainsAll: case Op::kContainsNear: {
        if (m.lookups().empty()) return Bitmap();  // nothing word-like to look for
        *indexed = true;
        Bitmap cand;
        bool exact = !p.cs && p.op != Op::kContainsNear;
        if (p.op == Op::kContainsAny) {
          for (const auto& ph : m.lookups()) {
            ROOST_ASSIGN_OR_RETURN(Bitmap b, AllTerms(ph, domain));
            cand.OrWith(b);
            exact = exact && ph.size() == 1;
          }
        } else {
          std::vector<std::string> all;
          for (const auto& ph : m.lookups()) {
            all.insert(all.end(), ph.begin(), ph.end());
            exact = exact && ph.size() == 1;
          }
          ROOST_ASSIGN_OR_RETURN(cand, AllTerms(all, domain));
        }
        if (exact || cand.Empty()) return cand;
        return ScanStrings("text", m, cand);
      }
      case Op::kWildcard:
        if (!p.cs && p.value.find(' ') == std::string::npos) {
          *indexed = true;
          const std::string pattern = m.strings()[0];
          ROOST_ASSIGN_OR_RETURN(Bitmap b, DictScan("terms", [&](std::string_view term) {
                                   return term.find(' ') == std::string_view::npos && WildcardMatch(pattern, term);
                                 }));
          b.AndWith(domain);
          return b;
        }
        return ScanStrings("text", m, domain);
      default:
        return ScanStrings("text", m, domain);
    }
  }

  Result<Bitmap> EvalDim(const Matcher& m, const Bitmap& domain, bool* indexed) {
    const Predicate& p = m.pred();
    const TargetInfo& t = *p.target;
    const std::string col = t.column;
    *indexed = true;
    const bool lookup = !p.cs && (t.norm != Norm::kNone || col == "user");
    if (p.op == Op::kExists) {
      *indexed = false;
      if (t.kind == TargetKind::kMultiDim) {
        ROOST_ASSIGN_OR_RETURN(storage::IdLists lists, r_.ReadDimIdLists(col));
        return Filter(domain, [&](uint32_t row) { return lists.start[row + 1] > lists.start[row]; });
      }
      ROOST_ASSIGN_OR_RETURN(storage::DictionaryView dict, r_.Dictionary(col));
      ROOST_ASSIGN_OR_RETURN(std::vector<uint32_t> ids, r_.ReadDimIds(col));
      return Filter(domain, [&](uint32_t row) { return !dict.value(ids[row]).empty(); });
    }
    Bitmap out;
    if (lookup && (p.op == Op::kEq || p.op == Op::kIn || p.op == Op::kNe)) {
      const auto values = p.op == Op::kIn ? SplitList(p.value) : std::vector<std::string>{p.value};
      for (const auto& v : values) {
        const std::string key = NormalizeValue(t, v);
        ROOST_ASSIGN_OR_RETURN(PostingCache::Rows b, Lookup(col, key));
        out.OrWith(*b);
        if (t.norm == Norm::kLower && UnfoldedSegment() && !IsAscii(key)) {
          // Older segments hold "espaÑa" beside "españa": fold each
          // non-ASCII dictionary value and compare.
          ROOST_ASSIGN_OR_RETURN(Bitmap old, DictScan(col, [&](std::string_view d) {
                                   return !IsAscii(d) && storage::FoldDimValue(d) == key;
                                 }));
          out.OrWith(old);
        }
      }
    } else {
      const bool ne = p.op == Op::kNe;
      ROOST_ASSIGN_OR_RETURN(out, DictScan(col, [&](std::string_view v) {
                               // != is "not ==": scan for == and invert below.
                               return ne ? !m.MatchString(v) : m.MatchString(v);
                             }));
    }
    if (p.op == Op::kNe) {
      Bitmap d = domain.Copy();
      d.AndNotWith(out);
      return d;
    }
    out.AndWith(domain);
    return out;
  }

  Result<Bitmap> EvalPred(const Matcher& m, const Bitmap& domain, bool* indexed) {
    const Predicate& p = m.pred();
    const TargetInfo& t = *p.target;
    switch (t.kind) {
      case TargetKind::kText:
        return EvalText(m, domain, indexed);
      case TargetKind::kString:
        return ScanStrings(t.column, m, domain);
      case TargetKind::kDim:
      case TargetKind::kMultiDim:
        return EvalDim(m, domain, indexed);
      case TargetKind::kInt:
      case TargetKind::kTime:
      case TargetKind::kBool: {
        ROOST_ASSIGN_OR_RETURN(const std::vector<int64_t>* v, Ints(t.column));
        const bool boolean = t.kind == TargetKind::kBool;
        return Filter(domain, [&](uint32_t row) {
          const int64_t x = (*v)[row];
          return m.MatchNumber(boolean ? (x != 0 ? 1.0 : 0.0) : static_cast<double>(x));
        });
      }
      case TargetKind::kFloat: {
        ROOST_ASSIGN_OR_RETURN(const std::vector<int64_t>* v, Ints(t.column));
        ROOST_ASSIGN_OR_RETURN(const std::vector<int64_t>* scored, Ints("sentiment_scored"));
        return Filter(domain, [&](uint32_t row) {
          if ((*scored)[row] == 0) return false;  // no lexicon for the language: no score
          if (p.op == Op::kExists) return true;
          return m.MatchNumber(std::bit_cast<float>(static_cast<uint32_t>((*v)[row])));
        });
      }
      case TargetKind::kGeo: {
        ROOST_ASSIGN_OR_RETURN(const std::vector<int64_t>* has, Ints("has_coordinates"));
        ROOST_ASSIGN_OR_RETURN(const std::vector<int64_t>* has_box, Ints("place_has_box"));
        ROOST_ASSIGN_OR_RETURN(const std::vector<double>* lon, Doubles("longitude"));
        ROOST_ASSIGN_OR_RETURN(const std::vector<double>* lat, Doubles("latitude"));
        ROOST_ASSIGN_OR_RETURN(const std::vector<double>* x0, Doubles("place_min_lon"));
        ROOST_ASSIGN_OR_RETURN(const std::vector<double>* y0, Doubles("place_min_lat"));
        ROOST_ASSIGN_OR_RETURN(const std::vector<double>* x1, Doubles("place_max_lon"));
        ROOST_ASSIGN_OR_RETURN(const std::vector<double>* y1, Doubles("place_max_lat"));
        return Filter(domain, [&](uint32_t row) {
          // The exact point, else the centre of the place's bounding box.
          if ((*has)[row]) return m.MatchPoint((*lat)[row], (*lon)[row]);
          if ((*has_box)[row]) return m.MatchPoint(((*y0)[row] + (*y1)[row]) / 2, ((*x0)[row] + (*x1)[row]) / 2);
          return false;
        });
      }
    }
    return Status::Internal("unhandled target kind");
  }

  const storage::Archive& archive_;
  size_t index_;
  const SegmentReader& r_;
  PostingCache* postings_;
  const Deadline& deadline_;
  const std::vector<std::unique_ptr<Matcher>>* matchers_ = nullptr;
  std::vector<NodeStats>* stats_ = nullptr;
  std::map<std::string, std::vector<int64_t>> ints_;
  std::map<std::string, std::vector<double>> doubles_;
};

struct SegmentOutcome {
  Status status;
  std::vector<std::optional<Bitmap>> rows;  // by query
  uint64_t visible = 0, in_range = 0;
  std::vector<std::vector<NodeStats>> stats;  // by query, then node id
};

SegmentOutcome RunSegment(const storage::Archive& archive, size_t i, const std::vector<Compiled>& filters,
                          const std::vector<const Compiled*>& queries, const ExecOptions& o) {
  SegmentOutcome out;
  out.rows.resize(queries.size());
  out.stats.resize(queries.size());
  auto fail = [&](Status s) {
    out.status = std::move(s);
    return std::move(out);
  };
  if (Status late = o.deadline.Check(); !late.ok()) return fail(std::move(late));
  auto reader = archive.segment(i);
  if (!reader.ok()) return fail(reader.status());
  const SegmentReader& r = **reader;
  auto visible = archive.VisibleRows(i);
  if (!visible.ok()) return fail(visible.status());
  Bitmap domain = std::move(visible).value();
  out.visible = domain.Cardinality();
  const storage::SegmentEntry& e = archive.entry(i);
  if (e.meta.min_time < o.from || e.meta.max_time >= o.to) {
    // Rows are sorted by created_at: the range is one run of rows.
    auto times = r.ReadInts("created_at");
    if (!times.ok()) return fail(times.status());
    const auto& t = *times;
    const auto lo = std::lower_bound(t.begin(), t.end(), o.from) - t.begin();
    const auto hi = std::lower_bound(t.begin(), t.end(), o.to) - t.begin();
    domain.AndWith(Bitmap::Range(static_cast<uint32_t>(lo), static_cast<uint32_t>(hi)));
  }
  out.in_range = domain.Cardinality();
  SegmentRun run(archive, i, r, o.postings, o.deadline);
  for (const Compiled& f : filters) {
    if (domain.Empty()) break;
    std::vector<NodeStats> ignored(static_cast<size_t>(f.query->node_count));
    auto rows = run.Run(f, domain, &ignored);
    if (!rows.ok()) return fail(rows.status());
    domain = std::move(rows).value();
  }
  for (size_t q = 0; q < queries.size(); ++q) {
    if (queries[q] == nullptr) {
      out.rows[q] = domain.Copy();
      continue;
    }
    out.stats[q].resize(static_cast<size_t>(queries[q]->query->node_count));
    auto rows = run.Run(*queries[q], domain, &out.stats[q]);
    if (!rows.ok()) return fail(rows.status());
    out.rows[q] = std::move(rows).value();
  }
  return out;
}

}  // namespace

Result<Bitmap> MatchSegmentRows(const storage::Archive& archive, size_t segment, const Query& query) {
  ROOST_ASSIGN_OR_RETURN(Compiled compiled, Compile(query));
  ROOST_ASSIGN_OR_RETURN(const SegmentReader* reader, archive.segment(segment));
  const Deadline none;
  SegmentRun run(archive, segment, *reader, nullptr, none);
  std::vector<NodeStats> ignored(static_cast<size_t>(query.node_count));
  return run.Run(compiled, Bitmap::Range(0, static_cast<uint32_t>(archive.entry(segment).meta.rows)), &ignored);
}

Result<std::vector<QueryResult>> ExecuteMany(const storage::Archive& archive, const std::vector<const Query*>& filters,
                                             const std::vector<const Query*>& queries, const ExecOptions& options) {
  std::vector<Compiled> compiled_filters;
  for (const Query* f : filters) {
    if (f == nullptr) continue;
    ROOST_ASSIGN_OR_RETURN(Compiled c, Compile(*f));
    compiled_filters.push_back(std::move(c));
  }
  std::vector<Compiled> compiled(queries.size());
  std::vector<const Compiled*> by_query(queries.size(), nullptr);
  for (size_t q = 0; q < queries.size(); ++q) {
    if (queries[q] == nullptr) continue;
    ROOST_ASSIGN_OR_RETURN(compiled[q], Compile(*queries[q]));
    by_query[q] = &compiled[q];
  }

  QueryResult shared;
  shared.segments_total = archive.segment_count();
  for (size_t i = 0; i < archive.segment_count(); ++i) shared.rows_total += archive.entry(i).meta.rows;
  const std::vector<size_t> segs = archive.SegmentsOverlapping(options.from, options.to);
  shared.segments_in_range = segs.size();
  for (size_t i : segs) shared.rows_in_segments += archive.entry(i).meta.rows;

  std::vector<SegmentOutcome> outcomes(segs.size());
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t k = next++; k < segs.size(); k = next++)
      outcomes[k] = RunSegment(archive, segs[k], compiled_filters, by_query, options);
  };
  size_t threads = options.threads > 0 ? static_cast<size_t>(options.threads) : std::thread::hardware_concurrency();
  threads = std::clamp<size_t>(threads, 1, std::max<size_t>(1, segs.size()));
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& th : pool) th.join();
  }
  for (const SegmentOutcome& o : outcomes) {
    if (!o.status.ok()) return o.status;
    shared.rows_visible += o.visible;
    shared.rows_in_range += o.in_range;
  }
  std::vector<QueryResult> results(queries.size());
  for (size_t q = 0; q < queries.size(); ++q) {
    QueryResult& result = results[q];
    result.segments_total = shared.segments_total;
    result.segments_in_range = shared.segments_in_range;
    result.rows_total = shared.rows_total;
    result.rows_in_segments = shared.rows_in_segments;
    result.rows_visible = shared.rows_visible;
    result.rows_in_range = shared.rows_in_range;
    if (queries[q] != nullptr) result.nodes.resize(static_cast<size_t>(queries[q]->node_count));
    for (size_t k = 0; k < segs.size(); ++k) {
      SegmentOutcome& o = outcomes[k];
      for (size_t n = 0; n < o.stats[q].size(); ++n) {
        result.nodes[n].rows_in += o.stats[q][n].rows_in;
        result.nodes[n].rows_out += o.stats[q][n].rows_out;
        result.nodes[n].indexed = result.nodes[n].indexed || o.stats[q][n].indexed;
      }
      if (!o.rows[q]) continue;
      const uint64_t c = o.rows[q]->Cardinality();
      result.count += c;
      if (c) result.segments.push_back({segs[k], std::move(*o.rows[q])});
    }
  }
  return results;
}

Result<QueryResult> Execute(const storage::Archive& archive, const Query& query, const ExecOptions& options) {
  if (!query.root) return Status::InvalidArgument("empty query");
  ROOST_ASSIGN_OR_RETURN(std::vector<QueryResult> r, ExecuteMany(archive, {}, {&query}, options));
  return std::move(r[0]);
}

}  // namespace roost::query

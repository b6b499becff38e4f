#include "query/matcher.h"

#include <algorithm>
#include <cmath>

#include "enrich/text/analyzer.h"
#include "enrich/text/fold.h"
#include "enrich/text/tokenizer.h"
#include "query/regex_literals.h"

namespace roost::query {

std::string FoldForMatch(std::string_view s, bool cs) { return cs ? std::string(s) : text::Fold(s); }

void MatchTokens(std::string_view s, bool cs, std::vector<std::string>* out) {
  static const text::Tokenizer tokenizer;
  thread_local std::vector<text::Token> toks;
  toks.clear();
  tokenizer.Tokenize(s, &toks);
  out->clear();
  for (const text::Token& t : toks) {
    if (t.kind == text::TokenKind::kUrl) continue;
    const std::string_view raw = t.In(s);
    if (cs) {
      out->emplace_back(raw);
      continue;
    }
    // The term form the analyzer stores (analyzer.cc), so the index agrees.
    std::string form;
    switch (t.kind) {
      case text::TokenKind::kEmoji: text::AppendEmojiTerm(raw, &form); break;
      case text::TokenKind::kEmoticon: text::AppendEmoticonTerm(raw, &form); break;
      case text::TokenKind::kNumber: form = raw; break;
      default: text::FoldAppend(raw, &form);
    }
    if (!form.empty()) out->push_back(std::move(form));
  }
}

std::string NormalizeUrl(std::string_view url) {
  std::string u(url);
  if (const size_t hash = u.find('#'); hash != std::string::npos) u.resize(hash);
  size_t host_start = 0;
  if (const size_t scheme = u.find("://"); scheme != std::string::npos) host_start = scheme + 3;
  else u = "http://" + u, host_start = 7;
  size_t host_end = u.find('/', host_start);
  if (host_end == std::string::npos) host_end = u.size();
  for (size_t i = 0; i < host_end; ++i) u[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(u[i])));
  if (u.compare(0, 5, "https") == 0) u.erase(4, 1), host_start -= 1, host_end -= 1;  // https == http
  if (u.compare(host_start, 4, "www.") == 0) u.erase(host_start, 4), host_end -= 4;
  for (const char* port : {":80", ":443"}) {
    const size_t n = std::char_traits<char>::length(port);
    if (host_end >= n && u.compare(host_end - n, n, port) == 0) u.erase(host_end - n, n), host_end -= n;
  }
  while (u.size() > host_end && u.back() == '/') u.pop_back();
  return u;
}

bool WildcardMatch(std::string_view p, std::string_view s) {
  size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
      ++pi, ++si;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++, mark = si;
    } else if (star != std::string_view::npos) {
      pi = star + 1, si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

Result<std::unique_ptr<Matcher>> Matcher::Compile(const Predicate& p) {
  std::unique_ptr<Matcher> m(new Matcher(p));
  std::string why;
  auto bad = [&]() { return Status::InvalidArgument("line " + std::to_string(p.line) + ", column " +
                                                    std::to_string(p.column) + ": " + why); };
  const TargetKind k = p.target->kind;
  const bool numeric = k == TargetKind::kInt || k == TargetKind::kTime || k == TargetKind::kFloat ||
                       k == TargetKind::kBool;
  switch (p.op) {
    case Op::kContains:
    case Op::kContainsAny:
    case Op::kContainsAll:
    case Op::kContainsNear: {
      std::vector<std::string> items{p.value};
      if (p.op == Op::kContainsAny || p.op == Op::kContainsAll) items = SplitList(p.value);
      if (p.op == Op::kContainsNear) {
        NearSpec n;
        if (!ParseNear(p.value, &n, &why)) return bad();
        items = n.words;
        m->span_ = n.span;
      }
      for (const auto& item : items) {
        std::vector<std::string> toks, terms;
        MatchTokens(item, p.cs, &toks);
        MatchTokens(item, false, &terms);
        // contains_near takes one word per item.
        if (p.op == Op::kContainsNear && toks.size() > 1) toks.resize(1), terms.resize(1);
        if (toks.empty()) continue;
        m->phrases_.push_back(std::move(toks));
        m->lookups_.push_back(std::move(terms));
      }
      break;
    }
    case Op::kRegexPartial:
    case Op::kRegexExact: {
      RE2::Options o;
      o.set_log_errors(false);
      m->re_ = std::make_unique<RE2>(p.value, o);
      if (!m->re_->ok()) return why = m->re_->error(), bad();
      m->required_ = RequiredLiterals(p.value);
      break;
    }
    case Op::kGeoBox:
      if (!ParseGeoBox(p.value, &m->box_, &why)) return bad();
      break;
    case Op::kGeoRadius:
      if (!ParseGeoRadius(p.value, &m->centre_, &m->km_, &why)) return bad();
      break;
    case Op::kGeoPolygon:
      if (!ParseGeoPolygon(p.value, &m->polygon_, &why)) return bad();
      break;
    case Op::kExists:
      break;
    case Op::kUrlIn:
      for (const auto& item : SplitList(p.value)) m->strings_.push_back(NormalizeUrl(item));
      break;
    default: {
      const std::vector<std::string> items =
          p.op == Op::kIn ? SplitList(p.value) : std::vector<std::string>{p.value};
      for (const auto& item : items) {
        if (numeric) {
          double d;
          if (!ParseScalar(*p.target, item, &d, &why)) return bad();
          m->numbers_.push_back(d);
        } else {
          m->strings_.push_back(FoldForMatch(item, p.cs));
        }
      }
    }
  }
  return m;
}

bool Matcher::MatchTokensOf(std::string_view value) const {
  thread_local std::vector<std::string> toks;
  MatchTokens(value, p_.cs, &toks);
  auto has_phrase = [&](const std::vector<std::string>& ph) {
    if (ph.empty() || ph.size() > toks.size()) return false;
    for (size_t i = 0; i + ph.size() <= toks.size(); ++i)
      if (std::equal(ph.begin(), ph.end(), toks.begin() + static_cast<std::ptrdiff_t>(i))) return true;
    return false;
  };
  switch (p_.op) {
    case Op::kContains:
    case Op::kContainsAny:
      return std::any_of(phrases_.begin(), phrases_.end(), has_phrase);
    case Op::kContainsAll:
      return !phrases_.empty() && std::all_of(phrases_.begin(), phrases_.end(), has_phrase);
    case Op::kContainsNear: {
      // A window of span + n tokens holding every word.
      const size_t n = phrases_.size();
      const size_t window = static_cast<size_t>(span_) + n;
      std::vector<int64_t> last(n, -1);
      for (size_t i = 0; i < toks.size(); ++i) {
        for (size_t w = 0; w < n; ++w)
          if (toks[i] == phrases_[w][0]) last[w] = static_cast<int64_t>(i);
        const int64_t lo = *std::min_element(last.begin(), last.end());
        if (lo >= 0 && static_cast<int64_t>(i) - lo < static_cast<int64_t>(window)) return true;
      }
      return false;
    }
    case Op::kWildcard:
      for (const auto& t : toks)
        if (WildcardMatch(strings_.empty() ? FoldForMatch(p_.value, p_.cs) : strings_[0], t)) return true;
      return false;
    default:
      return false;
  }
}

bool Matcher::MatchString(std::string_view value) const {
  switch (p_.op) {
    case Op::kContains: case Op::kContainsAny: case Op::kContainsAll: case Op::kContainsNear: case Op::kWildcard:
      return MatchTokensOf(value);
    case Op::kSubstr:
      return FoldForMatch(value, p_.cs).find(strings_[0]) != std::string::npos;
    case Op::kRegexPartial:
      return RE2::PartialMatch(value, *re_);
    case Op::kRegexExact:
      return RE2::FullMatch(value, *re_);
    case Op::kEq: case Op::kIn: {
      const std::string v = FoldForMatch(value, p_.cs);
      return std::find(strings_.begin(), strings_.end(), v) != strings_.end();
    }
    case Op::kNe:
      return FoldForMatch(value, p_.cs) != strings_[0];
    case Op::kExists:
      return !value.empty();
    case Op::kUrlIn: {
      const std::string v = NormalizeUrl(value);
      return std::find(strings_.begin(), strings_.end(), v) != strings_.end();
    }
    default:
      return false;
  }
}

bool Matcher::MatchNumber(double v) const {
  switch (p_.op) {
    case Op::kEq: return v == numbers_[0];
    case Op::kNe: return v != numbers_[0];
    case Op::kLt: return v < numbers_[0];
    case Op::kLe: return v <= numbers_[0];
    case Op::kGt: return v > numbers_[0];
    case Op::kGe: return v >= numbers_[0];
    case Op::kIn: return std::find(numbers_.begin(), numbers_.end(), v) != numbers_.end();
    case Op::kExists: return v != 0;
    default: return false;
  }
}

bool Matcher::MatchPoint(double lat, double lon) const {
  switch (p_.op) {
    case Op::kExists:
      return true;
    case Op::kGeoBox:
      return lat >= box_.min_lat && lat <= box_.max_lat && lon >= box_.min_lon && lon <= box_.max_lon;
    case Op::kGeoRadius: {
      // Haversine distance on a 6371 km sphere.
      constexpr double kRad = M_PI / 180;
      const double dlat = (lat - centre_.lat) * kRad, dlon = (lon - centre_.lon) * kRad;
      const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                       std::cos(lat * kRad) * std::cos(centre_.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
      return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a))) <= km_;
    }
    case Op::kGeoPolygon: {
      // Even-odd ray casting in the lat/lon plane.
      bool inside = false;
      for (size_t i = 0, j = polygon_.size() - 1; i < polygon_.size(); j = i++) {
        const LatLon& a = polygon_[i];
        const LatLon& b = polygon_[j];
        if ((a.lat > lat) != (b.lat > lat) && lon < (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon)
          inside = !inside;
      }
      return inside;
    }
    default:
      return false;
  }
}

}  // namespace roost::query

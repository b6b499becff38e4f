// URLs with and without protocol (twitter-text extractUrlsWithIndices).
//
// The regex being emulated, in words: a valid preceding character (or the
// start), an optional http(s)://, a domain (subdomains*, a name, a TLD from
// the public suffix list followed by a non-[a-z0-9@+-] character), an
// optional :port, an optional /path ending in [a-z0-9+-=_#/] or balanced
// parentheses, an optional ?query ending in [a-z0-9-_&=#/]. Then the checks
// twitter-text makes outside the regex: host labels of at most 63 ASCII
// (punycode) characters, t.co slugs of at most 40, protocol-less URLs not
// after [-_./] and reduced to their ASCII domain.
#include <algorithm>
#include <string>

#include "enrich/entities/char_classes.h"
#include "enrich/entities/punycode.h"
#include "enrich/entities/scanners.h"
#include "enrich/entities/tlds.h"

namespace roost::enrich {
namespace {

using namespace chars;  // NOLINT: the predicates read like the grammar

constexpr int kMaxLabels = 64;
constexpr int kMaxUrlLength = 4096;
constexpr int kMaxTcoSlugLength = 40;
constexpr int kMaxLabelAsciiLength = 63;

struct Span {
  int start, end;
};

struct UrlMatch {
  bool matched = false;
  // When no match: the next start in the same label run that could match
  // (starts in between fail the same way: same labels, same validity).
  int next_try = 0;
  int start = 0;  // protocol or domain start
  int domain_start = 0;
  int domain_end = 0;
  int path_start = -1;  // index of the '/' or -1
  int end = 0;
};

class UrlScanner {
 public:
  UrlScanner(const DecodedText& text, std::vector<Entity>* out)
      : t_(text), c_(text.cps), n_(text.size()), tlds_(TldSet::Get()), out_(out) {}

  void Run();

 private:
  bool PrecedingOk(int p, int search) const {
    return p == 0 || (p - 1 >= search && IsValidUrlPreceding(c_[p - 1]));
  }
  bool EqualsIgnoreCase(int pos, const char* word) const {
    for (int k = 0; word[k]; ++k) {
      if (pos + k >= n_ || AsciiLower(c_[pos + k]) != static_cast<char32_t>(word[k])) return false;
    }
    return true;
  }

  // Domain starting at p; returns its end or -1 (and then *next_try as in
  // UrlMatch).
  int MatchDomain(int p, int* next_try) const;
  int MatchPath(int pos) const;  // pos just after '/'; returns end of the path
  int MatchBalancedParens(int pos) const;
  UrlMatch MatchAt(int p, int protocol_length) const;

  // Applies the post-regex checks and emits entities; the scan resumes at
  // m.end whatever happens.
  void Accept(const UrlMatch& m, int protocol_length);
  bool IsValidHost(int start, int end, int protocol_length, int url_end) const;
  // Calls fn(start, end) for each ASCII domain (validAsciiDomain) inside the
  // host [ds, de), left to right, until fn returns false.
  template <typename Fn>
  void ForEachAsciiDomain(int ds, int de, Fn&& fn) const;
  int Utf16Length(int start, int end) const {
    int len = 0;
    for (int i = start; i < end; ++i) len += c_[i] > 0xFFFF ? 2 : 1;
    return len;
  }

  // TLD length at pos (lookahead over the whole text). Long texts full of
  // dotted labels would look the same label up again for every start
  // position, so past a few hundred lookups the answers are memoised.
  int TldAt(int pos) const {
    if (++tld_lookups_ < kMemoAfterLookups) return tlds_.MatchAt(c_, pos, n_);
    thread_local std::vector<int> memo;
    if (tld_lookups_ == kMemoAfterLookups) memo.assign(n_ + 1, -1);  // pos may be n_
    if (memo[pos] < 0) memo[pos] = tlds_.MatchAt(c_, pos, n_);
    return memo[pos];
  }
  static constexpr int kMemoAfterLookups = 512;
  mutable int tld_lookups_ = 0;

  const DecodedText& t_;
  const char32_t* c_;
  const int n_;
  const TldSet& tlds_;
  std::vector<Entity>* out_;
};

int UrlScanner::MatchDomain(int p, int* next_try) const {
  Span labels[kMaxLabels];
  int count = 0;
  int s = p;
  while (true) {
    int e = s;
    while (e < n_ && IsLabelChar(c_[e])) ++e;
    labels[count++] = {s, e};
    if (e < n_ && c_[e] == '.' && count < kMaxLabels) {
      s = e + 1;
      continue;
    }
    break;
  }
  const int last = count - 1;  // labels[0..last-1] are followed by '.'
  auto valid_label = [&](Span l, bool allow_underscore) {
    if (l.end <= l.start || !IsDomainChar(c_[l.start]) || !IsDomainChar(c_[l.end - 1])) {
      return false;
    }
    if (!allow_underscore) {
      for (int i = l.start; i < l.end; ++i) {
        if (c_[i] == '_') return false;
      }
    }
    return true;
  };
  // A later start inside the first label gives a suffix of it: it fails the
  // same way while it keeps (or lacks) an underscore, the only property of
  // the first label besides its first character that the grammar looks at.
  int last_underscore = -1;
  for (int i = labels[0].start; i < labels[0].end; ++i) {
    if (c_[i] == '_') last_underscore = i;
  }
  if (!IsDomainChar(c_[p])) {
    *next_try = p + 1;
  } else if (last_underscore >= p) {
    *next_try = last_underscore + 1;
  } else {
    *next_try = labels[0].end;
  }
  if (last == 0) return -1;
  int max_sub = 0;
  while (max_sub < last && valid_label(labels[max_sub], true)) ++max_sub;
  for (int k = std::min(max_sub, last - 1); k >= 0; --k) {
    if (!valid_label(labels[k], false)) continue;
    int tld = TldAt(labels[k + 1].start);
    if (tld > 0) return labels[k + 1].start + tld;
  }
  return -1;
}

int UrlScanner::MatchBalancedParens(int pos) const {
  int i = pos + 1;
  while (i < n_ && IsUrlPathChar(c_[i])) ++i;
  if (i < n_ && c_[i] == ')' && i > pos + 1) return i + 1;
  if (i < n_ && c_[i] == '(') {
    int j = i + 1;
    while (j < n_ && IsUrlPathChar(c_[j])) ++j;
    if (j > i + 1 && j < n_ && c_[j] == ')') {
      int k = j + 1;
      while (k < n_ && IsUrlPathChar(c_[k])) ++k;
      if (k < n_ && c_[k] == ')') return k + 1;
    }
  }
  return -1;
}

int UrlScanner::MatchPath(int pos) const {
  int last_good = pos;
  while (pos < n_) {
    char32_t ch = c_[pos];
    if (IsUrlPathChar(ch)) {
      ++pos;
      if (IsUrlPathEndingChar(ch)) last_good = pos;
    } else if (ch == '(') {
      int g = MatchBalancedParens(pos);
      if (g < 0) break;
      pos = last_good = g;
    } else {
      break;
    }
  }
  return last_good;
}

UrlMatch UrlScanner::MatchAt(int p, int protocol_length) const {
  UrlMatch m;
  m.start = p;
  m.domain_start = p + protocol_length;
  int e = MatchDomain(m.domain_start, &m.next_try);
  if (e < 0) return m;
  m.matched = true;
  m.domain_end = e;
  if (e + 1 < n_ && c_[e] == ':' && IsAsciiDigit(c_[e + 1])) {
    e += 2;
    while (e < n_ && IsAsciiDigit(c_[e])) ++e;
  }
  if (e < n_ && c_[e] == '/') {
    m.path_start = e;
    e = MatchPath(e + 1);
  }
  if (e < n_ && c_[e] == '?') {
    int q = e + 1;
    int good = -1;
    while (q < n_ && IsUrlQueryChar(c_[q])) {
      if (IsUrlQueryEndingChar(c_[q])) good = q + 1;
      ++q;
    }
    if (good > 0) e = good;
  }
  m.end = e;
  return m;
}

template <typename Fn>
void UrlScanner::ForEachAsciiDomain(int ds, int de, Fn&& fn) const {
  int q = ds;
  while (q < de) {
    if (!IsAsciiDomainLabelChar(c_[q])) {
      ++q;
      continue;
    }
    int dots[kMaxLabels];
    int count = 0;
    int pos = q;
    int first_run_end = -1;
    while (count < kMaxLabels) {
      int r = pos;
      while (r < de && IsAsciiDomainLabelChar(c_[r])) ++r;
      if (first_run_end < 0) first_run_end = r;
      if (r > pos && r < de && c_[r] == '.') {
        dots[count++] = r + 1;
        pos = r + 1;
      } else {
        break;
      }
    }
    int match_end = -1;
    for (int j = count; j >= 1 && match_end < 0; --j) {
      int tld = tlds_.MatchAt(c_, dots[j - 1], de);
      if (tld > 0) match_end = dots[j - 1] + tld;
    }
    if (match_end < 0) {
      q = first_run_end;
      continue;
    }
    if (!fn(q, match_end)) return;
    q = match_end;
  }
}

bool UrlScanner::IsValidHost(int start, int end, int protocol_length, int url_end) const {
  // A host spelled "xn--..." must contain a valid ASCII domain somewhere
  // (raw Unicode after the punycode prefix is not a domain).
  if (end - start >= 4 && c_[start] == 'x' && c_[start + 1] == 'n' && c_[start + 2] == '-' &&
      c_[start + 3] == '-') {
    bool found = false;
    ForEachAsciiDomain(start, end, [&](int, int) {
      found = true;
      return false;
    });
    if (!found) return false;
  }
  int label_start = start;
  for (int i = start; i <= end; ++i) {
    if (i < end && c_[i] != '.') continue;
    std::u32string_view label(c_ + label_start, i - label_start);
    int len = AsciiLabelLength(label);
    if (len < 1 || len > kMaxLabelAsciiLength) return false;
    label_start = i + 1;
  }
  int proto = protocol_length > 0 ? protocol_length : 8;  // "https://" assumed
  return proto + Utf16Length(start - protocol_length, url_end) <= kMaxUrlLength;
}

void UrlScanner::Accept(const UrlMatch& m, int protocol_length) {
  if (!IsValidHost(m.domain_start, m.domain_end, protocol_length, m.end)) return;
  if (protocol_length > 0) {
    int end = m.end;
    // t.co links: only the slug (and a query) belong to the URL.
    if (m.domain_end - m.domain_start == 4 && EqualsIgnoreCase(m.domain_start, "t.co") &&
        m.path_start == m.domain_end) {
      int slug = m.path_start + 1;
      int k = slug;
      while (k < n_ && IsAsciiAlnum(c_[k])) ++k;
      if (k > slug) {
        if (k - slug > kMaxTcoSlugLength) return;
        end = k;
        if (k < n_ && c_[k] == '?') {
          int q = k + 1, good = -1;
          while (q < n_ && IsUrlQueryChar(c_[q])) {
            if (IsUrlQueryEndingChar(c_[q])) good = q + 1;
            ++q;
          }
          if (good > 0) end = good;
        }
      }
    }
    out_->push_back(Entity{Entity::kUrl, std::string(t_.Slice(m.start, end)), m.start, end});
    return;
  }
  if (m.start > 0) {
    char32_t before = c_[m.start - 1];
    if (before == '-' || before == '_' || before == '.' || before == '/') return;
  }
  // Keep only the ASCII domains inside the host (validAsciiDomain, global).
  const int ds = m.domain_start, de = m.domain_end;
  size_t first_new = out_->size();
  ForEachAsciiDomain(ds, de, [&](int start, int end) {
    out_->push_back(Entity{Entity::kUrl, std::string(t_.Slice(start, end)), start, end});
    return true;
  });
  if (out_->size() == first_new) return;
  if (m.path_start >= 0) {
    Entity& last = out_->back();
    last.text.append(t_.Slice(de, m.end));
    last.end = m.end;
  }
}

void UrlScanner::Run() {
  int search = 0;
  int i = 0;
  while (i < n_) {
    if (!IsLabelChar(c_[i])) {
      ++i;
      continue;
    }
    int run_start = i;
    int run_end = i;
    while (run_end < n_ && IsLabelChar(c_[run_end])) ++run_end;
    int resume = -1;
    if (run_end + 2 < n_ && c_[run_end] == ':' && c_[run_end + 1] == '/' &&
        c_[run_end + 2] == '/') {
      int h = -1, proto = 0;
      if (run_end - 5 >= run_start && EqualsIgnoreCase(run_end - 5, "https")) {
        h = run_end - 5;
        proto = 8;
      } else if (run_end - 4 >= run_start && EqualsIgnoreCase(run_end - 4, "http")) {
        h = run_end - 4;
        proto = 7;
      }
      if (h >= 0 && PrecedingOk(h, search)) {
        UrlMatch m = MatchAt(h, proto);
        if (m.matched) {
          Accept(m, proto);
          resume = m.end;
        }
      }
    } else if (run_end < n_ && c_[run_end] == '.') {
      // Tries a protocol-less URL at p; on failure *next is the next start
      // worth trying.
      auto attempt = [&](int p, int* next) {
        *next = p + 1;
        if (!PrecedingOk(p, search) || !IsDomainChar(c_[p])) return false;
        UrlMatch m = MatchAt(p, 0);
        if (!m.matched) {
          *next = std::max(p + 1, m.next_try);
          return false;
        }
        Accept(m, 0);
        resume = m.end;
        return true;
      };
      int next = 0;
      int p = run_start;
      // At the very start the regex first tries "preceding = text[0]", then "^".
      if (run_start == 0 && run_end > 1 && IsValidUrlPreceding(c_[0])) {
        if (!attempt(1, &next)) attempt(0, &next);
        p = 2;
      }
      while (resume < 0 && p < run_end) {
        if (attempt(p, &next)) break;
        p = next;
      }
    }
    if (resume >= 0) {
      search = i = resume;
    } else {
      i = run_end;
    }
  }
}

}  // namespace

void ScanUrls(const DecodedText& text, std::vector<Entity>* out) { UrlScanner(text, out).Run(); }

}  // namespace roost::enrich

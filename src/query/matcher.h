// A predicate compiled for execution: folded words, phrases, compiled RE2,
// parsed geo shapes and numbers. Built once per query, then shared read-only
// by the threads that run segments.
#ifndef ROOST_QUERY_MATCHER_H_
#define ROOST_QUERY_MATCHER_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast.h"
#include "query/value_parse.h"
#include "roost/status.h"

namespace roost::query {

// The form text is matched under: the enrichment's fold (case, accents), or
// the raw token for case-sensitive operators.
std::string FoldForMatch(std::string_view s, bool cs);
// Word-like tokens of `text` (words, numbers, hashtags, mentions, cashtags,
// emoji, emoticons; not URLs) in the analyzer's term form, or raw when cs.
void MatchTokens(std::string_view text, bool cs, std::vector<std::string>* out);
// Lower-cased scheme and host, no "www.", no default port, no fragment, no
// trailing slash: "HTTP://www.Example.com/a/" -> "http://example.com/a".
std::string NormalizeUrl(std::string_view url);
// '*' any run, '?' one character (bytes).
bool WildcardMatch(std::string_view pattern, std::string_view s);

class Matcher {
 public:
  static Result<std::unique_ptr<Matcher>> Compile(const Predicate& p);

  const Predicate& pred() const { return p_; }
  // For the contains family: phrases as token lists in match form (raw
  // for cs), and the same phrases in the stored term form (index lookups).
  const std::vector<std::vector<std::string>>& phrases() const { return phrases_; }
  const std::vector<std::vector<std::string>>& lookups() const { return lookups_; }
  bool MatchString(std::string_view value) const;
  // Numeric compare (in: any listed value).
  bool MatchNumber(double v) const;
  bool MatchPoint(double lat, double lon) const;

  const std::vector<double>& numbers() const { return numbers_; }
  // Regex operators: byte strings every matching value contains
  // (regex_literals.h); empty when none are known.
  const std::vector<std::string>& required_literals() const { return required_; }
  const std::vector<std::string>& strings() const { return strings_; }

 private:
  explicit Matcher(const Predicate& p) : p_(p) {}
  bool MatchTokensOf(std::string_view value) const;

  Predicate p_;
  std::vector<std::vector<std::string>> phrases_, lookups_;
  std::vector<std::string> required_;
  std::vector<std::string> strings_;  // folded values for ==/in/substr/wildcard/url_in
  std::vector<double> numbers_;
  int span_ = 0;
  std::unique_ptr<RE2> re_;
  GeoBox box_{};
  LatLon centre_{};
  double km_ = 0;
  std::vector<LatLon> polygon_;
};

}  // namespace roost::query

#endif  // ROOST_QUERY_MATCHER_H_

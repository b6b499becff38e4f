// Recognises a top-level domain at a position of a decoded text, the way
// twitter-text's validGTLD|validCCTLD|validPunycode alternatives do: case
// insensitive, and only when the next character is not [a-z0-9@+-].
#ifndef ROOST_ENRICH_ENTITIES_TLDS_H_
#define ROOST_ENRICH_ENTITIES_TLDS_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace roost::enrich {

class TldSet {
 public:
  // The process-wide set built from kTldTable (once, thread-safe).
  static const TldSet& Get();

  // Length in code points of the TLD starting at cps[pos] (cps[0, end) is
  // the text the lookahead may see), or 0 when none is there.
  int MatchAt(const char32_t* cps, int pos, int end) const;

  bool ContainsAscii(std::string_view lower) const { return ascii_.count(lower) != 0; }
  int size() const { return static_cast<int>(ascii_.size() + idn_.size()); }

 private:
  TldSet();
  std::unordered_set<std::string_view> ascii_;  // views into kTldTable
  std::vector<std::u32string> idn_storage_;
  std::unordered_set<std::u32string_view> idn_;
  int max_idn_length_ = 0;
};

}  // namespace roost::enrich

#endif  // ROOST_ENRICH_ENTITIES_TLDS_H_

// Words that never carry sentiment in a tweet: a brand's name, aliases and
// handle ("Velocar", "Air France", "@velocar"). The scorers drop them before
// scoring, so "Velocar is great" and "great" score alike, and a brand whose
// name happens to be a lexicon word ("Joy", "Target") is not scored by it.
#ifndef ROOST_ENRICH_SENTIMENT_IGNORED_WORDS_H_
#define ROOST_ENRICH_SENTIMENT_IGNORED_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace roost::sentiment {

class IgnoredWords {
 public:
  IgnoredWords() = default;
  // Each entry is split on spaces; each word is folded as the scorers fold
  // text (FoldWord), without a leading '@', '#' or '$'.
  explicit IgnoredWords(const std::vector<std::string>& entries);

  bool empty() const { return words_.empty(); }
  // `folded` as FoldWord gives it.
  bool Contains(std::string_view folded) const;
  // Folds `raw` (a word as written, punctuation around it allowed) and
  // looks it up.
  bool ContainsRaw(std::string_view raw) const;
  const std::vector<std::string>& words() const { return words_; }

 private:
  std::vector<std::string> words_;  // sorted, unique
};

}  // namespace roost::sentiment

#endif  // ROOST_ENRICH_SENTIMENT_IGNORED_WORDS_H_

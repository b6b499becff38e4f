// Stopword lists per language, from the npm package stopwords-iso (58
// languages), loaded once at startup. Words are stored folded (fold.h), so a
// lookup takes a term exactly as it appears in Tweet::terms.
#ifndef ROOST_ENRICH_TEXT_STOPWORDS_H_
#define ROOST_ENRICH_TEXT_STOPWORDS_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "roost/status.h"

namespace roost::text {

// One language's list. Immutable after loading; safe to share across threads.
class StopwordList {
 public:
  bool Contains(std::string_view folded_term) const { return words_.count(folded_term) != 0; }
  size_t size() const { return words_.size(); }

 private:
  friend class StopwordSet;
  std::unordered_set<std::string_view> words_;  // views into StopwordSet::arena_
};

class StopwordSet {
 public:
  // Reads stopwords-iso.json at `path` ({"en": ["a", ...], ...}). ParseError
  // names the file when it is not that shape; IoError/NotFound when unreadable.
  static Result<StopwordSet> LoadFile(const std::filesystem::path& path);

  // Finds stopwords-iso through asset_path.h (ROOST_LEXICON_DIR, ROOST_SOURCE_DIR,
  // node_modules near the binary) and loads it.
  static Result<StopwordSet> LoadDefault();

  // From explicit lists, for tests and callers with their own vocabulary.
  static StopwordSet FromLists(
      const std::vector<std::pair<std::string, std::vector<std::string>>>& lists);

  // The list of an ISO 639-1 language ("en"; "pt-BR" uses "pt"), or nullptr.
  const StopwordList* ForLanguage(std::string_view lang) const;

  // Convenience: is `folded_term` a stopword of `lang`?
  bool Contains(std::string_view lang, std::string_view folded_term) const {
    const StopwordList* list = ForLanguage(lang);
    return list != nullptr && list->Contains(folded_term);
  }

  std::vector<std::string> Languages() const;

 private:
  void Add(const std::string& lang, std::string_view word);

  // unique_ptr keeps the views valid when the maps rehash or the set moves.
  std::unique_ptr<std::vector<std::unique_ptr<std::string>>> arena_ =
      std::make_unique<std::vector<std::unique_ptr<std::string>>>();
  std::unordered_map<std::string, std::unique_ptr<StopwordList>> lists_;
};

}  // namespace roost::text

#endif  // ROOST_ENRICH_TEXT_STOPWORDS_H_

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
#include <algorithm>
#include <vector>

#include "common/short_equal.h"
#include "roost/status.h"

namespace roost::text {

// One language's list. Immutable after loading; safe to share across threads.
class StopwordList {
 public:
  // Called for every token at ingest: an open-addressing table probed with
  // a cheap hash, no nodes to chase.
  bool Contains(std::string_view folded_term) const {
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(folded_term) & mask;; i = (i + 1) & mask) {
      if (slots_[i].data() == nullptr) return false;
      if (ShortEqual(slots_[i], folded_term)) return true;
    }
  }
  size_t size() const { return size_; }

 private:
  friend class StopwordSet;
  static uint64_t Hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h ^ (h >> 29);
  }
  // `word` (not empty, not yet present) must outlive the list.
  void Insert(std::string_view word) {
    if ((size_ + 1) * 2 > slots_.size()) {
      std::vector<std::string_view> old = std::move(slots_);
      slots_.assign(std::max<size_t>(16, old.size() * 2), std::string_view());
      size_ = 0;
      for (std::string_view w : old)
        if (w.data() != nullptr) Insert(w);
    }
    const size_t mask = slots_.size() - 1;
    size_t i = Hash(word) & mask;
    while (slots_[i].data() != nullptr) i = (i + 1) & mask;
    slots_[i] = word;
    ++size_;
  }
  std::vector<std::string_view> slots_;  // views into StopwordSet::arena_; data() == nullptr: empty
  size_t size_ = 0;
};

class StopwordSet {
 public:
  // Reads stopwords-iso.json at `path` ({"en": ["a", ...], ...}). ParseError
  // names the file when it is not that shape; IoError/NotFound when unreadable.
  static Result<StopwordSet> LoadFile(const std::filesystem::path& path);

  // Finds stopwords-iso through asset_path.h (ROOST_LEXICON_DIR, ROOST_SOURCE_DIR,
  // share/roost/lexicons beside the binary) and loads it.
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

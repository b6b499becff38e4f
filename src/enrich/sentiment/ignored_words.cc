#include "enrich/sentiment/ignored_words.h"

#include <algorithm>

#include "enrich/sentiment/text_fold.h"

namespace roost::sentiment {
namespace {

// `raw` without surrounding ASCII punctuation and entity sigils.
std::string_view Trim(std::string_view raw) {
  while (!raw.empty() && IsAsciiPunct(static_cast<unsigned char>(raw.front()))) raw.remove_prefix(1);
  while (!raw.empty() && IsAsciiPunct(static_cast<unsigned char>(raw.back()))) raw.remove_suffix(1);
  return raw;
}

}  // namespace

IgnoredWords::IgnoredWords(const std::vector<std::string>& entries) {
  std::string folded;
  for (const std::string& entry : entries) {
    size_t i = 0;
    while (i <= entry.size()) {
      size_t j = entry.find(' ', i);
      if (j == std::string::npos) j = entry.size();
      std::string_view word = Trim(std::string_view(entry).substr(i, j - i));
      if (!word.empty()) {
        folded.clear();
        FoldWord(word, &folded);
        words_.push_back(folded);
      }
      i = j + 1;
    }
  }
  std::sort(words_.begin(), words_.end());
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
}

bool IgnoredWords::Contains(std::string_view folded) const {
  return !words_.empty() && std::binary_search(words_.begin(), words_.end(), folded);
}

bool IgnoredWords::ContainsRaw(std::string_view raw) const {
  if (words_.empty()) return false;
  raw = Trim(raw);
  if (raw.empty()) return false;
  thread_local std::string folded;
  folded.clear();
  FoldWord(raw, &folded);
  return Contains(folded);
}

}  // namespace roost::sentiment

#include "enrich/text/stemmer.h"

#include <libstemmer.h>

#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

namespace roost::text {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

// Per thread: language -> stemmer (nullptr when libstemmer has none).
sb_stemmer* ThreadStemmer(std::string_view lang) {
  thread_local std::unordered_map<std::string, StemmerPtr> cache;
  std::string key(lang.substr(0, 2));
  auto it = cache.find(key);
  if (it == cache.end()) {
    // libstemmer accepts ISO 639-1 codes as algorithm aliases; "porter" is
    // excluded by requiring two letters.
    StemmerPtr s(key.size() == 2 ? sb_stemmer_new(key.c_str(), "UTF_8") : nullptr);
    it = cache.emplace(std::move(key), std::move(s)).first;
  }
  return it->second.get();
}

}  // namespace

bool HasStemmer(std::string_view lang) { return ThreadStemmer(lang) != nullptr; }

void StemAppend(std::string_view lang, std::string_view folded_word, std::string* out) {
  sb_stemmer* s = ThreadStemmer(lang);
  if (s == nullptr || folded_word.empty()) {
    out->append(folded_word);
    return;
  }
  const sb_symbol* stem = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                          static_cast<int>(folded_word.size()));
  if (stem == nullptr) {  // out of memory inside libstemmer
    out->append(folded_word);
    return;
  }
  out->append(reinterpret_cast<const char*>(stem), sb_stemmer_length(s));
}

}  // namespace roost::text

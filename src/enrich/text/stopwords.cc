#include "enrich/text/stopwords.h"

#include <simdjson.h>

#include "common/asset_path.h"
#include "enrich/text/fold.h"

namespace roost::text {

void StopwordSet::Add(const std::string& lang, std::string_view word) {
  auto& list = lists_[lang];
  if (!list) list = std::make_unique<StopwordList>();
  std::string folded = Fold(word);
  if (folded.empty() || list->Contains(folded)) return;
  arena_->push_back(std::make_unique<std::string>(std::move(folded)));
  list->Insert(*arena_->back());
}

Result<StopwordSet> StopwordSet::LoadFile(const std::filesystem::path& path) {
  simdjson::padded_string json;
  if (auto err = simdjson::padded_string::load(path.string()).get(json); err) {
    return Status::IoError("read " + path.string() + ": " + simdjson::error_message(err));
  }
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (auto err = parser.parse(json).get_object().get(root); err) {
    return Status::ParseError(path.string() + ": expected a JSON object of language -> words: " +
                              simdjson::error_message(err));
  }
  StopwordSet set;
  for (auto field : root) {
    std::string lang(field.key);
    simdjson::dom::array words;
    if (field.value.get_array().get(words)) {
      return Status::ParseError(path.string() + ": \"" + lang + "\" is not an array of strings");
    }
    for (auto w : words) {
      std::string_view word;
      if (w.get_string().get(word)) {
        return Status::ParseError(path.string() + ": \"" + lang + "\" holds a non-string");
      }
      set.Add(lang, word);
    }
  }
  return set;
}

Result<StopwordSet> StopwordSet::LoadDefault() {
  ROOST_ASSIGN_OR_RETURN(auto path, FindNodePackageFile("stopwords-iso", "stopwords-iso.json"));
  return LoadFile(path);
}

StopwordSet StopwordSet::FromLists(
    const std::vector<std::pair<std::string, std::vector<std::string>>>& lists) {
  StopwordSet set;
  for (const auto& [lang, words] : lists) {
    for (const auto& w : words) set.Add(lang, w);
  }
  return set;
}

const StopwordList* StopwordSet::ForLanguage(std::string_view lang) const {
  if (lang.size() > 2 && (lang[2] == '-' || lang[2] == '_')) lang = lang.substr(0, 2);
  auto it = lists_.find(std::string(lang));
  return it == lists_.end() ? nullptr : it->second.get();
}

std::vector<std::string> StopwordSet::Languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, list] : lists_) out.push_back(lang);
  return out;
}

}  // namespace roost::text

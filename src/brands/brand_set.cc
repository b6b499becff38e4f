#include "brands/brand_set.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <set>

#include "common/toml_file.h"
#include "query/matcher.h"
#include "query/parser.h"

namespace roost::brands {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whitespace at both ends removed; inner runs of whitespace become one space.
std::string Tidy(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// One brand table being read; `Fail` names the file, line and field.
class TableReader {
 public:
  TableReader(const std::string& path, const toml::table& table) : path_(path), table_(table) {}

  Status Fail(const toml::node& at, const std::string& field, const std::string& why) const {
    return Status::InvalidArgument(TomlWhere(path_, at) + "brand field '" + field + "': " + why);
  }

  // A string, or a list of strings, tidied; empty entries refused.
  Status Strings(const char* key, std::vector<std::string>* out, std::string_view strip = "") const {
    const toml::node* node = table_.get(key);
    if (!node) return Status::Ok();
    auto add = [&](const toml::node& n) -> Status {
      const auto* s = n.as_string();
      if (!s) return Fail(n, key, "expected a string");
      std::string v = Tidy(s->get());
      if (!strip.empty() && !v.empty() && strip.find(v[0]) != std::string_view::npos) v.erase(0, 1);
      if (v.empty()) return Fail(n, key, "empty value");
      if (std::find(out->begin(), out->end(), v) == out->end()) out->push_back(std::move(v));
      return Status::Ok();
    };
    if (const auto* arr = node->as_array()) {
      for (const toml::node& n : *arr) ROOST_RETURN_IF_ERROR(add(n));
      return Status::Ok();
    }
    return add(*node);
  }

 private:
  const std::string& path_;
  const toml::table& table_;
};

// Handles are Twitter's: 1 to 15 letters, digits or underscores.
bool IsHandle(std::string_view h) {
  if (h.empty() || h.size() > 15) return false;
  return std::all_of(h.begin(), h.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// A hashtag holds no space or punctuation that would end it in a tweet.
bool IsHashtag(std::string_view h) {
  return !h.empty() && std::none_of(h.begin(), h.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && !std::isalnum(u) && c != '_';
  });
}

// A phrase must be something a rule can quote: no quote marks or backslashes
// (they would change the rule's meaning, not the phrase's).
bool IsPhrase(std::string_view p) { return p.find_first_of("\"\\") == std::string_view::npos; }

void AddAsHashtag(const std::string& word, std::vector<std::string>* hashtags) {
  if (!IsHashtag(word)) return;
  for (const std::string& h : *hashtags)
    if (Lower(h) == Lower(word)) return;
  hashtags->push_back(word);
}

const std::set<std::string>& KnownKeys() {
  static const std::set<std::string> keys = {
      "name", "handle", "handles", "aliases", "products", "hashtags", "exclude", "filter", "lang", "competitors",
      // written by `roost synth` for its own generation; no part of matching
      "product_words", "ticker", "domain", "share_of_voice", "sentiment"};
  return keys;
}

Result<BrandDefinition> ReadBrand(const std::string& path, const toml::table& t) {
  TableReader r(path, t);
  BrandDefinition b;
  b.line = static_cast<int>(t.source().begin.line);
  for (const auto& [key, node] : t) {
    if (!KnownKeys().count(std::string(key.str())))
      return r.Fail(node, std::string(key.str()),
                    "unknown key (known: name, handle, handles, aliases, products, hashtags, exclude, filter, lang, "
                    "competitors)");
  }
  const toml::node* name = t.get("name");
  if (!name) return Status::InvalidArgument(TomlWhere(path, t) + "brand has no 'name'");
  if (!name->is_string()) return r.Fail(*name, "name", "expected a string");
  b.name = Tidy(name->as_string()->get());
  if (b.name.empty()) return r.Fail(*name, "name", "empty value");
  ROOST_RETURN_IF_ERROR(r.Strings("handle", &b.handles, "@"));
  ROOST_RETURN_IF_ERROR(r.Strings("handles", &b.handles, "@"));
  ROOST_RETURN_IF_ERROR(r.Strings("aliases", &b.aliases));
  ROOST_RETURN_IF_ERROR(r.Strings("products", &b.products));
  ROOST_RETURN_IF_ERROR(r.Strings("hashtags", &b.hashtags, "#"));
  ROOST_RETURN_IF_ERROR(r.Strings("exclude", &b.exclude));
  ROOST_RETURN_IF_ERROR(r.Strings("lang", &b.langs));
  ROOST_RETURN_IF_ERROR(r.Strings("competitors", &b.competitors));
  for (std::string& h : b.handles) {
    if (!IsHandle(h)) return r.Fail(*t.get(t.contains("handles") ? "handles" : "handle"), "handle",
                                    "'" + h + "' is not a handle (1 to 15 letters, digits or _)");
    h = Lower(h);
  }
  for (const std::string& h : b.hashtags)
    if (!IsHashtag(h)) return r.Fail(*t.get("hashtags"), "hashtags", "'" + h + "' is not a hashtag");
  for (const char* key : {"aliases", "products", "exclude"}) {
    const std::vector<std::string>& list =
        key[0] == 'a' ? b.aliases : key[0] == 'p' ? b.products : b.exclude;
    for (const std::string& p : list)
      if (!IsPhrase(p)) return r.Fail(*t.get(key), key, "'" + p + "' holds a quote mark or backslash");
  }
  if (!IsPhrase(b.name)) return r.Fail(*name, "name", "holds a quote mark or backslash");
  for (std::string& l : b.langs) l = Lower(l);
  // The name, an alias or a product that can be a hashtag also counts as
  // one (#Norva, #NorvaMobile), as a reader of the tweet would count it.
  AddAsHashtag(b.name, &b.hashtags);
  for (const auto* list : {&b.aliases, &b.products})
    for (const std::string& w : *list) AddAsHashtag(w, &b.hashtags);
  if (const toml::node* f = t.get("filter")) {
    if (!f->is_string()) return r.Fail(*f, "filter", "expected a string");
    b.filter = f->as_string()->get();
    query::ParseErrorInfo where;
    auto parsed = query::ParseQuery(b.filter, &where);
    if (!parsed.ok()) return r.Fail(*f, "filter", parsed.status().message());
  }
  return b;
}

}  // namespace

Result<BrandSet> ParseBrandSet(std::string_view text, const std::string& path) {
  ROOST_ASSIGN_OR_RETURN(toml::table root, ParseTomlText(text, path));
  for (const auto& [key, node] : root) {
    if (key.str() != "brand")
      return Status::InvalidArgument(TomlWhere(path, node) + "unknown table or key '" + std::string(key.str()) +
                                     "' (a brands file holds [[brand]] tables)");
  }
  const toml::array* arr = root["brand"].as_array();
  if (!arr || arr->empty()) return Status::InvalidArgument(path + ": no [[brand]] tables");
  BrandSet set;
  set.path = path;
  for (const toml::node& node : *arr) {
    const toml::table* t = node.as_table();
    if (!t) return Status::InvalidArgument(TomlWhere(path, node) + "'brand' must be [[brand]] tables");
    ROOST_ASSIGN_OR_RETURN(BrandDefinition b, ReadBrand(path, *t));
    if (set.Find(b.name) != std::string::npos)
      return Status::InvalidArgument(TomlWhere(path, *t) + "brand field 'name': '" + b.name + "' is defined twice");
    set.brands.push_back(std::move(b));
  }
  for (const BrandDefinition& b : set.brands) {
    for (const std::string& c : b.competitors) {
      if (set.Find(c) == std::string::npos)
        return Status::InvalidArgument(path + ":" + std::to_string(b.line) + ": brand field 'competitors': brand '" +
                                       b.name + "' names '" + c + "', which no [[brand]] of the file defines");
      if (set.Find(c) == set.Find(b.name))
        return Status::InvalidArgument(path + ":" + std::to_string(b.line) + ": brand field 'competitors': brand '" +
                                       b.name + "' names itself");
    }
  }
  return set;
}

Result<BrandSet> LoadBrandSet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open brands file " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError("cannot read " + path);
  return ParseBrandSet(text, path);
}

size_t BrandSet::Find(std::string_view name) const {
  // Compared as `brand == "..."` compares tags: case and accents folded.
  const std::string want = query::FoldForMatch(Tidy(name), false);
  for (size_t i = 0; i < brands.size(); ++i)
    if (query::FoldForMatch(brands[i].name, false) == want) return i;
  return std::string::npos;
}

std::vector<size_t> BrandSet::CompetitiveSet(size_t brand) const {
  std::vector<size_t> out;
  for (size_t i = 0; i < brands.size(); ++i) {
    bool in = i == brand;
    for (const std::string& c : brands[brand].competitors) in = in || Find(c) == i;
    for (const std::string& c : brands[i].competitors) in = in || Find(c) == brand;
    if (in) out.push_back(i);
  }
  return out;
}

}  // namespace roost::brands

#include "synth/brands.h"

#include <algorithm>
#include <cctype>

#include "common/toml_file.h"

namespace roost::synth {

std::vector<Brand> BuiltinBrands() {
  return {
      {"Norva", "NorvaMobile", {"NorvaMobile", "Norva Mobile"}, {"Norva X2", "Norva Pad", "Norva Buds"},
       {"phone", "battery", "screen", "camera", "update", "charger"}, "NRVA", "norva-mobile.com",
       0.20, 0.3, {"Zelkor"}},
      {"Zelkor", "ZelkorTech", {"ZelkorTech"}, {"Zelkor Prime", "Zelkor Book", "Zelkor Watch"},
       {"phone", "laptop", "battery", "screen", "keyboard", "app"}, "ZLKR", "zelkor-tech.com",
       0.16, 0.1, {"Norva"}},
      {"Quenchy", "QuenchyDrinks", {"QuenchyDrinks", "Quenchy Zero"}, {"Quenchy Zero", "Quenchy Lime"},
       {"soda", "drink", "can", "bottle", "taste", "flavour"}, "QNCH", "quenchy-drinks.com",
       0.15, 0.4, {"Fizzora"}},
      {"Fizzora", "FizzoraSoda", {"FizzoraSoda"}, {"Fizzora Classic", "Fizzora Berry"},
       {"soda", "drink", "can", "bottle", "taste", "sugar"}, "FZRA", "fizzora.com",
       0.10, 0.2, {"Quenchy"}},
      {"Velocar", "VelocarMotors", {"VelocarMotors", "Velocar Motors"}, {"Velocar E5", "Velocar Trek"},
       {"car", "engine", "dealer", "drive", "brakes", "electric"}, "VLCR", "velocar-motors.com",
       0.10, 0.0, {}},
      {"Trivento", "TriventoAir", {"TriventoAir", "Trivento Air"}, {"Trivento Plus"},
       {"flight", "airline", "delay", "seat", "luggage", "crew"}, "TRVA", "trivento-air.com",
       0.09, -0.3, {}},
      {"Lumabank", "Lumabank", {"Luma Bank"}, {"Lumabank Card", "Lumabank App"},
       {"bank", "account", "card", "app", "fees", "transfer"}, "LUMA", "lumabank.com",
       0.08, -0.2, {}},
      {"Pelloni", "PelloniCoffee", {"PelloniCoffee", "Pelloni Coffee"}, {"Pelloni Latte", "Pelloni Roast"},
       {"coffee", "latte", "cafe", "espresso", "barista", "cup"}, "", "pelloni-coffee.com",
       0.12, 0.5, {}},
  };
}

namespace {
std::vector<std::string> StringArray(const toml::table& t, const char* key) {
  std::vector<std::string> out;
  if (auto arr = t[key].as_array()) {
    for (auto& el : *arr)
      if (auto s = el.value<std::string>()) out.push_back(*s);
  }
  return out;
}
}  // namespace

Result<std::vector<Brand>> LoadBrandsToml(const std::string& path) {
  ROOST_ASSIGN_OR_RETURN(toml::table root, ParseTomlFile(path));
  auto* arr = root["brand"].as_array();
  if (!arr || arr->empty())
    return Status::InvalidArgument(path + ": no [[brand]] tables");
  std::vector<Brand> brands;
  bool any_share = false;
  for (size_t i = 0; i < arr->size(); ++i) {
    auto* t = arr->get(i)->as_table();
    if (!t) return Status::InvalidArgument(path + ": brand " + std::to_string(i) + " is not a table");
    Brand b;
    b.name = (*t)["name"].value_or(std::string());
    if (b.name.empty())
      return Status::InvalidArgument(path + ": brand " + std::to_string(i) + " has no name");
    b.handle = (*t)["handle"].value_or(b.name);
    b.aliases = StringArray(*t, "aliases");
    b.products = StringArray(*t, "products");
    b.product_words = StringArray(*t, "product_words");
    if (b.product_words.empty()) b.product_words = {"product", "service"};
    b.ticker = (*t)["ticker"].value_or(std::string());
    b.domain = (*t)["domain"].value_or(std::string());
    if (auto s = (*t)["share_of_voice"].value<double>()) {
      b.share_of_voice = *s;
      any_share = true;
    }
    b.sentiment = std::clamp((*t)["sentiment"].value_or(0.0), -1.0, 1.0);
    b.competitors = StringArray(*t, "competitors");
    brands.push_back(std::move(b));
  }
  double total = 0;
  for (auto& b : brands) {
    if (!any_share) b.share_of_voice = 1.0;
    if (b.share_of_voice < 0)
      return Status::InvalidArgument(path + ": brand " + b.name + " has a negative share_of_voice");
    total += b.share_of_voice;
  }
  if (total <= 0) return Status::InvalidArgument(path + ": shares of voice sum to zero");
  for (auto& b : brands) b.share_of_voice /= total;
  return brands;
}

namespace {
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}
std::string List(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + Quote(v[i]);
  return out + "]";
}
}  // namespace

std::string BrandsToToml(const std::vector<Brand>& brands) {
  std::string out =
      "# Brands for roost: one [[brand]] table each. Tweets mentioning the name, the\n"
      "# handle or an alias as a whole word are tagged with the brand name.\n";
  char num[32];
  for (const auto& b : brands) {
    out += "\n[[brand]]\nname = " + Quote(b.name) + "\n";
    out += "handle = " + Quote(b.handle) + "\n";
    out += "aliases = " + List(b.aliases) + "\n";
    out += "products = " + List(b.products) + "\n";
    out += "product_words = " + List(b.product_words) + "\n";
    if (!b.ticker.empty()) out += "ticker = " + Quote(b.ticker) + "\n";
    if (!b.domain.empty()) out += "domain = " + Quote(b.domain) + "\n";
    snprintf(num, sizeof(num), "%.4f", b.share_of_voice);
    out += std::string("share_of_voice = ") + num + "\n";
    snprintf(num, sizeof(num), "%.2f", b.sentiment);
    out += std::string("sentiment = ") + num + "\n";
    out += "competitors = " + List(b.competitors) + "\n";
  }
  return out;
}

std::vector<std::string> BrandMatchTerms(const Brand& brand) {
  std::vector<std::string> terms = {brand.name};
  if (!brand.handle.empty()) terms.push_back(brand.handle);
  for (const auto& a : brand.aliases) terms.push_back(a);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A quoted rule phrase; a quote inside the name is escaped.
std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string BrandRule(const Brand& brand) {
  std::vector<std::string> words = {brand.name};
  for (const auto& a : brand.aliases) words.push_back(a);
  for (const auto& p : brand.products) words.push_back(p);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string rule;
  for (const auto& w : words) {
    if (w.empty()) continue;
    rule += (rule.empty() ? "" : " OR ") + Quoted(w);
  }
  if (!brand.handle.empty()) rule += " OR @" + brand.handle + " OR from:" + brand.handle;
  return rule;
}

Result<Brand> FindBrand(const std::vector<Brand>& brands, const std::string& name) {
  std::string known;
  for (const Brand& b : brands) {
    if (Lower(b.name) == Lower(name)) return b;
    known += (known.empty() ? "" : ", ") + b.name;
  }
  return Status::InvalidArgument("no brand '" + name + "' (known: " + known + ")");
}

}  // namespace roost::synth

#include "brands/brand_query.h"

#include <algorithm>
#include <cstdio>
#include <memory>

#include <xxhash.h>

#include "query/parser.h"

namespace roost::brands {
namespace {

std::string Quoted(const std::string& phrase) { return "\"" + phrase + "\""; }  // validated: no quote inside

std::string AnyOf(const std::vector<std::string>& parts) {
  if (parts.size() == 1) return parts[0];
  std::string out = "(";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? " OR " : "") + parts[i];
  return out + ")";
}

// Both trees under one node of `kind`.
std::unique_ptr<query::Node> Join(query::Node::Kind kind, std::unique_ptr<query::Node> a,
                                  std::unique_ptr<query::Node> b) {
  auto n = std::make_unique<query::Node>();
  n->kind = kind;
  n->children.push_back(std::move(a));
  n->children.push_back(std::move(b));
  return n;
}

std::unique_ptr<query::Node> Tree(const std::string& text) {
  auto q = query::ParseQuery(text);
  return q.ok() ? std::move(q->root) : nullptr;
}

}  // namespace

std::string BrandQuery(const BrandDefinition& b) {
  std::vector<std::string> words = {Quoted(b.name)};
  for (const auto* list : {&b.aliases, &b.products})
    for (const std::string& w : *list) words.push_back(Quoted(w));
  std::string by_words = AnyOf(words);
  if (!b.exclude.empty()) {
    std::vector<std::string> vetoes;
    for (const std::string& e : b.exclude) vetoes.push_back(Quoted(e));
    by_words = "(" + by_words + " -" + AnyOf(vetoes) + ")";
  }
  std::vector<std::string> any;
  for (const std::string& h : b.handles) {
    any.push_back("@" + h);
    any.push_back("from:" + h);
    any.push_back("to:" + h);  // a reply to the brand's tweet addresses it, mention or not
  }
  for (const std::string& h : b.hashtags) any.push_back("#" + h);
  any.push_back(by_words);
  std::string langs;
  if (!b.langs.empty()) {
    std::vector<std::string> each;
    for (const std::string& l : b.langs) each.push_back("lang:" + l);
    langs = AnyOf(each);
  }
  if (b.filter.empty()) return AnyOf(any) + (langs.empty() ? "" : " " + langs);
  // The filter may be CSDL, which a rule cannot hold: join the trees and
  // write the whole as CSDL.
  auto rule = Tree(AnyOf(any));
  auto filter = Tree(b.filter);
  if (!rule || !filter) return AnyOf(any);  // unreachable: both were checked when the file was read
  query::Query q;
  q.root = Join(query::Node::kOr, std::move(filter), std::move(rule));
  if (!langs.empty()) q.root = Join(query::Node::kAnd, std::move(q.root), Tree(langs));
  return q.ToString();
}

std::vector<std::string> BrandNamingWords(const BrandDefinition& b) {
  std::vector<std::string> out = {b.name};
  for (const auto* list : {&b.aliases, &b.products, &b.handles, &b.hashtags})
    out.insert(out.end(), list->begin(), list->end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string BrandFingerprint(const BrandDefinition& b) {
  const std::string rule = b.name + '\n' + BrandQuery(b);
  char hex[17];
  snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(XXH3_64bits(rule.data(), rule.size())));
  return hex;
}

}  // namespace roost::brands

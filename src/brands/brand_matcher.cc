#include "brands/brand_matcher.h"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include "query/matcher.h"
#include "query/parser.h"
#include "query/targets.h"
#include "storage/segment_format.h"

namespace roost::brands {
namespace {

// Between tokens in the stream; no token holds it (the tokenizer splits on
// control characters), so a literal framed by it is a whole-token match.
constexpr char kSep = '\x1f';

// The value a one-predicate rule (`@h`, `from:h`, `#h`, `lang:xx`) compares
// stored values with, normalised exactly as the executor does.
Result<std::string> RuleValue(const std::string& rule, bool dictionary_key) {
  ROOST_ASSIGN_OR_RETURN(query::Query q, query::ParseQuery(rule));
  if (!q.root || q.root->kind != query::Node::kPred) return Status::Internal("'" + rule + "' is not one predicate");
  const query::Predicate& p = q.root->pred;
  return dictionary_key ? query::NormalizeValue(*p.target, p.value) : query::FoldForMatch(p.value, false);
}

// One Hyperscan scratch per thread, grown to fit every database it meets.
struct Scratch {
  hs_scratch_t* s = nullptr;
  uint64_t fitted_to = 0;  // BrandMatcher::id_ of the last database it was grown for
  ~Scratch() {
    if (s) hs_free_scratch(s);
  }
};

struct ScanHits {
  std::vector<uint32_t>* ids;
};

int OnMatch(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  static_cast<ScanHits*>(ctx)->ids->push_back(id);
  return 0;
}

}  // namespace

void BrandMatcher::TokenStream(std::string_view text, std::string* out) {
  thread_local std::vector<std::string> tokens;
  query::MatchTokens(text, /*cs=*/false, &tokens);
  out->assign(1, kSep);
  for (const std::string& t : tokens) {
    out->append(t);
    out->push_back(kSep);
  }
}

Result<std::unique_ptr<BrandMatcher>> BrandMatcher::Compile(const BrandSet& set) {
  static std::atomic<uint64_t> next_id{1};
  std::unique_ptr<BrandMatcher> m(new BrandMatcher());
  m->id_ = next_id++;
  std::vector<std::string> literals;
  std::unordered_map<std::string, uint32_t> literal_id;
  auto add_phrase = [&](const std::string& phrase, uint32_t brand, bool veto) {
    std::string framed;
    TokenStream(phrase, &framed);
    if (framed.size() == 1) return;  // nothing word-like: matches no tweet, as in a query
    auto [it, added] = literal_id.try_emplace(framed, static_cast<uint32_t>(literals.size()));
    if (added) {
      literals.push_back(framed);
      m->uses_.emplace_back();
    }
    m->uses_[it->second].push_back(Use{brand, veto});
  };
  for (uint32_t b = 0; b < set.brands.size(); ++b) {
    const BrandDefinition& d = set.brands[b];
    m->per_tweet_.push_back(d.filter.empty() ? 1 : 0);
    m->langs_.emplace_back();
    for (const std::string& l : d.langs) {
      auto v = RuleValue("lang:" + l, false);
      if (!v.ok()) return Status::InvalidArgument(set.path + ":" + std::to_string(d.line) + ": brand '" + d.name +
                                                  "' lang '" + l + "': " + v.status().message());
      m->langs_.back().push_back(*v);
    }
    if (!d.filter.empty()) continue;
    add_phrase(d.name, b, false);
    for (const auto* list : {&d.aliases, &d.products})
      for (const std::string& w : *list) add_phrase(w, b, false);
    for (const std::string& e : d.exclude) add_phrase(e, b, true);
    for (const std::string& h : d.handles) {
      ROOST_ASSIGN_OR_RETURN(std::string mention, RuleValue("@" + h, true));
      ROOST_ASSIGN_OR_RETURN(std::string author, RuleValue("from:" + h, true));
      ROOST_ASSIGN_OR_RETURN(std::string replied, RuleValue("to:" + h, true));
      m->mentions_[mention].push_back(b);
      m->authors_[author].push_back(b);
      m->replied_[replied].push_back(b);
    }
    for (const std::string& h : d.hashtags) {
      ROOST_ASSIGN_OR_RETURN(std::string tag, RuleValue("#" + h, true));
      m->hashtags_[tag].push_back(b);
    }
  }
  if (!literals.empty()) {
    std::vector<const char*> ptrs;
    std::vector<size_t> lens;
    std::vector<unsigned> flags(literals.size(), HS_FLAG_SINGLEMATCH), ids;
    for (uint32_t i = 0; i < literals.size(); ++i) {
      ptrs.push_back(literals[i].data());
      lens.push_back(literals[i].size());
      ids.push_back(i);
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_lit_multi(ptrs.data(), flags.data(), ids.data(), lens.data(), static_cast<unsigned>(literals.size()),
                             HS_MODE_BLOCK, nullptr, &m->db_, &err) != HS_SUCCESS) {
      std::string why = err && err->message ? err->message : "unknown error";
      if (err && err->expression >= 0) why += " (phrase '" + literals[static_cast<size_t>(err->expression)] + "')";
      hs_free_compile_error(err);
      return Status::InvalidArgument(set.path + ": brand phrases cannot be compiled: " + why);
    }
  }
  return m;
}

BrandMatcher::~BrandMatcher() {
  if (db_) hs_free_database(db_);
}

void BrandMatcher::Match(const Tweet& t, std::vector<uint8_t>* hits) const {
  const size_t n = per_tweet_.size();
  hits->assign(n, 0);
  thread_local std::vector<uint8_t> words, vetoes;
  words.assign(n, 0);
  vetoes.assign(n, 0);
  if (db_) {
    thread_local Scratch scratch;
    thread_local std::string stream;
    thread_local std::vector<uint32_t> ids;
    // Growing the scratch walks the database: only for a database this
    // thread has not scanned with yet.
    if (scratch.fitted_to != id_) {
      if (hs_alloc_scratch(db_, &scratch.s) != HS_SUCCESS) std::abort();  // out of memory
      scratch.fitted_to = id_;
    }
    TokenStream(t.text, &stream);
    ids.clear();
    ScanHits ctx{&ids};
    // Fails only on a database or scratch that is not valid: a wrong tag
    // would be silent, so stop.
    if (hs_scan(db_, stream.data(), static_cast<unsigned>(stream.size()), 0, scratch.s, OnMatch, &ctx) != HS_SUCCESS)
      std::abort();
    for (uint32_t id : ids)
      for (const Use& u : uses_[id]) (u.veto ? vetoes : words)[u.brand] = 1;
  }
  for (size_t b = 0; b < n; ++b) (*hits)[b] = words[b] && !vetoes[b];
  thread_local std::string folded;
  auto mark = [&](const std::unordered_map<std::string, std::vector<uint32_t>>& table, std::string_view value) {
    if (table.empty()) return;
    folded = storage::FoldDimValue(value);
    auto it = table.find(folded);
    if (it != table.end())
      for (uint32_t b : it->second) (*hits)[b] = 1;
  };
  for (const Mention& m : t.mentions) mark(mentions_, m.screen_name);
  mark(authors_, t.user.screen_name);
  if (!t.reply_to_screen_name.empty()) mark(replied_, t.reply_to_screen_name);
  for (const Hashtag& h : t.hashtags) mark(hashtags_, h.text);
  std::string lang;
  for (size_t b = 0; b < n; ++b) {
    if (!(*hits)[b]) continue;
    if (!per_tweet_[b]) {
      (*hits)[b] = 0;
      continue;
    }
    if (langs_[b].empty()) continue;
    if (lang.empty()) lang = query::FoldForMatch(t.detected_lang, false);
    if (std::find(langs_[b].begin(), langs_[b].end(), lang) == langs_[b].end()) (*hits)[b] = 0;
  }
}

}  // namespace roost::brands

#include "enrich/enricher.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <string_view>

#include "enrich/language/language_id.h"
#include "enrich/text/stopwords.h"

namespace roost {
namespace {

// Retweets of one tweet share their text ("RT @author: ..."), and language,
// terms and sentiment depend only on the text and the platform tag. A small
// per-thread cache of those results for retweet texts skips the repeats; a
// hit gives exactly what the steps would compute.
struct RetweetCache {
  static constexpr size_t kSlots = 4096;
  struct Entry {
    std::string lang, text;  // the key
    std::string detected_lang;
    float lang_confidence = 0;
    TermList terms;
    bool sentiment_scored = false;
    float sentiment = 0;
  };
  std::vector<Entry> slots{kSlots};

  static bool Applies(const Tweet& t) { return t.text.size() > 4 && t.text.compare(0, 4, "RT @") == 0; }
  Entry& SlotFor(const Tweet& t) {
    return slots[std::hash<std::string_view>()(t.text) % kSlots];
  }
};

void AddDomain(std::vector<std::string>* domains, std::string domain) {
  if (domain.empty()) return;
  if (std::find(domains->begin(), domains->end(), domain) != domains->end()) return;
  domains->push_back(std::move(domain));
}

}  // namespace

Result<Enricher> Enricher::Create(const EnricherOptions& options) {
  static std::atomic<uint64_t> next_instance{1};
  Enricher e;
  e.instance_id_ = next_instance.fetch_add(1);
  Result<text::StopwordSet> stopwords =
      options.lexicon_dir.empty()
          ? text::StopwordSet::LoadDefault()
          : text::StopwordSet::LoadFile(options.lexicon_dir / "stopwords-iso/stopwords-iso.json");
  if (!stopwords.ok()) return stopwords.status();
  e.analyzer_ = std::make_shared<const text::TextAnalyzer>(
      options.text, std::make_shared<const text::StopwordSet>(std::move(stopwords).value()));
  e.entities_ = std::make_shared<const enrich::EntityExtractor>();
  if (options.sentiment) {
    SentimentOptions sopt;
    sopt.lexicon_dir = options.lexicon_dir;
    ROOST_ASSIGN_OR_RETURN(SentimentScorer scorer, SentimentScorer::Load(sopt));
    e.sentiment_ = std::make_shared<const SentimentScorer>(std::move(scorer));
  }
  return e;
}

void Enricher::EnrichEntities(Tweet* t) const {
  t->domains.clear();
  const bool parser_gave_entities =
      !t->urls.empty() || !t->hashtags.empty() || !t->mentions.empty() || !t->cashtags.empty();
  if (!parser_gave_entities && !t->text.empty()) {
    thread_local std::vector<enrich::Entity> found;
    entities_->Extract(t->text, &found);
    for (const auto& e : found) {
      switch (e.type) {
        case enrich::Entity::kHashtag:
          t->hashtags.push_back(Hashtag{e.text});
          break;
        case enrich::Entity::kMention:
          t->mentions.push_back(Mention{0, e.text});
          break;
        case enrich::Entity::kUrl:
          t->urls.push_back(Url{e.text, ""});
          break;
        case enrich::Entity::kCashtag:
          t->cashtags.push_back(e.text);
          break;
        case enrich::Entity::kList:
          break;
      }
    }
  }
  for (const auto& u : t->urls) {
    AddDomain(&t->domains, enrich::NormalizeDomain(u.expanded_url.empty() ? u.url : u.expanded_url));
  }
}

void Enricher::EnrichLanguage(Tweet* t) const {
  language::LanguageGuess g = language::IdentifyLanguage(t->text, t->lang);
  t->detected_lang = std::move(g.lang);
  t->lang_confidence = g.confidence;
}

void Enricher::EnrichTerms(Tweet* t) const {
  t->terms.clear();
  analyzer_->Analyze(t->text, t->detected_lang, &t->terms);
}

void Enricher::EnrichSentiment(Tweet* t) const {
  t->sentiment_scored = false;
  t->sentiment = 0;
  if (!sentiment_) return;
  SentimentResult r = sentiment_->Score(t->text, t->detected_lang);
  t->sentiment_scored = r.scored;
  t->sentiment = r.compound;
}

void Enricher::Enrich(Tweet* t) const {
  t->brand_tags.clear();
  EnrichEntities(t);
  if (!RetweetCache::Applies(*t)) {
    EnrichLanguage(t);
    EnrichTerms(t);
    EnrichSentiment(t);
    return;
  }
  thread_local RetweetCache cache;
  // One cache per thread serves one Enricher; another Enricher (other
  // options) on the same thread must not read its entries.
  thread_local uint64_t owner = 0;
  if (owner != instance_id_) {
    cache = RetweetCache();
    owner = instance_id_;
  }
  RetweetCache::Entry& e = cache.SlotFor(*t);
  if (e.text == t->text && e.lang == t->lang) {
    t->detected_lang = e.detected_lang;
    t->lang_confidence = e.lang_confidence;
    t->terms = e.terms;
    t->sentiment_scored = e.sentiment_scored;
    t->sentiment = e.sentiment;
    return;
  }
  EnrichLanguage(t);
  EnrichTerms(t);
  EnrichSentiment(t);
  e.lang = t->lang;
  e.text = t->text;
  e.detected_lang = t->detected_lang;
  e.lang_confidence = t->lang_confidence;
  e.terms = t->terms;
  e.sentiment_scored = t->sentiment_scored;
  e.sentiment = t->sentiment;
}

}  // namespace roost

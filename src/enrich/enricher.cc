#include "enrich/enricher.h"

#include <algorithm>
#include <string_view>

#include "enrich/language/language_id.h"
#include "enrich/text/stopwords.h"

namespace roost {
namespace {

void AddDomain(std::vector<std::string>* domains, std::string domain) {
  if (domain.empty()) return;
  if (std::find(domains->begin(), domains->end(), domain) != domains->end()) return;
  domains->push_back(std::move(domain));
}

}  // namespace

Result<Enricher> Enricher::Create(const EnricherOptions& options) {
  Enricher e;
  e.retweets_ = std::make_shared<RetweetCache>();
  Result<text::StopwordSet> stopwords =
      options.lexicon_dir.empty()
          ? text::StopwordSet::LoadDefault()
          : text::StopwordSet::LoadFile(options.lexicon_dir / "stopwords-iso/stopwords-iso.json");
  if (!stopwords.ok()) return stopwords.status();
  e.analyzer_ = std::make_shared<const text::TextAnalyzer>(
      options.text, std::make_shared<const text::StopwordSet>(std::move(stopwords).value()));
  e.entities_ = std::make_shared<const enrich::EntityExtractor>();
  if (options.sentiment) {
    TweetSentimentOptions sopt;
    sopt.model = options.sentiment_model;
    sopt.lexicon_dir = options.lexicon_dir;
    sopt.model_dir = options.model_dir;
    sopt.ignore_words = options.sentiment_ignore_words;
    ROOST_ASSIGN_OR_RETURN(TweetSentimentScorer scorer, TweetSentimentScorer::Load(sopt));
    e.sentiment_ = std::make_shared<const TweetSentimentScorer>(std::move(scorer));
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
  t->sentiment_model = SentimentModel::kNone;
  if (!sentiment_) return;
  SentimentResult r = sentiment_->Score(t->text, t->detected_lang, &t->sentiment_model);
  t->sentiment_scored = r.scored;
  t->sentiment = r.compound;
  if (!r.scored) t->sentiment_model = SentimentModel::kNone;
}

void Enricher::Enrich(Tweet* t) const {
  t->brand_tags.clear();
  EnrichEntities(t);
  const bool retweet = RetweetCache::Applies(*t);
  if (retweet && retweets_->Fill(t)) return;
  EnrichLanguage(t);
  EnrichTerms(t);
  EnrichSentiment(t);
  if (retweet) retweets_->Store(*t);
}

}  // namespace roost

// Function words of the VADER rules, for English (as VADER defines them) and
// French (the same roles, chosen by us for French grammar: the negation is
// carried by "pas/jamais/rien", not by "ne", which only marks "ne ... plus").
#include <initializer_list>
#include <string>
#include <string_view>

#include "enrich/sentiment/sentiment_model.h"
#include "enrich/sentiment/text_fold.h"

namespace roost::sentiment {
namespace {

std::string Key(std::string_view word) {
  std::string key;
  FoldWord(word, &key);
  return key;
}

void SetFlag(LanguageModel* m, std::initializer_list<std::string_view> words, uint32_t flag) {
  for (std::string_view w : words) m->words.Upsert(Key(w)).flags |= flag;
}

void SetBoosters(LanguageModel* m, std::initializer_list<std::string_view> words, float scalar) {
  for (std::string_view w : words) {
    LexEntry& e = m->words.Upsert(Key(w));
    e.flags |= kBooster;
    e.booster = scalar;
  }
}

// Multi-word phrases: every word gets kIdiomPart so the scorer only builds
// phrase keys around tokens that can be part of one.
void AddPhrase(LanguageModel* m, std::string_view phrase, uint32_t flag, float value) {
  std::string key = Key(phrase);
  LexEntry& e = m->phrases.Upsert(key);
  e.flags |= flag;
  if (flag == kHasValence) e.valence = value;
  if (flag == kBooster) e.booster = value;
  size_t start = 0;
  while (start <= key.size()) {
    size_t space = key.find(' ', start);
    if (space == std::string::npos) space = key.size();
    m->words.Upsert(std::string_view(key).substr(start, space - start)).flags |= kIdiomPart;
    start = space + 1;
  }
}

}  // namespace

void AddEnglishRules(LanguageModel* m) {
  m->nt_negates = true;
  SetFlag(m,
          {"aint",     "arent",   "cannot",   "cant",     "couldnt", "darent",   "didnt",
           "doesnt",   "ain't",   "aren't",   "can't",    "couldn't", "daren't", "didn't",
           "doesn't",  "dont",    "hadnt",    "hasnt",    "havent",  "isnt",     "mightnt",
           "mustnt",   "neither", "don't",    "hadn't",   "hasn't",  "haven't",  "isn't",
           "mightn't", "mustn't", "neednt",   "needn't",  "never",   "none",     "nope",
           "nor",      "not",     "nothing",  "nowhere",  "oughtnt", "shant",    "shouldnt",
           "uhuh",     "wasnt",   "werent",   "oughtn't", "shan't",  "shouldn't", "uh-uh",
           "wasn't",   "weren't", "without",  "wont",     "wouldnt", "won't",    "wouldn't",
           "rarely",   "seldom",  "despite"},
          kNegation);
  SetBoosters(m,
              {"absolutely", "amazingly",     "awfully",    "completely",   "considerably",
               "decidedly",  "deeply",        "effing",     "enormously",   "entirely",
               "especially", "exceptionally", "extremely",  "fabulously",   "flipping",
               "flippin",    "fricking",      "frickin",    "frigging",     "friggin",
               "fully",      "fucking",       "greatly",    "hella",        "highly",
               "hugely",     "incredibly",    "intensely",  "majorly",      "more",
               "most",       "particularly",  "purely",     "quite",        "really",
               "remarkably", "so",            "substantially", "thoroughly", "totally",
               "tremendously", "uber",        "unbelievably", "unusually",  "utterly",
               "very"},
              kBoosterIncrement);
  SetBoosters(m,
              {"almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little",
               "marginally", "occasionally", "partly", "scarcely", "slightly", "somewhat",
               "sorta", "sortof", "sort-of"},
              -kBoosterIncrement);
  SetFlag(m, {"but"}, kBut);
  SetFlag(m, {"least"}, kLeast);
  SetFlag(m, {"at", "very"}, kLeastGuard);
  SetFlag(m, {"never"}, kNever);
  SetFlag(m, {"so", "this"}, kSoThis);
  SetFlag(m, {"without"}, kWithout);
  SetFlag(m, {"doubt"}, kDoubt);
  SetFlag(m, {"kind"}, kKind);
  SetFlag(m, {"of"}, kOf);
  SetFlag(m, {"no"}, kNo);
  SetFlag(m, {"or", "nor"}, kOrNor);
  for (auto [phrase, value] : std::initializer_list<std::pair<std::string_view, float>>{
           {"the shit", 3.0f},        {"the bomb", 3.0f},      {"bad ass", 1.5f},
           {"yeah right", -2.0f},     {"cut the mustard", 2.0f}, {"kiss of death", -1.5f},
           {"hand to mouth", -2.0f},  {"to die for", 3.0f},    {"beating heart", 3.1f},
           {"broken heart", -2.9f},   {"bus stop", 0.0f}}) {
    AddPhrase(m, phrase, kHasValence, value);
  }
  for (std::string_view phrase : {"kind of", "sort of", "just enough"}) {
    AddPhrase(m, phrase, kBooster, -kBoosterIncrement);
  }
}

void AddFrenchRules(LanguageModel* m) {
  m->split_elision = true;
  m->use_stemmer = true;
  // Negation particles carry no valence of their own here (AFINN-fr gives
  // some of them one, which would count the negation twice).
  for (std::string_view w : {"pas", "jamais", "rien", "aucun", "aucune", "ni", "sans",
                             "non", "nullement", "aucunement"}) {
    LexEntry& e = m->words.Upsert(Key(w));
    e.flags = (e.flags & ~kHasValence) | kNegation;
  }
  SetFlag(m, {"ne", "n'"}, kNe);
  SetFlag(m, {"plus"}, kPlus);
  SetBoosters(m,
              {"très", "vraiment", "tellement", "trop", "extrêmement", "absolument",
               "totalement", "complètement", "entièrement", "particulièrement",
               "incroyablement", "hyper", "vachement", "carrément", "franchement",
               "énormément", "profondément", "hautement", "si", "plus"},
              kBoosterIncrement);
  SetBoosters(m,
              {"peu", "légèrement", "presque", "moins", "guère", "plutôt", "assez",
               "quasiment", "partiellement", "vaguement"},
              -kBoosterIncrement);
  SetFlag(m, {"mais"}, kBut);
  SetFlag(m, {"jamais"}, kNever);
  SetFlag(m, {"aussi", "si", "autant"}, kSoThis);
  SetFlag(m, {"sans"}, kWithout);
  SetFlag(m, {"doute"}, kDoubt);
  // "peu" already dampens on its own ("un peu triste"); "à peine" means
  // "barely", so "peine" (sorrow) must not count there.
  AddPhrase(m, "à peine", kHasValence, 0.0f);
}

}  // namespace roost::sentiment

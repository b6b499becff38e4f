// The sentiment flags ingest and rescore share: which scorer (--sentiment-model
// / --model) and whose names carry no sentiment (--brands brands.toml).
#ifndef ROOST_CLI_SENTIMENT_OPTIONS_H_
#define ROOST_CLI_SENTIMENT_OPTIONS_H_

#include <string>

#include <CLI/CLI.hpp>

#include "enrich/sentiment/tweet_sentiment.h"
#include "roost/status.h"

namespace roost::cli {

struct SentimentFlags {
  std::string model = "learned";  // learned | lexicon
  std::string brands;             // brands.toml, or empty
};

// Adds `model_flag` ("--sentiment-model" or "--model") and --brands to `cmd`.
void AddSentimentFlags(CLI::App* cmd, SentimentFlags* flags, const std::string& model_flag);

// The scorer options the flags ask for: the brands' names, handles and
// aliases become ignored words. InvalidArgument (file and reason) for a
// brands file that cannot be read.
Result<TweetSentimentOptions> ResolveSentimentFlags(const SentimentFlags& flags);

}  // namespace roost::cli

#endif  // ROOST_CLI_SENTIMENT_OPTIONS_H_

// How trends and spikes print a tweet they show: one line, its text hidden
// or its handle left out as the answer says.
#ifndef ROOST_CLI_SHOWN_TWEET_LINE_H_
#define ROOST_CLI_SHOWN_TWEET_LINE_H_

#include <string_view>

#include "roost/roost.h"

namespace roost::cli {

// "  TAGTIME @handle text" (tabs and newlines of the text as spaces).
void PrintTweetLine(std::string_view tag, const ShownTweet& t, bool text_shown, bool handles_shown);

}  // namespace roost::cli

#endif  // ROOST_CLI_SHOWN_TWEET_LINE_H_

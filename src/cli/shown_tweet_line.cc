#include "cli/shown_tweet_line.h"

#include <fmt/format.h>

#include <string>

namespace roost::cli {

void PrintTweetLine(std::string_view tag, const ShownTweet& t, bool text_shown,
                    bool handles_shown) {
  std::string text = text_shown ? t.text : "[text hidden]";
  for (char& c : text)
    if (c == '\n' || c == '\t') c = ' ';
  fmt::print("  {}{} {}{}\n", tag, t.created_at, handles_shown ? "@" + t.handle + " " : "", text);
}

}  // namespace roost::cli

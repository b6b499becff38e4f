// "Did you mean": when CLI11 rejects a command line, find the word it did
// not know (a misspelt subcommand or flag) and the nearest word it does.
// Called only after a parse error, so a correct command line pays nothing.
#ifndef ROOST_CLI_SUGGEST_H_
#define ROOST_CLI_SUGGEST_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace roost::cli {

struct UnknownWord {
  std::string command;     // "roost" or "roost count": where the word was met
  std::string word;        // as typed, e.g. "cuont" or "--archiv"
  bool is_flag = false;    // a --flag rather than a subcommand
  std::string suggestion;  // the nearest known word, or "" when none is close
};

// The first word of `args` (argv without the program name) that `app` knows
// neither as a subcommand nor as a flag of the subcommand it follows;
// nullopt when every word is known (the parse error lies elsewhere).
std::optional<UnknownWord> FindUnknownWord(const CLI::App& app,
                                           const std::vector<std::string>& args);

// One line for stderr: "roost count: unknown flag --archiv (did you mean --archive?)".
std::string DescribeUnknownWord(const UnknownWord& u);

}  // namespace roost::cli

#endif  // ROOST_CLI_SUGGEST_H_

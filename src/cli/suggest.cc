#include "cli/suggest.h"

#include <string_view>

#include "query/targets.h"

namespace roost::cli {
namespace {

std::string_view WithoutDashes(std::string_view s) {
  while (!s.empty() && s.front() == '-') s.remove_prefix(1);
  return s;
}

// Dashes are compared away: the distance budget grows with the word's
// length, and "--" would buy a typo in a short flag two free edits.
std::string NearestFlag(const CLI::App& app, std::string_view flag) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options())
    for (const std::string& n : o->get_lnames()) names.push_back(n);
  const std::string best = query::Suggest(WithoutDashes(flag), names);
  return best.empty() ? best : "--" + best;
}

// Named subcommands only: CLI11 keeps option groups as unnamed ones.
std::vector<const CLI::App*> Subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* s) { return !s->get_name().empty(); });
}

const CLI::App* FindSubcommand(const CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : Subcommands(app))
    if (sub->check_name(name)) return sub;
  return nullptr;
}

bool KnowsFlag(const CLI::App& app, const std::string& flag) {
  return app.get_option_no_throw(flag) != nullptr;
}

}  // namespace

std::optional<UnknownWord> FindUnknownWord(const CLI::App& app,
                                           const std::vector<std::string>& args) {
  const CLI::App* current = &app;
  std::string command = app.get_name();
  for (const std::string& arg : args) {
    if (arg == "--") break;  // what follows is positional by definition
    if (arg.starts_with("--")) {
      const std::string flag = arg.substr(0, arg.find('='));
      if (KnowsFlag(*current, flag) || KnowsFlag(app, flag)) continue;
      return UnknownWord{command, flag, true, NearestFlag(*current, flag)};
    }
    // The first bare word names the subcommand; later ones are its values.
    if (current == &app && !arg.starts_with("-")) {
      const CLI::App* sub = FindSubcommand(app, arg);
      if (sub == nullptr) {
        std::vector<std::string> names;
        for (const CLI::App* s : Subcommands(app)) names.push_back(s->get_name());
        return UnknownWord{command, arg, false, query::Suggest(arg, names)};
      }
      current = sub;
      command += " " + sub->get_name();
    }
  }
  return std::nullopt;
}

std::string DescribeUnknownWord(const UnknownWord& u) {
  std::string out =
      u.command + ": unknown " + (u.is_flag ? "flag " + u.word : "command '" + u.word + "'");
  if (!u.suggestion.empty()) {
    out += u.is_flag ? " (did you mean " + u.suggestion + "?)"
                     : " (did you mean '" + u.suggestion + "'?)";
  } else {
    out += " (" + u.command + " --help lists the " + (u.is_flag ? "flags)" : "commands)");
  }
  return out;
}

}  // namespace roost::cli

// roost lang: identifies the language of one text per line of stdin (for
// measuring accuracy on labelled sets). Prints `language<TAB>confidence` per
// line, or with --json one object per line. With --with-tag each line is
// `platform_tag<TAB>text` and the platform-tag combination rule applies, as
// at ingest.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "enrich/language/language_id.h"

namespace roost::cli {
namespace {

struct LangArgs {
  bool json = false;
  bool with_tag = false;
};

int RunLang(const LangArgs& args) {
  std::ios::sync_with_stdio(false);
  std::string line;
  std::string out;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view text = line;
    std::string_view tag;
    if (args.with_tag) {
      size_t tab = text.find('\t');
      if (tab != std::string_view::npos) {
        tag = text.substr(0, tab);
        text.remove_prefix(tab + 1);
      }
    }
    language::LanguageGuess g = language::IdentifyLanguage(text, tag);
    out.clear();
    if (args.json) {
      fmt::format_to(std::back_inserter(out),
                     "{{\"language\": \"{}\", \"confidence\": {:.3f}, \"reliable\": {}, "
                     "\"text_bytes\": {}, \"source\": \"{}\"}}\n",
                     g.lang, g.confidence, g.reliable ? "true" : "false", g.text_bytes,
                     language::SourceName(g.source));
    } else {
      fmt::format_to(std::back_inserter(out), "{}\t{:.3f}\n", g.lang, g.confidence);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (std::ferror(stdout)) {
    fmt::print(stderr, "roost lang: write error on stdout\n");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void AddLangCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<LangArgs>();
  auto* cmd = app.add_subcommand(
      "lang",
      "identify the language of text from stdin, one text per line: prints "
      "language<TAB>confidence (ISO 639-1 or und, confidence 0..1)");
  cmd->add_flag("--json", args->json,
                "print {\"language\", \"confidence\", \"reliable\", \"text_bytes\", \"source\"} "
                "per line");
  cmd->add_flag("--with-tag", args->with_tag,
                "each line is platform_tag<TAB>text; combine the tag with the detector as "
                "ingest does");
  cmd->callback([args, exit_code] { *exit_code = RunLang(*args); });
}

}  // namespace roost::cli

// roost: the command-line front end. Parses arguments, calls the library,
// chooses the exit code. Nothing here computes an answer.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/allocator.h"
#include "cli/build_info.h"
#include "cli/command.h"
#include "cli/suggest.h"

int main(int argc, char** argv) {
  roost::cli::TuneAllocator();
  // Named, so --help says "roost" whatever path the binary was run from.
  CLI::App app{"roost: an engine for historical tweet archives", "roost"};
  app.require_subcommand(1);
  app.set_version_flag("--version", roost::cli::VersionText());
  int exit_code = roost::cli::kExitOk;
  const roost::cli::Registrar registrars[] = {
      roost::cli::AddIngestCommand,
      roost::cli::AddInfoCommand,
      roost::cli::AddVerifyCommand,
      roost::cli::AddCompactCommand,
      roost::cli::AddRescoreCommand,
      roost::cli::AddRetagCommand,
      roost::cli::AddComplyCommand,
      roost::cli::AddEntitiesCommand,
      roost::cli::AddSynthCommand,
      roost::cli::AddSentimentCommand,
      roost::cli::AddLangCommand,
      roost::cli::AddCountCommand,
      roost::cli::AddExplainCommand,
      roost::cli::AddSampleCommand,
      roost::cli::AddDetectCommand,
      roost::cli::AddSpikesCommand,
      roost::cli::AddTrendsCommand,
      roost::cli::AddSeriesCommand,
      roost::cli::AddTopCommand,
      roost::cli::AddServeCommand,
      roost::cli::AddExportCommand,
      roost::cli::AddReportCommand,
      roost::cli::AddForecastCommand,
      roost::cli::AddBrandsCommand,
      roost::cli::AddPredictCommand,
  };
  for (auto add : registrars) add(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // A misspelt word explains most parse errors better than CLI11's
    // message does (an unknown --archiv surfaces as "--archive is required").
    if (e.get_exit_code() != 0) {
      const std::vector<std::string> args(argv + 1, argv + argc);
      if (auto unknown = roost::cli::FindUnknownWord(app, args)) {
        std::fprintf(stderr, "%s\n", roost::cli::DescribeUnknownWord(*unknown).c_str());
        return roost::cli::kExitUsage;
      }
    }
    int rc = app.exit(e);
    return rc == 0 ? roost::cli::kExitOk : roost::cli::kExitUsage;
  }
  return exit_code;
}

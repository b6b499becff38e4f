// roost: the command-line front end. Parses arguments, calls the library,
// chooses the exit code. Nothing here computes an answer.
#include <cstdio>

#include "cli/allocator.h"
#include "cli/command.h"

int main(int argc, char** argv) {
  roost::cli::TuneAllocator();
  CLI::App app{"roost: an engine for historical tweet archives"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "roost 0.1.0");
  int exit_code = roost::cli::kExitOk;
  const roost::cli::Registrar registrars[] = {
      roost::cli::AddIngestCommand,
      roost::cli::AddInfoCommand,
      roost::cli::AddVerifyCommand,
      roost::cli::AddCompactCommand,
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
      roost::cli::AddExportCommand,
  };
  for (auto add : registrars) add(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? roost::cli::kExitOk : roost::cli::kExitUsage;
  }
  return exit_code;
}

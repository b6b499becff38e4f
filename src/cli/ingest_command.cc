#include "cli/command.h"
namespace roost::cli {
void AddIngestCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("ingest", "load tweet files into an archive");
  cmd->callback([exit_code] { *exit_code = kExitOk; });
}
}  // namespace roost::cli

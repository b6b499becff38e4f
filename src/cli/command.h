// Each subcommand lives in its own file and registers itself on the CLI11
// app; main.cc only wires them together (zstd habit: argument parsing stays
// apart from the work it dispatches to the library).
#ifndef ROOST_CLI_COMMAND_H_
#define ROOST_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

namespace roost::cli {

// Exit codes are part of the command-line contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// A registrar adds one subcommand to `app`. When the subcommand runs, its
// callback stores the process exit code in `*exit_code`.
using Registrar = void (*)(CLI::App& app, int* exit_code);

void AddIngestCommand(CLI::App& app, int* exit_code);
void AddInfoCommand(CLI::App& app, int* exit_code);
void AddVerifyCommand(CLI::App& app, int* exit_code);
void AddCompactCommand(CLI::App& app, int* exit_code);
void AddRescoreCommand(CLI::App& app, int* exit_code);
void AddRetagCommand(CLI::App& app, int* exit_code);
void AddComplyCommand(CLI::App& app, int* exit_code);
void AddEntitiesCommand(CLI::App& app, int* exit_code);
void AddSynthCommand(CLI::App& app, int* exit_code);
void AddSentimentCommand(CLI::App& app, int* exit_code);
void AddLangCommand(CLI::App& app, int* exit_code);
void AddCountCommand(CLI::App& app, int* exit_code);
void AddExplainCommand(CLI::App& app, int* exit_code);
void AddSampleCommand(CLI::App& app, int* exit_code);
void AddDetectCommand(CLI::App& app, int* exit_code);
void AddSpikesCommand(CLI::App& app, int* exit_code);
void AddTrendsCommand(CLI::App& app, int* exit_code);
void AddSeriesCommand(CLI::App& app, int* exit_code);
void AddTopCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);
void AddReportCommand(CLI::App& app, int* exit_code);
void AddForecastCommand(CLI::App& app, int* exit_code);
void AddBrandsCommand(CLI::App& app, int* exit_code);
void AddPredictCommand(CLI::App& app, int* exit_code);

}  // namespace roost::cli

#endif  // ROOST_CLI_COMMAND_H_

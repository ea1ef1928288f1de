// Registration of the `kg` command groups. Each group lives in its own file and
// adds its subcommands (with their options and callbacks) to the application.
#ifndef KG_TOOLS_COMMANDS_H_
#define KG_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "tools/cli_util.h"

namespace kg::cli {

// load, triples, stats, export, remove, docs
void RegisterStoreCommands(CLI::App& app, GlobalOptions& g);
// train, parse, eval parse
void RegisterParseCommands(CLI::App& app, CLI::App& eval, GlobalOptions& g);
// extract, eval oie
void RegisterExtractCommands(CLI::App& app, CLI::App& eval, GlobalOptions& g);
// ingest
void RegisterIngestCommands(CLI::App& app, GlobalOptions& g);
// entities, explain, why
void RegisterEntityCommands(CLI::App& app, GlobalOptions& g);
// query
void RegisterQueryCommands(CLI::App& app, GlobalOptions& g);
// neighbors, path, rank, components, subgraph
void RegisterGraphCommands(CLI::App& app, GlobalOptions& g);
// serve (tools/serve_command.cc)
void RegisterServeCommand(CLI::App& app, GlobalOptions& g);
// render (tools/render_command.cc)
void RegisterRenderCommand(CLI::App& app, GlobalOptions& g);

}  // namespace kg::cli

#endif  // KG_TOOLS_COMMANDS_H_

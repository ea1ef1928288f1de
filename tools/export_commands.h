// `kg export` (N-Triples, N-Quads with one graph per document, Neo4j and
// NebulaGraph CSV) and `kg merge OUT STORE...`; registered by
// RegisterStoreCommands (tools/store_commands.cc).
#ifndef KG_TOOLS_EXPORT_COMMANDS_H_
#define KG_TOOLS_EXPORT_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "tools/cli_util.h"

namespace kg::cli {

void RegisterExportCommand(CLI::App& app, GlobalOptions& g);
void RegisterMergeCommand(CLI::App& app, GlobalOptions& g);

}  // namespace kg::cli

#endif  // KG_TOOLS_EXPORT_COMMANDS_H_

#include "tools/commands.h"

namespace kg::cli {

void RegisterExtractCommands(CLI::App& app, CLI::App& eval, GlobalOptions& g) {
  // Commands of this group are added here as they land.
  (void)app;
  (void)g;
  (void)eval;
}

}  // namespace kg::cli

#include "tools/commands.h"

namespace kg::cli {

void RegisterIngestCommands(CLI::App& app, GlobalOptions& g) {
  // Commands of this group are added here as they land.
  (void)app;
  (void)g;
}

}  // namespace kg::cli

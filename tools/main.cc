// kg: build a knowledge graph from news articles and query it.
#include <iostream>

#include "tools/cli_util.h"
#include "tools/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"kg: turns news articles into a knowledge graph you can query"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the command name
  app.set_version_flag("--version", "kg 0.1.0");

  kg::cli::GlobalOptions g;
  app.add_option("--db", g.db, "store directory")->capture_default_str();
  app.add_option("--wait", g.wait_seconds,
                 "seconds to wait for another writer to release the store")
      ->capture_default_str();

  CLI::App* eval =
      app.add_subcommand("eval", "measure parsing or extraction quality");
  eval->require_subcommand(1);

  kg::cli::RegisterStoreCommands(app, g);
  kg::cli::RegisterParseCommands(app, *eval, g);
  kg::cli::RegisterExtractCommands(app, *eval, g);
  kg::cli::RegisterIngestCommands(app, g);
  kg::cli::RegisterEntityCommands(app, g);
  kg::cli::RegisterQueryCommands(app, g);
  kg::cli::RegisterGraphCommands(app, g);
  kg::cli::RegisterServeCommand(app, g);
  kg::cli::RegisterRenderCommand(app, g);

  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // the command already printed its message
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, version, or the usage error
    return code == 0 ? 0 : kg::cli::kExitUsage;
  }
  return 0;
}

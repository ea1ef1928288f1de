// Shared plumbing for the `kg` commands: global options, opening the store,
// loading the parser model, and mapping a failing Status to one line on
// stderr and an exit code.
#ifndef KG_TOOLS_CLI_UTIL_H_
#define KG_TOOLS_CLI_UTIL_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "ingest/parser.h"
#include "storage/status.h"
#include "storage/store.h"

namespace kg::cli {

struct GlobalOptions {
  std::string db = "kg.db";  // --db PATH, before or after the command
  int wait_seconds = 0;      // --wait SECONDS for the writer lock
};

// Exit codes: 0 ok, 1 failure (or some documents failed), 2 usage error.
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Prints "kg: <message>" to stderr and ends the command with `code` (through
// CLI11's RuntimeError, which main() turns into the process exit code).
[[noreturn]] void Fail(const std::string& message, int code = kExitFailure);
[[noreturn]] void Fail(const Status& status, int code = kExitFailure);

// Loads the parser model at `path` (empty: DefaultModelPath()); on failure
// ends the command with a clear message. When WordNet is missing, warns once
// on stderr that tagging and parsing (whose features use it) go on without it.
std::unique_ptr<Parser> LoadParserOrDie(const std::string& path);

// Opens the store named by --db; on failure ends the command with a clear
// message.
std::unique_ptr<Store> OpenStoreOrDie(const GlobalOptions& g, bool read_only);

}  // namespace kg::cli

#endif  // KG_TOOLS_CLI_UTIL_H_

// kg query: runs a SPARQL query against the store and prints the results.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "query/query.h"
#include "query/result_writer.h"
#include "tools/commands.h"

namespace kg::cli {
namespace {

struct QueryArgs {
  std::string text;
  std::string file;
  std::string format;  // empty: table on a terminal, else tsv
  double timeout_seconds = 30;
  uint64_t max_rows = 1000000;
};

void RunQuery(const QueryArgs& args, const GlobalOptions& g) {
  std::string text = args.text;
  if (!args.file.empty()) {
    if (!text.empty())
      Fail("give the query either as text or with -f, not both", kExitUsage);
    std::ifstream in(args.file == "-" ? "/dev/stdin" : args.file);
    if (!in) Fail(args.file + ": cannot read the query file");
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  if (text.empty())
    Fail("no query: give it as an argument or with -f FILE", kExitUsage);
  std::string format_name = args.format.empty()
                                ? (isatty(STDOUT_FILENO) ? "table" : "tsv")
                                : args.format;
  auto format = query::ResultFormatFromName(format_name);
  if (!format.ok()) Fail(format.status(), kExitUsage);
  if (args.timeout_seconds <= 0) Fail("--timeout must be positive", kExitUsage);
  if (args.max_rows == 0) Fail("--max-rows must be positive", kExitUsage);

  auto store = OpenStoreOrDie(g, /*read_only=*/true);
  auto view = store->NewReadView();
  query::QueryOptions options;
  options.timeout = std::chrono::milliseconds(
      static_cast<int64_t>(args.timeout_seconds * 1000));
  options.max_rows = args.max_rows;
  auto cursor = query::ExecuteQuery(*view, text, options);
  if (!cursor.ok()) {
    std::string where = args.file.empty() ? "query" : args.file;
    Fail(where + ": " + cursor.status().message());
  }
  Status st = query::WriteResults(**cursor, *format, std::cout);
  if (!st.ok()) Fail(st);
  std::cout.flush();
}

}  // namespace

void RegisterQueryCommands(CLI::App& app, GlobalOptions& g) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand(
      "query", "run a SPARQL query (SELECT, ASK, CONSTRUCT) against the store");
  cmd->add_option("query", args->text, "the query text");
  cmd->add_option("-f,--file", args->file,
                  "read the query from FILE ('-' = stdin)");
  cmd->add_option("--format", args->format,
                  "table|tsv|csv|json (default: table on a terminal, else tsv)")
      ->check(CLI::IsMember({"table", "tsv", "csv", "json"}));
  cmd->add_option("--timeout", args->timeout_seconds,
                  "stop the query after SECONDS")
      ->capture_default_str();
  cmd->add_option("--max-rows", args->max_rows,
                  "stop the query once it holds or returns more rows than this")
      ->capture_default_str();
  cmd->callback([args, &g] { RunQuery(*args, g); });
}

}  // namespace kg::cli

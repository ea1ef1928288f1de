#include "tools/cli_util.h"

#include <iostream>

#include "ingest/wordnet_index.h"

namespace kg::cli {

void Fail(const std::string& message, int code) {
  std::cerr << "kg: " << message << "\n";
  throw CLI::RuntimeError(code);
}

void Fail(const Status& status, int code) { Fail(status.message(), code); }

std::unique_ptr<Parser> LoadParserOrDie(const std::string& path) {
  StatusOr<std::unique_ptr<Parser>> parser =
      Parser::Load(path.empty() ? DefaultModelPath() : path);
  if (!parser.ok()) Fail(parser.status());
  if (const Status& wn = WordNetIndex::Get().status(); !wn.ok())
    std::cerr << "kg: warning: " << wn.message()
              << "; tagging and parsing go on without WordNet's word classes, "
                 "less accurately\n";
  return std::move(*parser);
}

std::unique_ptr<Store> OpenStoreOrDie(const GlobalOptions& g, bool read_only) {
  OpenOptions options;
  options.read_only = read_only;
  options.create_if_missing = !read_only;
  options.wait_seconds = g.wait_seconds;
  auto store = Store::Open(g.db, options);
  if (!store.ok()) Fail(store.status());
  return std::move(store).value();
}

}  // namespace kg::cli

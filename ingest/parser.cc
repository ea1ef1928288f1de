#include "ingest/parser.h"

#include <cstdlib>

#include "ingest/model_file.h"
#include "ingest/parser_combined.h"
#include "ingest/parser_greedy.h"

#ifndef KG_MODEL_DIR
#define KG_MODEL_DIR "models"
#endif

namespace kg {

StatusOr<std::unique_ptr<Parser>> Parser::Load(const std::string& path) {
  StatusOr<ModelFile> file = ModelFile::ReadFile(path);
  if (!file.ok()) return file.status();
  if (CombinedParser::IsCombined(*file)) {
    StatusOr<std::unique_ptr<CombinedParser>> combined =
        CombinedParser::Load(*file, path);
    if (!combined.ok()) return combined.status();
    return std::make_unique<Parser>(std::move(*combined));
  }
  StatusOr<std::unique_ptr<GreedyParser>> greedy =
      GreedyParser::Load(*file, path);
  if (!greedy.ok()) return greedy.status();
  return std::make_unique<Parser>(std::move(*greedy));
}

std::string DefaultModelPath() {
  const char* env = std::getenv("KG_MODEL");
  if (env != nullptr && *env != '\0') return env;
  return std::string(KG_MODEL_DIR) + "/en_ud.kgm";
}

}  // namespace kg

// Where the facade finds its parser model: an explicit path, $KG_MODEL, or the
// first existing one of the installed package's model, the model under the
// library's configured install prefix, and the source tree's model.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "kg/database_rep.h"

#ifndef KG_DATADIR_MODEL
#define KG_DATADIR_MODEL ""
#endif
#ifndef KG_SOURCE_MODEL
#define KG_SOURCE_MODEL ""
#endif

namespace kg {

StatusOr<std::string> ResolveModelPath(const DatabaseOptions& options) {
  if (!options.model_path.empty()) return options.model_path;
  const char* env = std::getenv("KG_MODEL");
  if (env != nullptr && *env != '\0') return std::string(env);
  const std::vector<std::string> candidates = {
      options.installed_model, KG_DATADIR_MODEL, KG_SOURCE_MODEL};
  std::string tried;
  for (const std::string& path : candidates) {
    if (path.empty()) continue;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
    tried += (tried.empty() ? "" : ", ") + path;
  }
  return Status::NotFound(
      "no parser model found (tried " + tried +
      "); set DatabaseOptions::model_path or the KG_MODEL variable");
}

}  // namespace kg

// TempDir: a fresh directory under the system temporary directory, named
// <prefix>-XXXXXX (mkdtemp), removed with everything in it when the object is
// destroyed. When it cannot be created, path() is empty (and nothing is
// removed); a test using it then fails on its first file operation. Not
// copyable. Tests only.
#ifndef KG_TESTS_TEMP_DIR_H_
#define KG_TESTS_TEMP_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace kg::testing {

class TempDir {
 public:
  explicit TempDir(std::string_view prefix) {
    std::string tmpl = (std::filesystem::temp_directory_path() /
                        (std::string(prefix) + "-XXXXXX"))
                           .string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path()/name (not created).
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_TEMP_DIR_H_

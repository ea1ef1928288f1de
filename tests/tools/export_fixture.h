// Test fixture of the export and merge tests: a temporary directory, running
// the built `kg` (KG_BINARY) and other programs through the shell, reading
// files. Tests only.
#ifndef KG_TESTS_TOOLS_EXPORT_FIXTURE_H_
#define KG_TESTS_TOOLS_EXPORT_FIXTURE_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kg::testing {

namespace fs = std::filesystem;

struct RunResult {
  int code = -1;
  std::string out, err;
};

inline std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class ExportFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_export_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const {
    return (dir_ / name).string();
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return Path(name);
  }

  // Runs a shell command line in the test directory.
  RunResult Sh(const std::string& cmd) {
    const std::string line = "cd " + Quote(dir_.string()) + " && " + cmd +
                             " >" + Quote(Path(".out")) + " 2>" +
                             Quote(Path(".err"));
    const int status = std::system(line.c_str());
    RunResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(dir_ / ".out");
    r.err = Slurp(dir_ / ".err");
    return r;
  }
  // Runs `kg --db DB ARGS`.
  RunResult Kg(const std::string& db, const std::string& args) {
    return Sh(Quote(KG_BINARY) + " --db " + Quote(Path(db)) + " " + args);
  }
  // Runs kg and expects success; returns stdout.
  std::string KgOk(const std::string& db, const std::string& args) {
    RunResult r = Kg(db, args);
    EXPECT_EQ(r.code, 0) << "kg " << args << "\n" << r.err;
    return r.out;
  }
  static bool HavePythonRdflib() {
    return std::system("/usr/bin/python3 -c 'import rdflib' 2>/dev/null") == 0;
  }
  // Runs tests/tools/export_check.py; expects "ok".
  void ExpectCheckOk(const std::string& args) {
    RunResult r =
        Sh("/usr/bin/python3 " +
           Quote(std::string(KG_SOURCE_DIR) + "/tests/tools/export_check.py") +
           " " + args);
    EXPECT_EQ(r.code, 0) << args << "\n" << r.out << r.err;
  }

  fs::path dir_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_TOOLS_EXPORT_FIXTURE_H_

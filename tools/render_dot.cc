#include "tools/render_dot.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

extern char** environ;

namespace kg::cli {

Status RenderDot(const std::string& dot_text, const std::string& out,
                 const std::string& format) {
  namespace fs = std::filesystem;
  std::string input = (fs::temp_directory_path() / "kg-render-XXXXXX").string();
  int fd = mkstemp(input.data());
  if (fd < 0) return Status::IOError("cannot create a temporary DOT file");
  const bool written = ::write(fd, dot_text.data(), dot_text.size()) ==
                       static_cast<ssize_t>(dot_text.size());
  ::close(fd);
  if (!written) {
    fs::remove(input);
    return Status::IOError("cannot write a temporary DOT file");
  }
  const std::string tmp = out + ".tmp";
  std::vector<std::string> args = {"dot", "-T" + format, "-o", tmp, input};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "dot", nullptr, nullptr, argv.data(), environ);
  int status = 0;
  if (rc == 0) {
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  fs::remove(input);
  if (rc != 0) {
    return Status::NotFound(
        "cannot render " + out +
        ": Graphviz 'dot' is not installed (install the Debian package "
        "'graphviz'), or write DOT text with -o FILE.dot");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError("Graphviz 'dot' failed to render " + out);
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError("cannot write " + out);
  }
  return Status::OK();
}

}  // namespace kg::cli

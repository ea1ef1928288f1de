// Runs the built `kg` binary (KG_BINARY) or another program from a test and
// captures what it did: exit code or signal, stdout, stderr. No shell unless
// asked for (RunKgShell), standard input from a string or /dev/null, extra
// environment variables. Spawn() starts a process without waiting, in its own
// process group, for tests that kill it.
//
// Header-only (tests only). Thread-safety: the functions may be called from
// several threads; each call owns its pipes. SIGPIPE is ignored in the calling
// process once a run writes standard input (a child that exits early must not
// kill the test).
#ifndef KG_TESTS_CLI_RUNNER_H_
#define KG_TESTS_CLI_RUNNER_H_

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

extern char** environ;

namespace kg::testing {

struct CliResult {
  int code = -1;    // exit status; -1 when it ended by a signal or never ran
  int signal = 0;   // the signal that ended it, else 0
  std::string out;  // standard output (and standard error when merged)
  std::string err;  // standard error; empty when merge_stderr
};

struct CliOptions {
  std::optional<std::string> input;  // standard input; unset = /dev/null
  bool merge_stderr = false;         // 2>&1: stderr interleaved into `out`
  std::vector<std::string> env;      // extra NAME=VALUE entries
};

// `s` quoted for /bin/sh.
inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

namespace cli_internal {

// environ plus `extra` (an extra NAME= replaces an inherited one).
inline std::vector<std::string> Environment(
    const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry = *e;
    std::string name = entry.substr(0, entry.find('=') + 1);
    bool replaced = false;
    for (const std::string& x : extra) replaced |= x.rfind(name, 0) == 0;
    if (!replaced) env.push_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

inline std::vector<char*> Pointers(std::vector<std::string>& v) {
  std::vector<char*> p;
  for (std::string& s : v) p.push_back(s.data());
  p.push_back(nullptr);
  return p;
}

inline void Decode(int status, CliResult* r) {
  if (WIFEXITED(status)) r->code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r->signal = WTERMSIG(status);
}

}  // namespace cli_internal

// Runs argv[0] (looked up in PATH when it has no '/') with argv; waits.
inline CliResult RunProcess(std::vector<std::string> argv,
                            const CliOptions& options = {}) {
  CliResult r;
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0) return r;
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) return r;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, options.merge_stderr ? out[1] : err[1],
                                   2);
  std::vector<std::string> env = cli_internal::Environment(options.env);
  std::vector<char*> argp = cli_internal::Pointers(argv);
  std::vector<char*> envp = cli_internal::Pointers(env);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, argp[0], &fa, nullptr, argp.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    close(in[1]);
    close(out[0]);
    close(err[0]);
    r.err = "cannot run " + argv[0] + ": " + std::strerror(rc);
    return r;
  }
  std::string input = options.input.value_or("");
  size_t written = 0;
  if (input.empty()) {
    close(in[1]);
    in[1] = -1;
  } else {
    signal(SIGPIPE, SIG_IGN);
  }
  // One loop feeds stdin and drains both outputs, so no pipe can fill up and
  // block the child.
  while (in[1] >= 0 || out[0] >= 0 || err[0] >= 0) {
    pollfd fds[3] = {
        {in[1], POLLOUT, 0}, {out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (in[1] >= 0 && (fds[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = write(in[1], input.data() + written,
                        std::min<size_t>(input.size() - written, 65536));
      if (n > 0) written += static_cast<size_t>(n);
      if (n < 0 || written == input.size()) {
        close(in[1]);
        in[1] = -1;
      }
    }
    int* fd[2] = {&out[0], &err[0]};
    std::string* sink[2] = {&r.out, &r.err};
    for (int i = 0; i < 2; ++i) {
      if (*fd[i] < 0 || !(fds[i + 1].revents & (POLLIN | POLLERR | POLLHUP)))
        continue;
      char buf[65536];
      ssize_t n = read(*fd[i], buf, sizeof buf);
      if (n > 0) {
        sink[i]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(*fd[i]);
        *fd[i] = -1;
      }
    }
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  cli_internal::Decode(status, &r);
  return r;
}

// Runs `kg ARGS...` (KG_BINARY) without a shell.
inline CliResult RunKg(const std::vector<std::string>& args,
                       const CliOptions& options = {}) {
  std::vector<std::string> argv = {KG_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, options);
}

// Runs `kg ARGS` through /bin/sh, so ARGS is shell text (quotes, redirections).
inline CliResult RunKgShell(const std::string& args,
                            const CliOptions& options = {}) {
  return RunProcess({"/bin/sh", "-c", ShellQuote(KG_BINARY) + " " + args},
                    options);
}

// Starts argv without waiting: its own process group (kill(-pid, SIG) reaches
// its children too), stdin /dev/null, stdout and stderr appended to
// `log_path` (or /dev/null when empty). Returns the pid, or -1.
inline pid_t Spawn(std::vector<std::string> argv,
                   const std::vector<std::string>& extra_env = {},
                   const std::string& log_path = "") {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  const std::string log = log_path.empty() ? "/dev/null" : log_path;
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<std::string> env = cli_internal::Environment(extra_env);
  std::vector<char*> argp = cli_internal::Pointers(argv);
  std::vector<char*> envp = cli_internal::Pointers(env);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, argp[0], &fa, &attr, argp.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  return rc == 0 ? pid : -1;
}

// Waits for a process started by Spawn().
inline CliResult Wait(pid_t pid) {
  CliResult r;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return r;
  }
  cli_internal::Decode(status, &r);
  return r;
}

}  // namespace kg::testing

#endif  // KG_TESTS_CLI_RUNNER_H_

#include "storage/store_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace kg {
namespace {

std::string ReadHolder(int fd) {
  char buf[32] = {0};
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  std::string pid = n > 0 ? std::string(buf, static_cast<size_t>(n)) : "";
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) {
    pid.pop_back();
  }
  return pid.empty() ? "unknown" : pid;
}

}  // namespace

StatusOr<std::unique_ptr<StoreLock>> StoreLock::Acquire(const std::string& dir,
                                                        int wait_seconds) {
  const std::string path = dir + "/" + kFileName;
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IOError("cannot create lock file " + path + ": " +
                           std::strerror(errno));
  }
  const auto deadline =
      std::chrono::steady_clock::now() +
      std::chrono::seconds(wait_seconds > 0 ? wait_seconds : 0);
  while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      std::string err = std::strerror(errno);
      close(fd);
      return Status::IOError("cannot lock " + path + ": " + err);
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      std::string holder = ReadHolder(fd);
      close(fd);
      return Status::Busy("store at " + dir +
                          " is in use by another process (pid " + holder + ")");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) !=
                                   static_cast<ssize_t>(pid.size())) {
    std::string err = std::strerror(errno);
    close(fd);
    return Status::IOError("cannot write lock file " + path + ": " + err);
  }
  return std::unique_ptr<StoreLock>(new StoreLock(fd));
}

StoreLock::~StoreLock() {
  // Closing the descriptor releases the flock. The pid is left in the file:
  // it is only read while the lock is held by someone.
  close(fd_);
}

namespace {

void Flock(int fd, int op) {
  if (fd < 0) return;
  while (flock(fd, op) != 0 && errno == EINTR) {
  }
}

}  // namespace

std::unique_ptr<CommitLock> CommitLock::Open(const std::string& dir,
                                             bool create) {
  const int flags = (create ? O_RDWR | O_CREAT : O_RDONLY) | O_CLOEXEC;
  int commit = open((dir + "/" + kFileName).c_str(), flags, 0644);
  int turnstile = open((dir + "/" + kTurnstileName).c_str(), flags, 0644);
  if (commit < 0 || turnstile < 0) {
    if (commit >= 0) close(commit);
    if (turnstile >= 0) close(turnstile);
    commit = turnstile = -1;
  }
  return std::unique_ptr<CommitLock>(new CommitLock(commit, turnstile));
}

CommitLock::~CommitLock() {
  if (commit_fd_ >= 0) close(commit_fd_);
  if (turnstile_fd_ >= 0) close(turnstile_fd_);
}

void CommitLock::BeginCommit() {
  Flock(turnstile_fd_, LOCK_EX);
  Flock(turnstile_fd_, LOCK_UN);
  Flock(commit_fd_, LOCK_EX);
}

void CommitLock::EndCommit() { Flock(commit_fd_, LOCK_UN); }

void CommitLock::BeginReaderOpen() {
  Flock(turnstile_fd_, LOCK_EX);
  Flock(commit_fd_, LOCK_SH);
  Flock(turnstile_fd_, LOCK_UN);
}

void CommitLock::EndReaderOpen() { Flock(commit_fd_, LOCK_UN); }

}  // namespace kg

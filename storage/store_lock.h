// The single-writer lock of a store directory: an flock(2) on PATH/kg.lock that
// holds the owner's pid as text. The kernel drops the lock when the owner
// exits, however it exits, so a killed writer never leaves a stale lock.
// Not thread-safe; one StoreLock per writer Store.
#ifndef KG_STORAGE_STORE_LOCK_H_
#define KG_STORAGE_STORE_LOCK_H_

#include <memory>
#include <string>

#include "storage/status.h"

namespace kg {

class StoreLock {
 public:
  // Takes the lock, retrying for up to `wait_seconds`. Busy("store at PATH is
  // in use by another process (pid N)") when another process keeps it; IOError
  // when the lock file cannot be created.
  static StatusOr<std::unique_ptr<StoreLock>> Acquire(const std::string& dir,
                                                      int wait_seconds);
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

  static constexpr const char* kFileName = "kg.lock";

 private:
  explicit StoreLock(int fd) : fd_(fd) {}
  int fd_;
};

// Orders commits against read-only opens. RocksDB's read-only open reads the
// MANIFEST and then the WAL; a commit landing in between (in particular a bulk
// ingest, which changes only the MANIFEST, followed by WAL writes) could show
// the reader a state that never existed. The writer holds PATH/kg.commit
// exclusively while it commits; a read-only open holds it shared while it
// opens. A turnstile (PATH/kg.turnstile) keeps a busy writer from starving a
// reader: a reader holds it while it waits, and a writer passes through it
// before each commit. Not thread-safe; the writer's mutex serialises its use.
class CommitLock {
 public:
  // Opens the lock files, creating them when `create`. A reader that cannot
  // open them (a read-only directory) gets a no-op lock.
  static std::unique_ptr<CommitLock> Open(const std::string& dir, bool create);
  ~CommitLock();
  CommitLock(const CommitLock&) = delete;
  CommitLock& operator=(const CommitLock&) = delete;

  void BeginCommit();
  void EndCommit();
  void BeginReaderOpen();
  void EndReaderOpen();

  static constexpr const char* kFileName = "kg.commit";
  static constexpr const char* kTurnstileName = "kg.turnstile";

 private:
  CommitLock(int commit_fd, int turnstile_fd)
      : commit_fd_(commit_fd), turnstile_fd_(turnstile_fd) {}
  int commit_fd_, turnstile_fd_;
};

}  // namespace kg

#endif  // KG_STORAGE_STORE_LOCK_H_

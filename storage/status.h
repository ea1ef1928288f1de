// Status and StatusOr<T>: how every module reports failure across its API.
// Nothing throws across a module boundary; callers test ok() and read
// message(). A Status is cheap to copy when ok (no allocation). Both types are
// [[nodiscard]].
#ifndef KG_STORAGE_STATUS_H_
#define KG_STORAGE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace kg {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad input from the caller or from a file
    kCorruption,       // stored data or a model file is damaged
    kIOError,
    kBusy,               // the store is in use by another writer
    kDeadlineExceeded,   // a time limit stopped the work
    kResourceExhausted,  // a row/size limit stopped the work
    kUnimplemented,
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) {
    return {Code::kNotFound, std::move(msg)};
  }
  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status Corruption(std::string msg) {
    return {Code::kCorruption, std::move(msg)};
  }
  static Status IOError(std::string msg) {
    return {Code::kIOError, std::move(msg)};
  }
  static Status Busy(std::string msg) { return {Code::kBusy, std::move(msg)}; }
  static Status DeadlineExceeded(std::string msg) {
    return {Code::kDeadlineExceeded, std::move(msg)};
  }
  static Status ResourceExhausted(std::string msg) {
    return {Code::kResourceExhausted, std::move(msg)};
  }
  static Status Unimplemented(std::string msg) {
    return {Code::kUnimplemented, std::move(msg)};
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  const std::string& message() const { return message_; }
  // "NotFound: message", or "OK".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status. REQUIRES: value() only when ok().
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(const Status& status) : status_(status) {
    assert(!status.ok());
  }  // NOLINT
  StatusOr(Status&& status) : status_(std::move(status)) {
    assert(!status_.ok());
  }                                                  // NOLINT
  StatusOr(const T& value) : value_(value) {}        // NOLINT
  StatusOr(T&& value) : value_(std::move(value)) {}  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T& value() & {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace kg

// Returns early from the enclosing function when `expr` is not OK.
#define KG_RETURN_IF_ERROR(expr)     \
  do {                               \
    ::kg::Status _kg_st = (expr);    \
    if (!_kg_st.ok()) return _kg_st; \
  } while (0)

#endif  // KG_STORAGE_STATUS_H_

// Status and Result<T>: how every fallible Roost call reports failure.
// The library never prints or exits; callers decide what an error means.
#ifndef ROOST_STATUS_H_
#define ROOST_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace roost {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something malformed (usage error)
  kNotFound,         // a file, archive, segment or key does not exist
  kIoError,          // the operating system refused a read or write
  kCorruption,       // stored bytes fail a checksum or a structural check
  kParseError,       // input text is not what it claims to be
  kUnsupported,      // valid input that Roost does not handle (yet)
  kResourceExhausted,// a configured limit (size, memory, nesting) was hit
  kInternal,         // a bug: an invariant did not hold
  kDeadlineExceeded, // the question ran past its time budget and was stopped
};

// Short stable name of a code ("io_error"), for JSON output and tests.
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status ParseError(std::string m) { return {StatusCode::kParseError, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status ResourceExhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status DeadlineExceeded(std::string m) { return {StatusCode::kDeadlineExceeded, std::move(m)}; }
  // IoError carrying strerror(errno) and the path that failed.
  static Status FromErrno(const std::string& what, const std::string& path);

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "io_error: open foo.json: No such file or directory"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}  // NOLINT
  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace roost

// Returns early from the enclosing function when `expr` is not OK.
#define ROOST_RETURN_IF_ERROR(expr)          \
  do {                                       \
    ::roost::Status _roost_st = (expr);      \
    if (!_roost_st.ok()) return _roost_st;   \
  } while (0)

#define ROOST_CONCAT_INNER(a, b) a##b
#define ROOST_CONCAT(a, b) ROOST_CONCAT_INNER(a, b)
// Declares `lhs` from a Result, or returns its Status from the enclosing function.
#define ROOST_ASSIGN_OR_RETURN(lhs, expr)                                  \
  auto ROOST_CONCAT(_roost_res_, __LINE__) = (expr);                       \
  if (!ROOST_CONCAT(_roost_res_, __LINE__).ok())                           \
    return ROOST_CONCAT(_roost_res_, __LINE__).status();                   \
  lhs = std::move(ROOST_CONCAT(_roost_res_, __LINE__)).value()

#endif  // ROOST_STATUS_H_

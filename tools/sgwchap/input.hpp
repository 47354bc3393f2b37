// sgwchap tool — reading secrets and bodies without leaving copies behind.
//
// Secrets never come from the command line (they would show in `ps` and shell history): they are
// read from standard input (exact bytes: nothing is trimmed) or from a named environment
// variable, which is wiped in place and unset once read. Every buffer that held input is wiped
// with sgwchap::secure_wipe before it is released; buffers never grow by reallocation (which
// would free an unwiped copy).
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <csignal>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <sgwchap/detail/utf8.hpp>
#include <sgwchap/detail/wipe.hpp>

namespace sgwchap_tool {

/// A fixed-capacity byte buffer on the heap, wiped on destruction. Move-only.
class wiped_buffer {
 public:
  explicit wiped_buffer(std::size_t capacity) : data_(new char[capacity == 0 ? 1 : capacity]), capacity_(capacity) {}
  wiped_buffer(const wiped_buffer&) = delete;
  wiped_buffer& operator=(const wiped_buffer&) = delete;
  wiped_buffer(wiped_buffer&& other) noexcept
      : data_(std::move(other.data_)), capacity_(other.capacity_), size_(other.size_), truncated_(other.truncated_) {
    other.capacity_ = 0;
    other.size_ = 0;
  }
  wiped_buffer& operator=(wiped_buffer&&) = delete;
  ~wiped_buffer() { wipe(); }

  void wipe() noexcept {
    if (data_) sgwchap::secure_wipe(data_.get(), capacity_);
    size_ = 0;
  }

  [[nodiscard]] std::string_view view() const noexcept { return {data_.get(), size_}; }
  [[nodiscard]] char* data() noexcept { return data_.get(); }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
  /// True when the input had more bytes than the capacity (the rest was read and discarded).
  [[nodiscard]] bool truncated() const noexcept { return truncated_; }

  void set_size(std::size_t n) noexcept { size_ = n; }
  void set_truncated() noexcept { truncated_ = true; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_;
  std::size_t size_{0};
  bool truncated_{false};
};

/// Reads `fd` to its end into `buffer`: exact bytes. Bytes beyond the capacity are read (so a
/// writer on a pipe is not left blocked) into a scratch block that is wiped, and the buffer is
/// marked truncated. Returns 0, or the errno of a failed read.
inline int read_all(int fd, wiped_buffer& buffer) {
  std::size_t size = 0;
  char scratch[512];
  for (;;) {
    const bool full = size == buffer.capacity();
    char* target = full ? scratch : buffer.data() + size;
    const std::size_t room = full ? sizeof scratch : buffer.capacity() - size;
    const ssize_t n = ::read(fd, target, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      sgwchap::secure_wipe(scratch, sizeof scratch);
      buffer.set_size(size);
      return err;
    }
    if (n == 0) break;
    if (full) {
      buffer.set_truncated();
    } else {
      size += static_cast<std::size_t>(n);
    }
  }
  sgwchap::secure_wipe(scratch, sizeof scratch);
  buffer.set_size(size);
  return 0;
}

/// A truncated secret ends at a UTF-8 character boundary, so checking it reports the same first
/// error as the whole input would (every check finds the first problem before the cut: any
/// secret this long is too long under both profiles).
inline void trim_to_character_boundary(wiped_buffer& buffer) {
  const std::string_view s = buffer.view();
  std::size_t p = s.size();
  std::size_t steps = 0;
  while (p > 0 && steps < 3 && sgwchap::detail::is_continuation(sgwchap::detail::byte_at(s, p - 1))) {
    --p;
    ++steps;
  }
  if (p == 0) return;
  const std::size_t lead = p - 1;
  if (sgwchap::detail::byte_at(s, lead) >= 0xC0U && sgwchap::detail::decode_utf8(s, lead).length == 0) {
    buffer.set_size(lead);
  }
}

/// The largest secret the tool reads: far above any profile's maximum (aws_model: 100
/// characters, at most 400 bytes), so a longer input is reported as too long, not cut silently.
inline constexpr std::size_t max_secret_bytes = 4096;

namespace detail_input {
// The terminal's settings while echo is off, restored on exit and on SIGINT/SIGTERM/SIGHUP.
inline struct termios saved_terminal {};
inline volatile std::sig_atomic_t echo_is_off = 0;

extern "C" inline void restore_echo_and_exit(int sig) {
  // Best effort in a signal handler: nothing useful can be done if either call fails.
  if (echo_is_off != 0) (void)::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_terminal);
  (void)std::signal(sig, SIG_DFL);
  (void)std::raise(sig);
}

/// While alive: the terminal on standard input does not echo (the secret is not shown as it
/// is typed). Does nothing when standard input is not a terminal.
class no_echo {
 public:
  no_echo() {
    if (::isatty(STDIN_FILENO) != 1 || ::tcgetattr(STDIN_FILENO, &saved_terminal) != 0) return;
    struct termios quiet = saved_terminal;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) (void)std::signal(sig, restore_echo_and_exit);
    if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0) echo_is_off = 1;
    const std::string_view note =
        "sgwchap: type the secret, then press Ctrl-D twice (Enter would add a line feed to it)\n";
    (void)!::write(STDERR_FILENO, note.data(), note.size());
  }
  no_echo(const no_echo&) = delete;
  no_echo& operator=(const no_echo&) = delete;
  ~no_echo() {
    if (echo_is_off == 0) return;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_terminal);
    echo_is_off = 0;
    (void)!::write(STDERR_FILENO, "\n", 1);
  }
};
}  // namespace detail_input

/// Reads a secret from standard input, exact bytes (on a terminal, without echo). Returns 0 or
/// the errno.
inline int read_secret_from_stdin(wiped_buffer& secret) {
  const detail_input::no_echo quiet;
  const int err = read_all(STDIN_FILENO, secret);
  if (err == 0 && secret.truncated()) trim_to_character_boundary(secret);
  return err;
}

enum class env_status { ok, unset, bad_name };

/// Copies the environment variable `name` into `secret`, then overwrites the variable's value in
/// place (the initial environment stays readable in /proc/PID/environ until overwritten) and
/// unsets it, so child processes and later reads never see it.
inline env_status read_secret_from_env(std::string_view name, wiped_buffer& secret) {
  if (name.empty() || name.find('=') != std::string_view::npos || name.find('\0') != std::string_view::npos) {
    return env_status::bad_name;
  }
  const std::string key(name);
  char* value = std::getenv(key.c_str());
  if (value == nullptr) return env_status::unset;
  const std::size_t length = std::strlen(value);
  const std::size_t kept = length < secret.capacity() ? length : secret.capacity();
  if (kept > 0) std::memcpy(secret.data(), value, kept);
  secret.set_size(kept);
  if (kept < length) {
    secret.set_truncated();
    trim_to_character_boundary(secret);
  }
  sgwchap::secure_wipe(value, length);
  ::unsetenv(key.c_str());
  return env_status::ok;
}

/// Reads a whole file (or standard input for "-" or "") into `out`. Give `out` one byte more than
/// the decoder's size limit, so that a body over the limit is seen as such. Returns 0 or the errno.
inline int read_body(const std::string& path, wiped_buffer& out) {
  if (path.empty() || path == "-") return read_all(STDIN_FILENO, out);
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return errno;
  const int err = read_all(fd, out);
  ::close(fd);
  return err;
}

}  // namespace sgwchap_tool

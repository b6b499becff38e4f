// JsonNesting: follows the nesting of JSON text ({ [ " and escapes) without
// parsing values. Used to find where a pretty-printed document ends and to
// tell a record that was cut short from one that is merely malformed.
#ifndef ROOST_COMMON_JSON_NESTING_H_
#define ROOST_COMMON_JSON_NESTING_H_

#include <cstddef>
#include <vector>

namespace roost {

struct JsonNesting {
  std::vector<char> stack;  // '{' or '['
  bool in_string = false;
  bool escape = false;
  char last_significant = 0;  // last byte outside strings that is not space
  bool reached_zero = false;  // nesting went back to 0 at some point

  void Feed(const char* p, size_t n);
  // True when text ended inside a string or with a container still open.
  bool Unfinished() const { return in_string || !stack.empty(); }
};

// True when `p[0, n)` ends before its JSON does (a cut record).
bool LooksTruncated(const char* p, size_t n);

}  // namespace roost

#endif  // ROOST_COMMON_JSON_NESTING_H_

#include "common/json_nesting.h"

namespace roost {

void JsonNesting::Feed(const char* p, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    char c = p[i];
    if (in_string) {
      if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        in_string = false;
        last_significant = '"';
      }
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '{': case '[': stack.push_back(c); last_significant = c; break;
      case '}': case ']':
        if (!stack.empty()) stack.pop_back();
        if (stack.empty()) reached_zero = true;
        last_significant = c;
        break;
      case ' ': case '\t': case '\r': case '\n': break;
      default: last_significant = c;
    }
  }
}

bool LooksTruncated(const char* p, size_t n) {
  JsonNesting nesting;
  nesting.Feed(p, n);
  return nesting.Unfinished() && !nesting.reached_zero;
}

}  // namespace roost

#include "query/regex_literals.h"

#include <cctype>

namespace roost::query {
namespace {

bool IsQuantifierStart(std::string_view p, size_t i) {
  return p[i] == '*' || p[i] == '+' || p[i] == '?' || p[i] == '{';
}

}  // namespace

std::vector<std::string> RequiredLiterals(std::string_view p) {
  std::vector<std::string> out;
  std::string run;
  size_t last_len = 0;  // bytes of the last literal character in `run` (0: the last atom was not a literal)
  auto flush = [&]() {
    if (!run.empty()) out.push_back(run);
    run.clear();
    last_len = 0;
  };
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '|') return {};  // alternatives: no literal is required by both sides
    if (c == '(') {
      // A group: its content may be optional or alternative. Flags that
      // change matching ((?i), (?s), ...) could make a literal fold case.
      if (i + 1 < p.size() && p[i + 1] == '?' && !(i + 2 < p.size() && (p[i + 2] == ':' || p[i + 2] == 'P')))
        return {};
      flush();
      int depth = 0;
      for (; i < p.size(); ++i) {
        if (p[i] == '\\') {
          ++i;
          continue;
        }
        if (p[i] == '[') {  // a class may hold parentheses
          ++i;
          if (i < p.size() && p[i] == '^') ++i;
          if (i < p.size() && p[i] == ']') ++i;
          while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
          continue;
        }
        if (p[i] == '(') ++depth;
        if (p[i] == ')' && --depth == 0) break;
      }
      if (i >= p.size()) return {};
      ++i;
      continue;
    }
    if (c == '[') {
      flush();
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;
      while (i < p.size() && p[i] != ']') {
        if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {  // [:alpha:]
          const size_t end = p.find(":]", i + 2);
          if (end == std::string_view::npos) return {};
          i = end + 2;
          continue;
        }
        i += p[i] == '\\' ? 2 : 1;
      }
      if (i >= p.size()) return {};
      ++i;
      continue;
    }
    if (IsQuantifierStart(p, i)) {
      // The atom before may be absent (*, ?, {0,...}) or repeated: drop it
      // from the run when it was a literal character (keep it for + and
      // {n,...} with n >= 1), and end the run.
      bool keep = c == '+';
      if (c == '{') {
        const size_t end = p.find('}', i);
        if (end == std::string_view::npos) return {};
        const std::string_view body = p.substr(i + 1, end - i - 1);
        keep = !body.empty() && std::isdigit(static_cast<unsigned char>(body[0])) && body[0] != '0';
        for (size_t k = 0; k < body.size() && keep; ++k)
          if (!std::isdigit(static_cast<unsigned char>(body[k])) && body[k] != ',') keep = false;
        i = end + 1;
      } else {
        ++i;
      }
      if (i < p.size() && p[i] == '?') ++i;  // lazy
      if (!keep && last_len > 0) run.resize(run.size() - last_len);
      flush();
      continue;
    }
    if (c == '\\') {
      if (i + 1 >= p.size()) return {};
      const char e = p[i + 1];
      if (std::isalnum(static_cast<unsigned char>(e))) {
        if (e == 'Q') return {};
        flush();  // a class (\d \w \pL), an assertion (\b \A) or a code (\x41)
        i += 2;
        if ((e == 'x' || e == 'p' || e == 'P') && i < p.size()) {
          if (p[i] == '{') {
            const size_t end = p.find('}', i);
            if (end == std::string_view::npos) return {};
            i = end + 1;
          } else {
            i += e == 'x' ? 2 : 1;
          }
        }
        continue;
      }
      run += e;  // an escaped punctuation character stands for itself
      last_len = 1;
      i += 2;
      continue;
    }
    if (c == '.' || c == '^' || c == '$') {
      flush();
      ++i;
      continue;
    }
    // A plain character (all bytes of a UTF-8 sequence together).
    size_t len = 1;
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0xF0) len = 4;
    else if (u >= 0xE0) len = 3;
    else if (u >= 0xC0) len = 2;
    if (i + len > p.size()) return {};
    run.append(p.substr(i, len));
    last_len = len;
    i += len;
  }
  flush();
  return out;
}

}  // namespace roost::query

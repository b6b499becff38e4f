#include "storage/segment_format.h"

#include <utf8proc.h>

#include <cstdlib>

namespace roost::storage {

std::string AsciiLower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string AsciiUpper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

void FoldDimValueTo(std::string_view s, std::string* out) {
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  out->assign(s);
  if (!ascii) {
    utf8proc_uint8_t* folded = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &folded,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
    if (n >= 0) out->assign(reinterpret_cast<const char*>(folded), static_cast<size_t>(n));
    std::free(folded);
    if (n >= 0) return;
  }
  for (char& c : *out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

std::string FoldDimValue(std::string_view s) {
  std::string out;
  FoldDimValueTo(s, &out);
  return out;
}

}  // namespace roost::storage

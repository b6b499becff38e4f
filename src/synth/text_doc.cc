#include "synth/text_doc.h"

namespace roost::synth {

size_t ByteOffsetOfCodePoint(std::string_view s, int n) {
  int seen = -1;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (++seen == n) return i;
    }
  }
  return s.size();
}

void PrefixAndTruncate(std::string_view prefix, const TextDoc& src, int limit, TextDoc* dst) {
  dst->Clear();
  dst->text.append(prefix);
  int shift = static_cast<int>(CodePoints(prefix));
  dst->cp = shift;
  if (shift + src.cp <= limit) {
    dst->text.append(src.text);
    dst->cp += src.cp;
    for (const auto& e : src.entities) {
      dst->entities.push_back(e);
      dst->entities.back().start += shift;
      dst->entities.back().end += shift;
    }
    return;
  }
  // Keep room for the ellipsis; cut at the last space before the limit.
  int keep = limit - shift - 1;
  if (keep < 0) keep = 0;
  size_t cut = ByteOffsetOfCodePoint(src.text, keep);
  size_t space = src.text.rfind(' ', cut);
  if (space != std::string::npos && space > 0) cut = space;
  // Never cut inside an entity.
  int cut_cp = static_cast<int>(CodePoints(std::string_view(src.text).substr(0, cut)));
  for (const auto& e : src.entities) {
    if (e.start < cut_cp && e.end > cut_cp) {
      cut_cp = e.start;
      cut = ByteOffsetOfCodePoint(src.text, cut_cp);
    }
  }
  while (cut > 0 && src.text[cut - 1] == ' ') {
    --cut;
    --cut_cp;
  }
  dst->text.append(src.text, 0, cut);
  dst->cp += cut_cp;
  dst->text.append("…");
  dst->cp += 1;
  for (const auto& e : src.entities) {
    if (e.end > cut_cp) continue;
    dst->entities.push_back(e);
    dst->entities.back().start += shift;
    dst->entities.back().end += shift;
  }
}

}  // namespace roost::synth

// TextDoc: tweet text under construction with its entities, indexed in
// Unicode code points as the v1.1 API does. Brand spans are tracked too (not
// written as entities) so the generator counts brands that survive truncation.
#ifndef ROOST_SYNTH_TEXT_DOC_H_
#define ROOST_SYNTH_TEXT_DOC_H_

#include <string>
#include <string_view>
#include <vector>

#include "synth/json_out.h"

namespace roost::synth {

struct Entity {
  enum Kind { kHashtag, kMention, kUrl, kSymbol, kBrand } kind;
  int start = 0, end = 0;  // code points, [start, end)
  std::string text;        // hashtag / symbol without sigil, screen name, t.co url
  std::string expanded;    // urls
  std::string display;     // urls
  int user = -1;           // mentions: index into World::users
  int brand = -1;          // brand spans
};

struct TextDoc {
  std::string text;
  int cp = 0;
  std::vector<Entity> entities;

  void Clear() {
    text.clear();
    cp = 0;
    entities.clear();
  }
  bool empty() const { return text.empty(); }
  // Appends `s`, preceded by `sep` unless at the start or after a space.
  void Append(std::string_view s, std::string_view sep = " ") {
    // Text glued to an entity would change it ("#tag今日"): always a space.
    if (sep.empty()) {
      for (auto it = entities.rbegin(); it != entities.rend() && it->end == cp; ++it) {
        if (it->kind != Entity::kBrand) {
          sep = " ";
          break;
        }
      }
    }
    if (!text.empty() && !sep.empty() && text.back() != ' ') {
      text.append(sep);
      cp += static_cast<int>(CodePoints(sep));
    }
    text.append(s);
    cp += static_cast<int>(CodePoints(s));
  }
  // Appends "<sigil><body>" as an entity of `kind`, after a space.
  Entity& AppendEntity(Entity::Kind kind, std::string_view shown, std::string body) {
    if (!text.empty() && text.back() != ' ') {
      text.push_back(' ');
      ++cp;
    }
    Entity e;
    e.kind = kind;
    e.start = cp;
    text.append(shown);
    cp += static_cast<int>(CodePoints(shown));
    e.end = cp;
    e.text = std::move(body);
    entities.push_back(std::move(e));
    return entities.back();
  }
  // Marks [start, cp) as a mention of brand `b`.
  void MarkBrand(int b, int start) {
    Entity e;
    e.kind = Entity::kBrand;
    e.start = start;
    e.end = cp;
    e.brand = b;
    entities.push_back(std::move(e));
  }
  bool HasKind(Entity::Kind k) const {
    for (const auto& e : entities)
      if (e.kind == k) return true;
    return false;
  }
};

// Byte offset of code point `n` in UTF-8 `s` (s.size() if past the end).
size_t ByteOffsetOfCodePoint(std::string_view s, int n);

// `dst` = `prefix` + `src` shifted, cut to at most `limit` code points: when
// the whole does not fit it ends with "…" at a word boundary and keeps only
// entities wholly before the cut (how v1.1 shows retweets of long tweets).
void PrefixAndTruncate(std::string_view prefix, const TextDoc& src, int limit, TextDoc* dst);

}  // namespace roost::synth

#endif  // ROOST_SYNTH_TEXT_DOC_H_

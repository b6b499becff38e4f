// How many terminal columns a UTF-8 string takes, so tables stay aligned
// when cells hold Japanese, emoji or combining marks.
#ifndef ROOST_CLI_DISPLAY_WIDTH_H_
#define ROOST_CLI_DISPLAY_WIDTH_H_

#include <cstddef>
#include <string_view>

namespace roost::cli {

// Columns on a monospace terminal: East Asian Wide and Fullwidth
// characters and emoji take 2, combining marks and joiners 0, others 1.
// A grapheme cluster (an emoji with its skin tone, a ZWJ family, a flag)
// is drawn as one glyph, so it counts once. Bytes that are not UTF-8
// count 1 each.
size_t DisplayWidth(std::string_view s);

}  // namespace roost::cli

#endif  // ROOST_CLI_DISPLAY_WIDTH_H_

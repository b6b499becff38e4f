// Punycode (RFC 3492) and the label-length rule twitter-text applies to URL
// hosts: a label whose ASCII (xn--) form is longer than 63 characters makes
// the URL invalid. Written from the RFC; used for validation only.
#ifndef ROOST_ENRICH_ENTITIES_PUNYCODE_H_
#define ROOST_ENRICH_ENTITIES_PUNYCODE_H_

#include <string>
#include <string_view>

namespace roost::enrich {

// RFC 3492 encoding of `input` without the "xn--" prefix ("münchen" ->
// "mnchen-3ya"). Returns false on arithmetic overflow (absurdly long input).
bool PunycodeEncode(std::u32string_view input, std::string* out);

// Length of the ASCII form of one host label as punycode.js toASCII computes
// it: the label is split further at the IDN dots (U+3002, U+FF0E, U+FF61),
// each non-ASCII part becomes "xn--" + Punycode. Returns -1 on overflow.
int AsciiLabelLength(std::u32string_view label);

}  // namespace roost::enrich

#endif  // ROOST_ENRICH_ENTITIES_PUNYCODE_H_

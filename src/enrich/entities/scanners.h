// The per-kind scanners behind EntityExtractor. Each appends to *out the
// entities of one kind found in `text`, in text order, exactly as the
// corresponding twitter-text regex would (leftmost match, the preceding
// character consumed, scanning resumes after each match).
#ifndef ROOST_ENRICH_ENTITIES_SCANNERS_H_
#define ROOST_ENRICH_ENTITIES_SCANNERS_H_

#include <vector>

#include "enrich/entities/decoded_text.h"
#include "enrich/entities/entity_extractor.h"

namespace roost::enrich {

void ScanUrls(const DecodedText& text, std::vector<Entity>* out);
void ScanHashtags(const DecodedText& text, std::vector<Entity>* out);
// Mentions (kMention) and, when with_lists, lists (kList).
void ScanMentions(const DecodedText& text, bool with_lists, std::vector<Entity>* out);
void ScanCashtags(const DecodedText& text, std::vector<Entity>* out);
// Screen name of a leading mention, or "" (twitter-text extractReplies).
std::string ScanReply(const DecodedText& text);

// Sorts by start and drops every entity that starts before the end of the
// previous kept one (twitter-text removeOverlappingEntities).
void RemoveOverlaps(std::vector<Entity>* entities);

}  // namespace roost::enrich

#endif  // ROOST_ENRICH_ENTITIES_SCANNERS_H_

// The record parser on one document: v1.1 statuses, timelines and search
// responses, v2 tweets and twarc2 pages, compliance messages, anything else.
// Every accepted tweet is then enriched, as the ingest does next.
#include <simdjson.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "enrich/enricher.h"
#include "fuzz_check.h"
#include "parse/document_parser.h"

namespace {

const roost::Enricher& SharedEnricher() {
  static const roost::Enricher* enricher = [] {
    auto e = roost::Enricher::Create();
    if (!e.ok()) roost::fuzz::CheckFailed("Enricher::Create() (run scripts/setup)", __FILE__, __LINE__);
    return new roost::Enricher(std::move(*e));
  }();
  return *enricher;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using roost::ParsedRecord;
  static roost::DocumentParser parser;
  // The splitter hands the parser documents followed by padding.
  std::vector<char> padded(size + roost::DocumentParser::kPadding, '\0');
  if (size > 0) std::memcpy(padded.data(), data, size);
  std::vector<ParsedRecord> records;
  parser.Parse(padded.data(), size, &records);
  FUZZ_CHECK(!records.empty());  // every document is accounted for

  // The same bytes always give the same records.
  std::vector<ParsedRecord> again;
  parser.Parse(padded.data(), size, &again);
  FUZZ_CHECK(again.size() == records.size());

  for (size_t i = 0; i < records.size(); ++i) {
    ParsedRecord& r = records[i];
    FUZZ_CHECK(r.kind == again[i].kind);
    switch (r.kind) {
      case ParsedRecord::Kind::kRejected:
        FUZZ_CHECK(r.reason < roost::RejectReason::kCount);
        FUZZ_CHECK(roost::RejectReasonName(r.reason) != nullptr);
        break;
      case ParsedRecord::Kind::kTweet:
      case ParsedRecord::Kind::kNonPublic: {
        FUZZ_CHECK(r.tweet.id == again[i].tweet.id);
        // Only valid UTF-8 is accepted, so everything stored is valid UTF-8.
        FUZZ_CHECK(simdjson::validate_utf8(r.tweet.text.data(), r.tweet.text.size()));
        if (r.kind == ParsedRecord::Kind::kNonPublic) break;
        SharedEnricher().Enrich(&r.tweet);
        FUZZ_CHECK(r.tweet.lang_confidence >= 0 && r.tweet.lang_confidence <= 1);
        FUZZ_CHECK(std::isfinite(r.tweet.sentiment) && r.tweet.sentiment >= -1 && r.tweet.sentiment <= 1);
        FUZZ_CHECK(!r.tweet.detected_lang.empty());
        break;
      }
      case ParsedRecord::Kind::kCompliance:
        FUZZ_CHECK(r.compliance.kind == again[i].compliance.kind);
        break;
    }
  }
  return 0;
}

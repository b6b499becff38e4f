// DocumentParser: turns one JSON document from an input file into records.
// A document is one line of a JSON-lines export, or a whole (possibly
// pretty-printed) API response. Shapes are detected per document:
//   v1.1 status object            -> 1 record
//   v1.1 array (user timeline)    -> 1 record per element
//   v1.1 search {"statuses":[..]} -> 1 record per status
//   v2 twarc2 page {"data":[..], "includes":{..}} -> 1 record per tweet in data
//   v2 single tweet {"data":{..}} or a bare v2 tweet object -> 1 record
//   compliance message ({"delete":..}, {"scrub_geo":..}, ...) -> 1 record
// Every record ends as exactly one ParsedRecord::Kind, so an ingest can
// account for everything it read.
#ifndef ROOST_PARSE_DOCUMENT_PARSER_H_
#define ROOST_PARSE_DOCUMENT_PARSER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "roost/tweet.h"

namespace roost {

// Why a record was rejected. Names (RejectReasonName) are stable: they
// appear in rejects files and in `roost ingest --json`.
enum class RejectReason : uint8_t {
  kMalformedJson = 0,  // not valid JSON
  kTruncated,          // the record ends before its JSON does
  kInvalidUtf8,        // bytes that are not UTF-8
  kTooLarge,           // over the configured record size limit
  kMissingId,          // no usable id / id_str
  kBadId,              // id present but not an unsigned 64-bit integer
  kMissingTime,        // no created_at
  kBadTime,            // created_at in neither v1.1 nor ISO 8601 form
  kMissingText,        // no text / full_text
  kMissingUser,        // no author
  kNotATweet,          // valid JSON of another kind (stream notices, unknown objects)
  kCount,              // number of reasons (not a reason)
};
const char* RejectReasonName(RejectReason reason);

struct ParsedRecord {
  enum class Kind : uint8_t {
    kTweet,       // a valid public tweet, in `tweet`
    kNonPublic,   // a valid tweet whose author is protected; never stored
    kCompliance,  // a compliance message, in `compliance`
    kRejected,    // see `reason` and `detail`
  };
  Kind kind = Kind::kRejected;
  Tweet tweet;
  ComplianceEvent compliance;
  RejectReason reason = RejectReason::kMalformedJson;
  std::string detail;       // human-readable specifics of a rejection
  std::string note;         // a kept tweet's caveat (TweetObjectParser::note)
  size_t line_in_document = 0;  // 0-based line where this record starts
};

class DocumentParser {
 public:
  DocumentParser();
  ~DocumentParser();
  DocumentParser(const DocumentParser&) = delete;
  DocumentParser& operator=(const DocumentParser&) = delete;

  // Parses the document in data[0, length). The buffer must stay readable
  // for at least kPadding bytes past `length` (simdjson reads ahead).
  // Appends one ParsedRecord per record to *out (never fewer than one).
  void Parse(const char* data, size_t length, std::vector<ParsedRecord>* out);

  // Convenience for tests and tools: copies `json` into a padded buffer.
  std::vector<ParsedRecord> ParseString(std::string_view json);

  static constexpr size_t kPadding = 64;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace roost

#endif  // ROOST_PARSE_DOCUMENT_PARSER_H_

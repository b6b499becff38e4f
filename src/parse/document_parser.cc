#include "parse/document_parser.h"

#include <cstring>
#include <string>

#include "common/json_nesting.h"
#include "parse/compliance_parser.h"
#include "parse/json_values.h"
#include "parse/tweet_object_parser.h"

namespace roost {

namespace od = json::od;

namespace {

static_assert(DocumentParser::kPadding >= simdjson::SIMDJSON_PADDING);

// The first key of an object, read straight from the bytes, so the shape of
// a document is known before simdjson walks it (fields are walked once).
std::string_view FirstKey(const char* p, size_t n) {
  size_t i = 0;
  auto skip_ws = [&] {
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) ++i;
  };
  skip_ws();
  if (i >= n || p[i] != '{') return {};
  ++i;
  skip_ws();
  if (i >= n || p[i] != '"') return {};
  size_t start = ++i;
  while (i < n && p[i] != '"' && p[i] != '\\') ++i;
  if (i >= n || p[i] != '"') return {};
  return std::string_view(p + start, i - start);
}

RejectReason ReasonFor(simdjson::error_code code, const char* doc, size_t length) {
  if (code == simdjson::UTF8_ERROR) return RejectReason::kInvalidUtf8;
  // simdjson names the first inconsistency it meets; whether the text was
  // cut short is a property of the whole document.
  if (code == simdjson::UNCLOSED_STRING || code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT ||
      LooksTruncated(doc, length)) {
    return RejectReason::kTruncated;
  }
  return RejectReason::kMalformedJson;
}

// A rejected record's detail is read by whoever owns the file, while
// simdjson's own messages speak to the programmer calling it ("Use
// get_bool(), get_double(), etc. on the document instead").
std::string PlainDetail(simdjson::error_code code, RejectReason reason, const char* doc, size_t length) {
  if (reason == RejectReason::kTruncated) return "the record ends before its JSON does";
  if (code == simdjson::SCALAR_DOCUMENT_AS_VALUE) {
    // simdjson says this of any document that does not open with { or [,
    // whether it is a JSON value at all ("hello") or not.
    size_t i = 0;
    while (i < length && (doc[i] == ' ' || doc[i] == '\t' || doc[i] == '\r' || doc[i] == '\n')) ++i;
    // A word is a value only when it is one of JSON's three ("not json" is not).
    auto word = [&](std::string_view w) {
      return length - i >= w.size() && std::string_view(doc + i, w.size()) == w &&
             (length - i == w.size() || std::strchr(" \t\r\n", doc[i + w.size()]) != nullptr);
    };
    const bool value = i < length && ((doc[i] != '\0' && std::strchr("\"-0123456789", doc[i]) != nullptr) ||
                                      word("true") || word("false") || word("null"));
    return value ? "a lone number, string, true, false or null, not an object"
                 : "not JSON: a record starts with { or [";
  }
  switch (code) {
    case simdjson::UTF8_ERROR: return "bytes that are not UTF-8";
    case simdjson::DEPTH_ERROR: return "JSON nested too deeply";
    case simdjson::STRING_ERROR: return "a string with a bad escape sequence";
    case simdjson::UNESCAPED_CHARS: return "a string with an unescaped control character";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "a bare word that is not true, false or null";
    case simdjson::NUMBER_ERROR: return "a malformed number";
    case simdjson::NUMBER_OUT_OF_RANGE: return "a number too large for 64 bits";
    case simdjson::INCORRECT_TYPE: return "a field holds a value of the wrong type";
    case simdjson::EMPTY: return "no JSON value";
    case simdjson::TRAILING_CONTENT: return "more text after the JSON value";
    default: return "not valid JSON";
  }
}

// Thrown after a record was rejected for broken JSON: the document's
// iterator cannot go on, and the records before it stand.
struct StopDocument {};

}  // namespace

struct DocumentParser::Impl {
  od::parser parser;      // the document itself
  od::parser sub_parser;  // v2 "data", re-read once "includes" is known
  TweetObjectParser tweets;
  V2Includes includes;

  const char* doc_begin = nullptr;
  size_t doc_length = 0;
  const char* line_pos = nullptr;  // newline counting resumes here
  size_t line_no = 0;
  std::vector<ParsedRecord>* out = nullptr;

  size_t LineOf(const char* p) {
    if (p < line_pos) return line_no;  // defensive: never count backwards
    for (const char* q = line_pos; q < p; ++q) line_no += (*q == '\n');
    line_pos = p;
    return line_no;
  }

  ParsedRecord& NewRecord(size_t line) {
    out->emplace_back();
    ParsedRecord& r = out->back();
    r.line_in_document = line;
    return r;
  }

  void Reject(ParsedRecord& r, RejectReason reason, std::string detail) {
    r.kind = ParsedRecord::Kind::kRejected;
    r.reason = reason;
    r.detail = std::move(detail);
  }

  // One tweet object -> one record (tweet, non-public or rejected).
  void TweetRecord(od::value v, const V2Includes* inc) {
    std::string_view token = v.raw_json_token();
    ParsedRecord& r = NewRecord(LineOf(token.data()));
    if (v.type() != od::json_type::object) {
      Reject(r, RejectReason::kNotATweet, "array element is not an object");
      return;
    }
    try {
      tweets.Parse(v.get_object(), inc, &r.tweet);
      r.kind = r.tweet.user.is_protected ? ParsedRecord::Kind::kNonPublic : ParsedRecord::Kind::kTweet;
      if (!tweets.note().empty()) r.note = tweets.note();
    } catch (const json::RecordError& e) {
      Reject(r, e.reason, e.detail);
    } catch (const simdjson::simdjson_error& e) {
      // The JSON itself is broken here: this record is rejected and the
      // rest of the document cannot be walked.
      const RejectReason reason = ReasonFor(e.error(), doc_begin, doc_length);
      Reject(r, reason, PlainDetail(e.error(), reason, doc_begin, doc_length));
      throw StopDocument{};
    }
  }

  void StatusArray(od::array arr, const V2Includes* inc) {
    for (auto element : arr) TweetRecord(element.value(), inc);
  }

  void Compliance(ComplianceKind kind, od::value body, size_t line) {
    ParsedRecord& r = NewRecord(line);
    try {
      ReadComplianceBody(kind, body, &r.compliance);
      r.kind = ParsedRecord::Kind::kCompliance;
    } catch (const json::RecordError& e) {
      Reject(r, e.reason, e.detail);
    } catch (const simdjson::simdjson_error& e) {
      const RejectReason reason = ReasonFor(e.error(), doc_begin, doc_length);
      Reject(r, reason, PlainDetail(e.error(), reason, doc_begin, doc_length));
      throw StopDocument{};
    }
  }

  // {"data": [...] | {...}, "includes": {...}, "meta": {...}}
  void V2Envelope(od::document& doc, const char* end_of_buffer) {
    std::string_view data_json;
    includes.Clear();
    bool has_includes = false;
    for (auto field : doc.get_object()) {
      std::string_view key = json::KeyOf(field);
      od::value v = field.value();
      if (key == "data") {
        od::json_type t = v.type();
        if (t == od::json_type::array) {
          od::array a = v.get_array();
          data_json = a.raw_json();
        } else if (t == od::json_type::object) {
          od::object o = v.get_object();
          data_json = o.raw_json();
        }
      } else if (key == "includes" && v.type() == od::json_type::object) {
        ReadV2Includes(v.get_object(), &includes);
        has_includes = true;
      }
    }
    if (data_json.empty()) {
      Reject(NewRecord(0), RejectReason::kNotATweet, "v2 response without data");
      return;
    }
    const V2Includes* inc = has_includes ? &includes : nullptr;
    size_t capacity = static_cast<size_t>(end_of_buffer - data_json.data());
    od::document sub = sub_parser.iterate(data_json.data(), data_json.size(), capacity);
    if (data_json[0] == '[') {
      StatusArray(sub.get_array(), inc);
      return;
    }
    // A single object: a tweet, or an event of the v2 compliance stream.
    std::string_view first = FirstKey(data_json.data(), data_json.size());
    if (auto kind = ComplianceKindFromKey(first)) {
      od::object obj = sub.get_object();
      for (auto field : obj) {
        if (field.key() == first) {
          Compliance(*kind, field.value(), LineOf(data_json.data()));
          break;
        }
      }
      return;
    }
    od::value whole = sub.get_value();
    TweetRecord(whole, inc);
  }
};

DocumentParser::DocumentParser() : impl_(std::make_unique<Impl>()) {}
DocumentParser::~DocumentParser() = default;

void DocumentParser::Parse(const char* data, size_t length, std::vector<ParsedRecord>* out) {
  Impl& m = *impl_;
  m.out = out;
  m.doc_begin = m.line_pos = data;
  m.doc_length = length;
  m.line_no = 0;
  size_t first_record = out->size();
  try {
    od::document doc = m.parser.iterate(data, length, length + kPadding);
    std::string_view key = FirstKey(data, length);
    size_t start = 0;
    while (start < length && data[start] != '[' && data[start] != '{') ++start;
    if (start < length && data[start] == '[') {
      m.StatusArray(doc.get_array(), nullptr);  // v1.1 user timeline / lookup response
    } else if (auto kind = ComplianceKindFromKey(key)) {
      od::object obj = doc.get_object();
      for (auto field : obj) {
        if (field.key() == key) {
          m.Compliance(*kind, field.value(), 0);
          break;
        }
      }
    } else if (key == "data" || key == "includes" || key == "meta" || key == "errors") {
      m.V2Envelope(doc, data + length + kPadding);
    } else if (key == "statuses" || key == "search_metadata") {
      bool found = false;
      for (auto field : doc.get_object()) {
        if (json::KeyOf(field) == "statuses") {
          m.StatusArray(field.value().get_array(), nullptr);
          found = true;
        }
      }
      if (!found) m.Reject(m.NewRecord(0), RejectReason::kNotATweet, "search response without statuses");
    } else if (IsStreamNoticeKey(key)) {
      m.Reject(m.NewRecord(0), RejectReason::kNotATweet,
               "stream notice \"" + std::string(key) + "\"");
    } else {
      m.TweetRecord(doc.get_value(), nullptr);
    }
  } catch (const StopDocument&) {
    // The failing record was rejected where it failed.
  } catch (const simdjson::simdjson_error& e) {
    // Broken before or between records: records read before it stand, the
    // rest of the document becomes one rejected record.
    ParsedRecord& r = m.NewRecord(out->size() > first_record ? m.line_no : 0);
    const RejectReason reason = ReasonFor(e.error(), data, length);
    m.Reject(r, reason, PlainDetail(e.error(), reason, data, length));
  } catch (const json::RecordError& e) {
    m.Reject(m.NewRecord(0), e.reason, e.detail);
  }
}

std::vector<ParsedRecord> DocumentParser::ParseString(std::string_view json) {
  std::string padded(json);
  padded.append(kPadding, ' ');
  std::vector<ParsedRecord> out;
  Parse(padded.data(), json.size(), &out);
  return out;
}

}  // namespace roost

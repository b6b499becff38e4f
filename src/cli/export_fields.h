// The columns `roost export` can write, and which of them the privacy policy
// lets out. A field names one stored column (docs/FORMAT.md) read the same
// way for CSV and JSON lines.
#ifndef ROOST_CLI_EXPORT_FIELDS_H_
#define ROOST_CLI_EXPORT_FIELDS_H_

#include <string>
#include <vector>

#include "privacy/privacy_policy.h"
#include "roost/status.h"

namespace roost::cli {

struct ExportField {
  enum Kind {
    kTweetId,  // int column holding a tweet id: a decimal string, empty for 0
    kInt,      // int column: a number
    kTime,     // created_at: ISO 8601 in the answer's zone
    kText,     // string column
    kDim,      // single-valued dimension
    kDimList,  // multi-valued dimension: a JSON array, space-separated in CSV
  };
  const char* name;
  const char* column;
  Kind kind;
  bool text = false;      // needs show_text
  bool personal = false;  // names people: needs show_handles
};

// The table of one row per tweet: `fields` is the comma-separated --fields
// list. kInvalidArgument for an unknown or repeated name, or for a field the
// policy does not let out (with why).
Result<std::vector<ExportField>> ResolveTweetFields(const std::string& fields,
                                                    const privacy::PrivacyPolicy& policy);

// The relational tables of one row per tweet and value ("hashtags",
// "mentions", "urls"): the value's field. kInvalidArgument for another name
// or for mentions (handles) under a policy that hides handles.
Result<ExportField> ResolveValueTable(const std::string& table,
                                      const privacy::PrivacyPolicy& policy);

// "id, created_at, ..." for help and errors.
std::string ExportFieldNames();

}  // namespace roost::cli

#endif  // ROOST_CLI_EXPORT_FIELDS_H_

// roost export: the tweets a filter matches (default: every visible tweet in
// the range) as CSV or JSON lines, for rehydration (tweet ids alone, the
// default, as twarc and the platforms' terms expect), spreadsheets and SQL
// tools: one row per tweet with chosen fields, or one row per tweet and
// hashtag / mention / URL (--table). Text and handles leave only when the
// privacy policy allows them.
#include <fmt/format.h>

#include <cstdio>

#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/time_grid.h"
#include "cli/command.h"
#include "cli/export_fields.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "cli/time_label.h"
#include "answer/answers.h"
#include "common/csv.h"
#include "common/json_writer.h"

namespace roost::cli {
namespace {

struct ExportOptions {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string format = "csv";
  std::string fields = "id";
  std::string table = "tweets";
};

// One field's column of one segment, decoded.
struct Column {
  std::vector<int64_t> ints;
  std::vector<std::string> strings;
  std::vector<uint32_t> dim_ids;
  storage::IdLists lists;
  storage::DictionaryView dict;
};

Result<Column> LoadColumn(const storage::SegmentReader& seg, const ExportField& f) {
  Column c;
  // Braces: each ROOST_ASSIGN_OR_RETURN declares a temporary.
  switch (f.kind) {
    case ExportField::kTweetId:
    case ExportField::kInt:
    case ExportField::kTime: {
      ROOST_ASSIGN_OR_RETURN(c.ints, seg.ReadInts(f.column));
      break;
    }
    case ExportField::kText: {
      ROOST_ASSIGN_OR_RETURN(c.strings, seg.ReadStrings(f.column));
      break;
    }
    case ExportField::kDim: {
      ROOST_ASSIGN_OR_RETURN(c.dim_ids, seg.ReadDimIds(f.column));
      ROOST_ASSIGN_OR_RETURN(c.dict, seg.Dictionary(f.column));
      break;
    }
    case ExportField::kDimList: {
      ROOST_ASSIGN_OR_RETURN(c.lists, seg.ReadDimIdLists(f.column));
      ROOST_ASSIGN_OR_RETURN(c.dict, seg.Dictionary(f.column));
      break;
    }
  }
  return c;
}

// A tweet id as a decimal string: ids pass 2^53, so never through a double
// (a JSON number would lose digits in JavaScript and pandas).
std::string IdString(int64_t id) {
  return id == 0 ? std::string() : std::to_string(static_cast<uint64_t>(id));
}

void AppendCsvValue(const ExportField& f, const Column& c, uint32_t row,
                    const aggregate::ZoneRules& zone, std::string* out) {
  switch (f.kind) {
    case ExportField::kTweetId:
      out->append(IdString(c.ints[row]));
      break;
    case ExportField::kInt:
      out->append(std::to_string(c.ints[row]));
      break;
    case ExportField::kTime:
      out->append(FormatInZone(c.ints[row], zone));
      break;
    case ExportField::kText:
      AppendCsvField(out, c.strings[row]);
      break;
    case ExportField::kDim:
      AppendCsvField(out, c.dict.value(c.dim_ids[row]));
      break;
    case ExportField::kDimList: {
      // Hashtags, mentions, URLs, domains and cashtags hold no space.
      std::string joined;
      for (uint32_t j = c.lists.start[row]; j < c.lists.start[row + 1]; ++j)
        joined.append(j > c.lists.start[row] ? " " : "").append(c.dict.value(c.lists.ids[j]));
      AppendCsvField(out, joined);
      break;
    }
  }
}

void WriteJsonValue(const ExportField& f, const Column& c, uint32_t row,
                    const aggregate::ZoneRules& zone, JsonWriter* w) {
  switch (f.kind) {
    case ExportField::kTweetId:
      if (c.ints[row] == 0)
        w->Null();
      else
        w->String(IdString(c.ints[row]));
      break;
    case ExportField::kInt:
      w->Int(c.ints[row]);
      break;
    case ExportField::kTime:
      w->String(FormatInZone(c.ints[row], zone));
      break;
    case ExportField::kText:
      w->String(c.strings[row]);
      break;
    case ExportField::kDim:
      w->String(c.dict.value(c.dim_ids[row]));
      break;
    case ExportField::kDimList:
      w->BeginArray();
      for (uint32_t j = c.lists.start[row]; j < c.lists.start[row + 1]; ++j)
        w->String(c.dict.value(c.lists.ids[j]));
      w->EndArray();
      break;
  }
}

// Stdout through a large buffer: an export can be gigabytes.
class Sink {
 public:
  std::string* buffer() { return &buf_; }
  Status MaybeFlush(bool force = false) {
    if (!force && buf_.size() < (1u << 20)) return Status::Ok();
    if (std::fwrite(buf_.data(), 1, buf_.size(), stdout) != buf_.size())
      return Status::IoError("write error on stdout");
    buf_.clear();
    return Status::Ok();
  }

 private:
  std::string buf_;
};

Status RunExport(const ExportOptions& o) {
  ROOST_ASSIGN_OR_RETURN(auto zone, aggregate::ZoneRules::Load(o.query.tz));
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(o.query));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy,
                         ResolvePrivacy(o.privacy, o.query.archive));
  const bool relational = o.table != "tweets";
  if (relational && o.fields != "id")
    return Status::InvalidArgument(
        "--fields applies to --table tweets; the other tables are tweet_id and a value");
  std::vector<ExportField> fields;
  std::string value_name;
  if (relational) {
    ROOST_ASSIGN_OR_RETURN(const ExportField value, ResolveValueTable(o.table, policy));
    fields = {ExportField{"tweet_id", "id", ExportField::kTweetId}, value};
    value_name = o.table.substr(0, o.table.size() - 1);  // hashtags -> hashtag
  } else {
    ROOST_ASSIGN_OR_RETURN(fields, ResolveTweetFields(o.fields, policy));
  }
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected,
                         aggregate::SelectRows(*p.archive, p.query, p.exec));
  if (policy.enabled) {
    ROOST_ASSIGN_OR_RETURN(const uint64_t authors, answer::UniqueAuthors(*p.archive, selected));
    if (!privacy::AnswerAllowed(policy, authors))
      return Status::Unsupported("withheld: " + WithheldReason(policy));
  }
  const bool csv =
      o.format == "csv" && !o.query.json;  // --json, as every command has, means JSON lines
  Sink sink;
  if (csv) {
    std::vector<std::string> header;
    for (const auto& f : fields) header.push_back(f.name);
    if (relational) header.back() = value_name;
    sink.buffer()->append(CsvLine(header));
  }
  uint64_t done = 0;
  for (size_t s = 0; s < selected.segments.size(); ++s) {
    const auto& sm = selected.segments[s];
    ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* seg, p.archive->segment(sm.segment));
    std::vector<Column> columns;
    for (const auto& f : fields) {
      ROOST_ASSIGN_OR_RETURN(Column c, LoadColumn(*seg, f));
      columns.push_back(std::move(c));
    }
    for (uint32_t row : sm.rows.ToVector()) {
      std::string* out = sink.buffer();
      if (relational) {
        const Column& v = columns[1];
        const std::string id = IdString(columns[0].ints[row]);
        for (uint32_t j = v.lists.start[row]; j < v.lists.start[row + 1]; ++j) {
          const std::string_view value = v.dict.value(v.lists.ids[j]);
          if (csv) {
            out->append(id).push_back(',');
            AppendCsvField(out, value);
            out->push_back('\n');
          } else {
            JsonWriter w;
            w.BeginObject().Key("tweet_id").String(id).Key(value_name).String(value).EndObject();
            out->append(w.str()).push_back('\n');
          }
        }
      } else if (csv) {
        for (size_t i = 0; i < fields.size(); ++i) {
          if (i > 0) out->push_back(',');
          AppendCsvValue(fields[i], columns[i], row, *zone, out);
        }
        out->push_back('\n');
      } else {
        JsonWriter w;
        w.BeginObject();
        for (size_t i = 0; i < fields.size(); ++i) {
          w.Key(fields[i].name);
          WriteJsonValue(fields[i], columns[i], row, *zone, &w);
        }
        w.EndObject();
        out->append(w.str()).push_back('\n');
      }
      ROOST_RETURN_IF_ERROR(sink.MaybeFlush());
    }
    done += sm.rows.Cardinality();
    ProgressLine(fmt::format("export: {} of {} tweets ({} of {} segments)", FormatCount(done),
                             FormatCount(selected.count), s + 1, selected.segments.size()));
  }
  EndProgress();
  return sink.MaybeFlush(/*force=*/true);
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("export",
                                 "write the tweets a filter matches (default: every tweet) as CSV "
                                 "or JSON lines: ids for rehydration, "
                                 "chosen fields, or one row per tweet and hashtag, mention or URL");
  auto o = std::make_shared<ExportOptions>();
  AddQueryOptions(cmd, &o->query, /*filter_required=*/false);
  AddPrivacyOptions(cmd, &o->privacy);
  cmd->add_option("--format", o->format, "csv or jsonl (one JSON object per line)")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_option("--fields", o->fields,
                  "comma-separated columns of --table tweets: " + ExportFieldNames())
      ->capture_default_str();
  cmd->add_option("--table", o->table,
                  "tweets (one row per tweet), or hashtags, mentions, urls (one row per tweet and "
                  "value: tweet_id,VALUE)")
      ->capture_default_str()
      ->check(CLI::IsMember({"tweets", "hashtags", "mentions", "urls"}));
  cmd->callback([o, exit_code] {
    const Status s = RunExport(*o);
    *exit_code = s.ok() ? kExitOk : ReportError("export", s);
  });
}

}  // namespace roost::cli

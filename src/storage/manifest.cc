#include "storage/manifest.h"

#include <cinttypes>
#include <cstdio>
#include <sstream>

#include "storage/encoding.h"
#include "storage/file_util.h"
#include "storage/no_archive.h"

#include "common/time_parse.h"

namespace roost::storage {
namespace {
constexpr TimestampMs kHourMs = 3600 * 1000;
constexpr TimestampMs kDayMs = 24 * kHourMs;

TimestampMs FloorDiv(TimestampMs a, TimestampMs b) { return (a / b - ((a % b) < 0)) * b; }

}  // namespace

const char* PartitionName(Partition p) {
  switch (p) {
    case Partition::kHour: return "hour";
    case Partition::kDay: return "day";
    case Partition::kWeek: return "week";
  }
  return "day";
}

Result<Partition> ParsePartition(std::string_view name) {
  if (name == "hour") return Partition::kHour;
  if (name == "day") return Partition::kDay;
  if (name == "week") return Partition::kWeek;
  return Status::InvalidArgument("partition must be hour, day or week, not '" + std::string(name) + "'");
}

TimestampMs PartitionStart(Partition p, TimestampMs t) {
  switch (p) {
    case Partition::kHour: return FloorDiv(t, kHourMs);
    case Partition::kDay: return FloorDiv(t, kDayMs);
    case Partition::kWeek:
      // 1970-01-01 was a Thursday; Monday 1969-12-29 is day -3.
      return FloorDiv(t + 3 * kDayMs, 7 * kDayMs) - 3 * kDayMs;
  }
  return t;
}

std::string PartitionKey(Partition p, TimestampMs start) {
  int64_t y64;
  unsigned m, d;
  CivilFromDays(FloorDiv(start, kDayMs) / kDayMs, &y64, &m, &d);
  int y = static_cast<int>(y64);
  char buf[32];
  if (p == Partition::kHour) {
    int hour = static_cast<int>((start - FloorDiv(start, kDayMs)) / kHourMs);
    std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d", y, m, d, hour);
  } else {
    std::snprintf(buf, sizeof buf, "%04d%02u%02u%s", y, m, d, p == Partition::kWeek ? "W" : "");
  }
  return buf;
}

std::string SegmentDir(const std::string& dir) { return dir + "/segments"; }
std::string ComplianceDir(const std::string& dir) { return dir + "/compliance"; }

uint64_t Manifest::total_rows() const {
  uint64_t n = 0;
  for (const auto& s : segments) n += s.meta.rows;
  return n;
}

std::string Manifest::Serialize() const {
  std::ostringstream o;
  const bool v2 = !inputs.empty() || !rejects_file.empty();
  o << "roost-manifest " << (v2 ? 2 : 1) << "\n"
    << "version " << version << "\n"
    << "partition " << PartitionName(partition) << "\n"
    << "next_seq " << next_seq << "\n"
    << "compliance " << (compliance_file.empty() ? "-" : compliance_file) << "\n";
  for (const auto& s : segments) {
    o << "segment " << s.file << ' ' << s.meta.partition_start << ' ' << s.meta.rows << ' ' << s.meta.min_time << ' '
      << s.meta.max_time << ' ' << s.meta.min_id << ' ' << s.meta.max_id << ' ' << s.bytes;
    for (size_t i = 0; i < s.brand_fingerprints.size(); ++i)
      o << (i ? "," : " brands=") << s.brand_fingerprints[i];
    o << "\n";
  }
  char hash[24];
  for (const auto& in : inputs) {
    std::snprintf(hash, sizeof hash, "%016" PRIx64, in.head_hash);
    o << "input " << in.size << ' ' << in.mtime_ns << ' ' << hash << ' ' << in.path << "\n";
  }
  if (!rejects_file.empty()) o << "rejects " << rejects_bytes << ' ' << rejects_file << "\n";
  std::string body = o.str();
  char sum[40];
  std::snprintf(sum, sizeof sum, "checksum %016" PRIx64 "\n", Checksum(body));
  return body + sum;
}

Result<Manifest> Manifest::Parse(std::string_view text, const std::string& what) {
  auto bad = [&](size_t line, const std::string& why) {
    return Status::Corruption(what + ":" + std::to_string(line) + ": " + why);
  };
  size_t cut = text.rfind("checksum ");
  if (cut == std::string_view::npos || (cut > 0 && text[cut - 1] != '\n')) return bad(0, "no checksum line");
  uint64_t want = std::strtoull(std::string(text.substr(cut + 9, 16)).c_str(), nullptr, 16);
  if (Checksum(text.substr(0, cut)) != want) return bad(0, "checksum mismatch");
  Manifest m;
  std::istringstream in{std::string(text.substr(0, cut))};
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::istringstream ls(line);
    std::string key;
    ls >> key;
    if (n == 1) {
      int v = 0;
      ls >> v;
      if (key != "roost-manifest") return bad(n, "not a manifest");
      if (v != 1 && v != 2)
        return Status::Unsupported(what + ": manifest version " + std::to_string(v));
    } else if (key == "version") {
      ls >> m.version;
    } else if (key == "partition") {
      std::string p;
      ls >> p;
      auto part = ParsePartition(p);
      if (!part.ok()) return bad(n, part.status().message());
      m.partition = *part;
    } else if (key == "next_seq") {
      ls >> m.next_seq;
    } else if (key == "compliance") {
      ls >> m.compliance_file;
      if (m.compliance_file == "-") m.compliance_file.clear();
    } else if (key == "segment") {
      SegmentEntry e;
      ls >> e.file >> e.meta.partition_start >> e.meta.rows >> e.meta.min_time >> e.meta.max_time >> e.meta.min_id >>
          e.meta.max_id >> e.bytes;
      if (!ls || e.file.find('/') != std::string::npos) return bad(n, "bad segment line");
      // Optional fields after the fixed ones: readers skip those they do
      // not know, as format-1 readers skip them all.
      std::string extra;
      while (ls >> extra) {
        if (extra.compare(0, 7, "brands=") != 0) continue;
        std::istringstream list(extra.substr(7));
        for (std::string fp; std::getline(list, fp, ',');)
          if (!fp.empty()) e.brand_fingerprints.push_back(fp);
      }
      ls.clear();
      m.segments.push_back(std::move(e));
    } else if (key == "input") {
      // input <size> <mtime_ns> <hash> <path: the rest of the line>
      InputIdentity in;
      std::string hash;
      ls >> in.size >> in.mtime_ns >> hash;
      if (!ls || hash.size() != 16 || ls.get() != ' ') return bad(n, "bad input line");
      in.head_hash = std::strtoull(hash.c_str(), nullptr, 16);
      std::getline(ls, in.path);
      if (in.path.empty()) return bad(n, "bad input line");
      m.inputs.push_back(std::move(in));
      continue;
    } else if (key == "rejects") {
      ls >> m.rejects_bytes;
      if (!ls || ls.get() != ' ') return bad(n, "bad rejects line");
      std::getline(ls, m.rejects_file);
      if (m.rejects_file.empty()) return bad(n, "bad rejects line");
      continue;
    } else if (!key.empty()) {
      return bad(n, "unknown key '" + key + "'");
    }
    if (!ls && key != "segment" && n > 1) return bad(n, "bad value");
  }
  return m;
}

Result<Manifest> Manifest::Load(const std::string& dir) {
  const std::string path = dir + "/MANIFEST";
  auto text = ReadWholeFile(path);
  if (!text.ok() && text.status().code() == StatusCode::kNotFound) return NoArchiveAt(dir);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

Status Manifest::Store(const std::string& dir) const { return ReplaceFileAtomically(dir + "/MANIFEST", Serialize()); }

}  // namespace roost::storage

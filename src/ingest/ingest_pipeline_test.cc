#include "ingest/ingest_pipeline.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>

#include "ingest/counting_sink.h"
#include "testing/test_util.h"

namespace roost {
namespace {

std::string TweetLine(uint64_t id, uint64_t user, bool is_protected = false) {
  return R"({"created_at":"Thu Mar 01 12:00:00 +0000 2012","id_str":")" + std::to_string(id) +
         R"(","text":"tweet )" + std::to_string(id) + R"(","user":{"id_str":")" + std::to_string(user) +
         R"(","protected":)" + (is_protected ? "true" : "false") + "}}";
}

// One input exercising every outcome; returns the expected counts.
IngestCounts WriteMixedInput(const std::filesystem::path& path) {
  std::string s;
  IngestCounts c;
  auto add = [&](const std::string& line) { s += line + "\n"; ++c.read; };
  for (uint64_t i = 1; i <= 50; ++i) add(TweetLine(i, 100 + i % 7)), ++c.accepted;
  add(TweetLine(3, 103)), ++c.duplicates;
  add(TweetLine(25, 104)), ++c.duplicates;
  add(TweetLine(900, 5, true)), ++c.non_public;
  add(R"({"delete":{"status":{"id_str":"7","user_id_str":"107"}}})"), ++c.compliance;
  add(R"({"scrub_geo":{"user_id_str":"101","up_to_status_id_str":"40"}})"), ++c.compliance;
  auto reject = [&](const std::string& line, RejectReason r) {
    add(line);
    ++c.rejected;
    ++c.rejected_by_reason[static_cast<size_t>(r)];
  };
  reject(R"({"created_at":"Thu Mar 01 12:00:00 +0000 2012","id_str":"77","text":"cut)", RejectReason::kTruncated);
  reject("not json at all", RejectReason::kMalformedJson);
  reject("{\"created_at\":\"Thu Mar 01 12:00:00 +0000 2012\",\"id_str\":\"78\",\"text\":\"\xff\xfe\",\"user\":{\"id_str\":\"1\"}}",
         RejectReason::kInvalidUtf8);
  reject(R"({"created_at":"Thu Mar 01 12:00:00 +0000 2012","text":"x","user":{"id_str":"1"}})", RejectReason::kMissingId);
  reject(R"({"created_at":"Thu Mar 01 12:00:00 +0000 2012","id_str":"-5","text":"x","user":{"id_str":"1"}})", RejectReason::kBadId);
  reject(R"({"id_str":"79","text":"x","user":{"id_str":"1"}})", RejectReason::kMissingTime);
  reject(R"({"created_at":"soon","id_str":"80","text":"x","user":{"id_str":"1"}})", RejectReason::kBadTime);
  reject(R"({"created_at":"Thu Mar 01 12:00:00 +0000 2012","id_str":"81","user":{"id_str":"1"}})", RejectReason::kMissingText);
  reject(R"({"created_at":"Thu Mar 01 12:00:00 +0000 2012","id_str":"82","text":"x"})", RejectReason::kMissingUser);
  reject(R"({"limit":{"track":5}})", RejectReason::kNotATweet);
  reject("{\"created_at\":\"Thu Mar 01 12:00:00 +0000 2012\",\"id_str\":\"83\",\"text\":\"" +
             std::string(3000, 'z') + "\",\"user\":{\"id_str\":\"1\"}}",
         RejectReason::kTooLarge);
  // A pretty-printed search response with two statuses, one of them new.
  s += "{\n  \"statuses\": [\n    " + TweetLine(200, 9) + ",\n    " + TweetLine(1, 9) + "\n  ]\n}\n";
  c.read += 2, ++c.accepted, ++c.duplicates;
  testing::WriteFileOrDie(path, s);
  return c;
}

void ExpectSameCounts(const IngestCounts& got, const IngestCounts& want) {
  EXPECT_EQ(got.read, want.read);
  EXPECT_EQ(got.accepted, want.accepted);
  EXPECT_EQ(got.duplicates, want.duplicates);
  EXPECT_EQ(got.non_public, want.non_public);
  EXPECT_EQ(got.compliance, want.compliance);
  EXPECT_EQ(got.rejected, want.rejected);
  for (size_t i = 0; i < want.rejected_by_reason.size(); ++i) {
    EXPECT_EQ(got.rejected_by_reason[i], want.rejected_by_reason[i])
        << RejectReasonName(static_cast<RejectReason>(i));
  }
  EXPECT_TRUE(got.Balanced());
}

TEST(IngestPipelineTest, EveryRecordLandsInExactlyOneBucket) {
  testing::ScratchDir dir;
  IngestCounts want = WriteMixedInput(dir / "mixed.jsonl");
  IngestOptions options;
  options.inputs = {(dir / "mixed.jsonl").string()};
  options.max_record_bytes = 2048;
  options.rejects_path = (dir / "rejects.txt").string();
  CountingSink sink;
  auto report = RunIngest(options, &sink);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ExpectSameCounts(report->counts, want);
  EXPECT_EQ(sink.compliance_events(), want.compliance);
  EXPECT_EQ(report->rejects_file, options.rejects_path);
  // The rejects file holds one header per rejected record, with its line.
  std::string rejects = testing::ReadFileOrDie(dir / "rejects.txt");
  size_t headers = 0;
  for (size_t p = rejects.find("#roost-reject "); p != std::string::npos;
       p = rejects.find("#roost-reject ", p + 1)) {
    ++headers;
  }
  EXPECT_EQ(headers, want.rejected);
  EXPECT_NE(rejects.find("line=56 reason=truncated"), std::string::npos) << rejects.substr(0, 400);
  EXPECT_NE(rejects.find("not json at all"), std::string::npos);
}

TEST(IngestPipelineTest, SameAnswerWhateverTheThreadCount) {
  testing::ScratchDir dir;
  std::string s;
  for (uint64_t i = 0; i < 30000; ++i) s += TweetLine(1000 + i % 25000, 1 + i % 97) + "\n";
  testing::WriteFileOrDie(dir / "a.jsonl", s);
  std::vector<uint64_t> first;
  for (int threads : {1, 2, 5}) {
    IngestOptions options;
    options.inputs = {dir.path().string()};
    options.threads = threads;
    CountingSink sink;
    auto report = RunIngest(options, &sink);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->counts.accepted, 25000u);
    EXPECT_EQ(report->counts.duplicates, 5000u);
    if (first.empty()) first = sink.accepted_ids();
    EXPECT_EQ(sink.accepted_ids(), first) << threads << " threads";  // input order kept
  }
}

TEST(IngestPipelineTest, TruncatedGzipKeepsEarlierRecordsAndSaysSo) {
  testing::ScratchDir dir;
  std::string s;
  for (uint64_t i = 1; i <= 20000; ++i) s += TweetLine(i * 7919, 1 + i % 13) + "\n";
  // gzip it with zlib, then cut the stream.
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string packed(deflateBound(&zs, s.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(s.data());
  zs.avail_in = s.size();
  zs.next_out = reinterpret_cast<Bytef*>(packed.data());
  zs.avail_out = packed.size();
  ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  packed.resize(zs.total_out);
  deflateEnd(&zs);
  testing::WriteFileOrDie(dir / "cut.json.gz", packed.substr(0, packed.size() / 2));
  IngestOptions options;
  options.inputs = {(dir / "cut.json.gz").string()};
  CountingSink sink;
  auto report = RunIngest(options, &sink);
  ASSERT_TRUE(report.ok());
  EXPECT_GT(report->counts.accepted, 1000u);
  EXPECT_LT(report->counts.accepted, 20000u);
  EXPECT_TRUE(report->counts.Balanced());
  ASSERT_EQ(report->input_errors.size(), 1u);
  EXPECT_NE(report->input_errors[0].find("truncated gzip stream"), std::string::npos);
  // Every id accepted is one that was written, in order.
  for (size_t i = 0; i < sink.accepted_ids().size(); ++i) {
    EXPECT_EQ(sink.accepted_ids()[i], (i + 1) * 7919);
  }
}

TEST(IngestPipelineTest, MissingInputIsAnError) {
  IngestOptions options;
  options.inputs = {"/nonexistent/roost/input"};
  CountingSink sink;
  auto report = RunIngest(options, &sink);
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace roost

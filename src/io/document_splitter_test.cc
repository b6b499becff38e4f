#include "io/document_splitter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.h"
#include "testing/test_util.h"

namespace roost {
namespace {

struct Piece {
  std::string text;
  uint64_t line;
  uint64_t lines;
  bool too_large;
};

std::vector<Piece> Split(const std::string& input, size_t max_bytes = 1 << 20) {
  testing::ScratchDir dir;
  testing::WriteFileOrDie(dir / "in.json", input);
  auto source = OpenByteSource((dir / "in.json").string());
  EXPECT_TRUE(source.ok());
  DocumentSplitter splitter(source->get(), max_bytes);
  std::vector<Piece> out;
  Document doc;
  for (;;) {
    auto more = splitter.Next(&doc);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    out.push_back({std::string(doc.data, doc.length), doc.first_line, doc.line_count,
                   doc.kind == Document::Kind::kTooLarge});
  }
  return out;
}

TEST(DocumentSplitterTest, OneDocumentPerJsonLine) {
  auto docs = Split("{\"a\":1}\n\n  {\"b\":2}  \r\n[1,2]\n");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "{\"a\":1}");
  EXPECT_EQ(docs[1].text, "{\"b\":2}");
  EXPECT_EQ(docs[1].line, 3u);
  EXPECT_EQ(docs[2].text, "[1,2]");
  EXPECT_EQ(docs[2].line, 4u);
}

TEST(DocumentSplitterTest, PrettyPrintedDocumentSpansLines) {
  auto docs = Split("{\n  \"statuses\": [\n    {\"id\": 1},\n    {\"id\": 2}\n  ]\n}\n{\"x\":1}\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].line, 1u);
  EXPECT_EQ(docs[0].lines, 6u);
  EXPECT_EQ(docs[1].text, "{\"x\":1}");
  EXPECT_EQ(docs[1].line, 7u);
}

TEST(DocumentSplitterTest, ArrayOfObjectsOnePerLine) {
  auto docs = Split("[\n{\"id\":1},\n{\"id\":2}\n]\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].lines, 4u);
}

TEST(DocumentSplitterTest, TruncatedLineDoesNotSwallowTheNextRecord) {
  auto docs = Split("{\"a\":1,\"b\":{\"c\":2,\n{\"ok\":true}\n{\"d\":\"cut in a str\n{\"ok\":2}\n");
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].text, "{\"a\":1,\"b\":{\"c\":2,");
  EXPECT_EQ(docs[1].text, "{\"ok\":true}");
  EXPECT_EQ(docs[1].line, 2u);
  EXPECT_EQ(docs[2].text, "{\"d\":\"cut in a str");
  EXPECT_EQ(docs[3].text, "{\"ok\":2}");
  EXPECT_EQ(docs[3].line, 4u);
}

TEST(DocumentSplitterTest, RecordCutAfterAColonDoesNotSwallowTheNext) {
  auto docs = Split("{\"bad\":\n{\"ok\":1}\n{\"ok\":2}\n");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "{\"bad\":");
  EXPECT_EQ(docs[1].text, "{\"ok\":1}");
}

TEST(DocumentSplitterTest, BracesInsideStringsDoNotCount) {
  auto docs = Split("{\"t\":\"{[\\\"\",\n\"u\":1}\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].lines, 2u);
}

TEST(DocumentSplitterTest, TruncatedAtEndOfFileIsStillADocument) {
  auto docs = Split("{\"a\":1}\n{\n \"b\": [1,");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].text, "{\n \"b\": [1,");
}

TEST(DocumentSplitterTest, OverlongLineIsReportedAndSkipped) {
  std::string big = "{\"t\":\"" + std::string(5000, 'x') + "\"}";
  auto docs = Split("{\"a\":1}\n" + big + "\n{\"b\":2}\n", 1000);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_FALSE(docs[0].too_large);
  EXPECT_TRUE(docs[1].too_large);
  EXPECT_EQ(docs[1].line, 2u);
  EXPECT_EQ(docs[2].text, "{\"b\":2}");
  EXPECT_EQ(docs[2].line, 3u);
}

// The file's last line, without a '\n', read whole in one go.
TEST(DocumentSplitterTest, OverlongLastLineWithoutNewlineIsTooLarge) {
  std::string big = "{\"t\":\"" + std::string(1500, 'x') + "\"}";
  auto docs = Split("{\"a\":1}\n" + big, 1000);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_FALSE(docs[0].too_large);
  EXPECT_TRUE(docs[1].too_large);
  EXPECT_EQ(docs[1].line, 2u);
}

TEST(DocumentSplitterTest, OverlongMultiLineDocumentIsOneRejection) {
  std::string doc = "[\n";
  for (int i = 0; i < 200; ++i) doc += "  {\"id\": " + std::to_string(i) + "},\n";
  doc += "  {\"id\": 0}\n]\n";
  auto docs = Split(doc + "{\"b\":2}\n", 500);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(docs[0].too_large);
  EXPECT_EQ(docs[1].text, "{\"b\":2}");
}

TEST(DocumentSplitterTest, ByteOrderMarkIsIgnored) {
  auto docs = Split("\xEF\xBB\xBF{\"a\":1}\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "{\"a\":1}");
}

TEST(DocumentSplitterTest, LinesLongerThanTheReadChunkAreJoined) {
  std::string big = "{\"t\":\"" + std::string(3 << 20, 'y') + "\"}";
  auto docs = Split(big + "\n{\"b\":2}\n", 8 << 20);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text.size(), big.size());
  EXPECT_EQ(docs[1].text, "{\"b\":2}");
}

// Serves a string in short reads, as a pipe does: the splitter then appends
// to a buffer whose earlier documents are already handed out.
class ShortReads : public ByteSource {
 public:
  ShortReads(std::string bytes, size_t step) : bytes_(std::move(bytes)), step_(step) {}
  Result<size_t> Read(char* buffer, size_t capacity) override {
    const size_t n = std::min({capacity, step_, bytes_.size() - at_});
    std::memcpy(buffer, bytes_.data() + at_, n);
    at_ += n;
    return n;
  }
  Compression compression() const override { return Compression::kNone; }
  uint64_t compressed_bytes_read() const override { return at_; }
  const std::string& name() const override { return name_; }

 private:
  std::string bytes_;
  size_t step_;
  size_t at_ = 0;
  std::string name_ = "short-reads";
};

// The ingest reader keeps documents alive past later Next() calls by taking
// a share of the read buffer: a shared buffer must never be overwritten.
TEST(DocumentSplitterTest, SharedBufferKeepsItsDocumentsAcrossRefills) {
  std::string input;
  std::vector<std::string> lines;
  for (int i = 0; i < 40000; ++i) {  // several read chunks
    lines.push_back("{\"id\":" + std::to_string(i) + ",\"pad\":\"" + std::string(i % 97, 'p') + "\"}");
    input += lines.back() + (i % 3 == 0 ? "\r\n" : "\n");
  }
  ShortReads source(input, 1000);
  DocumentSplitter splitter(&source, 1 << 20);
  std::vector<std::shared_ptr<const void>> shares;
  std::vector<std::string_view> kept;
  std::vector<std::string> padding;
  const void* shared = nullptr;
  int buffers = 0;
  Document doc;
  for (;;) {
    auto more = splitter.Next(&doc);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    if (splitter.buffer_id() != shared) {
      shared = splitter.buffer_id();
      shares.push_back(splitter.ShareBuffer());
      ++buffers;
    }
    kept.emplace_back(doc.data, doc.length);
    // A parser may read the padding while the splitter reads on: it must
    // already hold its final bytes.
    padding.emplace_back(doc.data + doc.length, DocumentSplitter::kPadding);
  }
  ASSERT_EQ(kept.size(), lines.size());
  EXPECT_GT(buffers, 2);
  for (size_t i = 0; i < lines.size(); ++i) {
    ASSERT_EQ(kept[i], lines[i]) << "document " << i;
    ASSERT_EQ(std::string_view(kept[i].data() + kept[i].size(), DocumentSplitter::kPadding), padding[i])
        << "padding of document " << i;
  }
}

}  // namespace
}  // namespace roost

namespace roost {
namespace {

TEST(DocumentSplitterTest, TruncatedZstdStreamKeepsWhatWasDecoded) {
  // A plain-text prefix of valid lines followed by a cut: simulate with a
  // zstd frame cut in half, produced by the zstd command line tool.
  testing::ScratchDir dir;
  std::string lines;
  for (int i = 0; i < 200000; ++i) lines += "{\"n\":" + std::to_string(i * 2654435761u) + "}\n";
  testing::WriteFileOrDie(dir / "in.jsonl", lines);
  std::string cmd = "zstd -q -1 " + (dir / "in.jsonl").string() + " -o " + (dir / "in.zst").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string packed = testing::ReadFileOrDie(dir / "in.zst");
  testing::WriteFileOrDie(dir / "cut.zst", packed.substr(0, packed.size() / 2));
  auto source = OpenByteSource((dir / "cut.zst").string());
  ASSERT_TRUE(source.ok());
  DocumentSplitter splitter(source->get(), 1 << 20);
  Document doc;
  size_t docs = 0;
  for (;;) {
    auto more = splitter.Next(&doc);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    ++docs;
  }
  EXPECT_GT(docs, 100u);
  EXPECT_LT(docs, 200000u);
  EXPECT_EQ(splitter.stream_status().code(), StatusCode::kCorruption);
  EXPECT_NE(splitter.stream_status().message().find("truncated zstd"), std::string::npos);
}

}  // namespace
}  // namespace roost

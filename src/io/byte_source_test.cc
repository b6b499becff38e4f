#include "io/byte_source.h"

#include <bzlib.h>
#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <string>

#include "testing/test_util.h"

namespace roost {
namespace {

std::string Gzip(const std::string& in) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, in.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = in.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = out.size();
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Zstd(const std::string& in) {
  std::string out(ZSTD_compressBound(in.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 3));
  return out;
}

std::string Bzip2(const std::string& in) {
  unsigned int len = in.size() * 2 + 600;
  std::string out(len, '\0');
  EXPECT_EQ(BZ2_bzBuffToBuffCompress(out.data(), &len, const_cast<char*>(in.data()), in.size(),
                                     9, 0, 0),
            BZ_OK);
  out.resize(len);
  return out;
}

// Reads a whole source with a small buffer to exercise refills.
Result<std::string> ReadAll(const std::string& path, Compression* detected) {
  ROOST_ASSIGN_OR_RETURN(auto source, OpenByteSource(path));
  *detected = source->compression();
  std::string out;
  char buf[777];
  for (;;) {
    ROOST_ASSIGN_OR_RETURN(size_t n, source->Read(buf, sizeof(buf)));
    if (n == 0) return out;
    out.append(buf, n);
  }
}

std::string Payload() {
  std::string s;
  for (int i = 0; i < 5000; ++i) s += "{\"id_str\":\"" + std::to_string(i) + "\",\"text\":\"hi\"}\n";
  return s;
}

struct Case {
  const char* name;
  std::string (*compress)(const std::string&);
  Compression expected;
};

class ByteSourceTest : public ::testing::TestWithParam<Case> {};

TEST_P(ByteSourceTest, DetectsByMagicBytesNotName) {
  testing::ScratchDir dir;
  std::string data = Payload();
  auto path = dir / "misleading.txt";  // the name says nothing
  testing::WriteFileOrDie(path, GetParam().compress(data));
  Compression c;
  auto got = ReadAll(path.string(), &c);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(c, GetParam().expected);
  EXPECT_EQ(*got, data);
}

TEST_P(ByteSourceTest, ConcatenatedFramesAreOneStream) {
  testing::ScratchDir dir;
  std::string a = Payload(), b = "{\"tail\":1}\n";
  testing::WriteFileOrDie(dir / "f", GetParam().compress(a) + GetParam().compress(b));
  Compression c;
  auto got = ReadAll((dir / "f").string(), &c);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, a + b);
}

TEST_P(ByteSourceTest, TruncatedStreamIsReportedAndEarlierBytesKept) {
  if (GetParam().expected == Compression::kNone) GTEST_SKIP() << "plain text cannot be truncated";
  testing::ScratchDir dir;
  std::string data = Payload();
  std::string packed = GetParam().compress(data);
  testing::WriteFileOrDie(dir / "f", packed.substr(0, packed.size() * 2 / 3));
  auto source = OpenByteSource((dir / "f").string());
  ASSERT_TRUE(source.ok());
  std::string out;
  char buf[4096];
  Status final_status;
  for (;;) {
    auto n = (*source)->Read(buf, sizeof(buf));
    if (!n.ok()) {
      final_status = n.status();
      break;
    }
    if (*n == 0) break;
    out.append(buf, *n);
  }
  EXPECT_EQ(final_status.code(), StatusCode::kCorruption);
  EXPECT_NE(final_status.message().find("truncated"), std::string::npos) << final_status.message();
  EXPECT_EQ(out, data.substr(0, out.size()));  // what was delivered is a true prefix
}

std::string Identity(const std::string& s) { return s; }

INSTANTIATE_TEST_SUITE_P(Formats, ByteSourceTest,
                         ::testing::Values(Case{"plain", Identity, Compression::kNone},
                                           Case{"gzip", Gzip, Compression::kGzip},
                                           Case{"zstd", Zstd, Compression::kZstd},
                                           Case{"bzip2", Bzip2, Compression::kBzip2}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ByteSourceTest, MissingFileIsNotFound) {
  auto s = OpenByteSource("/nonexistent/roost/file.json");
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace roost

#include "common/csv.h"

#include <gtest/gtest.h>

namespace roost {
namespace {

TEST(Csv, PlainFieldsStayBare) {
  EXPECT_EQ(CsvLine({"id", "1234567890123456789", "caf\xC3\xA9"}),
            "id,1234567890123456789,caf\xC3\xA9\n");
  EXPECT_EQ(CsvLine({}), "\n");
  EXPECT_EQ(CsvLine({"", ""}), ",\n");
}

TEST(Csv, QuotesWhatRfc4180Requires) {
  // Each case written out by hand from RFC 4180 section 2, rules 6 and 7.
  EXPECT_EQ(CsvLine({"a,b"}), "\"a,b\"\n");
  EXPECT_EQ(CsvLine({"say \"hi\""}), "\"say \"\"hi\"\"\"\n");
  EXPECT_EQ(CsvLine({"two\nlines", "x"}), "\"two\nlines\",x\n");
  EXPECT_EQ(CsvLine({"cr\rhere"}), "\"cr\rhere\"\n");
  EXPECT_EQ(CsvLine({"\""}), "\"\"\"\"\n");
  // Spaces and semicolons need no quotes.
  EXPECT_EQ(CsvLine({" a ; b "}), " a ; b \n");
}

TEST(Csv, AppendsToWhatIsThere) {
  std::string out = "x,";
  AppendCsvField(&out, "1,2");
  EXPECT_EQ(out, "x,\"1,2\"");
}

}  // namespace
}  // namespace roost

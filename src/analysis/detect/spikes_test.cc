#include "analysis/detect/spikes.h"

#include <gtest/gtest.h>

namespace roost::detect {
namespace {

TEST(FindSpikes, CoreZFlagsRowsTheScoreMisses) {
  Series s;
  for (int i = 0; i < 24 * 10; ++i) {
    s.times.push_back(1330560000000 + int64_t{i} * 3600000);
    s.values.push_back(i == 200 ? 400 : 50 + (i * 7919) % 7);
  }
  DetectorOptions d;
  d.causal = false;
  auto det = Detect(s, d);
  ASSERT_TRUE(det.ok());
  SpikeOptions o;
  o.threshold = 1.01;  // no score reaches it
  EXPECT_TRUE(FindSpikes(s, *det, o).empty());
  o.core_z = 6;
  const auto spikes = FindSpikes(s, *det, o);
  ASSERT_EQ(spikes.size(), 1u);
  EXPECT_EQ(spikes[0].peak, 200u);
  EXPECT_DOUBLE_EQ(spikes[0].peak_value, 400);
}

}  // namespace
}  // namespace roost::detect

// The ground truth files: truth.json (what was planted, what was written)
// and news.csv (the news feed an analyst would line up against the tweets).
// Schema: docs/SYNTH.md.
#ifndef ROOST_SYNTH_TRUTH_H_
#define ROOST_SYNTH_TRUTH_H_

#include <string>
#include <vector>

#include "synth/day_generator.h"
#include "synth/world.h"

namespace roost::synth {

// time,headline,url,keywords (keywords separated by ';'), RFC 4180 quoting.
std::string NewsCsv(const World& world);

std::string TruthJson(const World& world, const std::vector<DayStats>& days);

}  // namespace roost::synth

#endif  // ROOST_SYNTH_TRUTH_H_

// What trends and spikes answers show of the values and tweets their
// analyses found, as the gate lets them out, and how they show an instant.
#ifndef ROOST_ANSWER_SHOWN_VALUES_H_
#define ROOST_ANSWER_SHOWN_VALUES_H_

#include <functional>
#include <string>

#include "analysis/aggregate/time_grid.h"
#include "analysis/trends/bursts.h"
#include "analysis/trends/trends.h"
#include "privacy/privacy_policy.h"
#include "roost/roost.h"

namespace roost::answer {

// Long analyses report each step ("window 3 of 10 (2012-03-04T00:00:00Z)");
// the command line shows it on a terminal.
using Progress = std::function<void(const std::string& step)>;

// "...Z" in UTC, else the local time and its offset.
std::string TimeLabel(TimestampMs t, const aggregate::ZoneRules& zone);

// A value with fewer unique authors than the group minimum is redacted
// whole; counts are rounded, unique authors shown under the gate only.
BurstingValue ShowBurst(const privacy::PrivacyPolicy& policy, const trends::Dimensions& dims,
                        const trends::Burst& b);

// Id and text only when text may be shown, the handle only when handles may.
ShownTweet ShowTweet(const privacy::PrivacyPolicy& policy, const aggregate::ZoneRules& zone,
                     const trends::ShownTweet& t);

inline bool TextShown(const privacy::PrivacyPolicy& p) { return !p.enabled || p.show_text; }
inline bool HandlesShown(const privacy::PrivacyPolicy& p) { return !p.enabled || p.show_handles; }

}  // namespace roost::answer

#endif  // ROOST_ANSWER_SHOWN_VALUES_H_

#include "answer/shown_values.h"

#include "common/time_parse.h"

namespace roost::answer {

std::string TimeLabel(TimestampMs t, const aggregate::ZoneRules& zone) {
  if (zone.is_utc()) return FormatIsoTime(t);
  return aggregate::FormatWithOffset(t, zone.OffsetAt(t));
}

BurstingValue ShowBurst(const privacy::PrivacyPolicy& policy, const trends::Dimensions& dims,
                        const trends::Burst& b) {
  BurstingValue v;
  v.dimension = dims.specs[static_cast<size_t>(b.term.dim)].name;
  if (!privacy::GroupAllowed(policy, b.authors)) {
    v.redacted = true;
    return v;
  }
  v.value = b.term.value;
  v.display = trends::DisplayTerm(dims, b.term);
  v.tweets = privacy::RoundDown(policy, b.count);
  v.expected_tweets = b.expected;
  v.lift = b.lift;
  v.z = b.z;
  if (policy.enabled) v.unique_authors = privacy::RoundDown(policy, b.authors);
  return v;
}

ShownTweet ShowTweet(const privacy::PrivacyPolicy& policy, const aggregate::ZoneRules& zone,
                     const trends::ShownTweet& t) {
  ShownTweet s;
  s.created_at = TimeLabel(t.time, zone);
  // Under a gate a tweet's id never leaves, even with its text, as in
  // samples: an id looks up its author.
  if (!policy.enabled) s.id = std::to_string(t.id);
  if (TextShown(policy)) s.text = t.text;
  if (HandlesShown(policy)) s.handle = t.handle;
  s.retweet_count = t.retweet_count;
  return s;
}

}  // namespace roost::answer

// DistinctAuthors: the distinct authors of one group of rows at a time, each
// with the largest follower count seen, over small author numbers (a
// segment's dictionary ids or AuthorIndex numbers). A generation stamp per
// number says whether the current group has seen it, so a group costs time
// in its rows only and starting the next one is free: no sort, no hash.
#ifndef ROOST_ANALYSIS_AGGREGATE_DISTINCT_AUTHORS_H_
#define ROOST_ANALYSIS_AGGREGATE_DISTINCT_AUTHORS_H_

#include <algorithm>
#include <cstdint>
#include <vector>

namespace roost::aggregate {

class DistinctAuthors {
 public:
  // Numbers must be below `numbers`.
  explicit DistinctAuthors(size_t numbers) : slots_(numbers) {}

  void Add(uint32_t author, int64_t followers) {
    Slot& s = slots_[author];
    const uint32_t f = Clamp(followers);
    if (s.stamp != generation_) {
      s.stamp = generation_;
      s.followers = f;
      seen_.push_back(author);
    } else if (f > s.followers) {
      s.followers = f;
    }
  }
  // Asks the cache for an author's slot ahead of its Add: the slots are
  // read at random, and a scan knows the authors of the rows ahead.
  void Prefetch(uint32_t author) const {
    if (author < slots_.size()) __builtin_prefetch(&slots_[author], 1);
  }
  // The current group's authors, in first-seen order.
  const std::vector<uint32_t>& seen() const { return seen_; }
  size_t count() const { return seen_.size(); }
  // The largest follower count seen (0 for a negative one).
  int64_t followers(uint32_t author) const { return slots_[author].followers; }
  // fn(author, followers) for each author of the group; in number order
  // when the group holds many of them (a sequential walk then beats
  // jumping around the arrays in first-seen order).
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    if (seen_.size() * 4 < slots_.size()) {
      for (uint32_t a : seen_) fn(a, slots_[a].followers);
      return;
    }
    for (uint32_t a = 0; a < slots_.size(); ++a)
      if (slots_[a].stamp == generation_) fn(a, slots_[a].followers);
  }
  // Sum over the group's authors of their largest follower count (negative counts as 0).
  uint64_t Reach() const {
    uint64_t r = 0;
    for (uint32_t a : seen_) r += static_cast<uint64_t>(std::max<int64_t>(slots_[a].followers, 0));
    return r;
  }
  // Starts the next group.
  void Clear() {
    seen_.clear();
    if (++generation_ == 0) {  // wrapped: old stamps could look current
      for (Slot& s : slots_) s.stamp = 0;
      generation_ = 1;
    }
  }

 private:
  // Eight bytes a slot: the arrays are read at random, once per row, and
  // half the bytes keep twice the authors in cache. No account has
  // anywhere near 2^32 followers; a negative count (bad data) counts as 0,
  // as reach counts it.
  struct Slot {
    uint32_t followers = 0;
    uint32_t stamp = 0;
  };
  static uint32_t Clamp(int64_t f) {
    return static_cast<uint32_t>(std::clamp<int64_t>(f, 0, int64_t{UINT32_MAX}));
  }
  std::vector<Slot> slots_;
  std::vector<uint32_t> seen_;
  uint32_t generation_ = 1;
};

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_DISTINCT_AUTHORS_H_

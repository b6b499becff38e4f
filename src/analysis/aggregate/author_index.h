// AuthorIndex: a small dense number for every author id an archive holds, so
// that distinct authors across segments can be counted with flat arrays
// instead of sorting or hashing 64-bit ids per question. Numbers are given
// in first-seen order and never change; the index only grows. Thread-safe.
#ifndef ROOST_ANALYSIS_AGGREGATE_AUTHOR_INDEX_H_
#define ROOST_ANALYSIS_AGGREGATE_AUTHOR_INDEX_H_

#include <cstdint>
#include <mutex>
#include <vector>

namespace roost::aggregate {

class AuthorIndex {
 public:
  // The dense number of each id, giving new ones the next free numbers.
  std::vector<uint32_t> Assign(const std::vector<uint64_t>& ids);
  // Every number Assign has returned is below this.
  uint32_t size() const;

 private:
  void Grow();
  mutable std::mutex mu_;
  // Open addressing, linear probing; kEmpty marks a free slot.
  static constexpr uint32_t kEmpty = ~uint32_t{0};
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> numbers_;
  uint32_t size_ = 0;
};

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_AUTHOR_INDEX_H_

#include "analysis/aggregate/author_index.h"

namespace roost::aggregate {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64's finalizer: author ids are not uniform
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

uint32_t AuthorIndex::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return size_;
}

void AuthorIndex::Grow() {
  std::vector<uint64_t> keys = std::move(keys_);
  std::vector<uint32_t> numbers = std::move(numbers_);
  const size_t slots = keys.empty() ? 1024 : keys.size() * 2;
  keys_.assign(slots, 0);
  numbers_.assign(slots, kEmpty);
  const size_t mask = slots - 1;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (numbers[i] == kEmpty) continue;
    size_t s = Mix(keys[i]) & mask;
    while (numbers_[s] != kEmpty) s = (s + 1) & mask;
    keys_[s] = keys[i];
    numbers_[s] = numbers[i];
  }
}

std::vector<uint32_t> AuthorIndex::Assign(const std::vector<uint64_t>& ids) {
  std::vector<uint32_t> out(ids.size());
  std::lock_guard<std::mutex> lock(mu_);
  for (size_t i = 0; i < ids.size(); ++i) {
    if ((size_t{size_} + 1) * 2 > keys_.size()) Grow();  // at most half full
    const size_t mask = keys_.size() - 1;
    size_t s = Mix(ids[i]) & mask;
    while (numbers_[s] != kEmpty && keys_[s] != ids[i]) s = (s + 1) & mask;
    if (numbers_[s] == kEmpty) {
      keys_[s] = ids[i];
      numbers_[s] = size_++;
    }
    out[i] = numbers_[s];
  }
  return out;
}

}  // namespace roost::aggregate

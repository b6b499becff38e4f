// ByteLruCache: values shared between callers and kept in memory up to a
// byte budget, the least recently used going first. Values are type-erased
// (each cache owner knows what it stored under a key) so one eviction policy
// serves decoded columns and decoded postings alike. Thread-safe.
#ifndef ROOST_COMMON_BYTE_LRU_CACHE_H_
#define ROOST_COMMON_BYTE_LRU_CACHE_H_

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace roost {

class ByteLruCache {
 public:
  explicit ByteLruCache(uint64_t budget_bytes) : budget_(budget_bytes) {}

  // The value stored under `key`, or nullptr (counted as a miss).
  std::shared_ptr<const void> Find(const std::string& key);
  // Stores `value` (about `bytes` of memory) unless it alone is over the
  // budget or `key` is already there; evicts as needed.
  void Insert(const std::string& key, std::shared_ptr<const void> value, uint64_t bytes);

  uint64_t bytes() const;
  uint64_t hits() const;
  uint64_t misses() const;

 private:
  struct Entry {
    std::shared_ptr<const void> value;
    uint64_t bytes = 0;
    std::list<std::string>::iterator lru;
  };

  uint64_t budget_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // front: most recently used
  uint64_t bytes_ = 0, hits_ = 0, misses_ = 0;
};

// A fraction (1/divisor) of physical memory, or 1 GiB when unknown.
uint64_t ShareOfPhysicalMemory(unsigned divisor);

}  // namespace roost

#endif  // ROOST_COMMON_BYTE_LRU_CACHE_H_

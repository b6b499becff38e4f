// TermList: the terms of one tweet (Tweet::terms) packed in one string, each
// term's bytes after its length (one byte; 255 and four more bytes when the
// term is 255 bytes or longer).
//
// Why not std::vector<std::string>: a tweet has 20-40 terms with its bigrams,
// and a vector paid 32 bytes per term plus a heap block for each term over 15
// bytes (most bigrams). An ingest holds a whole segment's tweets in memory,
// so that was the largest part of each buffered tweet; now a term costs its
// length plus one byte, and a list one allocation.
#ifndef ROOST_TERM_LIST_H_
#define ROOST_TERM_LIST_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace roost {

class TermList {
 public:
  using value_type = std::string_view;
  using size_type = size_t;

  // Forward iterator over the terms, as views into the list.
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = std::string_view;

    const_iterator() = default;
    explicit const_iterator(const char* p) : p_(p) {}
    std::string_view operator*() const { return TermAt(p_); }
    const_iterator& operator++() {
      p_ = Next(p_);
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      p_ = Next(p_);
      return old;
    }
    bool operator==(const const_iterator& o) const { return p_ == o.p_; }
    bool operator!=(const const_iterator& o) const { return p_ != o.p_; }

   private:
    const char* p_ = nullptr;
  };
  using iterator = const_iterator;

  TermList() = default;
  TermList(std::initializer_list<std::string_view> terms) {
    for (std::string_view t : terms) push_back(t);
  }
  explicit TermList(const std::vector<std::string>& terms) {
    for (const std::string& t : terms) push_back(t);
  }

  void push_back(std::string_view term) {
    const size_t n = term.size();
    if (n < kLong) {
      bytes_.push_back(static_cast<char>(n));
    } else {
      bytes_.push_back(static_cast<char>(kLong));
      const uint32_t n32 = static_cast<uint32_t>(n);
      bytes_.append(reinterpret_cast<const char*>(&n32), sizeof(n32));
    }
    bytes_.append(term.data(), n);
    ++count_;
  }
  void append(const TermList& other) {
    bytes_ += other.bytes_;
    count_ += other.count_;
  }

  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  void clear() {
    bytes_.clear();
    count_ = 0;
  }
  // Heap bytes held (for memory accounting).
  size_t capacity_bytes() const { return bytes_.capacity(); }

  const_iterator begin() const { return const_iterator(bytes_.data()); }
  const_iterator end() const { return const_iterator(bytes_.data() + bytes_.size()); }

  // Where the next term will start, and the term that starts at such an
  // offset: lets a caller remember terms across appends (which may move
  // the bytes) without keeping views.
  uint32_t end_offset() const { return static_cast<uint32_t>(bytes_.size()); }
  std::string_view TermAtOffset(uint32_t offset) const { return TermAt(bytes_.data() + offset); }

  std::vector<std::string> ToVector() const { return std::vector<std::string>(begin(), end()); }

  bool operator==(const TermList& o) const { return count_ == o.count_ && bytes_ == o.bytes_; }
  bool operator!=(const TermList& o) const { return !(*this == o); }

 private:
  static constexpr unsigned char kLong = 255;

  static size_t HeaderSize(const char* p) { return static_cast<unsigned char>(*p) < kLong ? 1 : 5; }
  static size_t LengthAt(const char* p) {
    const unsigned char b = static_cast<unsigned char>(*p);
    if (b < kLong) return b;
    uint32_t n;
    std::memcpy(&n, p + 1, sizeof(n));
    return n;
  }
  static std::string_view TermAt(const char* p) { return std::string_view(p + HeaderSize(p), LengthAt(p)); }
  static const char* Next(const char* p) { return p + HeaderSize(p) + LengthAt(p); }

  std::string bytes_;
  uint32_t count_ = 0;
};

}  // namespace roost

#endif  // ROOST_TERM_LIST_H_

// Bitmap: an owning, move-only handle on a CRoaring bitmap of row numbers.
// The query engine combines these (and, or, andnot) before touching columns.
#ifndef ROOST_STORAGE_BITMAP_H_
#define ROOST_STORAGE_BITMAP_H_

#include <roaring/roaring.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace roost::storage {

class Bitmap {
 public:
  Bitmap() : r_(roaring_bitmap_create()) {}
  explicit Bitmap(roaring_bitmap_t* r) : r_(r) {}  // takes ownership
  // Rows [begin, end).
  static Bitmap Range(uint32_t begin, uint32_t end) {
    Bitmap b;
    if (end > begin) roaring_bitmap_add_range(b.r_, begin, end);
    return b;
  }
  ~Bitmap() {
    if (r_ != nullptr) roaring_bitmap_free(r_);
  }
  Bitmap(Bitmap&& o) noexcept : r_(std::exchange(o.r_, nullptr)) {}
  Bitmap& operator=(Bitmap&& o) noexcept {
    std::swap(r_, o.r_);
    return *this;
  }
  Bitmap(const Bitmap&) = delete;
  Bitmap& operator=(const Bitmap&) = delete;
  Bitmap Copy() const { return Bitmap(roaring_bitmap_copy(r_)); }

  void Add(uint32_t row) { roaring_bitmap_add(r_, row); }
  bool Contains(uint32_t row) const { return roaring_bitmap_contains(r_, row); }
  uint64_t Cardinality() const { return roaring_bitmap_get_cardinality(r_); }
  bool Empty() const { return roaring_bitmap_is_empty(r_); }
  void AndWith(const Bitmap& o) { roaring_bitmap_and_inplace(r_, o.r_); }
  void OrWith(const Bitmap& o) { roaring_bitmap_or_inplace(r_, o.r_); }
  void AndNotWith(const Bitmap& o) { roaring_bitmap_andnot_inplace(r_, o.r_); }
  bool Equals(const Bitmap& o) const { return roaring_bitmap_equals(r_, o.r_); }
  std::vector<uint32_t> ToVector() const {
    std::vector<uint32_t> v(Cardinality());
    roaring_bitmap_to_uint32_array(r_, v.data());
    return v;
  }
  const roaring_bitmap_t* raw() const { return r_; }
  roaring_bitmap_t* raw() { return r_; }

 private:
  roaring_bitmap_t* r_;
};

}  // namespace roost::storage

#endif  // ROOST_STORAGE_BITMAP_H_

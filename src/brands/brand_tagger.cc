#include "brands/brand_tagger.h"

#include <algorithm>
#include <thread>

#include "brands/brand_query.h"
#include "query/executor.h"
#include "query/parser.h"

namespace roost::brands {
namespace {

bool TestsBrandTags(const query::Node& n) {
  if (n.kind == query::Node::kPred) return n.pred.target && std::string(n.pred.target->name) == "brand";
  return std::any_of(n.children.begin(), n.children.end(), [](const auto& c) { return TestsBrandTags(*c); });
}

}  // namespace

Result<std::unique_ptr<BrandTagger>> BrandTagger::Create(const BrandSet& set) {
  std::unique_ptr<BrandTagger> t(new BrandTagger());
  t->set_ = set;
  ROOST_ASSIGN_OR_RETURN(t->matcher_, BrandMatcher::Compile(set));
  for (const BrandDefinition& b : set.brands) {
    t->queries_.emplace_back();
    if (b.filter.empty()) continue;
    const std::string where = set.path + ":" + std::to_string(b.line) + ": brand '" + b.name + "' field 'filter': ";
    auto q = query::ParseQuery(BrandQuery(b));
    if (!q.ok()) return Status::InvalidArgument(where + q.status().message());
    if (TestsBrandTags(*q->root))
      return Status::InvalidArgument(where + "tests the brand target, which brand tags cannot be made from");
    t->queries_.back() = std::make_unique<query::Query>(std::move(q).value());
  }
  return t;
}

bool BrandTagger::NeedsSegments() const {
  return std::any_of(queries_.begin(), queries_.end(), [](const auto& q) { return q != nullptr; });
}

void BrandTagger::SetTags(const std::vector<uint8_t>& hits, Tweet* t) const {
  t->brand_tags.clear();
  for (size_t b = 0; b < hits.size(); ++b)
    if (hits[b]) t->brand_tags.push_back(set_.brands[b].name);
}

void BrandTagger::TagTweet(Tweet* t) const {
  thread_local std::vector<uint8_t> hits;
  matcher_->Match(*t, &hits);
  SetTags(hits, t);
}

std::vector<std::string> BrandTagger::PerTweetFingerprints() const {
  std::vector<std::string> out;
  for (size_t b = 0; b < set_.brands.size(); ++b)
    if (matcher_->PerTweet(b)) out.push_back(BrandFingerprint(set_.brands[b]));
  return out;
}

std::vector<std::string> BrandTagger::Fingerprints() const {
  std::vector<std::string> out;
  for (const BrandDefinition& b : set_.brands) out.push_back(BrandFingerprint(b));
  return out;
}

Status BrandTagger::TagSegment(const storage::Archive& archive, size_t segment, std::vector<Tweet>* tweets,
                               int threads) const {
  const size_t rows = tweets->size();
  if (rows != archive.entry(segment).meta.rows)
    return Status::Internal("tagging " + archive.entry(segment).file + ": " + std::to_string(rows) +
                            " tweets for a segment of " + std::to_string(archive.entry(segment).meta.rows) + " rows");
  std::vector<std::optional<storage::Bitmap>> by_filter(queries_.size());
  for (size_t b = 0; b < queries_.size(); ++b) {
    if (!queries_[b]) continue;
    ROOST_ASSIGN_OR_RETURN(by_filter[b], query::MatchSegmentRows(archive, segment, *queries_[b]));
  }
  auto work = [&](size_t begin, size_t end) {
    std::vector<uint8_t> hits;
    for (size_t row = begin; row < end; ++row) {
      Tweet& t = (*tweets)[row];
      matcher_->Match(t, &hits);
      for (size_t b = 0; b < by_filter.size(); ++b)
        if (by_filter[b]) hits[b] = by_filter[b]->Contains(static_cast<uint32_t>(row)) ? 1 : 0;
      SetTags(hits, &t);
    }
  };
  size_t n = threads > 0 ? static_cast<size_t>(threads) : std::max(1u, std::thread::hardware_concurrency());
  n = std::clamp<size_t>(n, 1, std::max<size_t>(1, rows / 4096));
  if (n == 1) {
    work(0, rows);
    return Status::Ok();
  }
  std::vector<std::thread> pool;
  for (size_t i = 0; i < n; ++i) pool.emplace_back(work, rows * i / n, rows * (i + 1) / n);
  for (auto& th : pool) th.join();
  return Status::Ok();
}

}  // namespace roost::brands

#include "enrich/sentiment/learned_model.h"

#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "common/asset_path.h"

namespace roost::sentiment {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'R', 'S', 'N', 'T', 'M', 'O', 'D', 'L'};
constexpr int kRowBytes = 4;

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutF32(std::string* out, float f) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  PutU32(out, v);
}
void PutVarint(std::string* out, uint32_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool U32(uint32_t* v) {
    if (b_.size() - pos_ < 4) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i) *v |= static_cast<uint32_t>(static_cast<uint8_t>(b_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return true;
  }
  bool F32(float* f) {
    uint32_t v;
    if (!U32(&v)) return false;
    std::memcpy(f, &v, 4);
    return std::isfinite(*f);
  }
  bool Varint(uint32_t* v) {
    *v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (pos_ >= b_.size()) return false;
      const uint8_t c = static_cast<uint8_t>(b_[pos_++]);
      *v |= static_cast<uint32_t>(c & 0x7F) << shift;
      if (!(c & 0x80)) return true;
    }
    return false;
  }
  bool Bytes(size_t n, std::string_view* out) {
    if (b_.size() - pos_ < n) return false;
    *out = b_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  size_t pos() const { return pos_; }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

std::string ConfigLines(const std::string& lang, const FeatureConfig& c) {
  std::ostringstream s;
  s << "lang=" << lang << "\nhash_bits=" << c.hash_bits << "\nchar_min=" << c.char_min
    << "\nchar_max=" << c.char_max << "\nword_bigrams=" << c.word_bigrams
    << "\nnegation=" << c.negation << "\nnormalize=" << c.normalize
    << "\nchar_weight=" << c.char_weight << "\n";
  return s.str();
}

constexpr std::string_view kConfigKeys[] = {"lang",     "hash_bits", "char_min",  "char_max",
                                            "word_bigrams", "negation", "normalize", "char_weight"};

bool IsConfigKey(std::string_view k) {
  return std::find(std::begin(kConfigKeys), std::end(kConfigKeys), k) != std::end(kConfigKeys);
}

}  // namespace

LearnedModel::LearnedModel(std::string lang, const FeatureConfig& config)
    : lang_(std::move(lang)), config_(config),
      weights_(static_cast<size_t>(kRowBytes) << config.hash_bits, 0) {}

void LearnedModel::SetHashedWeights(const std::vector<float>& w) {
  float max_abs = 0.0f;
  for (float v : w) max_abs = std::max(max_abs, std::fabs(v));
  scale_ = max_abs > 0 ? max_abs / 127.0f : 0.0f;
  const size_t rows = size_t{1} << config_.hash_bits;
  weights_.assign(rows * kRowBytes, 0);
  if (scale_ == 0.0f) return;
  for (size_t r = 0; r < rows && r * kClasses + 2 < w.size(); ++r) {
    for (int c = 0; c < kClasses; ++c) {
      weights_[r * kRowBytes + c] =
          static_cast<int8_t>(std::lround(std::clamp(w[r * kClasses + c] / scale_, -127.0f, 127.0f)));
    }
  }
}

size_t LearnedModel::nonzero_rows() const {
  size_t n = 0;
  for (size_t r = 0; r + kRowBytes <= weights_.size(); r += kRowBytes) {
    n += weights_[r] != 0 || weights_[r + 1] != 0 || weights_[r + 2] != 0;
  }
  return n;
}

float LabelConsistentScore(const Prediction& p) {
  constexpr float kCut = 0.05f;         // the class cut of analysis/aggregate/metrics.h
  constexpr float kNeutralScale = 0.098f;  // maps |score| <= 1/2 below the cut
  const float s = p.score();
  switch (p.label()) {
    case 1: return std::max(s, kCut);
    case -1: return std::min(s, -kCut);
    default: return std::clamp(s * kNeutralScale, -0.049f, 0.049f);
  }
}

Prediction LearnedModel::Predict(const FeatureVector& f) const {
  float acc[kClasses] = {0, 0, 0};
  const int8_t* w = weights_.data();
  // The rows are scattered over megabytes: ask for all of them before
  // using any, so the cache misses overlap instead of queuing.
  for (const SparseFeature& s : f.sparse) __builtin_prefetch(w + static_cast<size_t>(s.index) * kRowBytes);
  for (const SparseFeature& s : f.sparse) {
    const int8_t* row = w + static_cast<size_t>(s.index) * kRowBytes;
    acc[0] += row[0] * s.value;
    acc[1] += row[1] * s.value;
    acc[2] += row[2] * s.value;
  }
  Prediction p;
  float z[kClasses];
  for (int c = 0; c < kClasses; ++c) {
    z[c] = acc[c] * scale_ + bias_[c];
    for (int d = 0; d < kDenseFeatures; ++d) z[c] += dense_[d][c] * f.dense[d];
  }
  const float m = std::max({z[0], z[1], z[2]});
  float sum = 0;
  for (int c = 0; c < kClasses; ++c) sum += (p.prob[c] = std::exp(z[c] - m));
  for (int c = 0; c < kClasses; ++c) p.prob[c] /= sum;
  p.cls = (z[0] > z[1] && z[0] > z[2]) ? 0 : (z[2] > z[1] ? 2 : 1);
  return p;
}

std::string LearnedModel::Serialize() const {
  std::string out(kMagic, sizeof(kMagic));
  PutU32(&out, kModelFormatVersion);
  std::string meta = ConfigLines(lang_, config_);
  for (const auto& [k, v] : info_) {
    if (!IsConfigKey(k)) meta += k + "=" + v + "\n";
  }
  PutU32(&out, static_cast<uint32_t>(meta.size()));
  out += meta;
  PutF32(&out, scale_);
  for (float b : bias_) PutF32(&out, b);
  PutU32(&out, kDenseFeatures);
  for (const auto& row : dense_) {
    for (float v : row) PutF32(&out, v);
  }
  const uint32_t n = static_cast<uint32_t>(nonzero_rows());
  PutU32(&out, n);
  uint32_t prev = 0;
  bool first = true;
  for (size_t r = 0; r * kRowBytes < weights_.size(); ++r) {
    const int8_t* row = &weights_[r * kRowBytes];
    if (row[0] == 0 && row[1] == 0 && row[2] == 0) continue;
    PutVarint(&out, static_cast<uint32_t>(r) - (first ? 0 : prev + 1));
    first = false;
    prev = static_cast<uint32_t>(r);
    for (int c = 0; c < kClasses; ++c) out.push_back(static_cast<char>(row[c]));
  }
  PutU64(&out, XXH64(out.data(), out.size(), 0));
  return out;
}

Result<LearnedModel> LearnedModel::Parse(std::string_view bytes, std::string_view name) {
  const std::string where(name);
  auto bad = [&](const std::string& what) {
    return Status::ParseError("sentiment model " + where + ": " + what);
  };
  if (bytes.size() < sizeof(kMagic) + 8 || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return bad("not a sentiment model (bad magic)");
  }
  uint64_t stored = 0;
  for (int i = 0; i < 8; ++i) {
    stored |= static_cast<uint64_t>(static_cast<uint8_t>(bytes[bytes.size() - 8 + i])) << (8 * i);
  }
  if (XXH64(bytes.data(), bytes.size() - 8, 0) != stored) return bad("checksum mismatch");
  Reader r(bytes.substr(sizeof(kMagic), bytes.size() - 8 - sizeof(kMagic)));
  uint32_t version = 0, meta_len = 0;
  if (!r.U32(&version)) return bad("truncated header");
  if (version != kModelFormatVersion) {
    return bad("format version " + std::to_string(version) + " (this build reads " +
               std::to_string(kModelFormatVersion) + ")");
  }
  std::string_view meta;
  if (!r.U32(&meta_len) || !r.Bytes(meta_len, &meta)) return bad("truncated header");
  LearnedModel m;
  std::map<std::string, std::string> kv;
  size_t pos = 0;
  while (pos < meta.size()) {
    size_t nl = meta.find('\n', pos);
    if (nl == std::string_view::npos) nl = meta.size();
    std::string_view line = meta.substr(pos, nl - pos);
    pos = nl + 1;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    kv[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
  }
  auto int_of = [&](const char* k, int* out) {
    auto it = kv.find(k);
    if (it == kv.end()) return false;
    char* end = nullptr;
    long v = std::strtol(it->second.c_str(), &end, 10);
    if (end == it->second.c_str() || *end != '\0') return false;
    *out = static_cast<int>(v);
    return true;
  };
  int bits, cmin, cmax, bigrams, negation, normalize;
  if (!kv.count("lang") || !int_of("hash_bits", &bits) || !int_of("char_min", &cmin) ||
      !int_of("char_max", &cmax) || !int_of("word_bigrams", &bigrams) ||
      !int_of("negation", &negation) || !int_of("normalize", &normalize) ||
      !kv.count("char_weight")) {
    return bad("missing feature settings in the header");
  }
  if (bits < 8 || bits > 24 || cmin < 1 || cmax > 8) return bad("feature settings out of range");
  m.lang_ = kv["lang"];
  m.config_.hash_bits = bits;
  m.config_.char_min = cmin;
  m.config_.char_max = cmax;
  m.config_.word_bigrams = bigrams != 0;
  m.config_.negation = negation != 0;
  m.config_.normalize = normalize != 0;
  m.config_.char_weight = std::strtof(kv["char_weight"].c_str(), nullptr);
  for (auto& [k, v] : kv) {
    if (!IsConfigKey(k)) m.info_[k] = v;
  }
  uint32_t n_dense = 0, rows = 0;
  if (!r.F32(&m.scale_)) return bad("truncated weights");
  for (float& b : m.bias_) {
    if (!r.F32(&b)) return bad("truncated weights");
  }
  if (!r.U32(&n_dense) || n_dense != kDenseFeatures) return bad("unexpected dense feature count");
  for (auto& row : m.dense_) {
    for (float& v : row) {
      if (!r.F32(&v)) return bad("truncated weights");
    }
  }
  const size_t n_buckets = size_t{1} << bits;
  m.weights_.assign(n_buckets * kRowBytes, 0);
  if (!r.U32(&rows) || rows > n_buckets) return bad("bad row count");
  uint64_t bucket = 0;
  for (uint32_t i = 0; i < rows; ++i) {
    uint32_t delta;
    std::string_view w;
    if (!r.Varint(&delta) || !r.Bytes(kClasses, &w)) return bad("truncated weights");
    bucket = i == 0 ? delta : bucket + 1 + delta;
    if (bucket >= n_buckets) return bad("bucket out of range");
    std::memcpy(&m.weights_[bucket * kRowBytes], w.data(), kClasses);
  }
  if (r.pos() != bytes.size() - 8 - sizeof(kMagic)) return bad("trailing bytes");
  return m;
}

Status LearnedModel::Save(const fs::path& path) const {
  const std::string bytes = Serialize();
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot write " + tmp.string());
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::IoError("cannot write " + tmp.string());
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::IoError("cannot rename " + tmp.string() + ": " + ec.message());
  return Status::Ok();
}

Result<LearnedModel> LearnedModel::Load(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("sentiment model not found: " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path.string());
}

namespace {

bool HasModels(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".rsm") return true;
  }
  return false;
}

}  // namespace

Result<fs::path> FindSentimentModelDir() {
  std::vector<fs::path> tried;
  if (const char* env = std::getenv("ROOST_MODEL_DIR"); env && *env) {
    for (fs::path dir : {fs::path(env), fs::path(env) / "sentiment"}) {
      if (HasModels(dir)) return dir;
    }
    return Status::NotFound(std::string("ROOST_MODEL_DIR=") + env +
                            " holds no sentiment model (*.rsm, or sentiment/*.rsm)");
  }
  auto try_dir = [&](const fs::path& dir) {
    if (std::find(tried.begin(), tried.end(), dir) != tried.end()) return false;
    tried.push_back(dir);
    return HasModels(dir);
  };
  if (const char* src = std::getenv("ROOST_SOURCE_DIR"); src && *src) {
    if (fs::path d = fs::path(src) / "models" / "sentiment"; try_dir(d)) return d;
  }
  for (const fs::path& data : DataDirSearchPath()) {
    if (fs::path d = data / "models" / "sentiment"; try_dir(d)) return d;
  }
  return Status::NotFound(
      "no sentiment models (*.rsm) found (searched: " +
      (tried.empty() ? "models/sentiment of " + DescribeDataDirSearch() : JoinPaths(tried)) +
      "); install roost with its share/roost directory (docs/INSTALL.md), or set ROOST_MODEL_DIR");
}

Result<LearnedSentimentScorer> LearnedSentimentScorer::Load(const LearnedSentimentOptions& options) {
  LearnedSentimentScorer s;
  ROOST_ASSIGN_OR_RETURN(SentimentScorer lexicon, SentimentScorer::Load(options.lexicon));
  s.lexicon_ = std::make_shared<const SentimentScorer>(std::move(lexicon));
  if (options.model_dir.empty()) {
    ROOST_ASSIGN_OR_RETURN(s.model_dir_, FindSentimentModelDir());
  } else {
    s.model_dir_ = options.model_dir;
  }
  auto models = std::make_shared<std::map<std::string, Entry, std::less<>>>();
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(s.model_dir_, ec)) {
    if (e.path().extension() == ".rsm") files.push_back(e.path());
  }
  if (ec) return Status::NotFound("cannot list " + s.model_dir_.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    ROOST_ASSIGN_OR_RETURN(LearnedModel m, LearnedModel::Load(f));
    Entry entry;
    entry.extractor = std::make_unique<FeatureExtractor>(m.config(), m.lang(), s.lexicon_.get());
    std::string lang = m.lang();
    entry.model = std::move(m);
    (*models)[lang] = std::move(entry);
  }
  if (models->empty()) return Status::NotFound("no sentiment models in " + s.model_dir_.string());
  s.models_ = std::move(models);
  return s;
}

const LearnedSentimentScorer::Entry* LearnedSentimentScorer::Find(std::string_view lang) const {
  std::string base(BaseLanguageCode(lang));
  for (char& c : base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = models_->find(base);
  return it == models_->end() ? nullptr : &it->second;
}

bool LearnedSentimentScorer::Predict(std::string_view text, std::string_view lang,
                                     Prediction* out, const IgnoredWords* ignore) const {
  const Entry* e = Find(lang);
  if (e == nullptr) return false;
  thread_local FeatureVector features;
  e->extractor->Extract(text, &features, ignore);
  *out = e->model.Predict(features);
  return true;
}

SentimentResult LearnedSentimentScorer::Score(std::string_view text, std::string_view lang,
                                              const IgnoredWords* ignore) const {
  SentimentResult r;
  Prediction p;
  if (!Predict(text, lang, &p, ignore)) {
    r.neu = 1.0f;
    return r;
  }
  r.scored = true;
  r.compound = LabelConsistentScore(p);
  r.neg = p.prob[0];
  r.neu = p.prob[1];
  r.pos = p.prob[2];
  r.label = p.label();
  return r;
}

bool LearnedSentimentScorer::Supports(std::string_view lang) const { return Find(lang) != nullptr; }

std::vector<std::string> LearnedSentimentScorer::languages() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : *models_) out.push_back(k);
  return out;
}

}  // namespace roost::sentiment

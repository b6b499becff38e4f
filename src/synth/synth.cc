#include "synth/synth.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include "synth/day_generator.h"
#include "synth/output_file.h"
#include "synth/truth.h"
#include "synth/world.h"

namespace roost::synth {

namespace fs = std::filesystem;

Result<Compression> ParseCompression(const std::string& name) {
  if (name == "zstd") return Compression::kZstd;
  if (name == "gzip" || name == "gz") return Compression::kGzip;
  if (name == "none") return Compression::kNone;
  return Status::InvalidArgument("unknown compression '" + name + "' (want zstd, gzip or none)");
}

Result<OutputFormat> ParseOutputFormat(const std::string& name) {
  if (name == "v1" || name == "v1.1") return OutputFormat::kV1;
  if (name == "v2") return OutputFormat::kV2;
  return Status::InvalidArgument("unknown format '" + name + "' (want v1 or v2)");
}

namespace {

Status WriteText(const fs::path& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::FromErrno("open", path.string());
  size_t n = std::fwrite(text.data(), 1, text.size(), f);
  if (std::fclose(f) != 0 || n != text.size()) return Status::FromErrno("write", path.string());
  return Status::Ok();
}

Status Concatenate(const std::vector<fs::path>& parts, const fs::path& out) {
  FILE* f = std::fopen(out.c_str(), "wb");
  if (!f) return Status::FromErrno("open", out.string());
  std::vector<char> chunk(1 << 20);
  for (const auto& p : parts) {
    FILE* in = std::fopen(p.c_str(), "rb");
    if (!in) {
      std::fclose(f);
      return Status::FromErrno("open", p.string());
    }
    size_t n;
    while ((n = std::fread(chunk.data(), 1, chunk.size(), in)) > 0) {
      if (std::fwrite(chunk.data(), 1, n, f) != n) {
        std::fclose(in);
        std::fclose(f);
        return Status::FromErrno("write", out.string());
      }
    }
    std::fclose(in);
    std::error_code ec;
    fs::remove(p, ec);
  }
  if (std::fclose(f) != 0) return Status::FromErrno("write", out.string());
  return Status::Ok();
}

}  // namespace

Result<SynthSummary> RunSynth(const SynthOptions& options, const SynthProgress& progress) {
  auto t0 = std::chrono::steady_clock::now();
  std::clock_t c0 = std::clock();
  if (options.out_dir.empty()) return Status::InvalidArgument("--out is required");
  if (options.threads < 1) return Status::InvalidArgument("--threads must be at least 1");
  auto rate_ok = [](double r) { return r >= 0 && r <= 1; };
  if (!rate_ok(options.malformed_rate)) return Status::InvalidArgument("--malformed-rate must be within [0, 1]");
  if (options.zstd_level < -7 || options.zstd_level > 19)
    return Status::InvalidArgument("zstd level must be within [-7, 19]");

  std::vector<Brand> brands;
  if (options.brands_file.empty()) {
    brands = BuiltinBrands();
  } else {
    ROOST_ASSIGN_OR_RETURN(brands, LoadBrandsToml(options.brands_file));
  }
  if (brands.size() > 64) return Status::InvalidArgument("at most 64 brands are supported");
  ROOST_ASSIGN_OR_RETURN(World world, BuildWorld(options, std::move(brands)));

  fs::path out(options.out_dir);
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return Status::IoError("create directory " + out.string() + ": " + ec.message());

  const int days = options.days;
  std::vector<DayStats> stats(days);
  std::vector<fs::path> comp_parts(days);
  std::vector<std::string> files(days);
  for (int d = 0; d < days; ++d) {
    std::string date = FormatIsoDate(world.DayStart(d));
    files[d] = "tweets-" + date + OutputFile::Extension(options.compression);
    comp_parts[d] = out / (".compliance-" + date + ".part");
  }

  std::atomic<int> next{0};
  std::mutex mu;
  Status first_error;
  int done = 0;
  auto worker = [&] {
    DayGenerator gen(world);
    for (;;) {
      int d = next.fetch_add(1);
      if (d >= days) return;
      Status s = gen.Generate(d, (out / files[d]).string(), comp_parts[d].string(), &stats[d]);
      std::lock_guard<std::mutex> lock(mu);
      stats[d].file = files[d];
      if (!s.ok()) {
        if (first_error.ok()) first_error = s;
        next.store(days);
        return;
      }
      ++done;
      if (progress) progress(done, days);
    }
  };
  int n_threads = std::min(options.threads, days);
  std::vector<std::thread> pool;
  for (int k = 1; k < n_threads; ++k) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  ROOST_RETURN_IF_ERROR(first_error);

  ROOST_RETURN_IF_ERROR(Concatenate(comp_parts, out / "compliance.jsonl"));
  ROOST_RETURN_IF_ERROR(WriteText(out / "brands.toml", BrandsToToml(world.brands)));
  ROOST_RETURN_IF_ERROR(WriteText(out / "news.csv", NewsCsv(world)));
  ROOST_RETURN_IF_ERROR(WriteText(out / "truth.json", TruthJson(world, stats)));

  SynthSummary sum;
  sum.days = days;
  for (const auto& s : stats) {
    sum.lines += s.lines;
    sum.tweets += s.tweets;
    sum.public_tweets += s.public_tweets;
    sum.non_public_tweets += s.non_public_tweets;
    sum.compliance += s.compliance;
    sum.malformed += s.malformed_total();
    sum.bytes += s.bytes;
    sum.bytes_compressed += s.bytes_compressed;
  }
  sum.files = files;
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  sum.cpu_seconds = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  return sum;
}

}  // namespace roost::synth

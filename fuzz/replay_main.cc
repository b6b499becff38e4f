// Runs a fuzz target's LLVMFuzzerTestOneInput on saved inputs, without
// libFuzzer: `fuzz_TARGET PATH...` where each PATH is a file or a directory
// of files (a corpus, the regression inputs). The normal build links every
// target with this main, so the test suite replays every corpus with the
// normal compiler. A missing PATH is skipped; no input at all is a failure,
// so a corpus that went missing cannot pass unnoticed.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

std::vector<std::filesystem::path> InputsOf(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
      if (entry.is_regular_file()) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
  } else if (std::filesystem::is_regular_file(path, ec)) {
    out.push_back(path);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  size_t inputs = 0;
  for (int i = 1; i < argc; ++i) {
    for (const auto& file : InputsOf(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      // A file read whole into its own buffer, so reads past its end are
      // caught by the sanitizers as they would be under libFuzzer.
      std::vector<uint8_t> exact(bytes.begin(), bytes.end());
      std::fprintf(stderr, "replay %s (%zu bytes)\n", file.c_str(), exact.size());
      LLVMFuzzerTestOneInput(exact.data(), exact.size());
      ++inputs;
    }
  }
  std::printf("replayed %zu inputs\n", inputs);
  if (inputs == 0) {
    std::fprintf(stderr, "no inputs found in the given paths\n");
    return 1;
  }
  return 0;
}

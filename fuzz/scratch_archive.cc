#include "scratch_archive.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "enrich/enricher.h"
#include "parse/document_parser.h"
#include "storage/archive_ingest_sink.h"

namespace roost::fuzz {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "scratch archive: %s\n", what.c_str());
  std::abort();
}

std::string ReadTweets() {
  const fs::path file = fs::path(ROOST_FUZZ_DIR) / "scratch_archive" / "tweets.jsonl";
  std::ifstream in(file, std::ios::binary);
  if (!in) Fail("cannot read " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void Build(const std::string& dir) {
  auto enricher = Enricher::Create();
  if (!enricher.ok()) Fail(enricher.status().ToString());
  storage::ArchiveIngestOptions options;
  auto sink = storage::OpenArchiveForIngest(dir, options);
  if (!sink.ok()) Fail(sink.status().ToString());
  DocumentParser parser;
  std::istringstream lines(ReadTweets());
  std::string line;
  std::vector<Tweet> tweets;
  while (std::getline(lines, line)) {
    for (ParsedRecord& r : parser.ParseString(line)) {
      if (r.kind == ParsedRecord::Kind::kTweet) {
        enricher->Enrich(&r.tweet);
        tweets.push_back(std::move(r.tweet));
      } else if (r.kind == ParsedRecord::Kind::kCompliance) {
        // Applied after the tweets, as a later compliance file would be.
        if (!tweets.empty()) {
          std::vector<bool> duplicate;
          if (Status s = (*sink)->AddTweets(&tweets, &duplicate); !s.ok()) Fail(s.ToString());
          tweets.clear();
        }
        if (Status s = (*sink)->AddCompliance(r.compliance); !s.ok()) Fail(s.ToString());
      }
    }
  }
  std::vector<bool> duplicate;
  if (Status s = (*sink)->AddTweets(&tweets, &duplicate); !s.ok()) Fail(s.ToString());
  if (Status s = (*sink)->Commit(); !s.ok()) Fail(s.ToString());
  std::ofstream policy(fs::path(dir) / "privacy.toml");
  policy << "[privacy]\nenabled = true\nmin_answer_authors = 2\nmin_group_authors = 1\ncount_quantum = 1\n";
  if (!policy) Fail("cannot write privacy.toml");
}

}  // namespace

const std::string& ScratchArchiveDir() {
  // Never destroyed: the exit handler that removes the folder reads it.
  static const std::string* dir = [] {
    auto* path = new std::string((fs::temp_directory_path() / "roost-fuzz-archive-XXXXXX").string());
    if (::mkdtemp(path->data()) == nullptr) Fail("cannot create a temporary folder");
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(*dir, ignored);
    });
    Build(*path);
    return path;
  }();
  return *dir;
}

const storage::Archive& ScratchArchive() {
  static const std::shared_ptr<const storage::Archive> archive = [] {
    auto a = storage::Archive::Open(ScratchArchiveDir());
    if (!a.ok()) Fail(a.status().ToString());
    return *a;
  }();
  return *archive;
}

}  // namespace roost::fuzz

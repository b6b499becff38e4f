#include "io/document_splitter.h"

#include <algorithm>
#include <cstring>

namespace roost {
namespace {

constexpr size_t kReadChunk = 1 << 20;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

DocumentSplitter::DocumentSplitter(ByteSource* source, size_t max_document_bytes)
    : source_(source), max_bytes_(std::max<size_t>(max_document_bytes, 16)) {
  buf_ = std::make_shared<Buffer>(kReadChunk + kPadding);
}

bool DocumentSplitter::CanContinue(const Scanner& s, const char* line, size_t n) {
  if (n == 0 || line[0] != '{' || s.stack.empty()) return true;
  if (s.stack.back() == '[') return s.last_significant == ',' || s.last_significant == '[';
  // Inside an object a '{' can only follow "key":, and pretty printers
  // indent such values; at column 0 it is the next record after a cut one.
  return false;
}

void DocumentSplitter::Rebase(size_t keep_from, size_t size) {
  if (buf_.use_count() == 1 && size == buf_->size) {
    std::memmove(data(), data() + keep_from, end_ - keep_from);
  } else {
    auto fresh = std::make_shared<Buffer>(size);
    std::memcpy(fresh->bytes.get(), data() + keep_from, end_ - keep_from);
    buf_ = std::move(fresh);
  }
  end_ -= keep_from;
  scan_ -= keep_from;
  doc_start_ -= std::min(doc_start_, keep_from);
  if (pending_) {
    pending_begin_ -= keep_from;
    pending_end_ -= keep_from;
  }
}

Status DocumentSplitter::Fill() {
  if (end_ + kPadding >= buf_->size) {
    const size_t k = keep_from_;
    keep_from_ = 0;
    // Grow only when what must be kept fills more than half the buffer.
    const size_t size = end_ - k + kPadding > buf_->size / 2 ? buf_->size * 2 : buf_->size;
    Rebase(k, size);
  }
  size_t room = buf_->size - kPadding - end_;
  Result<size_t> got = source_->Read(data() + end_, room);
  if (!got.ok()) {
    // A damaged or cut stream: what was decoded before it is still split
    // into documents (the last one usually ends up rejected as truncated).
    stream_status_ = got.status();
    eof_ = true;
    return Status::Ok();
  }
  size_t n = *got;
  if (n == 0) {
    eof_ = true;
    return Status::Ok();
  }
  const bool at_start = first_bytes_ && end_ == 0;
  first_bytes_ = false;
  end_ += n;
  std::memset(data() + end_, ' ', kPadding);  // documents' padding: defined bytes
  if (at_start && n >= 3 && std::memcmp(data(), "\xEF\xBB\xBF", 3) == 0) scan_ = 3;
  return Status::Ok();
}

Result<bool> DocumentSplitter::NextLine(size_t* line_begin, size_t* line_end, bool* too_long) {
  *too_long = false;
  size_t searched = 0;  // bytes after scan_ already known to hold no '\n'
  for (;;) {
    const char* nl = static_cast<const char*>(
        std::memchr(data() + scan_ + searched, '\n', end_ - scan_ - searched));
    if (nl != nullptr && !eof_ && static_cast<size_t>(nl - data()) + 1 + kPadding > end_) {
      // A line is handed out only once the kPadding bytes after it are
      // read: a parser may load them while later reads go on, so nothing
      // may be written there after the line is out.
      ROOST_RETURN_IF_ERROR(Fill());  // may rebase: search again from scan_
      searched = 0;
      continue;
    }
    if (nl != nullptr) {
      *line_begin = scan_;
      *line_end = static_cast<size_t>(nl - data());
      scan_ = *line_end + 1;
      ++line_;
      *too_long = *line_end - *line_begin > max_bytes_;
      line_unfinished_ = false;
      return true;
    }
    searched = end_ - scan_;
    if (eof_) {
      if (scan_ == end_) return false;
      *line_begin = scan_;
      *line_end = end_;
      scan_ = end_;
      ++line_;
      // A last line without '\n' obeys the limit too (it may have been
      // read whole before the check below ever ran).
      *too_long = *line_end - *line_begin > max_bytes_;
      line_unfinished_ = false;
      return true;
    }
    if (end_ - scan_ > max_bytes_) {
      *too_long = true;
      line_unfinished_ = true;
      *line_begin = scan_;
      *line_end = end_;
      scan_ = end_;
      ++line_;
      return true;
    }
    ROOST_RETURN_IF_ERROR(Fill());  // may compact: offsets relative to scan_ stay valid
  }
}

Result<bool> DocumentSplitter::SkipRestOfLine() {
  // Discards bytes up to and including the next '\n', counting them.
  if (!line_unfinished_) return true;
  line_unfinished_ = false;
  for (;;) {
    const char* nl = static_cast<const char*>(
        std::memchr(data() + scan_, '\n', end_ - scan_));
    if (nl != nullptr) {
      skipped_ += static_cast<size_t>(nl - (data() + scan_));
      scan_ = static_cast<size_t>(nl - data()) + 1;
      return true;
    }
    skipped_ += end_ - scan_;
    scan_ = end_;
    if (eof_) return false;
    keep_from_ = scan_;
    ROOST_RETURN_IF_ERROR(Fill());
  }
}

void DocumentSplitter::EmitRange(Document* doc, Document::Kind kind, size_t begin, size_t end,
                                 uint64_t first_line, uint64_t lines) {
  doc->kind = kind;
  doc->data = data() + begin;
  doc->length = end - begin;
  doc->full_length = doc->length;
  doc->first_line = first_line;
  doc->line_count = lines;
}

void DocumentSplitter::EmitOversize(Document* doc, const char* data, size_t length,
                                    uint64_t full_length, uint64_t first_line, uint64_t lines) {
  oversize_.assign(data, std::min(length, kTooLargePrefix));
  oversize_.append(kPadding, '\0');
  doc->kind = Document::Kind::kTooLarge;
  doc->data = oversize_.data();
  doc->length = std::min(length, kTooLargePrefix);
  doc->full_length = full_length;
  doc->first_line = first_line;
  doc->line_count = lines;
}

Result<bool> DocumentSplitter::Next(Document* doc) {
  for (;;) {
    size_t lb, le;
    bool too_long = false;
    keep_from_ = pending_ ? pending_begin_ : scan_;
    if (pending_) {
      lb = pending_begin_;
      le = pending_end_;
      pending_ = false;
    } else {
      ROOST_ASSIGN_OR_RETURN(bool got, NextLine(&lb, &le, &too_long));
      if (!got) return false;
    }
    uint64_t first_line = line_;
    if (too_long) {
      size_t seen = le - lb;
      skipped_ = 0;
      std::string prefix(data() + lb, std::min(seen, kTooLargePrefix));
      ROOST_ASSIGN_OR_RETURN(bool more, SkipRestOfLine());
      (void)more;
      EmitOversize(doc, prefix.data(), prefix.size(), seen + skipped_, first_line, 1);
      return true;
    }
    size_t a = lb, b = le;
    while (a < b && IsSpace(data()[a])) ++a;
    while (b > a && IsSpace(data()[b - 1])) --b;
    if (a == b) continue;  // blank line: not a record
    char first = data()[a], last = data()[b - 1];
    if ((first == '{' && last == '}') || (first == '[' && last == ']') ||
        (first != '{' && first != '[')) {
      EmitRange(doc, Document::Kind::kJson, a, b, first_line, 1);
      return true;
    }
    // An object or array left open at the end of its first line.
    Scanner s;
    s.Feed(data() + a, b - a);
    if (s.reached_zero || s.in_string) {
      EmitRange(doc, Document::Kind::kJson, a, b, first_line, 1);
      return true;
    }
    doc_start_ = a;
    size_t doc_end = b;
    uint64_t lines = 1;
    bool oversized = false;
    uint64_t total = b - a;
    for (;;) {
      keep_from_ = oversized ? scan_ : doc_start_;
      size_t doc_length = doc_end - doc_start_;
      ROOST_ASSIGN_OR_RETURN(bool got, NextLine(&lb, &le, &too_long));
      doc_end = doc_start_ + doc_length;  // NextLine may have compacted the buffer
      if (!got) break;  // end of input inside the document: parser says truncated
      if (too_long) {
        if (!oversized) {
          oversize_.assign(data() + doc_start_,
                           std::min<size_t>(doc_end - doc_start_, kTooLargePrefix));
          oversized = true;
        }
        skipped_ = 0;
        ROOST_ASSIGN_OR_RETURN(bool more, SkipRestOfLine());
        (void)more;
        total += (le - lb) + skipped_;
        ++lines;
        continue;
      }
      if (!s.stack.empty() && !CanContinue(s, data() + lb, le - lb)) {
        pending_ = true;
        pending_begin_ = lb;
        pending_end_ = le;
        break;
      }
      s.Feed(data() + lb, le - lb);
      ++lines;
      total += 1 + (le - lb);
      if (!oversized) {
        doc_end = le;
        if (doc_end - doc_start_ > max_bytes_) {
          oversize_.assign(data() + doc_start_, std::min(doc_end - doc_start_, kTooLargePrefix));
          oversized = true;
        }
      }
      if (s.stack.empty() || s.in_string) break;
    }
    if (oversized) {
      std::string prefix = std::move(oversize_);
      EmitOversize(doc, prefix.data(), prefix.size(), total, first_line, lines);
    } else {
      while (doc_end > doc_start_ && IsSpace(data()[doc_end - 1])) --doc_end;
      EmitRange(doc, Document::Kind::kJson, doc_start_, doc_end, first_line, lines);
    }
    return true;
  }
}

}  // namespace roost

// DocumentSplitter: cuts a decompressed byte stream into JSON documents.
// One line of a JSON-lines file is one document; a document whose first
// line leaves an object or array open continues over the following lines
// (pretty-printed API responses). A record cut short in the middle of a
// JSON-lines file must not swallow the good records after it, so an open
// document ends early when the next line starts, at column 0, something
// that cannot continue it (a '{' where only a key could come).
#ifndef ROOST_IO_DOCUMENT_SPLITTER_H_
#define ROOST_IO_DOCUMENT_SPLITTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/json_nesting.h"
#include "io/byte_source.h"
#include "roost/status.h"

namespace roost {

struct Document {
  enum class Kind : uint8_t {
    kJson,      // candidate JSON text, to be parsed
    kTooLarge,  // over the size limit: `data` holds only the first bytes
  };
  Kind kind = Kind::kJson;
  const char* data = nullptr;  // valid until the next Next(); followed by
  size_t length = 0;           // kPadding readable bytes
  uint64_t first_line = 0;     // 1-based line number in the source
  uint64_t line_count = 0;
  uint64_t full_length = 0;    // true size (differs from length when kTooLarge)
};

class DocumentSplitter {
 public:
  static constexpr size_t kPadding = 64;
  // Bytes of an oversized document kept for the rejects file.
  static constexpr size_t kTooLargePrefix = 64 * 1024;

  DocumentSplitter(ByteSource* source, size_t max_document_bytes);

  // Fills *doc with the next document and returns true, or returns false at
  // the end of the input. Blank lines are skipped. A read or decompression
  // error ends the input early (see stream_status()); the bytes decoded
  // before it are still returned as documents.
  Result<bool> Next(Document* doc);

  uint64_t lines_read() const { return line_; }

  // Zero-copy hand-off: documents point into the current read buffer, and a
  // caller that keeps them past the next Next() takes a share of it. A
  // shared buffer is never moved or overwritten: when it is full the
  // splitter starts a new one, copying only the unfinished line. The id
  // changes exactly when that happens.
  const void* buffer_id() const { return buf_.get(); }
  std::shared_ptr<const void> ShareBuffer() const { return buf_; }

  // Not OK when the input stream ended with an error (a truncated gzip or
  // zstd stream, a read failure). Check it once Next() has returned false.
  const Status& stream_status() const { return stream_status_; }

 private:
  using Scanner = JsonNesting;

  // Ensures a full line starting at scan_ is in the buffer; sets *line_end
  // to the '\n' position (or end of data at EOF). Returns false at EOF with
  // nothing left. Sets *too_long when the line alone exceeds the limit.
  Result<bool> NextLine(size_t* line_begin, size_t* line_end, bool* too_long);
  Status Fill();
  Result<bool> SkipRestOfLine();
  void EmitRange(Document* doc, Document::Kind kind, size_t begin, size_t end,
                 uint64_t first_line, uint64_t lines);
  void EmitOversize(Document* doc, const char* data, size_t length, uint64_t full_length,
                    uint64_t first_line, uint64_t lines);
  static bool CanContinue(const Scanner& s, const char* line, size_t n);

  struct Buffer {
    explicit Buffer(size_t n) : bytes(std::make_unique_for_overwrite<char[]>(n)), size(n) {}
    std::unique_ptr<char[]> bytes;  // not zeroed: only [0, end_) is ever read as data
    size_t size;
  };
  char* data() const { return buf_->bytes.get(); }
  // Moves [keep_from, end_) to the front of a buffer of at least `size`
  // bytes: the same one when nobody shares it, else a new one.
  void Rebase(size_t keep_from, size_t size);

  ByteSource* source_;
  size_t max_bytes_;
  std::shared_ptr<Buffer> buf_;
  size_t end_ = 0;    // end of valid data
  size_t scan_ = 0;   // start of the next unread line
  size_t keep_from_ = 0;  // bytes before this may be dropped by the next Fill()
  size_t doc_start_ = 0;  // start of the multi-line document being assembled
  size_t skipped_ = 0;    // bytes discarded by the last SkipRestOfLine()
  bool line_unfinished_ = false;  // a too-long line whose '\n' is not read yet
  bool eof_ = false;
  bool first_bytes_ = true;  // strip a UTF-8 byte-order mark once
  uint64_t line_ = 0;        // lines consumed so far
  std::string oversize_;     // prefix copy of an oversized document
  Status stream_status_;
  // A line read ahead that did not belong to the previous document.
  bool pending_ = false;
  size_t pending_begin_ = 0, pending_end_ = 0;
};

}  // namespace roost

#endif  // ROOST_IO_DOCUMENT_SPLITTER_H_

// File, JSON Lines and standard-input readers (the directory reader and the
// dispatch over paths are in reader_dir.cc).
#include "ingest/reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "ingest/reader_jsonl.h"
#include "ingest/reader_lines.h"
#include "ingest/reader_text.h"

namespace kg {
namespace {

using reader::Skipped;

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f != nullptr) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1048576.0);
  return buf;
}

// Reads at most `limit` + 1 bytes of `f` into *out; *total gets the full size
// (the rest is drained, not kept). False on a read error.
bool ReadBounded(std::FILE* f, size_t limit, std::string* out,
                 uint64_t* total) {
  char buf[1 << 16];
  *total = 0;
  for (;;) {
    size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n == 0) break;
    *total += n;
    if (out->size() <= limit)
      out->append(buf, std::min(n, limit + 1 - out->size()));
  }
  return std::ferror(f) == 0;
}

// Validates a plain-text document and fills out->article.
void FinishTextDocument(std::string text, uint64_t total,
                        const std::string& source, const std::string& id,
                        ReadResult* out) {
  out->status = Status::OK();
  out->article = Article();
  if (total > kMaxDocumentBytes) {
    out->status = Skipped(source, 1,
                          "document too large (" + Megabytes(total) +
                              ", limit " + Megabytes(kMaxDocumentBytes) + ")");
    return;
  }
  uint64_t line = 1;
  if (Status st = reader::CheckAndNormalise(&text, true, &line); !st.ok()) {
    out->status = Skipped(source, line, st.message());
    return;
  }
  Article& a = out->article;
  a.title = reader::TakeTitle(&text);
  a.text = std::move(text);
  a.id = id;
  a.source = source;
  if (Status st = reader::CheckNames(&a); !st.ok()) {
    out->status = Skipped(source, 1, st.message());
    out->article = Article();
  }
}

// Yields the records of a JSON Lines stream; optionally starts from a line the
// caller already read (the standard-input sniffing).
class JsonLinesReader : public ArticleReader {
 public:
  JsonLinesReader(std::string source, FilePtr owned, std::FILE* file)
      : source_(std::move(source)),
        owned_(std::move(owned)),
        lines_(file, kMaxLineBytes) {}

  // Makes `line` (number `line_no`) the first record returned.
  void Push(std::string line) {
    pending_ = std::move(line);
    has_pending_ = true;
  }
  reader::LineReader& lines() { return lines_; }

  bool Next(ReadResult* out) override {
    std::string line;
    for (;;) {
      bool too_long = false;
      uint64_t length = 0;
      if (has_pending_) {
        line = std::move(pending_);
        has_pending_ = false;
      } else if (!lines_.Next(&line, &too_long, &length)) {
        if (lines_.error() && !reported_error_) {
          reported_error_ = true;
          out->status =
              Skipped(source_, lines_.line_number() + 1,
                      std::string("read error: ") + std::strerror(errno));
          return true;
        }
        return false;
      }
      uint64_t no = lines_.line_number();
      if (too_long) {
        out->status = Skipped(source_, no,
                              "line too long (" + Megabytes(length) +
                                  ", limit " + Megabytes(kMaxLineBytes) + ")");
        return true;
      }
      if (no == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      reader::ParseJsonLine(line, source_, no, out);
      return true;
    }
  }

 private:
  std::string source_;
  FilePtr owned_;
  reader::LineReader lines_;
  std::string pending_;
  bool has_pending_ = false;
  bool reported_error_ = false;
};

// One document, delivered once.
class SingleReader : public ArticleReader {
 public:
  explicit SingleReader(ReadResult r) : result_(std::move(r)) {}
  bool Next(ReadResult* out) override {
    if (done_) return false;
    done_ = true;
    *out = std::move(result_);
    return true;
  }

 private:
  ReadResult result_;
  bool done_ = false;
};

// Standard input: sniffs the first non-blank line, then streams JSON Lines or
// reads one plain-text document.
class StdinReader : public ArticleReader {
 public:
  explicit StdinReader(std::FILE* in)
      : jsonl_(std::make_unique<JsonLinesReader>("stdin", nullptr, in)),
        in_(in) {}

  bool Next(ReadResult* out) override {
    if (!sniffed_) Sniff();
    if (text_) return text_->Next(out);
    return jsonl_->Next(out);
  }

 private:
  void Sniff() {
    sniffed_ = true;
    std::string head, line;
    bool too_long = false;
    uint64_t length = 0, total = 0;
    while (jsonl_->lines().Next(&line, &too_long, &length)) {
      total += length + 1;
      if (!too_long && head.size() <= kMaxDocumentBytes) head += line + "\n";
      size_t first = line.find_first_not_of(" \t\r");
      if (line.compare(0, 3, "\xEF\xBB\xBF") == 0)
        first = line.find_first_not_of(" \t\r", 3);
      if (too_long || first != std::string::npos) {
        if (!too_long && line[first] == '{') {
          jsonl_->Push(line);
          return;
        }
        break;
      }
    }
    // Plain text: the lines read so far plus the rest of the input.
    std::string rest;
    jsonl_->lines().TakeBuffered(&rest);
    uint64_t rest_total = rest.size();
    size_t room =
        kMaxDocumentBytes + 1 - std::min(head.size(), kMaxDocumentBytes + 1);
    std::string tail;
    uint64_t tail_total = 0;
    ReadBounded(in_, room, &tail, &tail_total);
    rest_total += tail_total;
    head += rest;
    head += tail;
    ReadResult r;
    FinishTextDocument(std::move(head), total + rest_total, "stdin", "stdin",
                       &r);
    text_ = std::make_unique<SingleReader>(std::move(r));
  }

  std::unique_ptr<JsonLinesReader> jsonl_;
  std::unique_ptr<SingleReader> text_;
  std::FILE* in_;
  bool sniffed_ = false;
};

}  // namespace

namespace reader {

ReadResult ReadTextFile(const std::string& path, const std::string& id) {
  ReadResult r;
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    r.status =
        Skipped(path, 1, std::string("cannot open: ") + std::strerror(errno));
    return r;
  }
  struct stat st;
  if (fstat(fileno(f.get()), &st) == 0 &&
      static_cast<uint64_t>(st.st_size) > kMaxDocumentBytes) {
    FinishTextDocument("", st.st_size, path, id, &r);  // too large, unread
    return r;
  }
  std::string text;
  uint64_t total = 0;
  if (!ReadBounded(f.get(), kMaxDocumentBytes, &text, &total)) {
    r.status =
        Skipped(path, 1, std::string("read error: ") + std::strerror(errno));
    return r;
  }
  FinishTextDocument(std::move(text), total, path, id, &r);
  return r;
}

}  // namespace reader

std::unique_ptr<ArticleReader> OpenJsonLinesReader(const std::string& path) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    ReadResult r;
    r.status =
        Skipped(path, 1, std::string("cannot open: ") + std::strerror(errno));
    return std::make_unique<SingleReader>(std::move(r));
  }
  std::FILE* raw = f.get();
  return std::make_unique<JsonLinesReader>(path, std::move(f), raw);
}

std::unique_ptr<ArticleReader> OpenTextFileReader(const std::string& path) {
  return std::make_unique<SingleReader>(reader::ReadTextFile(
      path, std::filesystem::path(path).filename().string()));
}

std::unique_ptr<ArticleReader> OpenStdinReader(std::FILE* in) {
  return std::make_unique<StdinReader>(in);
}

}  // namespace kg

// Reads a file line by line with a bound on the line length, so one huge line
// cannot take memory without limit (internal to ingest/). A line longer than
// the bound is consumed and reported as too long, its content dropped.
// Not thread-safe; the FILE* is borrowed and must outlive the reader.
#ifndef KG_INGEST_READER_LINES_H_
#define KG_INGEST_READER_LINES_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace kg::reader {

class LineReader {
 public:
  LineReader(std::FILE* file, size_t max_line_bytes)
      : file_(file), max_(max_line_bytes), buf_(1 << 16) {}

  // Reads the next line (without its "\n") into *line; false at end of input
  // or on a read error (see error()). When the line exceeded the bound,
  // *too_long is set, *length holds its full length and *line is empty.
  bool Next(std::string* line, bool* too_long, uint64_t* length);

  uint64_t line_number() const { return line_no_; }  // of the last line read
  bool error() const { return error_; }

  // Moves the bytes buffered but not yet returned to the end of *out (used
  // when the caller switches to reading the FILE* directly).
  void TakeBuffered(std::string* out);

 private:
  bool Fill();

  std::FILE* file_;
  size_t max_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  uint64_t line_no_ = 0;
  bool eof_ = false, error_ = false;
};

}  // namespace kg::reader

#endif  // KG_INGEST_READER_LINES_H_

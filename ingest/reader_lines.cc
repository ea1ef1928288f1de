#include "ingest/reader_lines.h"

#include <cstring>

namespace kg::reader {

bool LineReader::Fill() {
  if (eof_) return false;
  pos_ = 0;
  end_ = std::fread(buf_.data(), 1, buf_.size(), file_);
  if (end_ == 0) {
    eof_ = true;
    error_ = std::ferror(file_) != 0;
    return false;
  }
  return true;
}

void LineReader::TakeBuffered(std::string* out) {
  out->append(buf_.data() + pos_, end_ - pos_);
  pos_ = end_;
}

bool LineReader::Next(std::string* line, bool* too_long, uint64_t* length) {
  line->clear();
  *too_long = false;
  *length = 0;
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !Fill()) {
      if (!any) return false;
      break;  // last line without "\n"
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    size_t n = nl ? static_cast<const char*>(nl) - start : end_ - pos_;
    *length += n;
    if (!*too_long) {
      if (*length > max_) {
        *too_long = true;
        line->clear();
        line->shrink_to_fit();
      } else {
        line->append(start, n);
      }
    }
    pos_ += n;
    if (nl) {
      ++pos_;
      break;
    }
  }
  ++line_no_;
  return true;
}

}  // namespace kg::reader

#include "ingest/reader_text.h"

#include <algorithm>
#include <cstdio>

#include "ingest/reader.h"

namespace kg::reader {

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp, min;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

uint64_t LineOf(std::string_view s, size_t offset) {
  offset = std::min(offset, s.size());
  return 1 + std::count(s.begin(), s.begin() + offset, '\n');
}

Status Skipped(const std::string& source, uint64_t line,
               const std::string& reason) {
  return Status::InvalidArgument(EscapeControl(source) + ":" +
                                 std::to_string(line) + ": " + reason +
                                 "; document skipped");
}

size_t FindControlChar(std::string_view s, uint32_t* code_point) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      *code_point = c;
      return i;
    }
    // C1 controls are C2 80 .. C2 9F in UTF-8.
    auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
      *code_point = next;
      return i;
    }
  }
  return std::string_view::npos;
}

namespace {

// \xNN for a C0 control or DEL, \u00NN for a C1 control.
std::string ControlName(uint32_t cp) {
  static const char kHex[] = "0123456789ABCDEF";
  return std::string(cp < 0x80 ? "\\x" : "\\u00") + kHex[(cp >> 4) & 0xF] +
         kHex[cp & 0xF];
}

}  // namespace

std::string EscapeControl(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  uint32_t cp = 0;
  size_t from = 0;
  for (size_t at;
       (at = FindControlChar(s.substr(from), &cp)) != std::string_view::npos;) {
    out += s.substr(from, at);
    out += ControlName(cp);
    from += at + (cp < 0x80 ? 1 : 2);
  }
  out += s.substr(from);
  return out;
}

Status CheckNames(Article* a) {
  uint32_t cp = 0;
  if (size_t at = FindControlChar(a->id, &cp); at != std::string::npos) {
    return Status::InvalidArgument(
        "document id contains a control character (" + ControlName(cp) +
        " at byte " + std::to_string(at) + ")");
  }
  std::string_view title = a->title;
  std::string clean;
  for (size_t at; (at = FindControlChar(title, &cp)) != std::string::npos;) {
    clean.append(title.substr(0, at)).push_back(' ');
    title.remove_prefix(at + (cp < 0x80 ? 1 : 2));
  }
  if (!clean.empty()) a->title = clean.append(title);
  return Status::OK();
}

namespace {

bool LooksBinary(std::string_view s) {
  std::string_view head = s.substr(0, 8192);
  if (head.find('\0') != std::string_view::npos) return true;
  size_t control = 0;
  for (unsigned char c : head)
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  return head.size() >= 32 && control * 10 > head.size();
}

std::string Megabytes(size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1048576.0);
  return buf;
}

}  // namespace

Status CheckAndNormalise(std::string* text, bool binary_check, uint64_t* line) {
  *line = 1;
  std::string& t = *text;
  if (t.size() > kMaxDocumentBytes) {
    return Status::InvalidArgument("document too large (" +
                                   Megabytes(t.size()) + ", limit " +
                                   Megabytes(kMaxDocumentBytes) + ")");
  }
  if (binary_check && LooksBinary(t))
    return Status::InvalidArgument("binary file (not text)");
  if (size_t nul = t.find('\0'); nul != std::string::npos) {
    *line = LineOf(t, nul);
    return Status::InvalidArgument("NUL byte at byte " + std::to_string(nul));
  }
  if (size_t bad = FindInvalidUtf8(t); bad != std::string_view::npos) {
    *line = LineOf(t, bad);
    return Status::InvalidArgument("invalid UTF-8 at byte " +
                                   std::to_string(bad));
  }
  if (t.compare(0, 3, "\xEF\xBB\xBF") == 0) t.erase(0, 3);
  if (t.find('\r') != std::string::npos) {
    size_t w = 0;
    for (size_t r = 0; r < t.size(); ++r) {
      if (t[r] == '\r') {
        t[w++] = '\n';
        if (r + 1 < t.size() && t[r + 1] == '\n') ++r;
      } else {
        t[w++] = t[r];
      }
    }
    t.resize(w);
  }
  if (t.find_first_not_of(" \t\n\f\v") == std::string::npos)
    return Status::InvalidArgument("empty text");
  return Status::OK();
}

std::string TakeTitle(std::string* text) {
  std::string& t = *text;
  size_t first = t.find_first_not_of(" \t\n");
  if (first == std::string::npos) return "";
  size_t eol = t.find('\n', first);
  if (eol == std::string::npos) return "";  // a single line is the text
  std::string_view line(t.data() + first, eol - first);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  size_t rest = t.find_first_not_of(" \t\n", eol);
  if (rest == std::string::npos || line.empty()) return "";
  bool blank_after =
      std::string_view(t.data() + eol, rest - eol).find('\n', 1) !=
      std::string_view::npos;
  bool short_line = line.size() < 150 && line.back() != '.';
  if (!blank_after && !short_line) return "";
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes > 0 && hashes < line.size() && line[hashes] == ' ')
    line.remove_prefix(hashes + 1);
  std::string title(line);
  // Keep the body's own indentation: drop only whole lines before it.
  size_t body = t.rfind('\n', rest);
  t.erase(0, body + 1);
  return title;
}

}  // namespace kg::reader

#include "ingest/reader_jsonl.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "ingest/reader_text.h"

namespace kg::reader {
namespace {

// The string value of an optional field; numbers are printed, others ignored.
std::string Field(const nlohmann::json& obj, const char* name) {
  auto it = obj.find(name);
  if (it == obj.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  if (it->is_number()) return it->dump();
  return "";
}

// nlohmann's messages start with "[json.exception.parse_error.101] ".
std::string Trim(const std::string& what) {
  size_t p = what.find("] ");
  return p == std::string::npos ? what : what.substr(p + 2);
}

}  // namespace

int JsonDepth(std::string_view s) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max_depth;
}

void ParseJsonLine(std::string_view line, const std::string& source,
                   uint64_t line_no, ReadResult* out) {
  out->status = Status::OK();
  out->article = Article();
  auto skip = [&](const std::string& reason) {
    out->status = Skipped(source, line_no, reason);
  };
  if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos)
    return skip("invalid UTF-8 at byte " + std::to_string(bad));
  if (line.find('\0') != std::string_view::npos)
    return skip("NUL byte at byte " + std::to_string(line.find('\0')));
  if (JsonDepth(line) > kMaxJsonDepth)
    return skip("JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                " levels");
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    return skip("malformed JSON: " + Trim(e.what()));
  }
  if (!obj.is_object()) return skip("not a JSON object");
  auto text = obj.find("text");
  if (text == obj.end()) return skip("no \"text\" field");
  if (!text->is_string()) return skip("\"text\" is not a string");
  Article& a = out->article;
  a.text = text->get<std::string>();
  uint64_t text_line = 1;
  if (Status st = CheckAndNormalise(&a.text, false, &text_line); !st.ok())
    return skip(st.message());
  a.id = Field(obj, "id");
  if (a.id.empty()) {
    a.id = std::filesystem::path(source).filename().string() + ":" +
           std::to_string(line_no);
  }
  a.title = Field(obj, "title");
  a.date = Field(obj, "date");
  a.url = Field(obj, "url");
  a.source = source + ":" + std::to_string(line_no);
  if (Status st = CheckNames(&a); !st.ok()) {
    *out = ReadResult();
    return skip(st.message());
  }
}

}  // namespace kg::reader

// libFuzzer target: the article readers over untrusted bytes. The whole input
// goes through the standard-input reader (JSON Lines when it starts with '{',
// else one plain-text document) via fmemopen, and each line also goes through
// reader::ParseJsonLine directly. Contract checked: no crash, every record is
// either an article or a "SOURCE:LINE: ...; document skipped" error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/reader.h"
#include "ingest/reader_jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (!in.empty()) {
    std::string copy(in);  // fmemopen wants a mutable buffer
    std::FILE* f = fmemopen(copy.data(), copy.size(), "r");
    if (f != nullptr) {
      auto reader = kg::OpenStdinReader(f);
      kg::ReadResult r;
      while (reader->Next(&r)) {
        if (!r.status.ok() &&
            r.status.ToString().find("document skipped") == std::string::npos) {
          std::abort();  // an error record must say the document was skipped
        }
      }
      reader.reset();
      std::fclose(f);
    }
  }
  size_t start = 0;
  uint64_t line_no = 1;
  while (start <= in.size()) {
    size_t end = in.find('\n', start);
    if (end == std::string_view::npos) end = in.size();
    kg::ReadResult r;
    kg::reader::ParseJsonLine(in.substr(start, end - start), "fuzz", line_no++,
                              &r);
    start = end + 1;
  }
  return 0;
}

// libFuzzer target: the SPARQL parser (query::ParseQuery) over untrusted text.
// Contract checked: no crash, hang or unbounded recursion; a failure is an
// InvalidArgument status naming line and column.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "query/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto q = kg::query::ParseQuery(text);
  if (!q.ok() && q.status().message().empty()) std::abort();
  return 0;
}

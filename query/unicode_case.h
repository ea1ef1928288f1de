// Case mapping for LCASE/UCASE over UTF-8: ASCII, Latin-1, Latin Extended-A,
// Greek and Cyrillic (the scripts of the news this tool reads); other code
// points pass through unchanged. Malformed UTF-8 bytes are copied as they
// are. Pure functions; thread-safe.
#ifndef KG_QUERY_UNICODE_CASE_H_
#define KG_QUERY_UNICODE_CASE_H_

#include <string>
#include <string_view>

namespace kg::query {

std::string Utf8ToLower(std::string_view s);
std::string Utf8ToUpper(std::string_view s);

}  // namespace kg::query

#endif  // KG_QUERY_UNICODE_CASE_H_

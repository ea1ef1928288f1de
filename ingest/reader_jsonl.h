// One JSON Lines record → Article (internal to ingest/). Shared by the JSONL
// file reader and the standard-input reader. Thread-safe (pure).
#ifndef KG_INGEST_READER_JSONL_H_
#define KG_INGEST_READER_JSONL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/reader.h"

namespace kg::reader {

// Parses `line` (line `line_no` of `source`) into out->article, or sets
// out->status to the "SOURCE:LINE: reason; document skipped" record. Checks
// UTF-8 and the nesting depth (> kMaxJsonDepth is rejected before parsing).
// A record without an "id" is named FILE_NAME:LINE.
void ParseJsonLine(std::string_view line, const std::string& source,
                   uint64_t line_no, ReadResult* out);

// Nesting depth of the JSON text (brackets outside strings).
int JsonDepth(std::string_view line);

}  // namespace kg::reader

#endif  // KG_INGEST_READER_JSONL_H_

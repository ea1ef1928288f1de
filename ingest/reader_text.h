// Checks and normalisation shared by the article readers (internal to
// ingest/): UTF-8 validation, NUL and binary detection, BOM and CRLF removal,
// the title of a plain-text document, and the "SOURCE:LINE: reason; document
// skipped" message. Pure functions; thread-safe.
#ifndef KG_INGEST_READER_TEXT_H_
#define KG_INGEST_READER_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/reader.h"
#include "storage/status.h"

namespace kg::reader {

// Offset of the first byte that is not part of well-formed UTF-8 (overlongs,
// surrogates and code points above U+10FFFF are ill-formed), or npos.
size_t FindInvalidUtf8(std::string_view s);

// 1-based line number of byte `offset` in `s`.
uint64_t LineOf(std::string_view s, size_t offset);

// The error record for a skipped document. Control characters in `source`
// are shown escaped (\x07), so a hostile file name cannot drive the terminal.
Status Skipped(const std::string& source, uint64_t line,
               const std::string& reason);

// Offset of the first control character (U+0000-U+001F, U+007F, U+0080-U+009F)
// in UTF-8 `s`, or npos; *code_point receives it.
size_t FindControlChar(std::string_view s, uint32_t* code_point);

// `s` with each control character escaped as \xNN (C1 as \u00NN).
std::string EscapeControl(std::string_view s);

// Checks the names of a read article: a document id holding a control
// character is an error ("document id contains a control character (U+0007
// at byte 3)"); control characters in the title become spaces.
Status CheckNames(Article* a);

// Validates and normalises a document's text in place: removes a leading BOM,
// turns CRLF and lone CR into LF. Errors (InvalidArgument, with `reason`
// only): NUL byte, invalid UTF-8 (both with byte offset and line), too large,
// no text. `binary_check` also rejects text whose first 8 KiB hold a NUL or
// many control characters as a binary file. *line receives the line of the
// problem (1 when not tied to a line).
Status CheckAndNormalise(std::string* text, bool binary_check, uint64_t* line);

// Splits off the title of a plain-text document: its first line when it stands
// alone — followed by a blank line, or shorter than 150 bytes without a final
// period — and more text follows. Markdown heading marks ("# ") are dropped
// from the title. On success the title and the blank lines after it are
// removed from *text. Returns the title, or "" (text unchanged).
std::string TakeTitle(std::string* text);

// Reads one plain-text file as a document named `id` (error records for an
// unreadable, binary, invalid or oversized file; the file is not read when
// its size is over the limit).
ReadResult ReadTextFile(const std::string& path, const std::string& id);

}  // namespace kg::reader

#endif  // KG_INGEST_READER_TEXT_H_
